import TagihCore
import TagihIO

/// `settings.payouts`:
///
/// ```yaml
/// payouts:
///   formats: [xendit, oy]
///   debit_account: {bank: BCA, account: "1234567890", holder: PT NusaNet Bandung}
/// ```
///
/// Every problem is reported with its position, as the rest of the settings are.
enum PayoutSettingsDecoder {
    static func decode(_ node: YAMLNode?, diagnostics: inout [Diagnostic]) -> PayoutSettings {
        guard let node, !node.isNull else { return .none }
        guard let entries = node.entries else {
            diagnostics.append(Diagnostic(node.location, "payouts must be a mapping {formats, debit_account}, not \(node.kindName)"))
            return .none
        }
        for entry in entries where !["formats", "debit_account"].contains(entry.key.lowercased()) {
            diagnostics.append(Diagnostic(entry.keyLocation, value: entry.key, "payouts: unknown field \"\(entry.key)\" (formats, debit_account)"))
        }
        return PayoutSettings(formats: formats(node["formats"], &diagnostics), debitAccount: debitAccount(node["debit_account"], &diagnostics))
    }

    /// A list of format names (one name alone is a list of one), each once.
    private static func formats(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> [PayoutFormat] {
        guard let node, !node.isNull else { return [] }
        let items: [YAMLNode]
        if let list = node.items {
            items = list
        } else if node.scalar != nil {
            items = [node]
        } else {
            diagnostics.append(Diagnostic(node.location, "payouts.formats must be a list of names like [xendit, oy]"))
            return []
        }
        let known = PayoutFormat.allCases.map(\.rawValue).sorted().joined(separator: ", ")
        var formats: [PayoutFormat] = []
        for item in items {
            guard let name = item.scalar?.trimmingCharacters() else {
                diagnostics.append(Diagnostic(item.location, "payouts.formats lists \(item.kindName) where a format name goes"))
                continue
            }
            guard let format = PayoutFormat(rawValue: name.lowercased()) else {
                let why = PayoutFormat.notProvided[name.lowercased()].map { "is not provided: \($0)" } ?? "is not a payout format tagih writes"
                diagnostics.append(Diagnostic(item.location, value: name, "payouts.formats: \"\(name)\" \(why); known formats: \(known)"))
                continue
            }
            if formats.contains(format) {
                diagnostics.append(Diagnostic(item.location, value: name, "payouts.formats lists \(format) twice"))
                continue
            }
            formats.append(format)
        }
        return formats
    }

    private static func debitAccount(_ node: YAMLNode?, _ diagnostics: inout [Diagnostic]) -> DebitAccount? {
        guard let node, !node.isNull else { return nil }
        guard let entries = node.entries else {
            diagnostics.append(Diagnostic(node.location, "payouts.debit_account must be a mapping {bank, account, holder}, not \(node.kindName)"))
            return nil
        }
        for entry in entries where !["bank", "account", "holder"].contains(entry.key.lowercased()) {
            diagnostics.append(Diagnostic(entry.keyLocation, value: entry.key, "payouts.debit_account: unknown field \"\(entry.key)\" (bank, account, holder)"))
        }
        func text(_ key: String) -> (String, YAMLNode)? {
            guard let value = node[key], !value.isNull else {
                diagnostics.append(Diagnostic(node.location, "payouts.debit_account.\(key) is required"))
                return nil
            }
            guard let scalar = value.scalar?.trimmingCharacters(), !scalar.isEmpty else {
                diagnostics.append(Diagnostic(value.location, "payouts.debit_account.\(key) must be a single value, not \(value.kindName)"))
                return nil
            }
            return (scalar, value)
        }
        var bank: Bank?
        if let (written, at) = text("bank") {
            bank = BankDirectory.indonesia.bank(written: written)
            if bank == nil {
                diagnostics.append(Diagnostic(at.location, value: written, "payouts.debit_account.bank \"\(written)\" is not a bank tagih knows; write its 3-digit code (014 for BCA) or a name such as BCA, BRI, Bank Mandiri"))
            }
        }
        var account: String?
        if let (written, at) = text("account") {
            if written.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                account = written
            } else {
                diagnostics.append(Diagnostic(at.location, value: written, "payouts.debit_account.account is not an account number of digits"))
            }
        }
        let holder = text("holder")?.0
        guard let bank, let account, let holder else { return nil }
        return DebitAccount(bank: bank, account: account, holder: holder)
    }
}
