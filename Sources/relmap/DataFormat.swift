import ArgumentParser
import Foundation
import RelMapCore

/// `--format`, for commands that print data.
enum DataFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, markdown, csv

    /// Prints the output in this format to standard output: the JSON document with a line
    /// break after it, or the text the command made. Only the format asked for is made.
    func print(json: () throws -> Data, csv: () -> String, markdown: () -> String, table: () -> String) rethrows {
        switch self {
        case .json: Terminal.out(String(decoding: try json(), as: UTF8.self) + "\n")
        case .csv: Terminal.out(csv())
        case .markdown: Terminal.out(markdown())
        case .table: Terminal.out(table())
        }
    }

    /// As `print(json:csv:markdown:table:)`, for an output made in pieces, one account's
    /// part each, on every core (`AccountListDocument.encodedPieces()`, `ParallelOutput`):
    /// the pieces are written one after another, in order, never joined in memory.
    func print(
        jsonPieces: () throws -> [Data], csv: () -> [String], markdown: () -> [String], table: () -> [String]
    ) rethrows {
        switch self {
        case .json:
            for piece in try jsonPieces() { Terminal.write(piece) }
            Terminal.out("\n")
        case .csv: csv().forEach(Terminal.out)
        case .markdown: markdown().forEach(Terminal.out)
        case .table: table().forEach(Terminal.out)
        }
    }
}

extension Terminal {
    /// An output's heading line, bold on a terminal (no line break).
    static func heading(_ text: String) -> String {
        heading(text, colour: colourOnStdout)
    }

    /// As `heading(_:)`, colour asked once before many headings are made on other threads.
    static func heading(_ text: String, colour: Bool) -> String {
        paint(DisplayWidth.terminalSafe(text), "1", when: colour)
    }
}
