/// Rule 6: numbers are assigned in order of (issue date, tenant id, source id), continuing the
/// sequence from state, within each run; never changed afterwards. The same inputs and state
/// always give the same numbers.
public enum InvoiceNumbering {
    public static func isOrdered(_ a: Invoice, before b: Invoice) -> Bool {
        if a.issueDate != b.issueDate { return a.issueDate < b.issueDate }
        if a.tenantId != b.tenantId { return a.tenantId < b.tenantId }
        if a.sourceId != b.sourceId { return a.sourceId < b.sourceId }
        return a.source.rawValue < b.source.rawValue
    }

    /// Sorts and numbers `invoices`; returns the next free sequence number.
    public static func assign(_ invoices: inout [Invoice], pattern: NumberPattern, next: Int) -> Int {
        invoices.sort(by: isOrdered)
        var sequence = next
        for index in invoices.indices {
            invoices[index].sequence = sequence
            invoices[index].number = pattern.format(sequence: sequence, issued: invoices[index].issueDate)
            sequence += 1
        }
        return sequence
    }
}
