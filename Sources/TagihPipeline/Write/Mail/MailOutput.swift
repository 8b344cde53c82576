import Foundation
import Synchronization
import TagihCore
import TagihIO

/// A run's outbox: `mail/` with one message per invoice the run issued and one receipt per
/// order paid in the run, and `whatsapp.csv`, the same invoices as bulk-sender rows.
enum MailOutput {
    /// File names for the mails of a run, chosen in order so they never depend on timing:
    /// invoice numbers made safe, `.eml` for invoices and `.receipt.eml` for receipts.
    struct Names {
        private var used: Set<String> = []

        mutating func take(_ base: String, _ suffix: String) -> String {
            var name = SafeFileName.make(base) + suffix
            var counter = 2
            while used.contains(name) { name = SafeFileName.make(base) + "-\(counter)" + suffix; counter += 1 }
            used.insert(name)
            return name
        }
    }

    /// Where each invoice's message goes, chosen in order: (invoice index, path).
    static func plan(_ invoices: [Invoice], input: BillingInput, folder: String, names: inout Names) -> [(index: Int, path: String)] {
        var planned: [(index: Int, path: String)] = []
        for (index, invoice) in invoices.enumerated() where input.tenants[invoice.tenantId] != nil {
            planned.append((index, folder + "/" + names.take(invoice.number, ".eml")))
        }
        return planned
    }

    /// The invoices' messages, rendered on every core. They show each invoice as issued.
    static func writeInvoices(_ invoices: [Invoice], planned jobs: [(index: Int, path: String)], input: BillingInput, templates: MailTemplates) throws -> Int {
        try inParallel(jobs.count) { job in
            try writeFile(jobs[job].path, bytes: invoice(invoices[jobs[job].index], input: input, templates: templates).bytes())
        }
        return jobs.count
    }

    /// One receipt per order paid in the run.
    static func writeReceipts(_ paid: [PaidOrder], input: BillingInput, templates: MailTemplates, secret: String?, folder: String, names: inout Names) throws -> Int {
        var count = 0
        for order in paid where input.tenants[order.order.tenantId] != nil {
            let path = folder + "/" + names.take(order.order.invoice, ".receipt.eml")
            try writeFile(path, bytes: receipt(order, input: input, templates: templates, secret: secret).bytes())
            count += 1
        }
        return count
    }

    /// One message per credit note and per void of the run, to the invoice's tenant.
    static func writeCorrections(_ notes: [CreditNote], voids: [VoidRecord], input: BillingInput, templates: MailTemplates, folder: String,
                                 names: inout Names) throws -> Int {
        var count = 0
        for note in notes where input.tenants[note.tenantId] != nil {
            try writeFile(folder + "/" + names.take(note.number, ".eml"), bytes: creditNote(note, input: input, templates: templates).bytes())
            count += 1
        }
        for void in voids where input.tenants[void.tenantId] != nil {
            try writeFile(folder + "/" + names.take(void.invoice, ".void.eml"), bytes: voided(void, input: input, templates: templates).bytes())
            count += 1
        }
        return count
    }

