import ArgumentParser

struct GraphAlgorithmBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "graph")
    func run() throws { throw ValidationError("not yet") }
}

struct PipelineBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pipeline")
    func run() throws { throw ValidationError("not yet") }
}

struct RenderBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render")
    func run() throws { throw ValidationError("not yet") }
}

struct YAMLLoadBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "yaml")
    func run() throws { throw ValidationError("not yet") }
}
