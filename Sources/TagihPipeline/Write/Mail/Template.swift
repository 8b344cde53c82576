/// A value a template can show: text, a yes/no, a list, or named values.
indirect enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case map(TemplateFields)

    /// What a section tests: false, an empty list and empty text are false.
    var isTruthy: Bool {
        switch self {
        case .text(let text): return !text.isEmpty
        case .flag(let flag): return flag
        case .list(let items): return !items.isEmpty
        case .map: return true
        }
    }

    subscript(name: String) -> TemplateValue? {
        if case .map(let values) = self { return values[name] }
        return nil
    }
}

/// Named values of a context, in the order they were written: found by comparing names
/// (short ones compare as two machine words), never hashed. A context has a dozen or two
/// names and is built for one document; hashing every name into a dictionary per document
/// cost more than all the lookups in it.
struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    private var fields: [(name: String, value: TemplateValue)]

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The value of `name`; setting one replaces it or adds it at the end.
    subscript(name: String) -> TemplateValue? {
        get {
            for field in fields where field.name == name { return field.value }
            return nil
        }
        set {
            let place = fields.firstIndex { $0.name == name }
            switch (place, newValue) {
            case let (place?, value?): fields[place].value = value
            case let (nil, value?): fields.append((name, value))
            case let (place?, nil): fields.remove(at: place)
            case (nil, nil): break
            }
        }
    }
}

struct TemplateError: Error, Sendable {
    let line: Int
    let column: Int
    let message: String
}

/// A Mustache template compiled once and rendered many times over typed values: variables
/// (`{{name}}`, escaped in HTML; `{{{name}}}` and `{{& name}}` never), sections (`{{#name}}`),
/// inverted sections (`{{^name}}`), comments (`{{! ... }}`), dotted names and `{{.}}`, with
/// standalone tag lines removed as the Mustache spec says. Partials and changed delimiters are
/// refused with an error. Rendering a hundred thousand invoices is why this is not a general
/// engine working through reflection.
struct Template: Sendable {
    enum Node: Sendable {
        case text(String)
        case variable([String], escaped: Bool)
        case section([String], [Node], inverted: Bool)
    }

    let nodes: [Node]

    init(_ source: String) throws {
        var parser = Parser(Array(source.utf8))
        nodes = try parser.parse()
    }

