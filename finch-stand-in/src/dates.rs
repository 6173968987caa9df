//! Calendar arithmetic for the fixture: days since 1970-01-01 (proleptic Gregorian), `YYYY-MM-DD`
//! text and `YYYY-MM-DDTHH:MM:SSZ` timestamps. No clock is read: the stand-in's "today" is a
//! configured day, so its data never depends on when the tests run.

/// A calendar day, as days since 1970-01-01.
pub(crate) type Day = i32;

/// Seconds since 1970-01-01T00:00:00Z.
pub(crate) type Instant = i64;

const SECONDS_PER_DAY: i64 = 86_400;

/// The day of `year-month-day` (Howard Hinnant's `days_from_civil`). The inputs are not checked;
/// use [`parse`] for text from clients.
pub(crate) fn day(year: i32, month: u32, day: u32) -> Day {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i32::try_from(month).unwrap_or(1);
    let day = i32::try_from(day).unwrap_or(1);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// `M/D/YYYY` (or `MM/DD/YYYY`) as `YYYY-MM-DD`, when it is a day of the calendar.
pub(crate) fn iso_from_us(text: &str) -> Option<String> {
    let mut parts = text.split('/');
    let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
    fn digits(part: &str, widths: std::ops::RangeInclusive<usize>) -> Option<&str> {
        (widths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())).then_some(part)
    }
    let iso = format!(
        "{}-{:0>2}-{:0>2}",
        digits(year, 4..=4)?,
        digits(month, 1..=2)?,
        digits(day, 1..=2)?
    );
    (parts.next().is_none() && parse(&iso).is_some()).then_some(iso)
}

/// `(year, month, day)` of a day (Howard Hinnant's `civil_from_days`).
pub(crate) fn civil(days: Day) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// `YYYY-MM-DD`.
pub(crate) fn format(days: Day) -> String {
    let (year, month, day) = civil(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Parses `YYYY-MM-DD` with a real month and day (leap years included). Anything else is `None`.
pub(crate) fn parse(text: &str) -> Option<Day> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    let month = digits(5..7)?;
    let day_of_month = digits(8..10)?;
    if !(1..=12).contains(&month) || day_of_month == 0 || day_of_month > days_in_month(year, month)
    {
        return None;
    }
    Some(day(year, month, day_of_month))
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// 0 = Monday ... 6 = Sunday.
pub(crate) fn weekday(days: Day) -> i32 {
    // 1970-01-01 was a Thursday.
    (days + 3).rem_euclid(7)
}

/// The last day of the month `days` falls in.
pub(crate) fn end_of_month(days: Day) -> Day {
    let (year, month, _) = civil(days);
    day(year, month, days_in_month(year, month))
}

/// The same day or the Friday before when it falls on a weekend.
pub(crate) fn business_day_on_or_before(days: Day) -> Day {
    match weekday(days) {
        5 => days - 1,
        6 => days - 2,
        _ => days,
    }
}

/// The first instant of a day.
pub(crate) fn start_of(days: Day) -> Instant {
    i64::from(days) * SECONDS_PER_DAY
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn timestamp(instant: Instant) -> String {
    let days = Day::try_from(instant.div_euclid(SECONDS_PER_DAY)).unwrap_or(0);
    let seconds = instant.rem_euclid(SECONDS_PER_DAY);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        format(days),
        seconds / 3_600,
        (seconds / 60) % 60,
        seconds % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_across_eras_and_leap_days() {
        for days in (-800_000..800_000).step_by(37) {
            let (y, m, d) = civil(days);
            assert_eq!(day(y, m, d), days);
        }
        assert_eq!(day(1970, 1, 1), 0);
        assert_eq!(format(day(2024, 2, 29)), "2024-02-29");
        assert_eq!(parse("2024-02-29"), Some(day(2024, 2, 29)));
        assert_eq!(parse("2023-02-29"), None);
        assert_eq!(
            parse("2000-02-29").map(format).as_deref(),
            Some("2000-02-29")
        );
        assert_eq!(parse("1900-02-29"), None);
    }

    #[test]
    fn parse_rejects_junk() {
        for junk in [
            "",
            "2024-1-01",
            "2024-13-01",
            "2024-00-10",
            "2024-01-32",
            "abcd-ef-gh",
            "+024-01-01",
            "2024-01-01T00",
        ] {
            assert_eq!(parse(junk), None, "{junk}");
        }
    }

    #[test]
    fn weekdays_and_month_ends() {
        assert_eq!(weekday(day(2025, 12, 31)), 2); // a Wednesday
        assert_eq!(weekday(day(2025, 1, 3)), 4); // a Friday
        assert_eq!(format(end_of_month(day(2024, 2, 10))), "2024-02-29");
        assert_eq!(
            format(business_day_on_or_before(day(2025, 8, 31))),
            "2025-08-29"
        );
        assert_eq!(
            timestamp(start_of(day(2025, 1, 2)) + 3_661),
            "2025-01-02T01:01:01Z"
        );
    }
}
