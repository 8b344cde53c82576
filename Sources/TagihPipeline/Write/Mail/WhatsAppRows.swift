import Foundation
import TagihCore
import TagihIO

/// `whatsapp.csv`: one row per phone per run, for bulk senders. A row gathers what the run
/// sends the tenants behind that phone (invoices still owed, dunning steps) into one message,
/// with the fields template-based senders fill in beside it: name, invoices, amount due, the
/// earliest due date, whether it is past due, and the pay link. Phones are E.164 without `+`;
/// one that cannot be read without guessing is reported, not guessed.
enum WhatsAppRows {
    static let header = ["phone", "name", "invoices", "currency", "amount_due", "due_date", "past_due", "pay_link", "message"]

    struct Row {
        /// The first tenant met behind the phone, by id (not a copy of the tenant).
        let tenantId: String
        let language: Language
        var items: [String] = []
        var invoices: [String] = []
        var due: [CurrencyCode: Money] = [:]
        var earliest: CivilDate?
        var pastDue = false
        var payLink = ""
    }

    /// `issued` calls its argument with each invoice the run issued, as it stands now.
    static func write(_ issued: ((Invoice) throws -> Void) throws -> Void, dunning: [DunningNotice], asOf: CivilDate, input: BillingInput, templates: MailTemplates,
                      path: String, findings: inout [Finding]) throws {
        let settings = input.settings
        var rows: [String: Row] = [:]
        var order: [String] = []
        var reported: Set<String> = []
        func row(for tenantId: String) -> String? {
            guard let tenant = input.tenants[tenantId], !tenant.phone.isEmpty else { return nil }
            guard let phone = PhoneNumber.e164(tenant.phone) else {
                if reported.insert(tenant.id).inserted {
                    findings.append(Finding(tenant.location, value: tenant.phone, .unreadablePhone(tenant: tenant.id, useFor: "whatsapp.csv")))
                }
                return nil
            }
            if rows[phone] == nil {
                rows[phone] = Row(tenantId: tenant.id, language: tenant.language)
                order.append(phone)
            }
            return phone
        }
        func money(_ value: Money, _ language: Language) -> String {
            MoneyText.format(value, minorUnits: settings.currency(value.currency).minorUnits, language: language)
        }
        try issued { invoice in
            guard invoice.outstanding.isPositive, !invoice.expired, !invoice.voided, let phone = row(for: invoice.tenantId) else { return }
            let language = rows[phone]!.language
            let date = DateText.format(invoice.dueDate, language: language)
            let past = invoice.dueDate < asOf
            let text = language == .id
                ? "tagihan \(invoice.number) sebesar \(money(invoice.outstanding, language)) \(past ? "sudah lewat jatuh tempo" : "jatuh tempo") \(date)."
                : "invoice \(invoice.number) for \(money(invoice.outstanding, language)) \(past ? "was due on" : "is due on") \(date)."
            add(invoice.number, invoice.outstanding, invoice.dueDate, past: past, link: settings.paymentInstructions.link(for: invoice.number), text: text, to: phone)
        }
        // A run over several days may raise a tenant more than once: its row says the last step.
        var latest: [String: DunningNotice] = [:]
        for notice in dunning { latest[notice.tenantId] = notice }
        for notice in dunning where latest[notice.tenantId] == notice {
            guard let phone = row(for: notice.tenantId) else { continue }
            let language = rows[phone]!.language
            let (title, _) = MailOutput.step(notice.action, language: language)
            let total = notice.totals.map { money($0, language) }.joined(separator: " + ")
            var text = language == .id ? "\(title): \(notice.invoices.count) tagihan lewat jatuh tempo, total \(total)."
                : "\(title): \(notice.invoices.count) overdue invoice(s), \(total) in all."
            if let pending = notice.pending, pending.isPositive {
                text += language == .id ? " Pembayaran \(money(pending, language)) sedang diproses." : " A payment of \(money(pending, language)) is being processed."
            }
            for line in notice.invoices {
                add(line.number, line.outstanding, line.dueDate, past: true, link: settings.paymentInstructions.link(for: line.number), text: nil, to: phone)
            }
            rows[phone]!.items.append(text)
        }
        func add(_ number: String, _ amount: Money, _ due: CivilDate, past: Bool, link: String?, text: String?, to phone: String) {
            // Changed in place: a copy taken out and written back would copy its lists each time.
            update(&rows[phone]!)
            func update(_ row: inout Row) {
                if let text { row.items.append(text) }
                if !row.invoices.contains(number) {
                    row.invoices.append(number)
                    row.due[amount.currency, default: .zero(amount.currency)] += amount
                }
                row.earliest = min(row.earliest ?? due, due)
                row.pastDue = row.pastDue || past
                if row.payLink.isEmpty, let link { row.payLink = link }
            }
        }

        let writer = try CSVWriter(path: path, header: header, currencies: settings.currencies, guardFormulas: false)
        for phone in order {
            guard let row = rows[phone], let tenant = input.tenants[row.tenantId] else { continue }
            let language = row.language
            let due = row.due.keys.sorted().map { money(row.due[$0]!, language) }.joined(separator: " + ")
            // The machine columns carry the first currency's amount as a plain number.
            let first = row.due.keys.sorted().first.flatMap { row.due[$0] }
            let context: TemplateValue = .map([
                "operator": MailContext.operatorContext(settings),
                "tenant": MailContext.tenantContext(tenant),
                "items": .list(row.items.map { .map(["text": .text($0)]) }),
                "has_due": .flag(!row.due.isEmpty), "amount_due": .text(due), "pay_link": .text(row.payLink),
            ])
            let message = templates.render("whatsapp.text", language: language, context).trimmingCharacters(in: .whitespacesAndNewlines)
            try writer.append([
                .text(phone), .text(tenant.name), .text(row.invoices.joined(separator: " ")), .text(first?.currency.description ?? ""),
                first.map(Cell.money) ?? .empty,
                row.earliest.map(Cell.date) ?? .empty, .text(row.pastDue ? "yes" : "no"), .text(row.payLink), .text(message),
            ])
        }
        try writer.close()
    }
}
