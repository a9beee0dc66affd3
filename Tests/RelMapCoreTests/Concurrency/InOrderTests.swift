import Foundation
import Testing
@testable import RelMapCore

/// Several items worked on at once, handed over in order: what the caller sees is what one
/// at a time gives, whatever order the work finishes in.
@Suite("in order")
struct InOrderTests {
    /// Later items finish first (item 0 sleeps longest), yet every result is delivered in
    /// index order, each just after `next` named it.
    @Test(arguments: [1, 2, 3, 8])
    func deliversInIndexOrderWhateverOrderTheWorkFinishesIn(width: Int) throws {
        let count = 6
        var seen: [String] = []
        try InOrder.run(
            count: count, width: width, next: { i in seen.append("next \(i)") },
            work: { i in
                Thread.sleep(forTimeInterval: Double(count - i) * 0.005)
                return i * i
            },
            deliver: { i, square in
                seen.append("deliver \(i): \(square)")
            })
        #expect(seen == (0..<count).flatMap { ["next \($0)", "deliver \($0): \($0 * $0)"] })
    }

    /// Never more than `width` items are worked on at once.
    @Test(arguments: [1, 2, 3])
    func runsAtMostWidthItemsAtOnce(width: Int) throws {
        let gauge = Gauge()
        try InOrder.run(
            count: 9, width: width,
            work: { _ in
                gauge.enter()
                Thread.sleep(forTimeInterval: 0.02)
                gauge.leave()
            }, deliver: { _, _ in })
        #expect(gauge.most <= width)
        #expect(gauge.started == 9)
    }

    /// With a width of 2 the second item starts while the first is still under way: the
    /// first waits for the second to start, which one at a time would never see.
    @Test func twoItemsRunAtOnceWithWidthTwo() throws {
        let secondStarted = DispatchSemaphore(value: 0)
        var sawSecond: [Bool] = []
        try InOrder.run(
            count: 2, width: 2,
            work: { i in
                if i == 1 { secondStarted.signal(); return true }
                return secondStarted.wait(timeout: .now() + 10) == .success
            }, deliver: { _, saw in sawSecond.append(saw) })
        #expect(sawSecond == [true, true])
    }

    /// A throw in `deliver` stops the run there: nothing after it is delivered, no new
    /// work starts, the work already started is finished before `run` returns (a child
    /// process is never left behind), and the error comes out.
    @Test func aThrowInDeliverStopsTheRunAndWaitsForWorkUnderWay() throws {
        struct Stop: Error {}
        let gauge = Gauge()
        var delivered: [Int] = []
        #expect(throws: Stop.self) {
            try InOrder.run(
                count: 50, width: 2,
                work: { i in
                    gauge.enter()
                    Thread.sleep(forTimeInterval: 0.01)
                    gauge.leave()
                    return i
                },
                deliver: { i, _ in
                    delivered.append(i)
                    if i == 2 { throw Stop() }
                })
        }
        #expect(delivered == [0, 1, 2])
        #expect(gauge.running == 0)
        // The workers run ahead of delivery (a few items of 10 ms), but not to the end.
        #expect(gauge.started < 50)
    }

    @Test func noItemsCallsNothing() throws {
        try InOrder.run(
            count: 0, width: 4, next: { _ in Issue.record("next called") },
            work: { _ in Issue.record("work called") }, deliver: { _, _ in Issue.record("deliver called") })
    }
}

/// Counts work running at once, from several threads.
private final class Gauge: @unchecked Sendable {
    // @unchecked: every field is only touched while `lock` is held.
    private let lock = NSLock()
    private var now = 0
    private var peak = 0
    private var total = 0

    func enter() {
        lock.withLock {
            now += 1
            total += 1
            peak = max(peak, now)
        }
    }

    func leave() { lock.withLock { now -= 1 } }

    var most: Int { lock.withLock { peak } }
    var running: Int { lock.withLock { now } }
    var started: Int { lock.withLock { total } }
}
