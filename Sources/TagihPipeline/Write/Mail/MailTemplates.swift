import Foundation
import TagihCore
import TagihIO

/// The mail and message templates of a run: tagih's own, with any the operator put in
/// `input/templates/<language>/<name>.mustache` in their place. Text templates are rendered
/// without HTML escaping; HTML ones escape every value.
struct MailTemplates: Sendable {
    private var templates: [String: Template] = [:]

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
                    result.templates["\(language.rawValue)/\(name)"] = try Template(source)
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
                FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
                if !isDirectory.boolValue && !known.contains(relative) {
                    diagnostics.add(Diagnostic(.file("templates/" + relative),
                        "not a template tagih uses; the names are <id|en>/<\(DefaultTemplates.names.joined(separator: "|"))>.mustache"))
                }
            }
        }
        return result
    }

    /// Renders a template; HTML templates escape every value, text ones none.
    func render(_ name: String, language: Language, _ context: TemplateValue) -> String {
        templates["\(language.rawValue)/\(name)"]?.render(context, html: name.hasSuffix(".html")) ?? ""
    }
}

/// What a template can use, built from an invoice, its tenant and the operator.
enum MailContext {
    static func invoice(_ invoice: Invoice, tenant: Tenant, input: BillingInput) -> TemplateValue {
        let settings = input.settings
        let language = tenant.language
        let units = settings.currency(invoice.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: language) }
        let date = { (value: CivilDate) in DateText.format(value, language: language) }
        var context: [String: TemplateValue] = [
            "operator": operatorContext(settings),
            "tenant": tenantContext(tenant),
            "invoice": .map([
                "number": .text(invoice.number), "issue_date": .text(date(invoice.issueDate)), "due_date": .text(date(invoice.dueDate)),
                "currency": .text(invoice.currency.description), "subtotal": .text(money(invoice.subtotal)), "discount": .text(money(invoice.discount)),
                "has_discount": .flag(invoice.discount.isPositive), "voucher": .text(invoice.voucher), "tax": .text(money(invoice.tax)),
                "has_tax": .flag(invoice.tax.isPositive), "tax_rate": .text(rateText(settings.tax.effectiveRate, language: language)),
                "tax_inclusive": .flag(settings.tax.mode == .inclusive), "total": .text(money(invoice.total)),
                "total_words": .text(Terbilang.amount(invoice.total, minorUnits: units)),
                "paid": .text(money(invoice.paid)), "outstanding": .text(money(invoice.outstanding)),
            ]),
            "lines": .list(invoice.lines.map { line -> TemplateValue in
                var description = line.description
                if let (days, total) = line.prorata {
                    description += language == .id ? ": \(line.quantity) kursi tambahan, \(days) dari \(total) hari" : ": \(line.quantity) more seats, \(days) of \(total) days"
                } else if line.quantity > 1 {
                    description += language == .id ? " x \(line.quantity)" : " x \(line.quantity)"
                }
                return .map(["description": .text(description), "period": .text("\(date(line.periodStart)) - \(date(line.periodEnd))"),
                             "quantity": .text(String(line.quantity)), "months": .text(String(line.months)), "net": .text(money(line.net))])
            }),
        ]
        if let order = invoice.order {
            context["order"] = orderContext(order.pending, product: input.products[order.pending.productId], settings: settings, language: language)
        }
        return .map(context)
    }

    static func operatorContext(_ settings: Settings) -> TemplateValue {
        .map(["name": .text(settings.operator.name), "email": .text(settings.operator.email),
              "address": .text(settings.operator.address), "tax_id": .text(settings.operator.taxId)])
    }

    static func tenantContext(_ tenant: Tenant) -> TemplateValue {
        .map(["id": .text(tenant.id), "name": .text(tenant.name), "email": .text(tenant.email), "address": .text(tenant.address)])
    }

    static func orderContext(_ order: PendingOrder, product: Product?, settings: Settings, language: Language, activationCode: String? = nil) -> TemplateValue {
        var context: [String: TemplateValue] = [
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
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return (language == .id ? text.replacing(".", with: ",") : text) + "%"
    }
}
