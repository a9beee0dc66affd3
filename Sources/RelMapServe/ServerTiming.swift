import Foundation
import Hummingbird

/// Adds `Server-Timing: app;dur=MS` to every response: the time from the request's head
/// to the finished response, so the speed targets (docs/performance.md) are measured on
/// the server's own clock, apart from the network and the client. Browsers show it in
/// their developer tools too.
struct ServerTiming<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = DispatchTime.now().uptimeNanoseconds
        var response = try await next(request, context)
        let micros = (DispatchTime.now().uptimeNanoseconds - start) / 1000
        response.headers[.init("Server-Timing")!] =
            "app;dur=\(micros / 1000).\(String(format: "%03d", Int(micros % 1000)))"
        return response
    }
}
