/// A line of a session record that a reader did not read, and why. Readers go on past it: a
/// record damaged in one line still shows, lists and resumes from everything else.
public struct SkippedLine: Error, Sendable, Hashable {
    /// 1-based, counting every line end (LF) in the file.
    public var number: Int
    /// The `event` the line names, when it is JSON that names one (so that a start line that
    /// cannot be read is told from a record that has none).
    public var event: String?
    public var problem: Problem

    public init(number: Int, event: String?, problem: Problem) {
        self.number = number
        self.event = event
        self.problem = problem
    }

    public enum Problem: Error, Sendable, Hashable {
        /// Not a whole JSON object: a line cut short by a crash or a power cut, or not JSON at all.
        case notJSON
        /// Bytes that are not UTF-8: the line is not read rather than read with replacements.
        case invalidUTF8
        /// `v` is not the schema version this reader knows (`SessionEvent.schemaVersion`): the
        /// value as written in JSON, nil when the line has none.
        case unknownVersion(String?)
        /// An `event` this reader does not know (a newer writer's).
        case unknownEvent(String)
        /// A field the event needs is missing or of the wrong type: its name.
        case badField(String)
        /// The start's `seed` is not a decimal string of a number from 0 to 2^64-1: as written.
        case badSeed(String)
    }
}
