import ArgumentParser
import Foundation
import RelMapCore
import RelMapGraphviz
import RelMapSynthetic

/// Rendering one diagram to SVG three ways on the same DOT text (in this process through
/// RelMapGraphviz, by spawning `dot -Tsvg`, and through relmap's own child-process worker,
/// which is what `relmap render` does), `dot` on a one-node graph (what starting it costs),
/// a whole folder of accounts in process and through the CLI, and resident memory over
/// many renders (Graphviz 2.42 leaks in every dot layout with clusters; the numbers are
/// reported, not hidden).
///
/// `--sweep 100,200,400` instead times the dot and sfdp layouts of generated accounts of
/// those sizes, which is how the render limits in docs/limits.md were chosen.
struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render")

    @Option(help: "The account whose diagram is timed.") var account = "graphs/north-steel.yaml"
    @Option(help: "The folder rendered whole.") var folder = "graphs"
    @Option(help: "The relmap executable (default: beside this one).") var relmap: String?
    @Option(help: "The dot program.") var dotProgram = "/usr/bin/dot"
    @Option var repeats = 20
    @Option(help: "In-process renders for the memory figure.") var renders = 10_000
    @Option(help: "Diagrams rendered by one `relmap render` run for its parent's memory.") var cliRenders = 1_000
    @Option(help: "Scratch folder.") var out: String
    @Option(help: "Comma-separated people counts: time layouts of generated accounts instead.") var sweep: String?
    @Option(help: "With --sweep: give up on an engine after a layout this slow, in seconds.") var sweepCap = 20.0
    @Option(help: "With --sweep: informal ties per person (influences, allies, rivals).") var tiesPerPerson = 1.0
    @Option(help: "With --sweep: which of dot, sfdp, sfdp-line to time.") var ways = "dot,sfdp,sfdp-line"

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        if let sweep {
            try runSweep(sizes: sweep.split(separator: ",").compactMap { Int($0) })
            return
        }
        let relmap =
            self.relmap
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("relmap").path
        let dot = try RenderInput.dot(ofFile: account)
        let dotFile = "\(out)/diagram.dot"
        try dot.write(toFile: dotFile, atomically: true, encoding: .utf8)

        // The three ways of drawing the same DOT text as SVG.
        var inProcessBytes = 0, dotBytes = 0, workerBytes = 0
        let inProcess = measure(repeats: repeats) {
            inProcessBytes = (try? Graphviz.render(dot: dot, format: .svg, engine: .dot))?.count ?? -1
        }
        let spawnDot = measure(repeats: repeats) {
            dotBytes = (try? ChildProcess.run(dotProgram, ["-Tsvg"], input: Data(dot.utf8)))?.stdout.count ?? -1
        }
        // What a spawn of `dot` costs before any work: a one-node graph in the diagram's font.
        let startOnly = Data("digraph start { node [fontname=\"WenQuanYi Micro Hei\"]; a }".utf8)
        let spawnDotStart = measure(repeats: repeats) {
            _ = try? ChildProcess.run(dotProgram, ["-Tsvg"], input: startOnly)
        }
        let worker = measure(repeats: repeats) {
            let bytes = Data(dot.utf8)
            workerBytes =
                (try? ChildProcess.run(
                    relmap,
                    [
                        "render", "--graphviz-worker", String(bytes.count), "--format", "svg",
                        "--layout", "dot", "-",
                    ], input: bytes))?.stdout.count ?? -1
        }
        // What a user types for one account: load, check, analyse, DOT, worker, write.
        let cliOne = measure(repeats: max(3, repeats / 4)) {
            _ = try? ChildProcess.run(relmap, ["render", account, "-o", "\(out)/one.svg"], input: Data())
        }

        // The whole sample folder: in process (load, analyse, DOT, render) and through the CLI.
        let files = try AccountLoader.accountFiles(in: [folder], options: RenderInput.options)
        let folderInProcess = measure(repeats: max(3, repeats / 4)) {
            for file in files {
                guard let text = try? RenderInput.dot(ofFile: file) else { continue }
                _ = try? Graphviz.render(dot: text, format: .svg, engine: .dot)
            }
        }
        let folderCLI = measure(repeats: max(3, repeats / 4)) {
            _ = try? ChildProcess.run(
                relmap, ["render", folder, "-o", "\(out)/folder", "--format", "svg"], input: Data())
        }

        // Memory: this process over `renders` in-process renders of the same DOT.
        for _ in 0..<20 { _ = try? Graphviz.render(dot: dot, format: .svg, engine: .dot) }
        let rssBefore = currentRSS()
        let soakStart = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<renders { _ = try? Graphviz.render(dot: dot, format: .svg, engine: .dot) }
        let soakSeconds = Double(DispatchTime.now().uptimeNanoseconds - soakStart) / 1e9
        let rssAfter = currentRSS()

        // Memory: relmap's own parent process over `cliRenders` diagrams drawn by children.
        let cli = try RenderMemory.cliParent(relmap: relmap, account: account, copies: cliRenders, scratch: out)

        emit([
            "bench": "render", "account": account, "dot_bytes": dot.utf8.count,
            "svg_bytes": ["in_process": inProcessBytes, "dot_program": dotBytes, "worker": workerBytes],
            "in_process": inProcess, "in_process_median": median(inProcess),
            "dot_program": spawnDot, "dot_program_median": median(spawnDot),
            "dot_start": spawnDotStart, "dot_start_median": median(spawnDotStart),
            "worker": worker, "worker_median": median(worker),
            "cli_one": cliOne, "cli_one_median": median(cliOne),
            "folder_files": files.count, "folder_in_process_median": median(folderInProcess),
            "folder_cli_median": median(folderCLI),
            "renders": renders, "rss_before": rssBefore, "rss_after": rssAfter, "soak_seconds": soakSeconds,
            "cli_renders": cliRenders, "cli_rss_first": cli.first, "cli_rss_last": cli.last, "cli_rss_peak": cli.peak,
            "cli_seconds": cli.seconds, "cli_samples": cli.samples, "cli_status": Int(cli.status),
        ])
    }

    /// Layout time against account size, on generated accounts (docs/limits.md, "Rendering").
    /// "sfdp-line" is sfdp with straight lines, as relmap draws a diagram too large for dot:
    /// routing curved lines around nodes (`splines=true`) is what makes sfdp slow here.
    private func runSweep(sizes: [Int]) throws {
        var rows: [[String: Any]] = []
        var gaveUp: Set<String> = []
        let ways: [(name: String, layout: DiagramLayout, arguments: [String])] = [
            ("dot", .dot, ["-Kdot"]), ("sfdp", .sfdp, ["-Ksfdp"]), ("sfdp-line", .sfdp, ["-Ksfdp", "-Gsplines=line"]),
        ]
        let chosen = Set(self.ways.split(separator: ",").map(String.init))
        for people in sizes {
            let account = SyntheticAccount(
                seed: 7, people: people, ties: Int(Double(people) * tiesPerPerson), team: 5,
                contactShare: 0.2
            ).make()
            let analysis = Analyzer.analyze(account)
            for way in ways where !gaveUp.contains(way.name) && chosen.contains(way.name) {
                let dot = try DiagramWriter.dot(analysis, options: DiagramOptions(layout: way.layout))
                try dot.write(
                    toFile: "\(out)/sweep-\(people)-\(way.layout.rawValue).dot", atomically: true, encoding: .utf8)
                // A child `dot` process, so a layout that runs away can be cut off at the cap.
                // CPU time as well as wall time: on a shared machine the wall time also counts
                // the time other processes had the cores.
                let cpuBefore = childrenCPUSeconds()
                let start = DispatchTime.now().uptimeNanoseconds
                let result = try ChildProcess.run(
                    dotProgram, way.arguments + ["-Tsvg"], input: Data(dot.utf8), timeLimit: sweepCap)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let cpu = childrenCPUSeconds() - cpuBefore
                rows.append([
                    "people": people, "ties": account.relations.count, "engine": way.name,
                    "dot_bytes": dot.utf8.count, "seconds": seconds, "cpu_seconds": cpu,
                    "finished": !result.timedOut && !result.signalled && result.status == 0,
                ])
                if result.timedOut || seconds > sweepCap / 2 { gaveUp.insert(way.name) }
            }
        }
        emit(["bench": "render-sweep", "cap": sweepCap, "ties_per_person": tiesPerPerson, "rows": rows])
    }
}

