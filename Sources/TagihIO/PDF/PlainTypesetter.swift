/// The fast path's typesetter: every text in the Latin faces.
struct PlainTypesetter: TextSetting {
    let faces: LatinFaces

    func block(_ text: String, _ style: TextStyle, wrapWidth: Double?, alignment: TextAlignment) -> PlainText {
        let block = PlainText(text, style: style, face: faces.face(style.font))
        if let wrapWidth { block.wrap(to: wrapWidth, alignment: alignment) }
        return block
    }
}
