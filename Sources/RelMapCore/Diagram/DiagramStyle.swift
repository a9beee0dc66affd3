import Foundation

/// Every visual decision of the buying-center diagram, in one place (docs/diagrams.md,
/// "The design"). The writer asks this type how a thing looks and never picks a colour
/// or a shape itself, so the legend and the diagram cannot disagree.
public enum DiagramStyle {
    // MARK: People

    /// The fill of a person's node by stance: ColorBrewer's 5-class BrBG diverging scale,
    /// teal for support and brown for opposition. It stays apart for the three common
    /// kinds of colour blindness, and it leaves red free for gaps (a red-blue scale would
    /// also read backwards to many Chinese readers, for whom red is good news).
    public static func fill(_ stance: Stance) -> String {
        switch stance {
        case .champion: "#018571"
        case .supporter: "#80cdc1"
        case .neutral: "#f5f5f5"
        case .skeptic: "#dfc27d"
        case .blocker: "#a6611a"
        case .unknown: "#d4d4d4"
        }
    }

    /// Text colour on that fill: white on the two dark ends of the scale, else near black.
    public static func textColour(_ stance: Stance) -> String {
        switch stance {
        case .champion, .blocker: "#ffffff"
        default: "#1a1a1a"
        }
    }

    /// Unknown stance is a gap in itself: grey with a dashed border, not colour alone.
    public static func isDashed(_ stance: Stance) -> Bool { stance == .unknown }

    /// A person's shape by their heaviest role. The three deciding roles get polygons with
    /// more corners the more they weigh (double octagon, octagon, hexagon); the others get
    /// compact shapes with a hint of their part: users a plain box, influencers an ellipse,
    /// a coach a note (inside information), a gatekeeper a folder (the paperwork).
    public static func shape(_ role: BuyingRole?) -> String {
        switch role {
        case .decisionMaker: "doubleoctagon"
        case .economicBuyer: "octagon"
        case .technicalBuyer: "hexagon"
        case .userBuyer: "box"
        case .influencer: "ellipse"
        case .coach: "note"
        case .gatekeeper: "folder"
        case nil: "box"
        }
    }

    /// People with no role get rounded corners, so they do not pass for user-buyers.
    public static func isRounded(_ role: BuyingRole?) -> Bool { role == nil }

    /// Border width by influence (0...100): 1 for the least influential, 3.5 for the most.
    public static func borderWidth(influence: Double) -> Double { 1 + 2.5 * clamp(influence / 100) }

    /// The name's font size by influence: 11 to 17 points, so the heavy people read first.
    public static func nameSize(influence: Double) -> Int { 11 + Int((6 * clamp(influence / 100)).rounded()) }

    /// A person's border colour when no gap is marked on them.
    public static let border = "#404040"
    /// Point size of the small text in labels and the legend (title, influence, gap band).
    public static let smallTextSize = 9

    /// Gap marks: a red outline wider than any influence border, and a red band with a
    /// warning sign and words in the label, so the mark does not depend on seeing red.
    public static let gap = "#d7191c"
    /// The gap outline's pen width, wider than the widest influence border (3.5).
    public static let gapBorderWidth = 4.0
    /// The sign before the gap's words in the label's band.
    public static let gapSign = "⚠"

    // MARK: Ties inside the account

    /// `reports_to`: thin grey lines without arrowheads; top-down placement says who is boss.
    public static let reportsTo = "#9e9e9e"
    /// Pen width of a reporting line.
    public static let reportsToWidth = 1.0

    /// `influences`: purple arrows, wider for stronger influence (strength 0...1).
    public static let influences = "#5e3c99"
    /// Pen width of an `influences` arrow: 1 to 4 by strength (0...1).
    public static func influenceWidth(strength: Double) -> Double { 1 + 3 * clamp(strength) }

