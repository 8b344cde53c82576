import Testing
@testable import TagihIO

@Suite struct PDFFileTests {
    /// Coordinates to a thousandth of a point, without trailing zeros, the same on any machine.
    @Test func numbersAreWrittenToThreeDecimals() {
        let cases: [(Double, String)] = [(0, "0"), (12, "12"), (0.05, "0.05"), (-1.5, "-1.5"), (595.2756, "595.276"),
                                         (841.8898, "841.89"), (0.0004, "0"), (1234.5, "1234.5"), (0.11, "0.11")]
        for (value, text) in cases { #expect(PDFFile.number(value) == text, "\(value)") }
    }

    @Test func hexIsFourUpperCaseDigits() {
        #expect(PDFFile.hex4(0) == "0000")
        #expect(PDFFile.hex4(0x20AC) == "20AC")
        #expect(PDFFile.hex4(255) == "00FF")
    }
}
