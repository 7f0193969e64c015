import Foundation

/// Writes a ZIP archive whose entries are all stored (not compressed), byte for byte as
/// ZIPFoundation 0.9 writes it through ``ZipPackager`` (the test `storedArchivesMatchZIPFoundation`
/// compares the two), without ZIPFoundation's in-memory file and its per-byte CRC loop.
///
/// Why: for the stored packages Trame writes by default, ZIPFoundation cost 40–46 % of the ODT and
/// DOCX writers' time (`trame-bench-writers`, callgrind), two thirds of it in its CRC-32, which runs
/// about 19 instructions per byte on Linux (no zlib); ``CRC32`` below runs under 2.
///
/// Layout (APPNOTE 6.3): for each part in order, a local file header (version needed 2.0, flag
/// bit 11 for UTF-8 names, method 0, 1980-01-01 00:00, CRC-32, sizes, name, no extra field) and the
/// data; then one central directory header per part (made by 0x0315: UNIX, 2.1; external
/// attributes: regular file, mode 0644) and the end of central directory record, without comment.
enum StoredZip {
    /// MS-DOS date of 1980-01-01 (``ZipPackager/fixedDate``) and time 00:00:00.
    static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    static let dosTime: UInt16 = 0
    static let versionNeeded: UInt16 = 20
    static let versionMadeBy: UInt16 = 789
    static let utf8NamesFlag: UInt16 = 1 << 11
    /// `S_IFREG | 0o644` in the high half, as ZIPFoundation writes a file's permissions.
    static let externalAttributes: UInt32 = UInt32(0o100644) << 16

    /// Whether the parts fit a ZIP without ZIP64 extensions (ZIPFoundation switches to ZIP64 beyond).
    static func canWrite(_ parts: [PackagePart]) -> Bool {
        var offset = 0
        for part in parts {
            offset += 30 + part.path.utf8.count + part.data.count
            guard part.data.count < 0xFFFF_FFFF, part.path.utf8.count <= 0xFFFF else { return false }
        }
        return parts.count < 0xFFFF && offset < 0xFFFF_FFFF
    }

    /// The archive's bytes. The caller checks ``canWrite(_:)`` first.
    static func archive(_ parts: [PackagePart]) -> Data {
        let names = parts.map { Array($0.path.utf8) }
        let capacity = zip(parts, names).reduce(22) { $0 + 30 + 46 + 2 * $1.1.count + $1.0.data.count }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(capacity)
        var entries: [(offset: Int, crc: UInt32)] = []
        entries.reserveCapacity(parts.count)
        for (part, name) in zip(parts, names) {
            let crc = part.data.withUnsafeBytes { CRC32.checksum($0) }
            entries.append((bytes.count, crc))
            bytes.appendLittleEndian(UInt32(0x0403_4B50))
            bytes.appendLittleEndian(versionNeeded)
            appendCommonFields(to: &bytes, crc: crc, size: part.data.count, nameLength: name.count)
            bytes.append(contentsOf: name)
            bytes.append(contentsOf: part.data)
        }
        let centralDirectoryStart = bytes.count
        for (index, name) in names.enumerated() {
            bytes.appendLittleEndian(UInt32(0x0201_4B50))
            bytes.appendLittleEndian(versionMadeBy)
            bytes.appendLittleEndian(versionNeeded)
            appendCommonFields(to: &bytes, crc: entries[index].crc, size: parts[index].data.count, nameLength: name.count)
            bytes.appendLittleEndian(UInt16(0))  // file comment length
            bytes.appendLittleEndian(UInt16(0))  // disk number start
            bytes.appendLittleEndian(UInt16(0))  // internal file attributes
            bytes.appendLittleEndian(externalAttributes)
            bytes.appendLittleEndian(UInt32(entries[index].offset))
            bytes.append(contentsOf: name)
        }
        let centralDirectorySize = bytes.count - centralDirectoryStart
        bytes.appendLittleEndian(UInt32(0x0605_4B50))
        bytes.appendLittleEndian(UInt16(0))  // number of this disk
        bytes.appendLittleEndian(UInt16(0))  // disk where the central directory starts
        bytes.appendLittleEndian(UInt16(parts.count))
        bytes.appendLittleEndian(UInt16(parts.count))
        bytes.appendLittleEndian(UInt32(centralDirectorySize))
        bytes.appendLittleEndian(UInt32(centralDirectoryStart))
        bytes.appendLittleEndian(UInt16(0))  // comment length
        return Data(bytes)
    }

    /// From the general purpose flag to the extra field length: the same in both headers.
    private static func appendCommonFields(to bytes: inout [UInt8], crc: UInt32, size: Int, nameLength: Int) {
        bytes.appendLittleEndian(utf8NamesFlag)
        bytes.appendLittleEndian(UInt16(0))  // compression method: stored
        bytes.appendLittleEndian(dosTime)
        bytes.appendLittleEndian(dosDate)
        bytes.appendLittleEndian(crc)
        bytes.appendLittleEndian(UInt32(size))  // compressed size
        bytes.appendLittleEndian(UInt32(size))  // uncompressed size
        bytes.appendLittleEndian(UInt16(nameLength))
        bytes.appendLittleEndian(UInt16(0))  // extra field length
    }
}

/// CRC-32 as ZIP uses it (ISO 3309, reflected polynomial 0xEDB88320), eight bytes per step with
/// eight lookup tables ("slicing-by-8", as zlib does): under 2 instructions per byte instead of ~19
/// for ZIPFoundation's byte-at-a-time fallback.
enum CRC32 {
    /// `table[k * 256 + n]`: the CRC of byte `n` followed by `k` zero bytes.
    static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var crc = UInt32(n)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
            table[n] = crc
        }
        for n in 0..<256 {
            var crc = table[n]
            for k in 1..<8 {
                crc = table[Int(crc & 0xFF)] ^ (crc >> 8)
                table[k * 256 + n] = crc
            }
        }
        return table
    }()

    static func checksum(_ buffer: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            let count = buffer.count
            var index = 0
            while index + 8 <= count {
                let one = buffer.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian ^ crc
                let two = buffer.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
                crc = t[7 * 256 + Int(one & 0xFF)] ^ t[6 * 256 + Int((one >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((one >> 16) & 0xFF)] ^ t[4 * 256 + Int(one >> 24)]
                    ^ t[3 * 256 + Int(two & 0xFF)] ^ t[2 * 256 + Int((two >> 8) & 0xFF)]
                    ^ t[256 + Int((two >> 16) & 0xFF)] ^ t[Int(two >> 24)]
                index += 8
            }
            while index < count {
                crc = t[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return ~crc
    }
}

extension Array where Element == UInt8 {
    mutating func appendLittleEndian(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func appendLittleEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 24))
    }
}
