/// Which branch sides some walks took, out of all the playbook has.
public struct CoverageReport: Sendable, Hashable {
    public var total: Int
    public var covered: Int
    /// In source order.
    public var uncovered: [BranchSideInfo]

    /// The sides taken by `walks`, against every side of `program`.
    public init(program: Program, covered sides: Set<BranchSide>) {
        let all = program.branchSides
        total = all.count
        uncovered = all.filter { !sides.contains($0.side) }
        covered = total - uncovered.count
    }

    /// 0 to 100; 100 for a playbook without branches.
    public var percent: Double { total == 0 ? 100 : Double(covered) / Double(total) * 100 }
}
