import Foundation
import HTTPTypes
import Hummingbird

/// The request context: the visitor's session, once `ServeGuard` has checked it.
public struct ServeContext: RequestContext {
    /// Hummingbird's own per-request state; the protocol requires it be stored here.
    public var coreContext: CoreRequestContextStorage
    var session = SessionKeys.Session(id: "", signedIn: false)

    /// Made by Hummingbird for each request, signed out until `ServeGuard` reads the cookie.
    public init(source: Source) {
        coreContext = .init(source: source)
    }
}

/// Runs before every route (and before the 404 for no route): the Host check, the token,
/// the same-origin check for POST, and the security headers on every response.
struct ServeGuard: RouterMiddleware {
    typealias Context = ServeContext
    let keys: SessionKeys
    let options: ServeOptions
    static let cookieName = "relmap_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        var fresh: SessionKeys.Session?
        if let value = request.cookies[Self.cookieName]?.value, let session = keys.session(fromCookie: value) {
            context.session = session
        } else {
            let session = keys.newSession(signedIn: false)
            context.session = session
            fresh = session
        }
        var response: Response
        if !hostAllowed(request) {
            response = Self.text(
                .misdirectedRequest, "relmap serve: this Host is not served here (docs/serve.md, DNS rebinding)\n")
        } else if request.method == .post, !sameOrigin(request) {
            response = Self.text(
                .forbidden, "relmap serve: refused a cross-site request (no same-origin Origin or Referer)\n")
        } else if options.token != nil, !context.session.signedIn, request.uri.path != "/signin" {
            response = try ServePages.signInPage(
                keys: keys, session: context.session, failed: false, status: .forbidden)
        } else if request.method != .get, request.method != .head, request.method != .post {
            response = Self.text(.methodNotAllowed, "relmap serve: method not allowed\n")
        } else {
            do {
                response = try await next(request, context)
            } catch let error as any HTTPResponseError {
                response = try error.response(from: request, context: context)
            }
        }
        Self.secure(&response)
        if let fresh {
            response.setCookie(
                Cookie(
                    name: Self.cookieName, value: keys.cookieValue(fresh), path: "/", httpOnly: true, sameSite: .strict)
            )
        }
        return response
    }

    /// Without a token the server trusts being on loopback, so it answers only requests
    /// addressed to a loopback name: a page elsewhere that rebinds its own domain to
    /// 127.0.0.1 (DNS rebinding) gets nothing.
    private func hostAllowed(_ request: Request) -> Bool {
        guard options.token == nil else { return true }
        guard let authority = request.head.authority else { return false }
        return ServeOptions.isLoopback(Self.hostName(authority))
    }

    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// A POST must say it comes from a page of this server: its Origin (or, when a
    /// browser sends none, its Referer) is this server's own scheme, host and port.
    private func sameOrigin(_ request: Request) -> Bool {
        guard let authority = request.head.authority else { return false }
        let own = "http://" + authority.lowercased()
        if let origin = request.headers[.origin] { return origin.lowercased() == own }
        if let referer = request.headers[.referer] {
            let r = referer.lowercased()
            return r == own || r.hasPrefix(own + "/")
        }
        return false
    }

    /// Headers on every response: no script but this server's files, no framing, no
    /// sniffing, no caching of pages that hold the accounts.
    static func secure(_ response: inout Response) {
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.cacheControl] = "no-store"
    }

    static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
