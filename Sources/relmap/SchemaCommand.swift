import ArgumentParser
import Foundation
import RelMapCore

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of the account file, for editor completion and help.",
        discussion: """
            Save it beside the account files with 'relmap schema -o relmap.schema.json': the files \
            relmap init and relmap import write start with \
            '# yaml-language-server: $schema=relmap.schema.json', which VS Code's YAML extension \
            and other editors follow. See docs/format.md.
            """)

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write it to this file instead of standard output; only a file relmap wrote is replaced.", valueName: "file"
        ))
    var output: String?

    func run() throws {
        guard let output, output != "-" else {
            Terminal.out(AccountSchema.text)
            return
        }
        do {
            try AccountFileWriter.save(AccountSchema.text, to: output, force: true)
        } catch {
            throw CommandFailure(error)
        }
        Terminal.err("wrote \(DisplayWidth.terminalSafe(output))\n")
    }
}
