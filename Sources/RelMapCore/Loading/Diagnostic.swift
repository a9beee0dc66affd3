/// One finding about an input file: an error (the file cannot be used) or a warning.
///
/// Findings are values collected into a list; one printer turns them into the
/// `path:line:column: error: [code] message` lines that editors and compilers use, each
/// followed by its notes (`path:line:column: note: ...`), which point at the other places
/// the finding is about, such as where a duplicated id was first defined.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How bad a finding is: an error makes the file unusable; a warning loses nothing.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// Another place a finding is about, with a few words on what is there.
    public struct Note: Sendable, Hashable, CustomStringConvertible {
        /// Where in the file it points: the value at fault.
        public var location: SourceLocation
        /// What is wrong, in one sentence the user can act on.
        public var message: String

        /// A note at `location`.
        public init(_ location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }

        /// `path:line:column: note: message`.
        public var description: String { "\(location): note: \(message)" }
    }

    /// Error or warning.
    public var severity: Severity
    /// Which rule found it: stable, unlike the wording (docs/format.md lists them).
    public var code: DiagnosticCode
    /// Where in the file it points: the value at fault.
    public var location: SourceLocation
    /// What is wrong, in one sentence the user can act on.
    public var message: String
    /// Other places the finding is about, in the order they are best read.
    public var notes: [Note]

    /// A finding with its rule, place, sentence and notes.
    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ location: SourceLocation, _ message: String,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.notes = notes
    }

    /// An error: the file cannot be used as it is.
    public static func error(
        _ code: DiagnosticCode, _ location: SourceLocation, _ message: String,
        notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, code, location, message, notes: notes)
    }

    /// A warning: nothing is lost, but it is worth fixing.
    public static func warning(
        _ code: DiagnosticCode, _ location: SourceLocation, _ message: String,
        notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code, location, message, notes: notes)
    }

    /// A warning of a kind `relmap check` counts in its summary; the kind is its code.
    public static func warning(_ location: SourceLocation, _ message: String, kind: WarningKind) -> Diagnostic {
        Diagnostic(.warning, kind.code, location, message)
    }

    /// What a warning is about, so many can be counted by kind (`WarningSummary`); nil for
    /// errors, which are always listed one by one, and for warnings no summary groups.
    public var kind: WarningKind? {
        severity == .warning ? WarningKind(code: code) : nil
    }

    /// `path:line:column: error: [code] message`, then one line per note.
    public var description: String {
        ([headline] + notes.map(\.description)).joined(separator: "\n")
    }

    /// The first line alone: `path:line:column: error: [code] message`.
    public var headline: String { "\(location): \(severity.rawValue): [\(code.rawValue)] \(message)" }

    /// `line 13: message; line 11: first defined here`, for places that show a finding in
    /// one line of their own (a report's list of files left out, a web page).
    public var inline: String {
        (["line \(location.line): \(message)"]
            + notes.map { note in
                note.location.file == location.file
                    ? "line \(note.location.line): \(note.message)"
                    : "\(note.location): \(note.message)"
            }).joined(separator: "; ")
    }

    /// File order, then position, so output reads top to bottom.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity == .error }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// How many of these are errors.
    public var errorCount: Int { count { $0.severity == .error } }
    /// How many of these are warnings.
    public var warningCount: Int { count { $0.severity == .warning } }
    /// Whether any is an error, so the file cannot be used.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
