import Foundation
import Testing
import TestSupport

/// Runs at any cadence give one result: the sample month run every day, each day on the
/// exports as they stood at its end, gives the month folder one run of the whole month gives.
@Suite struct CadenceTests {
    static let sample = Paths.root.appendingPathComponent("input")

    /// The sample's exports as they stood at the end of `day`: rows dated later are blanked
    /// (readers skip blank lines), so every other row keeps its line number.
    static func cut(to day: Int, into folder: URL, keepState: Bool) throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let limit = String(format: "2026-11-%02d", day)
        for name in try FileManager.default.contentsOfDirectory(atPath: sample.path).sorted() {
            let source = sample.appendingPathComponent(name)
            if name == "state.yaml" && !keepState { continue }
            let text = try String(contentsOf: source, encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The day each row is dated, in Jakarta: a column that comes before any quoted field.
            let dated: ((String) -> String)?
            switch name {
            case "payments.csv": dated = { String($0.split(separator: ",")[1].prefix(10)) }
            case "orders.csv": dated = { String($0.split(separator: ",")[4].prefix(10)) }
            case let stripe where stripe.hasPrefix("stripe"): dated = { jakartaDay(utc: String($0.split(separator: ",")[1])) }
            case let midtrans where midtrans.hasPrefix("midtrans"):
                dated = { line in
                    let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                    return String(((object["settlement_time"] ?? object["transaction_time"]) as! String).prefix(10))
                }
            default: dated = nil
            }
            if let dated {
                let first = name.hasSuffix(".csv") ? 1 : 0
                for index in lines.indices.dropFirst(first) where !lines[index].isEmpty && dated(lines[index]) > limit { lines[index] = "" }
            }
            try lines.joined(separator: "\n").write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
    }

    /// The Jakarta date of a UTC time written `2026-11-10 13:22:41`.
    static func jakartaDay(utc text: String) -> String {
        let hour = Int(text.dropFirst(11).prefix(2))!
        let date = String(text.prefix(10))
        guard hour + 7 >= 24 else { return date }
        var day = Int(date.suffix(2))! + 1
        var month = Int(date.dropFirst(5).prefix(2))!
        if day > [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] { day = 1; month += 1 }
        return String(format: "%@-%02d-%02d", String(date.prefix(4)), month, day)
    }

    @Test func theSampleMonthDayByDayIsTheSampleMonthInOneGo() throws {
        let base = Paths.temporaryFolder("tagih-cadence")
        defer { try? FileManager.default.removeItem(at: base) }
        let monthly = base.appendingPathComponent("monthly/2026-11")
        let whole = try runTagih(["run", "--input", Self.sample.path, "--output", monthly.path, "--period", "2026-11"])
        #expect(whole.status == 0, "\(whole.stderr)")

        let daily = base.appendingPathComponent("daily/2026-11")
        let exports = base.appendingPathComponent("exports")
        var dailyWarnings = Set<String>()
        for day in 1...30 {
            try Self.cut(to: day, into: exports, keepState: day == 1)
            let result = try runTagih(["run", "--input", exports.path, "--output", daily.path, "--as-of", String(format: "2026-11-%02d", day)])
            #expect(result.status == 0, "day \(day): \(result.stderr)")
            guard result.status == 0 else { return }
            #expect(result.stdout.contains(String(format: "covering 2026-11-%02d", day)))
            let errors = try String(contentsOf: daily.appendingPathComponent("errors.csv"), encoding: .utf8)
            dailyWarnings.formUnion(errors.split(separator: "\r\n").dropFirst().map(String.init))
        }

        // Every workbook, the overdue list and the state are the same bytes; only the outboxes
        // (what each run sent) and each run's own folder differ.
        let one = Golden.bytes(of: monthly)
        let many = Golden.bytes(of: daily)
        let shared = { (path: String) in !path.hasPrefix("outbox/") && !path.hasPrefix("runs/") && path != "errors.csv" }
        #expect(Set(one.keys.filter(shared)) == Set(many.keys.filter(shared)))
        for name in one.keys.filter(shared).sorted() { #expect(one[name] == many[name], "\(name) differs between the daily runs and the monthly run") }
        #expect(one.keys.filter(shared).count >= 8)

        // The same documents went out, each in exactly one outbox: the month's in one, the
        // days' spread over thirty.
        let documents = { (files: [String: Data]) in files.keys.filter { $0.hasPrefix("outbox/") && $0.contains("/mail/") }.map { ($0 as NSString).lastPathComponent } }
        #expect(documents(one).sorted() == documents(many).sorted())
        #expect(Set(documents(many)).count == documents(many).count)
        // Invoices, receipts, payer receipts, remittances and dunning messages (see MailTests).
        #expect(documents(one).filter { $0.hasSuffix(".eml") }.count == 57)
        #expect(Set(many.keys.compactMap { $0.hasPrefix("outbox/") ? $0.split(separator: "/")[1] : nil }).count == 30)
        // Every warning of the monthly run was given by one of the daily runs.
        let monthlyWarnings = try String(contentsOf: monthly.appendingPathComponent("errors.csv"), encoding: .utf8).split(separator: "\r\n").dropFirst()
        for warning in monthlyWarnings { #expect(dailyWarnings.contains(String(warning)), "\(warning)") }
    }
}
