import Testing

@testable import PlaybookKit

/// PB0211: an option that is also a whole command at the prompt.
struct OptionChecksTests {
    static func playbook(_ options: [String], language: String = "en", outcomes: String = "won, lost") -> String {
        """
        playbook "Options"
          language \(language)
          outcomes \(outcomes)
        stage one "One"
          ask pick "Which?" choice
        \(options.map { "    \"\($0)\" -> end won" }.joined(separator: "\n"))
        """
    }

    static func flagged(_ options: [String], language: String = "en", outcomes: String = "won, lost") -> [String] {
        check(playbook(options, language: language, outcomes: outcomes)).diagnostics
            .filter { $0.code == .optionReadsAsCommand }
            .map(\.message)
    }

    @Test func wholeCommandsAreFlagged() {
        let messages = Self.flagged(["Back", "Note takers", "End lost customers", "Define ROI", "?"])
        #expect(messages.count == 5)
        #expect(messages.first == #"the option "Back" of 'pick' is also the command 'back' at the prompt"#)
    }

    @Test func linesThatAreNotWholeCommandsAreNot() {
        // `user` is not an outcome, `back` and `pause` take no words: none of these can be a command.
        #expect(Self.flagged(["End user", "Back office", "Pause team", "Endless", "Notebook"]).isEmpty)
    }

    @Test func theLanguagesOwnCommandWordsCount() {
        #expect(Self.flagged(["Tạm dừng", "tam dung", "Quay lại sau"], language: "vi").count == 2)
        // `end thua cuộc` ends the deal as `thua`; `năm` is not an outcome.
        let endings = Self.flagged(["Kết thúc thua cuộc", "ket thuc thang", "Kết thúc năm"], language: "vi", outcomes: "thắng, thua")
        #expect(endings.count == 2)
    }
}
