import Testing
@testable import RelMapCore

/// Ids made from CRM names: short, ASCII, readable, unique, the same on every run.
struct ImportIdTests {
    @Test(arguments: [
        ("赵", "建国", "赵建国", "zhao-jg"),
        ("", "", "钱伟", "qian-w"),
        ("欧阳明", "", "欧阳明", "ouyang-m"),
        ("", "", "司马光", "sima-g"),
        ("Becker", "Thomas", "Thomas Becker", "thomas-becker"),
        ("", "", "José Núñez", "jose-nunez"),
        ("", "", "O'Brien, Mary-Ann", "o-brien-mary-ann"),
    ])
    func namesBecomeShortASCIIIds(_ surname: String, _ given: String, _ full: String, _ id: String) {
        #expect(ImportedIds.base(surname: surname, given: given, fullName: full) == id)
    }

    @Test func aRepeatedIdGetsANumberInTheOrderNamesCome() {
        var ids = ImportedIds()
        #expect(ids.make(fullName: "王磊", fallback: "x") == "wang-l")
        #expect(ids.make(fullName: "王蕾", fallback: "x") == "wang-l-2")
        #expect(ids.make(fullName: "王乐", fallback: "x") == "wang-l-3")
    }

    @Test func aNameWithNothingUsableFallsBackToTheCRMId() {
        var ids = ImportedIds()
        #expect(ids.make(fullName: "???", fallback: "sf-AbC12Q") == "sf-abc12q")
        #expect(ids.make(fullName: "", fallback: "") == "person")
    }

    @Test func everyIdIsValidInAnAccountFile() {
        var ids = ImportedIds()
        for name in ["赵建国", "  ", "🙂", "Ünïcödé Näme", String(repeating: "长", count: 80), "a--b__c", "-x-"] {
            let id = ids.make(fullName: name, fallback: "fallback")
            #expect(!id.isEmpty && id.count <= 44, "\(name) -> \(id)")
            #expect(id.unicodeScalars.allSatisfy(NodeReader.isIdentifierScalar), "\(name) -> \(id)")
            #expect(!id.hasPrefix("-") && !id.hasSuffix("-"), "\(name) -> \(id)")
        }
    }

    @Test func salesforceIdsMatchInTheir15And18CharacterForms() {
        #expect(SalesforceId.key("0035g00000HdP01AAQ") == SalesforceId.key("0035g00000HdP01"))
        #expect(SalesforceId.key(" 0035g00000HdP01 ") == "0035g00000HdP01")
        #expect(SalesforceId.key("0035g00000HdP01AAQ") != SalesforceId.key("0035g00000HdP02AAQ"))
    }
}
