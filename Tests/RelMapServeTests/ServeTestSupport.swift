import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RelMapCore
import RelMapServe
import RelMapTestSupport
import Testing

typealias ServeRepo = RelMapTestSupport.Repo

/// A fresh folder holding copies of the given samples from graphs/ (all when nil).
func servedFolder(_ samples: [String]? = nil) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("relmap-serve-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let names =
        try samples.map { $0.map { "\($0).yaml" } }
        ?? FileManager.default.contentsOfDirectory(atPath: ServeRepo.path("graphs")).filter { $0.hasSuffix(".yaml") }
    for name in names {
        try FileManager.default.copyItem(atPath: ServeRepo.path("graphs/\(name)"), toPath: "\(folder)/\(name)")
    }
    return folder
}

func serveApp(
    _ folder: String, token: String? = nil, commit: Bool = false, author: String? = nil,
    renderer: @escaping DiagramRenderer = RelMapServer.inProcessRenderer
) -> some ApplicationProtocol {
    let options = ServeOptions(
        folder: folder, token: token, commit: commit, author: author,
        loadOptions: LoadOptions(today: Day(iso: "2026-12-01")!))
    return Application(router: RelMapServer.router(options, renderer: renderer))
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

/// What a browser keeps from an account page: its session cookie and the form's values.
struct PageState {
    var cookie: String
    var csrf: String
    var hash: String
}

func firstMatch(_ pattern: String, in text: String) -> String? {
    guard let regex = try? NSRegularExpression(pattern: pattern),
        let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
        m.numberOfRanges > 1, let r = Range(m.range(at: 1), in: text)
    else { return nil }
    return String(text[r])
}

/// The session cookie a response sets, as a `Cookie:` header value.
func sessionCookie(_ response: TestResponse) -> String? {
    response.headers[values: .setCookie].first { $0.hasPrefix("relmap_session=") }
        .map { String($0.split(separator: ";")[0]) }
}

func openPage(_ client: some TestClientProtocol, _ uri: String, cookie: String? = nil) async throws -> (
    TestResponse, PageState?
) {
    var headers: HTTPFields = [:]
    if let cookie { headers[.cookie] = cookie }
    let response = try await client.execute(uri: uri, method: .get, headers: headers)
    let html = response.text
    guard let cookie = cookie ?? sessionCookie(response),
        let csrf = firstMatch(#"name="csrf" value="([0-9a-f]+)""#, in: html),
        let hash = firstMatch(#"name="hash" value="([0-9a-f]+)""#, in: html)
    else { return (response, nil) }
    return (response, PageState(cookie: cookie, csrf: csrf, hash: hash))
}

func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map {
        "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
    }
    .joined(separator: "&")
    return ByteBuffer(string: text)
}

func post(
    _ client: some TestClientProtocol, _ uri: String, cookie: String?, fields: [(String, String)],
    origin: String? = "http://localhost"
) async throws -> TestResponse {
    var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    if let cookie { headers[.cookie] = cookie }
    if let origin { headers[.origin] = origin }
    return try await client.execute(uri: uri, method: .post, headers: headers, body: formBody(fields))
}

func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

extension PageState {
    /// The hidden fields every form of the page sends: its CSRF token and the file's hash.
    var formFields: [(String, String)] { [("csrf", csrf), ("hash", hash)] }
}

/// A form sent from an open page, as a browser sends it: the page's session cookie, its
/// hidden fields, then `fields`.
func submit(
    _ client: some TestClientProtocol, _ uri: String, from page: PageState, fields: [(String, String)],
    origin: String? = "http://localhost"
) async throws -> TestResponse {
    try await post(client, uri, cookie: page.cookie, fields: page.formFields + fields, origin: origin)
}

/// A fresh copy of north-steel, where most edit tests begin: served, its page open.
struct NorthSteelCopy {
    let folder: String
    /// The account file the tests edit through the pages.
    var path: String { "\(folder)/north-steel.yaml" }

    init() throws { folder = try servedFolder(["north-steel"]) }

    /// Serves the copy, opens north-steel's page and hands the client and the page's
    /// state to `body`.
    func onItsPage(_ body: @escaping @Sendable (any TestClientProtocol, PageState) async throws -> Void)
        async throws
    {
        try await serveApp(folder).test(.router) { client in
            let state = try #require(try await openPage(client, "/north-steel.html").1)
            try await body(client, state)
        }
    }
}
