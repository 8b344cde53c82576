import Foundation
import Synchronization
import TagihCore
import TagihIO

/// A run's outbox, `outbox/<as-of>/mail/`: every document the run sends, each an `.eml` (and
/// for invoices, receipts and credit notes its PDF beside it and attached to it):
///
/// - invoices issued in the run, as they stand at its end (paid, owed, cancelled);
/// - receipts: one per order paid, one per payment applied to another invoice;
/// - credit notes and void notices;
/// - receipts and refund notices to payers of money collected for tenants;
/// - a remittance per payout sent;
/// - dunning messages of steps that rose.
///
/// File names are chosen in one pass in a fixed order, then the documents are rendered on
/// every core, each worker with its own PDF renderer: the bytes never depend on timing.
struct Outbox {
    let input: BillingInput
    let templates: MailTemplates
    let folder: String
    let secret: String?
    let pdf: Bool
    /// How many collections a remittance lists; the rest are counted.
    static let listedCollections = 25
    /// Documents are written in batches of this many, so memory follows neither the number of
    /// payments nor that of invoices.
    static let batch = 512
    /// Payouts whose remittances are made from one pass over the month's collections (which
    /// decodes only the collections of their windows: 22 passes in the bench month cost 0.5 s,
    /// where decoding every collection cost 2.5 s). Four times as many held 15 MB more lines.
    static let remittanceChunk = 4000
    private var names = MailOutput.Names()
    private(set) var count = 0
    /// One renderer per worker, kept across batches: a renderer loads its fonts once.
    private let renderers = RendererPool()

    init(input: BillingInput, templates: MailTemplates, folder: String, secret: String?) {
        self.input = input
        self.templates = templates
        self.folder = folder
        self.secret = secret
        pdf = input.settings.pdf
    }

    /// One document: where it goes and how to make it.
    enum Document: Sendable {
        case invoice(Invoice)
        case orderReceipt(PaidOrder, lines: Invoice?)
        case paymentReceipt(Payment, PaymentEffect, lines: Invoice?, outstanding: Money)
        case creditNote(CreditNote)
        case void(VoidRecord)
        case payerReceipt(CollectedPayment)
        case refund(CollectedPayment, refunded: Money)
        /// Per window; `transfer` is the one it goes out in, with the tenant's other windows of the run.
        case remittance(WindowPayout, collections: [RemittanceLine], transfer: RemittanceTransfer?)
        case dunning(DunningNotice)
        case renewal(RenewalRecord)
    }

    struct Job: Sendable {
        let path: String
        let document: Document
    }

    /// Reserves a file name for `document` and returns its job, or nil when it has no
    /// recipient (an unknown tenant, a payer without an e-mail address).
    mutating func plan(_ document: Document) -> Job? {
        let base: String
        let suffix: String
        switch document {
        case .invoice(let invoice):
            guard input.tenants.contains(invoice.tenantId) else { return nil }
            (base, suffix) = (invoice.number, "")
        case .orderReceipt(let paid, _):
            guard input.tenants.contains(paid.order.tenantId) else { return nil }
            (base, suffix) = (paid.order.invoice, ".receipt")
        case .paymentReceipt(let payment, let effect, _, _):
            // As many as the payments: named uniquely by construction, not kept in `names`.
            guard input.tenants.contains(effect.tenantId) else { return nil }
            return Job(path: folder + "/" + SafeFileName.make(effect.invoice) + "." + MailOutput.shortId(payment.id) + ".receipt.eml", document: document)
        case .creditNote(let note):
            guard input.tenants.contains(note.tenantId) else { return nil }
            (base, suffix) = (note.number, "")
        case .void(let void):
            guard input.tenants.contains(void.tenantId) else { return nil }
            (base, suffix) = (void.invoice, ".void")
        case .payerReceipt(let collection):
            guard !collection.payment.email.isEmpty, input.tenants.contains(collection.payment.tenantId) else { return nil }
            return Job(path: folder + "/" + MailOutput.shortId(collection.payment.id) + ".payer-receipt.eml", document: document)
        case .refund(let collection, _):
            guard !collection.payment.email.isEmpty, input.tenants.contains(collection.payment.tenantId) else { return nil }
            return Job(path: folder + "/" + MailOutput.shortId(collection.payment.id) + ".refund.eml", document: document)
        case .remittance(let payout, _, _):
            guard input.tenants.contains(payout.window.tenantId) else { return nil }
            (base, suffix) = (payout.reference, ".remittance")
        case .renewal(let record):
            guard input.tenants.contains(record.tenantId) else { return nil }
            (base, suffix) = (record.subscriptionId + "-" + record.end.description, ".renewal")
        case .dunning(let notice):
            guard input.tenants.contains(notice.tenantId) else { return nil }
            (base, suffix) = (notice.tenantId + "-" + notice.day.description, ".\(SafeFileName.make(notice.action))")
        }
        return Job(path: folder + "/" + names.take(base + suffix, ".eml"), document: document)
    }

