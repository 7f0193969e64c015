import TrameModel

extension ContextBuilder {
    /// What « Mes prochaines dates » (`prochaines-dates-facile`) shows: the dates of the dossier
    /// still to come on the day the sheet is made, each present only when it falls after that day.
    public struct NextDates: Sendable, Equatable {
        /// The day the sheet is made (`--as-of`, else today): `prochaines_dates.date`.
        public var day: CalendarDate
        /// The first day of a sublease that has not begun yet: `prochaines_dates.debut`.
        public var start: CalendarDate?
        /// The latest day of the next evaluation: `prochaines_dates.evaluation`.
        public var evaluation: CalendarDate?
        /// Whether that evaluation is the first one: `prochaines_dates.premiere_evaluation`.
        public var firstEvaluation = false
        /// An evaluation was due by that day and none is recorded since: a date is to be set with
        /// the person (`prochaines_dates.evaluation_a_fixer`).
        public var evaluationToSchedule = false
        /// The last day of the current term: `prochaines_dates.fin_terme`.
        public var termEnd: CalendarDate?
        /// The insurance renewal, `sous_location.assurance_echeance`: `prochaines_dates.assurance`.
        public var insurance: CalendarDate?

        /// A sheet of `day` with no date to come.
        public init(day: CalendarDate) {
            self.day = day
        }
    }

    /// The context with `prochaines_dates` (`ContextSchema.dossierDocument`): the dates still to
    /// come on the day « Mes prochaines dates » is made.
    public static func addingNextDates(_ dates: NextDates, to context: DataNode) -> DataNode {
        guard var object = context.object else { return context }
        var fields = DataObject()
        fields.set("date", nextDatesNode(.date(dates.day), "date"))
        if let start = dates.start { fields.set("debut", nextDatesNode(.date(start), "debut")) }
        if let evaluation = dates.evaluation { fields.set("evaluation", nextDatesNode(.date(evaluation), "evaluation")) }
        fields.set("premiere_evaluation", nextDatesNode(.boolean(dates.firstEvaluation), "premiere_evaluation"))
        fields.set("evaluation_a_fixer", nextDatesNode(.boolean(dates.evaluationToSchedule), "evaluation_a_fixer"))
        if let end = dates.termEnd { fields.set("fin_terme", nextDatesNode(.date(end), "fin_terme")) }
        if let insurance = dates.insurance { fields.set("assurance", nextDatesNode(.date(insurance), "assurance")) }
        object.set("prochaines_dates", DataNode(value: .object(fields), path: FieldPath(parsing: "prochaines_dates"), sensitivity: .partenaires, location: nil))
        var root = context
        root.value = .object(object)
        return root
    }

    private static func nextDatesNode(_ value: DataValue, _ key: String) -> DataNode {
        DataNode(value: value, path: FieldPath(parsing: "prochaines_dates.\(key)"), sensitivity: .partenaires, location: nil)
    }
}
