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
        YAMLTree.isMergeKey(node.tree.nodes[node.id], bytes: node.tree.bytes)
    }

    /// The entries of a mapping (the ids of its keys and values, alternating) with its
    /// merge key replaced by the entries it merges, which take the merge key's place in
    /// the order. `tree` holds every node made so far. `copied` counts the entries merged
    /// so far in the document; past `limit` the merge is refused, so that a file cannot
    /// copy a large mapping into many others and grow far past its own size.
    static func resolve(_ entries: [Int], in tree: YAMLTree, copied: inout Int, limit: Int) throws(YAMLComposeError)
        -> [Int]
    {
        let pairs = stride(from: 0, to: entries.count - 1, by: 2).map {
            YAMLPair(key: YAMLNode(tree: tree, id: entries[$0]), value: YAMLNode(tree: tree, id: entries[$0 + 1]))
        }
        var written = Set<String>()
        for pair in pairs where !isMergeKey(pair.key) {
            if let name = pair.key.scalarText { written.insert(name) }
        }
        var seen = written
        var result: [Int] = []
        result.reserveCapacity(entries.count)
        var mergeKey: YAMLNode?
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                result += [pair.key.id, pair.value.id]
                continue
            }
            if let first = mergeKey {
                throw .merge(
                    "the merge key '<<' appears twice in this mapping; merge several mappings with one list: <<: [*a, *b]",
                    pair.key.mark, first: first.mark)
            }
            mergeKey = pair.key
            let sources: [YAMLNode]
            switch pair.value.kind {
            case .mapping: sources = [pair.value]
            case .sequence: sources = Array(pair.value.items)
            case .scalar: throw .merge(notAMapping(pair.value), pair.value.mark)
            }
            for source in sources {
                guard source.kind == .mapping else { throw .merge(notAMapping(source), source.mark) }
                for entry in source.pairs {
                    // A key that is not text cannot be an account file's key; it is kept so
                    // that the decoder reports it where it was written.
                    if let name = entry.key.scalarText, !seen.insert(name).inserted { continue }
                    copied += 1
                    if copied > limit { throw .tooManyMerged(pair.key.mark, limit) }
                    result += [entry.key.id, entry.value.id]
                }
            }
        }
        return result
    }

    private static func notAMapping(_ node: YAMLNode) -> String {
        "the merge key '<<' takes a mapping or a list of mappings (<<: *defaults or <<: [*a, *b]), "
            + "found \(NodeReader.describe(node))"
    }
}
