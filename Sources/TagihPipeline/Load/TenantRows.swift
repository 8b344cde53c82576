import TagihCore
import TagihIO

enum TenantRows {
    static func read(_ reader: any RowReader, settings: Settings, diagnostics: inout Diagnostics) throws(InputFailure) -> DecodedTable<Tenant> {
        typealias C = TenantColumn
        let (id, name, email, phone, address, taxId, currencySlot, locale, seats) =
            (C.id.slot, C.name.slot, C.email.slot, C.phone.slot, C.address.slot, C.taxId.slot, C.currency.slot, C.locale.slot, C.activeSeats.slot)
        let (bankCode, bankAccount, bankHolder, schedule) = (C.bankCode.slot, C.bankAccount.slot, C.bankHolder.slot, C.payoutSchedule.slot)
        let (appointment, adminNew, adminReturning) = (C.appointmentFee.slot, C.adminFeeNew.slot, C.adminFeeReturning.slot)
        let nitku = C.nitku.slot
        let service = C.serviceId.slot

        return try readTable(reader, kind: "tenant", style: settings.numberStyle, diagnostics: &diagnostics) { row in
            let tenantId = row.identifier(id)
            let tenantName = row.text(name, required: true)
            let tenantEmail = row.email(email, required: true)
            let code = row.currency(currencySlot, in: settings.currencies) ?? settings.currency
            let currency = settings.currencies(code)!
            let bankFields = [row.text(bankCode), row.text(bankAccount), row.text(bankHolder)]
            var bank: BankAccount?
            if bankFields.allSatisfy({ $0 != nil }) {
                bank = BankAccount(code: bankFields[0]!, account: bankFields[1]!, holder: bankFields[2]!)
            } else if bankFields.contains(where: { $0 != nil }) {
                row.failRow("bank needs all of bank_code, bank_account and bank_holder, or none")
            }
            let tax = row.taxIdentity(taxId)
            let place = row.nitku(nitku, of: tax.identity, taxIdSlot: taxId)
            var tenant = Tenant(
                id: tenantId ?? "", name: tenantName ?? "", email: tenantEmail ?? "",
                phone: row.text(phone) ?? "", address: row.text(address) ?? "", taxId: tax.text ?? "",
                currency: code, language: row.choice(locale, Language.self) ?? settings.language,
                activeSeats: row.integer(seats, in: 0...1_000_000) ?? 0, bank: bank,
                payoutSchedule: row.choice(schedule, PayoutSchedule.self) ?? .monthly,
                appointmentFee: row.money(appointment, currency: currency),
                adminFeeNew: row.money(adminNew, currency: currency),
                adminFeeReturning: row.money(adminReturning, currency: currency),
                location: row.row.rowLocation, nitku: place
            )
            tenant.serviceId = row.text(service) ?? ""
            return (tenantId, tenant)
        }
    }
}

enum ProductRows {
    static func read(_ reader: any RowReader, settings: Settings, diagnostics: inout Diagnostics) throws(InputFailure) -> DecodedTable<Product> {
        typealias C = ProductColumn
        let (id, name, price, billing, variant, terms, lead, taxable, activation, currencySlot) =
            (C.id.slot, C.name.slot, C.price.slot, C.billing.slot, C.variant.slot, C.terms.slot, C.leadDays.slot,
             C.taxable.slot, C.activation.slot, C.currency.slot)
        let (serviceCode, unit) = (C.serviceCode.slot, C.unit.slot)

        return try readTable(reader, kind: "product", style: settings.numberStyle, diagnostics: &diagnostics) { row in
            let productId = row.identifier(id)
            let productName = row.text(name, required: true)
            let code = row.currency(currencySlot, in: settings.currencies) ?? settings.currency
            let unitPrice = row.price(price, currency: settings.currencies(code)!, required: true)
            let kind = row.choice(billing, BillingKind.self, required: true)
            var allowed: [Int] = []
            for item in row.list(terms) {
                guard let months = Int(item), (1...120).contains(months) else {
                    row.fail(terms, "lists \"\(item)\", which is not a number of months from 1 to 120")
                    continue
                }
                if !allowed.contains(months) { allowed.append(months) }
            }
            let product = Product(
                id: productId ?? "", name: productName ?? "", variant: row.text(variant) ?? "",
                price: unitPrice ?? .zero, currency: code, billing: kind ?? .flat,
                terms: allowed.isEmpty ? [1] : allowed.sorted(),
                leadDays: row.integer(lead, in: 0...366) ?? 0, taxable: row.bool(taxable) ?? true,
                activation: row.bool(activation) ?? false, location: row.row.rowLocation,
                serviceCode: row.goodsServiceCode(serviceCode), unit: row.measureUnit(unit)
            )
            return (productId, product)
        }
    }
}

