import ArgumentParser
import RelMapCore

/// `--contact-edges`: which of our team's contacts `render` draws as lines, besides the
/// badge every contact gets (docs/diagrams.md, "Our team").
struct ContactEdgeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Contacts drawn as lines: strong (strong and not stale, the default), all, or none (badges only).",
            valueName: "which"))
    var contactEdges: ContactEdges = .strong
}

extension ContactEdges: ExpressibleByArgument {}
