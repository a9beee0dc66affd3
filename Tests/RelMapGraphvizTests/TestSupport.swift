import RelMapTestSupport

// The shared helpers (RelMapTestSupport), under the names this target's files use.
typealias CLI = RelMapTestSupport.CLI
typealias Repo = RelMapTestSupport.Repo
typealias TemporaryFolder = RelMapTestSupport.TemporaryFolder
