#if canImport(Glibc)
import Glibc
#endif
import TagihCore

/// A payment as bytes, for the external sorter: a fixed header (the id's length at a known
/// place so comparisons need no decoding), the text fields, and optionally what an earlier run
/// applied of it. `files` maps the file numbers in records back to names.
public enum PaymentRecord {
    /// Offset of the id's length; the id's bytes follow it.
    static let idOffset = 8 + 8 + 8 + 8 + 8 + 1 + 4 + 1 + 1 + 1 + 2 + 4 + 4 + 4

    public static func encode(_ payment: Payment, sequence: UInt64, file: UInt16, previous: AppliedPayment?, wasOpen: Bool = false, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        put(sequence, &out)
        put(UInt64(bitPattern: payment.paidAt.seconds), &out)
        put(UInt64(bitPattern: payment.amount.minor), &out)
        put(UInt64(bitPattern: payment.refunded.minor), &out)
        put(UInt64(bitPattern: payment.fee?.minor ?? 0), &out)
        out.append(payment.fee == nil ? 0 : 1)
        put32(payment.amount.currency.packed, &out)
        out.append(UInt8(PaymentStatus.allCases.firstIndex(of: payment.status)!))
        out.append(UInt8(PaymentPurpose.allCases.firstIndex(of: payment.purpose)!))
        out.append(payment.patientType.map { $0 == .new ? 1 : 2 } ?? 0)
        put16(file, &out)
        put32(UInt32(payment.source.line), &out)
        put32(UInt32(payment.source.column), &out)
        put32(UInt32(payment.copies), &out)
        for text in [payment.id, payment.reference, payment.tenantId, payment.method, payment.description, payment.email] {
            putString(text, &out)
        }
        if let previous {
            out.append(1)
            put(UInt64(bitPattern: previous.paidAt.seconds), &out)
            put(UInt64(bitPattern: previous.received.minor), &out)
            put(UInt64(bitPattern: previous.refunded.minor), &out)
            put(UInt64(bitPattern: previous.toInvoice.minor), &out)
            put(UInt64(bitPattern: previous.toCredit.minor), &out)
            putString(previous.tenantId, &out)
            putString(previous.invoice, &out)
            out.append(UInt8(AppliedPayment.Kind.allCases.firstIndex(of: previous.kind)!))
            out.append(previous.digest == nil ? 0 : 1)
            put(previous.digest?.value ?? 0, &out)
        } else {
            out.append(0)
        }
        out.append(wasOpen ? 1 : 0)
    }

    public static func decode(_ bytes: UnsafeRawBufferPointer, files: [String]) -> (payment: Payment, previous: AppliedPayment?, wasOpen: Bool, sequence: UInt64) {
        var reader = Reader(bytes: bytes)
        let sequence = reader.u64()
        let paidAt = Instant(seconds: Int64(bitPattern: reader.u64()))
        let amount = Int64(bitPattern: reader.u64())
        let refunded = Int64(bitPattern: reader.u64())
        let fee = Int64(bitPattern: reader.u64())
        let hasFee = reader.u8() == 1
        let currency = CurrencyCode(packed: reader.u32())
        let status = PaymentStatus.allCases[Int(reader.u8())]
        let purpose = PaymentPurpose.allCases[Int(reader.u8())]
        let patient = reader.u8()
        let file = Int(reader.u16())
        let line = Int(reader.u32())
        let column = Int(reader.u32())
        let copies = Int(reader.u32())
        let id = reader.string()
        let reference = reader.string()
        let tenant = reader.string()
        let method = reader.string()
        let description = reader.string()
        let email = reader.string()
        let payment = Payment(
            id: id, status: status, paidAt: paidAt, amount: Money(minor: amount, currency: currency),
            refunded: Money(minor: refunded, currency: currency), fee: hasFee ? Money(minor: fee, currency: currency) : nil,
            reference: reference, tenantId: tenant, method: method, purpose: purpose,
            patientType: patient == 0 ? nil : (patient == 1 ? .new : .returning), description: description, email: email,
            source: SourceLocation(file: file < files.count ? files[file] : "", line: line, column: column), copies: copies
        )
        var previous: AppliedPayment?
        if reader.u8() == 1 {
            let at = Instant(seconds: Int64(bitPattern: reader.u64()))
            let received = Int64(bitPattern: reader.u64())
            let refundedBefore = Int64(bitPattern: reader.u64())
            let toInvoice = Int64(bitPattern: reader.u64())
            let toCredit = Int64(bitPattern: reader.u64())
            let previousTenant = reader.string()
            let invoice = reader.string()
            let kind = AppliedPayment.Kind.allCases[Int(reader.u8())]
            let hasDigest = reader.u8() == 1
            let digest = reader.u64()
            previous = AppliedPayment(
                id: id, paidAt: at, tenantId: previousTenant, received: Money(minor: received, currency: currency),
                refunded: Money(minor: refundedBefore, currency: currency), invoice: invoice,
                toInvoice: Money(minor: toInvoice, currency: currency), toCredit: Money(minor: toCredit, currency: currency),
                kind: kind, digest: hasDigest ? Digest(value: digest) : nil
            )
        }
        let wasOpen = reader.u8() == 1
        return (payment, previous, wasOpen, sequence)
    }

