/// A map keyed by interned names, stored as an array indexed by symbol: no hashing on lookups.
public struct SymbolMap<Value: Sendable>: Sendable {
    /// Index into `values` + 1 for each symbol; 0 when absent.
    private var slots: [Int32] = []
    private var values: [Value] = []
    /// The keys in the order they were first set.
    public private(set) var keys: [Symbol] = []

    public init() {}

    public var count: Int { keys.count }

    public subscript(symbol: Symbol) -> Value? {
        get {
            let index = Int(symbol.index)
            guard index >= 0, index < slots.count, slots[index] > 0 else { return nil }
            return values[Int(slots[index]) - 1]
        }
        set {
            guard let newValue else { return }
            let index = Int(symbol.index)
            guard index >= 0 else { return }
            if index >= slots.count { slots.append(contentsOf: repeatElement(0, count: index + 1 - slots.count + slots.count / 2)) }
            if slots[index] > 0 {
                values[Int(slots[index]) - 1] = newValue
            } else {
                values.append(newValue)
                keys.append(symbol)
                slots[index] = Int32(values.count)
            }
        }
    }

    public func contains(_ symbol: Symbol) -> Bool { self[symbol] != nil }
}
