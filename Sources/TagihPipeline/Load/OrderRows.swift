import TagihCore
import TagihIO

enum OrderRows {
    /// Orders are checked row by row here; the orders a run handles are checked once more, in
    /// the order they were placed, by `checkRelations`.
    static func read(
        _ reader: any RowReader, settings: Settings, tenants: DecodedTable<Tenant>, products: DecodedTable<Product>,
        diagnostics: inout Diagnostics
    ) throws(InputFailure) -> DecodedTable<Order> {
        typealias C = OrderColumn
        return try readTable(reader, kind: "order", style: settings.numberStyle, diagnostics: &diagnostics) { row in
            let id = row.identifier(C.id.slot)
            let tenantId = row.identifier(C.tenantId.slot)
            let productId = row.identifier(C.productId.slot)
            let type = row.choice(C.type.slot, OrderType.self, required: true)
            let createdAt = row.instant(C.createdAt.slot, zone: settings.zone, required: true)
            let quantity = row.integer(C.quantity.slot, in: 1...1_000_000) ?? 1
            let months = row.integer(C.termMonths.slot, in: 1...120)
            let subscriptionId = row.text(C.subscriptionId.slot) ?? ""
            var product: Product?
            if let tenantId, let problem = tenants.problem(with: tenantId, kind: "tenant") { row.fail(C.tenantId.slot, problem) }
            if let productId {
                if let problem = products.problem(with: productId, kind: "product") { row.fail(C.productId.slot, problem) }
                product = products.byId[productId]
            }
            if let product, let tenantId, let tenant = tenants.byId[tenantId], product.currency != tenant.currency {
                row.fail(C.productId.slot, "is priced in \(product.currency) but tenant \(tenant.id) is billed in \(tenant.currency)")
            }
            if let type, type != .new && subscriptionId.isEmpty {
                row.fail(C.subscriptionId.slot, "is required for a \(type.rawValue) order")
            }
            // Rule 3: the default term is 12 months where the product allows it, else its only term.
            let defaultTerm = product.map { $0.terms.contains(12) || $0.terms.count != 1 ? 12 : $0.terms[0] } ?? 12
            if let product, let type, type != .addQuota {
                let term = months ?? defaultTerm
                if !product.terms.contains(term) {
                    let note = months == nil ? " (the default for orders, 12 or the product's only term)" : ""
                    row.fail(row.row.has(C.termMonths.slot) ? C.termMonths.slot : C.productId.slot,
                             "asks for a \(term)-month term\(note); product \(product.id) allows \(product.terms.map(String.init).joined(separator: ", ")) months")
                }
            }
            if let product, let tenantId, let tenant = tenants.byId[tenantId] {
                let units = Pricing.units(billing: product.billing, quantity: quantity, activeSeats: tenant.activeSeats)
                let term = months ?? defaultTerm
                if !Pricing.lineFits(price: product.price, units: units, months: term, currency: settings.currency(product.currency)) {
                    row.fail(row.row.has(C.quantity.slot) ? C.quantity.slot : C.productId.slot,
                             FieldDecoder.lineTooLarge(units: units, months: term, currency: settings.currency(product.currency)))
                }
            }
            let order = Order(
                id: id ?? "", tenantId: tenantId ?? "", productId: productId ?? "", type: type ?? .new,
                createdAt: createdAt ?? Instant(seconds: 0), quantity: quantity, termMonths: months ?? defaultTerm,
                voucher: row.text(C.voucher.slot) ?? "", email: row.email(C.email.slot) ?? "",
                subscriptionId: subscriptionId, location: row.row.rowLocation,
                subscriptionLocation: subscriptionId.isEmpty ? nil : row.row.location(C.subscriptionId.slot)
            )
            return (id, order)
        }
    }

    /// A tenant and a product: what a `new` order may not buy twice.
    private struct Holding: Hashable {
        let tenant: String
        let product: String
    }

