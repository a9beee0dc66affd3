import Foundation
import HTTPTypes
import Hummingbird
import RelMapCore

/// `GET /ID/whatif`: before -> after for a person leaving, a stance changing and a new
/// contact, computed by `WhatIfComparison` as `relmap whatif` does, written nowhere.
/// `POST /ID/whatif` saves the stance and the contact through the edit engine; a
/// departure is never saved (docs/serve.md, "What-if").
extension ServeHandlers {
    func whatIf(_ request: Request, _ context: ServeContext) async throws -> Response {
        guard let id = context.parameters.get("id"), let path = await workspace.path(for: id) else {
            throw HTTPError(.notFound)
        }
        let loadOptions = options.loadOptionsToday
        let snapshot: AccountFileSnapshot
        do { snapshot = try AccountFileSnapshot.read(path, options: loadOptions) } catch { throw HTTPError(.notFound) }
        await workspace.remember(text: snapshot.text, hash: snapshot.hash)
        let loaded = AccountLoader.load(data: Data(snapshot.text.utf8), path: path, options: loadOptions)
        guard let account = loaded.account, !loaded.diagnostics.hasErrors else {
            return try refused(
                id: id,
                message: "这个文件现在有错误，请先修正（relmap check）· The file has errors now; fix them first (relmap check).",
                findings: [], status: .unprocessableContent)
        }
        let query = WhatIfQuery(request.uri.queryParameters)
        let comparison: WhatIfComparison?
        do { comparison = try query.compare(account) } catch {
            if request.uri.queryParameters.get("part") == "1" {
                let content = try ServePages.render(
                    #"<p class="notice" role="alert">{{message}}</p>"#, ["message": error.message])
                return Response(
                    status: .badRequest, headers: [.contentType: "text/html; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: content)))
            }
            return try refused(id: id, message: error.message, findings: [], status: .badRequest)
        }
        let view = WhatIfViews.page(
            account, comparison: comparison, query: query, csrf: keys.csrf(for: context.session),
            hash: snapshot.hash, fileName: URL(fileURLWithPath: path).lastPathComponent)
        let template =
            request.uri.queryParameters.get("part") == "1" ? ServeTemplates.whatIfResult : ServeTemplates.whatIf
        let content = try ServePages.render(template, view)
        if request.uri.queryParameters.get("part") == "1" {
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: content)))
        }
        return try ServePages.page(
            title: "假设分析 What-if – \(account.name) – relmap", lang: ReportBuilder.language(of: account),
            bodyClass: "serve-whatif", content: content)
    }

    func saveWhatIf(_ request: Request, _ context: ServeContext) async throws -> Response {
        let (id, path, form) = try await editRequest(request, context)
        var edits: [AccountEdit] = []
        var anchor = "#whatif-h"
        do {
            if let person = nonEmpty(form.first("stance_person")) {
                edits.append(
                    .setPerson(person, [try PersonField.parse(key: "stance", value: form.first("stance") ?? "")]))
                anchor = "#p-\(person)"
            }
            if let member = nonEmpty(form.first("contact_member")), let person = nonEmpty(form.first("contact_person"))
            {
                var contact = Contact(
                    member: member, person: person,
                    strength: try EditForms.strength(form.first("contact_strength") ?? "") ?? .medium)
                if let last = nonEmpty(form.first("contact_last")) {
                    guard let day = Day(iso: last) else {
                        throw FormProblem("contact_last: '\(last)' is not a date (YYYY-MM-DD)")
                    }
                    contact.last = day
                }
                edits.append(.addContact(contact))
                anchor = "#p-\(person)"
            }
        } catch let error as PersonFieldError {
            return try refused(id: id, message: error.description, findings: [], status: .badRequest)
        } catch let error as FormProblem {
            return try refused(id: id, message: error.message, findings: [], status: .badRequest)
        }
        guard !edits.isEmpty else {
            return try refused(
                id: id, message: "没有可保存的变化（离开不保存）· Nothing to save (a departure is not saved).", findings: [],
                status: .badRequest)
        }
        let summary = edits.map { edit -> String in
            switch edit {
            case .setPerson(let p, let fields): "set \(p) (\(fields.map(\.key).joined(separator: ", ")))"
            case .addContact(let c): "add contact \(c.member) -> \(c.person)"
            default: ""
            }
        }.joined(separator: ", ")
        return try await save(
            request, context, id: id, path: path, form: form, edits: edits,
            summary: "relmap serve: what-if saved: \(summary) in \(id)", anchor: anchor)
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let t = text?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
        return t
    }
}

/// The what-if form's choices, from a query string: one departure, one stance change and
/// one contact at most, each optional.
struct WhatIfQuery {
    var leave = "", stancePerson = "", stance = "", contactMember = "", contactPerson = "", contactStrength = ""

    init(_ parameters: Parameters) {
        func value(_ key: String) -> String { (parameters.get(key) ?? "").trimmingCharacters(in: .whitespaces) }
        leave = value("leave")
        stancePerson = value("stance_person")
        stance = value("stance")
        contactMember = value("contact_member")
        contactPerson = value("contact_person")
        contactStrength = value("contact_strength")
    }

    init() {}

    /// The comparison, or nil when no change is chosen. The changes are read as
    /// `relmap whatif` reads its flags, so an unknown id or word says why as the CLI does.
    func compare(_ account: Account) throws(FormProblem) -> WhatIfComparison? {
        var changes: [WhatIfChange] = []
        do {
            if !stancePerson.isEmpty {
                changes.append(.stance(person: stancePerson, stance: try WhatIfChange.stance(word: stance)))
            }
            if !contactMember.isEmpty || !contactPerson.isEmpty {
                guard !contactMember.isEmpty, !contactPerson.isEmpty else {
                    throw FormProblem("新联系需要我方人员和对方人员 · A new contact needs both a team member and a person.")
                }
                // Medium when no strength is chosen, as `relmap whatif --contact MEMBER:ID` assumes.
                let strength = contactStrength.isEmpty ? .medium : try WhatIfChange.strength(word: contactStrength)
                changes.append(.contact(member: contactMember, person: contactPerson, strength: strength))
            }
        } catch let error as PlanningError {
            throw FormProblem(error.description)
        } catch let error as FormProblem {
            throw error
        } catch {
            throw FormProblem("\(error)")
        }
        if !leave.isEmpty { changes.append(.leave(leave)) }
        guard !changes.isEmpty else { return nil }
        do { return try WhatIfComparison.compare(account, changes: changes) } catch {
            throw FormProblem(error.description)
        }
    }
}
