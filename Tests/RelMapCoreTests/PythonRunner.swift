import Foundation
import Testing

/// Runs a Python 3 program (the real interpreter, with its installed packages: PyYAML,
/// jsonschema) and gives its standard output; the test fails on a non-zero exit.
enum PythonRunner {
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr is read after stdout; the programs used here write little to it.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 \(arguments.first ?? ""): \(problem)")
        return data
    }
}
