import TagihCore

/// Every word of the workbooks staff open, in the operator's language (`settings.locale`):
/// file titles, sheet names, column titles and the words for statuses, actions, methods and
/// sources. Writers name what they mean with the enums below and the model's own types; the
/// text is made here, and only here. Machine files (CSV headers, upload files) keep their
/// fixed English names: scripts read those.
struct WorkbookLabels {
    let language: Language

    init(_ language: Language) { self.language = language }

    private func pick(_ id: String, _ en: String) -> String { language == .id ? id : en }

    // MARK: files

    enum File {
        case invoices, payments, summary, statements, overdue, disbursements, transfers
    }

    func title(_ file: File) -> String {
        switch file {
        case .invoices: return pick("Tagihan", "Invoices")
        case .payments: return pick("Pembayaran", "Payments")
        case .summary: return pick("Ringkasan", "Summary")
        case .statements: return pick("Laporan akun pelanggan", "Statements")
        case .overdue: return pick("Tunggakan", "Overdue")
        case .disbursements: return pick("Pencairan dana", "Disbursements")
        case .transfers: return pick("Transfer yang harus dikirim", "Transfers to send")
        }
    }

    /// `November 2026`.
    func period(_ period: Period) -> String { DateText.format(period, language: language) }

    /// `per 30 November 2026`, `as of 30 November 2026`.
    func asOf(_ date: CivilDate) -> String { pick("per ", "as of ") + DateText.format(date, language: language) }

    /// The frame of a workbook's printed pages and its totals rows.
    func frame(_ file: File, period: String, settings: Settings) -> PrintFrame {
        PrintFrame(operatorName: settings.operator.name, title: title(file), period: period,
                   pageNumbers: pick("Halaman {page} dari {pages}", "Page {page} of {pages}"), total: pick("Jumlah", "Total"),
                   homeCurrency: settings.currency)
    }

    // MARK: sheets

    enum Sheet {
        case invoices, lines, vouchers, creditNotes, voids, receivables
        case payments, unmatched, credits, expiredOrders
        case byProduct, byStatus, collection, balance, late
        case statements, totals
        case overdue, aging
        case payouts, collections, deposits, held, openWindows
        case transfers
        case renewals
        case ppn
    }

    /// Sheet names stay within Excel's 31 characters and use none of `[]:*?/\`.
    func name(_ sheet: Sheet) -> String {
        switch sheet {
        case .invoices: return pick("Tagihan", "Invoices")
        case .lines: return pick("Rincian", "Lines")
        case .vouchers: return pick("Voucher", "Vouchers")
        case .creditNotes: return pick("Nota kredit", "Credit notes")
        case .voids: return pick("Pembatalan", "Voids")
        case .receivables: return pick("Piutang", "Receivables")
        case .payments: return pick("Pembayaran", "Payments")
        case .unmatched: return pick("Tidak cocok", "Unmatched")
        case .credits: return pick("Kredit", "Credits")
        case .expiredOrders: return pick("Pesanan kedaluwarsa", "Expired orders")
        case .byProduct: return pick("Per produk", "By product")
        case .byStatus: return pick("Per status", "By status")
        case .collection: return pick("Penagihan", "Collection")
        case .balance: return pick("Saldo", "Balance")
        case .late: return pick("Catatan terlambat", "Late records")
        case .statements: return pick("Laporan akun", "Statements")
        case .totals: return pick("Jumlah", "Totals")
        case .overdue: return pick("Tunggakan", "Overdue")
        case .aging: return pick("Umur piutang", "Aging")
        case .payouts: return pick("Pencairan", "Payouts")
        case .collections: return pick("Penerimaan", "Collections")
        case .deposits: return pick("Deposit", "Deposits")
        case .held: return pick("Ditahan", "Held")
        case .openWindows: return pick("Periode berjalan", "Open windows")
        case .transfers: return pick("Transfer", "Transfers")
        case .renewals: return pick("Perpanjangan", "Renewals")
        case .ppn: return "PPN"
        }
    }

    // MARK: column titles

