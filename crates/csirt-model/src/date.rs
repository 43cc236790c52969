//! The one place where the product checks, makes and orders calendar dates.
//!
//! An assessment's date is a day of the Gregorian calendar written `YYYY-MM-DD`; a year and month
//! (a team's founding, a contribution's period) is `YYYY-MM`. Both are parsed strictly, checked
//! against the real calendar (no 2015-02-30) and kept between 1900 and 2200. "Today" is the
//! user's own calendar day, in the machine's time zone, not UTC's.

use crate::text::Text;
use std::fmt;

/// The years a date may fall in: before 1900 or after 2200 is a typing mistake, not a CSIRT.
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2200;

/// A real calendar day. Orders chronologically; displays as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    pub fn year(self) -> i16 {
        self.0.year()
    }
    pub fn month(self) -> i8 {
        self.0.month()
    }
    pub fn day(self) -> i8 {
        self.0.day()
    }

    /// Today in the machine's time zone (the user's calendar day). Falls back to UTC when the
    /// time zone cannot be read.
    pub fn today() -> Date {
        Date(jiff::Zoned::now().date())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }
}

impl std::str::FromStr for Date {
    type Err = Text;
    fn from_str(s: &str) -> Result<Self, Text> {
        parse_date(s)
    }
}

/// `n` ASCII digits as a number, or None; never slices text by bytes.
fn digits(part: &str, n: usize) -> Option<i32> {
    if part.len() != n || !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// Splits `YYYY-MM[-DD]` on '-', checking each part's width and digits.
fn parts(s: &str, want: usize) -> Option<Vec<i32>> {
    let widths = [4, 2, 2];
    let fields: Vec<&str> = s.split('-').collect();
    if fields.len() != want {
        return None;
    }
    fields
        .iter()
        .zip(widths)
        .map(|(f, w)| digits(f, w))
        .collect()
}

fn year_in_range(y: i32) -> Option<i16> {
    i16::try_from(y).ok().filter(|y| YEARS.contains(y))
}

/// Parses a calendar date `YYYY-MM-DD`, refusing any other form and any day the calendar lacks.
pub fn parse_date(s: &str) -> Result<Date, Text> {
    let shape = || {
        crate::bi!(
            "日付 {s:?} は YYYY-MM-DD の形ではありません（例: 2026-03-31）",
            "date {s:?} is not in the form YYYY-MM-DD (for example 2026-03-31)"
        )
    };
    let Some([y, month, day]) = parts(s, 3).and_then(|p| <[i32; 3]>::try_from(p).ok()) else {
        return Err(shape());
    };
    let (first, last) = (YEARS.start(), YEARS.end());
    let year = year_in_range(y).ok_or_else(|| {
        crate::bi!(
            "日付 {s:?} の年は {first}〜{last} の範囲で指定してください",
            "date {s:?}: the year must be between {first} and {last}",
        )
    })?;
    // Two digits each, so they fit; an out-of-range value is refused by the calendar below.
    let (month, day) = (
        i8::try_from(month).unwrap_or(0),
        i8::try_from(day).unwrap_or(0),
    );
    jiff::civil::Date::new(year, month, day)
        .map(Date)
        .map_err(|_| {
            crate::bi!(
                "日付 {s:?} は暦にありません（{year} 年 {month} 月にその日はありません）",
                "date {s:?} does not exist: {year}-{month:02} has no day {day}"
            )
        })
}

/// Checks a year and month `YYYY-MM` (a real month, year in [`YEARS`]).
pub fn parse_year_month(s: &str) -> Result<(i16, i8), Text> {
    let bad = || {
        crate::bi!(
            "{s:?} は年月（例: 2014-04）の形ではありません",
            "{s:?} is not a year and month like \"2014-04\""
        )
    };
    let Some([y, m]) = parts(s, 2).and_then(|p| <[i32; 2]>::try_from(p).ok()) else {
        return Err(bad());
    };
    let year = year_in_range(y).ok_or_else(bad)?;
    match i8::try_from(m) {
        Ok(m @ 1..=12) => Ok((year, m)),
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_only() {
        for ok in ["2026-03-31", "2024-02-29", "1900-01-01", "2200-12-31"] {
            assert_eq!(parse_date(ok).map(|d| d.to_string()), Ok(ok.to_string()));
        }
        for bad in [
            "2015-02-30",
            "2023-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "31/03/2026",
            "next week",
            "2026-0é12",
            "2026-3-31",
            "+2026-03-31",
            "2026-03-31T00:00",
            "２０２６-03-31",
            "1899-12-31",
            "2201-01-01",
            "",
            "2026-03-31 ",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn errors_name_the_input_in_both_languages() {
        let e = parse_date("2015-02-30").expect_err("not a day");
        assert!(e.en.contains("2015-02-30") && e.ja.contains("2015-02-30"));
        assert!(e.ja.contains("暦"), "{}", e.ja);
    }

    #[test]
    fn dates_order_by_the_calendar() {
        let mut d: Vec<Date> = ["2026-10-01", "2026-09-30", "2025-12-31"]
            .iter()
            .map(|s| parse_date(s).expect("valid"))
            .collect();
        d.sort();
        let s: Vec<String> = d.iter().map(Date::to_string).collect();
        assert_eq!(s, ["2025-12-31", "2026-09-30", "2026-10-01"]);
    }

    #[test]
    fn year_months() {
        assert_eq!(parse_year_month("2014-04"), Ok((2014, 4)));
        for bad in ["2014-13", "2014-4", "14-04-01", "2014-0é", "2014/04"] {
            assert!(parse_year_month(bad).is_err(), "{bad:?}");
        }
    }
}
