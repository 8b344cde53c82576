/// A payment's state in its life: pending, then paid or failed or expired, and a paid one
/// may later be refunded. When one payment is seen several times (overlapping exports, a
/// stream of notifications), the copy furthest along this order wins.
public enum PaymentStatus: String, Sendable, CaseIterable {
    case pending
    case failed
    case expired
    case paid
    case refunded

    /// Lifecycle rank: later states outrank earlier ones.
    public var rank: Int {
        switch self {
        case .pending: return 0
        case .failed, .expired: return 1
        case .paid: return 2
        case .refunded: return 3
        }
    }

    /// Whether money moved (and may since have been refunded).
    public var settles: Bool { self == .paid || self == .refunded }

    /// The same from UTF-8 bytes, ignoring ASCII case, without making a String.
    public init?(bytes: UnsafeRawBufferPointer) {
        for (word, status) in PaymentStatus.words where bytes.count == word.count {
            var same = true
            for (index, byte) in word.enumerated() {
                var other = bytes[index]
                if other >= 0x41 && other <= 0x5A { other += 0x20 }
                if other != byte { same = false; break }
            }
            if same { self = status; return }
        }
        return nil
    }

    private static let words: [([UInt8], PaymentStatus)] = {
        let table: [(String, PaymentStatus)] = [
            ("paid", .paid), ("settlement", .paid), ("capture", .paid), ("succeeded", .paid), ("success", .paid),
            ("pending", .pending), ("authorize", .pending), ("failed", .failed), ("deny", .failed), ("cancel", .failed),
            ("failure", .failed), ("canceled", .failed), ("cancelled", .failed), ("expired", .expired), ("expire", .expired),
            ("refunded", .refunded), ("refund", .refunded), ("partial_refund", .refunded),
        ]
        return table.map { (Array($0.0.utf8), $0.1) }
    }()

    /// The native table's words and the gateways' synonyms.
    public init?(word: String) {
        switch word.lowercased() {
        case "paid", "settlement", "capture", "succeeded", "success": self = .paid
        case "pending", "authorize": self = .pending
        case "failed", "deny", "cancel", "failure", "canceled", "cancelled": self = .failed
        case "expired", "expire": self = .expired
        case "refunded", "refund", "partial_refund": self = .refunded
        default: return nil
        }
    }
}

public enum PaymentPurpose: String, Sendable, CaseIterable {
    /// Pays the operator's invoices.
    case billing
    /// An online-appointment fee collected for a tenant (a clinic).
    case appointment
    /// A payment a clinician asked for during a video consultation.
    case paymentRequest = "payment_request"
}

public enum PatientType: String, Sendable, CaseIterable {
    case new
    case returning
}

/// One payment, from whichever source, in tagih's terms.
public struct Payment: Sendable, Equatable {
    public var id: String
    public var status: PaymentStatus
    /// When it was paid (or, for one never paid, created).
    public var paidAt: Instant
    public var amount: Money
    /// How much of `amount` has been refunded (the whole of it for a `refunded` one).
    public var refunded: Money
    /// The gateway's own fee, when the export gives it.
    public var fee: Money?
    public var reference: String
    public var tenantId: String
    /// Normalised method: `qris`, `bank_transfer`, `credit_card`, `gopay`, ...
    public var method: String
    public var purpose: PaymentPurpose
    public var patientType: PatientType?
    public var description: String
    public var email: String
    /// The file and line it was read from (the winning copy when seen more than once).
    public var source: SourceLocation
    /// How many rows across the inputs carried this payment.
    public var copies: Int

    public init(
        id: String, status: PaymentStatus, paidAt: Instant, amount: Money, refunded: Money? = nil, fee: Money? = nil,
        reference: String = "", tenantId: String = "", method: String = "", purpose: PaymentPurpose = .billing,
        patientType: PatientType? = nil, description: String = "", email: String = "", source: SourceLocation, copies: Int = 1
    ) {
        self.id = id
        self.status = status
        self.paidAt = paidAt
        self.amount = amount
        self.refunded = refunded ?? .zero(amount.currency)
        self.fee = fee
        self.reference = reference
        self.tenantId = tenantId
        self.method = method
        self.purpose = purpose
        self.patientType = patientType
        self.description = description
        self.email = email
        self.source = source
        self.copies = copies
    }

    /// Money the operator holds from it: the amount less refunds once it settled, else nothing.
    public var netReceived: Money {
        status.settles ? amount - refunded : .zero(amount.currency)
    }

    /// Whether `other`, a copy of the same payment, is further along than this one.
    public func isOvertaken(by other: Payment) -> Bool {
        if other.status.rank != status.rank { return other.status.rank > status.rank }
        return other.refunded.minor > refunded.minor
    }
}

extension Payment {
    /// The content that identifies what was paid: a later copy with another digest is another
    /// payment under the same id. Status and refunds are the payment's life, not its content.
    public var digest: Digest {
        var builder = DigestBuilder()
        builder.add(id)
        builder.add(amount)
        builder.add(paidAt)
        builder.add(reference)
        builder.add(tenantId)
        builder.add(purpose.rawValue)
        return builder.digest
    }
}
