import ArgumentParser

/// sysexits(3) codes, so scripts can tell a bad file from a bad flag. A usage error (64)
/// is ArgumentParser's own `ExitCode.validationFailure`.
extension ExitCode {
    /// EX_DATAERR: an account file or an export has an error, or is past a limit.
    static let dataError = ExitCode(65)
    /// EX_NOINPUT: a named input file or folder is missing or unreadable.
    static let noInput = ExitCode(66)
    /// EX_SOFTWARE: relmap or Graphviz failed on input that was fine.
    static let internalError = ExitCode(70)
    /// EX_CANTCREAT: an output file or folder cannot be written.
    static let cannotCreate = ExitCode(73)
    /// EX_TEMPFAIL: an edited file changed on disk while relmap worked; running again is safe.
    static let changedOnDisk = ExitCode(75)
}
