/// The templates built into tagih, by language and name. An operator overrides any of them
/// with `input/templates/<language>/<name>.mustache` (for example
/// `input/templates/id/invoice.html.mustache`).
enum DefaultTemplates {
    static let names = ["invoice.subject", "invoice.text", "invoice.html", "receipt.subject", "receipt.text", "receipt.html", "whatsapp.text",
                        "creditnote.subject", "creditnote.text", "creditnote.html", "void.subject", "void.text", "void.html"]

    static func template(_ name: String, language: String) -> String {
        (language == "en" ? english : indonesian)[name] ?? ""
    }

    static let indonesian: [String: String] = [
        "creditnote.subject": "Nota kredit {{credit_note.number}} untuk tagihan {{credit_note.invoice}}: {{credit_note.amount}}",
        "creditnote.text": """
        Yth. {{tenant.name}},

        Kami menerbitkan nota kredit atas tagihan {{credit_note.invoice}}.

        Nomor nota kredit : {{credit_note.number}}
        Tanggal           : {{credit_note.date}}
        Dasar             : {{credit_note.net}}
        {{#credit_note.has_tax}}
        PPN               : {{credit_note.tax}}
        {{/credit_note.has_tax}}
        Jumlah            : {{credit_note.amount}}
        Terbilang         : {{credit_note.amount_words}}
        {{#credit_note.reason}}
        Alasan            : {{credit_note.reason}}
        {{/credit_note.reason}}

        {{credit_note.to_invoice}} mengurangi sisa tagihan {{credit_note.invoice}}.
        {{#credit_note.has_credit}}
        {{credit_note.to_credit}} menjadi saldo kredit Anda untuk tagihan berikutnya.
        {{/credit_note.has_credit}}

        Terima kasih,
        {{operator.name}}
        {{operator.address}}
        {{#operator.tax_id}}NPWP {{operator.tax_id}}{{/operator.tax_id}}
        """,
        "creditnote.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Nota kredit {{credit_note.number}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Yth. {{tenant.name}},</p>
        <p>Kami menerbitkan nota kredit atas tagihan <strong>{{credit_note.invoice}}</strong>.</p>
        <table style="border-collapse: collapse;">
        <tr><td>Nomor nota kredit</td><td><strong>{{credit_note.number}}</strong></td></tr>
        <tr><td>Tanggal</td><td>{{credit_note.date}}</td></tr>
        <tr><td>Dasar</td><td style="text-align: right;">{{credit_note.net}}</td></tr>
        {{#credit_note.has_tax}}<tr><td>PPN</td><td style="text-align: right;">{{credit_note.tax}}</td></tr>{{/credit_note.has_tax}}
        <tr><td><strong>Jumlah</strong></td><td style="text-align: right;"><strong>{{credit_note.amount}}</strong></td></tr>
        </table>
        <p><em>Terbilang: {{credit_note.amount_words}}</em></p>
        {{#credit_note.reason}}<p>Alasan: {{credit_note.reason}}</p>{{/credit_note.reason}}
        <p>{{credit_note.to_invoice}} mengurangi sisa tagihan {{credit_note.invoice}}.{{#credit_note.has_credit}} {{credit_note.to_credit}} menjadi saldo kredit Anda untuk tagihan berikutnya.{{/credit_note.has_credit}}</p>
        <p>Terima kasih,<br>{{operator.name}}<br>{{operator.address}}</p>
        </body></html>
        """,
        "void.subject": "Tagihan {{void.invoice}} dibatalkan",
        "void.text": """
        Yth. {{tenant.name}},

        Tagihan {{void.invoice}} sebesar {{void.total}} dibatalkan per {{void.date}} dan tidak perlu dibayar.
        {{#void.reason}}
        Alasan: {{void.reason}}
        {{/void.reason}}

        Terima kasih,
        {{operator.name}}
        """,
        "void.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Tagihan {{void.invoice}} dibatalkan</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Yth. {{tenant.name}},</p>
        <p>Tagihan <strong>{{void.invoice}}</strong> sebesar {{void.total}} dibatalkan per {{void.date}} dan tidak perlu dibayar.</p>
        {{#void.reason}}<p>Alasan: {{void.reason}}</p>{{/void.reason}}
        <p>Terima kasih,<br>{{operator.name}}</p>
        </body></html>
        """,

        "invoice.subject": "Tagihan {{invoice.number}} dari {{operator.name}}: {{invoice.total}}, jatuh tempo {{invoice.due_date}}",
        "invoice.text": """
        Yth. {{tenant.name}},

        Berikut tagihan Anda dari {{operator.name}}.

        Nomor tagihan : {{invoice.number}}
        Tanggal       : {{invoice.issue_date}}
        Jatuh Tempo   : {{invoice.due_date}}

        {{#lines}}
        - {{description}}, {{period}}: {{net}}
        {{/lines}}

        Subtotal      : {{invoice.subtotal}}
        {{#invoice.has_discount}}
        Diskon {{invoice.voucher}} : -{{invoice.discount}}
        {{/invoice.has_discount}}
        {{#invoice.has_tax}}
        PPN {{invoice.tax_rate}}{{#invoice.tax_inclusive}} (termasuk){{/invoice.tax_inclusive}} : {{invoice.tax}}
        {{/invoice.has_tax}}
        Total         : {{invoice.total}}
        Terbilang     : {{invoice.total_words}}

        {{#order}}
        Bayar dengan kode pembayaran {{payment_code}} sebelum {{expires_at}}.
        {{/order}}
        {{^order}}
        Mohon lakukan pembayaran sebelum tanggal jatuh tempo dengan mencantumkan nomor tagihan.
        {{/order}}

        Terima kasih,
        {{operator.name}}
        {{operator.address}}
        {{#operator.tax_id}}NPWP {{operator.tax_id}}{{/operator.tax_id}}
        """,
        "invoice.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Tagihan {{invoice.number}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Yth. {{tenant.name}},</p>
        <p>Berikut tagihan Anda dari <strong>{{operator.name}}</strong>.</p>
        <table style="border-collapse: collapse;">
        <tr><td>Nomor tagihan</td><td><strong>{{invoice.number}}</strong></td></tr>
        <tr><td>Tanggal</td><td>{{invoice.issue_date}}</td></tr>
        <tr><td>Jatuh Tempo</td><td><strong>{{invoice.due_date}}</strong></td></tr>
        </table>
        <table style="border-collapse: collapse; margin-top: 1em; min-width: 60%;">
        <tr style="background: #dde5f0;"><th style="text-align: left; padding: 4px;">Uraian</th><th style="text-align: left; padding: 4px;">Periode</th><th style="text-align: right; padding: 4px;">Jumlah</th></tr>
        {{#lines}}
        <tr><td style="padding: 4px;">{{description}}</td><td style="padding: 4px;">{{period}}</td><td style="text-align: right; padding: 4px;">{{net}}</td></tr>
        {{/lines}}
        <tr><td colspan="2" style="padding: 4px;">Subtotal</td><td style="text-align: right; padding: 4px;">{{invoice.subtotal}}</td></tr>
        {{#invoice.has_discount}}
        <tr><td colspan="2" style="padding: 4px;">Diskon {{invoice.voucher}}</td><td style="text-align: right; padding: 4px;">-{{invoice.discount}}</td></tr>
        {{/invoice.has_discount}}
        {{#invoice.has_tax}}
        <tr><td colspan="2" style="padding: 4px;">PPN {{invoice.tax_rate}}{{#invoice.tax_inclusive}} (termasuk){{/invoice.tax_inclusive}}</td><td style="text-align: right; padding: 4px;">{{invoice.tax}}</td></tr>
        {{/invoice.has_tax}}
        <tr style="font-weight: bold;"><td colspan="2" style="padding: 4px; border-top: 1px solid #999;">Total</td><td style="text-align: right; padding: 4px; border-top: 1px solid #999;">{{invoice.total}}</td></tr>
        </table>
        <p><em>Terbilang: {{invoice.total_words}}</em></p>
        {{#order}}
        <p>Bayar dengan kode pembayaran <strong>{{payment_code}}</strong> sebelum {{expires_at}}.</p>
        {{/order}}
        {{^order}}
        <p>Mohon lakukan pembayaran sebelum tanggal jatuh tempo dengan mencantumkan nomor tagihan.</p>
        {{/order}}
        <p>Terima kasih,<br>{{operator.name}}<br>{{operator.address}}{{#operator.tax_id}}<br>NPWP {{operator.tax_id}}{{/operator.tax_id}}</p>
        </body></html>
        """,
        "receipt.subject": "Kuitansi pembayaran {{invoice.number}} dari {{operator.name}}",
        "receipt.text": """
        Yth. {{tenant.name}},

        Pembayaran Anda telah kami terima. Terima kasih.

        Nomor tagihan : {{invoice.number}}
        Pesanan       : {{order.id}}
        Produk        : {{order.product}}
        Dibayar       : {{receipt.paid_at}}
        Jumlah        : {{invoice.total}}
        Terbilang     : {{invoice.total_words}}
        {{#order.activation_code}}

        Kode aktivasi : {{order.activation_code}}
        Masukkan kode ini di aplikasi untuk mengaktifkan langganan Anda.
        {{/order.activation_code}}

        Hormat kami,
        {{operator.name}}
        """,
        "receipt.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Kuitansi {{invoice.number}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Yth. {{tenant.name}},</p>
        <p>Pembayaran Anda telah kami terima. Terima kasih.</p>
        <table style="border-collapse: collapse;">
        <tr><td>Nomor tagihan</td><td><strong>{{invoice.number}}</strong></td></tr>
        <tr><td>Pesanan</td><td>{{order.id}}</td></tr>
        <tr><td>Produk</td><td>{{order.product}}</td></tr>
        <tr><td>Dibayar</td><td>{{receipt.paid_at}}</td></tr>
        <tr><td>Jumlah</td><td><strong>{{invoice.total}}</strong></td></tr>
        </table>
        <p><em>Terbilang: {{invoice.total_words}}</em></p>
        {{#order.activation_code}}
        <p>Kode aktivasi: <strong style="font-family: monospace; font-size: 1.2em;">{{order.activation_code}}</strong><br>Masukkan kode ini di aplikasi untuk mengaktifkan langganan Anda.</p>
        {{/order.activation_code}}
        <p>Hormat kami,<br>{{operator.name}}</p>
        </body></html>
        """,
        "whatsapp.text": """
        Halo {{tenant.name}}, tagihan {{invoice.number}} dari {{operator.name}} sebesar {{invoice.outstanding}} jatuh tempo {{invoice.due_date}}.{{#order}} Kode pembayaran: {{payment_code}}.{{/order}} Terima kasih.
        """,
    ]

    static let english: [String: String] = [
        "creditnote.subject": "Credit note {{credit_note.number}} for invoice {{credit_note.invoice}}: {{credit_note.amount}}",
        "creditnote.text": """
        Dear {{tenant.name}},

        We have issued a credit note against invoice {{credit_note.invoice}}.

        Credit note : {{credit_note.number}}
        Date        : {{credit_note.date}}
        Net         : {{credit_note.net}}
        {{#credit_note.has_tax}}
        Tax         : {{credit_note.tax}}
        {{/credit_note.has_tax}}
        Amount      : {{credit_note.amount}}
        {{#credit_note.reason}}
        Reason      : {{credit_note.reason}}
        {{/credit_note.reason}}

        {{credit_note.to_invoice}} comes off what is left of invoice {{credit_note.invoice}}.
        {{#credit_note.has_credit}}
        {{credit_note.to_credit}} becomes your credit for your next invoices.
        {{/credit_note.has_credit}}

        Kind regards,
        {{operator.name}}
        {{operator.address}}
        """,
        "creditnote.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Credit note {{credit_note.number}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Dear {{tenant.name}},</p>
        <p>We have issued a credit note against invoice <strong>{{credit_note.invoice}}</strong>.</p>
        <table style="border-collapse: collapse;">
        <tr><td>Credit note</td><td><strong>{{credit_note.number}}</strong></td></tr>
        <tr><td>Date</td><td>{{credit_note.date}}</td></tr>
        <tr><td>Net</td><td style="text-align: right;">{{credit_note.net}}</td></tr>
        {{#credit_note.has_tax}}<tr><td>Tax</td><td style="text-align: right;">{{credit_note.tax}}</td></tr>{{/credit_note.has_tax}}
        <tr><td><strong>Amount</strong></td><td style="text-align: right;"><strong>{{credit_note.amount}}</strong></td></tr>
        </table>
        {{#credit_note.reason}}<p>Reason: {{credit_note.reason}}</p>{{/credit_note.reason}}
        <p>{{credit_note.to_invoice}} comes off what is left of invoice {{credit_note.invoice}}.{{#credit_note.has_credit}} {{credit_note.to_credit}} becomes your credit for your next invoices.{{/credit_note.has_credit}}</p>
        <p>Kind regards,<br>{{operator.name}}<br>{{operator.address}}</p>
        </body></html>
        """,
        "void.subject": "Invoice {{void.invoice}} is cancelled",
        "void.text": """
        Dear {{tenant.name}},

        Invoice {{void.invoice}} for {{void.total}} is cancelled as of {{void.date}}; nothing is to be paid on it.
        {{#void.reason}}
        Reason: {{void.reason}}
        {{/void.reason}}

        Kind regards,
        {{operator.name}}
        """,
        "void.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Invoice {{void.invoice}} is cancelled</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Dear {{tenant.name}},</p>
        <p>Invoice <strong>{{void.invoice}}</strong> for {{void.total}} is cancelled as of {{void.date}}; nothing is to be paid on it.</p>
        {{#void.reason}}<p>Reason: {{void.reason}}</p>{{/void.reason}}
        <p>Kind regards,<br>{{operator.name}}</p>
        </body></html>
        """,

        "invoice.subject": "Invoice {{invoice.number}} from {{operator.name}}: {{invoice.total}}, due {{invoice.due_date}}",
        "invoice.text": """
        Dear {{tenant.name}},

        Here is your invoice from {{operator.name}}.

        Invoice number : {{invoice.number}}
        Date           : {{invoice.issue_date}}
        Due date       : {{invoice.due_date}}

        {{#lines}}
        - {{description}}, {{period}}: {{net}}
        {{/lines}}

        Subtotal       : {{invoice.subtotal}}
        {{#invoice.has_discount}}
        Discount {{invoice.voucher}} : -{{invoice.discount}}
        {{/invoice.has_discount}}
        {{#invoice.has_tax}}
        Tax {{invoice.tax_rate}}{{#invoice.tax_inclusive}} (included){{/invoice.tax_inclusive}} : {{invoice.tax}}
        {{/invoice.has_tax}}
        Total          : {{invoice.total}}

        {{#order}}
        Please pay with payment code {{payment_code}} before {{expires_at}}.
        {{/order}}
        {{^order}}
        Please pay by the due date, quoting the invoice number.
        {{/order}}

        Thank you,
        {{operator.name}}
        {{operator.address}}
        """,
        "invoice.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Invoice {{invoice.number}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Dear {{tenant.name}},</p>
        <p>Here is your invoice from <strong>{{operator.name}}</strong>.</p>
        <table style="border-collapse: collapse;">
        <tr><td>Invoice number</td><td><strong>{{invoice.number}}</strong></td></tr>
        <tr><td>Date</td><td>{{invoice.issue_date}}</td></tr>
        <tr><td>Due date</td><td><strong>{{invoice.due_date}}</strong></td></tr>
        </table>
        <table style="border-collapse: collapse; margin-top: 1em; min-width: 60%;">
        <tr style="background: #dde5f0;"><th style="text-align: left; padding: 4px;">Description</th><th style="text-align: left; padding: 4px;">Period</th><th style="text-align: right; padding: 4px;">Amount</th></tr>
        {{#lines}}
        <tr><td style="padding: 4px;">{{description}}</td><td style="padding: 4px;">{{period}}</td><td style="text-align: right; padding: 4px;">{{net}}</td></tr>
        {{/lines}}
        <tr><td colspan="2" style="padding: 4px;">Subtotal</td><td style="text-align: right; padding: 4px;">{{invoice.subtotal}}</td></tr>
        {{#invoice.has_discount}}
        <tr><td colspan="2" style="padding: 4px;">Discount {{invoice.voucher}}</td><td style="text-align: right; padding: 4px;">-{{invoice.discount}}</td></tr>
        {{/invoice.has_discount}}
        {{#invoice.has_tax}}
        <tr><td colspan="2" style="padding: 4px;">Tax {{invoice.tax_rate}}{{#invoice.tax_inclusive}} (included){{/invoice.tax_inclusive}}</td><td style="text-align: right; padding: 4px;">{{invoice.tax}}</td></tr>
        {{/invoice.has_tax}}
        <tr style="font-weight: bold;"><td colspan="2" style="padding: 4px; border-top: 1px solid #999;">Total</td><td style="text-align: right; padding: 4px; border-top: 1px solid #999;">{{invoice.total}}</td></tr>
        </table>
        {{#order}}
        <p>Please pay with payment code <strong>{{payment_code}}</strong> before {{expires_at}}.</p>
        {{/order}}
        {{^order}}
        <p>Please pay by the due date, quoting the invoice number.</p>
        {{/order}}
        <p>Thank you,<br>{{operator.name}}<br>{{operator.address}}</p>
        </body></html>
        """,
        "receipt.subject": "Receipt for {{invoice.number}} from {{operator.name}}",
        "receipt.text": """
        Dear {{tenant.name}},

        We have received your payment. Thank you.

        Invoice number : {{invoice.number}}
        Order          : {{order.id}}
        Product        : {{order.product}}
        Paid           : {{receipt.paid_at}}
        Amount         : {{invoice.total}}
        {{#order.activation_code}}

        Activation code: {{order.activation_code}}
        Enter it in the app to activate your subscription.
        {{/order.activation_code}}

        Kind regards,
        {{operator.name}}
        """,
        "receipt.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Receipt {{invoice.number}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Dear {{tenant.name}},</p>
        <p>We have received your payment. Thank you.</p>
        <table style="border-collapse: collapse;">
        <tr><td>Invoice number</td><td><strong>{{invoice.number}}</strong></td></tr>
        <tr><td>Order</td><td>{{order.id}}</td></tr>
        <tr><td>Product</td><td>{{order.product}}</td></tr>
        <tr><td>Paid</td><td>{{receipt.paid_at}}</td></tr>
        <tr><td>Amount</td><td><strong>{{invoice.total}}</strong></td></tr>
        </table>
        {{#order.activation_code}}
        <p>Activation code: <strong style="font-family: monospace; font-size: 1.2em;">{{order.activation_code}}</strong><br>Enter it in the app to activate your subscription.</p>
        {{/order.activation_code}}
        <p>Kind regards,<br>{{operator.name}}</p>
        </body></html>
        """,
        "whatsapp.text": """
        Hello {{tenant.name}}, invoice {{invoice.number}} from {{operator.name}} for {{invoice.outstanding}} is due on {{invoice.due_date}}.{{#order}} Payment code: {{payment_code}}.{{/order}} Thank you.
        """,
    ]
}
