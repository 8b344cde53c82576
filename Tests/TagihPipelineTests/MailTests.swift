import Foundation
import Testing
import TestSupport
@testable import TagihIO
import TagihCore

/// Mail as a mail client and a mail server see it, and the secret kept out of every output.
@Suite struct MailTests {
    static let sample = Paths.root.appendingPathComponent("input")

    func runSample(_ extra: [String] = [], environment: [String: String] = ["TAGIH_SECRET": sampleSecret], input: URL = MailTests.sample) throws -> (ToolResult, URL) {
        let output = Paths.temporaryFolder("tagih-mail").appendingPathComponent("out")
        return (try runTagih(["run", "--input", input.path, "--output", output.path, "--period", "2026-11"] + extra, environment: environment), output)
    }

    @Test func everyMessageParsesStrictlyWithBothPartsAndHeaders() throws {
        let (result, output) = try runSample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 0, "\(result.stderr)")
        // Python's email package with the strict policy raises on any defect.
        let script = """
        import collections, email, email.policy, glob, os, re, subprocess, sys, tempfile
        files = sorted(glob.glob(sys.argv[1] + '/*.eml'))
        kinds = collections.Counter()
        for f in files:
            data = open(f, 'rb').read()
            assert b'\\n' not in data.replace(b'\\r\\n', b''), f + ': a bare LF'
            assert max(len(l) for l in data.split(b'\\r\\n')) <= 78, f + ': a line over 78'
            m = email.message_from_bytes(data, policy=email.policy.strict)
            for h in ('From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version'):
                assert m[h], f + ' lacks ' + h
            alternative = m
            pdfs = []
            if m.get_content_type() == 'multipart/mixed':
                parts = list(m.iter_parts())
                assert [p.get_content_type() for p in parts] == ['multipart/alternative', 'application/pdf'], f
                alternative, pdfs = parts[0], [parts[1]]
            assert alternative.get_content_type() == 'multipart/alternative', f
            assert [p.get_content_type() for p in alternative.iter_parts()] == ['text/plain', 'text/html'], f
            text = m.get_body(('plain',)).get_content()
            assert text.strip(), f
            assert '</html>' in m.get_body(('html',)).get_content(), f
            name = os.path.basename(f)
            kind = name.split('.')[-2] if name.count('.') > 1 else 'invoice'
            kinds[kind] += 1
            for part in pdfs:
                body = part.get_content()
                assert body.startswith(b'%PDF-'), f
                # The PDF beside the mail is the same bytes.
                assert open(f[:-4] + '.pdf', 'rb').read() == body, f
                with tempfile.NamedTemporaryFile(suffix='.pdf') as tmp:
                    tmp.write(body); tmp.flush()
                    printed = subprocess.run(['pdftotext', '-layout', tmp.name, '-'], capture_output=True, text=True, check=True).stdout
                number = re.search(r'(INV|CN)/\\d{4}/\\d{2}/\\d{5}', text).group(0)
                assert number in printed, f + ': the PDF lacks ' + number
                if kind == 'invoice':
                    total = re.search(r'Total\\s*: (\\S+ [\\d.,]+)', text).group(1)
                    assert total in printed, f + ': the PDF lacks the total ' + total
                    if 'Cara membayar' in text or 'How to pay' in text:
                        assert 'BCA 1234567890' in printed, f + ': the PDF lacks the payment instructions'
        print(' '.join('%s=%d' % (k, kinds[k]) for k in sorted(kinds)))
        """
        let check = try runPython(script, arguments: [output.appendingPathComponent("outbox/2026-11-30/mail").path])
        #expect(check.status == 0, "\(check.stderr)")
        // 21 invoices; 3 order receipts and 8 for payments applied to other invoices; 4 payers of
        // collections with an e-mail address; 5 payouts sent; 16 dunning steps reached in November.
        #expect(check.stdout == "disconnect=4 final_notice=6 invoice=21 payer-receipt=4 receipt=11 reminder=6 remittance=5\n")
    }

    @Test func theReceiptCarriesTheActivationCode() throws {
        let (result, output) = try runSample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 0)
        let receipt = try String(contentsOf: output.appendingPathComponent("outbox/2026-11-30/mail/INV-2026-11-00038.receipt.eml"), encoding: .utf8)
        // HMAC-SHA256("sample-month-secret", "ORD-2026-11-0002"), worked out with Python's hmac module.
        #expect(receipt.contains("Kode aktivasi : PLXK-F7KH-GUDR-MCG2"))
        #expect(OrderCodesProbe.activation("ORD-2026-11-0002", "another secret") == "6QJ4-H8R7-G8FQ-2UAN")
    }

    /// A receipt listing its invoice's lines shows what they come to with tax, so the amount
    /// paid agrees with them: 28 seats x 12 months x Rp 15.000 = Rp 5.040.000, DPP Nilai Lain
    /// 11/12 of it Rp 4.620.000, PPN 12% of that Rp 554.400, total Rp 5.594.400, all paid.
    @Test func aReceiptWithLinesShowsTheirTaxAndTotal() throws {
        let (result, output) = try runSample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 0)
        let read = try runProgram("pdftotext", ["-layout", output.appendingPathComponent("outbox/2026-11-30/mail/INV-2026-11-00037.receipt.pdf").path, "-"])
        let lines = read.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        for expected in ["Subtotal Rp 5.040.000", "DPP Rp 5.040.000", "DPP Nilai Lain (11/12) Rp 4.620.000", "PPN 12% Rp 554.400",
                         "Total Rp 5.594.400", "Jumlah Rp 5.594.400", "LUNAS"] {
            #expect(lines.contains { $0.hasSuffix(expected) }, "no line ending in \(expected): \(read.stdout)")
        }
    }

    @Test func withoutTheSecretTheRunStopsBeforeWritingAnything() throws {
        let (result, output) = try runSample(environment: [:])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 2)
        #expect(result.stderr.contains("TAGIH_SECRET is not set"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func theSecretAppearsInNoOutput() throws {
        let secret = "s3cr3t-Nusa-0xDEADBEEF"
        let (result, output) = try runSample(environment: ["TAGIH_SECRET": secret])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 0)
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
        for (name, text) in try Golden.snapshot(of: output) {
            #expect(!text.contains(secret), "\(name) holds the secret")
        }
    }

    @Test func templatesCanBeOverriddenAndABrokenOneIsReportedWithItsPosition() throws {
        let input = Paths.temporaryFolder("tagih-templates")
        defer { try? FileManager.default.removeItem(at: input) }
        try FileManager.default.removeItem(at: input)
        try FileManager.default.copyItem(at: Self.sample, to: input)
        try FileManager.default.createDirectory(at: input.appendingPathComponent("templates/en"), withIntermediateDirectories: true)
        try "Your NusaNet bill {{invoice.number}} & more".write(to: input.appendingPathComponent("templates/en/invoice.subject.mustache"), atomically: false, encoding: .utf8)
        let (result, output) = try runSample(input: input)
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(result.status == 0, "\(result.stderr)")
        let english = try String(contentsOf: output.appendingPathComponent("outbox/2026-11-30/mail/INV-2026-11-00047.eml"), encoding: .utf8)
        #expect(english.contains("Subject: Your NusaNet bill INV/2026/11/00047 & more\r\n"))

        try "Hello {{#lines}}{{description}}\n{{/wrong}}".write(to: input.appendingPathComponent("templates/en/invoice.text.mustache"), atomically: false, encoding: .utf8)
        try "x".write(to: input.appendingPathComponent("templates/en/invoise.html.mustache"), atomically: false, encoding: .utf8)
        let (broken, brokenOutput) = try runSample(input: input)
        defer { try? FileManager.default.removeItem(at: brokenOutput.deletingLastPathComponent()) }
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("templates/en/invoice.text.mustache:2:"))
        #expect(broken.stderr.contains("templates/en/invoise.html.mustache: not a template tagih uses"))
    }

    @Test func vouchersAreCountedAcrossRuns() throws {
        let fixture = Fixture(files: [
            "products.csv": Fixture.products, "tenants.csv": Fixture.tenants,
            "vouchers.csv": "code,kind,value,max_redemptions\nHEMAT,fixed,50000,3\n",
            "subscriptions.csv": "id,tenant_id,product_id,start,voucher\nS1,T1,NET-30,2026-01-20,HEMAT\nS2,T2,NET-30,2026-01-20,hemat\n",
        ])
        defer { fixture.remove() }
        let november = fixture.folder.appendingPathComponent("nov")
        #expect(try runTagih(["run", "--input", fixture.path, "--period", "2026-11", "--output", november.path]).status == 0)
        let state = try String(contentsOf: november.appendingPathComponent("state.yaml"), encoding: .utf8)
        #expect(state.contains(#"- {code: "HEMAT", count: 2}"#))
        let december = fixture.folder.appendingPathComponent("dec")
        let second = try runTagih(["run", "--input", fixture.path, "--state", november.appendingPathComponent("state.yaml").path, "--output", december.path,
                                   "--period", "2026-12"])
        #expect(second.status == 0, "\(second.stderr)")
        // The third redemption goes to the first invoice by (issue date, number); the fourth is refused.
        let vouchers = try Golden.snapshot(of: december)["invoices.xlsx/xl/worksheets/sheet3.xml"] ?? ""
        // The fixture writes no locale: Indonesian, the default.
        #expect(vouchers.contains("<t>habis: sudah dipakai 3 kali</t>"), "\(vouchers)")
        #expect(try String(contentsOf: december.appendingPathComponent("state.yaml"), encoding: .utf8).contains(#"- {code: "HEMAT", count: 3}"#))
    }
}

