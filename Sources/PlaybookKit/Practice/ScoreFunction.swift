/// What the rest of a walk can do to the score, at best: `s ↦ max(s + gain, floor)`. `gain` is the
/// most a walk adds to the score it is given; `floor` is the most it ends with after
/// `set score = N` made it forget that score. -∞ means no such walk; +∞, a loop that adds points
/// without end. Such functions are closed under everything a walk does, so a whole flow or the
/// rest of a stage sums up as one.
struct ScoreFunction: Sendable, Hashable {
    var gain: Double
    var floor: Double

    /// No walk reaches an outcome (or a `return`) from here.
    static let none = ScoreFunction(gain: -.infinity, floor: -.infinity)
    /// The walk ends here with the score it has.
    static let identity = ScoreFunction(gain: 0, floor: -.infinity)

    var isNone: Bool { gain == -.infinity && floor == -.infinity }

    func apply(_ score: Double) -> Double { Swift.max(Self.add(score, gain), floor) }

    /// The better of two ways on.
    func max(_ other: ScoreFunction) -> ScoreFunction {
        ScoreFunction(gain: Swift.max(gain, other.gain), floor: Swift.max(floor, other.floor))
    }

    /// `points` are added first, then this.
    func after(adding points: Double) -> ScoreFunction {
        ScoreFunction(gain: Self.add(gain, points), floor: floor)
    }

    /// `set score = value` first, then this.
    func after(setting value: Double) -> ScoreFunction {
        ScoreFunction(gain: -.infinity, floor: Swift.max(Self.add(value, gain), floor))
    }

    /// `first` (a flow, up to its `return`) and then this: f(first(s)).
    func after(_ first: ScoreFunction) -> ScoreFunction {
        guard !first.isNone, !isNone else { return .none }
        return ScoreFunction(
            gain: Self.add(first.gain, gain), floor: Swift.max(floor, Self.add(first.floor, gain)))
    }

    /// -∞ absorbs (no walk stays no walk), then +∞.
    static func add(_ a: Double, _ b: Double) -> Double {
        if a == -.infinity || b == -.infinity { return -.infinity }
        if a == .infinity || b == .infinity { return .infinity }
        return a + b
    }
}
