import Foundation

/// The text of an included fragment and the path shown in its diagnostics.
public struct FragmentSource: Sendable {
    public let path: String
    public let source: String

    public init(path: String, source: String) {
        self.path = path
        self.source = source
    }
}

/// Finds the fragment named by `{% inclure nom %}`: a folder of `nom.trame` files by default,
/// anything else (a clause library) through a closure.
public struct FragmentResolver: Sendable {
    private let lookup: @Sendable (String) -> FragmentSource?

    /// A resolver backed by a closure returning the fragment for a name, or nil.
    public init(_ lookup: @escaping @Sendable (String) -> FragmentSource?) { self.lookup = lookup }

    /// The fragment named `name`, or nil.
    public func resolve(_ name: String) -> FragmentSource? {
        guard Self.isValidName(name) else { return nil }
        return lookup(name)
    }

    /// Names are lower-case words with `-`, `_` and `/` (sub-folders), never `..`.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("..") && !name.hasPrefix("/")
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_/".unicodeScalars.contains($0) }
    }

    /// No fragments at all.
    public static let none = FragmentResolver { _ in nil }

    /// `DIRECTORY/nom.trame`.
    public static func directory(_ directory: String) -> FragmentResolver {
        FragmentResolver { name in
            let path = (directory as NSString).appendingPathComponent(name + ".trame")
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
            return FragmentSource(path: path, source: text)
        }
    }

    /// Fragments given in memory (tests, generated clauses), shown as `_fragments/nom.trame`.
    public static func dictionary(_ fragments: [String: String]) -> FragmentResolver {
        FragmentResolver { name in
            fragments[name].map { FragmentSource(path: "_fragments/\(name).trame", source: $0) }
        }
    }
}
