import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihIO

/// Coretax e-Faktur import files: exact bytes, the 1,000-per-file split, escaping, and every
/// file checked by libxml2 against the schema in docs/schemas (xmllint, Debian libxml2-utils).
@Suite struct EFakturWriterTests {
    static let schema = Paths.root.appendingPathComponent("docs/schemas/TaxInvoice.xsd").path
    static let rupiah = CurrencyCode("IDR")!
    static let seller = TaxInvoiceSeller(tin: .npwp("0012345678901000"), place: NITKU(headOfficeOf: .npwp("0012345678901000")))
    static let november = Period("2026-11")!

    static func rp(_ minor: Int64) -> Money { Money(minor: minor, currency: rupiah) }

    static func item(name: String = "Internet 100 Mbps", price: Int64, quantity: Int = 1, discount: Int64 = 0, base: Int64, other: Int64, vat: Int64) -> TaxInvoiceItem {
        TaxInvoiceItem(kind: .services, code: GoodsServiceCode("160103")!, name: name, unit: .month,
                       price: ExactDecimal(units: price * 100, scale: 2), quantity: quantity, discount: rp(discount), taxBase: rp(base),
                       otherTaxBase: rp(other), vatRate: Rate(percent: ExactDecimal(units: 12)), vat: rp(vat))
    }

    static let company = TaxInvoiceBuyer(
        identification: .taxpayer(.npwp("0023456789012000"), place: try! NITKU.parse("0023456789012000000001").get()),
        name: "PT Pembeli Contoh", address: "Jl. Sudirman 1, Jakarta", email: "finance@pembeli.example")
    static let person = TaxInvoiceBuyer(identification: .nationalID(nik: "3174061502560010"), name: "Budi Contoh",
                                        address: "Jl. Melati 2, Bandung", email: "")

    static func invoice(_ number: Int, buyer: TaxInvoiceBuyer = company, items: [TaxInvoiceItem]? = nil) -> TaxInvoice {
        TaxInvoice(date: day("2026-11-01"), transaction: .otherTaxBase, reference: "INV/2026/11/\(number)", buyer: buyer,
                   items: items ?? [item(price: 1_000_000, base: 1_000_000, other: 916_667, vat: 110_000)])
    }

    /// Writes `invoices` into a new folder; returns it and the names of the files.
    static func write(_ invoices: [TaxInvoice], perFile: Int = EFakturWriter.coretaxLimit) throws -> (URL, [String]) {
        let folder = Paths.temporaryFolder("tagih-efaktur").appendingPathComponent("efaktur")
        let writer = EFakturWriter(folder: folder.path, period: november, seller: seller, currencies: Currencies(), invoicesPerFile: perFile)
        for invoice in invoices { try writer.append(invoice) }
        return (folder, try writer.close())
    }

    static func day(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }

    /// xmllint's status and messages; fails the test when xmllint is not installed.
    static func xmllint(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var output = String(decoding: data, as: UTF8.self)
        // --xpath ends what it prints with a line feed.
        if arguments.first == "--xpath", output.hasSuffix("\n") { output.removeLast() }
        try #require(process.terminationStatus != 127, "xmllint is not installed: apt-get install libxml2-utils")
        return (process.terminationStatus, output)
    }

    static func expectValid(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let result = try xmllint(["--noout", "--schema", schema, path])
        #expect(result.status == 0, "\(result.output)", sourceLocation: sourceLocation)
    }

