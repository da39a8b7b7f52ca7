import Testing

@testable import PlaybookKit

/// The figures of the fixture's seven sessions, worked out by hand from the records (times are
/// UTC, 2026; as of 2026-03-01 00:00):
///
/// | session | rep | version | walk | status |
/// |---|---|---|---|---|
/// | 0001 Acme | Ana | 2.0 | discover 1 h, propose 2 h, close; signed yes | won, 1 d after its start |
/// | 0002 Globex \| East | Ana | 2.0 | discover; fit no | lost after 20 s |
/// | 0003 Initech | Bo | 2.0 | discover 2 h, propose 4 h, close; signed no | lost after 6 h 0 min 10 s |
/// | 0004 Umbrella | `<script>…` | 2.0 | discover 0.5 h, propose (seats 5, back, 8) | nurture (by the rep) after 31 min 5 s |
/// | 0005 Hooli | Ana | 1.0 | discover 1 h, propose since Jan 20 10:00 | paused |
/// | 0006 Stark | Bo | 1.0 | discover 3 h, propose 1 h, close; signed yes | won after 4 h 0 min 10 s |
/// | 0007 | none | 2.0 | discover since Feb 2 09:00; fit asked | interrupted |
struct TeamReportFigureTests {
    static let day = 86_400.0

    @Test func overview() throws {
        let report = try #require(try ReportFixture.renewal().playbooks.first)
        #expect(report.sessions == 7)
        #expect(report.status[.ended] == 5 && report.status[.paused] == 1 && report.status[.interrupted] == 1)
        #expect(report.won == 2 && report.lost == 2)
        #expect(report.winRate == 0.4)
        #expect(report.outcomes.map(\.outcome) == ["lost", "won", "nurture"])
        // Cycles: 20 s, 1,865 s, 14,410 s, 21,610 s and 1 day: the median is 14,410 s.
        #expect(abs((report.medianCycleDays ?? 0) - 14_410 / Self.day) < 1e-12)
        // Seconds answering: 0, 20, 60, 85, 100, 100, 100: the median is 85 s.
        #expect(abs((report.medianActiveMinutes ?? 0) - 85.0 / 60) < 1e-12)
    }

    @Test func funnel() throws {
        let report = try #require(try ReportFixture.renewal().playbooks.first)
        let (discover, propose, close) = (report.stages[0], report.stages[1], report.stages[2])
        #expect(report.stages.map(\.stage) == ["discover", "propose", "close"])
        #expect((discover.entered, discover.left, propose.entered, propose.left, close.entered, close.left) == (7, 5, 5, 3, 3, 0))
        #expect(discover.nextStepConversion == 5.0 / 7 && propose.cumulativeConversion == 3.0 / 7)
        // Discover took 0.5, 1, 1, 2 and 3 hours: median 1; the 90th percentile is at place 3.6,
        // 2 + 0.6 × (3 − 2). Propose took 1, 2 and 4: median 2, p90 at place 1.8, 2 + 0.8 × 2.
        #expect(discover.medianHours == 1 && abs((discover.p90Hours ?? 0) - 2.6) < 1e-12)
        #expect(propose.medianHours == 2 && abs((propose.p90Hours ?? 0) - 3.6) < 1e-12)
        #expect(close.medianHours == nil)
        #expect(discover.rest.map { "\($0.outcome)=\($0.count)" } == ["lost=1", "=1"])
        #expect(propose.rest.map { "\($0.outcome)=\($0.count)" } == ["nurture=1", "=1"])
        // Open since Feb 2 09:00 and Jan 20 10:00: 26 d 15 h and 39 d 14 h, both past the p90.
        #expect(discover.stalls.map(\.session) == ["20260202-090000-0007"])
        #expect(abs((discover.stalls.first?.days ?? 0) - 26.625) < 1e-9)
        #expect(propose.stalls.map { $0.deal } == ["Hooli"])
        #expect(abs((propose.stalls.first?.days ?? 0) - (39 + 14.0 / 24)) < 1e-9)
    }

    @Test func questions() throws {
        let report = try #require(try ReportFixture.renewal().playbooks.first)
        let byId = Dictionary(uniqueKeysWithValues: report.questions.map { ($0.question, $0) })
        let fit = try #require(byId["fit"])
        #expect((fit.asked, fit.answered, fit.yes, fit.no, fit.lastBeforeLoss) == (7, 6, 5, 1, 1))
        #expect(fit.byAnswer.map { "\($0.answer) \($0.won)/\($0.ended)" } == ["yes 2/4", "no 0/1"])
        let source = try #require(byId["source"])
        #expect(source.options.map { "\($0.option)=\($0.count)" } == ["Referral=3", "Event, trade show=1", "Cold list=1"])
        // The seats in force: 10, 50, 8 (5 was taken back), 20, 100. Six answers, five of 30 s.
        let seats = try #require(byId["seats"])
        let quartiles = try #require(seats.quartiles)
        #expect((quartiles.min, quartiles.q1, quartiles.median, quartiles.q3, quartiles.max) == (8, 10, 20, 50, 100))
        #expect(seats.medianSeconds == 30 && seats.answered == 5)
        #expect(byId["urgency"]?.mean == 3)
        #expect(byId["signed"].map { ($0.yes, $0.no, $0.lastBeforeLoss) } ?? (0, 0, 0) == (2, 1, 1))
        // Fit and signed were each the last answer before one loss: the first in order wins.
        #expect(report.whereDealsDie == "fit")
    }

    @Test func repsVersionsAndTrend() throws {
        let report = try #require(try ReportFixture.renewal().playbooks.first)
        #expect(report.reps.map { $0.rep ?? "-" } == ["Ana", "Bo", "-", "<script>alert(1)</script>"])
        let ana = report.reps[0]
        #expect((ana.sessions, ana.ended, ana.won, ana.lostIn) == (3, 2, 1, "discover"))
        #expect(abs((ana.medianCycleDays ?? 0) - (1 + 20 / Self.day) / 2) < 1e-12)
        #expect(report.reps[1].lostIn == "close")
        #expect(report.versions.map { "\($0.version ?? "-") \($0.won)/\($0.ended)" } == ["2.0 1/4", "1.0 1/1"])
        // Pooled 2 of 5; 1 ended × 0.4 is below 5: too small to test.
        #expect(report.versions[1].test?.verdict == .tooSmall)
        #expect(report.trend.map { "\($0.week) \($0.started) \($0.won)" } == ["2026-W02 2 1", "2026-W03 2 0", "2026-W04 1 0", "2026-W05 1 1", "2026-W06 1 0"])
    }

    /// The JSON holds the same figures under docs/report.md's names.
    @Test func theJSONSaysTheSame() throws {
        let json = try ReportFixture.renewal().json()
        let playbook = try #require(json["playbooks"]?.array?.first)
        #expect(playbook["sessions"]?.int == 7 && playbook["won"]?.int == 2)
        let stages = try #require(playbook["stages"]?.array)
        #expect(stages.first?["entered"]?.int == 7 && stages.first?["left"]?.int == 5)
        #expect(stages.dropFirst().first?["median_hours"]?.double == 2)
        #expect(playbook["median_cycle_days"]?.double.map { abs($0 - 14_410 / Self.day) < 1e-12 } == true)
        #expect(playbook["where_deals_die"]?.string == "fit")
    }
}
