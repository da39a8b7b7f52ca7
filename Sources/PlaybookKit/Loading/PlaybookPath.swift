/// Paths of playbook files, handled lexically: `use` paths are relative to the using file and may
/// not leave the folder of the playbook being checked.
enum PlaybookPath {
    /// `a/b/../c/./d` → `a/c/d`; leading `..` are kept; "" for the current folder.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute, parts.isEmpty {
                continue
            } else {
                parts.append(part)
            }
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func join(_ directory: String, _ path: String) -> String {
        if directory.isEmpty { return normalize(path) }
        return normalize(directory.hasSuffix("/") ? directory + path : directory + "/" + path)
    }

    /// Whether `path` (normalized) lies inside `root` (normalized).
    static func isInside(_ path: String, root: String) -> Bool {
        if root.isEmpty { return !path.hasPrefix("/") && path != ".." && !path.hasPrefix("../") }
        if root == "/" { return path.hasPrefix("/") }
        return path.hasPrefix(root + "/")
    }
}