    static func creditNote(_ note: CreditNote, input: BillingInput, templates: MailTemplates) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let tenant = input.tenants[note.tenantId]!
        let units = settings.currency(note.amount.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: tenant.language) }
        let context: TemplateValue = .map([
            "operator": MailContext.operatorContext(settings),
            "tenant": MailContext.tenantContext(tenant),
            "credit_note": .map([
                "number": .text(note.number), "invoice": .text(note.invoice), "date": .text(DateText.format(note.issueDate, language: tenant.language)),
                "net": .text(money(note.net)), "tax": .text(money(note.tax)), "has_tax": .flag(note.tax.isPositive), "amount": .text(money(note.amount)),
                "amount_words": .text(Terbilang.amount(note.amount, minorUnits: units)), "reason": .text(note.reason),
                "to_invoice": .text(money(note.toInvoice)), "to_credit": .text(money(note.toCredit)), "has_credit": .flag(note.toCredit.isPositive),
            ]),
        ])
        let date = settings.zone.startOfDay(note.issueDate).adding(seconds: 8 * 3600)
        return MailMessage(
            from: from, to: MailAddress(name: tenant.name, email: tenant.email),
            subject: templates.render("creditnote.subject", language: tenant.language, context),
            date: date, utcOffsetSeconds: settings.zone.offset(at: date),
            messageId: "\(SafeFileName.make(note.number)).credit-note@\(domain)",
            text: templates.render("creditnote.text", language: tenant.language, context),
            html: templates.render("creditnote.html", language: tenant.language, context)
        )
    }

    static func voided(_ void: VoidRecord, input: BillingInput, templates: MailTemplates) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let tenant = input.tenants[void.tenantId]!
        let units = settings.currency(void.total.currency).minorUnits
        let context: TemplateValue = .map([
            "operator": MailContext.operatorContext(settings),
            "tenant": MailContext.tenantContext(tenant),
            "void": .map([
                "invoice": .text(void.invoice), "date": .text(DateText.format(void.date, language: tenant.language)),
                "total": .text(MoneyText.format(void.total, minorUnits: units, language: tenant.language)), "reason": .text(void.reason),
            ]),
        ])
        let date = settings.zone.startOfDay(void.date).adding(seconds: 8 * 3600)
        return MailMessage(
            from: from, to: MailAddress(name: tenant.name, email: tenant.email),
            subject: templates.render("void.subject", language: tenant.language, context),
            date: date, utcOffsetSeconds: settings.zone.offset(at: date),
            messageId: "\(SafeFileName.make(void.invoice)).void@\(domain)",
            text: templates.render("void.text", language: tenant.language, context),
            html: templates.render("void.html", language: tenant.language, context)
        )
    }

    /// Runs `body` for 0..<count on every core, each index once; the first error is thrown.
    static func inParallel(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
        let failure = Mutex<String?>(nil)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var next = worker
            while next < count {
                do { try body(next) } catch {
                    failure.withLock { $0 = $0 ?? "\(error)" }
                    return
                }
                next += workers
            }
        }
        if let message = failure.withLock({ $0 }) { throw OutputError(message) }
    }

    static func sender(_ settings: Settings) -> (MailAddress, String) {
        let domain = settings.operator.email.split(separator: "@").last.map(String.init) ?? "tagih.invalid"
        return (MailAddress(name: settings.operator.name, email: settings.operator.email), domain)
    }

    static func invoice(_ invoice: Invoice, input: BillingInput, templates: MailTemplates) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let tenant = input.tenants[invoice.tenantId]!
        let context = MailContext.invoice(invoice, tenant: tenant, input: input)
        let email = invoice.order?.pending.email.isEmpty == false ? invoice.order!.pending.email : tenant.email
        let date = invoice.order?.pending.createdAt ?? settings.zone.startOfDay(invoice.issueDate).adding(seconds: 8 * 3600)
        return MailMessage(
            from: from, to: MailAddress(name: tenant.name, email: email),
            subject: templates.render("invoice.subject", language: tenant.language, context),
            date: date, utcOffsetSeconds: settings.zone.offset(at: date),
            messageId: "\(SafeFileName.make(invoice.number)).invoice@\(domain)",
            text: templates.render("invoice.text", language: tenant.language, context),
            html: templates.render("invoice.html", language: tenant.language, context)
        )
    }

    static func receipt(_ paid: PaidOrder, input: BillingInput, templates: MailTemplates, secret: String?) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let tenant = input.tenants[paid.order.tenantId]!
        let product = input.products[paid.order.productId]
        let code = product?.activation == true ? secret.map { OrderCodes.activationCode(orderId: paid.order.orderId, secret: $0) } : nil
        let units = settings.currency(paid.total.currency).minorUnits
        let context: TemplateValue = .map([
            "operator": MailContext.operatorContext(settings),
            "tenant": MailContext.tenantContext(tenant),
            "invoice": .map(["number": .text(paid.order.invoice), "total": .text(MoneyText.format(paid.total, minorUnits: units, language: tenant.language)),
                             "total_words": .text(Terbilang.amount(paid.total, minorUnits: units))]),
            "order": MailContext.orderContext(paid.order, product: product, settings: settings, language: tenant.language, activationCode: code),
            "receipt": .map(["paid_at": .text(MailContext.moment(paid.paidAt, zone: settings.zone, language: tenant.language))]),
        ])
        return MailMessage(
            from: from, to: MailAddress(name: tenant.name, email: paid.order.email.isEmpty ? tenant.email : paid.order.email),
            subject: templates.render("receipt.subject", language: tenant.language, context),
            date: paid.paidAt, utcOffsetSeconds: settings.zone.offset(at: paid.paidAt),
            messageId: "\(SafeFileName.make(paid.order.invoice)).receipt@\(domain)",
            text: templates.render("receipt.text", language: tenant.language, context),
            html: templates.render("receipt.html", language: tenant.language, context)
        )
    }

    /// `whatsapp.csv`: a row per invoice of the run with money still owed, for tenants with a
    /// phone number; a number that cannot be read without guessing is reported, not guessed.
    static func writeWhatsApp(_ issued: [Invoice], standing: InvoiceStanding, input: BillingInput, templates: MailTemplates, path: String,
                              findings: inout [Finding]) throws {
        let writer = try CSVWriter(path: path, header: ["phone", "message"], currencies: input.settings.currencies)
        var reported: Set<String> = []
        for invoice in issued.lazy.map(standing.settled) where invoice.outstanding.isPositive {
            guard let tenant = input.tenants[invoice.tenantId], !tenant.phone.isEmpty else { continue }
            guard let phone = PhoneNumber.e164(tenant.phone) else {
                if reported.insert(tenant.id).inserted {
                    findings.append(Finding(tenant.location, value: tenant.phone, .unreadablePhone(tenant: tenant.id, useFor: "whatsapp.csv")))
                }
                continue
            }
            let message = templates.render("whatsapp.text", language: tenant.language, MailContext.invoice(invoice, tenant: tenant, input: input))
            try writer.append([.text(phone), .text(message.trimmingCharacters(in: .whitespacesAndNewlines))])
        }
        try writer.close()
    }
}
