import Foundation

/// A deterministic synthetic month in tagih's input formats: the same seed and sizes always
/// give the same bytes. Payments are split between the native table, Stripe exports and
/// Midtrans notifications, about 60% paying invoices and 40% collected for clinics.
struct Generator {
    var tenants = 100_000
    var orders = 20_000
    var payments = 1_000_000
    var seed: UInt64 = 2026

    /// SplitMix64: small, fast and the same everywhere.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// Writes through a large buffer; the generator makes hundreds of megabytes.
    final class Output {
        let handle: FileHandle
        var buffer: [UInt8] = []
        init(_ path: String) throws {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            buffer.reserveCapacity(1 << 20)
        }
        func line(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            buffer.append(0x0A)
            if buffer.count >= 1 << 20 { flush() }
        }
        func flush() {
            handle.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
        func close() throws {
            flush()
            try handle.close()
        }
    }

    func tenantId(_ index: Int) -> String { "T" + pad(index, 6) }
    func isClinic(_ index: Int) -> Bool { index % 3 == 0 }

    func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A timestamp in November 2026, Jakarta time, from a second of the month.
    func stamp(_ second: Int) -> String {
        let day = second / 86400 + 1, rest = second % 86400
        return "2026-11-\(pad(day, 2)) \(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))"
    }

    /// Orders go to tenants 2, 9, 16, ... (every seventh, none of them on StaffHub); more than a
    /// seventh of the tenants would wrap around onto tenants already holding it, which the run
    /// rightly refuses (at 20,000 tenants a fifth did). 20,000 from 100,000 tenants up, where
    /// the wrap lands on tenants without StaffHub, so the bench month's data stays as it was.
    static func defaultOrders(tenants: Int) -> Int { tenants >= 100_000 ? 20_000 : tenants / 7 }

    func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var random = Random(state: seed)
        try """
        operator: {name: PT Bench Nusantara, email: billing@bench.example, address: "Jl. Benchmark 1, Bandung", tax_id: "01.234.567.8-901.000"}
        currency: IDR
        timezone: Asia/Jakarta
        tax: {rate: 11%, mode: exclusive}
        dunning: [{days: 1, action: reminder}, {days: 7, action: final_notice}, {days: 14, action: disconnect}]
        fees: {qris: {percent: 0.7%}, bank_transfer: {fixed: 4000}, credit_card: {percent: 2.9%, fixed: 2000}}
        platform_commission: 5%
        min_payout: 50000
        payment_code_ttl: 1h

        """.write(toFile: folder + "/settings.yaml", atomically: false, encoding: .utf8)
        try """
        - {id: NET-30, name: Internet Rumah, variant: 30 Mbps, price: 250000, billing: flat, lead_days: 19}
        - {id: NET-100, name: Internet Rumah, variant: 100 Mbps, price: 450000, billing: flat, lead_days: 19}
        - {id: KLINIK, name: Klinik Pintar, variant: Pro, price: 750000, billing: flat, terms: [1, 12]}
        - {id: SEAT, name: StaffHub, variant: per employee, price: 15000, billing: per_seat, terms: [1, 12]}

        """.write(toFile: folder + "/products.yaml", atomically: false, encoding: .utf8)

        let tenantsFile = try Output(folder + "/tenants.csv")
        tenantsFile.line("id,name,email,phone,address,active_seats,bank_code,bank_account,bank_holder,payout_schedule,appointment_fee,admin_fee_new,admin_fee_returning")
        for index in 0..<tenants {
            let id = tenantId(index)
            let clinic = isClinic(index)
            let bank = clinic ? "BCA,\(pad(index, 10)),Klinik \(index)" : ",,"
            let schedule = clinic ? (index % 2 == 0 ? "weekly" : "monthly") : ""
            let fees = clinic ? "50000,10000,5000" : ",,"
            tenantsFile.line("\(id),\(clinic ? "Klinik" : "Pelanggan") \(index),t\(index)@bench.example,0812\(pad(index, 8)),\"Jl. Contoh \(index % 500), Bandung\",\(index % 7 == 1 ? 25 : 0),\(bank),\(schedule),\(fees)")
        }
        try tenantsFile.close()

        let subscriptions = try Output(folder + "/subscriptions.csv")
        subscriptions.line("id,tenant_id,product_id,start,quantity")
        for index in 0..<tenants {
            let product = isClinic(index) ? "KLINIK" : (index % 7 == 1 ? "SEAT" : (index % 2 == 0 ? "NET-30" : "NET-100"))
            let day = 1 + index % 28
            subscriptions.line("S\(pad(index, 6)),\(tenantId(index)),\(product),2026-0\(1 + index % 9)-\(pad(day, 2)),\(product == "SEAT" ? 20 : 1)")
        }
        try subscriptions.close()

        let ordersFile = try Output(folder + "/orders.csv")
        ordersFile.line("id,tenant_id,product_id,type,created_at,quantity,term_months")
        for index in 0..<orders {
            // Tenants without a StaffHub subscription (those are index % 7 == 1): a `new`
            // order is for a tenant that does not have the product yet.
            let tenant = (index * 7 + 2) % tenants
            ordersFile.line("O\(pad(index, 6)),\(tenantId(tenant)),SEAT,new,\(stamp(index * (29 * 86400 / max(orders, 1)))),\(5 + index % 20),12")
        }
        try ordersFile.close()

