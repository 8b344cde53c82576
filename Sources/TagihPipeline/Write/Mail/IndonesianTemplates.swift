/// The built-in Indonesian templates (see `DefaultTemplates`).
enum IndonesianTemplates {
    static let templates: [String: String] = [
        "renewal.subject": "Langganan {{renewal.product}} berakhir {{renewal.end}}",
        "renewal.text": """
        Yth. {{tenant.name}},

        Langganan {{renewal.product}} ({{renewal.subscription}}) Anda berakhir pada {{renewal.end}}.
        {{#renewal.has_invoice}}
        Tagihan perpanjangan {{renewal.invoice}} telah kami kirimkan; bila dibayar sebelum {{renewal.end}}, langganan berlanjut sampai {{renewal.next_end}}.
        {{/renewal.has_invoice}}
        {{^renewal.has_invoice}}
        Untuk memperpanjang, silakan hubungi kami atau lakukan pemesanan perpanjangan sebelum tanggal tersebut.
        {{/renewal.has_invoice}}

        Terima kasih,
        {{operator.name}}
        """,
        "renewal.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Langganan berakhir {{renewal.end}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Yth. {{tenant.name}},</p>
        <p>Langganan <strong>{{renewal.product}}</strong> ({{renewal.subscription}}) Anda berakhir pada <strong>{{renewal.end}}</strong>.</p>
        {{#renewal.has_invoice}}<p>Tagihan perpanjangan {{renewal.invoice}} telah kami kirimkan; bila dibayar sebelum {{renewal.end}}, langganan berlanjut sampai {{renewal.next_end}}.</p>{{/renewal.has_invoice}}
        {{^renewal.has_invoice}}<p>Untuk memperpanjang, silakan hubungi kami atau lakukan pemesanan perpanjangan sebelum tanggal tersebut.</p>{{/renewal.has_invoice}}
        <p>Terima kasih,<br>{{operator.name}}</p>
        </body></html>
        """,
        "invoice.subject": "{{#invoice.is_paid}}Tagihan {{invoice.number}} dari {{operator.name}}: LUNAS{{/invoice.is_paid}}{{#invoice.is_payable}}Tagihan {{invoice.number}} dari {{operator.name}}: {{invoice.outstanding}}, jatuh tempo {{invoice.due_date}}{{/invoice.is_payable}}{{#invoice.is_cancelled}}Pesanan {{invoice.number}} dari {{operator.name}} dibatalkan{{/invoice.is_cancelled}}",
        "invoice.text": """
        Yth. {{tenant.name}},

        {{#invoice.is_payable}}Berikut tagihan Anda dari {{operator.name}}.{{/invoice.is_payable}}{{#invoice.is_paid}}Berikut tagihan Anda dari {{operator.name}}. Tagihan ini sudah LUNAS; terima kasih.{{/invoice.is_paid}}{{#invoice.is_cancelled}}Pesanan ini dibatalkan karena kode pembayarannya lewat waktu; tidak ada yang perlu dibayar.{{/invoice.is_cancelled}}

        Penjual : {{operator.name}}
                  {{operator.address}}
        {{#operator.tax_id}}
                  NPWP {{operator.tax_id}}
        {{/operator.tax_id}}
        Pembeli : {{tenant.name}}
        {{#tenant.address}}
                  {{tenant.address}}
        {{/tenant.address}}
        {{#tenant.tax_id}}
                  {{tenant.tax_label}} {{tenant.tax_id}}
        {{/tenant.tax_id}}

        Nomor tagihan : {{invoice.number}}
        Tanggal       : {{invoice.issue_date}}
        Jatuh Tempo   : {{invoice.due_date}}

        {{#lines}}
        - {{description}} ({{period}})
          {{quantity}} x {{unit_price}}{{#months}} x {{months}} bulan{{/months}} = {{net}}
        {{/lines}}

        Subtotal         : {{invoice.subtotal}}
        {{#invoice.has_discount}}
        Diskon {{invoice.voucher}} : -{{invoice.discount}}
        {{/invoice.has_discount}}
        {{#invoice.has_tax}}
        DPP              : {{invoice.dpp}}
        {{#invoice.has_dpp_other}}
        DPP Nilai Lain ({{invoice.dpp_fraction}}) : {{invoice.dpp_other}}
        {{/invoice.has_dpp_other}}
        PPN {{invoice.tax_rate}}{{#invoice.tax_inclusive}} (termasuk){{/invoice.tax_inclusive}} : {{invoice.tax}}
        {{/invoice.has_tax}}
        Total            : {{invoice.total}}
        Terbilang        : {{invoice.total_words}}
        {{#invoice.has_paid}}
        Sudah dibayar    : {{invoice.paid}}
        {{#invoice.has_credited}}
        Nota kredit      : {{invoice.credited}}
        {{/invoice.has_credited}}
        Sisa tagihan     : {{invoice.outstanding}}
        {{/invoice.has_paid}}
        {{#invoice.is_paid}}

        LUNAS
        {{/invoice.is_paid}}
        {{#invoice.is_payable}}

        {{#order}}
        Kode pembayaran {{payment_code}}, berlaku sampai {{expires_at}}.
        {{/order}}
        {{#payment.any}}
        Cara membayar:
        {{#payment.bank_accounts}}
        - Transfer ke {{bank}} {{account}} a.n. {{holder}}
        {{/payment.bank_accounts}}
        {{#payment.virtual_account}}
        - {{payment.virtual_account}}
        {{/payment.virtual_account}}
        {{#payment.qris}}
        - {{payment.qris}}
        {{/payment.qris}}
        {{#payment.pay_link}}
        - Bayar daring: {{payment.pay_link}}
        {{/payment.pay_link}}
        {{#payment.text}}
        {{payment.text}}
        {{/payment.text}}
        {{/payment.any}}
        {{^payment.any}}
        Mohon lakukan pembayaran sebelum tanggal jatuh tempo dengan mencantumkan nomor tagihan.
        {{/payment.any}}
        {{/invoice.is_payable}}

        Terima kasih,
        {{operator.name}}
        """,
        "invoice.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Tagihan {{invoice.number}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Yth. {{tenant.name}},</p>
        {{#invoice.is_payable}}<p>Berikut tagihan Anda dari <strong>{{operator.name}}</strong>.</p>{{/invoice.is_payable}}
        {{#invoice.is_paid}}<p>Berikut tagihan Anda dari <strong>{{operator.name}}</strong>. <strong style="color: #2a7a2a;">LUNAS</strong>: terima kasih.</p>{{/invoice.is_paid}}
        {{#invoice.is_cancelled}}<p><strong>DIBATALKAN</strong>: kode pembayaran pesanan ini lewat waktu; tidak ada yang perlu dibayar.</p>{{/invoice.is_cancelled}}
        <table style="border-collapse: collapse; width: 100%;"><tr>
        <td style="vertical-align: top; padding: 4px;"><strong>Penjual</strong><br>{{operator.name}}<br>{{operator.address}}{{#operator.tax_id}}<br>NPWP {{operator.tax_id}}{{/operator.tax_id}}</td>
        <td style="vertical-align: top; padding: 4px;"><strong>Pembeli</strong><br>{{tenant.name}}{{#tenant.address}}<br>{{tenant.address}}{{/tenant.address}}{{#tenant.tax_id}}<br>{{tenant.tax_label}} {{tenant.tax_id}}{{/tenant.tax_id}}</td>
        </tr></table>
        <table style="border-collapse: collapse; margin-top: 1em;">
        <tr><td>Nomor tagihan</td><td><strong>{{invoice.number}}</strong></td></tr>
        <tr><td>Tanggal</td><td>{{invoice.issue_date}}</td></tr>
        <tr><td>Jatuh Tempo</td><td><strong>{{invoice.due_date}}</strong></td></tr>
        </table>
        <table style="border-collapse: collapse; margin-top: 1em; min-width: 70%;">
        <tr style="background: #dde5f0;"><th style="text-align: left; padding: 4px;">Uraian</th><th style="text-align: left; padding: 4px;">Periode</th><th style="text-align: right; padding: 4px;">Jml</th><th style="text-align: right; padding: 4px;">Harga</th><th style="text-align: right; padding: 4px;">Jumlah</th></tr>
        {{#lines}}
        <tr><td style="padding: 4px;">{{description}}</td><td style="padding: 4px;">{{period}}</td><td style="text-align: right; padding: 4px;">{{quantity}}</td><td style="text-align: right; padding: 4px;">{{unit_price}}</td><td style="text-align: right; padding: 4px;">{{net}}</td></tr>
        {{/lines}}
        <tr><td colspan="4" style="padding: 4px;">Subtotal</td><td style="text-align: right; padding: 4px;">{{invoice.subtotal}}</td></tr>
        {{#invoice.has_discount}}<tr><td colspan="4" style="padding: 4px;">Diskon {{invoice.voucher}}</td><td style="text-align: right; padding: 4px;">-{{invoice.discount}}</td></tr>{{/invoice.has_discount}}
        {{#invoice.has_tax}}
        <tr><td colspan="4" style="padding: 4px;">DPP</td><td style="text-align: right; padding: 4px;">{{invoice.dpp}}</td></tr>
        {{#invoice.has_dpp_other}}<tr><td colspan="4" style="padding: 4px;">DPP Nilai Lain ({{invoice.dpp_fraction}})</td><td style="text-align: right; padding: 4px;">{{invoice.dpp_other}}</td></tr>{{/invoice.has_dpp_other}}
        <tr><td colspan="4" style="padding: 4px;">PPN {{invoice.tax_rate}}{{#invoice.tax_inclusive}} (termasuk){{/invoice.tax_inclusive}}</td><td style="text-align: right; padding: 4px;">{{invoice.tax}}</td></tr>
        {{/invoice.has_tax}}
        <tr style="font-weight: bold;"><td colspan="4" style="padding: 4px; border-top: 1px solid #999;">Total</td><td style="text-align: right; padding: 4px; border-top: 1px solid #999;">{{invoice.total}}</td></tr>
        {{#invoice.has_paid}}
        <tr><td colspan="4" style="padding: 4px;">Sudah dibayar</td><td style="text-align: right; padding: 4px;">{{invoice.paid}}</td></tr>
        {{#invoice.has_credited}}<tr><td colspan="4" style="padding: 4px;">Nota kredit</td><td style="text-align: right; padding: 4px;">{{invoice.credited}}</td></tr>{{/invoice.has_credited}}
        <tr style="font-weight: bold;"><td colspan="4" style="padding: 4px;">Sisa tagihan</td><td style="text-align: right; padding: 4px;">{{invoice.outstanding}}</td></tr>
        {{/invoice.has_paid}}
        </table>
        <p><em>Terbilang: {{invoice.total_words}}</em></p>
        {{#invoice.is_payable}}
        {{#order}}<p>Kode pembayaran <strong>{{payment_code}}</strong>, berlaku sampai {{expires_at}}.</p>{{/order}}
        {{#payment.any}}
        <p><strong>Cara membayar</strong></p>
        <ul>
        {{#payment.bank_accounts}}<li>Transfer ke {{bank}} <strong>{{account}}</strong> a.n. {{holder}}</li>{{/payment.bank_accounts}}
        {{#payment.virtual_account}}<li>{{payment.virtual_account}}</li>{{/payment.virtual_account}}
        {{#payment.qris}}<li>{{payment.qris}}</li>{{/payment.qris}}
        {{#payment.pay_link}}<li><a href="{{payment.pay_link}}">Bayar daring</a></li>{{/payment.pay_link}}
        </ul>
        {{#payment.text}}<p>{{payment.text}}</p>{{/payment.text}}
        {{/payment.any}}
        {{^payment.any}}<p>Mohon lakukan pembayaran sebelum tanggal jatuh tempo dengan mencantumkan nomor tagihan.</p>{{/payment.any}}
        {{/invoice.is_payable}}
        <p>Terima kasih,<br>{{operator.name}}</p>
        </body></html>
        """,
        "receipt.subject": "Kuitansi pembayaran {{invoice.number}} dari {{operator.name}}",
        "receipt.text": """
        Yth. {{tenant.name}},

        Pembayaran Anda telah kami terima. Terima kasih.

        Penjual       : {{operator.name}}{{#operator.tax_id}}, NPWP {{operator.tax_id}}{{/operator.tax_id}}
        Nomor tagihan : {{invoice.number}}
        {{#order}}
        Pesanan       : {{order.id}} ({{order.product}})
        {{/order}}
        {{#lines}}
        - {{description}}: {{net}}
        {{/lines}}
        Dibayar       : {{receipt.paid_at}}
        {{#receipt.method}}
        Metode        : {{receipt.method}}
        {{/receipt.method}}
        Jumlah        : {{receipt.amount}}
        Terbilang     : {{receipt.amount_words}}
        {{#receipt.is_paid}}
        Tagihan {{invoice.number}} LUNAS.
        {{/receipt.is_paid}}
        {{^receipt.is_paid}}
        Sisa tagihan  : {{receipt.outstanding}}
        {{/receipt.is_paid}}
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
        <tr><td>Penjual</td><td>{{operator.name}}{{#operator.tax_id}}, NPWP {{operator.tax_id}}{{/operator.tax_id}}</td></tr>
        <tr><td>Nomor tagihan</td><td><strong>{{invoice.number}}</strong></td></tr>
        {{#order}}<tr><td>Pesanan</td><td>{{order.id}} ({{order.product}})</td></tr>{{/order}}
        {{#lines}}<tr><td></td><td>{{description}}: {{net}}</td></tr>{{/lines}}
        <tr><td>Dibayar</td><td>{{receipt.paid_at}}</td></tr>
        {{#receipt.method}}<tr><td>Metode</td><td>{{receipt.method}}</td></tr>{{/receipt.method}}
        <tr><td>Jumlah</td><td><strong>{{receipt.amount}}</strong></td></tr>
        {{#receipt.is_paid}}<tr><td></td><td><strong style="color: #2a7a2a;">LUNAS</strong></td></tr>{{/receipt.is_paid}}
        {{^receipt.is_paid}}<tr><td>Sisa tagihan</td><td>{{receipt.outstanding}}</td></tr>{{/receipt.is_paid}}
        </table>
        <p><em>Terbilang: {{receipt.amount_words}}</em></p>
        {{#order.activation_code}}
        <p>Kode aktivasi: <strong style="font-family: monospace; font-size: 1.2em;">{{order.activation_code}}</strong><br>Masukkan kode ini di aplikasi untuk mengaktifkan langganan Anda.</p>
        {{/order.activation_code}}
        <p>Hormat kami,<br>{{operator.name}}</p>
        </body></html>
        """,
        "payer_receipt.subject": "Bukti pembayaran {{tenant.name}}: {{receipt.amount}}",
        "payer_receipt.text": """
        Terima kasih, pembayaran Anda kepada {{tenant.name}} telah diterima.

        Untuk      : {{receipt.purpose}}
        {{#receipt.description}}
        Keterangan : {{receipt.description}}
        {{/receipt.description}}
        Dibayar    : {{receipt.paid_at}}
        {{#receipt.method}}
        Metode     : {{receipt.method}}
        {{/receipt.method}}
        Jumlah     : {{receipt.amount}}
        Nomor      : {{receipt.id}}

        Pembayaran ini diterima oleh {{operator.name}} atas nama {{tenant.name}}.
        """,
        "payer_receipt.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Bukti pembayaran</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Terima kasih, pembayaran Anda kepada <strong>{{tenant.name}}</strong> telah diterima.</p>
        <table style="border-collapse: collapse;">
        <tr><td>Untuk</td><td>{{receipt.purpose}}</td></tr>
        {{#receipt.description}}<tr><td>Keterangan</td><td>{{receipt.description}}</td></tr>{{/receipt.description}}
        <tr><td>Dibayar</td><td>{{receipt.paid_at}}</td></tr>
        {{#receipt.method}}<tr><td>Metode</td><td>{{receipt.method}}</td></tr>{{/receipt.method}}
        <tr><td>Jumlah</td><td><strong>{{receipt.amount}}</strong></td></tr>
        <tr><td>Nomor</td><td>{{receipt.id}}</td></tr>
        </table>
        <p>Pembayaran ini diterima oleh {{operator.name}} atas nama {{tenant.name}}.</p>
        </body></html>
        """,
        "refund.subject": "Pengembalian dana {{tenant.name}}: {{receipt.refunded}}",
        "refund.text": """
        Pembayaran Anda kepada {{tenant.name}} ({{receipt.id}}, {{receipt.paid_at}}, {{receipt.amount}}) telah dikembalikan sebesar {{receipt.refunded}}.

        Dana kembali melalui cara pembayaran yang Anda gunakan.

        {{operator.name}} atas nama {{tenant.name}}
        """,
        "refund.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Pengembalian dana</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Pembayaran Anda kepada <strong>{{tenant.name}}</strong> ({{receipt.id}}, {{receipt.paid_at}}, {{receipt.amount}}) telah dikembalikan sebesar <strong>{{receipt.refunded}}</strong>.</p>
        <p>Dana kembali melalui cara pembayaran yang Anda gunakan.</p>
        <p>{{operator.name}} atas nama {{tenant.name}}</p>
        </body></html>
        """,
        "remittance.subject": "Pembayaran dana {{payout.reference}}: {{payout.amount}}",
        "remittance.text": """
        Yth. {{tenant.name}},

        Kami mentransfer {{payout.amount}} ke {{payout.bank}} {{payout.account}} a.n. {{payout.holder}}.
        Referensi : {{payout.transfer}}
        Periode   : {{payout.start}} - {{payout.end}} ({{payout.reference}})
        {{#payout.combined}}
        Transfer ini membayar {{payout.transfer_windows}} periode sekaligus: {{payout.transfer_amount}} seluruhnya.
        {{/payout.combined}}

        Penerimaan ({{payout.collections}} transaksi) : {{payout.gross}}
        Pengembalian dana    : -{{payout.refunds}}
        Biaya payment gateway : -{{payout.fees}}
        Komisi platform      : -{{payout.commission}}
        Bersih               : {{payout.net}}
        {{#payout.has_carried}}
        Saldo sebelumnya     : {{payout.carried_in}}
        {{/payout.has_carried}}
        Ditransfer           : {{payout.amount}}

        Rincian:
        {{#collections}}
        - {{paid_at}} {{id}}: {{amount}}, biaya {{fee}}{{#description}} ({{description}}){{/description}}
        {{/collections}}
        {{#payout.has_more}}
        - dan {{payout.more}} transaksi lain, tercantum di laporan pembayaran dana
        {{/payout.has_more}}

        Hormat kami,
        {{operator.name}}
        """,
        "remittance.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>Pembayaran dana {{payout.reference}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Yth. {{tenant.name}},</p>
        <p>Kami mentransfer <strong>{{payout.amount}}</strong> ke {{payout.bank}} {{payout.account}} a.n. {{payout.holder}}.<br>Referensi {{payout.transfer}}, periode {{payout.start}} - {{payout.end}} ({{payout.reference}}).{{#payout.combined}}<br>Transfer ini membayar {{payout.transfer_windows}} periode sekaligus: {{payout.transfer_amount}} seluruhnya.{{/payout.combined}}</p>
        <table style="border-collapse: collapse;">
        <tr><td>Penerimaan ({{payout.collections}} transaksi)</td><td style="text-align: right;">{{payout.gross}}</td></tr>
        <tr><td>Pengembalian dana</td><td style="text-align: right;">-{{payout.refunds}}</td></tr>
        <tr><td>Biaya payment gateway</td><td style="text-align: right;">-{{payout.fees}}</td></tr>
        <tr><td>Komisi platform</td><td style="text-align: right;">-{{payout.commission}}</td></tr>
        <tr><td>Bersih</td><td style="text-align: right;">{{payout.net}}</td></tr>
        {{#payout.has_carried}}<tr><td>Saldo sebelumnya</td><td style="text-align: right;">{{payout.carried_in}}</td></tr>{{/payout.has_carried}}
        <tr style="font-weight: bold;"><td>Ditransfer</td><td style="text-align: right;">{{payout.amount}}</td></tr>
        </table>
        <table style="border-collapse: collapse; margin-top: 1em;">
        <tr style="background: #dde5f0;"><th style="text-align: left; padding: 4px;">Waktu</th><th style="text-align: left; padding: 4px;">Nomor</th><th style="text-align: right; padding: 4px;">Jumlah</th><th style="text-align: right; padding: 4px;">Biaya</th><th style="text-align: left; padding: 4px;">Keterangan</th></tr>
        {{#collections}}<tr><td style="padding: 4px;">{{paid_at}}</td><td style="padding: 4px;">{{id}}</td><td style="text-align: right; padding: 4px;">{{amount}}</td><td style="text-align: right; padding: 4px;">{{fee}}</td><td style="padding: 4px;">{{description}}</td></tr>{{/collections}}
        </table>
        <p>Hormat kami,<br>{{operator.name}}</p>
        </body></html>
        """,
        "dunning.subject": "{{step.title}}: {{dunning.count}} tagihan lewat jatuh tempo, {{dunning.total}}",
        "dunning.text": """
        Yth. {{tenant.name}},

        {{step.intro}}

        {{#invoices}}
        - {{number}}, jatuh tempo {{due_date}} ({{days}} hari): {{outstanding}}
        {{/invoices}}
        Total lewat jatuh tempo: {{dunning.total}}
        {{#dunning.has_pending}}
        Pembayaran Anda sebesar {{dunning.pending}} sedang diproses; kami menunggu konfirmasinya.
        {{/dunning.has_pending}}

        {{#payment.any}}
        Cara membayar:
        {{#payment.bank_accounts}}
        - Transfer ke {{bank}} {{account}} a.n. {{holder}}
        {{/payment.bank_accounts}}
        {{#payment.pay_link}}
        - Bayar daring: {{payment.pay_link}}
        {{/payment.pay_link}}
        {{/payment.any}}

        Abaikan pesan ini bila Anda sudah membayar. Terima kasih,
        {{operator.name}}
        """,
        "dunning.html": """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><title>{{step.title}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Yth. {{tenant.name}},</p>
        <p>{{step.intro}}</p>
        <table style="border-collapse: collapse;">
        <tr style="background: #dde5f0;"><th style="text-align: left; padding: 4px;">Tagihan</th><th style="text-align: left; padding: 4px;">Jatuh tempo</th><th style="text-align: right; padding: 4px;">Hari</th><th style="text-align: right; padding: 4px;">Sisa</th></tr>
        {{#invoices}}<tr><td style="padding: 4px;">{{number}}</td><td style="padding: 4px;">{{due_date}}</td><td style="text-align: right; padding: 4px;">{{days}}</td><td style="text-align: right; padding: 4px;">{{outstanding}}</td></tr>{{/invoices}}
        <tr style="font-weight: bold;"><td colspan="3" style="padding: 4px;">Total</td><td style="text-align: right; padding: 4px;">{{dunning.total}}</td></tr>
        </table>
        {{#dunning.has_pending}}<p>Pembayaran Anda sebesar {{dunning.pending}} sedang diproses; kami menunggu konfirmasinya.</p>{{/dunning.has_pending}}
        {{#payment.any}}<ul>{{#payment.bank_accounts}}<li>Transfer ke {{bank}} <strong>{{account}}</strong> a.n. {{holder}}</li>{{/payment.bank_accounts}}{{#payment.pay_link}}<li><a href="{{payment.pay_link}}">Bayar daring</a></li>{{/payment.pay_link}}</ul>{{/payment.any}}
        <p>Abaikan pesan ini bila Anda sudah membayar. Terima kasih,<br>{{operator.name}}</p>
        </body></html>
        """,
        "whatsapp.text": "Halo {{tenant.name}}, {{#items}}{{text}} {{/items}}{{#has_due}}Total yang perlu dibayar {{amount_due}}.{{#pay_link}} Bayar: {{pay_link}}{{/pay_link}} {{/has_due}}Terima kasih, {{operator.name}}.",
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
    ]
}
