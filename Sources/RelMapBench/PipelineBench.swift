import ArgumentParser
import Foundation
import RelMapCore
import RelMapSynthetic

/// Writes a folder of generated account files once (seeded), for the pipeline and YAML
/// benchmarks and their Python references.
struct FolderGenerator {
    static func ensure(_ dir: String, accounts: Int, people: Int) throws {
        let fm = FileManager.default
        let marker = "\(dir)/.complete-\(accounts)x\(people)"
        if fm.fileExists(atPath: marker) { return }
        try? fm.removeItem(atPath: dir)
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let writer = AccountFileWriter()
        for i in 0..<accounts {
            let names: SyntheticAccount.NameStyle = i % 2 == 0 ? .chinese : .ascii
            let account = SyntheticAccount(
                seed: UInt64(i + 1), people: people, ties: people * 2, team: 3,
                contactShare: 0.4, names: names
            ).make()
            let name = String(format: "acc-%05d.yaml", i)
            try writer.yaml(account).write(toFile: "\(dir)/\(name)", atomically: false, encoding: .utf8)
        }
        _ = fm.createFile(atPath: marker, contents: Data())
    }

    /// A folder of `accounts` accounts of varied shape (`SyntheticBook`), written once.
    static func ensureVaried(_ dir: String, accounts: Int) throws {
        let fm = FileManager.default
        let marker = "\(dir)/.complete-varied-\(accounts)"
        if fm.fileExists(atPath: marker) { return }
        try? fm.removeItem(atPath: dir)
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let writer = AccountFileWriter()
        let book = SyntheticBook()
        for i in 0..<accounts {
            let name = String(format: "acc-%05d.yaml", i)
            try writer.yaml(book.account(i).make()).write(toFile: "\(dir)/\(name)", atomically: false, encoding: .utf8)
        }
        _ = fm.createFile(atPath: marker, contents: Data())
    }
}

/// Writes a benchmark folder (if it is not there yet) and prints its size, for the
/// benchmarks that time the `relmap` CLI itself over a folder.
struct FolderBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "folder")
    @Option var dir: String
    @Option var accounts: Int = 2_000
    @Option var people: Int = 40
    @Flag(help: "Accounts of varied shape (SyntheticBook) instead of --people-person ones.") var varied = false

    func run() throws {
        if varied {
            try FolderGenerator.ensureVaried(dir, accounts: accounts)
        } else {
            try FolderGenerator.ensure(dir, accounts: accounts, people: people)
        }
        let options = LoadOptions(today: Day(daysSinceEpoch: 20_770))
        let files = try AccountLoader.accountFiles(in: [dir], options: options)
        var bytes = 0, people = 0, ties = 0
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            bytes += data.count
            if let account = AccountLoader.load(data: data, path: path, options: options).account {
                people += account.people.count
                ties += account.relations.count
            }
        }
        emit(["bench": "folder", "files": files.count, "bytes": bytes, "people": people, "ties": ties])
    }
}

