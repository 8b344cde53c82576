import Foundation
import Mustache
import TagihCore
import TagihIO

/// The mail and message templates of a run: tagih's own, with any the operator put in
/// `input/templates/<language>/<name>.mustache` in their place. Text templates are rendered
/// without HTML escaping; HTML ones escape every value.
struct MailTemplates: Sendable {
    private var templates: [String: MustacheTemplate] = [:]
    /// The pragma that turns escaping off, put before every text template.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

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
                let isText = !name.hasSuffix(".html")
                do {
                    result.templates["\(language.rawValue)/\(name)"] = try MustacheTemplate(string: (isText ? textPragma : "") + source)
                } catch let error as MustacheTemplate.ParserError {
                    let pragmaShift = isText && error.context.lineNumber == 1 ? textPragma.count : 0
                    diagnostics.add(Diagnostic(SourceLocation(file: file, line: error.context.lineNumber, column: max(1, error.context.columnNumber - pragmaShift)),
                                               value: error.context.line, "template: \(error.error)"))
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

    func render(_ name: String, language: Language, _ context: [String: Any]) -> String {
        templates["\(language.rawValue)/\(name)"]?.render(context) ?? ""
    }
}

/// What a template can use, built from an invoice, its tenant and the operator.
enum MailContext {
    static func invoice(_ invoice: Invoice, tenant: Tenant, input: BillingInput) -> [String: Any] {
        let settings = input.settings
        let language = tenant.language
        let units = settings.currency(invoice.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: language) }
        let date = { (value: CivilDate) in DateText.format(value, language: language) }
        var context: [String: Any] = [
            "operator": operatorContext(settings),
            "tenant": ["id": tenant.id, "name": tenant.name, "email": tenant.email, "address": tenant.address],
            "invoice": [
                "number": invoice.number, "issue_date": date(invoice.issueDate), "due_date": date(invoice.dueDate),
                "currency": invoice.currency.description, "subtotal": money(invoice.subtotal), "discount": money(invoice.discount),
                "has_discount": invoice.discount.isPositive, "voucher": invoice.voucher, "tax": money(invoice.tax),
                "has_tax": invoice.tax.isPositive, "tax_rate": rateText(settings.tax.effectiveRate, language: language),
                "tax_inclusive": settings.tax.mode == .inclusive, "total": money(invoice.total),
                "total_words": Terbilang.amount(invoice.total, minorUnits: units),
                "paid": money(invoice.paid), "outstanding": money(invoice.outstanding),
            ] as [String: Any],
            "lines": invoice.lines.map { line -> [String: Any] in
                var description = line.description
                if let (days, total) = line.prorata {
                    description += language == .id ? ": \(line.quantity) kursi tambahan, \(days) dari \(total) hari" : ": \(line.quantity) more seats, \(days) of \(total) days"
                } else if line.quantity > 1 {
                    description += language == .id ? " x \(line.quantity)" : " x \(line.quantity)"
                }
                return ["description": description, "period": "\(date(line.periodStart)) - \(date(line.periodEnd))",
                        "quantity": line.quantity, "months": line.months, "net": money(line.net)]
            },
        ]
        if let order = invoice.order {
            context["order"] = orderContext(order.pending, product: input.products[order.pending.productId], settings: settings, language: language)
        }
        return context
    }

    static func operatorContext(_ settings: Settings) -> [String: Any] {
        ["name": settings.operator.name, "email": settings.operator.email, "address": settings.operator.address, "tax_id": settings.operator.taxId]
    }

    static func orderContext(_ order: PendingOrder, product: Product?, settings: Settings, language: Language, activationCode: String? = nil) -> [String: Any] {
        var context: [String: Any] = [
            "id": order.orderId, "payment_code": order.paymentCode, "product": product?.displayName ?? order.productId,
            "expires_at": moment(order.expiresAt, zone: settings.zone, language: language),
        ]
        if let activationCode { context["activation_code"] = activationCode }
        return context
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
