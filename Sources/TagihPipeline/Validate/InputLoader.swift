import TagihCore
import TagihIO

/// The read and validate stages: every table read in dependency order (settings, then
/// products and tenants, then what refers to them), every problem collected.
public struct LoadedInput: Sendable {
    public var folder: InputFolder
    public var input: BillingInput?
    public var state: BillingState
    /// The state file read, if any, and its name in messages.
    public var statePath: String?
    public var stateName: String?
    public var diagnostics: Diagnostics
    /// Rows left out because they were invalid (only with `--skip-invalid`).
    public var skippedRows: Int { diagnostics.count }
}

public enum InputLoader {
    /// Reads and validates everything. `statePath` overrides `state.yaml` in the folder.
    public static func load(folderPath: String, statePath: String? = nil) -> LoadedInput {
        var diagnostics = Diagnostics()
        let folder: InputFolder
        do {
            folder = try InputFolder.scan(folderPath)
        } catch {
            for item in error.diagnostics { diagnostics.add(item) }
            return LoadedInput(folder: InputFolder.empty(folderPath), input: nil, state: .initial, diagnostics: diagnostics)
        }

        guard let settings = loadSettings(folder, &diagnostics) else {
            return LoadedInput(folder: folder, input: nil, state: .initial, diagnostics: diagnostics)
        }

        var state = BillingState.initial
        let stateFile = statePath ?? folder.state.map(folder.fullPath)
        let stateName = statePath.map { $0.lastComponent } ?? folder.state
        if let stateFile, let name = stateName {
            do {
                state = try StateFile.read(path: stateFile, name: name, currencies: settings.currencies)
            } catch {
                for item in error.diagnostics { diagnostics.add(item) }
            }
        }

        let products = table(folder, "products", Schemas.products, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try ProductRows.read(reader, settings: settings, diagnostics: &diagnostics)
        } ?? DecodedTable()
        let tenants = table(folder, "tenants", Schemas.tenants, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try TenantRows.read(reader, settings: settings, diagnostics: &diagnostics)
        } ?? DecodedTable()
        var subscriptions = table(folder, "subscriptions", Schemas.subscriptions, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try SubscriptionRows.read(reader, settings: settings, tenants: tenants, products: products, diagnostics: &diagnostics)
        } ?? DecodedTable()

        var orders = table(folder, "orders", Schemas.orders, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try OrderRows.read(reader, settings: settings, tenants: tenants, products: products, subscriptions: subscriptions,
                               prepaid: state.prepaid, diagnostics: &diagnostics)
        } ?? DecodedTable()
        let vouchers = table(folder, "vouchers", Schemas.vouchers, &diagnostics) { reader, diagnostics throws(InputFailure) in
            try VoucherRows.read(reader, settings: settings, products: products, diagnostics: &diagnostics)
        } ?? DecodedTable()

        let input = BillingInput(
            settings: settings, tenants: tenants.byId, products: products.byId,
            subscriptions: subscriptions.byId.removeAllValues(), orders: orders.byId.removeAllValues(), vouchers: Dictionary(uniqueKeysWithValues: vouchers.byId.all.map { ($0.code, $0) })
        )
        return LoadedInput(folder: folder, input: input, state: state, statePath: stateFile, stateName: stateName, diagnostics: diagnostics)
    }

    static func loadSettings(_ folder: InputFolder, _ diagnostics: inout Diagnostics) -> Settings? {
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

    /// Opens a table if the folder has it (a missing table is empty) and reads it with `read`.
    static func table<Value: Sendable>(
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

extension InputFolder {
    static func empty(_ path: String) -> InputFolder { InputFolder(path: path) }
}

extension String {
    /// The last path component.
    var lastComponent: String { split(separator: "/").last.map(String.init) ?? self }
}
