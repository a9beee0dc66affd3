import Foundation

/// A folder a command writes its outputs into, and the files it read, which no output may
/// replace whatever they contain (`OutputFile.write(_:named:in:protecting:)`).
///
/// `relmap render` and `relmap report` both make one, so both protect the same files the
/// same way: every account file the paths given name, as the loader lists them, the
/// broken ones included.
public struct OutputFolder: Sendable {
    /// The folder, as given.
    public let path: String
    /// The files read, by identity: a hard link or another spelling of an input's path is
    /// the input.
    public let inputs: Set<FileIdentity>

    /// Makes `path` ready to write in (creating it when missing), and protects the account
    /// files `paths` name. Call before any work, so a bad folder fails fast.
    public init(_ path: String, protectingInputsOf paths: [String], options: LoadOptions) throws(OutputError) {
        try OutputFile.prepareFolder(path)
        self.path = path
        inputs = Self.inputs(of: paths, options: options)
    }

    /// The account files `paths` name, by identity (nothing when they cannot be listed:
    /// then nothing was read either).
    public static func inputs(of paths: [String], options: LoadOptions) -> Set<FileIdentity> {
        let files = (try? AccountLoader.accountFiles(in: paths, options: options)) ?? []
        return Set(files.compactMap { FileIdentity(path: $0) })
    }

    /// Writes `data` as the file `name` in this folder, atomically, never over an input.
    public func write(_ data: Data, named name: String) throws(OutputError) {
        try OutputFile.write(data, named: name, in: path, protecting: inputs)
    }
}
