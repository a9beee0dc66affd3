import ArgumentParser

/// sysexits(3) codes, so scripts can tell a bad file from a bad flag.
enum Exit {
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let internalError = ExitCode(70)
    static let cannotCreate = ExitCode(73)
    /// EX_TEMPFAIL: an edited file changed on disk while relmap worked; running again is safe.
    static let changedOnDisk = ExitCode(75)
}
