/// Turns libyaml's errors into one diagnostic with the line and column it gives.
enum YAMLErrorText {
    static func diagnostic(for error: YAMLSyntaxError, file: String, isJSON: Bool) -> Diagnostic {
        let what = isJSON ? "not valid JSON" : "not valid YAML"
        func at(_ mark: YAMLMark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error.stage {
        case .syntax:
            // libyaml's context ("while parsing a flow sequence") is where the construct
            // it could not finish began: a note there.
            return .error(
                .syntax, at(error.mark), "\(what): \(error.problem)",
                notes: error.context.map { [Diagnostic.Note(at($0.mark), $0.text)] } ?? [])
        case .reader, .memory:
            // libyaml gives these no line and column, only a byte offset or nothing.
            return .error(.syntax, SourceLocation(file: file, line: 1, column: 1), "\(what): \(error.problem)")
        }
    }
}
