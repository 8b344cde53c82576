import Foundation

/// Months made by `tagih-bench generate` for the tests that need volume: the same bytes for
/// the same sizes, made once per test process and shared.
public enum SyntheticMonth {
    /// Small tenants count, so that what grows between two months is the payments alone.
    public static let tenants = 2_000

    nonisolated(unsafe) private static var made: [Int: URL] = [:]
    private static let lock = NSLock()

    /// The input folder of a generated November 2026 with `payments` payments.
    public static func input(payments: Int) throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let folder = made[payments] { return folder }
        let folder = Paths.temporaryFolder("tagih-month-\(payments)").appendingPathComponent("input")
        let process = Process()
        process.executableURL = Paths.bench
        process.arguments = ["generate", "--out", folder.path, "--tenants", String(tenants), "--orders", String(tenants / 10),
                             "--payments", String(payments)]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GenerationFailed(status: process.terminationStatus) }
        made[payments] = folder
        return folder
    }

    /// Bytes of the payment files (native, Stripe, Midtrans) in a generated input folder.
    public static func paymentBytes(_ folder: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("payments") || $0.hasPrefix("stripe") || $0.hasPrefix("midtrans") }.reduce(0) { sum, name in
            sum + (((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path))?[.size] as? Int) ?? 0)
        }
    }

    struct GenerationFailed: Error {
        let status: Int32
    }
}
