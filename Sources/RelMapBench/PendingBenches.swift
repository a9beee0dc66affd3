import ArgumentParser

struct GraphAlgorithmBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph")
    func run() throws { throw ValidationError("not yet") }
}


struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render")
    func run() throws { throw ValidationError("not yet") }
}

