/// The paragraph roles every writer styles, and the full format of each, derived from the
/// ``DocumentStyle``'s few values. ODT named styles, DOCX styles and the CSS rules are all written
/// from ``DocumentStyle/format(of:)``, with every property explicit (no inheritance to drift).
public enum ParagraphRole: String, Sendable, CaseIterable {
    case title, subtitle, heading1, heading2, article, body, note, listItem, tableContents, tableHeading
    case closing, signature, signatureName, header, draftMark, footer, initials, pageBreak

    /// ODF style name (`Text_20_body`) and display name (`Text body`), as LibreOffice names them.
    var odf: (name: String, display: String?) {
        switch self {
        case .title: ("Title", nil)
        case .subtitle: ("Subtitle", nil)
        case .heading1: ("Heading_20_1", "Heading 1")
        case .heading2: ("Heading_20_2", "Heading 2")
        case .article: ("Article", nil)
        case .body: ("Text_20_body", "Text body")
        case .note: ("Note", nil)
        case .listItem: ("List_20_Paragraph", "List Paragraph")
        case .tableContents: ("Table_20_Contents", "Table Contents")
        case .tableHeading: ("Table_20_Heading", "Table Heading")
        case .closing: ("Closing", nil)
        case .signature: ("Signature", nil)
        case .signatureName: ("Signature_20_Name", "Signature Name")
        case .header: ("Header", nil)
        case .draftMark: ("Draft_20_Mark", "Draft Mark")
        case .footer: ("Footer", nil)
        case .initials: ("Initials", nil)
        case .pageBreak: ("Page_20_Break", "Page Break")
        }
    }

    /// DOCX style id and name (Word's built-in names where there is one).
    var docx: (id: String, name: String) {
        switch self {
        case .title: ("Title", "Title")
        case .subtitle: ("Subtitle", "Subtitle")
        case .heading1: ("Heading1", "heading 1")
        case .heading2: ("Heading2", "heading 2")
        case .article: ("Article", "Article")
        case .body: ("Normal", "Normal")
        case .note: ("Note", "Note")
        case .listItem: ("ListParagraph", "List Paragraph")
        case .tableContents: ("TableContents", "Table Contents")
        case .tableHeading: ("TableHeading", "Table Heading")
        case .closing: ("Closing", "Closing")
        case .signature: ("Signature", "Signature")
        case .signatureName: ("SignatureName", "Signature Name")
        case .header: ("Header", "header")
        case .draftMark: ("DraftMark", "Draft Mark")
        case .footer: ("Footer", "footer")
        case .initials: ("Initials", "Initials")
        case .pageBreak: ("PageBreak", "Page Break")
        }
    }

    /// The outline level of a heading role (1-based), as ODF and DOCX record it.
    var outlineLevel: Int? {
        switch self {
        case .heading1: 1
        case .heading2: 2
        case .article: 3
        default: nil
        }
    }
}

/// Everything a writer needs to style one paragraph role.
public struct ParagraphFormat: Sendable, Hashable {
    public var font: FontFace
    public var size: FontSize
    public var bold = false
    /// Six hex digits, or nil for the text colour.
    public var colour: String?
    public var spaceBefore = Length.zero
    public var spaceAfter = Length.zero
    /// Proportional line height in percent (100 = single).
    public var lineHeightPercent = 100
    public var alignment: Paragraph.Alignment = .left
    public var keepWithNext = false
    public var indentLeft = Length.zero
    /// ODF `fo:break-before="page"` / DOCX `w:pageBreakBefore`.
    public var pageBreakBefore = false
}

extension DocumentStyle {
    /// The full format of a paragraph role.
    public func format(of role: ParagraphRole) -> ParagraphFormat {
        let body = ParagraphFormat(font: bodyFont, size: sizes.body, spaceAfter: paragraphSpacing,
                                   lineHeightPercent: lineHeightPercent, alignment: bodyAlignment)
        func heading(_ size: FontSize, before: Int, after: Int, bold: Bool = true, alignment: Paragraph.Alignment = .left) -> ParagraphFormat {
            ParagraphFormat(font: headingFont, size: size, bold: bold, colour: colours.headings,
                            spaceBefore: .cm(thousandths: before), spaceAfter: .cm(thousandths: after),
                            alignment: alignment, keepWithNext: true)
        }
        var format: ParagraphFormat
        switch role {
        case .title: format = heading(sizes.title, before: 0, after: 300, alignment: .center)
        case .subtitle: format = heading(sizes.subtitle, before: 0, after: 500, bold: false, alignment: .center)
        case .heading1: format = heading(sizes.heading1, before: 600, after: 300)
        case .heading2: format = heading(sizes.heading2, before: 500, after: 200)
        case .article: format = heading(sizes.article, before: 400, after: 200)
        case .body: format = body
        case .note:
            format = body
            format.size = sizes.note
            format.indentLeft = .cm(1)
        case .listItem:
            format = body
            format.spaceAfter = .cm(thousandths: 100)
        case .tableContents, .tableHeading:
            format = ParagraphFormat(font: bodyFont, size: sizes.table)
            if role == .tableHeading {
                format.bold = true
                format.alignment = .center
                format.keepWithNext = true
            }
        case .closing:
            format = body
            format.spaceBefore = .cm(thousandths: 500)
            format.keepWithNext = true
        case .signature, .signatureName:
            format = ParagraphFormat(font: bodyFont, size: sizes.body, spaceAfter: .cm(thousandths: 100), keepWithNext: true)
            if role == .signatureName {
                format.bold = true
                format.spaceAfter = .zero
                format.keepWithNext = false
            }
        case .header, .footer, .initials:
            format = ParagraphFormat(font: headingFont, size: sizes.headerFooter, colour: colours.headerText)
            format.alignment = role == .header ? .left : role == .footer ? .center : .right
        case .draftMark:
            format = ParagraphFormat(font: headingFont, size: sizes.draftMark, bold: true, colour: colours.draftMark, alignment: .right)
        case .pageBreak:
            format = ParagraphFormat(font: bodyFont, size: FontSize(halfPoints: 4), pageBreakBefore: true)
        }
        return format
    }

    /// The distance from the top of the header to the body's first line, and from the footer's
    /// bottom to the body's last line: the room the header and footer have, spacing included.
    var headerRoom: Length { page.marginTop - page.headerDistance }
    var footerRoom: Length { page.marginBottom - page.footerDistance }
    /// The gap between the header (or footer) and the body.
    static let headerFooterSpacing = Length.cm(thousandths: 400)
}
