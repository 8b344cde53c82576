typealias TextAlignment = PrintedDocument.Column.Alignment

extension TextAlignment {
    /// How far from a box's left edge a text `width` wide starts when aligned in it.
    func offset(_ width: Double, in box: Double) -> Double {
        switch self {
        case .leading: 0
        case .center: (box - width) / 2
        case .trailing: box - width
        }
    }
}

/// Where one line of a text sits inside it, in points from the text's top, for texts split
/// across pages.
struct TextLine {
    let top: Double
    let bottom: Double
    let baseline: Double
    let x: Double
    var height: Double { bottom - top }
}

/// A text shaped and measured, ready to place: what the page plan needs of it, whichever
/// engine shaped it (pango for any script, `PlainText` for Latin-only documents).
protocol LaidOutText: AnyObject {
    /// The widest line's width and the height of all lines.
    var width: Double { get }
    var height: Double { get }
    var lines: [TextLine] { get }
    /// Characters drawn as boxes because no font has them.
    var unknownGlyphs: Int { get }
    /// Wraps the lines to `width` and aligns them in it.
    func wrap(to width: Double, alignment: TextAlignment)
}

/// Makes the texts of one document.
protocol TextSetting {
    associatedtype Block: LaidOutText
    func block(_ text: String, _ style: TextStyle, wrapWidth: Double?, alignment: TextAlignment) throws -> Block
}
