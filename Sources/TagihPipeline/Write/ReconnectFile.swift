import TagihCore
import TagihIO

/// `reconnect.csv`, beside the overdue list: tenants that were at the last dunning step
/// (disconnect) and are clear again this month, with what their router knows them by.
enum ReconnectFile {
    static let header = ["tenant_id", "name", "phone", "service_id", "cleared_on", "was_at"]

    static func write(_ reconnections: [Reconnection], input: BillingInput, path: String) throws {
        let writer = try CSVWriter(path: path, header: header, currencies: input.settings.currencies)
        for item in reconnections {
            let tenant = input.tenants[item.tenantId]
            try writer.append([
                .text(item.tenantId), .text(tenant?.name ?? ""), .text(tenant.flatMap { PhoneNumber.e164($0.phone) } ?? ""),
                .text(tenant?.serviceId ?? ""), .date(item.day), .text(item.action),
            ])
        }
        try writer.close()
    }
}
