/// MikroTik RouterOS scripts that isolate tenants and take them back: `isolate.rsc` for the
/// tenants at the last dunning step, `reconnect.rsc` for those clear again. A tenant is
/// found on the router by its `service_id`, which is one of two things:
///
/// - an IPv4 address, subnet or range (a customer with a fixed address): it goes on the
///   operator's firewall address list (`/ip firewall address-list`), which the router's
///   rules redirect to a payment notice or drop; reconnecting removes it;
/// - a PPPoE user name (letters, digits, `.`, `_`, `-`, `@`): its PPP secret is disabled and
///   its session dropped, so it cannot log in again; reconnecting enables the secret. (A
///   session's address changes at every login, so an address list cannot hold it.)
///
/// tagih writes the scripts and never runs them. Values are never trusted to be harmless: a
/// service id of any other shape is refused (a warning); a tenant with none is not on a
/// router (a clinic of an operator that also runs an ISP) and is named in a closing comment, and every value is written between
/// double quotes with `"`, `\`, `$` and `?` escaped and anything outside printable ASCII as
/// `\XX`, RouterOS's byte escape, so the files are plain ASCII whatever the names hold.
public enum RouterOSScript {
    public struct Entry: Sendable, Equatable {
        public var tenantId: String
        public var name: String
        public var serviceId: String

        public init(tenantId: String, name: String, serviceId: String) {
            self.tenantId = tenantId
            self.name = name
            self.serviceId = serviceId
        }
    }

    /// A tenant a script leaves out, and why.
    public struct Refused: Sendable, Equatable {
        public var entry: Entry
        public var refusal: RouterRefusal
    }

    /// A script, the tenants it leaves out for a service id it cannot carry, and those it
    /// leaves out for having none.
    public struct Output: Sendable, Equatable {
        public var text: String
        public var refused: [Refused]
        public var withoutServiceId: [String] = []
    }

    static let menu = "/ip firewall address-list"

    /// What a service id names on the router.
    public enum Target: Sendable, Equatable {
        case address(String)
        case pppUser(String)
    }

    /// Puts each entry on `list` unless it is there already, or disables its PPP secret and
    /// drops its session: importing twice changes nothing.
    public static func isolate(_ entries: [Entry], list: String, asOf: CivilDate) -> Output {
        build(entries, header: [
            "# tagih: tenants at the last dunning step as of \(asOf). Addresses go on the address list \(quoted(list)),",
            "# PPPoE users have their secret disabled and their session dropped. Import: /import file-name=isolate.rsc",
        ]) { target, entry in
            switch target {
            case .address(let address):
                return [":if ([:len [\(menu) find where list=\(quoted(list)) and address=\(quoted(address))]] = 0) do={ "
                    + "\(menu) add list=\(quoted(list)) address=\(quoted(address)) comment=\(quoted(comment(entry, asOf: asOf))) }"]
            case .pppUser(let name):
                return ["/ppp secret set [/ppp secret find where name=\(quoted(name))] disabled=yes",
                        "/ppp active remove [/ppp active find where name=\(quoted(name))]"]
            }
        }
    }

    /// Takes each entry off `list`, or enables its PPP secret again; one not there is no error.
    public static func reconnect(_ entries: [Entry], list: String, asOf: CivilDate) -> Output {
        build(entries, header: [
            "# tagih: tenants clear again as of \(asOf). Addresses come off the address list \(quoted(list)),",
            "# PPPoE users have their secret enabled. Import: /import file-name=reconnect.rsc",
        ]) { target, _ in
            switch target {
            case .address(let address):
                return ["\(menu) remove [\(menu) find where list=\(quoted(list)) and address=\(quoted(address))]"]
            case .pppUser(let name):
                return ["/ppp secret set [/ppp secret find where name=\(quoted(name))] disabled=no"]
            }
        }
    }

    private static func build(_ entries: [Entry], header: [String], lines: (Target, Entry) -> [String]) -> Output {
        var text = header
        var refused: [Refused] = []
        var absent: [String] = []
        for entry in entries {
            switch target(entry.serviceId) {
            case .success(let target): text += lines(target, entry)
            case .failure(.missing): absent.append(entry.tenantId)
            case .failure(let refusal): refused.append(Refused(entry: entry, refusal: refusal))
            }
        }
        if !absent.isEmpty {
            // Quoted as any value: a comment line must not end early either.
            text.append("# not on the router (no service_id): " + absent.map(quoted).joined(separator: " "))
        }
        return Output(text: text.joined(separator: "\n") + "\n", refused: refused, withoutServiceId: absent)
    }

    /// `tagih NET-005 Rudi Hartono 2026-11-30`: who and since when, for whoever reads the list.
    static func comment(_ entry: Entry, asOf: CivilDate) -> String {
        "tagih \(entry.tenantId) \(entry.name) \(asOf)"
    }

    /// What the service id names, or why a script cannot carry it.
    public static func target(_ serviceId: String) -> Result<Target, RouterRefusal> {
        let value = serviceId.trimmingBlanks()
        if value.isEmpty { return .failure(.missing) }
        if isIPv4Form(value) { return .success(.address(value)) }
        // Digits with dots (and a `/` or `-`) are an address gone wrong (`10.0.0.256`,
        // `10.0.0.0/33`), not a user name.
        if value.contains("."), value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "/" || $0 == "-" }) {
            return .failure(.notAnAddress)
        }
        if let odd = value.unicodeScalars.first(where: { !isUserNameCharacter($0) }) { return .failure(.interpreted(String(odd))) }
        return .success(.pppUser(value))
    }

    /// What PPPoE user names are made of; nothing RouterOS reads as syntax.
    private static func isUserNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || scalar == "." || scalar == "-" || scalar == "_" || scalar == "@"
    }

    /// `10.0.0.5`, `10.0.0.0/24` or `10.0.0.1-10.0.0.9`.
    static func isIPv4Form(_ text: String) -> Bool {
        let range = text.split(separator: "-", omittingEmptySubsequences: false)
        if range.count == 2 { return isIPv4(range[0]) && isIPv4(range[1]) }
        guard range.count == 1 else { return false }
        let subnet = text.split(separator: "/", omittingEmptySubsequences: false)
        if subnet.count == 2 {
            guard let bits = Int(subnet[1]), subnet[1].count <= 2, (0...32).contains(bits) else { return false }
            return isIPv4(subnet[0])
        }
        return subnet.count == 1 && isIPv4(subnet[0])
    }

    private static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            // No leading zeros: `010` reads as octal in some tools and as ten in others.
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigitCharacter), let value = Int(part), value <= 255 else { return false }
            return part.count == 1 || part.first != "0"
        }
    }

    /// A RouterOS string literal: between double quotes, `"` `\` `$` `?` escaped (`$` would
    /// substitute a variable, `?` ask for help), control characters and every byte outside
    /// ASCII as `\XX` in capital hex, so a name cannot end the string, the line or the command.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "?"):
                out.append("\\")
                out.append(Character(Unicode.Scalar(byte)))
            case 0x20..<0x7F:
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "\\" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out + "\""
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
