import ArgumentParser
import Foundation
import RelMapCore
import RelMapSynthetic

/// Influence (personalized PageRank) on a generated account. Writes the graph, the
/// personalization and relmap's scores as TSV for benchmarks/reference.py, which runs
/// NetworkX and igraph on the same graph and checks agreement before timing.
struct InfluenceBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "influence")

    @Option var people: Int
    @Option var ties: Int
    @Option var seed: UInt64 = 42
    @Option var repeats: Int = 5
    @Option(help: "Folder for the TSV files.") var out: String
    @Option(help: "Convergence: stop when the L1 change is below people × this (NetworkX's rule).") var tol: Double =
        1e-12

    func run() throws {
        let account = SyntheticAccount(seed: seed, people: people, ties: ties, team: 5, contactShare: 0.2).make()
        var parameters = ScoringParameters()
        parameters.tolerance = Double(people) * tol
        let graph = AccountGraph(account: account, parameters: parameters)
        let own = Influence.ownWeights(account: account, graph: graph, parameters: parameters)
        let total = own.reduce(0, +)
        let p = own.map { $0 / total }
        var result: (scores: [Double], iterations: Int) = ([], 0)
        let times = measure(repeats: repeats) {
            result = Influence.pageRank(graph: graph, personalization: p, parameters: parameters)
        }
        // The iterations alone, without laying out the in-edges, for the bandwidth bound.
        let kernel = PageRankKernel(graph: graph)
        let iterationTimes = measure(repeats: repeats) {
            _ = kernel.run(
                personalization: p, damping: parameters.damping, tolerance: parameters.tolerance,
                maxIterations: parameters.maxIterations)
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var edges = ""
        edges.reserveCapacity(graph.influenceSource.count * 24)
        for i in 0..<graph.count {
            for e in graph.influenceStart[i]..<graph.influenceStart[i + 1] {
                edges += "\(graph.influenceSource[e])\t\(i)\t\(graph.influenceWeight[e])\n"
            }
        }
        try edges.write(toFile: "\(out)/edges.tsv", atomically: true, encoding: .utf8)
        try p.enumerated().map { "\($0)\t\($1)" }.joined(separator: "\n").write(
            toFile: "\(out)/personalization.tsv", atomically: true, encoding: .utf8)
        try result.scores.enumerated().map { "\($0)\t\($1)" }.joined(separator: "\n").write(
            toFile: "\(out)/relmap.tsv", atomically: true, encoding: .utf8)
        let m = graph.influenceSource.count
        // Bytes one iteration reads or writes: in-edges (4-byte source + 8-byte share),
        // row starts (8 bytes a person), and x, next and p (8 bytes each a person).
        let bytesPerIteration = m * 12 + graph.count * (8 + 24)
        emit([
            "bench": "influence", "people": people, "ties": ties, "edges": m, "iterations": result.iterations,
            "seconds": times, "median": median(times), "bytes_per_iteration": bytesPerIteration,
            "iterate_median": median(iterationTimes),
            "peak_rss": peakRSS(),
        ])
    }
}

/// Memory copy bandwidth of this machine, the bound a bandwidth-limited loop can reach.
struct MemoryBandwidthBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "memcopy")
    @Option var megabytes: Int = 256
    @Option var repeats: Int = 7

    func run() {
        let count = megabytes << 20
        let source = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 64)
        let target = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 64)
        defer { source.deallocate(); target.deallocate() }
        memset(source, 1, count)  // prefault both buffers so page faults are not timed
        memset(target, 0, count)
        let times = measure(repeats: repeats) { memcpy(target, source, count) }
        // Bytes copied per second (each byte is read once and written once).
        let gbPerSecond = Double(count) / median(times) / 1e9
        emit(["bench": "memcopy", "bytes": count, "seconds": times, "median": median(times), "gb_per_s": gbPerSecond])
    }
}
