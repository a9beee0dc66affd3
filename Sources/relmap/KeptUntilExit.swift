import Synchronization

/// What a command built over a folder, kept until the process exits instead of freed at the
/// end of `run()`. The command is about to exit, and the system takes the whole memory back
/// at once; freeing first is one thread walking every object of 140,000 people's accounts,
/// analyses and output (about a tenth of `relmap analyze --format json` on the main thread,
/// with the other core idle). Only for the folder commands, which run once per process.
enum KeptUntilExit {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ values: any Sendable...) {
        kept.withLock { $0.append(contentsOf: values) }
    }
}
