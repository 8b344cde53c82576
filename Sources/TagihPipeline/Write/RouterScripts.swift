import TagihCore
import TagihIO

/// `isolate.rsc` and `reconnect.rsc` in the month folder, when `settings.router` names an
/// address list: the tenants at the last dunning step as the run leaves them (the step the
/// disconnect message went out for), and those of `reconnect.csv` that are not back at it.
/// Both are remade from the month's state by every run, so importing the latest pair puts
/// the router where tagih is; a tenant either script cannot carry is a warning.
enum RouterScripts {
    static let isolateName = "isolate.rsc"
    static let reconnectName = "reconnect.rsc"

    static func write(_ router: RouterSettings, steps: DunningSteps, reconnections: [Reconnection], input: BillingInput,
                      asOf: CivilDate, folder: String) throws -> [Finding] {
        guard let last = input.settings.dunning.last?.action else {
            // No ladder, no last step: empty scripts, so a scheduled import still finds its files.
            try writeFile(folder + "/" + isolateName, RouterOSScript.isolate([], list: router.addressList, asOf: asOf).text)
            try writeFile(folder + "/" + reconnectName, RouterOSScript.reconnect([], list: router.addressList, asOf: asOf).text)
            return []
        }
        let isolated = steps.tenants(at: last)
        let isolatedSet = Set(isolated)
        // Cleared this month and not at the last step again since: those come off the list.
        var seen: Set<String> = []
        let cleared = reconnections.map(\.tenantId).filter { !isolatedSet.contains($0) && seen.insert($0).inserted }
        let entry = { (tenantId: String) in
            RouterOSScript.Entry(tenantId: tenantId, name: input.tenants.read(tenantId) { $0.name } ?? "", serviceId: input.tenants.read(tenantId) { $0.serviceId } ?? "")
        }
        let isolate = RouterOSScript.isolate(isolated.map(entry), list: router.addressList, asOf: asOf)
        let reconnect = RouterOSScript.reconnect(cleared.map(entry), list: router.addressList, asOf: asOf)
        try writeFile(folder + "/" + isolateName, isolate.text)
        try writeFile(folder + "/" + reconnectName, reconnect.text)
        let findings = { (refused: [RouterOSScript.Refused], file: String) in
            refused.map { item in
                Finding(input.tenants[item.entry.tenantId]?.location ?? .file("tenants"), value: item.entry.serviceId,
                        .routerLeftOut(tenant: item.entry.tenantId, file: file, item.refusal))
            }
        }
        return findings(isolate.refused, isolateName) + findings(reconnect.refused, reconnectName)
    }
}
