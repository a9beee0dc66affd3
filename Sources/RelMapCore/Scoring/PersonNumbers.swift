/// People's node numbers by id, as `AccountGraph.index` gives them (the first person with
/// an id keeps it), for the reach `check` computes on every file.
///
/// The standard dictionary hashes each id with a seeded SipHash, which cost the reach
/// warnings more than everything else they do; ids are short, so a multiply-xor over
/// their bytes with open addressing does the same lookups for a fraction. A file could
/// still pile its ids onto one slot, so when any id lands more than `maxDistance` slots
/// from where it hashes, the numbers go into a standard dictionary instead; else every
/// lookup stops after that many slots.
struct PersonNumbers {
    private let people: [Person]
    /// Node number + 1 per slot; 0 is empty.
    private var slots: [Int32] = []
    private var mask = 0
    private var distance = 0
    private var dictionary: [String: Int]?
    private static let maxDistance = 32

    init(_ people: [Person]) {
        self.people = people
        if !fill() {
            var numbers = [String: Int](minimumCapacity: people.count)
            for i in people.indices where numbers[people[i].id] == nil { numbers[people[i].id] = i }
            dictionary = numbers
        }
    }

    private mutating func fill() -> Bool {
        guard people.count < Int(Int32.max) else { return false }
        var size = 16
        while size < 2 * people.count { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        for i in people.indices {
            var slot = Self.hash(people[i].id) & mask
            var d = 0
            while slots[slot] != 0 {
                if people[Int(slots[slot]) - 1].id == people[i].id { break }  // a later twin: the first keeps the id
                slot = (slot + 1) & mask
                d += 1
                if d > Self.maxDistance { return false }
            }
            if slots[slot] == 0 { slots[slot] = Int32(i + 1) }
            distance = max(distance, d)
        }
        return true
    }

    /// The node number of the first person with this id, or nil.
    func number(_ id: String) -> Int? {
        if let dictionary { return dictionary[id] }
        var slot = Self.hash(id) & mask
        for _ in 0...distance {
            let k = Int(slots[slot])
            if k == 0 { return nil }
            if people[k - 1].id == id { return k - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func hash(_ id: String) -> Int {
        // Over the bytes in place (a short id is copied to the stack): walking `utf8` one
        // byte at a time cost several times more.
        func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return Int(truncatingIfNeeded: h ^ (h >> 32))
        }
        return id.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(id.utf8)
    }
}
