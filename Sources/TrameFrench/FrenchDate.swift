/// Calendar dates as French legal texts write them.
///
/// The functions take the components as given and do not check that the day exists in the month;
/// a month outside 1 ... 12 is written as its number so that the mistake stays visible.
public enum FrenchDate {
    /// The month names, lower case as French writes them inside a sentence.
    private static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// The long form: "1er avril 2019", "21 mars 2020" (month lower case, ordinal for the 1st).
    /// There is no article: templates write "le".
    /// - Parameters:
    ///   - year: The year, e.g. 2019.
    ///   - month: The month, 1 ... 12.
    ///   - day: The day of the month.
    /// - Returns: The date in words.
    public static func long(year: Int, month: Int, day: Int) -> String {
        let dayText = day == 1 ? FrenchNumber.ordinal(1) : String(day)
        return "\(dayText) \(monthName(month)) \(year)"
    }

    /// The short form with two-digit day and month and a four-digit year: "01/04/2019".
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month, 1 ... 12.
    ///   - day: The day of the month.
    /// - Returns: "DD/MM/YYYY".
    public static func short(year: Int, month: Int, day: Int) -> String {
        "\(padded(day, width: 2))/\(padded(month, width: 2))/\(padded(year, width: 4))"
    }

    /// The month name: 1 → "janvier" … 12 → "décembre".
    /// - Parameter month: The month, 1 ... 12; any other value is returned as its digits.
    /// - Returns: The lower-case month name.
    public static func monthName(_ month: Int) -> String {
        months.indices.contains(month - 1) ? months[month - 1] : String(month)
    }

    /// The month and year: "mars 2020".
    /// - Parameters:
    ///   - year: The year.
    ///   - month: The month, 1 ... 12.
    /// - Returns: The lower-case month name, a space, and the year.
    public static func monthYear(year: Int, month: Int) -> String {
        "\(monthName(month)) \(year)"
    }

    /// Left-pads the digits of a non-negative number with zeros.
    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}
