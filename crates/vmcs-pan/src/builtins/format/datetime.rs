//! `%t`/`%T` conversions of a long (milliseconds since the epoch) as Java's
//! `Formatter` prints a `GregorianCalendar` in the US locale and the UTC time zone.
//!
//! Like `GregorianCalendar`, dates before 1582-10-15 use the Julian calendar and
//! years before 1 AD are counted in the BC era (`YEAR` is never below 1).

/// The calendar fields Formatter reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// Year of the era (1 BC is 1).
    pub year: i64,
    /// 0 = January.
    pub month: usize,
    pub day: i64,
    pub day_of_year: i64,
    /// 0 = Sunday.
    pub weekday: usize,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    pub milli: i64,
    pub millis: i64,
}

const MS_PER_DAY: i64 = 86_400_000;
/// Days from 1970-01-01 to 1582-10-15, the first Gregorian day.
const GREGORIAN_CUTOVER_DAY: i64 = -141_427;
/// Julian day number of 1970-01-01.
const JDN_EPOCH: i64 = 2_440_588;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Gregorian (year, month 1-12, day) of a day count since 1970-01-01 (H. Hinnant).
fn gregorian_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn gregorian_days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Julian-calendar (year, month 1-12, day) of a day count since 1970-01-01.
fn julian_from_days(z: i64) -> (i64, i64, i64) {
    let c = z + JDN_EPOCH + 32_082;
    let d = (4 * c + 3).div_euclid(1461);
    let e = c - (1461 * d).div_euclid(4);
    let m = (5 * e + 2).div_euclid(153);
    let day = e - (153 * m + 2).div_euclid(5) + 1;
    let month = m + 3 - 12 * m.div_euclid(10);
    (d - 4800 + m.div_euclid(10), month, day)
}

fn julian_days(y: i64, m: i64, d: i64) -> i64 {
    let a = (14 - m).div_euclid(12);
    let y2 = y + 4800 - a;
    let m2 = m + 12 * a - 3;
    d + (153 * m2 + 2).div_euclid(5) + 365 * y2 + y2.div_euclid(4) - 32_083 - JDN_EPOCH
}

impl Fields {
    pub fn from_millis(millis: i64) -> Fields {
        let days = millis.div_euclid(MS_PER_DAY);
        let ms = millis.rem_euclid(MS_PER_DAY);
        let (y, m, d, jan1) = if days >= GREGORIAN_CUTOVER_DAY {
            let (y, m, d) = gregorian_from_days(days);
            // In the cutover year, Java counts the day of year from the Julian 1 January.
            let jan1 = if y == 1582 {
                julian_days(y, 1, 1)
            } else {
                gregorian_days(y, 1, 1)
            };
            (y, m, d, jan1)
        } else {
            let (y, m, d) = julian_from_days(days);
            (y, m, d, julian_days(y, 1, 1))
        };
        Fields {
            year: if y <= 0 { 1 - y } else { y },
            month: (m - 1) as usize,
            day: d,
            day_of_year: days - jan1 + 1,
            weekday: (days + 4).rem_euclid(7) as usize,
            hour: ms / 3_600_000,
            minute: ms / 60_000 % 60,
            second: ms / 1000 % 60,
            milli: ms % 1000,
            millis,
        }
    }
}

fn padded(n: i64, width: usize) -> String {
    format!("{n:0width$}")
}

/// One date/time conversion (the character after `t`), before upper-casing and width.
pub fn print(out: &mut String, f: &Fields, c: char) {
    let hour12 = if f.hour == 0 || f.hour == 12 {
        12
    } else {
        f.hour % 12
    };
    match c {
        'H' => out.push_str(&padded(f.hour, 2)),
        'I' => out.push_str(&padded(hour12, 2)),
        'k' => out.push_str(&f.hour.to_string()),
        'l' => out.push_str(&hour12.to_string()),
        'M' => out.push_str(&padded(f.minute, 2)),
        'N' => out.push_str(&padded(f.milli * 1_000_000, 9)),
        'L' => out.push_str(&padded(f.milli, 3)),
        'Q' => out.push_str(&f.millis.to_string()),
        'p' => out.push_str(if f.hour < 12 { "am" } else { "pm" }),
        's' => out.push_str(&(f.millis / 1000).to_string()),
        'S' => out.push_str(&padded(f.second, 2)),
        'z' => out.push_str("+0000"),
        'Z' => out.push_str("UTC"),
        'a' => out.push_str(&WEEKDAYS[f.weekday][..3]),
        'A' => out.push_str(WEEKDAYS[f.weekday]),
        'b' | 'h' => out.push_str(&MONTHS[f.month][..3]),
        'B' => out.push_str(MONTHS[f.month]),
        'C' => out.push_str(&padded(f.year / 100, 2)),
        'y' => out.push_str(&padded(f.year % 100, 2)),
        'Y' => out.push_str(&padded(f.year, 4)),
        'd' => out.push_str(&padded(f.day, 2)),
        'e' => out.push_str(&f.day.to_string()),
        'j' => out.push_str(&padded(f.day_of_year, 3)),
        'm' => out.push_str(&padded(f.month as i64 + 1, 2)),
        'T' | 'R' => {
            print(out, f, 'H');
            out.push(':');
            print(out, f, 'M');
            if c == 'T' {
                out.push(':');
                print(out, f, 'S');
            }
        }
        'r' => {
            for (part, sep) in [('I', ":"), ('M', ":"), ('S', " ")] {
                print(out, f, part);
                out.push_str(sep);
            }
            out.push_str(if f.hour < 12 { "AM" } else { "PM" });
        }
        'c' => {
            for (part, sep) in [
                ('a', " "),
                ('b', " "),
                ('d', " "),
                ('T', " "),
                ('Z', " "),
                ('Y', ""),
            ] {
                print(out, f, part);
                out.push_str(sep);
            }
        }
        'D' => {
            for (part, sep) in [('m', "/"), ('d', "/"), ('y', "")] {
                print(out, f, part);
                out.push_str(sep);
            }
        }
        'F' => {
            for (part, sep) in [('Y', "-"), ('m', "-"), ('d', "")] {
                print(out, f, part);
                out.push_str(sep);
            }
        }
        _ => unreachable!("date/time conversion checked when parsed: {c}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(millis: i64, c: char) -> String {
        let mut s = String::new();
        print(&mut s, &Fields::from_millis(millis), c);
        s
    }

    #[test]
    fn epoch_and_friends() {
        assert_eq!(fmt(0, 'c'), "Thu Jan 01 00:00:00 UTC 1970");
        assert_eq!(fmt(0, 'F'), "1970-01-01");
        assert_eq!(fmt(-1, 'T'), "23:59:59");
        assert_eq!(fmt(-1, 'L'), "999");
        assert_eq!(fmt(951_782_400_000, 'D'), "02/29/00");
        assert_eq!(fmt(1_700_000_000_123, 'r'), "10:13:20 PM");
        assert_eq!(fmt(1_700_000_000_123, 'j'), "318");
    }

    #[test]
    fn julian_before_cutover() {
        // 1582-10-15 (Gregorian) follows 1582-10-04 (Julian).
        assert_eq!(fmt(GREGORIAN_CUTOVER_DAY * MS_PER_DAY, 'F'), "1582-10-15");
        assert_eq!(
            fmt(GREGORIAN_CUTOVER_DAY * MS_PER_DAY - 1, 'F'),
            "1582-10-04"
        );
        assert_eq!(fmt(GREGORIAN_CUTOVER_DAY * MS_PER_DAY, 'j'), "278");
    }
}