    enum Header {
        case number, tenantId, tenantName, tenant, name, sourceId, issueDate, dueDate, currency
        case subtotal, discount, tax, total, paid, credited, outstanding, status
        case invoiceNumber, line, productId, product, description, periodStart, periodEnd, quantity, unitPrice, months, net, taxable
        case source, code, applied, reason, date, invoice, amount, offTheInvoice, toCredit, adjustmentId, voucherGivenBack
        case daysPastDue
        case windowStart, windowEnd, collectionCount, gross, refunds, gatewayFees, commission, carriedIn, payout
        case bank, bankCode, account, holder, reference, email, windows, reconciliation
        case paymentId, paidAt, purpose, patientType, method, refunded, gatewayFee, paidOutIn, note
        case patient, adminFee, deposit, booking, carriedToNextRun, grossSoFar
        case phone, address, subscriptionId, serviceId, daysOverdue, bucket, action
        case invoiceCount, tenantCount
        case fee, matchedBy, toInvoice, effect, copies, creditUsed
        case orderId, orderType, placedAt, codeLapsedAt, paymentCode, paidBeforeLapse
        case invoiced, collected, collectionRate
        case openBefore, issued, paidByPayments, paidFromCredit, expired, voided, creditNotes, openAfter
        case creditBefore, creditFromPayments, creditSpent, creditFromExpired, creditFromCreditNotes, creditAfter, check
        case kind, id, dated, handledAs
        case openingBalance, invoices, payments, writtenOff, closingBalance, openLessCreditInState
        case end, daysToEnd, renew, renewalInvoice
        case month, taxInvoices, taxBase, otherTaxBase, vat
    }

