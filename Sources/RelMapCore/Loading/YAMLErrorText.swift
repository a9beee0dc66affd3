/// Turns libyaml's errors into one diagnostic with the line and column it gives.
enum YAMLErrorText {
    static func diagnostic(for error: YAMLSyntaxError, file: String, isJSON: Bool) -> Diagnostic {
        let what = isJSON ? "not valid JSON" : "not valid YAML"
        func at(_ mark: YAMLMark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error.stage {
        case .syntax:
            let around = error.context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return .error(at(error.mark), "\(what): \(error.problem)\(around)")
        case .reader, .memory:
            // libyaml gives these no line and column, only a byte offset or nothing.
            return .error(SourceLocation(file: file, line: 1, column: 1), "\(what): \(error.problem)")
        }
    }
}
