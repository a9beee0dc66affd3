import Foundation
import HTTPTypes
import Hummingbird
import RelMapCore

/// What each route does. Account ids come from the URL but only ever select a file found
/// by loading the folder (`Workspace.path(for:)`); no path is built from the request.
struct ServeHandlers: Sendable {
    let options: ServeOptions
    let renderer: DiagramRenderer
    let keys: SessionKeys
    let workspace: Workspace

    init(options: ServeOptions, renderer: @escaping DiagramRenderer) {
        self.options = options
        self.renderer = renderer
        keys = SessionKeys(token: options.token)
        workspace = Workspace(options: options)
    }

    // MARK: Reading

    func portfolio(_ request: Request, _ context: ServeContext) async throws -> Response {
        let section: String
        do { section = ServeHeadings.portfolio(try await workspace.portfolioSection()) } catch {
            throw HTTPError(.internalServerError, message: "cannot show the folder: \(error)")
        }
        let content = try ServePages.render(ServeTemplates.portfolio, ["folder": options.folder, "report": section])
        return try ServePages.page(title: "客户组合 Portfolio – relmap", content: content)
    }

    func account(_ request: Request, _ context: ServeContext) async throws -> Response {
        guard let page = context.parameters.get("id"), page.hasSuffix(".html") else { throw HTTPError(.notFound) }
        let id = String(page.dropLast(5))
        guard let path = await workspace.path(for: id) else { throw HTTPError(.notFound) }
        let loadOptions = options.loadOptionsToday
        let snapshot: AccountFileSnapshot
        do { snapshot = try AccountFileSnapshot.read(path, options: loadOptions) } catch {
            throw HTTPError(.notFound)
        }
        await workspace.remember(text: snapshot.text, hash: snapshot.hash)
        let shown: Workspace.AccountView
        switch await workspace.accountView(snapshot, path: path, options: loadOptions, renderer: renderer) {
        case .success(let v): shown = v
        case .failure(let invalid):
            let findings = invalid.file.diagnostics.filter { $0.severity == .error }.map(\.inline)
            let content = try ServePages.render(
                ServeTemplates.refused,
                RefusedView(
                    accountId: id, accountName: id,
                    message: "这个文件现在有错误，请先修正（relmap check）· The file has errors now; fix them first (relmap check).",
                    hasFindings: !findings.isEmpty, findings: findings))
            return try ServePages.page(title: "\(id) – relmap", content: content, status: .unprocessableContent)
        }
        let (analysis, account) = (shown.analysis, shown.analysis.account)
        let content = try workspace.pages.page(shown.pageKey, csrf: keys.csrf(for: context.session)) { csrf in
            let section: String
            do {
                section = ServeHeadings.account(try ReportBuilder.accountSection(shown.input))
            } catch {
                throw HTTPError(.internalServerError, message: "\(error)")
            }
            let view = ServePages.workspace(
                analysis, report: section, path: path, hash: snapshot.hash,
                csrf: csrf, today: loadOptions.today)
            return try DiagramRefresh.notice(id: id, hash: snapshot.hash, drawing: shown.drawing)
                + ServePages.render(ServeTemplates.account, view)
        }
        let notice = request.uri.queryParameters.get("saved").map { _ in "已保存 · Saved." }
        return try ServePages.page(
            title: "\(account.name) – relmap", lang: ReportBuilder.language(of: account),
            bodyClass: "serve-account", notice: notice, content: content)
    }

    func asset(_ context: ServeContext) throws -> Response {
        guard let name = context.parameters.get("name"), let asset = ServeAssets.asset(name) else {
            throw HTTPError(.notFound)
        }
        return Response(
            status: .ok, headers: [.contentType: asset.type], body: .init(byteBuffer: ByteBuffer(string: asset.body)))
    }

    // MARK: Signing in

    func signInForm(_ request: Request, _ context: ServeContext) throws -> Response {
        if options.token == nil || context.session.signedIn {
            return Response(status: .seeOther, headers: [.location: "/"])
        }
        return try ServePages.signInPage(keys: keys, session: context.session, failed: false, status: .ok)
    }

