import Foundation

/// Work on several items at once, results taken in the items' order.
///
/// Unlike `ParallelMap`, which hands back every result at the end, this hands each result
/// over as soon as it and all before it are done, and the caller can stop the run there.
/// Drawing a folder of diagrams is a row of child processes, each busy on one core while
/// the parent waits (docs/diagrams.md, "One process per diagram"), so two at once on two
/// cores take about half the time. What the user sees must not depend on that: messages,
/// files and the point where a failure stops the run are the same as one at a time,
/// because everything visible happens in `deliver`, on the calling thread, in order.
public enum InOrder {
    /// Runs `work(i)` for every `i` in `0..<count`, at most `width` at a time, and hands
    /// each result to `deliver` on the calling thread in index order, as soon as it and all
    /// before it are done; `next(i)` is called there just before waiting for item `i` (a
    /// progress line names the item being waited for). When `deliver` throws, no more work
    /// starts, work already started is waited for (a running child is reaped, never left
    /// behind), later results are dropped, and the error is rethrown.
    public static func run<T: Sendable>(
        count: Int, width: Int, next: (Int) -> Void = { _ in },
        work: @escaping @Sendable (Int) -> T, deliver: (Int, T) throws -> Void
    ) throws {
        guard width > 1, count > 1 else {
            for i in 0..<count {
                next(i)
                try deliver(i, work(i))
            }
            return
        }
        let shared = Slots<T>(count: count)
        let group = DispatchGroup()
        // Threads of their own, not Dispatch's pool: `work` blocks while a child draws, and
        // ChildProcess feeds and reads that child on the pool; pool threads blocked here
        // would leave none for it until Dispatch adds more, which took ~200 ms a diagram.
        for _ in 0..<min(width, count) {
            group.enter()
            Thread {
                while let i = shared.take() { shared.put(work(i), at: i) }
                group.leave()
            }.start()
        }
        defer { group.wait() }
        for i in 0..<count {
            next(i)
            do { try deliver(i, shared.wait(for: i)) } catch {
                shared.stop()
                throw error
            }
        }
    }
}

/// The results so far and the next item to start, shared by the workers and the caller.
private final class Slots<T: Sendable>: @unchecked Sendable {
    // @unchecked: every field is only touched while `condition` is locked.
    private let condition = NSCondition()
    private var results: [T?]
    private var next = 0
    private var stopped = false

    init(count: Int) { results = Array(repeating: nil, count: count) }

    /// The next item to work on, or nil when all have started or the run was stopped.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped, next < results.count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ result: T, at i: Int) {
        condition.lock()
        results[i] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for item `i` and hands its result over (the slot is emptied, so a large
    /// diagram is not held longer than its delivery).
    func wait(for i: Int) -> T {
        condition.lock()
        defer { condition.unlock() }
        while results[i] == nil { condition.wait() }
        let result = results[i]!
        results[i] = nil
        return result
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.unlock()
    }
}
