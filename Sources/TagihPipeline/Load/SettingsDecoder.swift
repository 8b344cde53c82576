import TagihCore
import TagihIO

/// `settings.yaml` into `Settings`, reporting every bad or unknown key with its position.
struct SettingsDecoder {
    private(set) var diagnostics: [Diagnostic] = []
    private let file: String

    static let knownKeys: Set<String> = [
        "operator", "currency", "timezone", "locale", "tax", "invoice_number", "dunning", "fees",
        "platform_commission", "min_payout", "payment_code_ttl", "currency_minor_units", "number_locale", "payment_memory",
        "credit_note_number", "consolidate", "payouts", "payment_instructions", "pdf", "router",
        "renewal_notice", "cancel_credit",
    ]

    init(file: String) { self.file = file }

    mutating func decode(_ root: YAMLNode?) -> Settings? {
        guard let root, let entries = root.entries else {
            diagnostics.append(Diagnostic(root?.location ?? .file(file), "settings must be a mapping of setting: value"))
            return nil
        }
        for entry in entries where !Self.knownKeys.contains(entry.key.lowercased()) {
            diagnostics.append(Diagnostic(entry.keyLocation, value: entry.key, "unknown setting \"\(entry.key)\"; known settings: \(Self.knownKeys.sorted().joined(separator: ", "))"))
        }

        var overrides: [CurrencyCode: Int] = [:]
        if let node = root["currency_minor_units"] {
            for entry in mapping(node, "currency_minor_units") {
                guard let code = CurrencyCode(entry.key), Currencies().isKnown(code) else {
                    diagnostics.append(Diagnostic(entry.keyLocation, value: entry.key, "currency_minor_units: \"\(entry.key)\" is not a known ISO 4217 currency code"))
                    continue
                }
                if let units = integer(entry.value, "currency_minor_units.\(entry.key)", in: 0...4) { overrides[code] = units }
            }
        }
        let currencies = Currencies(overrides: overrides)

        let op = decodeOperator(root["operator"], at: root.location)
        let currency = decodeCurrency(root["currency"], currencies: currencies, at: root.location)
        let zoneName = root["timezone"].flatMap { scalar($0, "timezone") } ?? "Asia/Jakarta"
        let zone = ZoneLoader.load(zoneName)
        if zone == nil {
            diagnostics.append(Diagnostic(root["timezone"]?.location ?? root.location, value: zoneName, "timezone \"\(zoneName)\" is not a known time zone (like Asia/Jakarta)"))
        }
        let language = choice(root["locale"], "locale", Language.self) ?? .id
        let numberStyle: NumberStyle
        switch root["number_locale"].flatMap({ scalar($0, "number_locale") })?.lowercased() {
        case nil, "en", "dot": numberStyle = .dot
        case "id": numberStyle = .indonesian
        default:
            diagnostics.append(Diagnostic(root["number_locale"]!.location, value: root["number_locale"]!.scalar ?? "", "number_locale is not id or en"))
            numberStyle = .dot
        }
        let tax = decodeTax(root["tax"])
        var pattern = NumberPattern.default
        if let node = root["invoice_number"], let text = scalar(node, "invoice_number") {
            do { pattern = try NumberPattern(text) } catch {
                diagnostics.append(Diagnostic(node.location, value: text, "invoice_number \(error.message)"))
            }
        }
        let dunning = decodeDunning(root["dunning"])
        let fees = decodeFees(root["fees"], currency: currency.flatMap { currencies($0) })
        let commission = root["platform_commission"].flatMap { rate($0, "platform_commission") } ?? .zero
        var minPayout = ExactDecimal.zero
        if let node = root["min_payout"], let text = scalar(node, "min_payout") {
            switch ExactDecimal.parse(text, style: numberStyle) {
            case .success(let value) where !value.isNegative:
                if let currency = currency.flatMap({ currencies($0) }), !Self.fits(value, currency) {
                    diagnostics.append(Diagnostic(node.location, value: text, "min_payout \(FieldDecoder.tooLarge(currency))"))
                }
                minPayout = value
            case .success: diagnostics.append(Diagnostic(node.location, value: text, "min_payout is negative"))
            case .failure(let error): diagnostics.append(Diagnostic(node.location, value: text, "min_payout \(error.message)"))
            }
        }
        var ttl: Int64 = 3600
        if let node = root["payment_code_ttl"], let text = scalar(node, "payment_code_ttl") {
            if let seconds = DurationText.seconds(text) { ttl = seconds } else {
                diagnostics.append(Diagnostic(node.location, value: text, "payment_code_ttl is not a duration like 1h, 30m or 1h30m"))
            }
        }
        var memoryDays = 62
        if let node = root["payment_memory"], let text = scalar(node, "payment_memory") {
            if let seconds = DurationText.seconds(text), seconds % 86400 == 0, (7...3660).contains(seconds / 86400) {
                memoryDays = Int(seconds / 86400)
            } else {
                diagnostics.append(Diagnostic(node.location, value: text, "payment_memory is not a number of days from 7d to 3660d"))
            }
        }
        var creditNotePattern = NumberPattern.creditNotes
        if let node = root["credit_note_number"], let text = scalar(node, "credit_note_number") {
            do { creditNotePattern = try NumberPattern(text) } catch {
                diagnostics.append(Diagnostic(node.location, value: text, "credit_note_number \(error.message)"))
            }
            if creditNotePattern.description == pattern.description {
                diagnostics.append(Diagnostic(node.location, value: text, "credit_note_number is the same pattern as invoice_number; the two series would give the same numbers"))
            }
        }
        let consolidate = choice(root["consolidate"], "consolidate", ConsolidationMode.self) ?? ConsolidationMode.none
        let payouts = PayoutSettingsDecoder.decode(root["payouts"], diagnostics: &diagnostics)
        let router = RouterSettingsDecoder.decode(root["router"], diagnostics: &diagnostics)
        guard diagnostics.isEmpty, let op, let currency, let zone else { return nil }
        var settings = Settings(
            operator: op, currency: currency, zone: zone, language: language, tax: tax, invoiceNumber: pattern,
            dunning: dunning, fees: fees, platformCommission: commission, minPayout: minPayout, paymentCodeTTL: ttl,
            currencies: currencies, numberStyle: numberStyle, paymentMemoryDays: memoryDays
        )
        settings.creditNoteNumber = creditNotePattern
        settings.consolidate = consolidate
        settings.payouts = payouts
        settings.router = router
        settings.paymentInstructions = decodePaymentInstructions(root["payment_instructions"])
        if let node = root["pdf"], let text = scalar(node, "pdf") {
            switch text.lowercased() {
            case "true", "yes": settings.pdf = true
            case "false", "no": settings.pdf = false
            default: diagnostics.append(Diagnostic(node.location, value: text, "pdf is not true or false"))
            }
        }
        if let node = root["renewal_notice"], let text = scalar(node, "renewal_notice") {
            if let seconds = DurationText.seconds(text), seconds % 86400 == 0, (1...366).contains(Int(seconds / 86400)) {
                settings.renewalNoticeDays = Int(seconds / 86400)
            } else {
                diagnostics.append(Diagnostic(node.location, value: text, "renewal_notice is not a number of days from 1d to 366d"))
            }
        }
        settings.cancelCredit = choice(root["cancel_credit"], "cancel_credit", CancelCredit.self) ?? .none
        if !diagnostics.isEmpty { return nil }
        return settings
    }

