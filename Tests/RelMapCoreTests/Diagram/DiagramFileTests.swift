import Foundation
import Testing
@testable import RelMapCore

@Suite("Diagram files: names, marks and where -o puts them")
struct DiagramFileTests {
    /// A minimal PNG: signature, a 1x1 IHDR, IEND (enough for the chunk walk).
    static func tinyPNG() -> Data {
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            let n = UInt32(body.count), crc = DiagramFile.crc32(typed)
            return [UInt8(n >> 24), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + typed
                + [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        }
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        return Data(signature + chunk("IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]) + chunk("IEND", []))
    }

    /// The chunks of a PNG as (type, CRC is right).
    static func chunks(_ data: Data) -> [(String, Bool)] {
        let b = [UInt8](data)
        var out: [(String, Bool)] = []
        var i = 8
        while i + 12 <= b.count {
            let n = Int(b[i]) << 24 | Int(b[i + 1]) << 16 | Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard i + 12 + n <= b.count else { break }
            let typed = Array(b[(i + 4)..<(i + 8 + n)])
            let stored =
                UInt32(b[i + 8 + n]) << 24 | UInt32(b[i + 9 + n]) << 16 | UInt32(b[i + 10 + n]) << 8
                | UInt32(b[i + 11 + n])
            out.append((String(decoding: typed.prefix(4), as: UTF8.self), stored == DiagramFile.crc32(typed)))
            i += 12 + n
        }
        return out
    }

    @Test func crc32MatchesThePNGStandard() {
        // Every PNG ends in IEND with this CRC.
        #expect(DiagramFile.crc32(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test func pngGetsATextChunkRightAfterItsHeaderWithAValidCRC() {
        let stamped = DiagramFile.stamped(Self.tinyPNG(), format: .png)
        let chunks = Self.chunks(stamped)
        #expect(chunks.map(\.0) == ["IHDR", "tEXt", "IEND"])
        #expect(chunks.allSatisfy { $0.1 })
        #expect(OutputFile.isMarked(stamped))
    }

    @Test func pdfProducerIsOverwrittenInPlaceSoNoOffsetMoves() {
        let pdf = Data(
            "%PDF-1.5\n1 0 obj\n<< /Producer (cairo 1.16.0 (https://cairographics.org))\n   /CreationDate (D:2026)\n>>\nendobj\n%%EOF\n"
                .utf8)
        let stamped = DiagramFile.stamped(pdf, format: .pdf)
        #expect(stamped.count == pdf.count)
        #expect(OutputFile.isMarked(stamped))
        let text = String(decoding: stamped, as: UTF8.self)
        let padding = String(
            repeating: " ", count: "cairo 1.16.0 (https://cairographics.org)".count - OutputFile.mark.count)
        #expect(text.contains("/Producer (\(OutputFile.mark)\(padding))\n"))
        #expect(text.hasSuffix("   /CreationDate (D:2026)\n>>\nendobj\n%%EOF\n"))
    }

    @Test func pdfIsDatedByTheAccountsDayNotTheMomentItWasDrawn() throws {
        let pdf = Data(
            "%PDF-1.5\n<< /Producer (cairo 1.16.0 (https://cairographics.org))\n   /CreationDate (D:20261124184924Z)\n>>\n"
                .utf8)
        let day = try #require(Day(iso: "2026-11-01"))
        let finished = DiagramFile.finished(pdf, format: .pdf, day: day)
        #expect(finished.count == pdf.count)
        #expect(String(decoding: finished, as: UTF8.self).contains("/CreationDate (D:20261101000000Z)\n"))
    }

    @Test func bytesOfAnUnexpectedShapeAreLeftAlone() {
        let odd = Data("%PDF-1.5\n<< /Producer (x) >>\n".utf8)
        #expect(DiagramFile.stamped(odd, format: .pdf) == odd)
        #expect(DiagramFile.stamped(Data([1, 2, 3]), format: .png) == Data([1, 2, 3]))
    }

    @Test func fileNameIsTheAccountIdAndTheFormat() {
        #expect(DiagramFile.name(accountId: "north-steel", format: .svg) == "north-steel.svg")
        #expect(DiagramFormat(fileName: "a.PNG") == .png)
        #expect(DiagramFormat(fileName: "a.yaml") == nil)
    }

    // MARK: SVG order

    static func svg(_ clusters: [Int]) -> Data {
        let blocks = clusters.map { n in
            "<g id=\"clust\(n + 1)\" class=\"cluster\">\n<title>cluster_\(n)</title>\n<g id=\"a_clust\(n + 1)\"><a>\n<path/>\n</a>\n</g>\n</g>"
        }
        return Data(
            (["<svg>", "<g id=\"graph0\" class=\"graph\">", "<title>relmap</title>"] + blocks
                + ["<!-- n0 -->", "<g id=\"node1\" class=\"node\">", "<title>n0</title>", "</g>", "</g>", "</svg>", ""])
                .joined(separator: "\n").utf8)
    }

    @Test func svgClustersAreRewrittenInTheirNumberOrder() {
        #expect(DiagramSVG.normalised(Self.svg([2, 0, 1])) == Self.svg([0, 1, 2]))
        #expect(DiagramSVG.normalised(Self.svg([0, 1, 2])) == Self.svg([0, 1, 2]))
    }

    @Test func svgOfAnotherShapeIsLeftAlone() {
        // Clusters that are not one run, and a group that never closes.
        let split = Data(
            "<svg>\n<g id=\"clust2\" class=\"cluster\">\n</g>\n<!-- n0 -->\n<g id=\"clust1\" class=\"cluster\">\n</g>\n</svg>"
                .utf8)
        #expect(DiagramSVG.normalised(split) == split)
        let odd = Data("<svg>\n<g id=\"clust2\" class=\"cluster\">\n<g id=\"clust1\" class=\"cluster\">\n</svg>".utf8)
        #expect(DiagramSVG.normalised(odd) == odd)
    }

    // MARK: -o and --format

    static func resolve(
        _ path: String, _ format: DiagramFormat? = nil, accounts: Int = 1,
        folders: Set<String> = [], files: Set<String> = []
    ) -> Result<DiagramDestination, DiagramDestinationError> {
        DiagramDestination.resolve(path, format: format, accounts: accounts) { p in
            folders.contains(p) ? true : files.contains(p) ? false : nil
        }
    }

    @Test func dashIsStandardOutputForOneAccountOnly() {
        #expect(Self.resolve("-", .png) == .success(.standardOutput(.png)))
        #expect(Self.resolve("-", accounts: 2) == .failure(.stdoutNeedsOneAccount(2)))
    }

    @Test func anExistingFolderOrATrailingSlashIsAFolder() {
        #expect(Self.resolve("out", .pdf, accounts: 6, folders: ["out"]) == .success(.folder("out", .pdf)))
        #expect(Self.resolve("new/", accounts: 6) == .success(.folder("new/", .svg)))
        #expect(Self.resolve("new", accounts: 6) == .success(.folder("new", .svg)))
    }

    @Test func aDiagramFileNameSaysTheFormatForOneAccount() {
        #expect(Self.resolve("maps/steel.png") == .success(.file(folder: "maps", name: "steel.png", .png)))
        #expect(Self.resolve("steel.dot") == .success(.file(folder: ".", name: "steel.dot", .dot)))
        #expect(Self.resolve("steel.png", accounts: 3) == .failure(.fileNeedsOneAccount("steel.png", 3)))
        #expect(Self.resolve("steel.png", .svg) == .failure(.formatDisagrees("steel.png", named: .png, flag: .svg)))
    }

    @Test func anExistingFileThatIsNoDiagramIsRefused() {
        #expect(
            Self.resolve("graphs/tiny.yaml", files: ["graphs/tiny.yaml"])
                == .failure(.notADiagramFile("graphs/tiny.yaml")))
    }
}
