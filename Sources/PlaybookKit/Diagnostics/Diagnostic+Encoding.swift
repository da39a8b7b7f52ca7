extension Diagnostic {
    /// The first bytes that are not UTF-8 in a file (a playbook, a scenario file): `length` of
    /// them at `offset` of `source`, which is file `file` of the renderer's sources.
    static func notUTF8(_ source: SourceFile, file: Int, at offset: Int, length: Int) -> Diagnostic {
        let bytes = source.bytes
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        return Diagnostic(
            .invalidUTF8,
            utf16 ? "the file is UTF-16, not UTF-8" : "the file is not valid UTF-8 (byte \(offset + source.byteOrderMarkLength))",
            at: Span(file: file, start: offset, end: offset + length), label: "not UTF-8",
            help: "save the file as UTF-8 (most editors offer it under 'Save with encoding')")
    }

    /// A NUL byte: a binary file (an image, an archive, an office document), not a playbook.
    static func binary(_ source: SourceFile, file: Int, at offset: Int) -> Diagnostic {
        Diagnostic(
            .binaryFile, "this is a binary file, not a playbook", at: Span(file: file, start: offset, end: offset + 1),
            label: "a NUL byte at byte \(offset + source.byteOrderMarkLength)",
            help: "a playbook is a text file saved as UTF-8")
    }
}
