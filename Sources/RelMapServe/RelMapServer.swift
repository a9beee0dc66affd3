import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RelMapCore
import RelMapDrawing

/// `relmap serve`: the portfolio and account pages of `relmap report`, live, with forms
/// that save through the edit engine (docs/serve.md).
public enum RelMapServer {
    /// The routes, behind `ServeGuard`. Exposed for tests (HummingbirdTesting).
    public static func router(_ options: ServeOptions, renderer: @escaping DiagramRenderer = inProcessRenderer)
        -> Router<ServeContext>
    {
        let handlers = ServeHandlers(options: options, renderer: renderer)
        let router = Router(context: ServeContext.self)
        router.add(middleware: ServerTiming())
        router.add(middleware: ServeGuard(keys: handlers.keys, options: options))
        router.get("/") { request, context in try await handlers.portfolio(request, context) }
        router.get("/index.html") { request, context in try await handlers.portfolio(request, context) }
        router.get("/static/{name}") { _, context in try handlers.asset(context) }
        router.get("/signin") { request, context in try handlers.signInForm(request, context) }
        router.post("/signin") { request, context in try await handlers.signIn(request, context) }
        router.get("/{id}") { request, context in try await handlers.account(request, context) }
        router.post("/{id}/set") { request, context in try await handlers.setPerson(request, context) }
        router.post("/{id}/log") { request, context in try await handlers.logVisit(request, context) }
        router.get("/{id}/diagram") { request, context in try await handlers.diagramStatus(request, context) }
        router.post("/{id}/add/{kind}") { request, context in try await handlers.add(request, context) }
        router.post("/{id}/remove/{kind}") { request, context in try await handlers.remove(request, context) }
        router.get("/{id}/whatif") { request, context in try await handlers.whatIf(request, context) }
        router.post("/{id}/whatif") { request, context in try await handlers.saveWhatIf(request, context) }
        return router
    }

    /// The server as a service: binds `options.host:port`, calls `onRunning` with the URL
    /// once it listens, and stops gracefully on SIGINT or SIGTERM (in-flight requests,
    /// and so any save under way, finish first).
    public static func run(
        _ options: ServeOptions, renderer: @escaping DiagramRenderer,
        onRunning: @escaping @Sendable (String) -> Void
    ) async throws {
        let app = Application(
            router: router(options, renderer: renderer),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host =
                    options.host.contains(":") && !options.host.hasPrefix("[") ? "[\(options.host)]" : options.host
                onRunning("http://\(host):\(port)/")
            })
        try await app.runService()
    }

    /// Draws through the pipeline of `relmap report`, with Graphviz in this process (tests;
    /// the CLI draws in a child process).
    public static let inProcessRenderer: DiagramRenderer = { analysis in
        let drawn = DiagramPipeline(options: DiagramOptions(), format: .svg, limits: RenderLimits(), drawer: .inProcess)
            .draw(analysis)
        return (drawn.svg, drawn.pageNote)
    }
}
