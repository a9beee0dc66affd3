import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What loading one file gave: the account (nil when the file has errors) and every
/// finding about it.
public struct LoadedFile: Sendable {
    /// The file as found: as the user named it, or inside a named folder.
    public var path: String
    /// The validated account; nil when any finding is an error.
    public var account: Account?
    /// Every error and warning about the file, in the order of the file's lines.
    public var diagnostics: [Diagnostic]
}

/// What loading a set of paths gave, in a stable order (files sorted by path).
public struct LoadReport: Sendable {
    /// One entry per account file, sorted by path.
    public var files: [LoadedFile]

    /// The accounts of the files that loaded without errors.
    public var accounts: [Account] { files.compactMap(\.account) }
    /// Every file's findings, file after file.
    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    /// True when any file has an error.
    public var hasErrors: Bool { files.contains { $0.diagnostics.hasErrors } }
}

/// Problems with the paths themselves, before any file is read.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(String)
    case noAccountFiles(String)
    case unreadable(String, String)
    case tooManyFiles(String, Int)

    /// The message for the user, starting with the path.
    public var description: String {
        switch self {
        case .notFound(let p): "\(p): no such file or folder"
        case .noAccountFiles(let p): "\(p): no account files (*.yaml, *.yml, *.json) in this folder"
        case .unreadable(let p, let why): "\(p): cannot read: \(why)"
        case .tooManyFiles(let p, let n): "\(p): more than \(n) account files"
        }
    }
}

/// Reads account files (YAML or JSON, format v1) into validated `Account` values.
public enum AccountLoader {
    /// The extensions of account files, lower case; a folder is searched for these.
    public static let fileExtensions = ["yaml", "yml", "json"]

