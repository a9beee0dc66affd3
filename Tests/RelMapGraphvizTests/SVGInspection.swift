import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One node of a Graphviz SVG, as the tests need to see it.
struct SVGNode: Equatable {
    /// The `<title>`: Graphviz writes the node's DOT ID there.
    let title: String
    /// `fill` of the node's shape (`polygon`, `ellipse` or `path`).
    let fill: String?
    /// Horizontal extent of a `polygon` shape in points, from its `points`.
    let width: Double?
    /// The contents of the node's `<text>` elements, in order.
    let texts: [String]
}

/// Reads the nodes out of SVG bytes with Foundation's XML parser, so a test fails on
/// malformed XML as well as on missing content.
func svgNodes(in data: Data) throws -> [SVGNode] {
    let document = try XMLDocument(data: data, options: [])
    guard let root = document.rootElement() else { return [] }
    return elements(under: root)
        .filter { $0.localName == "g" && $0.value(of: "class") == "node" }
        .map { group in
            let children = group.children?.compactMap { $0 as? XMLElement } ?? []
            let shape = children.first { ["polygon", "ellipse", "path"].contains($0.localName ?? "") }
            return SVGNode(
                title: children.first { $0.localName == "title" }?.stringValue ?? "",
                fill: shape?.value(of: "fill"),
                width: shape?.value(of: "points").flatMap(horizontalExtent),
                texts: children.filter { $0.localName == "text" }.compactMap(\.stringValue)
            )
        }
}

extension XMLElement {
    /// The value of the attribute `name`.
    ///
    /// `attribute(forName:)` finds nothing in swift-corelibs-foundation once the element has
    /// a default namespace (SVG's `xmlns`), so this searches `attributes` instead.
    fileprivate func value(of name: String) -> String? {
        attributes?.first { $0.name == name }?.stringValue
    }
}

/// Every element below `element`, depth first.
private func elements(under element: XMLElement) -> [XMLElement] {
    let children = element.children?.compactMap { $0 as? XMLElement } ?? []
    return children + children.flatMap(elements(under:))
}

/// max(x) - min(x) over SVG polygon points written as `x,y x,y ...`.
private func horizontalExtent(_ points: String) -> Double? {
    let xs = points.split(separator: " ").compactMap { pair in
        pair.split(separator: ",").first.flatMap { Double($0) }
    }
    guard let low = xs.min(), let high = xs.max() else { return nil }
    return high - low
}
