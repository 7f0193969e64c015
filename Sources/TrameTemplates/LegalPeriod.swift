import TrameFrench
import TrameModel

/// The legal period of a version of a clause or of a document template: the days on which its text
/// is the law's (`en_vigueur` … `jusqu_au`), and the legal text it reflects (`source`). Distinct
/// from the editorial version number: a later version with the same `en_vigueur` corrects the
/// wording for the same period; a later version with a later `en_vigueur` follows a change of law.
public struct LegalPeriod: Sendable, Hashable {
    /// The first day in force (`en_vigueur`).
    public let from: CalendarDate
    /// The last day in force: `jusqu_au` when written, else the day before the next version with a
    /// later `en_vigueur`; nil while still in force.
    public let until: CalendarDate?
    /// The legal text and version it reflects (`source`), when given.
    public let source: String?

    public init(from: CalendarDate, until: CalendarDate?, source: String?) {
        self.from = from
        self.until = until
        self.source = source
    }

    /// Whether `day` falls within the period.
    public func covers(_ day: CalendarDate) -> Bool {
        from <= day && (until.map { day <= $0 } ?? true)
    }

    /// « du 1er janvier 2018 au 30 juin 2022 » / « depuis le 1er juillet 2022 ».
    public var french: String {
        let start = Self.long(from)
        guard let until else { return "en vigueur depuis le \(start)" }
        return "en vigueur du \(start) au \(Self.long(until))"
    }

    static func long(_ d: CalendarDate) -> String { FrenchDate.long(year: d.year, month: d.month, day: d.day) }

    /// The periods of successive versions (oldest first): each one ends at its own `jusqu_au`, else
    /// the day before the first later version whose `en_vigueur` is later than its own.
    /// - Parameter versions: (`en_vigueur`, `jusqu_au`, `source`) of each version, by version number.
    public static func periods(_ versions: [(from: CalendarDate, until: CalendarDate?, source: String?)]) -> [LegalPeriod] {
        versions.enumerated().map { index, version in
            let successor = versions[(index + 1)...].first { $0.from > version.from }
            let implicit = successor.map { $0.from.adding(days: -1) }
            let end: CalendarDate? = switch (version.until, implicit) {
            case let (explicit?, next?): min(explicit, next)
            case let (explicit?, nil): explicit
            case let (nil, next): next
            }
            return LegalPeriod(from: version.from, until: end, source: version.source)
        }
    }

    /// The version in force on `day`: the highest version number whose period covers it (an
    /// editorial correction replaces the version it corrects); nil when none does.
    public static func choose(on day: CalendarDate, among periods: [LegalPeriod]) -> Int? {
        periods.indices.last { periods[$0].covers(day) }
    }
}
