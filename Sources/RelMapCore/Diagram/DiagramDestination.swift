import Foundation

/// Where `relmap render -o PATH` puts its diagrams, and in which format.
public enum DiagramDestination: Sendable, Equatable {
    /// `-o -`: the one diagram goes to standard output.
    case standardOutput(DiagramFormat)
    /// A folder: one file per account, named `ACCOUNT-ID.EXT`.
    case folder(String, DiagramFormat)
    /// One named file (for a single account): `folder` and the plain file `name` in it.
    case file(folder: String, name: String, DiagramFormat)

    /// The format every diagram of this destination is written in.
    public var format: DiagramFormat {
        switch self {
        case .standardOutput(let f), .folder(_, let f), .file(_, _, let f): f
        }
    }

    /// Reads `-o` and `--format` the way a user means them:
    ///
    /// - `-` is standard output, for exactly one account;
    /// - an existing folder, or a path ending in `/`, is a folder;
    /// - a path ending in `.svg`, `.png`, `.pdf` or `.dot` is one file, for exactly one
    ///   account, and says the format unless `--format` does (they must then agree);
    /// - an existing file of any other kind is refused (it could be an input);
    /// - any other path is a folder, created when missing.
    ///
    /// With no format anywhere, SVG. `isFolder` says whether a path is an existing folder
    /// (nil: nothing there), so this stays a pure function that tests can drive.
    public static func resolve(
        _ path: String, format: DiagramFormat?, accounts: Int,
        isFolder: (String) -> Bool?
    ) -> Result<DiagramDestination, DiagramDestinationError> {
        if path == "-" {
            guard accounts == 1 else { return .failure(.stdoutNeedsOneAccount(accounts)) }
            return .success(.standardOutput(format ?? .svg))
        }
        if path.isEmpty { return .failure(.emptyPath) }
        let existing = isFolder(path)
        if existing == true || path.hasSuffix("/") {
            return .success(.folder(path, format ?? .svg))
        }
        let name = (path as NSString).lastPathComponent
        if let named = DiagramFormat(fileName: name) {
            if let format, format != named { return .failure(.formatDisagrees(path, named: named, flag: format)) }
            guard accounts == 1 else { return .failure(.fileNeedsOneAccount(path, accounts)) }
            let parent = (path as NSString).deletingLastPathComponent
            return .success(.file(folder: parent.isEmpty ? "." : parent, name: name, named))
        }
        if existing == false { return .failure(.notADiagramFile(path)) }
        return .success(.folder(path, format ?? .svg))
    }
}

/// Why `-o` and `--format` do not make sense together; a usage error (exit 64).
public enum DiagramDestinationError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyPath
    case stdoutNeedsOneAccount(Int)
    case fileNeedsOneAccount(String, Int)
    case formatDisagrees(String, named: DiagramFormat, flag: DiagramFormat)
    case notADiagramFile(String)

    /// The message for the user, naming the `-o` value that cannot work.
    public var description: String {
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
