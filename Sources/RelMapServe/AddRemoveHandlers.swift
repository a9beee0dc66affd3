import Foundation
import HTTPTypes
import Hummingbird
import RelMapCore

/// `POST /ID/add/KIND` and `POST /ID/remove/KIND` (KIND: person, relation, contact).
///
/// A removal is two POSTs: the first (no `confirm`) writes nothing and answers a page
/// listing everything the removal takes, in `relmap remove`'s own lines; only its form,
/// which carries `confirm=yes` and the same file version, removes. A confirmation in
/// script alone could be skipped by any client; this one cannot.
extension ServeHandlers {
    func add(_ request: Request, _ context: ServeContext) async throws -> Response {
        let kind = try itemKind(context)
        let (id, path, form) = try await editRequest(request, context)
        let parsed: (edit: AccountEdit, summary: String, anchor: String)
        do { parsed = try EditForms.add(kind, form) } catch {
            return try refused(id: id, message: error.message, findings: [], status: .badRequest)
        }
        return try await save(
            request, context, id: id, path: path, form: form, edits: [parsed.edit],
            summary: "relmap serve: \(parsed.summary) in \(id)", anchor: parsed.anchor)
    }

    func remove(_ request: Request, _ context: ServeContext) async throws -> Response {
        let kind = try itemKind(context)
        let (id, path, form) = try await editRequest(request, context)
        let parsed: (edit: AccountEdit, summary: String, anchor: String)
        do { parsed = try EditForms.remove(kind, form) } catch {
            return try refused(id: id, message: error.message, findings: [], status: .badRequest)
        }
        if form.first("confirm") == "yes" {
            return try await save(
                request, context, id: id, path: path, form: form, edits: [parsed.edit],
                summary: "relmap serve: \(parsed.summary) in \(id)", anchor: parsed.anchor)
        }
        return try await confirmation(request, id: id, path: path, form: form, edit: parsed.edit, anchor: parsed.anchor)
    }

    private func itemKind(_ context: ServeContext) throws -> String {
        guard let kind = context.parameters.get("kind"), EditForms.kinds.contains(kind) else {
            throw HTTPError(.notFound)
        }
        return kind
    }

    /// The removal worked out on the file as it is now, written nowhere: the same stale
    /// check as a save (409 with what changed), the same refusals, else the list.
    private func confirmation(
        _ request: Request, id: String, path: String, form: FormFields, edit: AccountEdit,
        anchor: String
    ) async throws -> Response {
        guard let hash = form.first("hash"), !hash.isEmpty else {
            throw HTTPError(.badRequest, message: "the form carries no file version")
        }
        switch await workspace.preview(path: path, pageHash: hash, edits: [edit]) {
        case .conflict(let current, let pageText):
            return try conflict(
                id: id, path: path, form: form, current: current, pageText: pageText, action: request.uri.path)
        case .refused(let error):
            let findings = error.diagnostics.map { "line \($0.location.line): \($0.message)" }
            return try refused(
                id: id, message: error.description, findings: findings,
                status: error.diagnostics.isEmpty ? .badRequest : .unprocessableContent)
        case .saved(let result, let before, _):
            var fields = form.pairs.filter { $0.0 != "confirm" }.map { FieldView(name: $0.0, value: $0.1) }
            fields.append(FieldView(name: "confirm", value: "yes"))
            let fileName = URL(fileURLWithPath: path).lastPathComponent
            let view = ConfirmView(
                accountId: id, fileName: fileName, action: request.uri.path, anchor: anchor,
                changes: result.changes.map(\.description), fields: fields,
                diff: LineDiff(old: before.text, new: result.text).unified(path: fileName))
            return try ServePages.page(
                title: "确认删除 Confirm removal – relmap", content: ServePages.render(ServeTemplates.confirm, view))
        }
    }
}

extension Workspace {
    /// What `save` would do, written nowhere: `.saved` carries the result not written.
    nonisolated func preview(path: String, pageHash: String, edits: [AccountEdit]) async -> SaveOutcome {
        let loadOptions = options.loadOptionsToday
        let outcome: SaveOutcome = await Blocking.run {
            Self.previewNow(path: path, pageHash: pageHash, edits: edits, loadOptions)
        }
        if case .conflict(let current, _) = outcome {
            await remember(text: current.text, hash: current.hash)
            return .conflict(current: current, pageText: await text(for: pageHash))
        }
        return outcome
    }

    private static func previewNow(path: String, pageHash: String, edits: [AccountEdit], _ loadOptions: LoadOptions)
        -> SaveOutcome
    {
        let snapshot: AccountFileSnapshot
        do { snapshot = try AccountFileSnapshot.read(path, options: loadOptions) } catch { return .refused(error) }
        guard snapshot.hash == pageHash else { return .conflict(current: snapshot, pageText: nil) }
        do {
            return .saved(
                try AccountEditor.apply(edits, to: snapshot.text, path: path, options: loadOptions), before: snapshot,
                commitProblem: nil)
        } catch {
            return .refused(error)
        }
    }
}
