import RelMapCore

extension DiagramDestinationError {
    /// The usage error (exit 64), naming the `-o` value and the `--format` that cannot work
    /// together: command-line words, so they are the CLI's and not the core's.
    var message: String {
        switch self {
        case .emptyPath:
            "-o needs a folder, a file name or -"
        case .stdoutNeedsOneAccount(let n):
            "-o - writes one diagram to standard output, but \(n) accounts were given; name a folder instead"
        case .fileNeedsOneAccount(let path, let n):
            "-o \(path) names one file, but \(n) accounts were given; name a folder instead"
        case .formatDisagrees(let path, let named, let flag):
            "-o \(path) is a \(named.rawValue.uppercased()) file name but --format is \(flag.rawValue)"
        case .notADiagramFile(let path):
            "\(path) is an existing file; -o takes a folder, or a file name ending in .svg, .png, .pdf or .dot"
        }
    }
}
