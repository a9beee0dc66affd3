/// Reads the fuzz input as a stream of choices: numbers in a range, coin flips and text.
/// Past the end every read gives zero, so any input, even an empty one, describes an
/// account, and libFuzzer's mutations change the account a little at a time.
struct FuzzBytes {
    private let bytes: [UInt8]
    private var at = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() -> UInt8 {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return bytes[at]
    }

    /// A number in `range` (ranges up to 65,536 values, which is all this needs).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let raw = Int(byte()) << 8 | Int(byte())
        return range.lowerBound + raw % range.count
    }

    /// True with probability about `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { Int(byte()) * 100 < percent * 256 }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Pieces that have broken DOT, HTML-like labels, SVG or Graphviz's own escapes
    /// elsewhere; a byte picks one, so they come up far more often than by chance.
    static let hostilePieces = [
        "\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "\\n", "\\l", "\\r", "\\", "\\\"", "\"", "'",
        "<", ">", "&", "&amp;", "&lt;", "&#92;", "&#x0;", "<BR/>", "</TABLE>", "<TD>", "]]>", "<!--",
        "<script>alert(1)</script>", "<img src=x onerror=\"alert(1)\">",
        "node", "edge", "graph", "digraph", "subgraph", "strict", "->", "--", "{", "}", "[", "]", ";", "=", ",",
        "\r\n", "\r", "\n", "\t", "\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{202E}", "\u{200B}", "\u{FEFF}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{0301}", "\u{10FFFF}",
        "赵建国（总经理）", "😀", "👩‍👩‍👧", "🇨🇳", "=cmd|' /C calc'!A0", "%s%n", "\u{E000}",
    ]

    /// Up to `maxPieces` pieces of text: ASCII (control characters included), hostile
    /// pieces, or any Unicode scalar.
    mutating func text(_ maxPieces: Int) -> String {
        var out = String.UnicodeScalarView()
        for _ in 0..<int(0...maxPieces) {
            let b = byte()
            switch b {
            case 0..<0x80:
                out.append(Unicode.Scalar(b))
            case 0x80..<0xC0:
                out.append(contentsOf: Self.hostilePieces[Int(b - 0x80) % Self.hostilePieces.count].unicodeScalars)
            default:
                let value = (UInt32(b & 0x1F) << 16 | UInt32(byte()) << 8 | UInt32(byte())) % 0x11_0000
                out.append(Unicode.Scalar(value) ?? "\u{FFFD}")  // surrogates are not scalars
            }
        }
        return String(out)
    }
}