/// The whole pipeline over a folder: load + validate + scores (+ gaps + plan), in one
/// process or split over worker processes.
struct PipelineBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pipeline")

    @Option var dir: String
    @Option var accounts: Int = 10_000
    @Option var people: Int = 40
    @Option var repeats: Int = 3
    @Option(help: "Worker processes (1 = all in this process).") var workers: Int = 1
    @Flag(help: "In this process, spread the files over every core (ParallelMap, as the CLI does).") var threads = false
    @Option(help: "Internal: run only the files i, i+k, i+2k... (i/k).") var shard: String?

    func run() throws {
        try FolderGenerator.ensure(dir, accounts: accounts, people: people)
        let options = LoadOptions(today: Day(daysSinceEpoch: 20_770))
        let files = try AccountLoader.accountFiles(in: [dir], options: options)
        if let shard {
            let parts = shard.split(separator: "/").compactMap { Int($0) }
            guard parts.count == 2 else { throw ValidationError("--shard i/k") }
            let mine = files.enumerated().filter { $0.offset % parts[1] == parts[0] }.map(\.element)
            let people = PipelineWork.run(mine, options: options)
            emit(["bench": "pipeline-shard", "files": mine.count, "people": people, "peak_rss": peakRSS()])
            return
        }
        var processed = 0
        var peak = 0
        let times = measure(repeats: repeats, warmUp: false) {
            if threads {
                processed = ParallelMap.map(files.count) { PipelineWork.run([files[$0]], options: options) }.reduce(
                    0, +)
                peak = peakRSS()
            } else if workers <= 1 {
                processed = PipelineWork.run(files, options: options)
                peak = peakRSS()
            } else {
                (processed, peak) = Self.spawn(workers: workers, dir: dir, accounts: accounts, people: people)
            }
        }
        let bytes = files.reduce(0) {
            $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0)
        }
        emit([
            "bench": "pipeline", "files": files.count, "people": processed, "workers": workers, "bytes": bytes,
            "threads": threads, "seconds": times, "median": median(times), "peak_rss": peak,
        ])
    }

    /// Runs `workers` copies of this program, each on its share of the files, and waits.
    static func spawn(workers: Int, dir: String, accounts: Int, people: Int) -> (Int, Int) {
        let me = URL(fileURLWithPath: CommandLine.arguments[0])
        let processes = (0..<workers).map { i -> (Process, Pipe) in
            let p = Process(), out = Pipe()
            p.executableURL = me
            p.arguments = [
                "pipeline", "--dir", dir, "--accounts", String(accounts), "--people", String(people), "--shard",
                "\(i)/\(workers)",
            ]
            p.standardOutput = out
            try? p.run()
            return (p, out)
        }
        var total = 0, peak = 0
        for (p, out) in processes {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            if let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                total += json["people"] as? Int ?? 0
                peak = max(peak, json["peak_rss"] as? Int ?? 0)
            }
        }
        return (total, peak)
    }
}

enum PipelineWork {
    /// Loads, validates, scores, finds the gaps and plans the next visits for each file,
    /// as `relmap report` does for an account page; returns the number of people scored.
    static func run(_ files: [String], options: LoadOptions) -> Int {
        var people = 0
        var findings = 0
        for path in files {
            guard let account = AccountLoader.load(file: path, options: options).account else { continue }
            let analysis = Analyzer.analyze(account)
            let gaps = GapFinder.gaps(in: analysis)
            let plan = try? VisitPlanner.plan(analysis)
            people += analysis.people.count
            // Kept so the optimizer cannot drop the work.
            findings += gaps.gaps.count + (plan?.visits.count ?? 0)
        }
        return findings >= 0 ? people : 0
    }
}

/// YAML loading throughput: relmap's loader (parse + validate + model) per MB.
struct YAMLLoadBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "yaml")
    @Option var dir: String
    @Option var accounts: Int = 10_000
    @Option var people: Int = 40
    @Option var files: Int = 1000
    @Option var repeats: Int = 5

    func run() throws {
        try FolderGenerator.ensure(dir, accounts: accounts, people: people)
        let options = LoadOptions(today: Day(daysSinceEpoch: 20_770))
        let all = try AccountLoader.accountFiles(in: [dir], options: options)
        let chosen = Array(all.prefix(files))
        let data = chosen.compactMap { FileManager.default.contents(atPath: $0) }
        let bytes = data.reduce(0) { $0 + $1.count }
        var loaded = 0
        let times = measure(repeats: repeats) {
            loaded = 0
            for (d, path) in zip(data, chosen)
            where AccountLoader.load(data: d, path: path, options: options).account != nil {
                loaded += 1
            }
        }
        emit([
            "bench": "yaml", "files": chosen.count, "loaded": loaded, "bytes": bytes, "seconds": times,
            "median": median(times), "mb_per_s": Double(bytes) / median(times) / 1e6,
        ])
    }
}