    // MARK: keys for the sorter

    static func sequence(_ record: UnsafeRawBufferPointer) -> UInt64 { record.loadUnaligned(fromByteOffset: 0, as: UInt64.self) }
    static func paidAt(_ record: UnsafeRawBufferPointer) -> Int64 { Int64(bitPattern: record.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) }

    static func id(_ record: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let length = Int(record.loadUnaligned(fromByteOffset: idOffset, as: UInt32.self))
        return UnsafeRawBufferPointer(rebasing: record[(idOffset + 4)..<(idOffset + 4 + length)])
    }

    /// The first eight bytes of the id, case-folded, big-endian, so numeric order is byte order.
    public static func idPrefix(_ record: UnsafeRawBufferPointer) -> UInt64 { IdOrder.prefix(id(record)) }

    public static func timePrefix(_ record: UnsafeRawBufferPointer) -> UInt64 {
        UInt64(bitPattern: paidAt(record)) ^ (1 << 63)
    }

    static func compareIds(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int { IdOrder.compare(a, b) }

    /// By id, then by input order: copies of one payment come out together, oldest first.
    public static func lessById(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let order = compareIds(id(a), id(b))
        return order != 0 ? order < 0 : sequence(a) < sequence(b)
    }

    /// By time paid, then by id: the order payments are applied in.
    public static func lessByTime(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let (ta, tb) = (paidAt(a), paidAt(b))
        if ta != tb { return ta < tb }
        let order = compareIds(id(a), id(b))
        return order != 0 ? order < 0 : sequence(a) < sequence(b)
    }

    public static func sameId(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        compareIds(id(a), id(b)) == 0
    }

    // MARK: bytes

    private static func put(_ value: UInt64, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func put32(_ value: UInt32, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func put16(_ value: UInt16, _ out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func putString(_ text: String, _ out: inout [UInt8]) {
        put32(UInt32(text.utf8.count), &out)
        out.append(contentsOf: text.utf8)
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var position = 0

        mutating func u8() -> UInt8 {
            defer { position += 1 }
            return bytes[position]
        }

        mutating func u16() -> UInt16 {
            defer { position += 2 }
            return UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt16.self))
        }

        mutating func u32() -> UInt32 {
            defer { position += 4 }
            return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
        }

        mutating func u64() -> UInt64 {
            defer { position += 8 }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        }

        mutating func string() -> String {
            let length = Int(u32())
            defer { position += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
        }
    }
}


/// What state remembers of a payment, as bytes for the sorter that puts them in id order
/// for `state.yaml`. The id comes first so comparisons need no decoding.
public enum AppliedPaymentRecord {
    public static func encode(_ payment: AppliedPayment, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        let id = payment.id.utf8
        withUnsafeBytes(of: UInt32(id.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: id)
        for value in [payment.paidAt.seconds, payment.received.minor, payment.refunded.minor, payment.toInvoice.minor, payment.toCredit.minor] {
            withUnsafeBytes(of: UInt64(bitPattern: value).littleEndian) { out.append(contentsOf: $0) }
        }
        withUnsafeBytes(of: payment.received.currency.packed.littleEndian) { out.append(contentsOf: $0) }
        for text in [payment.tenantId, payment.invoice] {
            withUnsafeBytes(of: UInt32(text.utf8.count).littleEndian) { out.append(contentsOf: $0) }
            out.append(contentsOf: text.utf8)
        }
        out.append(UInt8(AppliedPayment.Kind.allCases.firstIndex(of: payment.kind)!))
        out.append(payment.digest == nil ? 0 : 1)
        withUnsafeBytes(of: (payment.digest?.value ?? 0).littleEndian) { out.append(contentsOf: $0) }
    }

    public static func decode(_ bytes: UnsafeRawBufferPointer) -> AppliedPayment {
        var reader = PaymentRecord.Reader(bytes: bytes)
        let id = reader.string()
        let at = Int64(bitPattern: reader.u64())
        let received = Int64(bitPattern: reader.u64())
        let refunded = Int64(bitPattern: reader.u64())
        let toInvoice = Int64(bitPattern: reader.u64())
        let toCredit = Int64(bitPattern: reader.u64())
        let currency = CurrencyCode(packed: reader.u32())
        let tenant = reader.string()
        let invoice = reader.string()
        let kind = AppliedPayment.Kind.allCases[Int(reader.u8())]
        let hasDigest = reader.u8() == 1
        let digest = reader.u64()
        return AppliedPayment(
            id: id, paidAt: Instant(seconds: at), tenantId: tenant, received: Money(minor: received, currency: currency),
            refunded: Money(minor: refunded, currency: currency), invoice: invoice,
            toInvoice: Money(minor: toInvoice, currency: currency), toCredit: Money(minor: toCredit, currency: currency),
            kind: kind, digest: hasDigest ? Digest(value: digest) : nil
        )
    }

    static func id(_ record: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let length = Int(record.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        return UnsafeRawBufferPointer(rebasing: record[4..<(4 + length)])
    }

    public static func idPrefix(_ record: UnsafeRawBufferPointer) -> UInt64 { IdOrder.prefix(id(record)) }

    /// By id; one id appears once (a run remembers a payment once).
    public static func lessById(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        PaymentRecord.compareIds(id(a), id(b)) < 0
    }
}


/// The one order of ids everywhere they are sorted (payments while deduplicating, the
/// payments a state remembers): letter case folded first, then the exact bytes. Ids are
/// compared exactly, but two that differ only in case sort side by side, so a near-duplicate
/// is noticed instead of applied a second time.
public enum IdOrder {
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Negative, zero or positive as `a` sorts before, with or after `b`.
    public static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let folded = compareFolded(a, b)
        if folded != 0 { return folded }
        let count = min(a.count, b.count)
        if count > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, count)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    /// The comparison with letter case folded: zero for ids that differ only in case.
    public static func compareFolded(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let count = min(a.count, b.count)
        for index in 0..<count {
            let x = fold(a[index]), y = fold(b[index])
            if x != y { return Int(x) - Int(y) }
        }
        return a.count - b.count
    }

    public static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in compare(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) } }
    }

    public static func sameFolded(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in compareFolded(UnsafeRawBufferPointer(x), UnsafeRawBufferPointer(y)) == 0 } }
    }

    static func prefix(_ id: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value = value << 8 | UInt64(index < id.count ? fold(id[index]) : 0) }
        return value
    }
}
