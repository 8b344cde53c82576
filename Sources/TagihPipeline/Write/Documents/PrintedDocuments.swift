import TagihCore
import TagihIO

/// The PDFs of invoices, receipts and credit notes: the same facts as their mails, laid out
/// for print and archive, in the tenant's language. Everything arrives formatted.
enum PrintedDocuments {
    static func issuer(_ settings: Settings) -> [String] {
        var lines = [settings.operator.name]
        if !settings.operator.address.isEmpty { lines.append(settings.operator.address) }
        if !settings.operator.taxId.isEmpty { lines.append("NPWP " + settings.operator.taxId) }
        lines.append(settings.operator.email)
        return lines
    }

    static func recipient(_ tenant: Tenant) -> [String] {
        var lines = [tenant.name]
        if !tenant.address.isEmpty { lines.append(tenant.address) }
        switch tenant.taxIdentity {
        case .npwp?: lines.append("NPWP " + tenant.taxId)
        case .nik?: lines.append("NIK " + tenant.taxId)
        case nil: if !tenant.taxId.isEmpty { lines.append(tenant.taxId) }
        }
        return lines
    }

    static func lineColumns(_ labels: DocumentLabels) -> [PrintedDocument.Column] {
        [PrintedDocument.Column(labels.description, width: .remaining), PrintedDocument.Column(labels.period),
         PrintedDocument.Column(labels.quantity, alignment: .trailing), PrintedDocument.Column(labels.price, alignment: .trailing),
         PrintedDocument.Column(labels.amount, alignment: .trailing)]
    }

    static func lineRows(_ invoice: Invoice, language: Language, units: Int) -> [[String]] {
        invoice.lines.map { line in
            let period = "\(DateText.format(line.periodStart, language: language)) - \(DateText.format(line.periodEnd, language: language))"
            let price = MoneyText.format(decimal: line.unitPrice, currency: invoice.currency, minorUnits: units, language: language)
            let quantity = line.months > 1 ? "\(line.quantity) x \(line.months)" : String(line.quantity)
            return [line.description, period, quantity, price, MoneyText.format(line.net, minorUnits: units, language: language)]
        }
    }

