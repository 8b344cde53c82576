import Foundation
import Synchronization
import TagihCore
import TagihIO

/// The messages of a run's outbox, one builder per kind of document (`Outbox` decides which
/// are sent), and `whatsapp.csv`.
enum MailOutput {
    /// File names for the mails of a run, chosen in order so they never depend on timing:
    /// invoice numbers made safe, `.eml` for invoices and `.receipt.eml` for receipts.
    struct Names {
        /// A 64-bit digest of each name taken, not the name: a month's 392,000 names took 27 MB
        /// as text. Two names sharing a digest (odds of about 1 in 200 million at that size)
        /// only make the second one `-2` while it was free; names stay unique and the same run
        /// to run.
        private var used: Set<UInt64> = []

        mutating func take(_ base: String, _ suffix: String) -> String {
            let safe = SafeFileName.make(base)
            var name = safe + suffix
            var counter = 2
            while !used.insert(Names.digest(name)).inserted { name = safe + "-\(counter)" + suffix; counter += 1 }
            return name
        }

        static func digest(_ name: String) -> UInt64 {
            var builder = DigestBuilder()
            builder.add(name)
            return builder.digest.value
        }
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

    /// 16 hex digits from an id: what keeps message ids and streamed file names short and
    /// unique however long a gateway's payment ids are.
    static func shortId(_ id: String) -> String {
        var builder = DigestBuilder()
        builder.add(id)
        return builder.digest.description
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

    /// What a receipt shows of its invoice.
    static func receiptInvoice(number: String, total: Money, input: BillingInput, language: Language) -> TemplateValue {
        let units = input.settings.currency(total.currency).minorUnits
        return .map(["number": .text(number), "total": .text(MoneyText.format(total, minorUnits: units, language: language)),
                     "total_words": .text(Terbilang.amount(total, minorUnits: units))])
    }

    /// The invoice's lines, when the month's journal has the invoice.
    static func lineContext(_ invoice: Invoice?, input: BillingInput, language: Language) -> TemplateValue {
        guard let invoice else { return .list([]) }
        let units = input.settings.currency(invoice.currency).minorUnits
        return .list(invoice.lines.map { .map(["description": .text($0.description), "net": .text(MoneyText.format($0.net, minorUnits: units, language: language))]) })
    }

    /// A payment method as a customer reads it (`bank_transfer` is "transfer bank").
    static func methodName(_ method: String, language: Language) -> String {
        let names: [String: (String, String)] = [
            "bank_transfer": ("transfer bank", "bank transfer"), "credit_card": ("kartu kredit", "credit card"), "qris": ("QRIS", "QRIS"),
            "gopay": ("GoPay", "GoPay"), "shopeepay": ("ShopeePay", "ShopeePay"), "echannel": ("Mandiri Bill", "Mandiri Bill"),
            "cstore": ("gerai retail", "convenience store"), "cash": ("tunai", "cash"),
        ]
        guard let pair = names[method.lowercased()] else { return method.replacing("_", with: " ") }
        return language == .id ? pair.0 : pair.1
    }

    /// An order's receipt, with its activation code when its product has one.
    static func receipt(_ paid: PaidOrder, lines: Invoice?, input: BillingInput, templates: MailTemplates, activationCode code: String?) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let tenant = input.tenants[paid.order.tenantId]!
        let product = input.products[paid.order.productId]
        let units = settings.currency(paid.total.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: tenant.language) }
        let context: TemplateValue = .map([
            "operator": MailContext.operatorContext(settings),
            "tenant": MailContext.tenantContext(tenant),
            "invoice": receiptInvoice(number: paid.order.invoice, total: paid.total, input: input, language: tenant.language),
            "lines": lineContext(lines, input: input, language: tenant.language),
            "order": MailContext.orderContext(paid.order, product: product, settings: settings, language: tenant.language, activationCode: code),
            "receipt": .map(["paid_at": .text(MailContext.moment(paid.paidAt, zone: settings.zone, language: tenant.language)),
                             "amount": .text(money(paid.total)), "amount_words": .text(Terbilang.amount(paid.total, minorUnits: units)),
                             "method": .text(""), "is_paid": .flag(true), "outstanding": .text(money(.zero(paid.total.currency)))]),
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

    /// A receipt for a payment applied to an invoice: what it paid, how, and what is left.
    static func paymentReceipt(_ payment: Payment, _ effect: PaymentEffect, lines: Invoice?, outstanding: Money, input: BillingInput,
                               templates: MailTemplates) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let tenant = input.tenants[effect.tenantId]!
        let units = settings.currency(effect.toInvoice.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: tenant.language) }
        let context: TemplateValue = .map([
            "operator": MailContext.operatorContext(settings),
            "tenant": MailContext.tenantContext(tenant),
            "invoice": .map(["number": .text(effect.invoice)]),
            "lines": lineContext(lines, input: input, language: tenant.language),
            "receipt": .map(["paid_at": .text(MailContext.moment(payment.paidAt, zone: settings.zone, language: tenant.language)),
                             "amount": .text(money(effect.toInvoice)), "amount_words": .text(Terbilang.amount(effect.toInvoice, minorUnits: units)),
                             "method": .text(methodName(payment.method, language: tenant.language)), "is_paid": .flag(!outstanding.isPositive),
                             "outstanding": .text(money(outstanding))]),
        ])
        return MailMessage(
            from: from, to: MailAddress(name: tenant.name, email: payment.email.isEmpty ? tenant.email : payment.email),
            subject: templates.render("receipt.subject", language: tenant.language, context),
            date: payment.paidAt, utcOffsetSeconds: settings.zone.offset(at: payment.paidAt),
            messageId: "\(SafeFileName.make(effect.invoice)).\(shortId(payment.id)).receipt@\(domain)",
            text: templates.render("receipt.text", language: tenant.language, context),
            html: templates.render("receipt.html", language: tenant.language, context)
        )
    }

