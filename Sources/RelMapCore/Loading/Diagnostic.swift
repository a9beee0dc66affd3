/// One finding about an input file: an error (the file cannot be used) or a warning.
///
/// Findings are values collected into a list; one printer turns them into the
/// `path:line:column: error: message` lines that editors and compilers use.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// What a warning is about, so many can be counted by kind (`WarningSummary`); nil for
    /// errors, which are always listed one by one.
    public var kind: WarningKind?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, kind: WarningKind? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.kind = kind
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

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
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