    // MARK: sections

    private mutating func decodeOperator(_ node: YAMLNode?, at location: SourceLocation) -> Operator? {
        guard let node else {
            diagnostics.append(Diagnostic(location, "operator is required (name, email, address, tax_id, idtku)"))
            return nil
        }
        let entries = mapping(node, "operator")
        let allowed: Set<String> = ["name", "email", "address", "tax_id", "idtku"]
        for entry in entries where !allowed.contains(entry.key.lowercased()) {
            diagnostics.append(Diagnostic(entry.keyLocation, value: entry.key, "operator: unknown field \"\(entry.key)\""))
        }
        let name = node["name"].flatMap { scalar($0, "operator.name") }
        let email = node["email"].flatMap { scalar($0, "operator.email") }
        if name == nil { diagnostics.append(Diagnostic(node.location, "operator.name is required")) }
        if let email, !EmailAddress.isPlausible(email) {
            diagnostics.append(Diagnostic(node["email"]!.location, value: email, "operator.email is not an email address"))
            return nil
        }
        if email == nil { diagnostics.append(Diagnostic(node.location, "operator.email is required")) }
        let taxId = node["tax_id"].flatMap { field in scalar(field, "operator.tax_id").map { ($0, field.location) } }
        let idtku = node["idtku"].flatMap { field in scalar(field, "operator.idtku").map { ($0, field.location) } }
        let (place, taxProblems) = OperatorTaxFields.check(taxId: taxId, idtku: idtku)
        diagnostics += taxProblems
        guard let name, let email else { return nil }
        return Operator(
            name: name, email: email,
            address: node["address"].flatMap { scalar($0, "operator.address") } ?? "",
            taxId: taxId?.0 ?? "", idtku: place
        )
    }

