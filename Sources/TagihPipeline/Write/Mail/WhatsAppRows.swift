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

    /// One thing a row says, in the order the run met it: an invoice of the run still owed, or
    /// a dunning notice (its overdue invoices, then its own text). Kept as a few numbers, the
    /// invoice's number in a shared buffer and the notice as its place in the run's journal,
    /// read back when its row is written: a row of lists and a dictionary per phone took
    /// 700 MB at a million tenants; parts for each overdue invoice as well, 120 MB.
    private struct Part {
        enum Kind: UInt8 { case invoice, notice }
        // The amount first and the flags last: 32 bytes a part, 40 in the order read.
        var amount: Money
        var row: Int32
        var due: CivilDate
        /// The number's place in the buffer, or the notice's place in the run's dunning list.
        var start: UInt32
        var length: UInt16
        var kind: Kind
        var past: Bool
    }

    /// `issued` calls its argument with each invoice the run issued, as it stands now.
    static func write(_ issued: ((Invoice) throws -> Void) throws -> Void, dunning: DunningRecords, asOf: CivilDate, input: BillingInput,
                      templates: MailTemplates, path: String, findings: inout [Finding]) throws {
        let settings = input.settings
        // Each phone's row, in the order phones are met, and the tenant it was first met for;
        // rows found by phone through an index of places into `phones` (a dictionary of
        // phones took 42 MB at a million tenants).
        var rowOf = PlaceIndex()
        var phones: [String] = []
        var rowTenant: [Int32] = []
        var parts: [Part] = []
        var numbers: [UInt8] = []
        var reported: Set<String> = []
        func row(for place: Int32) -> Int32? {
            let tenant = input.tenants[place: place]
            guard !tenant.phone.isEmpty else { return nil }
            guard let phone = PhoneNumber.e164(tenant.phone) else {
                if reported.insert(tenant.id).inserted {
                    findings.append(Finding(tenant.location, value: tenant.phone, .unreadablePhone(tenant: tenant.id, useFor: "whatsapp.csv")))
                }
                return nil
            }
            let hash = phone.hashValue
            if let row = rowOf.find(hash: hash, { phones[Int($0)] == phone }) { return row }
            let row = Int32(phones.count)
            rowOf.insert(row, hash: hash) { phones[Int($0)].hashValue }
            phones.append(phone)
            rowTenant.append(place)
            return row
        }
        try issued { invoice in
            guard invoice.outstanding.isPositive, !invoice.expired, !invoice.voided, let place = input.tenants.place(of: invoice.tenantId),
                  let row = row(for: place) else { return }
            let start = UInt32(numbers.count)
            numbers.append(contentsOf: invoice.number.utf8.prefix(Int(UInt16.max)))
            parts.append(Part(amount: invoice.outstanding, row: row, due: invoice.dueDate, start: start, length: UInt16(numbers.count - Int(start)),
                              kind: .invoice, past: invoice.dueDate < asOf))
        }
        // A run over several days may raise a tenant more than once: its row says the last step.
        // (Kept by the tenant's place: a dictionary by id took 25 MB at a million tenants.)
        var latest = [Int32](repeating: -1, count: input.tenants.placeCount)
        try dunning.forEachTenant { index, tenantId in
            if let place = input.tenants.place(of: tenantId) { latest[Int(place)] = Int32(index) }
        }
        var lastNotices: [(notice: Int32, tenant: Int32)] = []
        for (place, notice) in latest.enumerated() where notice >= 0 { lastNotices.append((notice, Int32(place))) }
        latest = []
        lastNotices.sort { $0.notice < $1.notice }
        for (notice, tenant) in lastNotices {
            guard let row = row(for: tenant) else { continue }
            parts.append(Part(amount: .zero(settings.currency), row: row, due: asOf, start: UInt32(notice), length: 0, kind: .notice, past: false))
        }
        lastNotices = []
        rowOf = PlaceIndex()

        // The parts grouped by row, in the order they came (a counting sort: two numbers each).
        var first = [Int32](repeating: 0, count: phones.count + 1)
        for part in parts { first[Int(part.row) + 1] += 1 }
        for row in phones.indices { first[row + 1] += first[row] }
        var order = [Int32](repeating: 0, count: parts.count)
        var next = first
        for (index, part) in parts.enumerated() {
            order[Int(next[Int(part.row)])] = Int32(index)
            next[Int(part.row)] += 1
        }
        next = []

        func money(_ value: Money, _ language: Language) -> String {
            MoneyText.format(value, minorUnits: settings.currency(value.currency).minorUnits, language: language)
        }
        let records = try dunning.records()
        let writer = try CSVWriter(path: path, header: header, currencies: settings.currencies, guardFormulas: false)
        for (row, phone) in phones.enumerated() {
            let tenant = input.tenants[place: rowTenant[row]]
            let language = tenant.language
            var items: [String] = []
            var invoices: [String] = []
            var due: [CurrencyCode: Money] = [:]
            var earliest: CivilDate?
            var pastDue = false
            var payLink = ""
            // An invoice owed: counted once however often it is named, its pay link the first found.
            func owe(_ number: String, _ amount: Money, due date: CivilDate, past: Bool) {
                if !invoices.contains(number) {
                    invoices.append(number)
                    due[amount.currency, default: .zero(amount.currency)] += amount
                }
                earliest = min(earliest ?? date, date)
                pastDue = pastDue || past
                if payLink.isEmpty, let link = settings.paymentInstructions.link(for: number) { payLink = link }
            }
            for index in order[Int(first[row])..<Int(first[row + 1])] {
                let part = parts[Int(index)]
                switch part.kind {
                case .invoice:
                    let number = String(decoding: numbers[Int(part.start)..<Int(part.start) + Int(part.length)], as: UTF8.self)
                    let date = DateText.format(part.due, language: language)
                    items.append(language == .id
                        ? "tagihan \(number) sebesar \(money(part.amount, language)) \(part.past ? "sudah lewat jatuh tempo" : "jatuh tempo") \(date)."
                        : "invoice \(number) for \(money(part.amount, language)) \(part.past ? "was due on" : "is due on") \(date).")
                    owe(number, part.amount, due: part.due, past: part.past)
                case .notice:
                    let notice = try dunning.notice(Int(part.start), in: records)
                    for line in notice.invoices { owe(line.number, line.outstanding, due: line.dueDate, past: true) }
                    items.append(noticeText(notice, language: language, money: money))
                }
            }
            let currencies = due.keys.sorted()
            let amountDue = currencies.map { money(due[$0]!, language) }.joined(separator: " + ")
            // The machine columns carry the first currency's amount as a plain number.
            let firstDue = currencies.first.flatMap { due[$0] }
            let context: TemplateValue = .map([
                "operator": MailContext.operatorContext(settings),
                "tenant": MailContext.tenantContext(tenant),
                "items": .list(items.map { .map(["text": .text($0)]) }),
                "has_due": .flag(!due.isEmpty), "amount_due": .text(amountDue), "pay_link": .text(payLink),
            ])
            let message = templates.render("whatsapp.text", language: language, context).trimmingCharacters(in: .whitespacesAndNewlines)
            try writer.append([
                .text(phone), .text(tenant.name), .text(invoices.joined(separator: " ")), .text(firstDue?.currency.description ?? ""),
                firstDue.map(Cell.money) ?? .empty,
                earliest.map(Cell.date) ?? .empty, .text(pastDue ? "yes" : "no"), .text(payLink), .text(message),
            ])
        }
        try writer.close()
    }

    /// A dunning notice's line: the step, how many invoices are overdue and their total.
    private static func noticeText(_ notice: DunningNotice, language: Language, money: (Money, Language) -> String) -> String {
        let (title, _) = MailOutput.step(notice.action, language: language)
        let total = notice.totals.map { money($0, language) }.joined(separator: " + ")
        var text = language == .id ? "\(title): \(notice.invoices.count) tagihan lewat jatuh tempo, total \(total)."
            : "\(title): \(notice.invoices.count) overdue invoice(s), \(total) in all."
        if let pending = notice.pending, pending.isPositive {
            text += language == .id ? " Pembayaran \(money(pending, language)) sedang diproses." : " A payment of \(money(pending, language)) is being processed."
        }
        return text
    }
}
