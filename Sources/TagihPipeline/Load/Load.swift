import TagihCore
import TagihIO

/// The tables of a run, read and validated, and the records this run handles.
struct LoadedInput: Sendable {
    var input: BillingInput
    /// Orders not handled by an earlier run, dated by the as-of: this run invoices them.
    var orders: [Order]
    /// Adjustments not applied by an earlier run, dated by the as-of: this run applies them.
    var adjustments: [Adjustment]
    /// Changes not applied by an earlier run, effective by the as-of.
    var changes: [Change]
    /// Warnings about records (a repeat with other content, records before the memory).
    var findings: [Finding]
    /// Records dated after the as-of: they wait for a later run.
    var waiting: Int

    /// For a run, which keeps the tables to its end: gives back the room their arrays grew
    /// into while they were read. Done once the reading's own tables are gone, so the copies
    /// are not made beside them.
    mutating func compact() {
        input.tenants.shrinkToFit()
        input.tenants.shareTexts()
        input.subscriptions.shrinkToFit()
    }
}

/// The read-and-validate stage: every table read in dependency order (settings, then products
/// and tenants, then what refers to them), every problem collected; then, against the state's
/// memory, which orders are new, which were handled before and which wait.
enum Load {
    static func settings(_ folder: InputFolder, _ diagnostics: inout Diagnostics) -> Settings? {
        guard let name = folder.settings else { return nil }
        do {
            let document = try readYAMLDocument(path: folder.fullPath(name), name: name)
            var decoder = SettingsDecoder(file: name)
            let settings = decoder.decode(document)
            for item in decoder.diagnostics { diagnostics.add(item) }
            return settings
        } catch {
            for item in error.diagnostics { diagnostics.add(item) }
            return nil
        }
    }

    /// Reads every table. Problems go to `diagnostics`; with `--skip-invalid` the run goes on
    /// without the rows that had them.
    static func tables(_ context: RunContext, diagnostics: inout Diagnostics) -> LoadedInput {
        let folder = context.folder, settings = context.settings
        let products = table(folder, "products", ProductColumn.schema, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try ProductRows.read(reader, settings: settings, diagnostics: &diagnostics)
        } ?? DecodedTable()
        let tenants = table(folder, "tenants", TenantColumn.schema, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try TenantRows.read(reader, settings: settings, diagnostics: &diagnostics)
        } ?? DecodedTable()
        var subscriptions = table(folder, "subscriptions", SubscriptionColumn.schema, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try SubscriptionRows.read(reader, settings: settings, tenants: tenants, products: products, diagnostics: &diagnostics)
        } ?? DecodedTable()
        var orders = table(folder, "orders", OrderColumn.schema, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try OrderRows.read(reader, settings: settings, tenants: tenants, products: products, diagnostics: &diagnostics)
        } ?? DecodedTable()
        let vouchers = table(folder, "vouchers", VoucherColumn.schema, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try VoucherRows.read(reader, settings: settings, products: products, diagnostics: &diagnostics)
        } ?? DecodedTable()
        var changes = table(folder, "changes", ChangeColumn.schema, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try ChangeRows.read(reader, settings: settings, tenants: tenants, products: products, subscriptions: subscriptions, diagnostics: &diagnostics)
        } ?? DecodedTable()
        var adjustments = table(folder, "adjustments", AdjustmentColumn.schema, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try AdjustmentRows.read(reader, settings: settings, tenants: tenants, products: products, diagnostics: &diagnostics)
        } ?? DecodedTable()

        var allOrders = orders.byId.removeAllValues()
        allOrders.sort { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        let selectedOrders = RecordSelection(allOrders, context: context)
        let handle = OrderRows.checkRelations(selectedOrders.handle, settings: settings, subscriptions: subscriptions,
                                              prepaid: context.state.prepaid, diagnostics: &diagnostics)
        var allAdjustments = adjustments.byId.removeAllValues()
        allAdjustments.sort { ($0.date, $0.id) < ($1.date, $1.id) }
        let selectedAdjustments = RecordSelection(allAdjustments, context: context)
        var allChanges = changes.byId.removeAllValues()
        allChanges.sort { ($0.effective, $0.id) < ($1.effective, $1.id) }
        let selectedChanges = RecordSelection(allChanges, context: context)
        let input = BillingInput(
            settings: settings, tenants: tenants.byId, products: products.byId,
            subscriptions: subscriptions.byId.removeAllValues(), orders: handle,
            vouchers: Dictionary(uniqueKeysWithValues: vouchers.byId.all.map { ($0.code, $0) })
        )
        return LoadedInput(input: input, orders: handle, adjustments: selectedAdjustments.handle, changes: selectedChanges.handle,
                           findings: selectedOrders.findings + selectedAdjustments.findings + selectedChanges.findings,
                           waiting: selectedOrders.waiting + selectedAdjustments.waiting + selectedChanges.waiting)
    }

    /// Opens a table if the folder has it (a missing table is empty) and reads it with `read`.
    static func table<Value: Keyed>(
        _ folder: InputFolder, _ name: String, _ schema: TableSchema, _ diagnostics: inout Diagnostics,
        _ read: (any RowReader, inout Diagnostics) throws(InputFailure) -> DecodedTable<Value>
    ) -> DecodedTable<Value>? {
        guard let file = folder.tables[name] else { return nil }
        do {
            let reader = try openTable(path: folder.fullPath(file), name: file, schema: schema)
            return try read(reader, &diagnostics)
        } catch {
            for item in error.diagnostics { diagnostics.add(item) }
            var unreadable = DecodedTable<Value>()
            unreadable.unreadableFile = file
            return unreadable
        }
    }
}
