/// Minimal YAML writing for files tagih emits itself: every string double-quoted and escaped,
/// so no value (a tenant's name with `: ` or `#` in it) can change the structure.
public enum YAMLText {
    public static func quoted(_ text: String) -> String {
        // Most values (ids, dates, amounts) need no escape and are copied whole: a state holds
        // hundreds of thousands of them.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            var result = "\""
            result.reserveCapacity(text.utf8.count + 2)
            result += text
            result += "\""
            return result
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A flow mapping on one line: `{a: "x", b: 2}`; values are already YAML text.
    public static func flow(_ pairs: KeyValuePairs<String, String>) -> String {
        "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
