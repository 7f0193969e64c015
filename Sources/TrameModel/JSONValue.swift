import Foundation

/// A JSON value with its keys in a fixed order: the one writer of every machine output of Trame
/// (`trame … --json`, the web app's `/api/…`).
///
/// The conventions, documented in `docs/outputs.md`: French snake_case ASCII keys given explicitly
/// by each output (never Swift property names); amounts as JSON numbers written from `Decimal`
/// exactly (`6413.17`, never through `Double`); calendar dates `AAAA-MM-JJ`; timestamps ISO 8601
/// in UTC to the second (`2026-12-05T06:10:00Z`); codes (not French labels) for enumerations;
/// `null` for an absent value.
public enum JSONValue: Sendable {
    case string(String)
    /// A number written as given (`3767.12`, `-75`).
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Keys in the order given.
    case object([(String, JSONValue)])

    public static func int(_ n: Int) -> JSONValue { .number(String(n)) }
    public static func int(_ n: Int64) -> JSONValue { .number(String(n)) }
    public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// A decimal written exactly from its digits (`6413.17`), never through a binary float.
    public static func decimal(_ d: Decimal) -> JSONValue { .number(d.description) }

    /// A calendar date: `2019-03-01`.
    public static func date(_ d: CalendarDate) -> JSONValue { .string(d.description) }
    public static func date(_ d: CalendarDate?) -> JSONValue { d.map(date) ?? .null }

    /// A point in time, ISO 8601 in UTC to the second: `2026-12-05T06:10:00Z`.
    public static func timestamp(_ d: Date) -> JSONValue { .string(d.formatted(Date.ISO8601FormatStyle())) }
    public static func timestamp(_ d: Date?) -> JSONValue { d.map(timestamp) ?? .null }

    /// A value read back from JSON text (an audit detail kept as text); object keys sorted.
    public static func parsing(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Pretty-printed with two-space indentation and a final newline (the CLI).
    public var rendered: String { render(indent: "", forHTML: false) + "\n" }

    /// On one line, `<` escaped so the text can sit in a page (the web app's API).
    public var compact: String { render(indent: nil, forHTML: true) }

    private func render(indent: String?, forHTML: Bool) -> String {
        let inner = indent.map { $0 + "  " }
        let open = inner.map { "\n" + $0 } ?? ""
        let close = indent.map { "\n" + $0 } ?? ""
        let separator = inner.map { ",\n" + $0 } ?? ","
        switch self {
        case .string(let s): return JSONString.quoted(s, forHTML: forHTML)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[" + open + items.map { $0.render(indent: inner, forHTML: forHTML) }.joined(separator: separator) + close + "]"
        case .object(let entries):
            if entries.isEmpty { return "{}" }
            let colon = indent == nil ? ":" : ": "
            return "{" + open + entries.map { JSONString.quoted($0.0, forHTML: forHTML) + colon + $0.1.render(indent: inner, forHTML: forHTML) }
                .joined(separator: separator) + close + "}"
        }
    }
}

extension JSONValue: Decodable {
    /// Numbers are read as `Decimal`, so that they are written back exactly.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .bool(b) }
        else if let d = try? container.decode(Decimal.self) { self = .decimal(d) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else if let a = try? container.decode([JSONValue].self) { self = .array(a) }
        else {
            let o = try container.decode([String: JSONValue].self)
            self = .object(o.keys.sorted().map { ($0, o[$0]!) })
        }
    }
}
