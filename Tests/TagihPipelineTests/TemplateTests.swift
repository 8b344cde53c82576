import Testing
@testable import TagihPipeline

/// The Mustache subset tagih renders mail with, checked against what the Mustache spec says.
@Suite struct TemplateTests {
    func render(_ source: String, _ context: TemplateValue, html: Bool = false) throws -> String {
        try Template(source).render(context, html: html)
    }

    let context: TemplateValue = .map([
        "name": .text("Klinik <Sehat> & \"Co\""),
        "paid": .flag(true), "owed": .flag(false), "empty": .text(""),
        "lines": .list([.map(["item": .text("A")]), .map(["item": .text("B")])]),
        "order": .map(["code": .text("PC123"), "nested": .map(["deep": .text("x")])]),
    ])

    @Test func variablesAreEscapedOnlyInHTML() throws {
        #expect(try render("Hi {{name}}!", context, html: true) == "Hi Klinik &lt;Sehat&gt; &amp; &quot;Co&quot;!")
        #expect(try render("Hi {{{name}}} {{& name}}", context, html: true) == "Hi Klinik <Sehat> & \"Co\" Klinik <Sehat> & \"Co\"")
        #expect(try render("Hi {{name}}", context) == "Hi Klinik <Sehat> & \"Co\"")
        #expect(try render("[{{missing}}][{{order.nested.deep}}][{{order.missing.x}}]", context) == "[][x][]")
    }

    @Test func sectionsListsAndInvertedSections() throws {
        #expect(try render("{{#lines}}<{{item}}>{{/lines}}", context) == "<A><B>")
        #expect(try render("{{#paid}}yes{{/paid}}{{#owed}}no{{/owed}}{{^owed}}!{{/owed}}", context) == "yes!")
        #expect(try render("{{#order}}{{code}} {{name}}{{/order}}", context) == "PC123 Klinik <Sehat> & \"Co\"")
        #expect(try render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}{{^missing}}-{{/missing}}", context) == "none-")
        #expect(try render("{{#lines}}{{#item}}[{{.}}]{{/item}}{{/lines}}", context) == "[A][B]")
        #expect(try render("{{! a comment }}ok", context) == "ok")
    }

    @Test func standaloneTagLinesDisappear() throws {
        let source = "Lines:\n{{#lines}}\n  - {{item}}\n{{/lines}}\n  {{^owed}}  \nnot owed\n{{/owed}}\nend\n"
        #expect(try render(source, context) == "Lines:\n  - A\n  - B\nnot owed\nend\n")
        // A tag sharing its line with text is not standalone.
        #expect(try render("x {{#paid}}\ny\n{{/paid}} z", context) == "x \ny\n z")
        #expect(try render("a\r\n{{#paid}}\r\nb\r\n{{/paid}}\r\n", context) == "a\r\nb\r\n")
    }

    @Test func mistakesAreReportedWithTheirPosition() {
        #expect { try Template("Hello\n{{#lines}}\n{{item}}") } throws: { ($0 as? TemplateError).map { ($0.line, $0.column, $0.message) } ?? (0, 0, "") == (2, 1, "section {{#lines}} is never closed") }
        #expect { try Template("x {{/lines}}") } throws: { ($0 as? TemplateError)?.message == "{{/lines}} closes no section" }
        #expect { try Template("{{#a}}{{/b}}") } throws: { ($0 as? TemplateError)?.message == "{{/b}} closes {{#a}}" }
        #expect { try Template("{{> header}}") } throws: { ($0 as? TemplateError)?.message == "partials ({{> name}}) are not supported" }
        #expect { try Template("x {{name") } throws: { ($0 as? TemplateError).map { ($0.column, $0.message) } ?? (0, "") == (3, "a tag that is never closed") }
    }
}
