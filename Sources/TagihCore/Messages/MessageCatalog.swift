/// Every reason, outcome and hold tagih reports, turned into words in one place: the rules
/// return the enums, and writers and the command line ask the catalog for their text.
public struct MessageCatalog: Sendable {
    public let language: Language
    public let currencies: Currencies

    public init(language: Language = .en, currencies: Currencies = Currencies()) {
        self.language = language
        self.currencies = currencies
    }

    /// `IDR 50000`, `USD 12.50`: plain amounts, as in logs and reasons.
    public func plain(_ money: Money) -> String {
        money.plain(minorUnits: currencies(money.currency)?.minorUnits ?? 2)
    }

    /// `Rp 50.000`, `IDR 50,000`: an amount as a reader of this language writes it, in
    /// reasons a person reads in a workbook.
    public func money(_ money: Money) -> String {
        MoneyText.format(money, minorUnits: currencies(money.currency)?.minorUnits ?? 2, language: language)
    }

    private func pick(_ id: String, _ en: String) -> String { language == .id ? id : en }

    public func text(_ reason: UnmatchedReason) -> String {
        switch reason {
        case .currencyMismatch(let invoice, let invoiceCurrency, let paymentCurrency):
            return pick("pembayaran \(paymentCurrency) untuk tagihan \(invoice), yang dalam \(invoiceCurrency)",
                        "a \(paymentCurrency) payment for invoice \(invoice), which is in \(invoiceCurrency)")
        case .unknownTenant(let tenant, let reference):
            if language == .id {
                let why = reference.isEmpty ? "" : "referensinya \"\(reference)\" tidak cocok dengan tagihan mana pun, dan "
                return "\(why)pelanggan \"\(tenant)\" tidak dikenal"
            }
            let why = reference.isEmpty ? "" : "its reference \"\(reference)\" matches no invoice, and "
            return "\(why)tenant \"\(tenant)\" is unknown"
        case .referenceMatchesNothing(let reference):
            return pick("referensinya \"\(reference)\" tidak cocok dengan tagihan mana pun dan tidak menyebut pelanggan",
                        "its reference \"\(reference)\" matches no invoice and it names no tenant")
        case .noReferenceNoTenant:
            return pick("tidak ada referensi maupun pelanggan", "it has neither a reference nor a tenant")
        }
    }

    public func text(_ refusal: VoucherRefusal) -> String {
        switch refusal {
        case .unknownCode: return pick("kode voucher tidak dikenal", "unknown voucher code")
        case .notYetValid(let from): return pick("belum berlaku sebelum \(from)", "not valid before \(from)")
        case .expired(let on): return pick("kedaluwarsa pada \(on)", "expired on \(on)")
        case .notForProduct(let product, let only):
            return pick("bukan untuk \(product) (hanya \(only.joined(separator: ", ")))", "not for \(product) (only \(only.joined(separator: ", ")))")
        case .usedUp(let limit):
            return pick("habis: sudah dipakai \(limit) kali", "used up: redeemed \(limit) time\(limit == 1 ? "" : "s") already")
        case .currencyMismatch(let voucher, let invoice):
            return pick("diskon tetap \(voucher) tidak berlaku untuk tagihan \(invoice)", "a fixed \(voucher) discount cannot apply to a \(invoice) invoice")
        }
    }

    public func text(_ reason: HoldReason) -> String {
        switch reason {
        case .tenantOnHold: return pick("pelanggan ditahan", "tenant on hold")
        case .noBankAccount: return pick("tidak ada rekening bank", "no bank account on file")
        case .nothingToPay(let balance):
            return pick("tidak ada yang dicairkan: saldonya \(money(balance))", "nothing to pay out: the balance is \(money(balance))")
        case .underMinimum(let minimum, let currency):
            let units = currencies(currency)?.minorUnits ?? 2
            let amount = money(Money(minor: minimum.exactMinorUnits(units) ?? 0, currency: currency))
            return pick("di bawah pencairan minimum \(amount)", "under the minimum payout of \(amount)")
        case .refundAfterPayout(let payment):
            return pick("pengembalian dana \(payment) setelah periodenya dicairkan", "a refund of \(payment) after its window was paid out")
        }
    }