    /// To the payer of money collected for a tenant: a receipt, or (with `refunded`) a refund notice.
    static func payerReceipt(_ collection: CollectedPayment, refunded: Money?, input: BillingInput, templates: MailTemplates) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let payment = collection.payment
        let tenant = input.tenants[payment.tenantId]!
        let language = tenant.language
        let units = settings.currency(payment.amount.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: language) }
        let purpose: String
        switch payment.purpose {
        case .appointment: purpose = language == .id ? "biaya janji temu" : "appointment fee"
        case .paymentRequest: purpose = language == .id ? "permintaan pembayaran" : "payment request"
        case .billing: purpose = language == .id ? "pembayaran" : "payment"
        }
        let context: TemplateValue = .map([
            "operator": MailContext.operatorContext(settings),
            "tenant": MailContext.tenantContext(tenant),
            "receipt": .map(["id": .text(payment.id), "paid_at": .text(MailContext.moment(payment.paidAt, zone: settings.zone, language: language)),
                             "amount": .text(money(payment.amount)), "method": .text(methodName(payment.method, language: language)),
                             "purpose": .text(purpose), "description": .text(payment.description),
                             "refunded": .text(money(refunded ?? .zero(payment.amount.currency)))]),
        ])
        let kind = refunded == nil ? "payer_receipt" : "refund"
        let date = refunded == nil ? payment.paidAt : payment.paidAt.adding(seconds: 1)
        return MailMessage(
            from: from, to: MailAddress(name: "", email: payment.email),
            subject: templates.render("\(kind).subject", language: language, context),
            date: date, utcOffsetSeconds: settings.zone.offset(at: date),
            messageId: "\(shortId(payment.id)).\(kind.replacing("_", with: "-"))@\(domain)",
            text: templates.render("\(kind).text", language: language, context),
            html: templates.render("\(kind).html", language: language, context)
        )
    }

    /// To a tenant for each window paid out: what it contains, collection by collection, and
    /// the transfer it goes out in (its reference is what the bank statement shows; with
    /// several windows of the run, the transfer's total).
    static func remittance(_ payout: WindowPayout, collections: [RemittanceLine], transfer: RemittanceTransfer?, input: BillingInput,
                           templates: MailTemplates) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let tenant = input.tenants[payout.window.tenantId]!
        let language = tenant.language
        let units = settings.currency(payout.amount.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: language) }
        let context: TemplateValue = .map([
            "operator": MailContext.operatorContext(settings),
            "tenant": MailContext.tenantContext(tenant),
            "payout": .map([
                "reference": .text(payout.reference), "start": .text(DateText.format(payout.window.start, language: language)),
                "end": .text(DateText.format(payout.window.end, language: language)), "collections": .text(String(payout.sums.collections)),
                "gross": .text(money(payout.sums.gross)), "refunds": .text(money(payout.sums.refunds)), "fees": .text(money(payout.sums.fees)),
                "commission": .text(money(payout.commission)), "net": .text(money(payout.net)), "carried_in": .text(money(payout.carriedIn)),
                "has_carried": .flag(!payout.carriedIn.isZero), "amount": .text(money(payout.amount)),
                "has_more": .flag(payout.sums.collections > collections.count), "more": .text(String(max(0, payout.sums.collections - collections.count))),
                "bank": .text(tenant.bank?.code ?? ""), "account": .text(tenant.bank?.account ?? ""), "holder": .text(tenant.bank?.holder ?? ""),
                "transfer": .text(transfer?.reference ?? payout.reference), "transfer_amount": .text(money(transfer?.amount ?? payout.amount)),
                "transfer_windows": .text(String(transfer?.windows ?? 1)), "combined": .flag((transfer?.windows ?? 1) > 1),
            ]),
            "collections": .list(collections.map { line in
                .map(["id": .text(line.id), "paid_at": .text(MailContext.moment(line.paidAt, zone: settings.zone, language: language)),
                      "amount": .text(money(line.amount)), "fee": .text(money(line.fee)), "description": .text(line.description)])
            }),
        ])
        let date = settings.zone.startOfDay(payout.window.end.adding(days: 1)).adding(seconds: 8 * 3600)
        return MailMessage(
            from: from, to: MailAddress(name: tenant.name, email: tenant.email),
            subject: templates.render("remittance.subject", language: language, context),
            date: date, utcOffsetSeconds: settings.zone.offset(at: date),
            messageId: "\(SafeFileName.make(payout.reference)).remittance@\(domain)",
            text: templates.render("remittance.text", language: language, context),
            html: templates.render("remittance.html", language: language, context)
        )
    }

    /// A step's title and opening sentence, in the tenant's language; the three usual steps
    /// by name, any other by its action word.
    static func step(_ action: String, language: Language) -> (title: String, intro: String) {
        switch (action, language) {
        case ("reminder", .id): return ("Pengingat pembayaran", "Kami mengingatkan bahwa tagihan berikut telah lewat jatuh tempo.")
        case ("reminder", .en): return ("Payment reminder", "This is a reminder that the following invoices are past their due date.")
        case ("final_notice", .id): return ("Pemberitahuan terakhir", "Tagihan berikut belum dibayar. Mohon segera lunasi agar layanan tidak terhenti.")
        case ("final_notice", .en): return ("Final notice", "The following invoices are still unpaid. Please pay now so that your service is not interrupted.")
        case ("disconnect", .id): return ("Pemberitahuan pemutusan layanan", "Karena tagihan berikut belum dibayar, layanan Anda kami hentikan sementara sampai tagihan dilunasi.")
        case ("disconnect", .en): return ("Notice of disconnection", "As the following invoices are unpaid, your service is suspended until they are paid.")
        default:
            let words = action.replacing("_", with: " ")
            return (words.prefix(1).uppercased() + words.dropFirst(),
                    language == .id ? "Tagihan berikut telah lewat jatuh tempo." : "The following invoices are past their due date.")
        }
    }

    static func dunning(_ notice: DunningNotice, input: BillingInput, templates: MailTemplates) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let tenant = input.tenants[notice.tenantId]!
        let language = tenant.language
        let money = { (value: Money) in MoneyText.format(value, minorUnits: settings.currency(value.currency).minorUnits, language: language) }
        let (title, intro) = step(notice.action, language: language)
        let context: TemplateValue = .map([
            "operator": MailContext.operatorContext(settings),
            "tenant": MailContext.tenantContext(tenant),
            "step": .map(["action": .text(notice.action), "title": .text(title), "intro": .text(intro)]),
            "invoices": .list(notice.invoices.map { line in
                .map(["number": .text(line.number), "due_date": .text(DateText.format(line.dueDate, language: language)),
                      "days": .text(String(line.daysOverdue)), "outstanding": .text(money(line.outstanding))])
            }),
            "dunning": .map(["count": .text(String(notice.invoices.count)), "total": .text(notice.totals.map(money).joined(separator: " + ")),
                             "has_pending": .flag(notice.pending?.isPositive ?? false), "pending": .text(notice.pending.map(money) ?? "")]),
            "payment": MailContext.paymentContext(settings.paymentInstructions, number: notice.invoices.first?.number ?? "", language: language),
        ])
        let date = settings.zone.startOfDay(notice.day.adding(days: 1)).adding(seconds: 8 * 3600)
        return MailMessage(
            from: from, to: MailAddress(name: tenant.name, email: tenant.email),
            subject: templates.render("dunning.subject", language: language, context),
            date: date, utcOffsetSeconds: settings.zone.offset(at: date),
            messageId: "\(SafeFileName.make(tenant.id + "-" + notice.day.description + "-" + notice.action)).dunning@\(domain)",
            text: templates.render("dunning.text", language: language, context),
            html: templates.render("dunning.html", language: language, context)
        )
    }

    /// A contract's end coming (rule 11): a notice, or the covering mail of a renewal invoice.
    static func renewal(_ record: RenewalRecord, input: BillingInput, templates: MailTemplates) -> MailMessage {
        let settings = input.settings
        let (from, domain) = sender(settings)
        let tenant = input.tenants[record.tenantId]!
        let language = tenant.language
        let subscription = input.subscriptionPlace(record.subscriptionId).map { input.subscriptions[$0] }
        let product = subscription.flatMap { input.products[$0.productId] }
        let nextEnd = record.end.adding(days: 1).adding(months: subscription?.termMonths ?? 1).adding(days: -1)
        let context: TemplateValue = .map([
            "operator": MailContext.operatorContext(settings),
            "tenant": MailContext.tenantContext(tenant),
            "renewal": .map([
                "subscription": .text(record.subscriptionId), "product": .text(product?.displayName ?? record.subscriptionId),
                "end": .text(DateText.format(record.end, language: language)), "next_end": .text(DateText.format(nextEnd, language: language)),
                "has_invoice": .flag(!record.invoice.isEmpty), "invoice": .text(record.invoice),
            ]),
        ])
        let date = settings.zone.startOfDay(record.day).adding(seconds: 8 * 3600)
        return MailMessage(
            from: from, to: MailAddress(name: tenant.name, email: tenant.email),
            subject: templates.render("renewal.subject", language: language, context),
            date: date, utcOffsetSeconds: settings.zone.offset(at: date),
            messageId: "\(SafeFileName.make(record.subscriptionId + "-" + record.end.description)).renewal@\(domain)",
            text: templates.render("renewal.text", language: language, context),
            html: templates.render("renewal.html", language: language, context)
        )
    }
}
