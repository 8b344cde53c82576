import TagihCore

/// The words on printed documents, in the tenant's language: one place for every label of
/// an invoice, receipt or credit note PDF.
struct DocumentLabels {
    let language: Language

    private func pick(_ id: String, _ en: String) -> String { language == .id ? id : en }

    var invoice: String { pick("TAGIHAN", "INVOICE") }
    var receipt: String { pick("KUITANSI", "RECEIPT") }
    var creditNote: String { pick("NOTA KREDIT", "CREDIT NOTE") }
    var buyer: String { pick("Kepada", "Bill to") }
    var payer: String { pick("Diterima dari", "Received from") }
    var number: String { pick("Nomor", "Number") }
    var issueDate: String { pick("Tanggal", "Date") }
    var dueDate: String { pick("Jatuh tempo", "Due date") }
    var paymentCode: String { pick("Kode pembayaran", "Payment code") }
    var validUntil: String { pick("Berlaku sampai", "Valid until") }
    var invoiceNumber: String { pick("Tagihan", "Invoice") }
    var paidAt: String { pick("Dibayar", "Paid") }
    var method: String { pick("Metode", "Method") }
    var paymentId: String { pick("Nomor pembayaran", "Payment number") }
    var reason: String { pick("Alasan", "Reason") }
    var description: String { pick("Uraian", "Description") }
    var period: String { pick("Periode", "Period") }
    var quantity: String { pick("Jml", "Qty") }
    var price: String { pick("Harga", "Price") }
    var amount: String { pick("Jumlah", "Amount") }
    var subtotal: String { "Subtotal" }
    var discount: String { pick("Diskon", "Discount") }
    var taxBase: String { pick("DPP", "Tax base (DPP)") }
    func otherTaxBase(_ fraction: String) -> String { pick("DPP Nilai Lain (\(fraction))", "Other tax base (\(fraction))") }
    func vat(_ rate: String, inclusive: Bool) -> String { pick("PPN \(rate)", "VAT \(rate)") + (inclusive ? pick(" (termasuk)", " (included)") : "") }
    var total: String { "Total" }
    var paid: String { pick("Sudah dibayar", "Paid") }
    var credited: String { pick("Nota kredit", "Credit notes") }
    var outstanding: String { pick("Sisa tagihan", "Still due") }
    var paidInFull: String { pick("LUNAS", "PAID") }
    var cancelled: String { pick("DIBATALKAN: kode pembayaran pesanan ini lewat waktu; tidak ada yang perlu dibayar.",
                                 "CANCELLED: this order's payment code lapsed; nothing is to be paid.") }
    var inWords: String { pick("Terbilang", "In words") }
    var howToPay: String { pick("Cara membayar", "How to pay") }
    func transfer(_ bank: String, _ account: String, _ holder: String) -> String {
        pick("Transfer ke \(bank) \(account) a.n. \(holder)", "Transfer to \(bank) \(account) (\(holder))")
    }
    var payOnline: String { pick("Bayar daring", "Pay online") }
    var activationCode: String { pick("Kode aktivasi", "Activation code") }
    var toInvoice: String { pick("Mengurangi sisa tagihan", "Off what is due") }
    var toCredit: String { pick("Menjadi saldo kredit", "To your credit") }
    var net: String { pick("Dasar", "Net") }
    var thanks: String { pick("Terima kasih.", "Thank you.") }
}
