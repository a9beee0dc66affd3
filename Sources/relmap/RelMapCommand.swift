import ArgumentParser
import RelMapGraphviz

@main
struct RelMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relmap",
        abstract: "Map the people inside a key account: influence, coverage, gaps and who to visit next.",
        discussion: """
            Account files are YAML (or JSON) in format v1; see docs/format.md.
            Exit codes: 0 ok, 64 usage, 65 bad account file, 66 missing input, 70 internal, 73 cannot write output,
            75 (log, set, add, remove) the file changed on disk while relmap worked.
            """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, AnalyzeCommand.self, RenderCommand.self, ReportCommand.self, PortfolioCommand.self,
            ImportCommand.self, DiffCommand.self, HistoryCommand.self, InitCommand.self, GapsCommand.self,
            PlanCommand.self, WhatIfCommand.self, SchemaCommand.self,
            LogCommand.self, SetCommand.self, AddCommand.self, RemoveCommand.self,
            ServeCommand.self,
        ]
    )

    /// A Graphviz worker, started once per diagram, skips argument parsing (see
    /// `GraphvizWorker.serveIfStarted`); everything else goes through ArgumentParser.
    /// The one place an error leaves relmap: a `CommandFailure` is printed here as
    /// `relmap: MESSAGE` with its exit code; ArgumentParser prints its own errors (usage).
    static func main() {
        GraphvizWorker.serveIfStarted(as: Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.err(failure.text)
            exit(withError: failure.exitCode)
        } catch {
            exit(withError: error)
        }
    }
}
