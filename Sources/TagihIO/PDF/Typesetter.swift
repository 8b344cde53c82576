internal import CPangoCairo

/// pango's font map and context for one renderer: it finds the fonts and shapes the text.
/// Never shared between threads (pango hangs when two threads use one font map).
final class Typesetter: TextSetting {
    /// Latin from Noto Sans, Arabic from Noto Sans Arabic, Chinese/Japanese/Korean from Droid
    /// Sans Fallback: a TrueType font, so cairo subsets it quickly (the CFF Noto CJK fonts
    /// cost four times as much per document). Debian: fonts-noto-core, fonts-droid-fallback.
    static let families = ["Noto Sans", "Noto Sans Arabic", "Droid Sans Fallback"]

    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private var fonts: [Font: OpaquePointer] = [:]
    /// Attributes for every text: no hyphen where a long word is broken, since a hyphen
    /// inside a payment code or account number would change what the reader types.
    private let attributes: OpaquePointer

    init() throws {
        // A font map of its own, not pango's per-thread default, so its life is this object's.
        guard let fontMap = pango_cairo_font_map_new() else { throw PDFError("pango could not create a font map") }
        self.fontMap = fontMap
        guard let context = pango_font_map_create_context(fontMap) else {
            g_object_unref(fontMap)
            throw PDFError("pango could not create a context")
        }
        self.context = context
        guard let attributes = pango_attr_list_new(), let noHyphens = pango_attr_insert_hyphens_new(0) else {
            g_object_unref(UnsafeMutableRawPointer(context))
            g_object_unref(fontMap)
            throw PDFError("pango could not create text attributes")
        }
        pango_attr_list_insert(attributes, noHyphens)
        self.attributes = attributes
        // Without a family fontconfig silently substitutes another font: the page would look
        // different and the bytes would depend on what else is installed.
        for family in Typesetter.families where pango_font_map_get_family(fontMap, family) == nil {
            throw PDFError("the font \(family) is not installed (Debian packages fonts-noto-core and fonts-droid-fallback)")
        }
        // Fixed, not taken from the process's locale, so every process lays out alike.
        pango_context_set_language(context, pango_language_from_string("en"))
        pango_context_set_base_dir(context, PANGO_DIRECTION_LTR)
        // Outlines unhinted and glyphs at their exact advances: a PDF is scaled, not printed
        // at one resolution, and rounded advances make uneven letter spacing.
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            pango_cairo_context_set_font_options(context, options)
            cairo_font_options_destroy(options)
        }
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        for font in fonts.values { pango_font_description_free(font) }
        pango_attr_list_unref(attributes)
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// Points the context at a new document's cairo context (its surface's font options and
    /// transform); call before laying out that document's text.
    func attach(to cairo: OpaquePointer) {
        pango_cairo_update_context(cairo, context)
    }

    /// Shapes and measures `text`, wrapped to `wrapWidth` when given.
    func block(_ text: String, _ style: TextStyle, wrapWidth: Double? = nil, alignment: TextBlock.Alignment = .leading) throws -> TextBlock {
        try TextBlock(text, style: style, in: context, font: font(style.font), attributes: attributes, wrapWidth: wrapWidth, alignment: alignment)
    }

    private func font(_ font: Font) throws -> OpaquePointer {
        if let description = fonts[font] { return description }
        guard let description = pango_font_description_new() else { throw PDFError("pango could not create a font description") }
        pango_font_description_set_family(description, Typesetter.families.joined(separator: ","))
        // Absolute size is in device units, which on a PDF surface are points.
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        fonts[font] = description
        return description
    }
}
