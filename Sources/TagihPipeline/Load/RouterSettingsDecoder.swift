import TagihCore
import TagihIO

/// `settings.router`:
///
/// ```yaml
/// router: {address_list: isolir}
/// ```
///
/// Every problem is reported with its position, as the rest of the settings are.
enum RouterSettingsDecoder {
    static func decode(_ node: YAMLNode?, diagnostics: inout [Diagnostic]) -> RouterSettings? {
        guard let node, !node.isNull else { return nil }
        guard let entries = node.entries else {
            diagnostics.append(Diagnostic(node.location, "router must be a mapping {address_list}, not \(node.kindName)"))
            return nil
        }
        for entry in entries where entry.key.lowercased() != "address_list" {
            diagnostics.append(Diagnostic(entry.keyLocation, value: entry.key, "router: unknown field \"\(entry.key)\" (address_list)"))
        }
        guard let list = node["address_list"] else {
            diagnostics.append(Diagnostic(node.location, "router.address_list is required: the firewall address list that isolates, like isolir"))
            return nil
        }
        guard let name = list.scalar?.trimmingCharacters(), !list.isNull else {
            diagnostics.append(Diagnostic(list.location, "router.address_list must be a single name, not \(list.kindName)"))
            return nil
        }
        guard RouterSettings.isValidListName(name) else {
            diagnostics.append(Diagnostic(list.location, value: name, "router.address_list must be letters, digits, _, - or . (at most 63), like isolir"))
            return nil
        }
        return RouterSettings(addressList: name)
    }
}
