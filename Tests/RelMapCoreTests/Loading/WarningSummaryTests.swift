import Foundation
import Testing
@testable import RelMapCore

/// `WarningSummary`: the warnings of many files counted by kind, for `relmap check` on a
/// folder (docs/format.md, "Many files").
@Suite("Warnings counted by kind")
struct WarningSummaryTests {
    static func file(_ path: String, account: String?, _ kinds: [WarningKind?], errors: Int = 0) -> LoadedFile {
        let at = SourceLocation(file: path, line: 1, column: 1)
        // A warning of no kind: one an import gives.
        let warnings = kinds.map {
            $0.map { Diagnostic.warning(at, "w", kind: $0) } ?? .warning(.importAdjusted, at, "w")
        }
        let account = account.map { Account(id: $0, name: $0, asOf: Day(daysSinceEpoch: 0)) }
        return LoadedFile(
            path: path, account: account,
            diagnostics: Array(repeating: .error(.syntax, at, "e"), count: errors) + warnings)
    }

    @Test func countsEachKindWithItsFilesAndTheAccountsThatHaveTheMost() {
        let summary = WarningSummary([
            Self.file("a.yaml", account: "a", [.personNotReached, .personNotReached, .noDepartment]),
            Self.file("b.yaml", account: "b", [.personNotReached, .personNotReached, .personNotReached]),
            Self.file("c.yaml", account: "c", [.personNotReached, .personNotReached]),
            Self.file("d.yaml", account: "d", [.personNotReached, .oldMap]),
            Self.file("e.yaml", account: "e", []),
        ])
        #expect(summary.total == 10)
        #expect(summary.groups.map(\.kind) == [.personNotReached, .noDepartment, .oldMap])
        let unreached = summary.groups[0]
        #expect(unreached.count == 8)
        #expect(unreached.files == 4)
        #expect(
            unreached.worst == [.init(name: "b", count: 3), .init(name: "a", count: 2), .init(name: "c", count: 2)])
        #expect(summary.groups[1].worst == [.init(name: "a", count: 1)])
    }

    @Test func aFileWithErrorsIsNamedByItsPathAndErrorsAreNotCounted() {
        let summary = WarningSummary([Self.file("broken.yaml", account: nil, [.noDepartment], errors: 2)])
        #expect(summary.total == 1)
        #expect(summary.groups.first?.worst == [.init(name: "broken.yaml", count: 1)])
    }

    @Test func warningsWithoutAKindComeLastAsOther() {
        let summary = WarningSummary([Self.file("a.yaml", account: "a", [nil, nil, nil, .oldMap, .noDepartment])])
        #expect(summary.groups.map(\.title) == ["other", "person with no department", "map more than a year old"])
        let tied = WarningSummary([Self.file("a.yaml", account: "a", [nil, .oldMap])])
        #expect(tied.groups.map(\.kind) == [.oldMap, nil])
    }

    @Test func everyWarningTheLoaderGivesHasAKind() throws {
        // many-mistakes.yaml has warnings of several kinds; each must be counted under its own.
        let options = LoadOptions(today: try #require(Day(iso: "2026-11-20")))
        let loaded = AccountLoader.load(file: Repo.fixture("invalid/many-mistakes.yaml"), options: options)
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.kind != nil }, "\(warnings.filter { $0.kind == nil })")
        let samples = try FileManager.default.contentsOfDirectory(atPath: Repo.path("graphs")).filter {
            $0.hasSuffix(".yaml")
        }
        for name in samples {
            let file = AccountLoader.load(file: Repo.path("graphs/\(name)"), options: options)
            #expect(file.diagnostics.filter { $0.severity == .warning }.allSatisfy { $0.kind != nil }, "\(name)")
        }
    }

    @Test func eachKindOfLoaderWarningIsTaggedWithItsOwnKind() throws {
        let yaml = """
            relmap: 1
            account: {id: old, name: Old, as_of: 2020-01-01}
            team:
              - {id: m, name: Mia}
            people:
              - {id: a, name: A, department: Ops}
              - {id: b, name: B}
            contacts:
              - {member: m, person: a, strength: strong, last: 2020-02-01}
            interactions:
              - {date: 2020-03-01, member: m, people: [a], kind: visit}
            """
        let path = NSTemporaryDirectory() + "relmap-kinds-\(UUID().uuidString).yaml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let loaded = AccountLoader.load(file: path, options: LoadOptions(today: try #require(Day(iso: "2026-11-20"))))
        let kinds = loaded.diagnostics.filter { $0.severity == .warning }.map(\.kind)
        #expect(Set(kinds) == Set(WarningKind.allCases.map(Optional.some)), "\(loaded.diagnostics)")
    }

    /// A kind is its code: a warning of each kind prints that code and reads back as that
    /// kind, and warnings of other codes (or errors) have no kind.
    @Test func eachKindIsTheCodeItPrints() {
        let at = SourceLocation(file: "a.yaml", line: 1, column: 1)
        for kind in WarningKind.allCases {
            let warning = Diagnostic.warning(at, "w", kind: kind)
            #expect(warning.headline == "a.yaml:1:1: warning: [\(kind.code.rawValue)] w")
            #expect(warning.kind == kind)
            #expect(kind.rawValue == kind.code.rawValue)
        }
        #expect(Diagnostic.warning(.importAdjusted, at, "w").kind == nil)
        #expect(Diagnostic.error(.personNotReached, at, "e").kind == nil)
        let kinds = DiagnosticCode.allCases.compactMap(WarningKind.init(code:))
        #expect(kinds == WarningKind.allCases)
    }
}
