import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the text of a CSV file is decoded: an encoding name as iconv knows it.
///
/// Detection picks among UTF-8, UTF-16 (with a byte order mark), GB18030 and
/// Windows-1252; `--encoding` accepts any name the system's iconv knows (`iconv -l`:
/// windows-1252, latin1, shift_jis, big5, euc-kr ...), in any case.
public struct TextEncoding: Sendable, Hashable, CustomStringConvertible {
    /// The name in upper case, as iconv and the messages write it.
    public let name: String

    /// UTF-8, with or without a byte order mark.
    public static let utf8 = TextEncoding(known: "UTF-8")
    /// UTF-16, its byte order read from the byte order mark.
    public static let utf16 = TextEncoding(known: "UTF-16")
    /// What Excel in a Chinese locale writes for "CSV (comma delimited)"; a superset of GBK and GB2312.
    public static let gb18030 = TextEncoding(known: "GB18030")
    /// What Excel and Salesforce write for Western European text; a superset of ISO-8859-1's letters.
    public static let windows1252 = TextEncoding(known: "WINDOWS-1252")

    private init(known: String) { name = known }

    /// The encoding called `name`, or nil when iconv does not know it. `utf8` and
    /// `utf-8` are one name; so are iconv's own aliases (`latin1`, `ISO-8859-1`).
    public init?(named raw: String) {
        let upper = raw.trimmingCharacters(in: .whitespaces).uppercased()
        switch upper {
        case "UTF-8", "UTF8": self = .utf8
        case "UTF-16", "UTF16": self = .utf16
        default:
            guard !upper.isEmpty, Iconv.knows(upper) else { return nil }
            name = upper
        }
    }

    /// The name, as messages write it.
    public var description: String { name }
}

/// Decoding through the C library's iconv (glibc on Linux): it knows every encoding a
/// user may name, reports where a byte does not belong, and needs no package.
enum Iconv {
    static func knows(_ name: String) -> Bool {
        let cd = iconv_open("UTF-8", name)
        guard cd != iconv_t(bitPattern: -1) else { return false }
        iconv_close(cd)
        return true
    }

    /// Where the first byte that does not belong to the encoding is.
    struct BadByte: Error { var offset: Int }

    /// The text, or the offset of the first byte that is not `name` text.
    static func decode(_ bytes: [UInt8], from name: String) -> Result<String, BadByte> {
        let cd = iconv_open("UTF-8", name)
        guard cd != iconv_t(bitPattern: -1) else { return .failure(BadByte(offset: 0)) }
        defer { iconv_close(cd) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2 + 16)
        var input = bytes
        let total = input.count
        var failedAt: Int?
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(
                to: CChar.self)
            var inLeft = total
            buffer.withUnsafeMutableBufferPointer { outBuf in
                while true {
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let r =
                        inLeft == 0
                        ? iconv(cd, nil, nil, &outPtr, &outLeft) : iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    out.append(contentsOf: outBuf[0..<(outBuf.count - outLeft)])
                    if r == -1 && errno == E2BIG { continue }
                    if r == -1 {
                        failedAt = total - inLeft
                        return
                    }
                    if inLeft == 0 { return }
                }
            }
        }
        if let failedAt { return .failure(BadByte(offset: failedAt)) }
        return .success(String(decoding: out, as: UTF8.self))
    }
}
