/// The templates built into tagih, by language and name: Indonesian and English defaults for
/// every document. An operator overrides any of them with
/// `input/templates/<language>/<name>.mustache` (for example
/// `input/templates/id/invoice.html.mustache`).
enum DefaultTemplates {
    static let names = ["invoice.subject", "invoice.text", "invoice.html", "receipt.subject", "receipt.text", "receipt.html", "payer_receipt.subject", "payer_receipt.text", "payer_receipt.html", "refund.subject", "refund.text", "refund.html", "remittance.subject", "remittance.text", "remittance.html", "dunning.subject", "dunning.text", "dunning.html", "whatsapp.text", "creditnote.subject", "creditnote.text", "creditnote.html", "void.subject", "void.text", "void.html", "renewal.subject", "renewal.text", "renewal.html"]

    static func template(_ name: String, language: String) -> String {
        (language == "en" ? EnglishTemplates.templates : IndonesianTemplates.templates)[name] ?? ""
    }
}