    private mutating func decodeCurrency(_ node: YAMLNode?, currencies: Currencies, at location: SourceLocation) -> CurrencyCode? {
        guard let node, let text = scalar(node, "currency") else {
            if node == nil { diagnostics.append(Diagnostic(location, "currency is required (an ISO 4217 code such as IDR)")) }
            return nil
        }
        guard let code = CurrencyCode(text), currencies.isKnown(code) else {
            diagnostics.append(Diagnostic(node.location, value: text, "currency \"\(text)\" is not a known ISO 4217 currency code"))
            return nil
        }
        return code
    }

    private mutating func decodeTax(_ node: YAMLNode?) -> TaxSettings {
        guard let node else { return .none }
        for entry in mapping(node, "tax") where !["rate", "mode", "base"].contains(entry.key.lowercased()) {
            diagnostics.append(Diagnostic(entry.keyLocation, value: entry.key, "tax: unknown field \"\(entry.key)\" (rate, mode, base)"))
        }
        guard let rateNode = node["rate"] else {
            diagnostics.append(Diagnostic(node.location, "tax.rate is required, like 11%"))
            return .none
        }
        let rate = self.rate(rateNode, "tax.rate") ?? .zero
        let mode = choice(node["mode"], "tax.mode", TaxMode.self) ?? .exclusive
        var base = Fraction(1)
        if let baseNode = node["base"], let text = scalar(baseNode, "tax.base") {
            let parts = text.split(separator: "/")
            if parts.count == 2, let numerator = Int(parts[0].trimmingCharacters()), let denominator = Int(parts[1].trimmingCharacters()),
               numerator > 0, denominator > 0, numerator <= denominator {
                base = Fraction(Int128(numerator), Int128(denominator))
            } else {
                diagnostics.append(Diagnostic(baseNode.location, value: text, "tax.base is not a fraction like 11/12"))
            }
        }
        return TaxSettings(rate: rate, mode: mode, base: base)
    }

    private mutating func decodeDunning(_ node: YAMLNode?) -> [DunningStep] {
        guard let node else { return [] }
        guard let items = node.items else {
            diagnostics.append(Diagnostic(node.location, "dunning must be a list of {days, action}"))
            return []
        }
        var steps: [DunningStep] = []
        for item in items {
            guard item.entries != nil else {
                diagnostics.append(Diagnostic(item.location, "a dunning step must be a mapping {days, action}"))
                continue
            }
            let days = item["days"].flatMap { integer($0, "dunning.days", in: 1...3650) }
            let action = item["action"].flatMap { scalar($0, "dunning.action") }
            if item["days"] == nil || item["action"] == nil {
                diagnostics.append(Diagnostic(item.location, "a dunning step needs both days and action"))
            }
            if let days, let action {
                if steps.contains(where: { $0.days == days }) {
                    diagnostics.append(Diagnostic(item.location, value: String(days), "dunning has two steps at \(days) days"))
                }
                steps.append(DunningStep(days: days, action: action))
            }
        }
        return steps
    }

