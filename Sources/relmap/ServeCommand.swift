import ArgumentParser
import Dispatch
import Foundation
import RelMapCore
import RelMapDrawing
import RelMapServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a folder of accounts in the browser: the live report, with forms that edit the files.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise; any other address needs a token
            (--token or RELMAP_TOKEN). Saves go through the same edit engine as `relmap set` and
            `relmap log`; a page older than the file gets a conflict page, never a lost edit.
            Ctrl-C stops it after the requests under way. See docs/serve.md.
            """)

    @Argument(help: ArgumentHelp("The folder of account files to serve.", valueName: "folder"))
    var folder: String

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(
        help: ArgumentHelp("Every request must sign in with this token (default: $RELMAP_TOKEN).", valueName: "token"))
    var token: String?

    @Flag(help: "Commit each save in the folder's git repository.")
    var commit = false

    @Option(help: ArgumentHelp("Author of those commits: 'Name' or 'Name <email>'.", valueName: "name"))
    var author: String?

    @OptionGroup var limits: RenderLimitOptions

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure.noInput("\(folder): no such folder")
        }
        let environmentToken = ProcessInfo.processInfo.environment["RELMAP_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let options = ServeOptions(
            folder: folder, host: host, port: port, token: token ?? environmentToken,
            commit: commit, author: author,
            // The pages tell of a file past a limit as `relmap check` does.
            loadOptions: .commandLine(today: Day(daysSinceEpoch: 0)))
        if let problem = options.problem { throw CommandFailure.usage(problem) }
        let pipeline = DiagramPipeline(options: DiagramOptions(), format: .svg, limits: limits.values)
        let renderer: DiagramRenderer = { analysis in
            let drawn = pipeline.draw(analysis)
            return (drawn.svg, drawn.pageNote)
        }
        // ArgumentParser runs this synchronously; the server runs on Swift's concurrency
        // threads while this one waits for it to stop.
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await RelMapServer.run(options, renderer: renderer) { url in
                    Terminal.out("relmap serve: \(url) (Ctrl-C to stop)\n")
                }
            } catch {
                failure.set("\(error)")
            }
            finished.signal()
        }
        finished.wait()
        if let message = failure.get() { throw CommandFailure.internalError("serve: \(message)") }
    }
}

/// The server's error, handed from its task to the waiting thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ m: String) { lock.withLock { message = m } }
    func get() -> String? { lock.withLock { message } }
}
