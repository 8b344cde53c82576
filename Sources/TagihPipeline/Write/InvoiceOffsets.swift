import TagihCore

/// Where each invoice of a run starts in its `invoices.bin`, found by number: receipts show
/// the lines of the invoice they pay, read back one at a time. Keeps each number's hash and
/// offset, not the number: the invoice read back says which number it has, so a hash shared
/// by two numbers costs a second read, never a wrong invoice. (A dictionary by number took
/// 50 MB at a million invoices; this takes 24.)
struct InvoiceOffsets: Sendable {
    private var offsets: [Int] = []
    private var hashes: [Int] = []
    private var index = PlaceIndex()

    init() {}

    var count: Int { offsets.count }

    /// An invoice written at `offset`; a run issues each number once.
    mutating func add(_ number: String, at offset: Int) {
        let hash = number.hashValue
        do {
            // Read through a copy: the index cannot be changed while `self` is read.
            let hashes = self.hashes
            index.insert(Int32(offsets.count), hash: hash) { hashes[Int($0)] }
        }
        offsets.append(offset)
        hashes.append(hash)
    }

    /// The invoice numbered `number`, read with `read` from the offset it was written at.
    func invoice(_ number: String, read: (Int) throws -> Invoice) throws -> Invoice? {
        let hash = number.hashValue
        let hashes = self.hashes
        guard let place = index.find(hash: hash, { hashes[Int($0)] == hash }) else { return nil }
        let invoice = try read(offsets[Int(place)])
        if invoice.number == number { return invoice }
        // Another number with the same hash: every invoice with that hash is read until one is it.
        for other in hashes.indices where hashes[other] == hash && other != Int(place) {
            let invoice = try read(offsets[other])
            if invoice.number == number { return invoice }
        }
        return nil
    }
}