    private mutating func decodeFees(_ node: YAMLNode?, currency: Currency?) -> [String: FeeRule] {
        guard let node else { return [:] }
        var fees: [String: FeeRule] = [:]
        for entry in mapping(node, "fees") {
            let method = entry.key.lowercased()
            let fields = mapping(entry.value, "fees.\(entry.key)")
            for field in fields where !["percent", "fixed"].contains(field.key.lowercased()) {
                diagnostics.append(Diagnostic(field.keyLocation, value: field.key, "fees.\(entry.key): unknown field \"\(field.key)\" (percent, fixed)"))
            }
            let percent = entry.value["percent"].flatMap { rate($0, "fees.\(entry.key).percent") }
            var fixed: ExactDecimal?
            if let fixedNode = entry.value["fixed"], let text = scalar(fixedNode, "fees.\(entry.key).fixed") {
                switch ExactDecimal.parse(text) {
                case .success(let value) where !value.isNegative:
                    if let currency, value.significantScale > currency.minorUnits {
                        diagnostics.append(Diagnostic(fixedNode.location, value: text, "fees.\(entry.key).fixed has more decimals than \(currency.code) allows"))
                    } else if let currency, !Self.fits(value, currency) {
                        diagnostics.append(Diagnostic(fixedNode.location, value: text, "fees.\(entry.key).fixed \(FieldDecoder.tooLarge(currency))"))
                    }
                    fixed = value
                case .success: diagnostics.append(Diagnostic(fixedNode.location, value: text, "fees.\(entry.key).fixed is negative"))
                case .failure(let error): diagnostics.append(Diagnostic(fixedNode.location, value: text, "fees.\(entry.key).fixed \(error.message)"))
                }
            }
            if percent == nil && fixed == nil && !fields.isEmpty {
                diagnostics.append(Diagnostic(entry.value.location, "fees.\(entry.key) needs a percent, a fixed amount or both"))
            }
            fees[method] = FeeRule(percent: percent, fixed: fixed)
        }
        return fees
    }

    /// `payment_instructions: {bank_accounts: [{bank, account, holder}], virtual_account,
    /// qris, pay_link, text}`; the texts either one string or `{id: ..., en: ...}`.
    private mutating func decodePaymentInstructions(_ node: YAMLNode?) -> PaymentInstructions {
        var instructions = PaymentInstructions()
        guard let node else { return instructions }
        let known = ["bank_accounts", "virtual_account", "qris", "pay_link", "text"]
        for entry in mapping(node, "payment_instructions") where !known.contains(entry.key.lowercased()) {
            diagnostics.append(Diagnostic(entry.keyLocation, value: entry.key, "payment_instructions: unknown field \"\(entry.key)\" (\(known.joined(separator: ", ")))"))
        }
        if let accounts = node["bank_accounts"] {
            guard let items = accounts.items else {
                diagnostics.append(Diagnostic(accounts.location, "payment_instructions.bank_accounts must be a list of {bank, account, holder}"))
                return instructions
            }
            for item in items {
                let bank = item["bank"].flatMap { scalar($0, "payment_instructions.bank_accounts.bank") } ?? ""
                let account = item["account"].flatMap { scalar($0, "payment_instructions.bank_accounts.account") } ?? ""
                let holder = item["holder"].flatMap { scalar($0, "payment_instructions.bank_accounts.holder") } ?? ""
                if bank.isEmpty || account.isEmpty || holder.isEmpty {
                    diagnostics.append(Diagnostic(item.location, "a bank account needs bank, account and holder"))
                    continue
                }
                instructions.bankAccounts.append(.init(bank: bank, account: account, holder: holder))
            }
        }
        instructions.virtualAccount = node["virtual_account"].flatMap { localText($0, "payment_instructions.virtual_account") }
        instructions.qris = node["qris"].flatMap { localText($0, "payment_instructions.qris") }
        instructions.text = node["text"].flatMap { localText($0, "payment_instructions.text") }
        if let link = node["pay_link"], let text = scalar(link, "payment_instructions.pay_link") {
            if !(text.hasPrefix("https://") || text.hasPrefix("http://")) || !text.contains("{number}") {
                diagnostics.append(Diagnostic(link.location, value: text, "payment_instructions.pay_link must be an http(s) address with {number} where the invoice number goes"))
            } else {
                instructions.payLink = text
            }
        }
        return instructions
    }

