import TagihCore
import TagihIO

/// The `changes` table (rule 12): plan, quantity, due day, end or cancellation of a
/// subscription from a date on. What the row alone can tell is checked here: references,
/// ranges, a new plan the subscription can take, two changes of one day that contradict.
enum ChangeRows {
    static func read(
        _ reader: any RowReader, settings: Settings, tenants: DecodedTable<Tenant>, products: DecodedTable<Product>,
        subscriptions: DecodedTable<Subscription>, diagnostics: inout Diagnostics
    ) throws(InputFailure) -> DecodedTable<Change> {
        typealias C = ChangeColumn
        var sameDay: [String: (line: Int, change: Change)] = [:]
        return try readTable(reader, kind: "change", style: settings.numberStyle, diagnostics: &diagnostics) { row in
            let id = row.identifier(C.id.slot)
            let target = row.text(C.subscriptionId.slot, required: true) ?? ""
            let effective = row.date(C.effective.slot, required: true)
            let productId = row.text(C.productId.slot)
            let quantity = row.integer(C.quantity.slot, in: 1...1_000_000)
            let dueDay = row.integer(C.dueDay.slot, in: 1...31)
            let end = row.date(C.end.slot)
            var cancel = false
            if let status = row.text(C.status.slot) {
                if status.lowercased() == "cancelled" { cancel = true } else { row.fail(C.status.slot, "can only be cancelled") }
            }
            let onlyTenant = row.text(C.onlyTenant.slot) ?? ""
            let onlyProduct = row.text(C.onlyProduct.slot) ?? ""
            if productId == nil && quantity == nil && dueDay == nil && end == nil && !cancel && row.isValid {
                row.failRow("a change needs at least one of product_id, quantity, due_day, end or status")
            }
            if cancel && end != nil { row.fail(C.end.slot, "cannot come with status cancelled, which ends the subscription on its effective date") }

            var subscription: Subscription?
            if target == Change.everySubscription {
                if productId != nil || quantity != nil {
                    row.fail(C.subscriptionId.slot, "* takes due_day, end or status only; a plan or quantity is changed per subscription")
                }
                if !onlyTenant.isEmpty, let problem = tenants.problem(with: onlyTenant, kind: "tenant") { row.fail(C.onlyTenant.slot, problem) }
                if !onlyProduct.isEmpty, let problem = products.problem(with: onlyProduct, kind: "product") { row.fail(C.onlyProduct.slot, problem) }
            } else if !target.isEmpty {
                if let problem = subscriptions.problem(with: target, kind: "subscription") { row.fail(C.subscriptionId.slot, problem) }
                subscription = subscriptions.byId[target]
                if !onlyTenant.isEmpty || !onlyProduct.isEmpty {
                    row.fail(row.row.has(C.onlyTenant.slot) ? C.onlyTenant.slot : C.onlyProduct.slot, "narrows subscription_id * only")
                }
            }
            if let subscription {
                if subscription.status == .cancelled { row.fail(C.subscriptionId.slot, "refers to cancelled subscription \"\(subscription.id)\"") }
                if let effective, effective < subscription.start {
                    row.fail(C.effective.slot, "is before subscription \(subscription.id) starts on \(subscription.start)")
                }
                if let end, end < (effective ?? end) { row.fail(C.end.slot, "is before the change's effective date") }
                if let productId {
                    if let problem = products.problem(with: productId, kind: "product") {
                        row.fail(C.productId.slot, problem)
                    } else if let product = products.byId[productId] {
                        if let tenant = tenants.byId[subscription.tenantId], product.currency != tenant.currency {
                            row.fail(C.productId.slot, "is priced in \(product.currency) but tenant \(tenant.id) is billed in \(tenant.currency)")
                        } else if !product.terms.contains(subscription.termMonths) {
                            row.fail(C.productId.slot, "does not offer the subscription's \(subscription.termMonths)-month term (it allows \(product.terms.map(String.init).joined(separator: ", ")))")
                        }
                    }
                }
            }
            let change = Change(id: id ?? "", subscriptionId: target, effective: effective ?? CivilDate(daysSinceEpoch: 0), productId: productId,
                                quantity: quantity, dueDay: dueDay, end: end, cancel: cancel, onlyTenant: onlyTenant, onlyProduct: onlyProduct,
                                note: row.text(C.note.slot) ?? "", location: row.row.rowLocation)
            // Two changes of one subscription on one day must not say different things.
            if let effective, row.isValid {
                let key = "\(target)\u{1F}\(effective)"
                if let earlier = sameDay[key] {
                    let other = earlier.change
                    let contradicts = (productId != nil && other.productId != nil && productId != other.productId)
                        || (quantity != nil && other.quantity != nil && quantity != other.quantity)
                        || (dueDay != nil && other.dueDay != nil && dueDay != other.dueDay)
                        || (end != nil && other.end != nil && end != other.end)
                        || (cancel && other.end != nil) || (end != nil && other.cancel)
                    if contradicts {
                        row.failRow("contradicts change \(other.id) (line \(earlier.line)) of the same subscription on the same day")
                    }
                } else {
                    sameDay[key] = (row.row.line, change)
                }
            }
            return (id, change)
        }
    }
}
