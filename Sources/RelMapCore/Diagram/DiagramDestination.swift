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

/// Why the place asked for and the format asked for do not make sense together. The core
/// says which case it is; the CLI words it, since the words name its `-o` and `--format`.
public enum DiagramDestinationError: Error, Sendable, Equatable {
    /// No place at all.
    case emptyPath
    /// Standard output takes one diagram; this many accounts were given.
    case stdoutNeedsOneAccount(Int)
    /// A file name takes one diagram; this many accounts were given.
    case fileNeedsOneAccount(String, Int)
    /// The file name's extension says one format, the format asked for another.
    case formatDisagrees(String, named: DiagramFormat, flag: DiagramFormat)
    /// An existing file that is not a diagram: neither a folder nor a diagram file name.
    case notADiagramFile(String)
}
