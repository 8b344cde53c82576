import TagihCore

/// A counted collection as bytes, so the disbursement statement can list every one without
/// keeping them in memory: the payment's record, then its window and what was worked out.
public enum CollectionRecord {
    public static func encode(_ item: CollectedPayment, sequence: UInt64, file: UInt16, into out: inout [UInt8]) {
        PaymentRecord.encode(item.payment, sequence: sequence, file: file, previous: nil, into: &out)
        var tail: [UInt8] = []
        func put(_ value: Int64) { withUnsafeBytes(of: UInt64(bitPattern: value).littleEndian) { tail.append(contentsOf: $0) } }
        put(Int64(item.window.start.daysSinceEpoch))
        put(Int64(item.window.end.daysSinceEpoch))
        put(item.fee.minor)
        for money in [item.deposit, item.adminFee, item.laterRefund] {
            tail.append(money == nil ? 0 : 1)
            put(money?.minor ?? 0)
        }
        withUnsafeBytes(of: UInt32(item.flag.utf8.count).littleEndian) { tail.append(contentsOf: $0) }
        tail.append(contentsOf: item.flag.utf8)
        out.append(contentsOf: tail)
        withUnsafeBytes(of: UInt32(tail.count).littleEndian) { out.append(contentsOf: $0) }
    }

    public static func decode(_ bytes: UnsafeRawBufferPointer, files: [String]) -> CollectedPayment {
        let tailLength = Int(bytes.loadUnaligned(fromByteOffset: bytes.count - 4, as: UInt32.self))
        let paymentBytes = UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 4 - tailLength)])
        let payment = PaymentRecord.decode(paymentBytes, files: files).payment
        var reader = PaymentRecord.Reader(bytes: UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - 4 - tailLength)..<(bytes.count - 4)]))
        let currency = payment.amount.currency
        let start = CivilDate(daysSinceEpoch: Int32(Int64(bitPattern: reader.u64())))
        let end = CivilDate(daysSinceEpoch: Int32(Int64(bitPattern: reader.u64())))
        let fee = Money(minor: Int64(bitPattern: reader.u64()), currency: currency)
        var optional: [Money?] = []
        for _ in 0..<3 {
            let present = reader.u8() == 1
            let value = Int64(bitPattern: reader.u64())
            optional.append(present ? Money(minor: value, currency: currency) : nil)
        }
        let flag = reader.string()
        return CollectedPayment(payment: payment, window: PayoutWindow(tenantId: payment.tenantId, start: start, end: end), fee: fee,
                                deposit: optional[0], adminFee: optional[1], flag: flag, laterRefund: optional[2])
    }

    /// Collections keep the order they were counted in.
    public static func sequence(_ record: UnsafeRawBufferPointer) -> UInt64 { PaymentRecord.sequence(record) }
}