    /// One text for every language, or `{id: ..., en: ...}`.
    private mutating func localText(_ node: YAMLNode, _ name: String) -> LocalText? {
        if let text = node.scalar { return LocalText([.id: text.trimmingCharacters(), .en: text.trimmingCharacters()]) }
        var texts: [Language: String] = [:]
        for entry in mapping(node, name) {
            guard let language = Language(rawValue: entry.key.lowercased()) else {
                diagnostics.append(Diagnostic(entry.keyLocation, value: entry.key, "\(name): \"\(entry.key)\" is not a language (id, en)"))
                continue
            }
            if let text = scalar(entry.value, "\(name).\(entry.key)") { texts[language] = text }
        }
        return texts.isEmpty ? nil : LocalText(texts)
    }

    // MARK: scalars

    /// An amount of settings within `Money.largestMinorUnits`.
    static func fits(_ value: ExactDecimal, _ currency: Currency) -> Bool {
        value.fraction <= Fraction(Int128(Money.largestMinorUnits), Int128(pow10(currency.minorUnits)))
    }

    private mutating func mapping(_ node: YAMLNode, _ name: String) -> [YAMLEntry] {
        guard let entries = node.entries else {
            diagnostics.append(Diagnostic(node.location, "\(name) must be a mapping, not \(node.kindName)"))
            return []
        }
        return entries
    }

    private mutating func scalar(_ node: YAMLNode, _ name: String) -> String? {
        if node.isNull { return nil }
        guard let text = node.scalar else {
            diagnostics.append(Diagnostic(node.location, "\(name) must be a single value, not \(node.kindName)"))
            return nil
        }
        return text.trimmingCharacters()
    }

    private mutating func rate(_ node: YAMLNode, _ name: String) -> Rate? {
        guard let text = scalar(node, name) else { return nil }
        switch Rate.parse(text) {
        case .success(let rate): return rate
        case .failure(let error):
            diagnostics.append(Diagnostic(node.location, value: text, "\(name) \(error.message)"))
            return nil
        }
    }

    private mutating func integer(_ node: YAMLNode, _ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = scalar(node, name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            diagnostics.append(Diagnostic(node.location, value: text, "\(name) is not a whole number from \(range.lowerBound) to \(range.upperBound)"))
            return nil
        }
        return value
    }

    private mutating func choice<E: RawRepresentable & CaseIterable>(_ node: YAMLNode?, _ name: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let node, let text = scalar(node, name) else { return nil }
        if let value = E(rawValue: text.lowercased()) { return value }
        diagnostics.append(Diagnostic(node.location, value: text, "\(name) is not one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))"))
        return nil
    }
}

/// Durations as settings write them: `1h`, `30m`, `90s`, `1h30m`, `2d`.
enum DurationText {
    static func seconds(_ text: String) -> Int64? {
        var total: Int64 = 0
        var number: Int64?
        for character in text.lowercased() where character != " " {
            if let digit = character.wholeNumberValue, character.isASCII {
                number = (number ?? 0) * 10 + Int64(digit)
                guard number! < 1_000_000 else { return nil }
                continue
            }
            guard let value = number else { return nil }
            switch character {
            case "d": total += value * 86400
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = nil
        }
        guard number == nil, total > 0 else { return nil }
        return total
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