    public func text(_ note: CollectionNote) -> String {
        switch note {
        case .noMethod: return pick("tanpa metode, jadi tanpa aturan biaya", "no method, so no fee rule")
        case .noFeeRule(let method): return pick("tidak ada aturan biaya untuk \(method)", "no fee rule for \(method)")
        case .noAppointmentFee(let tenant):
            return pick("pelanggan \(tenant) tidak punya biaya janji temu", "tenant \(tenant) has no appointment fee on file")
        case .noPatientType: return pick("jenis pasien tidak ada, jadi biaya admin tidak diketahui", "no patient type, so the admin fee is unknown")
        case .unexpectedAmount(let paid, let expected, let fee, let type, let admin):
            if language == .id {
                let kind = type == .new ? "pasien baru" : "pasien lama"
                return "dibayar \(money(paid)), seharusnya \(money(expected)) (biaya janji temu \(money(fee)) + biaya admin \(kind) \(money(admin)))"
            }
            return "paid \(money(paid)), expected \(money(expected)) (appointment fee \(money(fee)) + \(type.rawValue) admin fee \(money(admin)))"
        case .refunded(let amount): return pick("dikembalikan \(money(amount))", "refunded \(money(amount))")
        case .refundedAfterPayout:
            return pick("dikembalikan setelah periodenya dicairkan: dipotong dari pencairan berikutnya",
                        "refunded after its window was paid out: taken off the next payout")
        }
    }

    public func text(_ notes: [CollectionNote]) -> String { notes.map(text).joined(separator: "; ") }

    public func text(_ warning: RunWarning) -> String {
        switch warning {
        case .contentChanged(let kind, let id, let handledOn):
            return "\(kind.rawValue) \(id) was handled by the run of \(handledOn) with other content; the changed \(kind.rawValue) is not applied again (correct it with a change or an adjustment)"
        case .late(let record):
            return "\(record.kind.rawValue) \(record.id) is dated \(record.dated), before this run's span, and was not in any earlier export: handled now (\(record.handledAs)) and listed as late"
        case .beforeMemory(let kind, let count, let horizon):
            return "\(count) \(kind.rawValue)\(count == 1 ? " is" : "s are") dated before \(horizon), the oldest date state remembers: taken as handled by earlier runs and not looked at (the first is here)"
        case .nearDuplicate(let kind, let id, let handled):
            return "\(kind.rawValue) id \"\(id)\" differs from \"\(handled)\", handled before, only in letter case: taken as the same \(kind.rawValue) and not applied again"
        case .orderNotInvoiced(let order, let subscription):
            return "order \(order) was not invoiced: subscription \"\(subscription)\" it names no longer exists (the order that bought it lapsed unpaid)"
        case .unreadablePhone(let tenant, let useFor):
            return "phone of tenant \(tenant) cannot be read as a phone number without guessing; left out of \(useFor)"
        case .taxInvoicesSkipped(let tenant, let named, let count, let reason):
            let why: String
            switch reason {
            case .currency(let code): why = "it is in \(code), and Coretax takes rupiah only"
            case .unknownTenant: why = "its tenant is not in the tenants table"
            case .buyerWithoutTaxId: why = "the tenant has no tax_id (NPWP or NIK)"
            case .buyerWithoutAddress: why = "the tenant, known by NIK only, has no address"
            case .negativeLine: why = "it has a taxable line below zero"
            }
            let list = count > 3 ? named + " and \(count - 3) more" : named
            return "\(count == 1 ? "invoice" : "\(count) invoices") of tenant \(tenant) (\(list)) get\(count == 1 ? "s" : "") no e-Faktur record: \(why); make \(count == 1 ? "it" : "them") in Coretax by hand"
        case .payoutLeftOut(let issue):
            return issue.description + "; it stays in payouts.csv, to be paid by hand"
        case .routerLeftOut(let tenant, let file, let refusal):
            let takes = "a router script takes an IPv4 address, subnet or range, or a PPPoE user name of letters, digits and . _ - @"
            let why: String
            switch refusal {
            case .missing: why = "has no service_id"
            case .interpreted(let character):
                let shown = character.unicodeScalars.allSatisfy { (0x21..<0x7F).contains($0.value) } ? "\"\(character)\"" : "a blank, control or non-ASCII character"
                why = "has a service_id holding \(shown) (\(takes))"
            case .notAnAddress: why = "has a service_id that is not an IPv4 address, subnet or range (\(takes))"
            }
            return "tenant \(tenant) \(why); left out of \(file), to be done on the router by hand"
        }
    }