    @Test func twoBuyersGiveTheseExactBytesAndTheSchemaAcceptsThem() throws {
        let voucher = [
            Self.item(name: "StaffHub", price: 33_333, quantity: 3, discount: 3_333, base: 96_666, other: 88_611, vat: 10_633),
            Self.item(price: 200_000, discount: 6_667, base: 193_333, other: 177_222, vat: 21_267),
        ]
        let (folder, files) = try Self.write([Self.invoice(1, items: voucher), Self.invoice(2, buyer: Self.person)])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(files == ["2026-11-001.xml"])
        let path = folder.appendingPathComponent("2026-11-001.xml").path
        try Self.expectValid(path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
        <?xml version="1.0" encoding="UTF-8"?>
        <TaxInvoiceBulk xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="TaxInvoice.xsd">
          <TIN>0012345678901000</TIN>
          <ListOfTaxInvoice>
            <TaxInvoice>
              <TaxInvoiceDate>2026-11-01</TaxInvoiceDate>
              <TaxInvoiceOpt>Normal</TaxInvoiceOpt>
              <TrxCode>04</TrxCode>
              <AddInfo/>
              <CustomDoc/>
              <CustomDocMonthYear/>
              <RefDesc>INV/2026/11/1</RefDesc>
              <FacilityStamp/>
              <SellerIDTKU>0012345678901000000000</SellerIDTKU>
              <BuyerTin>0023456789012000</BuyerTin>
              <BuyerDocument>TIN</BuyerDocument>
              <BuyerCountry>IDN</BuyerCountry>
              <BuyerDocumentNumber>-</BuyerDocumentNumber>
              <BuyerName>PT Pembeli Contoh</BuyerName>
              <BuyerAdress>Jl. Sudirman 1, Jakarta</BuyerAdress>
              <BuyerEmail>finance@pembeli.example</BuyerEmail>
              <BuyerIDTKU>0023456789012000000001</BuyerIDTKU>
              <ListOfGoodService>
                <GoodService>
                  <Opt>B</Opt>
                  <Code>160103</Code>
                  <Name>StaffHub</Name>
                  <Unit>UM.0024</Unit>
                  <Price>33333</Price>
                  <Qty>3</Qty>
                  <TotalDiscount>3333</TotalDiscount>
                  <TaxBase>96666</TaxBase>
                  <OtherTaxBase>88611</OtherTaxBase>
                  <VATRate>12</VATRate>
                  <VAT>10633</VAT>
                  <STLGRate>0</STLGRate>
                  <STLG>0</STLG>
                </GoodService>
                <GoodService>
                  <Opt>B</Opt>
                  <Code>160103</Code>
                  <Name>Internet 100 Mbps</Name>
                  <Unit>UM.0024</Unit>
                  <Price>200000</Price>
                  <Qty>1</Qty>
                  <TotalDiscount>6667</TotalDiscount>
                  <TaxBase>193333</TaxBase>
                  <OtherTaxBase>177222</OtherTaxBase>
                  <VATRate>12</VATRate>
                  <VAT>21267</VAT>
                  <STLGRate>0</STLGRate>
                  <STLG>0</STLG>
                </GoodService>
              </ListOfGoodService>
            </TaxInvoice>
            <TaxInvoice>
              <TaxInvoiceDate>2026-11-01</TaxInvoiceDate>
              <TaxInvoiceOpt>Normal</TaxInvoiceOpt>
              <TrxCode>04</TrxCode>
              <AddInfo/>
              <CustomDoc/>
              <CustomDocMonthYear/>
              <RefDesc>INV/2026/11/2</RefDesc>
              <FacilityStamp/>
              <SellerIDTKU>0012345678901000000000</SellerIDTKU>
              <BuyerTin>0000000000000000</BuyerTin>
              <BuyerDocument>National ID</BuyerDocument>
              <BuyerCountry>IDN</BuyerCountry>
              <BuyerDocumentNumber>3174061502560010</BuyerDocumentNumber>
              <BuyerName>Budi Contoh</BuyerName>
              <BuyerAdress>Jl. Melati 2, Bandung</BuyerAdress>
              <BuyerEmail/>
              <BuyerIDTKU>000000</BuyerIDTKU>
              <ListOfGoodService>
                <GoodService>
                  <Opt>B</Opt>
                  <Code>160103</Code>
                  <Name>Internet 100 Mbps</Name>
                  <Unit>UM.0024</Unit>
                  <Price>1000000</Price>
                  <Qty>1</Qty>
                  <TotalDiscount>0</TotalDiscount>
                  <TaxBase>1000000</TaxBase>
                  <OtherTaxBase>916667</OtherTaxBase>
                  <VATRate>12</VATRate>
                  <VAT>110000</VAT>
                  <STLGRate>0</STLGRate>
                  <STLG>0</STLG>
                </GoodService>
              </ListOfGoodService>
            </TaxInvoice>
          </ListOfTaxInvoice>
        </TaxInvoiceBulk>

        """)
    }

    @Test func aThousandAndOneInvoicesAreTwoFilesBothValid() throws {
        let (folder, files) = try Self.write((1...1_001).map { Self.invoice($0) })
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(files == ["2026-11-001.xml", "2026-11-002.xml"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == files)
        var counts: [Int] = []
        for name in files {
            let path = folder.appendingPathComponent(name).path
            try Self.expectValid(path)
            let count = try Self.xmllint(["--xpath", "count(/TaxInvoiceBulk/ListOfTaxInvoice/TaxInvoice)", path])
            counts.append(Int(count.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
        }
        #expect(counts == [1_000, 1])
        let last = try Self.xmllint(["--xpath", "string(//TaxInvoice[1]/RefDesc)", folder.appendingPathComponent(files[1]).path])
        #expect(last.output == "INV/2026/11/1001")
    }

    @Test func exactlyAFullFileIsOneFileAndNoRecordsNoFolder() throws {
        let (full, files) = try Self.write((1...3).map { Self.invoice($0) }, perFile: 3)
        defer { try? FileManager.default.removeItem(at: full.deletingLastPathComponent()) }
        #expect(files == ["2026-11-001.xml"])
        let (empty, none) = try Self.write([])
        defer { try? FileManager.default.removeItem(at: empty.deletingLastPathComponent()) }
        #expect(none == [])
        #expect(!FileManager.default.fileExists(atPath: empty.path))
    }

    @Test func namesWithMarkupAreEscapedAndReadBackAsWritten() throws {
        var buyer = Self.company
        buyer.name = "PT A&B <Cabang> \"Utama\" 'Satu'"
        buyer.address = "Jl. Dago 1 & 2, Bandung\u{1} Ä€"
        let item = Self.item(name: "Paket <Pro> & Add-on", price: 1_000_000, base: 1_000_000, other: 916_667, vat: 110_000)
        let (folder, files) = try Self.write([Self.invoice(1, buyer: buyer, items: [item])])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent(files[0]).path
        try Self.expectValid(path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("<BuyerName>PT A&amp;B &lt;Cabang&gt; \"Utama\" 'Satu'</BuyerName>"))
        #expect(text.contains("<Name>Paket &lt;Pro&gt; &amp; Add-on</Name>"))
        #expect(try Self.xmllint(["--xpath", "string(//BuyerName)", path]).output == buyer.name)
        // A control character XML cannot carry becomes U+FFFD; other text stays as it was.
        #expect(try Self.xmllint(["--xpath", "string(//BuyerAdress)", path]).output == "Jl. Dago 1 & 2, Bandung\u{FFFD} Ä€")
    }

    @Test func amountsWithCentsHaveTwoDecimalsAndWholeOnesNone() throws {
        var item = Self.item(price: 0, quantity: 8, base: 100, other: 92, vat: 11)
        item.price = ExactDecimal(units: 1_250, scale: 2)
        let (folder, files) = try Self.write([Self.invoice(1, items: [item])])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent(files[0]).path
        try Self.expectValid(path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("<Price>12.50</Price>"))
        #expect(text.contains("<Qty>8</Qty>"))
        #expect(text.contains("<TaxBase>100</TaxBase>"))
    }

    @Test func theSameRecordsGiveTheSameBytes() throws {
        let invoices = (1...30).map { Self.invoice($0, buyer: $0.isMultiple(of: 2) ? Self.person : Self.company) }
        let (first, firstFiles) = try Self.write(invoices, perFile: 7)
        let (second, secondFiles) = try Self.write(invoices, perFile: 7)
        defer {
            try? FileManager.default.removeItem(at: first.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: second.deletingLastPathComponent())
        }
        #expect(firstFiles.count == 5)
        #expect(firstFiles == secondFiles)
        for name in firstFiles {
            #expect(FileManager.default.contents(atPath: first.appendingPathComponent(name).path)
                == FileManager.default.contents(atPath: second.appendingPathComponent(name).path))
        }
    }

    /// The check is real: a file off the schema in one character is refused.
    @Test func theSchemaRefusesWhatCoretaxWouldRefuse() throws {
        let (folder, files) = try Self.write([Self.invoice(1)])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let path = folder.appendingPathComponent(files[0]).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let broken = [
            text.replacing("<TrxCode>04</TrxCode>", with: "<TrxCode>4</TrxCode>"),
            text.replacing("<BuyerIDTKU>0023456789012000000001</BuyerIDTKU>", with: "<BuyerIDTKU>0023456789012000</BuyerIDTKU>"),
            text.replacing("<VAT>110000</VAT>", with: "<VAT>110000.001</VAT>"),
            text.replacing("<BuyerCountry>IDN</BuyerCountry>\n", with: ""),
        ]
        for (index, variant) in broken.enumerated() {
            #expect(variant != text)
            let brokenPath = folder.appendingPathComponent("broken-\(index).xml").path
            try variant.write(toFile: brokenPath, atomically: false, encoding: .utf8)
            #expect(try Self.xmllint(["--noout", "--schema", Self.schema, brokenPath]).status != 0, "variant \(index) passed")
        }
    }

    @Test func fileNamesCountFromOne() {
        #expect(EFakturWriter.fileName(period: Self.november, number: 1) == "2026-11-001.xml")
        #expect(EFakturWriter.fileName(period: Self.november, number: 42) == "2026-11-042.xml")
        #expect(EFakturWriter.fileName(period: Self.november, number: 1_000) == "2026-11-1000.xml")
    }
}
