import ArgumentParser
import Foundation
import RelMapCore
import RelMapGraphviz
import RelMapSynthetic

/// How often Graphviz fails on relmap's diagrams, and which fallback draws them
/// (docs/diagrams.md, "When Graphviz fails"): generates accounts of varied shapes, draws
/// them all with one `relmap render` run (the real CLI, its real Graphviz children), and
/// counts from its messages how many were drawn as designed, with each fallback, and not
/// at all. The accounts that needed a fallback are copied aside as regression fixtures.
struct FallbackBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fallbacks")

    @Option(help: "How many accounts to generate and draw.") var accounts = 5_000
    @Option(help: "Scratch folder (the accounts, the diagrams, the log).") var out: String
    @Option(help: "The relmap executable (default: beside this one).") var relmap: String?
    @Option(help: "Passed to relmap render: the limit for one layout attempt, in seconds.") var renderTimeout = 10.0
    @Option(help: "Passed to relmap render.") var jobs = 2
    @Option(help: "The first seed; account k has seed first + k.") var firstSeed: UInt64 = 1

    /// The shape of account `k`: 5 to 200 people (log-uniform, so small accounts are as
    /// common as in a real book), 0.5 to 4 informal ties per person, none to 40% of people
    /// reporting across departments, and plain, Chinese, long Chinese or long Latin names.
    static func shape(seed: UInt64) -> SyntheticAccount {
        var rng = SplitMix64(seed: seed &* 0x2545_F491_4F6C_DD1D)
        let people = Int((exp(Double.random(in: log(5.0)...log(200.0), using: &rng))).rounded())
        let tiesPerPerson = [0.5, 1, 2, 3, 4][Int.random(in: 0..<5, using: &rng)]
        let names: [SyntheticAccount.NameStyle] = [.ascii, .chinese, .longChinese, .longLatin]
        var account = SyntheticAccount(
            seed: seed, people: people, ties: Int(Double(people) * tiesPerPerson),
            team: Int.random(in: 1...6, using: &rng),
            contactShare: Double(Int.random(in: 2...7, using: &rng)) / 10,
            names: names[Int.random(in: 0..<names.count, using: &rng)])
        account.crossDepartment = [0, 0.15, 0.4][Int.random(in: 0..<3, using: &rng)]
        return account
    }

    func run() throws {
        let fm = FileManager.default
        let input = "\(out)/accounts", output = "\(out)/diagrams", kept = "\(out)/needed-fallback"
        for dir in [input, output, kept] {
            try? fm.removeItem(atPath: dir)
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        let writer = AccountFileWriter()
        var fileOf: [String: String] = [:]
        for k in 0..<accounts {
            let account = Self.shape(seed: firstSeed + UInt64(k)).make()
            let name = String(format: "acc-%05d.yaml", k)
            try writer.yaml(account).write(toFile: "\(input)/\(name)", atomically: false, encoding: .utf8)
            fileOf[account.id] = name
        }
        let relmap =
            self.relmap
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("relmap").path
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try ChildProcess.run(
            relmap,
            [
                "render", input, "-o", output, "--format", "svg", "--jobs", String(jobs),
                "--render-timeout", String(renderTimeout),
            ], input: Data())
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let log = String(decoding: result.stderr, as: UTF8.self)
        try log.write(toFile: "\(out)/render.log", atomically: false, encoding: .utf8)

        // "relmap: warning: FILE: Graphviz could not draw the diagram of ID as designed; drew it SUMMARY"
        var byFallback: [String: Int] = [:]
        for fallback in DiagramFallback.allCases { byFallback[fallback.summary] = 0 }
        for line in log.split(separator: "\n") {
            guard let marker = line.range(of: " as designed; drew it ") else { continue }
            byFallback[String(line[marker.upperBound...]), default: 0] += 1
            if let idStart = line.range(of: "the diagram of "),
                let file = fileOf[String(line[idStart.upperBound..<marker.lowerBound])]
            {
                try? fm.copyItem(atPath: "\(input)/\(file)", toPath: "\(kept)/\(file)")
            }
        }
        let written = (try fm.contentsOfDirectory(atPath: output)).filter { $0.hasSuffix(".svg") }.count
        let withFallback = byFallback.values.reduce(0, +)
        let fields: [String: Any] = [
            "bench": "fallbacks", "accounts": accounts, "first_seed": Int(firstSeed), "render_timeout": renderTimeout,
            "jobs": jobs, "seconds": seconds, "exit_status": Int(result.status), "written": written,
            "drawn_as_designed": written - withFallback, "with_fallback": byFallback, "not_drawn": accounts - written,
        ]
        emit(fields)
        print(
            "\(accounts) accounts, \(Int(seconds)) s: \(written - withFallback) drawn as designed, "
                + DiagramFallback.allCases.map { "\(byFallback[$0.summary] ?? 0) \($0.summary)" }.joined(
                    separator: ", ")
                + ", \(accounts - written) not drawn (relmap exit \(result.status))")
    }
}