    /// Why an adjustment was refused, naming the field at fault.
    public func text(_ refusal: AdjustmentRefusal) -> String {
        switch refusal {
        case .unknownInvoice(let invoice):
            return "invoice \(invoice) is not open on file: unknown, expired, voided, or settled before what state remembers"
        case .voidOfPaidInvoice(let invoice, let paid):
            return "invoice \(invoice) cannot be voided: \(plain(paid)) was paid or credited on it; use a credit note"
        case .voidOfPendingOrder(let invoice):
            return "invoice \(invoice) cannot be voided: it is an order awaiting payment, which lapses on its own when unpaid"
        case .creditNoteAboveRemaining(let invoice, let remaining):
            return "amount is more than what is left of invoice \(invoice) after earlier credit notes, \(plain(remaining))"
        case .otherCurrency(let invoice, let invoiceCurrency, let given):
            return "amount is in \(given), but invoice \(invoice) is in \(invoiceCurrency) (give its currency in the currency column)"
        case .otherTenant(let invoice, let invoiceTenant, let given):
            return "invoice \(invoice) is tenant \(invoiceTenant)'s, not \(given)'s"
        case .beforeInvoice(let invoice, let issued):
            return "invoice \(invoice) was issued on \(issued), after the adjustment's date"
        }
    }

    /// What happened to a payment, as the Payments sheet says it.
    public func text(_ effect: PaymentEffect, _ payment: Payment) -> String {
        var text: String
        switch effect.outcome {
        case .applied: text = pick("dibayarkan ke \(effect.invoice)", "applied to \(effect.invoice)")
        case .credited:
            text = effect.invoice.isEmpty
                ? pick("semua menjadi kredit: tidak ada tagihan terbuka", "all to credit: nothing open")
                : pick("semua menjadi kredit: \(effect.invoice) sudah lunas", "all to credit: \(effect.invoice) was already paid")
        // The status itself is in its own column; Indonesian says only that it did not settle.
        case .notSettled: text = pick("belum selesai: tidak ada yang dibayarkan", "\(payment.status.rawValue): nothing applied")
        case .alreadyApplied: text = pick("sudah dibayarkan oleh run sebelumnya", "applied by an earlier run")
        case .refundReversed:
            text = effect.toInvoice.isNegative
                ? pick("pengembalian dana: \(effect.invoice) dibuka lagi", "refund: reopened \(effect.invoice)")
                : pick("pengembalian dana: dipotong dari kredit pelanggan", "refund: taken off the tenant's credit")
        case .refundedBeforeApplied: text = pick("dibayar lalu dikembalikan: tanpa efek", "paid and refunded: no effect")
        case .unmatched(let reason): text = pick("tidak cocok: ", "unmatched: ") + self.text(reason)
        case .collection: text = pick("diterima untuk pelanggan \(payment.tenantId)", "collected for tenant \(payment.tenantId)")
        }
        if effect.outcome == .applied && effect.toCredit.isPositive { text += pick("; sisanya menjadi kredit", "; the rest to credit") }
        if !effect.creditUsed.isEmpty { text += pick("; kredit dipakai untuk ", "; credit used on ") + effect.creditUsed.map(\.invoice).joined(separator: ", ") }
        if let lapsed = effect.orderLapsedAt, let order = effect.order {
            text += pick(" (pesanan \(order) sudah kedaluwarsa pada \(lapsed))", " (order \(order) had expired at \(lapsed))")
        }
        if effect.late { text += pick(" (terlambat: baru terlihat setelah harinya dijalankan)", " (late: first seen after its day was run)") }
        return text
    }
}
