import TagihCore
import TagihIO

/// The fields tax invoices (rule 16) read: an NPWP or NIK, a place of business (NITKU), a
/// Coretax goods or services code and unit. Checked where they are read, so a wrong one is
/// reported with its position instead of being refused by Coretax a month later.
extension FieldDecoder {
    /// `tax_id`: an NPWP (15 or 16 digits, punctuation allowed) or a NIK (16 digits); the text
    /// as written (which documents show) and what it identifies.
    mutating func taxIdentity(_ slot: Int) -> (text: String?, identity: TaxIdentity?) {
        guard let text = text(slot) else { return (nil, nil) }
        switch TaxIdentity.parse(text) {
        case .success(let identity): return (text, identity)
        case .failure(let error):
            fail(slot, error.message)
            return (text, nil)
        }
    }

    /// `nitku`: 22 digits starting with the tax id's 16; it needs the tax id beside it.
    mutating func nitku(_ slot: Int, of identity: TaxIdentity?, taxIdSlot: Int) -> NITKU? {
        guard let text = text(slot) else { return nil }
        guard let identity else {
            // A bad tax id is reported on its own; only a missing one is this field's problem.
            if !row.has(taxIdSlot) { fail(slot, "needs tax_id, the NPWP or NIK it belongs to") }
            return nil
        }
        switch NITKU.parse(text, of: identity) {
        case .success(let place): return place
        case .failure(let error):
            fail(slot, error.message)
            return nil
        }
    }

    /// `service_code`: six digits of Coretax's goods and services list.
    mutating func goodsServiceCode(_ slot: Int) -> GoodsServiceCode? {
        guard let text = text(slot) else { return nil }
        guard let code = GoodsServiceCode(text) else {
            fail(slot, "is not a Coretax goods or services code (six digits, 000000 for the generic one)")
            return nil
        }
        return code
    }

    /// `unit`: a Coretax unit of measure, `UM.0001` to `UM.0039`.
    mutating func measureUnit(_ slot: Int) -> MeasureUnit? {
        guard let text = text(slot) else { return nil }
        guard let unit = MeasureUnit(text) else {
            fail(slot, "is not a Coretax unit of measure (UM.0001 to UM.00\(MeasureUnit.known.upperBound), such as UM.0024 for a month)")
            return nil
        }
        return unit
    }
}

/// `operator.tax_id` and `operator.idtku` in settings: the seller of every tax invoice.
enum OperatorTaxFields {
    /// Problems with the two, each at its own position, and the place of business when given.
    static func check(taxId: (text: String, location: SourceLocation)?, idtku: (text: String, location: SourceLocation)?) -> (NITKU?, [Diagnostic]) {
        var identity: TaxIdentity?
        var problems: [Diagnostic] = []
        if let taxId, !taxId.text.isEmpty {
            switch TaxIdentity.parse(taxId.text) {
            case .success(let value): identity = value
            case .failure(let error): problems.append(Diagnostic(taxId.location, value: taxId.text, "operator.tax_id \(error.message)"))
            }
        }
        guard let idtku, !idtku.text.isEmpty else { return (nil, problems) }
        guard let identity else {
            if taxId?.text.isEmpty ?? true {
                problems.append(Diagnostic(idtku.location, value: idtku.text, "operator.idtku needs operator.tax_id, the NPWP it belongs to"))
            }
            return (nil, problems)
        }
        switch NITKU.parse(idtku.text, of: identity) {
        case .success(let place): return (place, problems)
        case .failure(let error):
            problems.append(Diagnostic(idtku.location, value: idtku.text, "operator.idtku \(error.message.replacing("tax_id", with: "operator.tax_id"))"))
            return (nil, problems)
        }
    }
}