    static func invoice(_ invoice: Invoice, tenant: Tenant, input: BillingInput) -> PrintedDocument {
        let settings = input.settings
        let language = tenant.language
        let labels = DocumentLabels(language: language)
        let units = settings.currency(invoice.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: language) }
        var facts = [PrintedDocument.Fact(labels.issueDate, DateText.format(invoice.issueDate, language: language)),
                     PrintedDocument.Fact(labels.dueDate, DateText.format(invoice.dueDate, language: language))]
        if let order = invoice.order?.pending, invoice.outstanding.isPositive, !invoice.expired {
            facts.append(.init(labels.paymentCode, order.paymentCode))
            facts.append(.init(labels.validUntil, MailContext.moment(order.expiresAt, zone: settings.zone, language: language)))
        }
        var totals = charges(invoice, settings: settings, labels: labels, units: units)
        if invoice.paid.isPositive || invoice.credited.isPositive {
            totals.append(.init(labels.paid, money(invoice.paid)))
            if invoice.credited.isPositive { totals.append(.init(labels.credited, money(invoice.credited))) }
            totals.append(.init(labels.outstanding, money(invoice.outstanding), emphasised: true))
        }
        var notes = [PrintedDocument.Note(heading: labels.inWords, Terbilang.amount(invoice.total, minorUnits: units))]
        if invoice.expired {
            notes.append(.init(labels.cancelled))
        } else if !invoice.outstanding.isPositive {
            notes.append(.init(labels.paidInFull + ". " + labels.thanks))
        } else {
            notes += paymentNotes(settings.paymentInstructions, number: invoice.number, labels: labels)
        }
        return PrintedDocument(
            title: labels.invoice, number: invoice.number, issuer: issuer(settings), recipientHeading: labels.buyer,
            recipient: recipient(tenant), facts: facts, columns: lineColumns(labels), rows: lineRows(invoice, language: language, units: units),
            totals: totals, notes: notes, footer: settings.operator.name,
            metadata: .init(title: "\(labels.invoice) \(invoice.number)", author: settings.operator.name, subject: tenant.name)
        )
    }

    /// An invoice's subtotal, discount, tax base(s) and tax, and its total: what the lines come
    /// to, on the invoice and on a receipt that lists them.
    static func charges(_ invoice: Invoice, settings: Settings, labels: DocumentLabels, units: Int) -> [PrintedDocument.Total] {
        let language = labels.language
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: language) }
        var totals = [PrintedDocument.Total(labels.subtotal, money(invoice.subtotal))]
        if invoice.discount.isPositive { totals.append(.init(labels.discount + (invoice.voucher.isEmpty ? "" : " " + invoice.voucher), "-" + money(invoice.discount))) }
        if invoice.tax.isPositive {
            let tax = TaxPresentation(invoice, settings: settings.tax, minorUnits: units)
            totals.append(.init(labels.taxBase, money(tax.base)))
            if let other = tax.otherBase, let fraction = tax.baseFraction {
                totals.append(.init(labels.otherTaxBase("\(fraction.numerator)/\(fraction.denominator)"), money(other)))
            }
            totals.append(.init(labels.vat(MailContext.rateText(tax.rate.fraction, language: language), inclusive: settings.tax.mode == .inclusive), money(invoice.tax)))
        }
        totals.append(.init(labels.total, money(invoice.total), emphasised: true))
        return totals
    }

    static func paymentNotes(_ instructions: PaymentInstructions, number: String, labels: DocumentLabels) -> [PrintedDocument.Note] {
        guard !instructions.isEmpty else { return [] }
        var lines: [String] = instructions.bankAccounts.map { labels.transfer($0.bank, $0.account, $0.holder) }
        if let text = instructions.virtualAccount?.text(labels.language) { lines.append(text) }
        if let text = instructions.qris?.text(labels.language) { lines.append(text) }
        if let link = instructions.link(for: number) { lines.append(labels.payOnline + ": " + link) }
        if let text = instructions.text?.text(labels.language) { lines.append(text) }
        return [.init(heading: labels.howToPay, lines.joined(separator: "\n"))]
    }

    /// A receipt: what was paid, when and how, against which invoice, and what is left.
    static func receipt(number: String, invoice: String, lines: Invoice?, paidAt: Instant, method: String, amount: Money,
                        outstanding: Money, activationCode: String?, tenant: Tenant, input: BillingInput) -> PrintedDocument {
        let settings = input.settings
        let language = tenant.language
        let labels = DocumentLabels(language: language)
        let units = settings.currency(amount.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: language) }
        var facts = [PrintedDocument.Fact(labels.invoiceNumber, invoice),
                     PrintedDocument.Fact(labels.paidAt, MailContext.moment(paidAt, zone: settings.zone, language: language))]
        if !method.isEmpty { facts.append(.init(labels.method, method)) }
        if let activationCode { facts.append(.init(labels.activationCode, activationCode)) }
        // With the lines listed, what they come to (tax included) stands above the amount
        // paid, so the two never seem to disagree.
        var totals = lines.map { charges($0, settings: settings, labels: labels, units: units).map { PrintedDocument.Total($0.label, $0.value) } } ?? []
        totals.append(PrintedDocument.Total(labels.amount, money(amount), emphasised: true))
        totals.append(outstanding.isPositive ? .init(labels.outstanding, money(outstanding)) : .init(labels.paidInFull, ""))
        return PrintedDocument(
            title: labels.receipt, number: number, issuer: issuer(settings), recipientHeading: labels.payer, recipient: recipient(tenant),
            facts: facts, columns: lineColumns(labels), rows: lines.map { lineRows($0, language: language, units: units) } ?? [],
            totals: totals, notes: [.init(heading: labels.inWords, Terbilang.amount(amount, minorUnits: units)), .init(labels.thanks)],
            footer: settings.operator.name,
            metadata: .init(title: "\(labels.receipt) \(number)", author: settings.operator.name, subject: tenant.name)
        )
    }

    static func creditNote(_ note: CreditNote, tenant: Tenant, input: BillingInput) -> PrintedDocument {
        let settings = input.settings
        let language = tenant.language
        let labels = DocumentLabels(language: language)
        let units = settings.currency(note.amount.currency).minorUnits
        let money = { (value: Money) in MoneyText.format(value, minorUnits: units, language: language) }
        var facts = [PrintedDocument.Fact(labels.issueDate, DateText.format(note.issueDate, language: language)),
                     PrintedDocument.Fact(labels.invoiceNumber, note.invoice)]
        if !note.reason.isEmpty { facts.append(.init(labels.reason, note.reason)) }
        var totals = [PrintedDocument.Total(labels.net, money(note.net))]
        if note.tax.isPositive { totals.append(.init((labels.language == .id ? "PPN" : "VAT"), money(note.tax))) }
        totals.append(.init(labels.total, money(note.amount), emphasised: true))
        totals.append(.init(labels.toInvoice, money(note.toInvoice)))
        if note.toCredit.isPositive { totals.append(.init(labels.toCredit, money(note.toCredit))) }
        return PrintedDocument(
            title: labels.creditNote, number: note.number, issuer: issuer(settings), recipientHeading: labels.buyer, recipient: recipient(tenant),
            facts: facts, columns: [], rows: [], totals: totals,
            notes: [.init(heading: labels.inWords, Terbilang.amount(note.amount, minorUnits: units))], footer: settings.operator.name,
            metadata: .init(title: "\(labels.creditNote) \(note.number)", author: settings.operator.name, subject: tenant.name)
        )
    }
}
