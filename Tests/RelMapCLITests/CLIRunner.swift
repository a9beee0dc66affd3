import RelMapTestSupport

// The built `relmap` run as a user runs it, the repository's paths and temporary folders
// come from RelMapTestSupport, shared by every test target; here under the names this
// target's files use.
typealias CLI = RelMapTestSupport.CLI
typealias CLIResult = RelMapTestSupport.CLIResult
typealias Repo = RelMapTestSupport.Repo
typealias TemporaryFolder = RelMapTestSupport.TemporaryFolder
