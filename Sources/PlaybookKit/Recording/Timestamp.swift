/// UTC times as ISO 8601 text (`2026-11-22T17:35:12.123Z`), written and read without Foundation.
public enum Timestamp {
    /// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    public static func format(_ seconds: Double) -> String {
        let milliseconds = Int64((seconds * 1000).rounded(.down))
        let (days, inDay) = floorDivide(milliseconds, 86_400_000)
        let (year, month, day) = civil(fromDays: days)
        let hour = inDay / 3_600_000, minute = inDay / 60_000 % 60, second = inDay / 1000 % 60, milli = inDay % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(milli, 3))Z"
    }

    /// The seconds since 1970 of a time written by `format` (milliseconds optional).
    public static func parse(_ text: String) -> Double? {
        guard let (seconds, milliseconds) = parts(Array(text.utf8)) else { return nil }
        return Double(seconds) + Double(milliseconds) / 1000
    }

    /// The milliseconds since 1970 of a time written by `format`, read from its UTF-8 bytes.
    public static func milliseconds<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Int64? where Bytes.Index == Int {
        guard let (seconds, milliseconds) = parts(bytes) else { return nil }
        return seconds * 1000 + milliseconds
    }

    /// Whole seconds since 1970 and the milliseconds after them, of `YYYY-MM-DDTHH:MM:SSZ` or
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` exactly, a real date of the calendar (no 30 February).
    private static func parts<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> (Int64, Int64)? where Bytes.Index == Int {
        let base = bytes.startIndex
        guard bytes.count == 20 || bytes.count == 24, bytes[bytes.endIndex - 1] == UInt8(ascii: "Z") else { return nil }
        func byte(_ offset: Int) -> UInt8 { bytes[base + offset] }
        guard byte(4) == UInt8(ascii: "-"), byte(7) == UInt8(ascii: "-"), byte(10) == UInt8(ascii: "T"), byte(13) == UInt8(ascii: ":"),
            byte(16) == UInt8(ascii: ":"), bytes.count == 20 || byte(19) == UInt8(ascii: ".")
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for offset in range {
                let digit = byte(offset)
                guard (0x30...0x39).contains(digit) else { return nil }
                value = value * 10 + Int64(digit - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), day >= 1, day <= daysIn(month, of: year), hour < 24, minute < 60, second < 61
        else { return nil }
        var milliseconds: Int64 = 0
        if bytes.count == 24 {
            guard let milli = number(20..<23) else { return nil }
            milliseconds = milli
        }
        let days = daysFromCivil(year, month, day)
        return (days * 86_400 + hour * 3600 + minute * 60 + second, milliseconds)
    }

    private static func daysIn(_ month: Int64, of year: Int64) -> Int64 {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let quotient = a / b - (a % b < 0 ? 1 : 0)
        return (quotient, a - quotient * b)
    }

    /// Howard Hinnant's algorithms for the proleptic Gregorian calendar.
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysFromCivil(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
