import ArgumentParser

/// `relmap-bench`: the Swift side of benchmarks/run. Each subcommand generates (or
/// reads) the same data the Python references use, times relmap's code in process, and
/// prints one JSON line of results; benchmarks/run puts the two sides in one table.
@main
struct BenchMain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relmap-bench",
        abstract: "Benchmarks for relmap (run through benchmarks/run).",
        subcommands: [
            InfluenceBench.self, MemoryBandwidthBench.self, GraphAlgorithmBench.self,
            PipelineBench.self, RenderBench.self, FallbackBench.self, YAMLLoadBench.self, ImportBench.self,
            FolderBench.self,
        ])
}
