/// A buyer persona as practice shows it.
public struct PersonaCard: Sendable, Hashable {
    public var id: String
    public var name: String
    public var role: String?
    public var context: String?

    public init(id: String, name: String, role: String?, context: String?) {
        self.id = id
        self.name = name
        self.role = role
        self.context = context
    }
}
