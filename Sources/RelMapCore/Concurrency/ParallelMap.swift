import Dispatch

/// Independent work on many items spread over every core, results in the items' order.
///
/// A folder of accounts is thousands of files that are read, checked and scored one by
/// one, each on its own; on a 2-core machine one thread leaves half of it idle. The
/// result is the same array, in the same order, as a plain `map`, so nothing a user sees
/// depends on how the work was split.
public enum ParallelMap {
    /// `(0..<count).map(body)`, with `body` called on several threads at once: it must
    /// only read what it shares with other calls.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        // Several chunks per thread, so one slow item (a large account) does not leave
        // the other threads idle at the end; few enough that handing them out is cheap.
        let chunks = min(count, 64)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (count * c / chunks)..<(count * (c + 1) / chunks) {
                    (slots.base + i).initialize(to: body(i))
                }
            }
            initialized = count
        }
    }
}

/// The result buffer, written by several threads: each chunk initializes only its own
/// indices, and the buffer is read only after all chunks are done.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