    /// The subscriptions renewals and added seats refer to, checked in the order the orders were
    /// placed, so a renewal may name the subscription an earlier `new` order bought. Returns the
    /// orders that pass; the others are reported.
    static func checkRelations(
        _ orders: [Order], settings: Settings, subscriptions: DecodedTable<Subscription>, prepaid: [PrepaidSubscription],
        diagnostics: inout Diagnostics
    ) -> [Order] {
        var passed: [Order] = []
        var bought: [String: (tenant: String, product: String)] = [:]
        for subscription in prepaid { bought[subscription.id] = (subscription.tenantId, subscription.productId) }
        // What each tenant holds of each product, looked up per order rather than scanned: a
        // month's 20,000 orders against 100,000 subscriptions would be two billion comparisons.
        // Only the holdings a `new` order asks about are kept: a copy of every subscription
        // took 250 MB at a million tenants, the largest part of reading the tables.
        let asked = Set(orders.lazy.filter { $0.type == .new }.map { Holding(tenant: $0.tenantId, product: $0.productId) })
        var activeHoldings: [Holding: [Subscription]] = [:]
        if !asked.isEmpty {
            for subscription in subscriptions.byId.reachable where subscription.status == .active {
                let holding = Holding(tenant: subscription.tenantId, product: subscription.productId)
                if asked.contains(holding) { activeHoldings[holding, default: []].append(subscription) }
            }
        }
        var prepaidHoldings: [Holding: [PrepaidSubscription]] = [:]
        for subscription in prepaid {
            prepaidHoldings[Holding(tenant: subscription.tenantId, product: subscription.productId), default: []].append(subscription)
        }
        for order in orders {
            let location = order.subscriptionLocation ?? order.location
            var problem: String?
            switch order.type {
            case .new:
                let id = order.subscriptionId.isEmpty ? order.id : order.subscriptionId
                let day = settings.zone.date(of: order.createdAt)
                if bought[id] != nil || subscriptions.byId[id] != nil {
                    problem = "a new order would buy subscription \"\(id)\", which already exists"
                } else if let active = activeHoldings[Holding(tenant: order.tenantId, product: order.productId)]?.first(where: {
                    $0.start <= day && ($0.end.map { $0 >= day } ?? true) }) {
                    // Rule 3: `new` is for a tenant without an active subscription of the product.
                    problem = "buys \(order.productId) for tenant \(order.tenantId), who has it already (subscription \"\(active.id)\"); renew it or add seats instead"
                } else if let held = prepaidHoldings[Holding(tenant: order.tenantId, product: order.productId)]?.first(where: { $0.termEnd > day })?.id {
                    // (An earlier order of this run may still lapse unpaid, so only what state
                    // holds counts here.)
                    problem = "buys \(order.productId) for tenant \(order.tenantId), who has it already (subscription \"\(held)\"); renew it or add seats instead"
                }
                bought[id] = (order.tenantId, order.productId)
            case .renew, .addQuota:
                if let target = bought[order.subscriptionId] {
                    if target.tenant != order.tenantId || target.product != order.productId {
                        problem = "names subscription \"\(order.subscriptionId)\" of tenant \(target.tenant) for \(target.product), not \(order.tenantId) for \(order.productId)"
                    }
                } else if let recurring = subscriptions.byId[order.subscriptionId] {
                    if recurring.tenantId != order.tenantId || recurring.productId != order.productId {
                        problem = "names subscription \"\(order.subscriptionId)\" of tenant \(recurring.tenantId) for \(recurring.productId), not \(order.tenantId) for \(order.productId)"
                    } else if settings.zone.date(of: order.createdAt) < recurring.start {
                        problem = "adds seats before subscription \"\(order.subscriptionId)\" starts"
                    }
                } else {
                    problem = "refers to an unknown subscription \"\(order.subscriptionId)\""
                }
            }
            if let problem {
                diagnostics.add(Diagnostic(location, value: order.subscriptionId, "subscription_id \(problem)"))
            } else {
                passed.append(order)
            }
        }
        return passed
    }
}

enum VoucherRows {
    static func read(_ reader: any RowReader, settings: Settings, products: DecodedTable<Product>, diagnostics: inout Diagnostics) throws(InputFailure) -> DecodedTable<Voucher> {
        typealias C = VoucherColumn
        return try readTable(reader, kind: "voucher", style: settings.numberStyle, diagnostics: &diagnostics) { row in
            let code = row.identifier(C.code.slot)?.uppercased()
            let kind = row.choice(C.kind.slot, VoucherKind.self, required: true)
            var value: Voucher.Value?
            switch kind {
            case .percent:
                if let text = row.text(C.value.slot, required: true) {
                    switch Rate.parse(text) {
                    case .success(let rate) where rate.percent <= ExactDecimal(units: 100): value = .percent(rate)
                    case .success: row.fail(C.value.slot, "is more than 100%")
                    case .failure(let error): row.fail(C.value.slot, error.message)
                    }
                }
            case .fixed:
                let currency = settings.currency(row.currency(C.currency.slot, in: settings.currencies) ?? settings.currency)
                value = row.money(C.value.slot, currency: currency, required: true).map(Voucher.Value.fixed)
            case nil:
                break
            }
            let from = row.date(C.validFrom.slot)
            let to = row.date(C.validTo.slot)
            if let from, let to, to < from { row.fail(C.validTo.slot, "is before valid_from \(from)") }
            let scope = row.list(C.products.slot)
            for product in scope where products.byId[product] == nil {
                row.fail(C.products.slot, products.problem(with: product, kind: "product") ?? "")
            }
            let voucher = Voucher(code: code ?? "", value: value ?? .percent(.zero), validFrom: from, validTo: to,
                                  maxRedemptions: row.integer(C.maxRedemptions.slot, in: 1...100_000_000), products: scope,
                                  location: row.row.rowLocation)
            return (code, voucher)
        }
    }
}