        // Payments: half native, a quarter Stripe, a quarter Midtrans (some as pending then
        // settlement, two lines for one payment).
        let nativeHeader = "id,paid_at,amount,status,reference,tenant_id,method,purpose,patient_type,description"
        let stripeHeader = "id,Created date (UTC),Amount,Amount Refunded,Currency,Fee,Status,Description,Customer Email,reference (metadata),tenant_id (metadata),purpose (metadata),patient_type (metadata)"
        let native = try Output(folder + "/payments.csv")
        native.line(nativeHeader)
        let stripe = try Output(folder + "/stripe-2026-11.csv")
        stripe.line(stripeHeader)
        let midtrans = try Output(folder + "/midtrans-2026-11.jsonl")
        // The same payments again, one folder per day of the month (Jakarta days), for the
        // daily runs: `days/DD/payments.csv`, `stripe-2026-11-DD.csv`, `midtrans-2026-11-DD.jsonl`.
        var daily: (day: Int, native: Output, stripe: Output, midtrans: Output)?
        func day(_ number: Int) throws -> (Output, Output, Output) {
            if let daily, daily.day == number { return (daily.native, daily.stripe, daily.midtrans) }
            if let daily { try daily.native.close(); try daily.stripe.close(); try daily.midtrans.close() }
            let path = dayFolder(folder, number)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let files = (try Output(path + "/payments.csv"), try Output(path + "/stripe-2026-11-\(pad(number, 2)).csv"),
                         try Output(path + "/midtrans-2026-11-\(pad(number, 2)).jsonl"))
            files.0.line(nativeHeader)
            files.1.line(stripeHeader)
            daily = (number, files.0, files.1, files.2)
            return files
        }
        let month = 30 * 86400
        for index in 0..<payments {
            let second = Int(UInt64(index) * UInt64(month) / UInt64(max(payments, 1)))
            let (dayNative, dayStripe, dayMidtrans) = try day(second / 86400 + 1)
            var tenant = random.below(tenants)
            let collection = random.below(10) < 4
            if collection { tenant -= tenant % 3 } // clinics collect
            let id = tenantId(tenant)
            let returning = random.below(2) == 0
            let amount = collection ? (returning ? 55000 : 60000) : [277500, 499500, 832500, 100000][random.below(4)]
            let purpose = collection ? "appointment" : "billing"
            let patient = collection ? (returning ? "returning" : "new") : ""
            switch index % 4 {
            case 0, 1:
                let status = random.below(50) == 0 ? "failed" : "paid"
                let line = "P\(pad(index, 8)),\(stamp(second)),\(amount),\(status),,\(id),\(collection ? "qris" : "bank_transfer"),\(purpose),\(patient),Pembayaran \(index)"
                native.line(line)
                dayNative.line(line)
            case 2:
                let status = random.below(100) == 0 ? "Refunded" : "Paid"
                let refunded = status == "Refunded" ? "\(amount).00" : "0.00"
                let utc = stamp(max(0, second - 7 * 3600))
                let line = "ch_\(pad(index, 10)),\(utc),\(amount).00,\(refunded),idr,\(amount / 30).00,\(status),Payment \(index),c\(index)@mail.example,,\(id),\(purpose),\(patient)"
                stripe.line(line)
                dayStripe.line(line)
            default:
                let order = index % 20 == 3 ? "O\(pad(index / 20 % max(orders, 1), 6))" : "M\(pad(index, 8))"
                let fields = "\"transaction_id\":\"mt-\(pad(index, 9))\",\"order_id\":\"\(order)\",\"gross_amount\":\"\(amount).00\",\"payment_type\":\"qris\",\"currency\":\"IDR\",\"custom_field1\":\"\(id)\"" + (collection ? ",\"custom_field2\":\"appointment\",\"custom_field3\":\"\(patient)\"" : "")
                if index % 8 == 3 {
                    let line = "{\"transaction_time\":\"\(stamp(second))\",\"transaction_status\":\"pending\",\(fields)}"
                    midtrans.line(line)
                    dayMidtrans.line(line)
                }
                let line = "{\"transaction_time\":\"\(stamp(second))\",\"transaction_status\":\"settlement\",\"settlement_time\":\"\(stamp(second))\",\"fraud_status\":\"accept\",\(fields)}"
                midtrans.line(line)
                dayMidtrans.line(line)
            }
        }
        try native.close()
        try stripe.close()
        try midtrans.close()
        if let daily { try daily.native.close(); try daily.stripe.close(); try daily.midtrans.close() }
    }

    /// Where the payments of one day of the month are kept: beside the month's input folder.
    func dayFolder(_ input: String, _ day: Int) -> String {
        URL(fileURLWithPath: input).deletingLastPathComponent().path + "/days/" + pad(day, 2)
    }
}
