import Foundation
import TrameFrench
import TrameModel

extension ContextBuilder {
    /// What the letter to the préfet (CCH L. 442-8-3) knows about itself.
    public struct PrefectLetter: Sendable, Equatable {
        /// The day the letter is dated.
        public var date: CalendarDate
        /// The last day of the review period it closes.
        public var periodEnd: CalendarDate?
        /// Its deadline: two months before the end of the review period.
        public var due: CalendarDate?

        public init(date: CalendarDate, periodEnd: CalendarDate?, due: CalendarDate?) {
            self.date = date
            self.periodEnd = periodEnd
            self.due = due
        }
    }

    /// The context of the letter to the préfet: `courrier` — `date` (the day it is dated), `lieu`
    /// (the commune of the landlord's address, else the convention's place of signature),
    /// `fin_periode`, `echeance` (two months before), `hors_delai` (dated after the deadline) —
    /// and `signataires.courrier` (the landlord's representative, who signs it).
    /// - Parameters:
    ///   - letter: The letter's dates.
    ///   - context: A dossier document's context (`dossierContext`).
    /// - Returns: The context with those fields.
    public static func addingPrefectLetter(_ letter: PrefectLetter, to context: DataNode) -> DataNode {
        guard var object = context.object else { return context }
        var fields = DataObject()
        fields.set("date", node(.date(letter.date), "courrier.date"))
        let place = context["bailleur"]?["adresse"]?.text.flatMap(commune(ofAddress:)) ?? context["convention"]?["lieu_signature"]?.text
        if let place { fields.set("lieu", node(.text(place), "courrier.lieu")) }
        if let end = letter.periodEnd { fields.set("fin_periode", node(.date(end), "courrier.fin_periode")) }
        if let due = letter.due {
            fields.set("echeance", node(.date(due), "courrier.echeance"))
            fields.set("hors_delai", node(.boolean(letter.date > due), "courrier.hors_delai"))
        }
        object.set("courrier", node(.object(fields), "courrier"))
        if var signatories = object["signataires"]?.object {
            let landlord = object["bailleur"].flatMap(partySignatory).map { [$0] } ?? []
            let level = landlord.map(\.sensitivity).max() ?? .partenaires
            signatories.set("courrier", DataNode(value: .list(landlord), path: FieldPath(parsing: "signataires.courrier"), sensitivity: level, location: nil))
            if let existing = object["signataires"] {
                object.set("signataires", DataNode(value: .object(signatories), path: existing.path, sensitivity: existing.sensitivity, location: existing.location))
            }
        }
        var root = context
        root.value = .object(object)
        return root
    }

    /// The commune of a one-line French address: what follows its five-digit postal code, without a
    /// « Cedex » suffix (« 10 avenue de l'Exemple, 57000 Metz » → « Metz »); nil without a postal code.
    public static func commune(ofAddress address: String) -> String? {
        let characters = Array(address)
        var index = characters.count - 5
        while index >= 0 {
            let window = characters[index..<index + 5]
            let before = index == 0 ? " " : characters[index - 1]
            let after = index + 5 < characters.count ? characters[index + 5] : "x"
            if window.allSatisfy({ $0.isASCII && $0.isNumber }), !before.isNumber, after == " " {
                var commune = String(characters[(index + 6)...]).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
                if let cedex = commune.range(of: " Cedex") ?? commune.range(of: " CEDEX") { commune = String(commune[..<cedex.lowerBound]) }
                return commune.isEmpty ? nil : commune
            }
            index -= 1
        }
        return nil
    }

    private static func node(_ value: DataValue, _ path: String) -> DataNode {
        DataNode(value: value, path: FieldPath(parsing: path), sensitivity: .partenaires, location: nil)
    }
}