@Suite struct MessageSafetyTests {
    @Test func aNameOrAddressCannotAddAHeader() {
        let message = MailMessage(
            from: MailAddress(name: "NusaNet\r\nBcc: victim@evil.example", email: "billing@nusanet.example"),
            to: MailAddress(name: "Budi\nX-Injected: yes", email: "budi@mail.example\r\nCc: x@evil.example"),
            subject: "Tagihan\r\nBcc: victim@evil.example", date: Instant(seconds: 1_793_000_000), utcOffsetSeconds: 25200,
            messageId: "INV-1.invoice@nusanet.example\r\nX-Evil: 1", text: "hi", html: "<p>hi</p>"
        )
        let headers = message.rendered().components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        let names = headers.filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: ":").first.map(String.init) }
        #expect(names == ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"])
    }

    @Test func headersAreEncodedWhenNotASCII() {
        #expect(Header.encodedText("Tagihan — Klinik") == "=?UTF-8?B?VGFnaWhhbiDigJQgS2xpbmlr?=")
        #expect(Header.address(MailAddress(name: "Klinik \"Sehat\"", email: "a@b.example")) == #""Klinik \"Sehat\"" <a@b.example>"#)
        #expect(Header.address(MailAddress(name: "Café Ñ", email: "a@b.example")) == "=?UTF-8?B?Q2Fmw6kgw5E=?= <a@b.example>")
    }

    @Test func quotedPrintableKeepsLinesShortAndEncodesWhatItMust() {
        let long = String(repeating: "abcdefghij", count: 12)
        let encoded = QuotedPrintable.encode("Rp 1.500.000 = lunas \n.dot start\n" + long + "\ntrailing space ")
        #expect(encoded.contains("Rp 1.500.000 =3D lunas=20\r\n=2Edot start\r\n"))
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(encoded.hasSuffix("trailing space=20"))
    }

    @Test func quotedPrintableBreaksLongLinesAfterSeventyFiveCharacters() {
        // 80 plain characters: 75 and a soft break (`=`, 76 in all), then the last 5.
        let plain = String(repeating: "0123456789", count: 8)
        #expect(QuotedPrintable.encode(plain) == String(plain.prefix(75)) + "=\r\n" + String(plain.suffix(5)))
        // An `=` that would end past 75 (at 74: 73 plain, then 3 for `=3D`) goes to the next line.
        let seventyThree = String(repeating: "a", count: 73)
        #expect(QuotedPrintable.encode(seventyThree + "=b") == seventyThree + "=\r\n=3Db")
        // A space is plain inside a line, encoded before a line end; a tab likewise.
        #expect(QuotedPrintable.encode("a b \nc\td\t") == "a b=20\r\nc\td=09")
        // A dot starts a line only encoded, also after a soft break.
        #expect(QuotedPrintable.encode(String(repeating: "x", count: 75) + ".y") == String(repeating: "x", count: 75) + "=\r\n=2Ey")
        #expect(QuotedPrintable.encode("é") == "=C3=A9")
    }

    @Test func headerValuesWithoutControlsOrSpecialsAreKept() {
        #expect(Header.clean("Klinik Sehat") == "Klinik Sehat")
        #expect(Header.clean("a\r\nBcc: x\u{7F}") == "a  Bcc: x ")
        #expect(Header.address(MailAddress(name: " Klinik ", email: "bad <a@b.example>,")) == #""Klinik" <bada@b.example>"#)
        #expect(Header.address(MailAddress(name: "", email: "a@b.example")) == "<a@b.example>")
        // Folded at spaces past 78 characters; exactly 78 stays on one line.
        let word = String(repeating: "w", count: 38)
        #expect(Header.fold("Subject: " + word + " " + word) == "Subject: " + word + "\r\n " + word)
        let seventyEight = "Subject: " + String(repeating: "s", count: 69)
        #expect(Header.fold(seventyEight) == seventyEight)
    }

    @Test func fileNamesFromDataStayInTheirFolder() {
        #expect(SafeFileName.make("INV/2026/11/00001") == "INV-2026-11-00001")
        #expect(SafeFileName.make("../../etc/passwd") == "etc-passwd")
        #expect(SafeFileName.make("..") == "unnamed")
        #expect(SafeFileName.make("a\u{0}b:c*d") == "a-b-c-d")
        #expect(!SafeFileName.make(".hidden/../x").contains("/"))
    }
}
