import Foundation
import Testing
@testable import RelMapCore

/// relmap's composer against the official YAML test suite (github.com/yaml/yaml-test-suite,
/// MIT licence): each case's in.yaml composed and compared with its in.json, or expected
/// to be refused when the case is marked as an error. A small subset is vendored under
/// Fixtures/yaml-test-suite (with the suite's licence); scripts/yaml-test-suite runs the
/// whole suite from a checkout (docs/format.md, "How much YAML relmap reads").
struct YAMLTestSuiteTests {
    static let vendored = Repo.fixture("yaml-test-suite")

    /// The vendored subset: every figure exact, so a change in what the composer reads
    /// shows here. The cases are listed in Fixtures/yaml-test-suite/README.md.
    @Test func theVendoredCasesComposeAsTheSuiteSays() throws {
        let tally = try YAMLTestSuite.run(at: Self.vendored)
        #expect(tally.cases == 60)
        #expect(tally.same.count == 30)
        #expect(tally.different == ["652Z", "LE5A", "S4JQ", "Y2GN"])
        #expect(tally.refusedValid == ["2JQS", "4ABK", "6M2F", "DK3J"])
        #expect(tally.refusals.allSatisfy { $0.contains(": libyaml: ") })
        #expect(tally.multiDocument == ["35KP", "5TYM", "6WLZ", "6XDY"])
        #expect(tally.noJSON == ["4FJ6", "6BFJ", "6PBE"])
        #expect(tally.rejected.count == 13)
        #expect(tally.accepted == ["CVW2", "G5U8"])
    }

    /// The whole suite, when RELMAP_YAML_TEST_SUITE names a checkout of its data
    /// (scripts/yaml-test-suite does); prints the figures docs/format.md quotes.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RELMAP_YAML_TEST_SUITE"] != nil))
    func theWholeSuite() throws {
        let path = try #require(ProcessInfo.processInfo.environment["RELMAP_YAML_TEST_SUITE"])
        let tally = try YAMLTestSuite.run(at: path)
        #expect(tally.cases > 0)
        print(tally.report)
    }
}

/// Runs the YAML test suite's cases through `YAMLComposer` and counts the outcomes.
enum YAMLTestSuite {
    struct Tally {
        var cases = 0
        /// Valid single-document cases whose tree equals in.json.
        var same: [String] = []
        /// Valid cases whose tree differs from in.json.
        var different: [String] = []
        /// Valid single-document cases the composer refused.
        var refusedValid: [String] = []
        /// Valid streams of more than one document, which relmap refuses by design.
        var multiDocument: [String] = []
        /// Valid cases without in.json (values JSON cannot hold), composed without error.
        var noJSON: [String] = []
        /// Why each valid case was refused: libyaml's words, or relmap's own refusal.
        var refusals: [String] = []
        /// Error cases refused, as they should be.
        var rejected: [String] = []
        /// Error cases the composer accepted.
        var accepted: [String] = []

        var report: String {
            let valid = same.count + different.count + refusedValid.count + multiDocument.count + noJSON.count
            return """
                yaml-test-suite: \(cases) cases, \(valid) valid, \(rejected.count + accepted.count) errors
                valid, one document, same tree as in.json: \(same.count)
                valid, one document, different tree: \(different.count) \(different)
                valid, one document, refused: \(refusedValid.count) (by libyaml: \(refusals.filter { $0.contains(": libyaml: ") }.count), by relmap: \(refusals.filter { $0.contains(": relmap: ") }.count)) \(refusedValid)
                valid, no in.json, composed: \(noJSON.count)
                valid, several documents (refused by design): \(multiDocument.count)
                errors rejected: \(rejected.count)
                errors accepted: \(accepted.count) \(accepted)
                """
        }
    }