    /// `ally`: a green double line; `rival`: an orange dashed line with bars at both ends.
    /// The two differ in line style and ends as well as colour.
    public static let ally = "#1b7837"
    /// The colour list Graphviz draws as two parallel green lines (`color:transparent:color`).
    public static func allyColour() -> String { "\(ally):transparent:\(ally)" }
    /// The colour of a `rival` line (dashed, with bars at both ends).
    public static let rival = "#d95f02"
    /// Pen width of an `ally` or `rival` line: 1 to 2.5 by strength (0...1).
    public static func tieWidth(strength: Double) -> Double { 1 + 1.5 * clamp(strength) }

    // MARK: Our team

    /// The fill of a team member's node.
    public static let teamFill = "#deebf7"
    /// The border of our team's nodes and frame, and the blue of contact lines and badges.
    public static let teamBorder = "#2171b5"
    /// The background of the frame around our team.
    public static let teamBackground = "#f4f8fc"

    /// A contact line by its current (time-faded) strength, 0...1: blue, wider and more
    /// opaque the stronger it still is. Opacity never drops below 30% so a faded line is
    /// still visible: fading shows the relationship cooling, not vanishing.
    public static func contactColour(current: Double) -> String {
        let alpha = Int((255 * (0.3 + 0.7 * clamp(current))).rounded())
        return teamBorder + hex2(alpha)
    }

    /// Pen width of a contact line: 0.8 to 3.5 by current strength (0...1).
    public static func contactWidth(current: Double) -> Double { 0.8 + 2.7 * clamp(current) }

    /// A contact is stale when it has faded to less than half its declared strength: the
    /// last meeting is more than one half-life ago (docs/scoring.md, "Reach"), or has no
    /// date at all. Stale lines are dashed and grey besides being faint.
    public static func isStale(_ contact: CurrentContact, parameters: ScoringParameters) -> Bool {
        guard let days = contact.daysAgo else { return true }
        return Double(days) > parameters.halfLifeDays
    }

    /// The grey of a stale contact's dashed line and badge border.
    public static let staleContact = "#969696"

    /// A contact drawn as a line by default (`ContactEdges.strong`): declared strong and
    /// not stale. Weaker and stale contacts show only as badges, so the few lines left are
    /// the routes in a plan can rely on.
    public static func isStrongTie(_ contact: CurrentContact, parameters: ScoringParameters) -> Bool {
        contact.strength.label == "strong" && !isStale(contact, parameters: parameters)
    }

    /// A badge's fill: the contact line's colour as it shows on white (the same fading,
    /// made opaque, since a table cell's colour has no transparency in every renderer).
    public static func badgeFill(current: Double) -> String {
        let alpha = 0.3 + 0.7 * clamp(current)
        let blue = (r: 0x21, g: 0x71, b: 0xb5)
        func mix(_ c: Int) -> String { hex2(Int((255 * (1 - alpha) + Double(c) * alpha).rounded())) }
        return "#" + mix(blue.r) + mix(blue.g) + mix(blue.b)
    }

    /// White initials on the darker badges (strong today), near black on the paler ones.
    public static func badgeText(current: Double) -> String { clamp(current) >= 0.6 ? "#ffffff" : "#1a1a1a" }

    /// Point size of the initials in a contact badge.
    public static let badgeTextSize = 8
    /// Initials on a stale badge: darker than its grey border, so they stay legible on white.
    public static let staleBadgeText = "#606060"

    // MARK: Frames

    /// The border of a department's box (and of its sample in the legend).
    public static let departmentBorder = "#b0b0b0"
    /// The background of a department's box.
    public static let departmentBackground = "#fcfcfc"

    // MARK: Helpers

    /// A number as DOT wants it: at most two decimals, no trailing zeros, a "." always.
    public static func number(_ x: Double) -> String {
        var s = String(format: "%.2f", x)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    private static func clamp(_ x: Double) -> Double { x.isFinite ? Swift.min(1, Swift.max(0, x)) : 0 }

    private static func hex2(_ value: Int) -> String {
        let digits = Array("0123456789abcdef")
        let v = Swift.min(255, Swift.max(0, value))
        return String([digits[v / 16], digits[v % 16]])
    }
}
