import Foundation
@testable import RelMapCore
import RelMapTestSupport

// The shared helpers (RelMapTestSupport), under the names this target's files use.
typealias Repo = RelMapTestSupport.Repo
typealias TempFolder = RelMapTestSupport.TemporaryFolder

/// The day tests treat as today, so that age warnings do not change with the calendar.
let testToday = Day(iso: "2026-11-20")!

func testOptions() -> LoadOptions { LoadOptions(today: testToday) }

/// Loads YAML text as if it were the file `path`, through the real loader.
func load(_ text: String, path: String = "t.yaml", options: LoadOptions = testOptions()) -> LoadedFile {
    AccountLoader.load(data: Data(text.utf8), path: path, options: options)
}

/// Each finding as `line:column: severity: message`, in file order, each followed by its
/// notes as `line:column: note: message`.
func findings(_ file: LoadedFile, _ severity: Diagnostic.Severity? = nil) -> [String] {
    file.diagnostics.filter { severity == nil || $0.severity == severity }.flatMap { d in
        ["\(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.message)"]
            + d.notes.map { note in
                let file = note.location.file == d.location.file ? "" : "\(note.location.file):"
                return "\(file)\(note.location.line):\(note.location.column): note: \(note.message)"
            }
    }
}

/// A valid account to start from; `people`, `relations`... replace those sections.
func account(
    header: String = "  id: acme\n  name: Acme\n  as_of: 2026-11-01",
    team: String = "  - {id: wang, name: Wang}",
    people: String = """
      - {id: zhao, name: Zhao, department: Office, roles: [decision-maker], stance: neutral}
      - {id: qian, name: Qian, department: Office, reports_to: zhao, stance: supporter}
    """,
    rest: String = "contacts:\n  - {member: wang, person: qian, strength: strong, last: 2026-10-01}"
) -> String {
    "relmap: 1\naccount:\n\(header)\nteam:\n\(team)\npeople:\n\(people)\n\(rest)\n"
}

func loadTiny() -> Account {
    AccountLoader.load(file: Repo.fixture("tiny.yaml"), options: testOptions()).account!
}

extension YAMLNode {
    /// The node as one value to switch over, for tests that read every kind alike.
    enum Content {
        case scalar(String, YAMLScalarStyle)
        case mapping(YAMLPairs)
        case sequence(YAMLItems)
    }

    var content: Content {
        switch kind {
        case .scalar: .scalar(scalarText ?? "", style)
        case .mapping: .mapping(pairs)
        case .sequence: .sequence(items)
        }
    }
}
