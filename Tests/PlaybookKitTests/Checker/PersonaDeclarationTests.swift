import Testing

@testable import PlaybookKit

/// Personas in the symbol table: every file's, one namespace with stages, flows and questions,
/// and shared through `use`.
struct PersonaDeclarationTests {
    static let cast = """
        # The buyers the team rehearses with.

        persona 陈静 "陈静"
          role "采购经理"
        persona สมชาย "สมชาย ใจดี"
          role "ผู้จัดการฝ่ายปฏิบัติการ"
        """

    @Test func theTableHoldsThePersonasOfEveryFileInLoadOrder() throws {
        let main = """
            playbook "Renewal"
              outcomes won, lost

            persona dana "Dana Levi"
            use "cast.playbook"

            stage renewal "Renewal"
              end won "Renewed"

            persona minh "Trần Văn Minh"
            """
        let result = check(main, files: ["cast.playbook": Self.cast])
        #expect(result.diagnostics.isEmpty)
        let table = try #require(result.table)
        let names = table.personas.map { result.interner.name($0.name.symbol) }
        #expect(names == ["dana", "minh", "陈静", "สมชาย"])
        #expect(table.personas.map { Int($0.span.file) } == [0, 0, 1, 1])
        for (index, persona) in table.personas.enumerated() {
            #expect(table.personaIndex[persona.name.symbol] == index)
        }
        #expect(table.personaIndex.count == 4)
    }

    @Test func aPersonaSharesTheNamespaceOfStagesFlowsAndQuestions() {
        let main = """
            persona dana "Dana Levi"
            persona dana "Dana Cohen"
            persona budget "Budget holder"

            stage qualify "Qualify"
              ask budget "Is there a budget?" yes/no
              end won "Qualified"
            """
        let result = check(main)
        #expect(result.diagnostics.map(\.code) == [.duplicateName, .duplicateName])
        #expect(result.diagnostics.map(\.message) == ["'dana' is declared twice", "'budget' is declared twice"])
        #expect(result.diagnostics[0].primary.message == "this persona")
        #expect(result.diagnostics[0].secondary.map(\.message) == ["the persona 'dana' is declared here"])
        // Stages and questions are declared before personas: the persona is the second declaration.
        #expect(result.diagnostics[1].primary.message == "this persona")
        #expect(result.diagnostics[1].secondary.map(\.message) == ["the question 'budget' is declared here"])
        #expect(result.diagnostics[1].help == "stages, flows, questions and personas need different names; rename one of them")
        #expect(result.table?.personaIndex.count == 1)
    }

    @Test func aPersonaOfTheSameNameInAUsedFileIsADuplicate() {
        let main = """
            use "cast.playbook"
            persona 陈静 "陈静"

            stage close "Close"
              end won "Closed"
            """
        let result = check(main, files: ["cast.playbook": Self.cast])
        #expect(result.diagnostics.map(\.code) == [.duplicateName])
        #expect(result.diagnostics.map { Int($0.primary.span.file) } == [1])
    }

    @Test func aFileOfPersonasAloneIsALibrary() {
        #expect(codes(Self.cast).isEmpty)
        #expect(codes("playbook \"Cast\"\n\npersona dana \"Dana Levi\"\n") == ["PB0408"])
        let withStage = Self.cast + "\n\nstage extra \"Extra\"\n  end won \"x\"\n"
        let result = check(
            "use \"cast.playbook\"\n\nstage close \"Close\"\n  end won \"Closed\"\n", files: ["cast.playbook": withStage])
        #expect(result.diagnostics.map(\.code) == [.useNotALibrary])
        #expect(result.diagnostics.first?.primary.message == "only flows, terms and personas are shared")
    }
}
