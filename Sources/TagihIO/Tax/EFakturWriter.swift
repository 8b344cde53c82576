#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TagihCore

/// A month's tax invoices as Coretax's e-Faktur import files (`TaxInvoiceBulk`, the layout of
/// DJP's sample XML and converter template v1.6.1): `<YYYY-MM>-001.xml`, `-002.xml`, ... in one
/// folder, at most `invoicesPerFile` invoices each (Coretax takes 1,000 per upload).
///
/// Records are written as they come, one buffered file at a time, in the order given (the
/// caller's: issue date, then invoice number). Every element DJP's sample has is written, empty
/// ones as `<X/>`; UTF-8, LF line ends, two-space indentation, no clock or random data, so the
/// same records give the same bytes. Nothing is written (not even the folder) for no records.
public final class EFakturWriter {
    /// Coretax's limit per import file, as tax consultants quote DJP (no DJP document states it).
    public static let coretaxLimit = 1_000

    public let folder: String
    public let period: Period
    public let invoicesPerFile: Int
    private let seller: TaxInvoiceSeller
    private let currencies: Currencies
    private var file: BufferedWriter?
    private var inFile = 0
    private var bytes: [UInt8] = []
    /// The files written so far, by name inside `folder`.
    public private(set) var files: [String] = []

    public init(folder: String, period: Period, seller: TaxInvoiceSeller, currencies: Currencies, invoicesPerFile: Int = EFakturWriter.coretaxLimit) {
        precondition(invoicesPerFile > 0, "a file holds at least one invoice")
        self.folder = folder
        self.period = period
        self.seller = seller
        self.currencies = currencies
        self.invoicesPerFile = invoicesPerFile
    }

    /// `2026-11-001.xml`: the month, then the file's number from 1 (three digits, more past 999).
    public static func fileName(period: Period, number: Int) -> String {
        let digits = String(number)
        return "\(period)-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + ".xml"
    }

    public func append(_ invoice: TaxInvoice) throws {
        if file == nil { try open() }
        bytes.removeAll(keepingCapacity: true)
        record(invoice)
        try flushBytes()
        inFile += 1
        if inFile == invoicesPerFile { try finishFile() }
    }

    /// Ends the last file; returns the names of every file written.
    @discardableResult
    public func close() throws -> [String] {
        if file != nil { try finishFile() }
        return files
    }

    // MARK: files

    private func open() throws {
        if files.isEmpty, mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw OutputError("cannot create \(folder): \(String(cString: strerror(errno)))")
        }
        let name = EFakturWriter.fileName(period: period, number: files.count + 1)
        let writer = try BufferedWriter(path: folder + "/" + name)
        file = writer
        files.append(name)
        inFile = 0
        bytes.removeAll(keepingCapacity: true)
        put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        put("<TaxInvoiceBulk xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"TaxInvoice.xsd\">\n")
        element(1, "TIN", seller.tin.digits)
        put("  <ListOfTaxInvoice>\n")
        try flushBytes()
    }

    private func finishFile() throws {
        guard let writer = file else { return }
        bytes.removeAll(keepingCapacity: true)
        put("  </ListOfTaxInvoice>\n</TaxInvoiceBulk>\n")
        try flushBytes()
        try writer.close()
        file = nil
    }

    private func flushBytes() throws {
        guard let writer = file else { return }
        try bytes.withUnsafeBytes { try writer.write(bytes: $0) }
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: one record

    private func record(_ invoice: TaxInvoice) {
        put("    <TaxInvoice>\n")
        element(3, "TaxInvoiceDate", invoice.date.description)
        element(3, "TaxInvoiceOpt", "Normal")
        element(3, "TrxCode", invoice.transaction.rawValue)
        // Facility codes (AddInfo, FacilityStamp) and customs documents are for transaction
        // codes 07 and 08, which tagih does not issue.
        element(3, "AddInfo", "")
        element(3, "CustomDoc", "")
        element(3, "CustomDocMonthYear", "")
        element(3, "RefDesc", invoice.reference)
        element(3, "FacilityStamp", "")
        element(3, "SellerIDTKU", seller.place.digits)
        let buyer = invoice.buyer
        switch buyer.identification {
        case .taxpayer(let identity, _):
            element(3, "BuyerTin", identity.digits)
            element(3, "BuyerDocument", "TIN")
        case .nationalID:
            element(3, "BuyerTin", "0000000000000000")
            element(3, "BuyerDocument", "National ID")
        }
        // NPWP and NIK are Indonesian: IDN (DJP's own sample has IND, which is India).
        element(3, "BuyerCountry", "IDN")
        switch buyer.identification {
        case .taxpayer: element(3, "BuyerDocumentNumber", "-")
        case .nationalID(let nik): element(3, "BuyerDocumentNumber", nik)
        }
        element(3, "BuyerName", buyer.name)
        element(3, "BuyerAdress", buyer.address) // sic: DJP's spelling
        element(3, "BuyerEmail", buyer.email)
        switch buyer.identification {
        case .taxpayer(_, let place): element(3, "BuyerIDTKU", place.digits)
        case .nationalID: element(3, "BuyerIDTKU", "000000")
        }
        put("      <ListOfGoodService>\n")
        for item in invoice.items {
            put("        <GoodService>\n")
            element(5, "Opt", item.kind == .goods ? "A" : "B")
            element(5, "Code", item.code.digits)
            element(5, "Name", item.name)
            element(5, "Unit", item.unit.code)
            element(5, "Price", amount(item.price))
            element(5, "Qty", String(item.quantity))
            element(5, "TotalDiscount", amount(item.discount))
            element(5, "TaxBase", amount(item.taxBase))
            element(5, "OtherTaxBase", amount(item.otherTaxBase))
            element(5, "VATRate", amount(item.vatRate.percent))
            element(5, "VAT", amount(item.vat))
            // No sales tax on luxury goods (PPnBM) for what tagih bills.
            element(5, "STLGRate", "0")
            element(5, "STLG", "0")
            put("        </GoodService>\n")
        }
        put("      </ListOfGoodService>\n")
        put("    </TaxInvoice>\n")
    }

    // MARK: text

    private func put(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private func element(_ depth: Int, _ name: StaticString, _ value: String) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
        bytes.append(UInt8(ascii: "<"))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        if value.isEmpty {
            bytes.append(contentsOf: "/>\n".utf8)
            return
        }
        bytes.append(UInt8(ascii: ">"))
        XMLText.appendEscaped(value, to: &bytes)
        bytes.append(contentsOf: "</".utf8)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: ">\n".utf8)
    }

    private func amount(_ money: Money) -> String {
        amount(ExactDecimal(units: money.minor, scale: currencies(money.currency)?.minorUnits ?? 0))
    }

    /// As DJP's sample writes amounts: a decimal point, no thousands separators, whole numbers
    /// without decimals (`110000`), others with two (`1500.50`). The records carry at most two
    /// (a tax rate such as 11.125% would keep its own, and fail Coretax's check, not the run).
    private func amount(_ value: ExactDecimal) -> String {
        let scale = value.significantScale
        let target = scale == 0 ? 0 : max(scale, 2)
        let units = target >= value.scale ? value.units * pow10(target - value.scale) : value.units / pow10(value.scale - target)
        return ExactDecimal(units: units, scale: target).description
    }
}
