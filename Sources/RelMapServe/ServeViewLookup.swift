import Mustache

/// Mustache finds a view's fields by reflection (`Mirror`) unless the view names them
/// itself. An account page of 40 people holds about two thousand option views (each
/// person's form lists every colleague as a possible manager), and reflection was half
/// of the page's time, so the views of the editing panel name their fields here. A name
/// not listed still comes by reflection, as Mustache would find it.
extension OptionView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: reflectedChild(self, name)
        }
    }
}

extension PersonPanelView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "node": node
        case "name": self.name
        case "title": title
        case "department": department
        case "roles": roles
        case "stance": stance
        case "stanceLabel": stanceLabel
        case "influence": influence
        case "influenceShare": influenceShare
        case "reach": reach
        case "route": route
        case "notes": notes
        case "rank": rank
        case "open": open
        case "stances": stances
        case "roleChoices": roleChoices
        case "managers": managers
        case "accountId": accountId
        case "csrf": csrf
        case "hash": hash
        default: reflectedChild(self, name)
        }
    }
}

/// What Mustache's own lookup gives: the stored property of that name, an optional
/// unwrapped (nil when it holds none).
func reflectedChild(_ object: Any, _ name: String) -> Any? {
    guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
    let mirror = Mirror(reflecting: value)
    guard mirror.displayStyle == .optional else { return value }
    return mirror.children.first?.value
}