    func text(_ header: Header) -> String {
        switch header {
        case .number: return pick("Nomor", "Number")
        case .tenantId: return pick("ID pelanggan", "Tenant ID")
        case .tenantName: return pick("Nama pelanggan", "Tenant name")
        case .tenant: return pick("Pelanggan", "Tenant")
        case .name: return pick("Nama", "Name")
        case .sourceId: return pick("ID sumber", "Source ID")
        case .issueDate: return pick("Tanggal terbit", "Issue date")
        case .dueDate: return pick("Jatuh tempo", "Due date")
        case .currency: return pick("Mata uang", "Currency")
        case .subtotal: return "Subtotal"
        case .discount: return pick("Diskon", "Discount")
        case .tax: return pick("Pajak", "Tax")
        case .total: return "Total"
        case .paid: return pick("Dibayar", "Paid")
        case .credited: return pick("Dikreditkan", "Credited")
        case .outstanding: return pick("Sisa tagihan", "Outstanding")
        case .status: return "Status"
        case .invoiceNumber: return pick("Nomor tagihan", "Invoice number")
        case .line: return pick("Baris", "Line")
        case .productId: return pick("ID produk", "Product ID")
        case .product: return pick("Produk", "Product")
        case .description: return pick("Uraian", "Description")
        case .periodStart: return pick("Layanan dari", "Period start")
        case .periodEnd: return pick("Layanan sampai", "Period end")
        case .quantity: return pick("Kuantitas", "Quantity")
        case .unitPrice: return pick("Harga satuan", "Unit price")
        case .months: return pick("Bulan", "Months")
        case .net: return pick("Neto", "Net")
        case .taxable: return pick("Kena pajak", "Taxable")
        case .source: return pick("Sumber", "Source")
        case .code: return pick("Kode", "Code")
        case .applied: return pick("Dipakai", "Applied")
        case .reason: return pick("Alasan", "Reason")
        case .date: return pick("Tanggal", "Date")
        case .invoice: return pick("Tagihan", "Invoice")
        case .amount: return pick("Jumlah", "Amount")
        case .offTheInvoice: return pick("Mengurangi tagihan", "Off the invoice")
        case .toCredit: return pick("Menjadi kredit", "To credit")
        case .adjustmentId: return pick("ID penyesuaian", "Adjustment ID")
        case .voucherGivenBack: return pick("Voucher dikembalikan", "Voucher given back")
        case .daysPastDue: return pick("Hari lewat jatuh tempo", "Days past due")
        case .windowStart: return pick("Awal periode", "Window start")
        case .windowEnd: return pick("Akhir periode", "Window end")
        case .collectionCount: return pick("Transaksi", "Collections")
        case .gross: return pick("Bruto", "Gross")
        case .refunds: return pick("Pengembalian", "Refunds")
        case .gatewayFees: return pick("Biaya gateway", "Gateway fees")
        case .commission: return pick("Komisi", "Commission")
        case .carriedIn: return pick("Saldo terbawa", "Carried in")
        case .payout: return pick("Dicairkan", "Payout")
        case .bank: return "Bank"
        case .bankCode: return pick("Kode bank", "Bank code")
        case .account: return pick("Nomor rekening", "Account")
        case .holder: return pick("Atas nama", "Holder")
        case .reference: return pick("Referensi", "Reference")
        case .email: return "Email"
        case .windows: return pick("Periode", "Windows")
        case .reconciliation: return pick("Bruto = neto + biaya + komisi + pengembalian", "Gross = net + fees + commission + refunds")
        case .paymentId: return pick("ID pembayaran", "Payment ID")
        case .paidAt: return pick("Waktu bayar", "Paid at")
        case .purpose: return pick("Keperluan", "Purpose")
        case .patientType: return pick("Jenis pasien", "Patient type")
        case .method: return pick("Metode", "Method")
        case .refunded: return pick("Dikembalikan", "Refunded")
        case .gatewayFee: return pick("Biaya gateway", "Gateway fee")
        case .paidOutIn: return pick("Dicairkan dalam", "Paid out in")
        case .note: return pick("Catatan", "Note")
        case .patient: return pick("Pasien", "Patient")
        case .adminFee: return pick("Biaya admin", "Admin fee")
        case .deposit: return pick("Deposit untuk tagihan pasien", "Deposit towards the bill")
        case .booking: return pick("Pemesanan", "Booking")
        case .carriedToNextRun: return pick("Dibawa ke pencairan berikutnya", "Carried to the next run")
        case .grossSoFar: return pick("Bruto sejauh ini", "Gross so far")
        case .phone: return pick("Telepon", "Phone")
        case .address: return pick("Alamat", "Address")
        case .subscriptionId: return pick("ID langganan", "Subscription ID")
        case .serviceId: return pick("ID layanan", "Service ID")
        case .daysOverdue: return pick("Hari terlambat", "Days overdue")
        case .bucket: return pick("Umur", "Bucket")
        case .action: return pick("Tindakan", "Action")
        case .invoiceCount: return pick("Jumlah tagihan", "Invoices")
        case .tenantCount: return pick("Jumlah pelanggan", "Tenants")
        case .fee: return pick("Biaya", "Fee")
        case .matchedBy: return pick("Dicocokkan lewat", "Matched by")
        case .toInvoice: return pick("Ke tagihan", "To invoice")
        case .effect: return pick("Hasil", "Effect")
        case .copies: return pick("Salinan", "Copies")
        case .creditUsed: return pick("Kredit terpakai", "Credit used")
        case .orderId: return pick("ID pesanan", "Order ID")
        case .orderType: return pick("Jenis", "Type")
        case .placedAt: return pick("Waktu pesan", "Placed at")
        case .codeLapsedAt: return pick("Kode kedaluwarsa pada", "Code lapsed at")
        case .paymentCode: return pick("Kode pembayaran", "Payment code")
        case .paidBeforeLapse: return pick("Dibayar sebelum kedaluwarsa, kini kredit", "Paid before it lapsed, now credit")
        case .invoiced: return pick("Ditagihkan", "Invoiced")
        case .collected: return pick("Diterima", "Collected")
        case .collectionRate: return pick("Tingkat penagihan", "Collection rate")
        case .openBefore: return pick("Piutang awal", "Open before")
        case .issued: return pick("Diterbitkan", "Issued")
        case .paidByPayments: return pick("Dibayar lewat pembayaran", "Paid by payments")
        case .paidFromCredit: return pick("Dibayar dari kredit", "Paid from credit")
        case .expired: return pick("Kedaluwarsa", "Expired")
        case .voided: return pick("Dibatalkan", "Voided")
        case .creditNotes: return pick("Nota kredit", "Credit notes")
        case .openAfter: return pick("Piutang akhir", "Open after")
        case .creditBefore: return pick("Kredit awal", "Credit before")
        case .creditFromPayments: return pick("Kredit dari pembayaran", "Credit from payments")
        case .creditSpent: return pick("Kredit terpakai", "Credit spent")
        case .creditFromExpired: return pick("Kredit dari pesanan kedaluwarsa", "Credit from expired orders")
        case .creditFromCreditNotes: return pick("Kredit dari nota kredit", "Credit from credit notes")
        case .creditAfter: return pick("Kredit akhir", "Credit after")
        case .check: return pick("Pemeriksaan", "Check")
        case .kind: return pick("Jenis", "Kind")
        case .id: return "ID"
        case .dated: return pick("Bertanggal", "Dated")
        case .handledAs: return pick("Ditangani sebagai", "Handled as")
        case .openingBalance: return pick("Saldo awal", "Opening balance")
        case .invoices: return pick("Tagihan", "Invoices")
        case .payments: return pick("Pembayaran", "Payments")
        case .writtenOff: return pick("Dihapuskan", "Written off")
        case .closingBalance: return pick("Saldo akhir", "Closing balance")
        case .openLessCreditInState: return pick("Piutang dikurangi kredit menurut state", "Open less credit in state")
        case .end: return pick("Berakhir", "End")
        case .daysToEnd: return pick("Hari menuju akhir", "Days to end")
        case .renew: return pick("Perpanjangan", "Renew")
        case .renewalInvoice: return pick("Tagihan perpanjangan", "Renewal invoice")
        case .month: return pick("Bulan", "Month")
        case .taxInvoices: return pick("Faktur pajak", "Tax invoices")
        case .taxBase: return "DPP"
        case .otherTaxBase: return "DPP Nilai Lain"
        case .vat: return "PPN"
        }
    }

