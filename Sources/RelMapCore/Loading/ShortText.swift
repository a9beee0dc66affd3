/// Up to 16 bytes of UTF-8 text packed into two integers, so that a key or keyword read
/// from a file is matched against the format's spellings by comparing integers: every key
/// of every mapping is matched, and comparing byte by byte, or making a `String` of each,
/// cost more than the rest of reading a key.
///
/// The format's spellings are ASCII, and the only text equal to ASCII text is the same
/// bytes, so equal packs are equal texts.
struct ShortText: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count: Int

    /// The pack of `bytes`; nil past 16 bytes, which no spelling is.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        count = bytes.count
        for (i, b) in bytes.enumerated() {
            if i < 8 { low |= UInt64(b) << (8 * UInt64(i)) } else { high |= UInt64(b) << (8 * UInt64(i - 8)) }
        }
    }

    /// The pack of the `count` bytes at `offset` in `buffer`, read as two whole words when
    /// 16 bytes from `offset` are inside the buffer (the composer pads its text for this),
    /// byte by byte otherwise; the same pack either way.
    init?(_ buffer: UnsafeBufferPointer<UInt8>, offset: Int, count: Int) {
        guard count <= 16 else { return nil }
        guard let base = buffer.baseAddress, offset + 16 <= buffer.count else {
            self.init(UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]))
            return
        }
        let raw = UnsafeRawPointer(base + offset)
        let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        func keep(_ word: UInt64, _ bytes: Int) -> UInt64 {
            bytes >= 8 ? word : bytes <= 0 ? 0 : word & ((1 << (8 * UInt64(bytes))) - 1)
        }
        self.init(low: keep(low, count), high: keep(high, count - 8), count: count)
    }

    private init(low: UInt64, high: UInt64, count: Int) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// The pack of a spelling; nil past 16 bytes.
    init?(_ text: String) {
        var text = text
        guard let packed = text.withUTF8({ ShortText($0) }) else { return nil }
        self = packed
    }

    /// The packs of `spellings`, in order; a spelling too long to pack gets one no text
    /// has (a count of -1).
    static func all(_ spellings: [String]) -> [ShortText] {
        spellings.map { ShortText($0) ?? ShortText(low: 0, high: 0, count: -1) }
    }

    /// The spellings of YAML's null in a plain scalar, besides the empty text and `~`.
    static let nulls = all(["null", "Null", "NULL"])

    /// The first byte of the text, if it has one.
    var firstByte: UInt8? { count > 0 ? UInt8(truncatingIfNeeded: low) : nil }
}

/// The format's enums that a file spells as words (`stance: supporter`), with their
/// spellings packed once, so that `NodeReader.word` matches a value without making text
/// of it. Every raw value is ASCII (EnumsTests checks).
protocol FileWord: RawRepresentable<String>, CaseIterable, Sendable {
    static var packedWords: [(text: ShortText, word: Self)] { get }
}

extension FileWord {
    static func packAll() -> [(text: ShortText, word: Self)] {
        let words = Array(allCases)
        return Array(zip(ShortText.all(words.map(\.rawValue)), words))
    }
}

extension Tier: FileWord { static let packedWords = packAll() }
extension Stage: FileWord { static let packedWords = packAll() }
extension BuyingRole: FileWord { static let packedWords = packAll() }
extension Stance: FileWord { static let packedWords = packAll() }
extension RelationType: FileWord { static let packedWords = packAll() }