    func signIn(_ request: Request, _ context: ServeContext) async throws -> Response {
        let form = try await readForm(request, context)
        guard options.token != nil else { return Response(status: .seeOther, headers: [.location: "/"]) }
        guard keys.isToken(form.first("token") ?? "") else {
            return try ServePages.signInPage(keys: keys, session: context.session, failed: true, status: .forbidden)
        }
        // A new session id on sign-in, so a session planted before it is worth nothing.
        let session = keys.newSession(signedIn: true)
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(
            Cookie(
                name: ServeGuard.cookieName, value: keys.cookieValue(session), path: "/", httpOnly: true,
                sameSite: .strict))
        if let name = form.first("name")?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty {
            let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            if !encoded.isEmpty, encoded.count <= 300 {
                response.setCookie(
                    Cookie(name: "relmap_name", value: encoded, path: "/", httpOnly: true, sameSite: .strict))
            }
        }
        return response
    }

    // MARK: Saving

    func setPerson(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, path, form) = try await editRequest(request, context)
        guard let person = form.first("person"), !person.isEmpty else {
            throw HTTPError(.badRequest, message: "no person named")
        }
        var fields: [PersonField] = []
        do {
            for key in ["stance", "influence", "title", "department", "reports_to", "notes"] {
                guard let value = form.first(key) else { continue }
                let cleaned =
                    key == "notes"
                    ? value.replacingOccurrences(of: "\r\n", with: "\n")
                    : value.trimmingCharacters(in: .whitespacesAndNewlines)
                fields.append(try PersonField.parse(key: key, value: cleaned))
            }
            // Unchecked boxes send nothing: the hidden roles_shown says the form had them.
            if form.first("roles_shown") != nil {
                fields.append(try PersonField.parse(key: "roles", value: form.all("roles").joined(separator: ",")))
            }
        } catch {
            return try refused(id: id, message: error.description, findings: [], status: .badRequest)
        }
        let changed = fields.map { "\($0.key)" }.joined(separator: ", ")
        return try await save(
            request, context, id: id, path: path, form: form, edits: [.setPerson(person, fields)],
            summary: "relmap serve: set \(person) (\(changed)) in \(id)", anchor: "#p-\(person)")
    }

    func logVisit(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, path, form) = try await editRequest(request, context)
        guard let member = form.first("member"), !member.isEmpty else {
            return try refused(id: id, message: "请选择我方人员 · Choose who went.", findings: [], status: .badRequest)
        }
        let people = form.all("people").filter { !$0.isEmpty }
        guard !people.isEmpty else {
            return try refused(
                id: id, message: "请至少选择一位见过的人 · Choose at least one person met.", findings: [], status: .badRequest)
        }
        guard let date = form.first("date").flatMap(Day.init(iso:)) else {
            return try refused(
                id: id, message: "日期格式应为 YYYY-MM-DD · The date must be YYYY-MM-DD.", findings: [], status: .badRequest)
        }
        var strength: ContactStrength?
        switch form.first("strength") ?? "" {
        case "": strength = nil
        case "weak": strength = .weak
        case "medium": strength = .medium
        case "strong": strength = .strong
        default:
            return try refused(id: id, message: "strength: weak, medium or strong", findings: [], status: .badRequest)
        }
        let kind = form.first("kind").flatMap { ["visit", "call", "email", "meeting"].contains($0) ? $0 : nil }
        let note = form.first("note")?.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(
            in: .whitespacesAndNewlines)
        let log = InteractionLog(
            date: date, member: member, people: people, kind: kind, strength: strength,
            note: note?.isEmpty == false ? note : nil)
        return try await save(
            request, context, id: id, path: path, form: form, edits: [.log(log)],
            summary:
                "relmap serve: log \(kind ?? "visit") \(date.iso) \(member) with \(people.joined(separator: ", ")) in \(id)",
            anchor: "#log-h")
    }

    /// The account and the form of a POST: an account this server knows, a body within
    /// the limit, and the page's CSRF value for this session (else 403).
    func editRequest(_ request: Request, _ context: ServeContext) async throws -> (String, String, FormFields) {
        guard let id = context.parameters.get("id"), let path = await workspace.path(for: id) else {
            throw HTTPError(.notFound)
        }
        let form = try await readForm(request, context)
        return (id, path, form)
    }

    private func readForm(_ request: Request, _ context: ServeContext) async throws -> FormFields {
        var request = request
        let body = try await request.collectBody(upTo: options.maxBodyBytes)
        guard let form = FormFields(urlEncoded: String(buffer: body)) else {
            throw HTTPError(.badRequest, message: "malformed form")
        }
        guard keys.isValidCSRF(form.first("csrf") ?? "", for: context.session) else {
            throw HTTPError(
                .forbidden, message: "the form's CSRF value is missing or not this session's; reload the page")
        }
        return form
    }

    func save(
        _ request: Request, _ context: ServeContext, id: String, path: String, form: FormFields,
        edits: [AccountEdit], summary: String, anchor: String
    ) async throws -> Response {
        guard let hash = form.first("hash"), !hash.isEmpty else {
            throw HTTPError(.badRequest, message: "the form carries no file version")
        }
        let author = request.cookies["relmap_name"]?.value.removingPercentEncoding ?? options.author
        switch await workspace.save(path: path, pageHash: hash, edits: edits, summary: summary, author: author) {
        case .saved(let result, _, let commitProblem):
            if commitProblem == nil {
                // Analyse the new version now and draw it in the background: the page the
                // redirect loads shows the previous diagram until the new one is drawn.
                await workspace.saved(result.text, path: path, options: options.loadOptionsToday, renderer: renderer)
                return Response(status: .seeOther, headers: [.location: "/\(id).html?saved=1\(anchor)"])
            }
            return try refused(
                id: id,
                message: "已保存到文件，但 git 提交失败 · Saved to the file, but the git commit failed: \(commitProblem ?? "")",
                findings: [], status: .internalServerError)
        case .conflict(let current, let pageText):
            return try conflict(
                id: id, path: path, form: form, current: current, pageText: pageText, action: request.uri.path)
        case .refused(let error):
            let findings = error.diagnostics.map(\.inline)
            let status: HTTPResponse.Status =
                switch error {
                case .notFound, .alreadyExists: .badRequest
                case .cannotWrite: .internalServerError
                default: .unprocessableContent
                }
            return try refused(id: id, message: error.description, findings: findings, status: status)
        }
    }

    func conflict(
        id: String, path: String, form: FormFields, current: AccountFileSnapshot, pageText: String?, action: String
    ) throws -> Response {
        let diff =
            pageText.map {
                LineDiff(old: $0, new: current.text).unified(path: URL(fileURLWithPath: path).lastPathComponent)
            } ?? ""
        // A removal re-applied goes back to its confirmation: what it takes may differ now.
        var fields = form.pairs.filter { $0.0 != "hash" && $0.0 != "confirm" }.map {
            FieldView(name: $0.0, value: $0.1)
        }
        fields.append(FieldView(name: "hash", value: current.hash))
        let view = ConflictView(
            accountId: id, accountName: id, fileName: URL(fileURLWithPath: path).lastPathComponent, action: action,
            yours: form.pairs.filter { !["hash", "csrf", "confirm"].contains($0.0) }.map {
                FieldView(name: $0.0, value: $0.1)
            },
            fields: fields, hasDiff: pageText != nil, diff: diff)
        return try ServePages.page(
            title: "未保存 Not saved – relmap", content: ServePages.render(ServeTemplates.conflict, view),
            status: .conflict)
    }

    func refused(id: String, message: String, findings: [String], status: HTTPResponse.Status) throws -> Response {
        let content = try ServePages.render(
            ServeTemplates.refused,
            RefusedView(
                accountId: id, accountName: id, message: message, hasFindings: !findings.isEmpty, findings: findings))
        return try ServePages.page(title: "未保存 Not saved – relmap", content: content, status: status)
    }
}

/// The fields of an `application/x-www-form-urlencoded` body, in order, repeats kept
/// (several `people`). nil when a field is not valid percent-encoded UTF-8.
struct FormFields: Sendable {
    let pairs: [(String, String)]

    init?(urlEncoded body: String) {
        var pairs: [(String, String)] = []
        for part in body.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let key = decode(kv[0]), let value = kv.count > 1 ? decode(kv[1]) : "" else { return nil }
            pairs.append((key, value))
        }
        self.pairs = pairs
    }

    func first(_ key: String) -> String? { pairs.first { $0.0 == key }?.1 }
    func all(_ key: String) -> [String] { pairs.filter { $0.0 == key }.map(\.1) }
}
