/// A rendered document: its bytes and what a caller may want to check or log.
public struct RenderedPDF: Sendable {
    public let bytes: [UInt8]
    public let pageCount: Int
    /// Characters no installed font has, drawn as empty boxes. Zero for Indonesian, English,
    /// Arabic and Chinese/Japanese/Korean text; more means a name or line lost letters.
    public let missingGlyphs: Int
}
