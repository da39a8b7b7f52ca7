import PlaybookKit

/// A command line split into options and operands, with errors that name the bad word.
struct Arguments {
    private(set) var operands: [String] = []
    private var values: [String: String] = [:]
    /// Every value of each option, in order, for those that may be given more than once.
    private var repeated: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// `valued` options take the next word (or `--name=value`); `flags` take none.
    init(_ words: ArraySlice<String>, valued: Set<String>, flags known: Set<String>) throws(UsageError) {
        var index = words.startIndex
        var onlyOperands = false
        while index < words.endIndex {
            let word = words[index]
            index += 1
            if onlyOperands || !word.hasPrefix("-") || word == "-" {
                operands.append(word)
                continue
            }
            if word == "--" {
                onlyOperands = true
                continue
            }
            let name: String
            var inline: String?
            if let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inline = String(word[word.index(after: equals)...])
            } else {
                name = word
            }
            if valued.contains(name) {
                if let inline {
                    values[name] = inline
                    repeated[name, default: []].append(inline)
                } else if index < words.endIndex {
                    values[name] = words[index]
                    repeated[name, default: []].append(words[index])
                    index += 1
                } else {
                    throw UsageError("\(name) needs a value")
                }
            } else if known.contains(name), inline == nil {
                flags.insert(name)
            } else if known.contains(name) {
                throw UsageError("\(name) takes no value (write \(name) alone)")
            } else {
                let hint = Suggestion.nearest(to: name, among: valued.union(known).sorted()).map { " (did you mean \($0)?)" } ?? ""
                throw UsageError("unknown option \(name)\(hint)")
            }
        }
    }

    /// The last value of an option given more than once.
    func value(_ name: String) -> String? { values[name] }
    /// Every value of an option that may be repeated (`--rep Lan --rep Minh`).
    func all(_ name: String) -> [String] { repeated[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// The value of an option that takes one of a fixed set of words.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, default fallback: T) throws(UsageError) -> T
    where T.RawValue == String {
        guard let raw = values[name] else { return fallback }
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError("\(name) takes one of: \(allowed) (not '\(raw)')")
        }
        return value
    }
}

/// A mistake on the command line: exit status 2.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
