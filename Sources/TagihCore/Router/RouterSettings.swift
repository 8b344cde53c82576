/// `settings.router`: MikroTik RouterOS scripts written beside the overdue list, putting the
/// tenants at the last dunning step on a firewall address list by their `service_id` and
/// taking reconnected ones off it. tagih writes them; an operator (or a scheduler on the
/// router) imports them.
public struct RouterSettings: Sendable, Equatable {
    /// The address list that isolates (`isolir`): the router's firewall redirects or drops it.
    public var addressList: String

    public init(addressList: String) {
        self.addressList = addressList
    }

    /// A list name safe to write between quotes in a script and easy to type on the router:
    /// letters, digits, `_`, `-` and `.`, at most 63 of them.
    public static func isValidListName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 63 && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == "."
        }
    }
}
