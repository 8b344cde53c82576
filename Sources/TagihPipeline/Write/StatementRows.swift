import TagihCore

/// One run's statement rows in tenant order, read one at a time: `head` is the next row.
final class StatementRows {
    private let read: () throws -> TenantStatement?
    private(set) var head: TenantStatement?

    init(_ read: @escaping () throws -> TenantStatement?) throws {
        self.read = read
        head = try read()
    }

    convenience init(_ rows: [TenantStatement]) {
        var iterator = rows.makeIterator()
        // Reading an array cannot fail.
        try! self.init { iterator.next() }
    }

    func advance() throws { head = try read() }
}