/// User and system CPU time of every child this process has reaped so far.
func childrenCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// The DOT text relmap writes for an account file, as `relmap render` makes it.
enum RenderInput {
    static let options = LoadOptions(today: Day(iso: "2026-11-20") ?? Day(daysSinceEpoch: 20_777))

    struct Unreadable: Error { let path: String }

    static func dot(ofFile path: String) throws -> String {
        guard let account = AccountLoader.load(file: path, options: options).account else {
            throw Unreadable(path: path)
        }
        return try DiagramWriter.dot(Analyzer.analyze(account))
    }
}

/// Resident memory of `relmap render` itself (the parent, not its children) while it draws
/// many copies of one account, sampled from /proc every 50 ms.
enum RenderMemory {
    struct Samples { var first = 0, last = 0, peak = 0, samples = 0, seconds = 0.0, status: Int32 = -1 }

    static func cliParent(relmap: String, account: String, copies: Int, scratch: String) throws -> Samples {
        let input = "\(scratch)/copies-\(copies)", output = "\(scratch)/copies-out"
        let fm = FileManager.default
        try? fm.removeItem(atPath: input)
        try? fm.removeItem(atPath: output)
        try fm.createDirectory(atPath: input, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: account, encoding: .utf8)
        let id = (account as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
        for i in 0..<copies {
            // Distinct account ids, so every copy is its own output file.
            let copy = text.replacingOccurrences(of: "id: \(id)\n", with: String(format: "id: \(id)-%05d\n", i))
            try copy.write(toFile: String(format: "\(input)/\(id)-%05d.yaml", i), atomically: false, encoding: .utf8)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: relmap)
        process.arguments = ["render", input, "-o", output, "--format", "svg"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        var result = Samples()
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        let status = "/proc/\(process.processIdentifier)/status"
        // The first sample taken after the first diagram file appears: by then every file
        // has been loaded and checked, so later growth is the rendering's alone.
        var rendering = false
        while process.isRunning {
            if let rss = vmRSS(status) {
                if !rendering, (try? fm.contentsOfDirectory(atPath: output).contains { $0.hasSuffix(".svg") }) == true {
                    rendering = true
                    result.first = rss
                }
                if rendering { result.last = rss }
                result.peak = max(result.peak, rss)
                result.samples += 1
            }
            usleep(50_000)
        }
        process.waitUntilExit()
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        result.status = process.terminationStatus
        try? fm.removeItem(atPath: input)
        try? fm.removeItem(atPath: output)
        return result
    }

    private static func vmRSS(_ path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
        }
        return nil
    }
}