    /// Every case under `root` (a release of the suite's data, e.g. its tag
    /// data-2022-01-17): a folder with in.yaml, or a folder of numbered sub-cases.
    static func run(at root: String) throws -> Tally {
        var tally = Tally()
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: root).sorted() {
            let folder = root + "/" + name
            if fm.fileExists(atPath: folder + "/in.yaml") {
                try run(case: name, folder: folder, into: &tally)
                continue
            }
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { continue }
            // Sub-cases are numbered (00, 01...); the folders `name` and `tags` only index
            // the cases again, through links.
            for sub in try fm.contentsOfDirectory(atPath: folder).sorted()
            where sub.allSatisfy(\.isASCIIDigit) && fm.fileExists(atPath: "\(folder)/\(sub)/in.yaml") {
                try run(case: "\(name)/\(sub)", folder: "\(folder)/\(sub)", into: &tally)
            }
        }
        return tally
    }

    private static func run(case id: String, folder: String, into tally: inout Tally) throws {
        tally.cases += 1
        let yaml = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder + "/in.yaml")), as: UTF8.self)
        let composed = Result { () throws(YAMLComposeError) in try YAMLComposer.compose(yaml, maxDepth: 64) }
        if FileManager.default.fileExists(atPath: folder + "/error") {
            if case .failure = composed { tally.rejected.append(id) } else { tally.accepted.append(id) }
            return
        }
        let events = (try? String(contentsOfFile: folder + "/test.event", encoding: .utf8)) ?? ""
        let documents = events.split(separator: "\n").filter { $0.hasPrefix("+DOC") }.count
        if documents > 1 {
            tally.multiDocument.append(id)
            return
        }
        guard case .success(let document) = composed else {
            tally.refusedValid.append(id)
            if case .failure(let error) = composed { tally.refusals.append("\(id): \(reason(error))") }
            return
        }
        guard let json = try? Data(contentsOf: URL(fileURLWithPath: folder + "/in.json")) else {
            tally.noJSON.append(id)
            return
        }
        let expected: Value? =
            json.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) })
            ? nil : try? JSONDecoder().decode(Value.self, from: json)
        let actual = document.map { Value($0.root) }
        if actual == expected {
            tally.same.append(id)
        } else {
            tally.different.append(id)
        }
    }

    private static func reason(_ error: YAMLComposeError) -> String {
        switch error {
        case .syntax(let e) where e.problem == "but found another document": "relmap: a second document"
        case .syntax(let e) where e.problem == "found undefined alias": "relmap: \(e.problem)"
        case .syntax(let e): "libyaml: \(e.problem)\(e.context.map { " (\($0.text))" } ?? "")"
        case .tooDeep: "relmap: too deep"
        case .merge(let problem, _, _): "relmap: \(problem)"
        case .tooManyMerged: "relmap: too many merged entries"
        }
    }

    /// A JSON value, and a composed node read as JSON would read it: plain scalars by
    /// YAML 1.2's core schema (null, booleans, numbers), every other scalar as text.
    /// Tags are not kept by the composer, so a tag's meaning is lost here.
    indirect enum Value: Equatable, Decodable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Value])
        case object([String: Value])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .null
            } else if let b = try? c.decode(Bool.self) {
                self = .bool(b)
            } else if let x = try? c.decode(Double.self) {
                self = .number(x)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if let a = try? c.decode([Value].self) {
                self = .array(a)
            } else {
                self = .object(try c.decode([String: Value].self))
            }
        }

        init(_ node: YAMLNode) {
            switch node.content {
            case .scalar(let text, let style):
                self = style == .plain ? Self.core(text) : .string(text)
            case .sequence(let items):
                self = .array(items.map(Value.init))
            case .mapping(let pairs):
                var object: [String: Value] = [:]
                for pair in pairs { object[pair.key.scalarText ?? "\(Value(pair.key))"] = Value(pair.value) }
                self = .object(object)
            }
        }

        private static func core(_ text: String) -> Value {
            switch text {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: break
            }
            if text.wholeMatch(of: /[-+]?[0-9]+/) != nil
                || text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil,
                let x = Double(text)
            {
                return .number(x)
            }
            if text.hasPrefix("0o"), let x = Int(text.dropFirst(2), radix: 8) { return .number(Double(x)) }
            if text.hasPrefix("0x"), let x = Int(text.dropFirst(2), radix: 16) { return .number(Double(x)) }
            return .string(text)
        }
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