    func render(_ context: TemplateValue, html: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(2048)
        var stack = [context]
        Template.render(nodes, stack: &stack, html: html, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Innermost context first. Called for every tag of every document (a few million times a
    /// month), so `{{.}}` is recognised without building an array to compare the path with.
    private static func lookup(_ path: [String], in stack: [TemplateValue]) -> TemplateValue? {
        if path.count == 1 && path[0] == "." { return stack.last }
        var found: TemplateValue?
        for context in stack.reversed() {
            if let value = context[path[0]] { found = value; break }
        }
        for name in path.dropFirst() { found = found?[name] }
        return found
    }

    private static func render(_ nodes: [Node], stack: inout [TemplateValue], html: Bool, into output: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(contentsOf: text.utf8)
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                let text: String
                switch value {
                case .text(let string): text = string
                case .flag(let flag): text = flag ? "true" : "false"
                case .list, .map: continue
                }
                if escaped && html { appendEscaped(text, to: &output) } else { output.append(contentsOf: text.utf8) }
            case .section(let path, let children, let inverted):
                let value = lookup(path, in: stack)
                let truthy = value?.isTruthy ?? false
                if inverted {
                    if !truthy { render(children, stack: &stack, html: html, into: &output) }
                    continue
                }
                guard truthy, let value else { continue }
                if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        render(children, stack: &stack, html: html, into: &output)
                        stack.removeLast()
                    }
                } else {
                    stack.append(value)
                    render(children, stack: &stack, html: html, into: &output)
                    stack.removeLast()
                }
            }
        }
    }

    private static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            default: output.append(byte)
            }
        }
    }

    /// Splits the source into text and tags, removing the lines of standalone tags.
    struct Parser {
        let source: [UInt8]
        var position = 0

        init(_ source: [UInt8]) { self.source = source }

        func location(of offset: Int) -> (line: Int, column: Int) {
            var line = 1, column = 1
            for index in 0..<min(offset, source.count) {
                if source[index] == 0x0A { line += 1; column = 1 } else if source[index] & 0xC0 != 0x80 { column += 1 }
            }
            return (line, column)
        }

        func fail(_ offset: Int, _ message: String) -> TemplateError {
            let (line, column) = location(of: offset)
            return TemplateError(line: line, column: column, message: message)
        }

        mutating func parse() throws -> [Node] {
            var stack: [(path: [String], inverted: Bool, nodes: [Node], offset: Int)] = [([], false, [], 0)]
            var text: [UInt8] = []
            func flushText() {
                if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(String(decoding: text, as: UTF8.self))) }
                text.removeAll()
            }
            while position < source.count {
                guard let open = find("{{", from: position) else {
                    text.append(contentsOf: source[position...])
                    break
                }
                text.append(contentsOf: source[position..<open])
                var tagStart = open + 2
                var triple = false
                if tagStart < source.count && source[tagStart] == UInt8(ascii: "{") { triple = true; tagStart += 1 }
                guard let close = find(triple ? "}}}" : "}}", from: tagStart) else { throw fail(open, "a tag that is never closed") }
                let tagEnd = close + (triple ? 3 : 2)
                var body = Array(source[tagStart..<close])
                var kind: UInt8 = 0
                if !triple, let first = body.first, [UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"),
                                                    UInt8(ascii: "&"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "%")].contains(first) {
                    kind = first
                    body.removeFirst()
                }
                let name = String(decoding: body, as: UTF8.self).trimmingCharacters()

                // A section, inverted, closing, comment or pragma tag alone on its line takes the line with it.
                var next = tagEnd
                if [UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "%")].contains(kind) {
                    let lineStart = (source[..<open].lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
                    let before = source[lineStart..<open]
                    var after = tagEnd
                    while after < source.count && (source[after] == 0x20 || source[after] == 0x09) { after += 1 }
                    let atLineEnd = after == source.count || source[after] == 0x0A || (source[after] == 0x0D && after + 1 < source.count && source[after + 1] == 0x0A)
                    let onlyBlanksBefore = before.allSatisfy { $0 == 0x20 || $0 == 0x09 } && text.count >= before.count
                    if onlyBlanksBefore && atLineEnd {
                        text.removeLast(before.count)
                        next = after == source.count ? after : (source[after] == 0x0D ? after + 2 : after + 1)
                    }
                }
                switch kind {
                case UInt8(ascii: "!"):
                    break
                case UInt8(ascii: "%"):
                    // Pragmas (CONTENT_TYPE) are accepted and ignored: escaping follows the part.
                    break
                case UInt8(ascii: ">"):
                    throw fail(open, "partials ({{> name}}) are not supported")
                case UInt8(ascii: "="):
                    throw fail(open, "changing the delimiters ({{= =}}) is not supported")
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    guard !name.isEmpty else { throw fail(open, "a section needs a name") }
                    flushText()
                    stack.append((path(name), kind == UInt8(ascii: "^"), [], open))
                case UInt8(ascii: "/"):
                    flushText()
                    guard stack.count > 1, stack[stack.count - 1].path == path(name) else {
                        throw fail(open, stack.count > 1 ? "{{/\(name)}} closes {{#\(stack[stack.count - 1].path.joined(separator: "."))}}" : "{{/\(name)}} closes no section")
                    }
                    let section = stack.removeLast()
                    stack[stack.count - 1].nodes.append(.section(section.path, section.nodes, inverted: section.inverted))
                default:
                    guard !name.isEmpty else { throw fail(open, "an empty tag") }
                    flushText()
                    stack[stack.count - 1].nodes.append(.variable(path(name), escaped: !triple && kind != UInt8(ascii: "&")))
                }
                position = next
            }
            flushText()
            guard stack.count == 1 else {
                let open = stack[stack.count - 1]
                throw fail(open.offset, "section {{#\(open.path.joined(separator: "."))}} is never closed")
            }
            return stack[0].nodes
        }

        func path(_ name: String) -> [String] {
            name == "." ? ["."] : name.split(separator: ".").map(String.init)
        }

        func find(_ needle: String, from start: Int) -> Int? {
            let pattern = Array(needle.utf8)
            var index = start
            while index + pattern.count <= source.count {
                if source[index] == pattern[0] && Array(source[index..<index + pattern.count]) == pattern { return index }
                index += 1
            }
            return nil
        }
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
