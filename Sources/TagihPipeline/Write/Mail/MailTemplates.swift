import Foundation
import TagihCore
import TagihIO

/// The mail and message templates of a run: tagih's own, with any the operator put in
/// `input/templates/<language>/<name>.mustache` in their place. Text templates are rendered
/// without HTML escaping; HTML ones escape every value.
struct MailTemplates: Sendable {
    /// By language, then name: found without making a `"<language>/<name>"` key per document.
    private var templates: [Language: [String: Template]] = [:]

    static func load(_ folder: InputFolder, diagnostics: inout Diagnostics) -> MailTemplates {
        var result = MailTemplates()
        for language in Language.allCases {
            for name in DefaultTemplates.names {
                let relative = "templates/\(language.rawValue)/\(name).mustache"
                var source = DefaultTemplates.template(name, language: language.rawValue)
                var file = "(built-in) \(language.rawValue)/\(name)"
                if folder.hasTemplates, let text = try? String(contentsOfFile: folder.fullPath(relative), encoding: .utf8) {
                    source = text
                    file = relative
                }
                do {
                    result.templates[language, default: [:]][name] = try Template(source)
                } catch let error as TemplateError {
                    diagnostics.add(Diagnostic(SourceLocation(file: file, line: error.line, column: error.column), "template: \(error.message)"))
                } catch {
                    diagnostics.add(Diagnostic(.file(file), "template: \(error)"))
                }
            }
        }
        if folder.hasTemplates {
            // A misnamed override would be silently ignored: say so instead.
            let known = Set(Language.allCases.flatMap { language in DefaultTemplates.names.map { "\(language.rawValue)/\($0).mustache" } })
            let root = folder.fullPath("templates")
            for case let relative as String in FileManager.default.enumerator(atPath: root) ?? FileManager.default.enumerator(atPath: "/dev/null")! {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
                if exists && !isDirectory.boolValue && !known.contains(relative) {
                    diagnostics.add(Diagnostic(.file("templates/" + relative),
                        "not a template tagih uses; the names are <id|en>/<\(DefaultTemplates.names.joined(separator: "|"))>.mustache"))
                }
            }
        }
        return result
    }

    /// Renders a template; HTML templates escape every value, text ones none.
    func render(_ name: String, language: Language, _ context: TemplateValue) -> String {
        templates[language]?[name]?.render(context, html: name.hasSuffix(".html")) ?? ""
    }
}