    /// A sheet's layout: its name and columns in this language.
    func layout(_ spec: SheetSpec) -> SheetLayout {
        SheetLayout(name: name(spec.sheet), columns: spec.columns.map { Column(text($0.header), $0.kind) }, totals: spec.totals)
    }

    // MARK: words in cells

    func word(_ status: InvoiceStatus) -> String {
        switch status {
        case .open: return pick("belum dibayar", "open")
        case .partial: return pick("dibayar sebagian", "part paid")
        case .overdue: return pick("lewat jatuh tempo", "overdue")
        case .paid: return pick("lunas", "paid")
        case .expired: return pick("kedaluwarsa", "expired")
        case .void: return pick("dibatalkan", "void")
        }
    }

    func word(_ status: PaymentStatus) -> String {
        switch status {
        case .pending: return pick("menunggu", "pending")
        case .failed: return pick("gagal", "failed")
        case .expired: return pick("kedaluwarsa", "expired")
        case .paid: return pick("dibayar", "paid")
        case .refunded: return pick("dikembalikan", "refunded")
        }
    }

    func word(_ purpose: PaymentPurpose) -> String {
        switch purpose {
        case .billing: return pick("tagihan", "billing")
        case .appointment: return pick("janji temu", "appointment")
        case .paymentRequest: return pick("permintaan pembayaran", "payment request")
        }
    }

    func word(_ type: PatientType) -> String {
        switch type {
        case .new: return pick("baru", "new")
        case .returning: return pick("lama", "returning")
        }
    }

    func word(_ route: MatchRoute) -> String {
        switch route {
        case .reference: return pick("referensi", "reference")
        case .tenant: return pick("pelanggan", "tenant")
        }
    }

    func word(_ source: InvoiceSource) -> String {
        switch source {
        case .subscription: return pick("langganan", "subscription")
        case .order: return pick("pesanan", "order")
        case .charge: return pick("biaya tambahan", "charge")
        case .consolidated: return pick("gabungan", "consolidated")
        case .change: return pick("perubahan", "change")
        case .renewal: return pick("perpanjangan", "renewal")
        }
    }

    func word(_ type: OrderType) -> String {
        switch type {
        case .new: return pick("baru", "new")
        case .renew: return pick("perpanjangan", "renewal")
        case .addQuota: return pick("tambah kuota", "add quota")
        }
    }

