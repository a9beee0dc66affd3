import Foundation

/// The file formats `relmap render` writes. The raw value is the file extension and, for
/// all but `dot`, Graphviz's own name for the format.
public enum DiagramFormat: String, Sendable, CaseIterable {
    case svg, png, pdf
    /// The DOT text itself, written by relmap without Graphviz.
    case dot

    /// Whether the bytes are text that may go to a terminal.
    public var isText: Bool { self == .svg || self == .dot }

    /// The format a file name asks for by its extension (`a.PNG` is PNG), if any.
    public init?(fileName: String) {
        let ext = (fileName as NSString).pathExtension.lowercased()
        self.init(rawValue: ext)
    }
}

/// The file a diagram becomes: its name and the mark that makes it recognisably relmap's.
public enum DiagramFile {
    /// `ACCOUNT-ID.EXT`. Account ids hold only letters, digits, `-` and `_` (the loader
    /// checks), so the name cannot leave its folder; `OutputFile` checks again anyway.
    public static func name(accountId: String, format: DiagramFormat) -> String {
        "\(accountId).\(format.rawValue)"
    }

    /// What Graphviz rendered, made ready to write: SVG put in a reproducible order
    /// (`DiagramSVG`), a PDF dated `day` instead of the moment it was drawn, and every format
    /// marked as relmap's own (`stamped`). Pass the account's `as_of` as `day`, so the same
    /// account gives the same bytes on any day.
    public static func finished(_ rendered: Data, format: DiagramFormat, day: Day? = nil) -> Data {
        switch format {
        case .svg: stamped(DiagramSVG.normalised(rendered), format: format)
        case .pdf: stamped(day.flatMap { dated(rendered, $0) } ?? rendered, format: format)
        case .png, .dot: stamped(rendered, format: format)
        }
    }

    /// The PDF with cairo's `/CreationDate (D:YYYYMMDDHHMMSSZ)` set to midnight UTC of
    /// `day`, overwritten in place like the producer; nil when there is no such entry.
    /// (cairo 1.16 ignores SOURCE_DATE_EPOCH, so this is the only way to a stable date.)
    static func dated(_ pdf: Data, _ day: Day) -> Data? {
        guard let key = pdf.range(of: Data("/CreationDate (D:".utf8), options: .backwards) else { return nil }
        let start = key.upperBound
        let old = pdf[start..<min(pdf.endIndex, start + 15)]
        guard old.count == 15, old.last == UInt8(ascii: "Z"), old.dropLast().allSatisfy({ (0x30...0x39).contains($0) })
        else {
            return nil
        }
        var out = pdf
        out.replaceSubrange(
            start..<start + 15, with: Data((day.iso.replacingOccurrences(of: "-", with: "") + "000000Z").utf8))
        return out
    }

    /// `data` with `OutputFile.mark` inside it, so that a later run may replace the file.
    ///
    /// - DOT: already marked (the writer's first line is a comment with the mark).
    /// - SVG: already marked (the writer sets the graph's `comment`, which Graphviz copies
    ///   into the SVG as an XML comment near the top).
    /// - PNG: a `tEXt` chunk `Software: Written by relmap` right after the header chunk.
    /// - PDF: cairo's `/Producer (...)` text is overwritten, same length, with the mark, so
    ///   no byte offset in the file moves and the cross-reference table stays valid.
    ///
    /// When the bytes are not what this expects (another cairo, say), they are returned
    /// unchanged: the file is still written, and a later run will refuse to replace it
    /// rather than risk replacing something that is not ours.
    public static func stamped(_ data: Data, format: DiagramFormat) -> Data {
        guard !OutputFile.isMarked(data) else { return data }
        switch format {
        case .dot, .svg: return data
        case .png: return stampPNG(data) ?? data
        case .pdf: return stampPDF(data) ?? data
        }
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Inserts a tEXt chunk after IHDR, which PNG requires to be the first chunk.
    static func stampPNG(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        // Signature (8) + IHDR: length (4), type (4), 13 bytes of data, CRC (4).
        let afterHeader = 8 + 4 + 4 + 13 + 4
        guard bytes.count > afterHeader, Array(bytes[0..<8]) == pngSignature,
            Array(bytes[12..<16]) == Array("IHDR".utf8)
        else { return nil }
        let body = Array("tEXt".utf8) + Array("Software".utf8) + [0] + Array(OutputFile.mark.utf8)
        let length = UInt32(body.count - 4)
        var chunk = bigEndian(length) + body
        chunk += bigEndian(crc32(body))
        return Data(bytes[..<afterHeader] + chunk + bytes[afterHeader...])
    }

    /// Overwrites the text of cairo's `/Producer (...)` entry with the mark, padded with
    /// spaces to the same length.
    static func stampPDF(_ data: Data) -> Data? {
        guard data.starts(with: Data("%PDF-".utf8)),
            let key = data.range(of: Data("/Producer (".utf8), options: .backwards)
        else { return nil }
        let start = key.upperBound
        // The entry ends at the last ")" on its line; cairo's text has balanced parentheses.
        guard let lineEnd = data[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }),
            let close = data[start..<lineEnd].lastIndex(of: UInt8(ascii: ")"))
        else { return nil }
        let room = close - start
        let mark = Array(OutputFile.mark.utf8)
        guard room >= mark.count else { return nil }
        var out = data
        out.replaceSubrange(start..<close, with: mark + [UInt8](repeating: 0x20, count: room - mark.count))
        return out
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    /// CRC-32 as PNG defines it (ISO 3309, reflected, polynomial 0xEDB88320).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
