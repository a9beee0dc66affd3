internal import CGraphviz
import Foundation

/// Which Graphviz plugins this installation has, from its plugin registry.
///
/// The CLI uses it to warn before rendering: with no text-layout plugin, Graphviz estimates
/// text widths from built-in font metrics, and Chinese labels get boxes of the wrong size.
public struct PluginStatus: Sendable, Equatable {
    /// Output formats Graphviz can write (`svg`, `png`, `pdf`, ...), sorted.
    public let formats: [String]
    /// Layout engines (`dot`, `neato`, `sfdp`, ...), sorted.
    public let layoutEngines: [String]
    /// Whether a text-layout plugin is registered (pango's, from the cairo plugin library,
    /// on Debian and Homebrew). Without one, text is measured with built-in estimates.
    public let hasTextLayout: Bool
    /// What Graphviz reported while starting up, e.g. a plugin library it could not load.
    public let startupMessages: [String]

    /// A status as given; `Graphviz.pluginReport()` reads the real one.
    public init(
        formats: [String],
        layoutEngines: [String],
        hasTextLayout: Bool,
        startupMessages: [String]
    ) {
        self.formats = formats
        self.layoutEngines = layoutEngines
        self.hasTextLayout = hasTextLayout
        self.startupMessages = startupMessages
    }

    /// Whether Graphviz can write `format`.
    public func supports(_ format: OutputFormat) -> Bool { formats.contains(format.rawValue) }

    /// Whether Graphviz has the layout engine `engine`.
    public func supports(_ engine: LayoutEngine) -> Bool { layoutEngines.contains(engine.rawValue) }

    /// The formats relmap offers that this Graphviz cannot write.
    public var missingFormats: [OutputFormat] { OutputFormat.allCases.filter { !supports($0) } }

    /// The layout engines relmap offers that this Graphviz does not have.
    public var missingEngines: [LayoutEngine] { LayoutEngine.allCases.filter { !supports($0) } }
}

extension Graphviz {
    /// Reads the plugin registry of the shared context.
    ///
    /// Reports no formats and no engines if the context could not be created.
    public static func pluginReport() -> PluginStatus {
        let context = GraphvizContext.shared
        let status = try? context.withLibrary { gvc throws(GraphvizError) in
            PluginStatus(
                // "device" is gvc's name for output formats; "render" lists renderers.
                formats: pluginNames(gvc, kind: "device"),
                layoutEngines: pluginNames(gvc, kind: "layout"),
                hasTextLayout: !pluginNames(gvc, kind: "textlayout").isEmpty,
                startupMessages: context.startupMessages.lines
            )
        }
        return status
            ?? PluginStatus(
                formats: [], layoutEngines: [], hasTextLayout: false,
                startupMessages: context.startupMessages.lines
            )
    }

    /// The distinct plugin names of one kind, sorted. Call only inside `withLibrary`.
    private static func pluginNames(_ gvc: OpaquePointer, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        // gvPluginList strdup()s each name into a malloc()ed array; the caller frees both.
        defer { free(list) }
        var names: [String] = []
        for index in 0..<Int(count) {
            guard let name = list[index] else { continue }
            names.append(String(cString: name))
            free(name)
        }
        return names.sorted()
    }
}
