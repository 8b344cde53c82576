import Foundation
import Testing
import TestSupport

/// Memory follows tenants and invoices, never payment rows: ten times the payments in the
/// same month costs far less memory than holding the extra payment files would.
@Suite struct StreamingTests {
    func peakKB(_ input: URL) throws -> Int {
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let stats = input.deletingLastPathComponent().appendingPathComponent("stats.json")
        let result = try runTagih(["run", "--input", input.path, "--output", output.path, "--period", "2026-11",
                                   "--sort-memory", "8", "--stats", stats.path])
        #expect(result.status == 0, "\(result.stderr)")
        let values = try JSONSerialization.jsonObject(with: Data(contentsOf: stats)) as? [String: Int]
        return values?["peak_rss_kb"] ?? 0
    }

    @Test func twoHundredThousandPaymentsStayWithinABoundAWholeFileReadWouldExceed() throws {
        let small = try SyntheticMonth.input(payments: 20_000)
        let large = try SyntheticMonth.input(payments: 200_000)
        let extraPaymentBytes = SyntheticMonth.paymentBytes(large) - SyntheticMonth.paymentBytes(small)
        // The generated month's payment files: holding them whole would cost at least this.
        #expect(extraPaymentBytes > 30_000_000)

        let smallPeak = try peakKB(small)
        let largePeak = try peakKB(large)
        #expect(smallPeak > 0 && largePeak > 0)
        // Sorters hold 8 MB here and spill the rest; what else grows (write buffers, the
        // allocator's arenas) stays well under half of the extra payment bytes.
        let growth = (largePeak - smallPeak) * 1024
        #expect(growth < extraPaymentBytes / 2, "peak grew \(growth / 1_048_576) MB for \(extraPaymentBytes / 1_048_576) MB more payments")
    }
}
