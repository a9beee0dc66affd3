/// YAML 1.1 merge keys, as PyYAML and most YAML tools read them: in a mapping,
/// `<<: *defaults` copies the entries of the mapping `defaults` names, and
/// `<<: [*a, *b]` those of several. People who edit account files by hand reuse a block
/// this way (`x-defaults: &p {department: 总经办}` then `<<: *p` in each person).
///
/// Only a plain `<<` is a merge key; `"<<"` in quotes is an ordinary key, as in YAML 1.1.
/// Keys written in the mapping itself win over merged ones wherever they stand, and an
/// earlier mapping in a list wins over a later one. A merged entry is the very node the
/// anchor holds, with its marks, so a finding about it points at the line it came from.
enum MergeKeys {
    /// Whether `node` is the merge key.
    static func isMergeKey(_ node: YAMLNode) -> Bool {
        guard case .scalar(let text, .plain, _) = node else { return false }
        return text.utf8.count == 2 && text == "<<"
    }

    /// The entries of a mapping with its merge key replaced by the entries it merges,
    /// which take the merge key's place in the order. `copied` counts the entries
    /// merged so far in the document; past `limit` the merge is refused, so that a file
    /// cannot copy a large mapping into many others and grow far past its own size.
    static func resolve(_ pairs: [YAMLPair], copied: inout Int, limit: Int) throws(YAMLComposeError) -> [YAMLPair] {
        var written = Set<String>()
        for pair in pairs where !isMergeKey(pair.key) {
            if let name = pair.key.scalarText { written.insert(name) }
        }
        var seen = written
        var result: [YAMLPair] = []
        result.reserveCapacity(pairs.count)
        var mergeKey: YAMLNode?
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                result.append(pair)
                continue
            }
            if let first = mergeKey {
                throw .merge(
                    "the merge key '<<' appears twice in this mapping; merge several mappings with one list: <<: [*a, *b]",
                    pair.key.mark, first: first.mark)
            }
            mergeKey = pair.key
            let sources: [YAMLNode]
            switch pair.value {
            case .mapping: sources = [pair.value]
            case .sequence(let items, _, _): sources = items
            case .scalar: throw .merge(notAMapping(pair.value), pair.value.mark)
            }
            for source in sources {
                guard case .mapping(let entries, _, _) = source else { throw .merge(notAMapping(source), source.mark) }
                for entry in entries {
                    // A key that is not text cannot be an account file's key; it is kept so
                    // that the decoder reports it where it was written.
                    if let name = entry.key.scalarText, !seen.insert(name).inserted { continue }
                    copied += 1
                    if copied > limit { throw .tooManyMerged(pair.key.mark, limit) }
                    result.append(entry)
                }
            }
        }
        return result
    }

    private static func notAMapping(_ node: YAMLNode) -> String {
        let found =
            switch node {
            case .mapping: "a mapping"
            case .sequence: "a list"
            case .scalar(let text, _, _): node.isNull ? "nothing (null)" : "the text '\(text.prefix(40))'"
            }
        return "the merge key '<<' takes a mapping or a list of mappings (<<: *defaults or <<: [*a, *b]), "
            + "found \(found)"
    }
}
