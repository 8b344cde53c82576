import TagihIO

/// Documents for the PDF tests, worded and formatted the way the pipeline will hand them over.
enum PDFSamples {
    static let issuer = [
        "PT Tagih Nusantara",
        "Jl. Merdeka No. 17, Jakarta Pusat 10110",
        "NPWP 01.234.567.8-901.000",
        "tagihan@nusanet.example · (021) 555-0123",
    ]

    /// An Indonesian invoice whose total is Rp 1.500.000.
    static func indonesianInvoice(recipient: [String] = ["Budi Santoso", "Jl. Kenanga No. 5, RT 03/RW 07", "Bandung 40115"], rows: [[String]]? = nil) -> PrintedDocument {
        PrintedDocument(
            title: "FAKTUR",
            number: "No. INV-2026-11-00031",
            issuer: issuer,
            recipientHeading: "KEPADA",
            recipient: recipient,
            facts: [
                .init("Tanggal faktur", "01-11-2026"),
                .init("Jatuh tempo", "15-11-2026"),
                .init("Periode", "1–30 November 2026"),
                .init("Kode pembayaran", "8808 1234 5678 9012"),
            ],
            columns: [
                .init("No", alignment: .trailing),
                .init("Keterangan", width: .remaining),
                .init("Jml", alignment: .trailing),
                .init("Harga satuan", alignment: .trailing),
                .init("Jumlah", alignment: .trailing),
            ],
            rows: rows ?? [
                ["1", "Internet Rumah 50 Mbps, 1–30 November 2026", "1", "Rp 450.000", "Rp 450.000"],
                ["2", "Sewa modem WiFi dual-band", "1", "Rp 25.000", "Rp 25.000"],
                ["3", "Biaya instalasi dan aktivasi jaringan fiber optik di lokasi pelanggan, termasuk kabel hingga 50 meter", "1", "Rp 150.000", "Rp 150.000"],
                ["4", "TV Kabel Paket Keluarga", "1", "Rp 200.000", "Rp 200.000"],
                ["5", "Layanan cloud 100 GB", "2", "Rp 150.000", "Rp 300.000"],
                ["6", "Pemeliharaan bulanan", "1", "Rp 226.351", "Rp 226.351"],
                ["7", "Diskon pelanggan setia", "1", "-Rp 50.000", "-Rp 50.000"],
            ],
            totals: [
                .init("Subtotal", "Rp 1.351.351"),
                .init("PPN 11%", "Rp 148.649"),
                .init("Total tagihan", "Rp 1.500.000", emphasised: true),
            ],
            notes: [
                .init(heading: "Terbilang", "satu juta lima ratus ribu rupiah"),
                .init(heading: "Cara pembayaran", "Bayar melalui transfer virtual account BCA 8808 1234 5678 9012 atau di gerai Alfamart/Indomaret dengan kode pembayaran di atas, paling lambat pada tanggal jatuh tempo. Pembayaran setelah jatuh tempo dapat dikenai denda keterlambatan dan layanan dapat diputus sementara."),
            ],
            footer: "PT Tagih Nusantara · Jl. Merdeka No. 17, Jakarta Pusat 10110 · Faktur ini dibuat secara elektronik dan sah tanpa tanda tangan.",
            metadata: .init(title: "Faktur INV-2026-11-00031", author: "PT Tagih Nusantara", subject: "Faktur November 2026")
        )
    }

    static func englishCreditNote() -> PrintedDocument {
        PrintedDocument(
            title: "CREDIT NOTE",
            number: "No. CN-2026-11-00004",
            issuer: issuer,
            recipientHeading: "BILL TO",
            recipient: ["Sarah O'Connor", "Apartment 12B, Menara Citicon", "Jakarta Barat 11470"],
            facts: [.init("Date", "20 November 2026"), .init("For invoice", "INV-2026-10-00912")],
            columns: [
                .init("Description", width: .remaining),
                .init("Qty", alignment: .trailing),
                .init("Amount", alignment: .trailing),
            ],
            rows: [
                ["Service outage credit, 3 days", "1", "Rp 45.000"],
                ["Overcharged installation fee", "1", "Rp 105.000"],
            ],
            totals: [.init("Total credited", "Rp 150.000", emphasised: true)],
            notes: [.init(heading: "Amount in words", "one hundred fifty thousand rupiah")],
            footer: "PT Tagih Nusantara · This credit note was issued electronically.",
            metadata: .init(title: "Credit note CN-2026-11-00004", author: "PT Tagih Nusantara")
        )
    }

    /// An invoice with `count` numbered rows: "Baris 1" … "Baris count".
    static func longInvoice(rows count: Int) -> PrintedDocument {
        indonesianInvoice(rows: (1...count).map { ["\($0)", "Baris \($0) pemakaian harian", "1", "Rp 10.000", "Rp 10.000"] })
    }
}
