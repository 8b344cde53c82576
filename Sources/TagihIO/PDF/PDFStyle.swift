/// A colour as cairo takes it, each part 0...1.
struct RGB: Equatable {
    let red: Double
    let green: Double
    let blue: Double
    init(_ red: Double, _ green: Double, _ blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }
}

/// A font size and weight; the family list is the renderer's, the same for every text.
struct Font: Hashable {
    let size: Double
    let bold: Bool
}

/// How one kind of text looks.
struct TextStyle {
    let font: Font
    let color: RGB
    init(_ size: Double, bold: Bool = false, _ color: RGB) {
        font = Font(size: size, bold: bold)
        self.color = color
    }
}

/// The page's look in one place: A4 portrait, measured in PDF points (1/72 inch). Sober on
/// purpose: black text, one dark blue for the title and the table's header, hairline rules.
enum PDFStyle {
    static let pageWidth = 595.2756
    static let pageHeight = 841.8898
    static let marginX = 48.0
    static let marginTop = 44.0
    static let marginBottom = 34.0
    static var contentWidth: Double { pageWidth - 2 * marginX }

    static let ink = RGB(0.11, 0.11, 0.13)
    static let muted = RGB(0.40, 0.42, 0.46)
    static let accent = RGB(0.11, 0.24, 0.43)
    static let headerFill = RGB(0.92, 0.94, 0.97)
    static let rule = RGB(0.78, 0.80, 0.84)

    static let title = TextStyle(20, bold: true, accent)
    static let number = TextStyle(10, ink)
    static let issuerName = TextStyle(13, bold: true, ink)
    static let issuerLine = TextStyle(8.5, muted)
    static let caption = TextStyle(7.5, bold: true, muted)
    static let recipientName = TextStyle(11, bold: true, ink)
    static let recipientLine = TextStyle(9, ink)
    static let factLabel = TextStyle(9, muted)
    static let factValue = TextStyle(9, bold: true, ink)
    static let tableHeader = TextStyle(8.5, bold: true, accent)
    static let cell = TextStyle(9, ink)
    static let totalLabel = TextStyle(9, muted)
    static let totalValue = TextStyle(9, ink)
    static let dueLabel = TextStyle(11, bold: true, ink)
    static let dueValue = TextStyle(11, bold: true, ink)
    static let noteHeading = TextStyle(9, bold: true, ink)
    static let noteText = TextStyle(9, ink)
    static let runningHead = TextStyle(8.5, bold: true, muted)
    static let footer = TextStyle(7.5, muted)

    /// Space inside a table cell.
    static let cellPadX = 6.0
    static let cellPadY = 4.5
    static let ruleWidth = 0.5
}
