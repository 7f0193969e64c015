import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small read-only XML tree, for reading the parts of a reference document (`trame style
/// import`): elements by qualified name (`w:pgMar`, `style:font-face`), their attributes and
/// children. Text content is not kept: the styles read live in attributes.
final class XMLTree: @unchecked Sendable {
    let name: String
    let attributes: [String: String]
    private(set) var children: [XMLTree] = []
    /// The element's own character data (not its children's), as written.
    fileprivate(set) var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// The first child named `name`.
    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// The children named `name`.
    func children(_ name: String) -> [XMLTree] { children.filter { $0.name == name } }

    /// The element at a path of child names (`w:rPr/w:rFonts`).
    func at(_ path: String) -> XMLTree? {
        var current: XMLTree? = self
        for step in path.split(separator: "/") { current = current?.child(String(step)) }
        return current
    }

    /// Every descendant named `name`, in document order.
    func descendants(_ name: String) -> [XMLTree] {
        var found: [XMLTree] = []
        func visit(_ element: XMLTree) {
            for child in element.children {
                if child.name == name { found.append(child) }
                visit(child)
            }
        }
        visit(self)
        return found
    }

    /// The first descendant named `name`.
    func first(_ name: String) -> XMLTree? {
        for child in children {
            if child.name == name { return child }
            if let found = child.first(name) { return found }
        }
        return nil
    }

    /// Parses `data`; nil when it is not well-formed XML.
    static func parse(_ data: Data) -> XMLTree? {
        let parser = XMLParser(data: data)
        let builder = Builder()
        parser.delegate = builder
        guard parser.parse(), parser.parserError == nil else { return nil }
        return builder.root
    }

    fileprivate func append(_ child: XMLTree) { children.append(child) }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLTree?
        var stack: [XMLTree] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let element = XMLTree(name: qName ?? elementName, attributes: attributeDict)
            if let parent = stack.last { parent.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }
    }
}
