import Foundation

/// A picture placed in the text (a logo in a letterhead, a figure in the body), sized in
/// centimetres, with the alternative text read out by screen readers and shown when the picture
/// cannot be.
///
/// PNG and JPEG are written as they are. An SVG is written as SVG where the format allows it, with
/// its ``fallback`` raster beside it: ODF `draw:frame` holds the SVG then the PNG, DOCX holds the
/// PNG with the SVG as the Office 2016 `asvg:svgBlip` extension, HTML uses the SVG alone.
public struct Image: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case png, jpeg, svg

        /// The media type: `image/png`, `image/jpeg`, `image/svg+xml`.
        public var mediaType: String {
            switch self {
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .svg: "image/svg+xml"
            }
        }

        /// The file extension used inside packages.
        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

        /// The format of a file from its first bytes (PNG and JPEG signatures, an XML or `<svg` start).
        public static func sniff(_ data: Data) -> Format? {
            let bytes = [UInt8](data.prefix(512))
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
            let head = String(decoding: bytes, as: UTF8.self)
            if head.contains("<svg") { return .svg }
            return nil
        }
    }

    public var data: Data
    public var format: Format
    /// For an SVG: the same picture as PNG or JPEG, for readers that cannot draw SVG.
    public var fallback: Raster?
    public var width: Length
    public var height: Length
    /// Alternative text (never empty in a letterhead: the partner's name).
    public var alternativeText: String

    public init(data: Data, format: Format, width: Length, height: Length, alternativeText: String, fallback: Raster? = nil) {
        self.data = data
        self.format = format
        self.width = width
        self.height = height
        self.alternativeText = alternativeText
        self.fallback = fallback
    }

    /// A PNG or JPEG rendering of an SVG.
    public struct Raster: Sendable, Hashable {
        public var data: Data
        public var format: Format
        public init(data: Data, format: Format) {
            self.data = data
            self.format = format
        }
    }

    /// The raster every format can show: the picture itself, or its fallback for an SVG.
    var raster: (data: Data, format: Format)? {
        if format != .svg { return (data, format) }
        return fallback.map { ($0.data, $0.format) }
    }

    /// The pixel size of a PNG (IHDR) or JPEG (SOF marker), used to keep the aspect ratio when
    /// only one dimension is given.
    public static func pixelSize(of data: Data, format: Format) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        func be16(_ i: Int) -> Int { Int(bytes[i]) << 8 | Int(bytes[i + 1]) }
        func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
        switch format {
        case .png:
            guard bytes.count >= 24 else { return nil }
            return (be32(16), be32(20))
        case .jpeg:
            var i = 2
            while i + 9 < bytes.count {
                guard bytes[i] == 0xFF else { return nil }
                let marker = bytes[i + 1]
                if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                    return (be16(i + 7), be16(i + 5))
                }
                i += 2 + be16(i + 2)
            }
            return nil
        case .svg:
            return nil
        }
    }
}

/// The pictures of one document, numbered in order of first use (letterhead, then body) so that
/// a picture used twice is stored once: `Pictures/image1.png` (ODT), `word/media/image1.png` (DOCX).
/// An SVG's raster fallback gets its own entry.
struct ImageCatalog {
    struct Entry {
        var name: String
        var data: Data
        var format: Image.Format
    }
    private(set) var entries: [Entry] = []

    init(_ document: Document, style: DocumentStyle) {
        for image in style.letterhead?.images ?? [] { add(image) }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                if case .paragraph(let paragraph) = block { paragraph.images.forEach { add($0) } }
            }
        }
        visit(document.blocks)
    }

    private mutating func add(_ image: Image) {
        add(image.data, image.format)
        if let fallback = image.fallback { add(fallback.data, fallback.format) }
    }

    private mutating func add(_ data: Data, _ format: Image.Format) {
        guard name(for: data, format: format) == nil else { return }
        entries.append(Entry(name: "image\(entries.count + 1).\(format.fileExtension)", data: data, format: format))
    }

    /// The package file name (without folder) of a picture's bytes.
    func name(for data: Data, format: Image.Format) -> String? {
        entries.first { $0.format == format && $0.data.count == data.count && $0.data == data }?.name
    }

    var isEmpty: Bool { entries.isEmpty }
}