enum SubscriptionRows {
    static func read(
        _ reader: any RowReader, settings: Settings, tenants: DecodedTable<Tenant>, products: DecodedTable<Product>,
        diagnostics: inout Diagnostics
    ) throws(InputFailure) -> DecodedTable<Subscription> {
        typealias C = SubscriptionColumn
        let (id, tenantSlot, productSlot, startSlot, quantity, term, endSlot, status, voucher) =
            (C.id.slot, C.tenantId.slot, C.productId.slot, C.start.slot, C.quantity.slot, C.termMonths.slot,
             C.end.slot, C.status.slot, C.voucher.slot)
        let renew = C.renew.slot

        return try readTable(reader, kind: "subscription", style: settings.numberStyle, diagnostics: &diagnostics) { row in
            let subscriptionId = row.identifier(id)
            let tenantId = row.identifier(tenantSlot)
            let productId = row.identifier(productSlot)
            let start = row.date(startSlot, required: true)
            let end = row.date(endSlot)
            let months = row.integer(term, in: 1...120) ?? 1
            var tenant: Tenant?
            var product: Product?
            if let tenantId {
                if let problem = tenants.problem(with: tenantId, kind: "tenant") { row.fail(tenantSlot, problem) }
                tenant = tenants.byId[tenantId]
            }
            if let productId {
                if let problem = products.problem(with: productId, kind: "product") { row.fail(productSlot, problem) }
                product = products.byId[productId]
            }
            if let product, !product.terms.contains(months) {
                let termSlot = row.row.has(term) ? term : productSlot
                row.fail(termSlot, "asks for a \(months)-month term; product \(product.id) allows \(product.terms.map(String.init).joined(separator: ", ")) months")
            }
            if let product, let tenant, product.currency != tenant.currency {
                row.fail(productSlot, "is priced in \(product.currency) but tenant \(tenant.id) is billed in \(tenant.currency)")
            }
            if let start, let end, end < start {
                row.fail(endSlot, "is before the start \(start)")
            }
            let count = row.integer(quantity, in: 1...1_000_000) ?? 1
            if let product, let tenant {
                let units = Pricing.units(billing: product.billing, quantity: count, activeSeats: tenant.activeSeats)
                if !Pricing.lineFits(price: product.price, units: units, months: months, currency: settings.currency(product.currency)) {
                    row.fail(row.row.has(quantity) ? quantity : productSlot, FieldDecoder.lineTooLarge(units: units, months: months, currency: settings.currency(product.currency)))
                }
            }
            var subscription = Subscription(
                id: subscriptionId ?? "", tenantId: tenantId ?? "", productId: productId ?? "",
                start: start ?? CivilDate(daysSinceEpoch: 0), quantity: count,
                termMonths: months, end: end, status: row.choice(status, SubscriptionStatus.self) ?? .active,
                voucher: row.text(voucher) ?? "", location: row.row.rowLocation
            )
            subscription.renew = row.choice(renew, RenewMode.self) ?? .notice
            return (subscriptionId, subscription)
        }
    }
}
