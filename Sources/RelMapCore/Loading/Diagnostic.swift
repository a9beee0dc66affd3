/// One finding about an input file: an error (the file cannot be used) or a warning.
///
/// Findings are values collected into a list; one printer turns them into the
/// `path:line:column: error: message` lines that editors and compilers use.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// An error makes the file unusable; a warning loses nothing but is worth fixing.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    /// Error or warning.
    public var severity: Severity
    /// Where in the file the finding points: the value at fault.
    public var location: SourceLocation
    /// What is wrong, in one sentence the user can act on (`people[0].reports_to: no person ...`).
    public var message: String
    /// What a warning is about, so many can be counted by kind (`WarningSummary`); nil for
    /// errors, which are always listed one by one.
    public var kind: WarningKind?

    /// A finding; `kind` only matters for warnings.
    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, kind: WarningKind? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.kind = kind
    }

    /// An error at `location`.
    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    /// A warning at `location`, counted under `kind` in summaries.
    public static func warning(_ location: SourceLocation, _ message: String, kind: WarningKind? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, kind: kind)
    }

    /// `path:line:column: error: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// File order, then position, so output reads top to bottom.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity == .error }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// How many are errors.
    public var errorCount: Int { count { $0.severity == .error } }
    /// How many are warnings.
    public var warningCount: Int { count { $0.severity == .warning } }
    /// True when any is an error: then the file gives no account.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