    /// Renders and writes the jobs on every core.
    mutating func write(_ jobs: [Job]) throws {
        guard !jobs.isEmpty else { return }
        let input = self.input, templates = self.templates, secret = self.secret
        // With PDFs the documents are the run's longest job, and their helpers keep their
        // priority; without, they fill the time the workbooks leave.
        try Outbox.inParallel(jobs.count, renderers: pdf ? renderers : nil, helpersYield: !pdf) { index, renderer in
            let job = jobs[index]
            var (message, printed) = Outbox.compose(job.document, input: input, templates: templates, secret: secret, printed: renderer != nil)
            if let printed, let renderer {
                let rendered = try renderer.render(printed)
                let pdfPath = String(job.path.dropLast(4)) + ".pdf"
                try writeFile(pdfPath, bytes: rendered.bytes)
                message.attachments = [MailAttachment(fileName: URL(fileURLWithPath: pdfPath).lastPathComponent, bytes: rendered.bytes)]
            }
            try writeFile(job.path, bytes: message.bytes())
        }
        count += jobs.count
    }

    /// The message of a document and, for invoices, receipts and credit notes, its PDF when
    /// `printed` (without PDFs, laying out a hundred thousand pages nobody renders cost 1.5 s).
    static func compose(_ document: Document, input: BillingInput, templates: MailTemplates, secret: String?,
                        printed wanted: Bool) -> (MailMessage, PrintedDocument?) {
        switch document {
        case .invoice(let invoice):
            return (MailOutput.invoice(invoice, input: input, templates: templates),
                    wanted ? PrintedDocuments.invoice(invoice, tenant: input.tenants[invoice.tenantId]!, input: input) : nil)
        case .orderReceipt(let paid, let lines):
            let product = input.products[paid.order.productId]
            let code = product?.activation == true ? secret.map { OrderCodes.activationCode(orderId: paid.order.orderId, secret: $0) } : nil
            let printed = !wanted ? nil : PrintedDocuments.receipt(number: paid.order.invoice, invoice: paid.order.invoice, lines: lines, paidAt: paid.paidAt,
                                                                   method: "", amount: paid.total, outstanding: .zero(paid.total.currency),
                                                                   activationCode: code, tenant: input.tenants[paid.order.tenantId]!, input: input)
            return (MailOutput.receipt(paid, lines: lines, input: input, templates: templates, activationCode: code), printed)
        case .paymentReceipt(let payment, let effect, let lines, let outstanding):
            var printed: PrintedDocument?
            if wanted {
                let tenant = input.tenants[effect.tenantId]!
                printed = PrintedDocuments.receipt(number: effect.invoice + " / " + payment.id, invoice: effect.invoice, lines: lines, paidAt: payment.paidAt,
                                                   method: MailOutput.methodName(payment.method, language: tenant.language),
                                                   amount: effect.toInvoice, outstanding: outstanding, activationCode: nil, tenant: tenant, input: input)
            }
            return (MailOutput.paymentReceipt(payment, effect, lines: lines, outstanding: outstanding, input: input, templates: templates), printed)
        case .creditNote(let note):
            return (MailOutput.creditNote(note, input: input, templates: templates),
                    wanted ? PrintedDocuments.creditNote(note, tenant: input.tenants[note.tenantId]!, input: input) : nil)
        case .void(let void):
            return (MailOutput.voided(void, input: input, templates: templates), nil)
        case .payerReceipt(let collection):
            return (MailOutput.payerReceipt(collection, refunded: nil, input: input, templates: templates), nil)
        case .refund(let collection, let refunded):
            return (MailOutput.payerReceipt(collection, refunded: refunded, input: input, templates: templates), nil)
        case .remittance(let payout, let collections, let transfer):
            return (MailOutput.remittance(payout, collections: collections, transfer: transfer, input: input, templates: templates), nil)
        case .dunning(let notice):
            return (MailOutput.dunning(notice, input: input, templates: templates), nil)
        case .renewal(let record):
            return (MailOutput.renewal(record, input: input, templates: templates), nil)
        }
    }

