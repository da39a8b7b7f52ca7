extension Runner {
    /// One item the runner shows, ended with a line break: as written, or with a `width`, wrapped
    /// to it with the lines after the first indented `hanging` cells, so that a tip, an option or
    /// a move's feedback reads as one block. For the caller's lines shown among the runner's too.
    public func wrapped(_ text: String, hanging: Int = 2) -> String {
        guard let width, width > 0 else { return text + "\n" }
        return Wrap.wrap(text, width: width, hanging: hanging) + "\n"
    }

    /// A banner, `── text ──`, in the heading's style: wrapped lines go on under the text, and
    /// the closing rule stays on the last of them.
    func banner(_ text: String) -> String {
        guard let width, width > 0 else { return paint.heading("── " + text + " ──") + "\n" }
        return paint.heading(Wrap.wrap("── " + text, width: max(1, width - 3), hanging: 3) + " ──") + "\n"
    }

    /// A line of the commands' help (`  back          undo the last answer`): wrapped lines go on
    /// under the description.
    func wrappedHelp(_ text: String) -> String {
        let indented = "  " + text
        guard let gap = indented.dropFirst(2).firstRange(of: "  ") else { return wrapped(indented, hanging: 4) }
        let description = indented[gap.upperBound...].prefix { $0 == " " }.endIndex
        return wrapped(indented, hanging: Wrap.cells(String(indented[..<description])))
    }
}
