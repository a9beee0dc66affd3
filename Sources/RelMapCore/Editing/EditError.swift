/// Why an edit was refused. Nothing is written in any of these cases; the CLI maps each
/// to an exit code (docs/editing.md).
public enum EditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is missing or cannot be read.
    case unreadable(String, reason: String)
    /// A JSON account file: relmap edits YAML only. Every item it adds is YAML (plain
    /// words, no quotes around keys), which would not be JSON any more.
    case notYAML(String)
    /// The file already has errors; they are to be fixed first, so that a refusal always
    /// means "this change is wrong".
    case invalidFile([Diagnostic])
    /// The change would leave the file invalid; the findings are the loader's, their lines
    /// those of the file as it would be after the change.
    case wouldBeInvalid([Diagnostic])
    /// An id the edit names is not in the file (with a suggestion in the sentence).
    case notFound(String)
    /// What the edit would add is there already.
    case alreadyExists(String)
    /// The file is written in a way the engine does not edit (says which).
    case unsupportedLayout(String)
    /// The file changed on disk after it was read; the edit was not written over it.
    case changedOnDisk(String)
    /// The new file could not be written.
    case cannotWrite(OutputError)

    /// One sentence for the user, naming the file and what to do where there is something to do.
    public var description: String {
        switch self {
        case .unreadable(let p, let why): "\(p): cannot read: \(why)"
        case .notYAML(let p): "\(p): relmap edits YAML account files only; edit this JSON file by hand"
        case .invalidFile(let d):
            "the file has \(d.errorCount) error\(d.errorCount == 1 ? "" : "s"); fix \(d.errorCount == 1 ? "it" : "them") first (relmap check)"
        case .wouldBeInvalid(let d):
            "the change would leave the file with \(d.errorCount) error\(d.errorCount == 1 ? "" : "s")"
        case .notFound(let s), .alreadyExists(let s): s
        case .unsupportedLayout(let why): "cannot edit this file as text: \(why); edit it by hand"
        case .changedOnDisk(let p): "\(p): changed on disk since it was read (run the command again)"
        case .cannotWrite(let e): e.description
        }
    }

    /// The findings behind the refusal, for printing one a line.
    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalidFile(let d), .wouldBeInvalid(let d): d.filter { $0.severity == .error }
        default: []
        }
    }
}
