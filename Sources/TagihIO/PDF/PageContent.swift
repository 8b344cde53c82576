/// One page's drawing operators for the fast writer, in PDF's coordinates (points, origin at the
/// bottom left); callers give positions from the top left, as the page plan does.
struct PageContent {
    private(set) var bytes: [UInt8] = []
    private var fill: RGB?
    private var stroke: RGB?
    private var lineWidth: Double?

    init() { bytes.reserveCapacity(6 * 1024) }

    mutating func rectangle(x: Double, y: Double, width: Double, height: Double, _ color: RGB) {
        setFill(color)
        numbers([x, PDFStyle.pageHeight - y - height, width, height])
        append(" re f\n")
    }

    /// A horizontal rule centred on `y`.
    mutating func rule(x: Double, y: Double, width: Double, thickness: Double, _ color: RGB) {
        if stroke != color {
            stroke = color
            numbers([color.red, color.green, color.blue])
            append(" RG\n")
        }
        if lineWidth != thickness {
            lineWidth = thickness
            numbers([thickness])
            append(" w\n")
        }
        numbers([x, PDFStyle.pageHeight - y])
        append(" m ")
        numbers([x + width, PDFStyle.pageHeight - y])
        append(" l S\n")
    }

    /// Glyphs set from `x` on the baseline at `baseline`.
    mutating func text(_ glyphs: ArraySlice<UInt16>, face: LatinFaces.Face, size: Double, color: RGB, x: Double, baseline: Double) {
        guard !glyphs.isEmpty else { return }
        setFill(color)
        append("BT /\(face.resource) ")
        numbers([size])
        append(" Tf ")
        numbers([x, PDFStyle.pageHeight - baseline])
        append(" Td <")
        let digits: StaticString = "0123456789ABCDEF"
        digits.withUTF8Buffer { hex in
            for glyph in glyphs {
                let value = Int(glyph)
                bytes.append(hex[(value >> 12) & 0xF])
                bytes.append(hex[(value >> 8) & 0xF])
                bytes.append(hex[(value >> 4) & 0xF])
                bytes.append(hex[value & 0xF])
            }
        }
        append("> Tj ET\n")
    }

    private mutating func setFill(_ color: RGB) {
        guard fill != color else { return }
        fill = color
        numbers([color.red, color.green, color.blue])
        append(" rg\n")
    }

    private mutating func numbers(_ values: [Double]) {
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            PDFFile.appendNumber(value, to: &bytes)
        }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