    /// The account files named by `paths`: files as given, folders expanded to their
    /// `*.yaml`, `*.yml` and `*.json` files (not recursive), sorted by path. A folder's
    /// `*.schema.json` is no account: it is the schema editors read beside the accounts
    /// (`AccountSchema.fileName`).
    public static func accountFiles(in paths: [String], options: LoadOptions) throws(InputError) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isFolder) else { throw .notFound(path) }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names: [String]
            do { names = try fm.contentsOfDirectory(atPath: path) } catch {
                throw .unreadable(path, error.localizedDescription)
            }
            let found =
                names
                .filter {
                    hasAccountFileExtension($0) && !$0.hasPrefix(".") && !$0.lowercased().hasSuffix(".schema.json")
                }
                .sorted()
                .map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
            guard !found.isEmpty else { throw .noAccountFiles(path) }
            guard found.count <= options.maxFiles else { throw .tooManyFiles(path, options.maxFiles) }
            files += found
        }
        return files
    }

    /// Whether a folder entry's name has one of `fileExtensions` (in any case), as
    /// `NSString.pathExtension` reads it. Foundation's answer cost ~18,000 instructions a
    /// name, a lot for a folder of 10,000 accounts; the bytes give it whenever the byte
    /// before the last dot is ASCII: then the dot is a character of its own (nothing ASCII
    /// joins the character after it), the extension is the bytes after it, and only ASCII
    /// letters lowercase to the ASCII spellings. Other names still ask Foundation.
    static func hasAccountFileExtension(_ name: String) -> Bool {
        fileExtensions.contains { hasExtension(name, $0) }
    }

    /// Whether the last part of `path` has the extension `spelling` (lower case ASCII) in
    /// any case, as `NSString.pathExtension` reads it, by the reasoning above. A name that
    /// starts with its only dot (`.json`) has no extension.
    static func hasExtension(_ path: String, _ spelling: String) -> Bool {
        let utf8 = path.utf8
        let foundation = { (path as NSString).pathExtension.lowercased() == spelling }
        // Foundation drops a trailing slash first; such a path is left to it.
        guard utf8.last != UInt8(ascii: "/") else { return foundation() }
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        guard dot != utf8.startIndex else { return false }
        let before = utf8[utf8.index(before: dot)]
        guard before < 0x80 else { return foundation() }
        guard before != UInt8(ascii: "/") else { return false }
        let suffix = utf8[utf8.index(after: dot)...]
        return spelling.utf8.elementsEqual(suffix) { a, b in a == (b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
    }

    /// Loads every account file named by `paths` and checks that account ids are unique
    /// across them.
    public static func load(paths: [String], options: LoadOptions) throws(InputError) -> LoadReport {
        let paths = try accountFiles(in: paths, options: options)
        // Each file is read and checked on its own, so files are loaded on every core.
        let files = ParallelMap.map(paths.count) { load(file: paths[$0], options: options) }
        return LoadReport(files: markDuplicateAccounts(files))
    }

    /// Loads one file from disk.
    public static func load(file path: String, options: LoadOptions) -> LoadedFile {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let size = byteCount(of: path)
        if size > options.maxFileBytes {
            return LoadedFile(
                path: path, account: nil,
                diagnostics: [
                    .error(
                        .overLimit, start,
                        "the file is \(size) bytes, more than the limit of \(options.maxFileBytes); raise it with \(options.settingNames(.maxFileSize))"
                    )
                ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return LoadedFile(
                path: path, account: nil, diagnostics: [.error(.encoding, start, "cannot read this file")])
        }
        return load(data: data, path: path, options: options)
    }

    /// The size `FileManager.attributesOfItem` gives (of the entry itself, a link not
    /// followed), 0 when there is none, from one `lstat`: Foundation also looked up the
    /// owner's and group's names and the extended attributes of every file.
    private static func byteCount(of path: String) -> Int {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return Int(info.st_size)
    }

    /// Loads one account from the bytes of a file; `path` names it in messages and its
    /// extension says whether it is JSON.
    public static func load(data: Data, path: String, options: LoadOptions) -> LoadedFile {
        let fail = { (d: Diagnostic) in LoadedFile(path: path, account: nil, diagnostics: [d]) }
        let start = SourceLocation(file: path, line: 1, column: 1)
        if data.count > options.maxFileBytes {
            return fail(
                .error(
                    .overLimit, start,
                    "the file is \(data.count) bytes, more than the limit of \(options.maxFileBytes); raise it with \(options.settingNames(.maxFileSize))"
                ))
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            return fail(
                .error(
                    .encoding, TextScan.firstInvalidUTF8(in: data, file: path),
                    "the file is not UTF-8 text; save it as UTF-8 (Excel: 'CSV UTF-8'; iconv -f GB18030 -t UTF-8)"))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.allSatisfy(\.isWhitespace) {
            return fail(.error(.emptyFile, start, "the file is empty; an account file starts with 'relmap: 1'"))
        }
        if let problem = TextScan.nestingProblem(in: text, file: path, maxDepth: options.maxDepth) {
            return fail(problem)
        }
        let isJSON = hasExtension(path, "json")
        // JSON is read by the YAML parser so that every value keeps its line and column.
        // Outside strings a raw tab is only white space in JSON, and YAML dislikes tabs,
        // so each becomes one space (columns stay the same). Byte by byte, and only when there
        // is a tab: Foundation's replacingOccurrences cost more than parsing the file did.
        let tab = UInt8(ascii: "\t")
        let source =
            isJSON && text.utf8.contains(tab)
            ? String(decoding: text.utf8.map { $0 == tab ? UInt8(ascii: " ") : $0 }, as: UTF8.self) : text
        let document: YAMLDocument
        do {
            guard let parsed = try YAMLComposer.compose(source, maxDepth: options.maxDepth) else {
                return fail(.error(.emptyFile, start, "the file is empty; an account file starts with 'relmap: 1'"))
            }
            document = parsed
        } catch {
            switch error {
            case .syntax(let error):
                return fail(YAMLErrorText.diagnostic(for: error, file: path, isJSON: isJSON))
            case .tooDeep(let mark):
                return fail(
                    TreeSize.tooDeep(
                        at: SourceLocation(file: path, line: mark.line, column: mark.column),
                        maxDepth: options.maxDepth))
            case .merge(let problem, let mark, let first):
                let at = { (mark: YAMLMark) in SourceLocation(file: path, line: mark.line, column: mark.column) }
                return fail(
                    .error(
                        .mergeKey, at(mark), problem,
                        notes: first.map { [Diagnostic.Note(at($0), "first written here")] } ?? []))
            case .tooManyMerged(let mark, let limit):
                return fail(
                    .error(
                        .overLimit, SourceLocation(file: path, line: mark.line, column: mark.column),
                        "YAML merge keys (<<: *name copies what &name holds) copy more than \(limit) entries into this file's mappings, far more than it holds; refusing to read it"
                    ))
            }
        }
        if let problem = TreeSize.check(
            document, limit: options.maxNodes, maxDepth: options.maxDepth,
            maxString: options.maxStringLength, file: path)
        {
            return fail(problem)
        }
        let reader = NodeReader(file: path)
        let decoded = AccountDecoder(reader: reader, options: options).decode(document.root)
        if let decoded {
            if decoded.account.people.count > options.maxPeople {
                reader.error(
                    .overLimit, at: decoded.account.location ?? start,
                    "the account has \(decoded.account.people.count) people, more than the limit of \(options.maxPeople); raise it with \(options.settingNames(.maxPeople))"
                )
            }
            AccountValidator(decoded: decoded, reader: reader, today: options.today).validate()
        }
        var diagnostics = reader.diagnostics
        let account = diagnostics.hasErrors || decoded?.versionOK != true ? nil : decoded?.account
        if let account, let decoded, options.warnsOfUnreachedPeople {
            diagnostics += ReachWarnings.unreached(in: account, people: decoded.people, file: path)
        }
        return LoadedFile(path: path, account: account, diagnostics: diagnostics.sorted())
    }

    /// Two files describing the same account id would make every per-account output
    /// ambiguous: the second is an error that points at the first. Public for callers
    /// that load a folder's files themselves (relmap serve reloads only changed ones).
    public static func markDuplicateAccounts(_ files: [LoadedFile]) -> [LoadedFile] {
        var firstFile: [String: (path: String, location: SourceLocation?)] = [:]
        return files.map { file in
            guard let account = file.account else { return file }
            guard let first = firstFile[account.id] else {
                firstFile[account.id] = (file.path, account.location)
                return file
            }
            var copy = file
            copy.account = nil
            let start = { (path: String) in SourceLocation(file: path, line: 1, column: 1) }
            copy.diagnostics.append(
                .error(
                    .duplicateAccount, account.location ?? start(file.path),
                    "account.id: '\(account.id)' is already the id of the account in \(first.path); account ids must be unique in a folder",
                    notes: [Diagnostic.Note(first.location ?? start(first.path), "first defined here")]))
            return copy
        }
    }
}
