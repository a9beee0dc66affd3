/// A 4-ary min-heap: the priority queue of the strongest-path search. Push and pop are
/// O(log n).
///
/// Four children a node instead of two halves the levels a pop walks down, and the
/// four it compares at each level sit side by side in memory.
/// The order is the element's own `<`, not a closure the caller passes, so the
/// comparison is inlined into the search instead of being an indirect call.
struct MinHeap<Element: Comparable> {
    private var items: [Element] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func reserveCapacity(_ n: Int) { items.reserveCapacity(n) }

    mutating func push(_ item: Element) {
        items.append(item)
        // Move the hole up instead of swapping: one write per level.
        items.withUnsafeMutableBufferPointer { items in
            var hole = items.count - 1
            while hole > 0 {
                let parent = (hole - 1) / 4
                guard item < items[parent] else { break }
                items[hole] = items[parent]
                hole = parent
            }
            items[hole] = item
        }
    }

    /// The least element, removed; nil when empty.
    mutating func pop() -> Element? {
        guard let last = items.popLast() else { return nil }
        guard !items.isEmpty else { return last }
        return items.withUnsafeMutableBufferPointer { items in
            let top = items[0]
            let count = items.count
            // Move the hole at the root down to where `last` belongs.
            var hole = 0
            while true {
                let first = 4 * hole + 1
                guard first < count else { break }
                var least = first
                for child in (first + 1)..<Swift.min(first + 4, count) where items[child] < items[least] {
                    least = child
                }
                guard items[least] < last else { break }
                items[hole] = items[least]
                hole = least
            }
            items[hole] = last
            return top
        }
    }
}