    func word(_ kind: RecordKind) -> String {
        switch kind {
        case .order: return pick("pesanan", "order")
        case .change: return pick("perubahan", "change")
        case .adjustment: return pick("penyesuaian", "adjustment")
        case .payment: return pick("pembayaran", "payment")
        }
    }

    func word(_ bucket: AgingBucket) -> String {
        switch bucket {
        case .days1to30: return pick("1-30 hari", "1-30 days")
        case .days31to60: return pick("31-60 hari", "31-60 days")
        case .days61to90: return pick("61-90 hari", "61-90 days")
        case .over90: return pick("lebih dari 90 hari", "over 90 days")
        }
    }

    /// Where a contract stands on the Renewals sheet.
    enum RenewalStatus {
        case withinNotice, noticeSent, invoiceIssued, renewed, lapsed
    }

    func word(_ status: RenewalStatus) -> String {
        switch status {
        case .withinNotice: return pick("dalam masa pemberitahuan", "within notice")
        case .noticeSent: return pick("pemberitahuan terkirim", "notice sent")
        case .invoiceIssued: return pick("tagihan terbit", "invoice issued")
        case .renewed: return pick("diperpanjang", "renewed")
        case .lapsed: return pick("berakhir", "lapsed")
        }
    }

    func word(_ mode: RenewMode) -> String {
        switch mode {
        case .notice: return pick("pemberitahuan", "notice")
        case .invoice: return pick("tagihan", "invoice")
        }
    }

    func yesNo(_ value: Bool) -> String { value ? pick("ya", "yes") : pick("tidak", "no") }

    /// A dunning action from `settings.dunning`: the usual ones in words, any other as the
    /// operator wrote it, underscores read as spaces.
    func action(_ action: String) -> String {
        switch action {
        case "reminder": return pick("pengingat", "reminder")
        case "final_notice": return pick("peringatan terakhir", "final notice")
        case "disconnect": return pick("pemutusan", "disconnect")
        case "suspend": return pick("penangguhan", "suspend")
        default: return action.replacing("_", with: " ")
        }
    }

    /// A payment method as exports name it (`bank_transfer`, `qris`), in words.
    func method(_ method: String) -> String {
        switch method {
        case "bank_transfer": return pick("transfer bank", "bank transfer")
        case "credit_card", "card": return pick("kartu kredit", "credit card")
        case "debit_card": return pick("kartu debit", "debit card")
        case "qris": return "QRIS"
        case "gopay": return "GoPay"
        case "shopeepay": return "ShopeePay"
        case "dana": return "DANA"
        case "ovo": return "OVO"
        case "cstore": return pick("gerai ritel", "convenience store")
        case "virtual_account", "va": return "virtual account"
        case "cash": return pick("tunai", "cash")
        default: return method.replacing("_", with: " ")
        }
    }

    // MARK: payouts

    /// A window paid out: tagih releases the transfer; whether the bank has sent it, it cannot know.
    var toSend: String { pick("siap dikirim", "to send") }
    func held(_ reason: String) -> String { pick("ditahan: ", "held: ") + reason }
    var heldWord: String { pick("ditahan", "held") }
    func openUntil(_ date: CivilDate) -> String { pick("terbuka sampai ", "open until ") + date.description }
    var reconciles: String { pick("cocok", "holds") }
    func doesNotReconcile(_ equation: String) -> String { pick("TIDAK COCOK: ", "DOES NOT RECONCILE: ") + equation }

    // MARK: checks

    var holds: String { pick("cocok", "holds") }
    var broken: String { pick("TIDAK COCOK", "BROKEN") }
    var agrees: String { pick("sesuai", "agrees") }
    var differs: String { pick("BERBEDA", "DIFFERS") }

    // MARK: charts

    func outstandingByAge(_ currency: CurrencyCode) -> String { pick("Sisa tagihan per umur (\(currency))", "Outstanding by days overdue (\(currency))") }
    func invoicedByProduct(_ currency: CurrencyCode) -> String { pick("Ditagihkan per produk (\(currency))", "Invoiced by product (\(currency))") }
}
