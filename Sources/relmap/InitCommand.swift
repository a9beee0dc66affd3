import ArgumentParser
import Foundation
import RelMapCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starting account file.",
        discussion: """
            The file has every section of the format with a short example to replace, and passes
            'relmap check' as written. It is never written over an existing file.
            """)

    @Argument(help: ArgumentHelp("The account's id: letters, digits, '-' and '_'.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The account's name; default: its id.", valueName: "name"))
    var name: String?

    @Option(help: "The language of the comments and the example: zh or en.")
    var lang: StarterLanguage = .zh

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Where to write it ('-' for standard output); default: ID.yaml.", valueName: "file"))
    var output: String?

    /// The file's text: made once, by `validate`, whose failure ArgumentParser prints with
    /// init's own usage line; `run` writes it.
    private var text = ""

    private enum CodingKeys: String, CodingKey { case id, name, lang, output }

    mutating func validate() throws {
        do {
            text = try StarterFile.text(id: id, name: name, language: lang.language, asOf: .today)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let path = output ?? "\(id).yaml"
        if path == "-" {
            Terminal.out(text)
            return
        }
        do {
            try AccountFileWriter.save(text, to: path, force: false)
        } catch .exists {
            throw CommandFailure.cannotCreate(
                "\(path): already exists; init never writes over a file (choose another name with -o)")
        } catch {
            throw CommandFailure(error)
        }
        Terminal.err(
            "wrote \(DisplayWidth.terminalSafe(path)); replace the examples, then run: relmap check \(DisplayWidth.terminalSafe(path))\n"
        )
    }
}

/// `--lang`.
enum StarterLanguage: String, ExpressibleByArgument, CaseIterable {
    case zh, en

    var language: StarterFile.Language { self == .zh ? .zh : .en }
}