/// What a template can use, built from an invoice, its tenant and the operator.
enum MailContext {
    /// An invoice as it stands when the run writes it: paid, outstanding, cancelled (an
    /// expired order) or void; with the seller and buyer blocks, each line's quantity and
    /// price, the tax as the tax invoice shows it, and how to pay while money is owed.
    static func invoice(_ invoice: Invoice, tenant: Tenant, input: BillingInput) -> TemplateValue {
        let settings = input.settings
        let language = tenant.language
        let units = settings.currency(invoice.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: language) }
        let date = { (value: CivilDate) in DateText.format(value, language: language) }
        let tax = TaxPresentation(invoice, settings: settings.tax, minorUnits: units)
        let payable = invoice.outstanding.isPositive && !invoice.expired && !invoice.voided
        var context: TemplateFields = [
            "operator": operatorContext(settings),
            "tenant": tenantContext(tenant),
            "invoice": .map([
                "number": .text(invoice.number), "issue_date": .text(date(invoice.issueDate)), "due_date": .text(date(invoice.dueDate)),
                "currency": .text(invoice.currency.description), "subtotal": .text(money(invoice.subtotal)), "discount": .text(money(invoice.discount)),
                "has_discount": .flag(invoice.discount.isPositive), "voucher": .text(invoice.voucher), "tax": .text(money(invoice.tax)),
                "has_tax": .flag(invoice.tax.isPositive), "tax_rate": .text(rateText(tax.rate.fraction, language: language)),
                "tax_inclusive": .flag(settings.tax.mode == .inclusive), "total": .text(money(invoice.total)),
                "dpp": .text(money(tax.base)), "has_dpp_other": .flag(tax.otherBase != nil && invoice.tax.isPositive),
                "dpp_other": .text(tax.otherBase.map(money) ?? ""),
                "dpp_fraction": .text(tax.baseFraction.map { "\($0.numerator)/\($0.denominator)" } ?? ""),
                "total_words": .text(Terbilang.amount(invoice.total, minorUnits: units)),
                "paid": .text(money(invoice.paid)), "has_paid": .flag(invoice.paid.isPositive || invoice.credited.isPositive),
                "credited": .text(money(invoice.credited)), "has_credited": .flag(invoice.credited.isPositive),
                "outstanding": .text(money(invoice.outstanding)),
                "is_paid": .flag(!invoice.outstanding.isPositive && !invoice.expired && !invoice.voided),
                "is_cancelled": .flag(invoice.expired), "is_void": .flag(invoice.voided), "is_payable": .flag(payable),
            ]),
            "lines": .list(invoice.lines.map { line -> TemplateValue in
                var description = line.description
                if let (days, total) = line.prorata {
                    description += language == .id ? ": \(line.quantity) kursi tambahan, \(days) dari \(total) hari" : ": \(line.quantity) more seats, \(days) of \(total) days"
                }
                let price = ExactDecimal(units: line.unitPrice.units, scale: line.unitPrice.scale)
                return .map(["description": .text(description), "period": .text("\(date(line.periodStart)) - \(date(line.periodEnd))"),
                             "quantity": .text(String(line.quantity)), "months": .text(String(line.months)),
                             "unit_price": .text(MoneyText.format(decimal: price, currency: invoice.currency, minorUnits: units, language: language)),
                             "net": .text(money(line.net))])
            }),
            "payment": payable ? paymentContext(settings.paymentInstructions, number: invoice.number, language: language) : .map(["any": .flag(false)]),
        ]
        if let order = invoice.order {
            context["order"] = orderContext(order.pending, product: input.products[order.pending.productId], settings: settings, language: language)
        }
        return .map(context)
    }

    /// How to pay: bank accounts, virtual account, QRIS, the pay link, a closing sentence.
    static func paymentContext(_ instructions: PaymentInstructions, number: String, language: Language) -> TemplateValue {
        .map([
            "any": .flag(!instructions.isEmpty),
            "bank_accounts": .list(instructions.bankAccounts.map { .map(["bank": .text($0.bank), "account": .text($0.account), "holder": .text($0.holder)]) }),
            "virtual_account": .text(instructions.virtualAccount?.text(language) ?? ""),
            "qris": .text(instructions.qris?.text(language) ?? ""),
            "pay_link": .text(instructions.link(for: number) ?? ""),
            "text": .text(instructions.text?.text(language) ?? ""),
        ])
    }

    static func operatorContext(_ settings: Settings) -> TemplateValue {
        .map(["name": .text(settings.operator.name), "email": .text(settings.operator.email),
              "address": .text(settings.operator.address), "tax_id": .text(settings.operator.taxId)])
    }

    static func tenantContext(_ tenant: Tenant) -> TemplateValue {
        let label: String
        switch tenant.taxIdentity {
        case .nik?: label = "NIK"
        case .npwp?: label = "NPWP"
        case nil: label = ""
        }
        return .map(["id": .text(tenant.id), "name": .text(tenant.name), "email": .text(tenant.email), "address": .text(tenant.address),
                     "tax_id": .text(tenant.taxId), "tax_label": .text(label)])
    }

    static func orderContext(_ order: PendingOrder, product: Product?, settings: Settings, language: Language, activationCode: String? = nil) -> TemplateValue {
        var context: TemplateFields = [
            "id": .text(order.orderId), "payment_code": .text(order.paymentCode), "product": .text(product?.displayName ?? order.productId),
            "expires_at": .text(moment(order.expiresAt, zone: settings.zone, language: language)),
        ]
        if let activationCode { context["activation_code"] = .text(activationCode) }
        return .map(context)
    }

    /// `19 November 2026 21:01 WIB`: Indonesia's zones by their names, others by offset.
    static func moment(_ instant: Instant, zone: Zone, language: Language) -> String {
        let offset = zone.offset(at: instant)
        let local = instant.seconds + Int64(offset)
        let day = CivilDate(daysSinceEpoch: Int32(local >= 0 ? local / 86400 : (local - 86399) / 86400))
        let seconds = Int(local - Int64(day.daysSinceEpoch) * 86400)
        let names = [25200: "WIB", 28800: "WITA", 32400: "WIT"]
        let hours = offset / 3600, minutes = abs(offset / 60 % 60)
        let label = names[offset] ?? "UTC\(offset < 0 ? "-" : "+")\(abs(hours))\(minutes > 0 ? ":\(minutes < 10 ? "0" : "")\(minutes)" : "")"
        let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(DateText.format(day, language: language)) \(two(seconds / 3600)):\(two(seconds / 60 % 60)) \(label)"
    }

    /// `11%`, `0,7%` in Indonesian.
    static func rateText(_ rate: Fraction, language: Language) -> String {
        let hundredths = (rate * Fraction(Int128(10_000))).roundedHalfUp()
        var text = ExactDecimal(units: Int64(hundredths), scale: 2).description
        while text.hasSuffix("0") && text.utf8.contains(UInt8(ascii: ".")) { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (language == .id ? text.replacing(".", with: ",") : text) + "%"
    }
}
