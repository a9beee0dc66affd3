import Yams

/// Turns libyaml's errors into one diagnostic with the line and column it gives.
enum YAMLErrorText {
    static func diagnostic(for error: YamlError, file: String, isJSON: Bool) -> Diagnostic {
        let what = isJSON ? "not valid JSON" : "not valid YAML"
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let around = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return .error(at(mark), "\(what): \(problem)\(around)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // libyaml's composer stops at the first mapping with a repeated key, so this
            // is the one error such a file gets; the mark is the key's first occurrence.
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(at(context.mark), "key \(keys) is written twice in the same mapping (first here); keep one")
        case .reader(let problem, _, _, _):
            return .error(SourceLocation(file: file, line: 1, column: 1), "\(what): \(problem)")
        default:
            return .error(SourceLocation(file: file, line: 1, column: 1), "\(what): \(error)")
        }
    }
}