    /// Runs `body` for 0..<count on every core, each index once, each worker with the PDF
    /// renderer of its slot (pango's font maps are not shared across threads); the first error
    /// is thrown.
    ///
    /// The workers are threads of their own, not `concurrentPerform`'s: this runs inside one
    /// of the month's output jobs, and a `concurrentPerform` nested in another runs on the
    /// calling thread alone, so the documents, the longest job, would keep one core. With
    /// `helpersYield` the helpers run at a lower priority than the calling thread, so the
    /// other output jobs (a workbook each, on one thread) keep their cores and the helpers
    /// take what they leave. Workers take the next index as they become free, so a helper
    /// given little time holds up none of the rest.
    static func inParallel(_ count: Int, renderers: RendererPool?, helpersYield: Bool = false,
                           _ body: @escaping @Sendable (Int, PDFRenderer?) throws -> Void) throws {
        let failure = Mutex<String?>(nil)
        let taken = Atomic<Int>(0)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, RendererPool.slots, count))
        let work = { @Sendable (worker: Int) in
            do {
                let renderer = try renderers?.renderer(worker)
                while true {
                    let next = taken.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard next < count, failure.withLock({ $0 == nil }) else { break }
                    try body(next, renderer)
                }
            } catch {
                failure.withLock { $0 = $0 ?? "\(error)" }
            }
        }
        let others = (1..<workers).map { worker in
            BackgroundJob {
                if helpersYield { ThreadPriority.yieldToOthers() }
                work(worker)
            }
        }
        work(0)
        for other in others { try other.wait() }
        if let message = failure.withLock({ $0 }) { throw OutputError(message) }
    }
}

/// One collection as a remittance lists it: kept small, since a run's remittances can list
/// tens of thousands of them.
struct RemittanceLine: Sendable {
    let id: String
    let paidAt: Instant
    let amount: Money
    let fee: Money
    let description: String

    init(_ collection: CollectedPayment) {
        id = collection.payment.id
        paidAt = collection.payment.paidAt
        amount = collection.payment.amount
        fee = collection.fee
        description = collection.payment.description
    }
}

/// PDF renderers by worker slot. Slot `i` is only ever used by worker `i` of a batch, and
/// batches run one after another, so no renderer is used by two threads at once.
final class RendererPool: @unchecked Sendable {
    static let slots = 8
    private var renderers: [PDFRenderer?] = Array(repeating: nil, count: RendererPool.slots)

    func renderer(_ slot: Int) throws -> PDFRenderer {
        if let renderer = renderers[slot] { return renderer }
        let renderer = try PDFRenderer()
        renderers[slot] = renderer
        return renderer
    }
}
