import TagihCore

/// A small YAML document held whole, with every node's position: for `settings.yaml` and
/// the small parts of `state.yaml`. Tables never go through here; they stream.
public struct YAMLNode: Sendable {
    public indirect enum Value: Sendable {
        case null
        case scalar(String)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    public let value: Value
    public let location: SourceLocation

    public var scalar: String? {
        if case .scalar(let text) = value { return text }
        return nil
    }

    public var entries: [YAMLEntry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// The value under `key` in a mapping, matched case-insensitively.
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key.lowercased() == key }?.value
    }

    /// A short description of the node's kind for messages.
    public var kindName: String {
        switch value {
        case .null: return "nothing"
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

public struct YAMLEntry: Sendable {
    public let key: String
    public let keyLocation: SourceLocation
    public let value: YAMLNode
}

enum YAMLTree {
    /// Nesting and size limits: a settings file needs neither deep nesting nor many nodes.
    static let maxDepth = 32
    static let maxNodes = 200_000

    /// The document of a file, or nil when the file holds no document at all.
    static func read(path: String, name: String) throws(InputFailure) -> YAMLNode? {
        let events = try YAMLEvents(path: path, name: name)
        try events.next() // stream start
        guard try events.next() == .documentStart else { return nil }
        try events.next()
        var budget = maxNodes
        let node = try readNode(events, depth: 0, budget: &budget)
        try events.next() // document end
        if try events.next() == .documentStart {
            throw InputFailure(Diagnostic(events.location, "the file holds more than one YAML document"))
        }
        return node
    }

    /// The node starting at the current event; leaves the parser on its last event.
    static func readNode(_ events: YAMLEvents, depth: Int, budget: inout Int) throws(InputFailure) -> YAMLNode {
        let location = events.location
        budget -= 1
        guard depth < maxDepth, budget > 0 else {
            throw InputFailure(Diagnostic(location, "the YAML is nested too deeply or is too large for this file"))
        }
        switch events.kind {
        case .scalar:
            return YAMLNode(value: events.scalarIsNull ? .null : .scalar(events.scalarText), location: location)
        case .sequenceStart:
            var items: [YAMLNode] = []
            while try events.next() != .sequenceEnd {
                items.append(try readNode(events, depth: depth + 1, budget: &budget))
            }
            return YAMLNode(value: .sequence(items), location: location)
        case .mappingStart:
            var entries: [YAMLEntry] = []
            while try events.next() != .mappingEnd {
                let keyLocation = events.location
                guard events.kind == .scalar else {
                    throw InputFailure(Diagnostic(keyLocation, "a mapping key must be a plain name"))
                }
                let key = events.scalarText
                if entries.contains(where: { $0.key.lowercased() == key.lowercased() }) {
                    throw InputFailure(Diagnostic(keyLocation, value: key, "key \"\(key)\" appears twice in this mapping"))
                }
                try events.next()
                entries.append(YAMLEntry(key: key, keyLocation: keyLocation, value: try readNode(events, depth: depth + 1, budget: &budget)))
            }
            return YAMLNode(value: .mapping(entries), location: location)
        default:
            throw InputFailure(Diagnostic(location, "unexpected YAML structure"))
        }
    }
}

/// Reads a small YAML file whole (settings); nil when the file holds no document.
public func readYAMLDocument(path: String, name: String) throws(InputFailure) -> YAMLNode? {
    try YAMLTree.read(path: path, name: name)
}
