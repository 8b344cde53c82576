/// The built-in English templates (see `DefaultTemplates`).
enum EnglishTemplates {
    static let templates: [String: String] = [
        "renewal.subject": "Your {{renewal.product}} subscription ends on {{renewal.end}}",
        "renewal.text": """
        Dear {{tenant.name}},

        Your {{renewal.product}} subscription ({{renewal.subscription}}) ends on {{renewal.end}}.
        {{#renewal.has_invoice}}
        We have sent renewal invoice {{renewal.invoice}}; paid by {{renewal.end}}, the subscription goes on until {{renewal.next_end}}.
        {{/renewal.has_invoice}}
        {{^renewal.has_invoice}}
        To renew it, please contact us or place a renewal order before that day.
        {{/renewal.has_invoice}}

        Kind regards,
        {{operator.name}}
        """,
        "renewal.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Subscription ends {{renewal.end}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Dear {{tenant.name}},</p>
        <p>Your <strong>{{renewal.product}}</strong> subscription ({{renewal.subscription}}) ends on <strong>{{renewal.end}}</strong>.</p>
        {{#renewal.has_invoice}}<p>We have sent renewal invoice {{renewal.invoice}}; paid by {{renewal.end}}, the subscription goes on until {{renewal.next_end}}.</p>{{/renewal.has_invoice}}
        {{^renewal.has_invoice}}<p>To renew it, please contact us or place a renewal order before that day.</p>{{/renewal.has_invoice}}
        <p>Kind regards,<br>{{operator.name}}</p>
        </body></html>
        """,
        "invoice.subject": "{{#invoice.is_paid}}Invoice {{invoice.number}} from {{operator.name}}: PAID{{/invoice.is_paid}}{{#invoice.is_payable}}Invoice {{invoice.number}} from {{operator.name}}: {{invoice.outstanding}}, due {{invoice.due_date}}{{/invoice.is_payable}}{{#invoice.is_cancelled}}Order {{invoice.number}} from {{operator.name}} is cancelled{{/invoice.is_cancelled}}",
        "invoice.text": """
        Dear {{tenant.name}},

        {{#invoice.is_payable}}Here is your invoice from {{operator.name}}.{{/invoice.is_payable}}{{#invoice.is_paid}}Here is your invoice from {{operator.name}}. It is PAID; thank you.{{/invoice.is_paid}}{{#invoice.is_cancelled}}This order is cancelled: its payment code lapsed; nothing is to be paid.{{/invoice.is_cancelled}}

        Seller : {{operator.name}}
                 {{operator.address}}
        {{#operator.tax_id}}
                 NPWP {{operator.tax_id}}
        {{/operator.tax_id}}
        Buyer  : {{tenant.name}}
        {{#tenant.address}}
                 {{tenant.address}}
        {{/tenant.address}}
        {{#tenant.tax_id}}
                 {{tenant.tax_label}} {{tenant.tax_id}}
        {{/tenant.tax_id}}

        Invoice : {{invoice.number}}
        Date    : {{invoice.issue_date}}
        Due     : {{invoice.due_date}}

        {{#lines}}
        - {{description}} ({{period}})
          {{quantity}} x {{unit_price}}{{#months}} x {{months}} month(s){{/months}} = {{net}}
        {{/lines}}

        Subtotal       : {{invoice.subtotal}}
        {{#invoice.has_discount}}
        Discount {{invoice.voucher}} : -{{invoice.discount}}
        {{/invoice.has_discount}}
        {{#invoice.has_tax}}
        Tax base (DPP) : {{invoice.dpp}}
        {{#invoice.has_dpp_other}}
        Other tax base ({{invoice.dpp_fraction}}) : {{invoice.dpp_other}}
        {{/invoice.has_dpp_other}}
        VAT {{invoice.tax_rate}}{{#invoice.tax_inclusive}} (included){{/invoice.tax_inclusive}} : {{invoice.tax}}
        {{/invoice.has_tax}}
        Total          : {{invoice.total}}
        {{#invoice.has_paid}}
        Paid           : {{invoice.paid}}
        {{#invoice.has_credited}}
        Credit notes   : {{invoice.credited}}
        {{/invoice.has_credited}}
        Still due      : {{invoice.outstanding}}
        {{/invoice.has_paid}}
        {{#invoice.is_paid}}

        PAID
        {{/invoice.is_paid}}
        {{#invoice.is_payable}}

        {{#order}}
        Payment code {{payment_code}}, valid until {{expires_at}}.
        {{/order}}
        {{#payment.any}}
        How to pay:
        {{#payment.bank_accounts}}
        - Transfer to {{bank}} {{account}} ({{holder}})
        {{/payment.bank_accounts}}
        {{#payment.virtual_account}}
        - {{payment.virtual_account}}
        {{/payment.virtual_account}}
        {{#payment.qris}}
        - {{payment.qris}}
        {{/payment.qris}}
        {{#payment.pay_link}}
        - Pay online: {{payment.pay_link}}
        {{/payment.pay_link}}
        {{#payment.text}}
        {{payment.text}}
        {{/payment.text}}
        {{/payment.any}}
        {{^payment.any}}
        Please pay by the due date, quoting the invoice number.
        {{/payment.any}}
        {{/invoice.is_payable}}

        Kind regards,
        {{operator.name}}
        """,
        "invoice.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Invoice {{invoice.number}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Dear {{tenant.name}},</p>
        {{#invoice.is_payable}}<p>Here is your invoice from <strong>{{operator.name}}</strong>.</p>{{/invoice.is_payable}}
        {{#invoice.is_paid}}<p>Here is your invoice from <strong>{{operator.name}}</strong>. <strong style="color: #2a7a2a;">PAID</strong>: thank you.</p>{{/invoice.is_paid}}
        {{#invoice.is_cancelled}}<p><strong>CANCELLED</strong>: this order's payment code lapsed; nothing is to be paid.</p>{{/invoice.is_cancelled}}
        <table style="border-collapse: collapse; width: 100%;"><tr>
        <td style="vertical-align: top; padding: 4px;"><strong>Seller</strong><br>{{operator.name}}<br>{{operator.address}}{{#operator.tax_id}}<br>NPWP {{operator.tax_id}}{{/operator.tax_id}}</td>
        <td style="vertical-align: top; padding: 4px;"><strong>Buyer</strong><br>{{tenant.name}}{{#tenant.address}}<br>{{tenant.address}}{{/tenant.address}}{{#tenant.tax_id}}<br>{{tenant.tax_label}} {{tenant.tax_id}}{{/tenant.tax_id}}</td>
        </tr></table>
        <table style="border-collapse: collapse; margin-top: 1em;">
        <tr><td>Invoice</td><td><strong>{{invoice.number}}</strong></td></tr>
        <tr><td>Date</td><td>{{invoice.issue_date}}</td></tr>
        <tr><td>Due</td><td><strong>{{invoice.due_date}}</strong></td></tr>
        </table>
        <table style="border-collapse: collapse; margin-top: 1em; min-width: 70%;">
        <tr style="background: #dde5f0;"><th style="text-align: left; padding: 4px;">Description</th><th style="text-align: left; padding: 4px;">Period</th><th style="text-align: right; padding: 4px;">Qty</th><th style="text-align: right; padding: 4px;">Price</th><th style="text-align: right; padding: 4px;">Amount</th></tr>
        {{#lines}}
        <tr><td style="padding: 4px;">{{description}}</td><td style="padding: 4px;">{{period}}</td><td style="text-align: right; padding: 4px;">{{quantity}}</td><td style="text-align: right; padding: 4px;">{{unit_price}}</td><td style="text-align: right; padding: 4px;">{{net}}</td></tr>
        {{/lines}}
        <tr><td colspan="4" style="padding: 4px;">Subtotal</td><td style="text-align: right; padding: 4px;">{{invoice.subtotal}}</td></tr>
        {{#invoice.has_discount}}<tr><td colspan="4" style="padding: 4px;">Discount {{invoice.voucher}}</td><td style="text-align: right; padding: 4px;">-{{invoice.discount}}</td></tr>{{/invoice.has_discount}}
        {{#invoice.has_tax}}
        <tr><td colspan="4" style="padding: 4px;">Tax base (DPP)</td><td style="text-align: right; padding: 4px;">{{invoice.dpp}}</td></tr>
        {{#invoice.has_dpp_other}}<tr><td colspan="4" style="padding: 4px;">Other tax base ({{invoice.dpp_fraction}})</td><td style="text-align: right; padding: 4px;">{{invoice.dpp_other}}</td></tr>{{/invoice.has_dpp_other}}
        <tr><td colspan="4" style="padding: 4px;">VAT {{invoice.tax_rate}}{{#invoice.tax_inclusive}} (included){{/invoice.tax_inclusive}}</td><td style="text-align: right; padding: 4px;">{{invoice.tax}}</td></tr>
        {{/invoice.has_tax}}
        <tr style="font-weight: bold;"><td colspan="4" style="padding: 4px; border-top: 1px solid #999;">Total</td><td style="text-align: right; padding: 4px; border-top: 1px solid #999;">{{invoice.total}}</td></tr>
        {{#invoice.has_paid}}
        <tr><td colspan="4" style="padding: 4px;">Paid</td><td style="text-align: right; padding: 4px;">{{invoice.paid}}</td></tr>
        {{#invoice.has_credited}}<tr><td colspan="4" style="padding: 4px;">Credit notes</td><td style="text-align: right; padding: 4px;">{{invoice.credited}}</td></tr>{{/invoice.has_credited}}
        <tr style="font-weight: bold;"><td colspan="4" style="padding: 4px;">Still due</td><td style="text-align: right; padding: 4px;">{{invoice.outstanding}}</td></tr>
        {{/invoice.has_paid}}
        </table>
        {{#invoice.is_payable}}
        {{#order}}<p>Payment code <strong>{{payment_code}}</strong>, valid until {{expires_at}}.</p>{{/order}}
        {{#payment.any}}
        <p><strong>How to pay</strong></p>
        <ul>
        {{#payment.bank_accounts}}<li>Transfer to {{bank}} <strong>{{account}}</strong> ({{holder}})</li>{{/payment.bank_accounts}}
        {{#payment.virtual_account}}<li>{{payment.virtual_account}}</li>{{/payment.virtual_account}}
        {{#payment.qris}}<li>{{payment.qris}}</li>{{/payment.qris}}
        {{#payment.pay_link}}<li><a href="{{payment.pay_link}}">Pay online</a></li>{{/payment.pay_link}}
        </ul>
        {{#payment.text}}<p>{{payment.text}}</p>{{/payment.text}}
        {{/payment.any}}
        {{^payment.any}}<p>Please pay by the due date, quoting the invoice number.</p>{{/payment.any}}
        {{/invoice.is_payable}}
        <p>Kind regards,<br>{{operator.name}}</p>
        </body></html>
        """,
        "receipt.subject": "Receipt for {{invoice.number}} from {{operator.name}}",
        "receipt.text": """
        Dear {{tenant.name}},

        We have received your payment. Thank you.

        Seller    : {{operator.name}}{{#operator.tax_id}}, NPWP {{operator.tax_id}}{{/operator.tax_id}}
        Invoice   : {{invoice.number}}
        {{#order}}
        Order     : {{order.id}} ({{order.product}})
        {{/order}}
        {{#lines}}
        - {{description}}: {{net}}
        {{/lines}}
        Paid      : {{receipt.paid_at}}
        {{#receipt.method}}
        Method    : {{receipt.method}}
        {{/receipt.method}}
        Amount    : {{receipt.amount}}
        {{#receipt.is_paid}}
        Invoice {{invoice.number}} is PAID.
        {{/receipt.is_paid}}
        {{^receipt.is_paid}}
        Still due : {{receipt.outstanding}}
        {{/receipt.is_paid}}
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
        <tr><td>Seller</td><td>{{operator.name}}{{#operator.tax_id}}, NPWP {{operator.tax_id}}{{/operator.tax_id}}</td></tr>
        <tr><td>Invoice</td><td><strong>{{invoice.number}}</strong></td></tr>
        {{#order}}<tr><td>Order</td><td>{{order.id}} ({{order.product}})</td></tr>{{/order}}
        {{#lines}}<tr><td></td><td>{{description}}: {{net}}</td></tr>{{/lines}}
        <tr><td>Paid</td><td>{{receipt.paid_at}}</td></tr>
        {{#receipt.method}}<tr><td>Method</td><td>{{receipt.method}}</td></tr>{{/receipt.method}}
        <tr><td>Amount</td><td><strong>{{receipt.amount}}</strong></td></tr>
        {{#receipt.is_paid}}<tr><td></td><td><strong style="color: #2a7a2a;">PAID</strong></td></tr>{{/receipt.is_paid}}
        {{^receipt.is_paid}}<tr><td>Still due</td><td>{{receipt.outstanding}}</td></tr>{{/receipt.is_paid}}
        </table>
        {{#order.activation_code}}
        <p>Activation code: <strong style="font-family: monospace; font-size: 1.2em;">{{order.activation_code}}</strong><br>Enter it in the app to activate your subscription.</p>
        {{/order.activation_code}}
        <p>Kind regards,<br>{{operator.name}}</p>
        </body></html>
        """,
        "payer_receipt.subject": "Receipt from {{tenant.name}}: {{receipt.amount}}",
        "payer_receipt.text": """
        Thank you: your payment to {{tenant.name}} has been received.

        For     : {{receipt.purpose}}
        {{#receipt.description}}
        Details : {{receipt.description}}
        {{/receipt.description}}
        Paid    : {{receipt.paid_at}}
        {{#receipt.method}}
        Method  : {{receipt.method}}
        {{/receipt.method}}
        Amount  : {{receipt.amount}}
        Number  : {{receipt.id}}

        {{operator.name}} received this payment on behalf of {{tenant.name}}.
        """,
        "payer_receipt.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Receipt</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Thank you: your payment to <strong>{{tenant.name}}</strong> has been received.</p>
        <table style="border-collapse: collapse;">
        <tr><td>For</td><td>{{receipt.purpose}}</td></tr>
        {{#receipt.description}}<tr><td>Details</td><td>{{receipt.description}}</td></tr>{{/receipt.description}}
        <tr><td>Paid</td><td>{{receipt.paid_at}}</td></tr>
        {{#receipt.method}}<tr><td>Method</td><td>{{receipt.method}}</td></tr>{{/receipt.method}}
        <tr><td>Amount</td><td><strong>{{receipt.amount}}</strong></td></tr>
        <tr><td>Number</td><td>{{receipt.id}}</td></tr>
        </table>
        <p>{{operator.name}} received this payment on behalf of {{tenant.name}}.</p>
        </body></html>
        """,
        "refund.subject": "Refund from {{tenant.name}}: {{receipt.refunded}}",
        "refund.text": """
        Your payment to {{tenant.name}} ({{receipt.id}}, {{receipt.paid_at}}, {{receipt.amount}}) has been refunded: {{receipt.refunded}}.

        The money goes back the way you paid.

        {{operator.name}} on behalf of {{tenant.name}}
        """,
        "refund.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Refund</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Your payment to <strong>{{tenant.name}}</strong> ({{receipt.id}}, {{receipt.paid_at}}, {{receipt.amount}}) has been refunded: <strong>{{receipt.refunded}}</strong>.</p>
        <p>The money goes back the way you paid.</p>
        <p>{{operator.name}} on behalf of {{tenant.name}}</p>
        </body></html>
        """,
        "remittance.subject": "Payout {{payout.reference}}: {{payout.amount}}",
        "remittance.text": """
        Dear {{tenant.name}},

        We are transferring {{payout.amount}} to {{payout.bank}} {{payout.account}} ({{payout.holder}}).
        Reference : {{payout.transfer}}
        Period    : {{payout.start}} - {{payout.end}} ({{payout.reference}})
        {{#payout.combined}}
        This transfer pays {{payout.transfer_windows}} periods at once: {{payout.transfer_amount}} in all.
        {{/payout.combined}}

        Collected ({{payout.collections}} payments) : {{payout.gross}}
        Refunds           : -{{payout.refunds}}
        Gateway fees      : -{{payout.fees}}
        Platform commission : -{{payout.commission}}
        Net               : {{payout.net}}
        {{#payout.has_carried}}
        Carried in        : {{payout.carried_in}}
        {{/payout.has_carried}}
        Transferred       : {{payout.amount}}

        Details:
        {{#collections}}
        - {{paid_at}} {{id}}: {{amount}}, fee {{fee}}{{#description}} ({{description}}){{/description}}
        {{/collections}}
        {{#payout.has_more}}
        - and {{payout.more}} more, listed in the payout report
        {{/payout.has_more}}

        Kind regards,
        {{operator.name}}
        """,
        "remittance.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Payout {{payout.reference}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Dear {{tenant.name}},</p>
        <p>We are transferring <strong>{{payout.amount}}</strong> to {{payout.bank}} {{payout.account}} ({{payout.holder}}).<br>Reference {{payout.transfer}}, period {{payout.start}} - {{payout.end}} ({{payout.reference}}).{{#payout.combined}}<br>This transfer pays {{payout.transfer_windows}} periods at once: {{payout.transfer_amount}} in all.{{/payout.combined}}</p>
        <table style="border-collapse: collapse;">
        <tr><td>Collected ({{payout.collections}} payments)</td><td style="text-align: right;">{{payout.gross}}</td></tr>
        <tr><td>Refunds</td><td style="text-align: right;">-{{payout.refunds}}</td></tr>
        <tr><td>Gateway fees</td><td style="text-align: right;">-{{payout.fees}}</td></tr>
        <tr><td>Platform commission</td><td style="text-align: right;">-{{payout.commission}}</td></tr>
        <tr><td>Net</td><td style="text-align: right;">{{payout.net}}</td></tr>
        {{#payout.has_carried}}<tr><td>Carried in</td><td style="text-align: right;">{{payout.carried_in}}</td></tr>{{/payout.has_carried}}
        <tr style="font-weight: bold;"><td>Transferred</td><td style="text-align: right;">{{payout.amount}}</td></tr>
        </table>
        <table style="border-collapse: collapse; margin-top: 1em;">
        <tr style="background: #dde5f0;"><th style="text-align: left; padding: 4px;">Paid</th><th style="text-align: left; padding: 4px;">Number</th><th style="text-align: right; padding: 4px;">Amount</th><th style="text-align: right; padding: 4px;">Fee</th><th style="text-align: left; padding: 4px;">Details</th></tr>
        {{#collections}}<tr><td style="padding: 4px;">{{paid_at}}</td><td style="padding: 4px;">{{id}}</td><td style="text-align: right; padding: 4px;">{{amount}}</td><td style="text-align: right; padding: 4px;">{{fee}}</td><td style="padding: 4px;">{{description}}</td></tr>{{/collections}}
        </table>
        <p>Kind regards,<br>{{operator.name}}</p>
        </body></html>
        """,
        "dunning.subject": "{{step.title}}: {{dunning.count}} overdue invoice(s), {{dunning.total}}",
        "dunning.text": """
        Dear {{tenant.name}},

        {{step.intro}}

        {{#invoices}}
        - {{number}}, due {{due_date}} ({{days}} days): {{outstanding}}
        {{/invoices}}
        Total overdue: {{dunning.total}}
        {{#dunning.has_pending}}
        A payment of {{dunning.pending}} from you is being processed; we are waiting for its confirmation.
        {{/dunning.has_pending}}

        {{#payment.any}}
        How to pay:
        {{#payment.bank_accounts}}
        - Transfer to {{bank}} {{account}} ({{holder}})
        {{/payment.bank_accounts}}
        {{#payment.pay_link}}
        - Pay online: {{payment.pay_link}}
        {{/payment.pay_link}}
        {{/payment.any}}

        If you have paid already, please ignore this message. Thank you,
        {{operator.name}}
        """,
        "dunning.html": """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{step.title}}</title></head>
        <body style="font-family: Arial, sans-serif; color: #222;">
        <p>Dear {{tenant.name}},</p>
        <p>{{step.intro}}</p>
        <table style="border-collapse: collapse;">
        <tr style="background: #dde5f0;"><th style="text-align: left; padding: 4px;">Invoice</th><th style="text-align: left; padding: 4px;">Due</th><th style="text-align: right; padding: 4px;">Days</th><th style="text-align: right; padding: 4px;">Due now</th></tr>
        {{#invoices}}<tr><td style="padding: 4px;">{{number}}</td><td style="padding: 4px;">{{due_date}}</td><td style="text-align: right; padding: 4px;">{{days}}</td><td style="text-align: right; padding: 4px;">{{outstanding}}</td></tr>{{/invoices}}
        <tr style="font-weight: bold;"><td colspan="3" style="padding: 4px;">Total</td><td style="text-align: right; padding: 4px;">{{dunning.total}}</td></tr>
        </table>
        {{#dunning.has_pending}}<p>A payment of {{dunning.pending}} from you is being processed; we are waiting for its confirmation.</p>{{/dunning.has_pending}}
        {{#payment.any}}<ul>{{#payment.bank_accounts}}<li>Transfer to {{bank}} <strong>{{account}}</strong> ({{holder}})</li>{{/payment.bank_accounts}}{{#payment.pay_link}}<li><a href="{{payment.pay_link}}">Pay online</a></li>{{/payment.pay_link}}</ul>{{/payment.any}}
        <p>If you have paid already, please ignore this message. Thank you,<br>{{operator.name}}</p>
        </body></html>
        """,
        "whatsapp.text": "Hello {{tenant.name}}, {{#items}}{{text}} {{/items}}{{#has_due}}In all {{amount_due}} is to be paid.{{#pay_link}} Pay: {{pay_link}}{{/pay_link}} {{/has_due}}Thank you, {{operator.name}}.",
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
    ]
}
