//! Dates as written → calendar values, against the publication date and the governing tense.
//!
//! The rules, in one place:
//! - A bare weekday takes the past occurrence in the past tense, the coming one in the future
//!   tense, and the nearer one in the present. The publication day's own name is that day in
//!   every tense: a Wednesday story's "said Wednesday" or "met on Wednesday" is today, because
//!   news writes "last Wednesday" for the one a week before and "next Wednesday" for the one
//!   after.
//! - "Monday next week", "Thursday this week" name a day of that ISO week.
//! - "last Tuesday" is the most recent Tuesday before publication, "next Monday" the first after
//!   it, "this Thursday" the one of the tense's direction, publication day included.
//! - A day or month without a year takes the year that puts it on the tense's side of
//!   publication (past: not after it; future: not before it; present: nearest), and records
//!   `"year"` as inferred.
//! - A week ("this week", "next week", "two weeks ago") is its Monday at day precision, with
//!   `"week"` in `inferred`: the day is not in the text, only the week is. A weekend ("this
//!   weekend", "next weekend") is its Saturday, with `"weekend"` inferred.
//! - "March last year", "3 June next year": the month in the year counted from publication.

use jiff::Span;
use jiff::civil::{Date, Weekday};

use super::Tense;
use super::parse::{DateExpr, Rel};

/// A resolved calendar value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DateValue {
    Day(Date),
    /// The Monday of a week.
    Week(Date),
    /// The Saturday of a weekend.
    Weekend(Date),
    Month(i16, i8),
    Year(i16),
}

/// A calendar value with what was inferred and what looked wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Resolved {
    pub value: DateValue,
    pub inferred: Vec<&'static str>,
    pub warnings: Vec<String>,
}

impl Resolved {
    fn plain(value: DateValue) -> Self {
        Resolved {
            value,
            inferred: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The day, when the value is one day.
    pub fn day(&self) -> Option<Date> {
        match self.value {
            DateValue::Day(d) => Some(d),
            _ => None,
        }
    }
}

pub(super) fn add_days(date: Date, days: i64) -> Option<Date> {
    date.checked_add(Span::new().try_days(days).ok()?).ok()
}

fn monday_of(date: Date) -> Option<Date> {
    add_days(date, -i64::from(date.weekday().to_monday_zero_offset()))
}

/// Days from the most recent `day` on or before `published`, and to the first on or after it.
fn distances(day: Weekday, published: Date) -> (i64, i64) {
    let back = i64::from(published.weekday().since(day));
    let forward = i64::from(day.since(published.weekday()));
    (back, forward)
}

fn weekday_date(day: Weekday, rel: Rel, tense: Tense, published: Date) -> Option<Date> {
    let (back, forward) = distances(day, published);
    let offset = match rel {
        Rel::Last => -(if back == 0 { 7 } else { back }),
        Rel::Next => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
        Rel::This => match tense {
            Tense::Past => -back,
            _ => forward,
        },
        Rel::Bare if back == 0 => 0,
        Rel::Bare => match tense {
            Tense::Past => -back,
            Tense::Future => forward,
            Tense::Present if back < forward => -back,
            Tense::Present => forward,
        },
    };
    add_days(published, offset)
}

fn add_months(year: i16, month: i8, n: i32) -> Option<(i16, i8)> {
    let total = i32::from(year) * 12 + i32::from(month) - 1 + n;
    let y = i16::try_from(total.div_euclid(12)).ok()?;
    let m = i8::try_from(total.rem_euclid(12) + 1).ok()?;
    Some((y, m))
}

/// The year for a month (and day) written without one, by tense and `rel`.
fn infer_year(month: i8, day: Option<i8>, rel: Rel, tense: Tense, published: Date) -> Option<i16> {
    let py = published.year();
    let candidates = [py.checked_sub(1), Some(py), py.checked_add(1)];
    // Compare as (year, month, day) keys; a month alone compares by month, so the publication
    // month itself counts as both "not after" and "not before" publication.
    let key = |y: i16| -> Option<(i16, i8, i8)> {
        match day {
            Some(d) => Date::new(y, month, d).ok().map(|_| (y, month, d)),
            None => Some((y, month, 0)),
        }
    };
    let now = (
        py,
        published.month(),
        if day.is_some() { published.day() } else { 0 },
    );
    let valid: Vec<(i16, i8, i8)> = candidates.into_iter().flatten().filter_map(key).collect();
    let pick = match (rel, tense) {
        (Rel::This, _) => valid.iter().find(|k| k.0 == py),
        (Rel::Last, _) => valid.iter().rev().find(|k| **k < now),
        (Rel::Next, _) => valid.iter().find(|k| **k > now),
        // "have called for a protest … on December 12" two days before it: a day of the month
        // a few days ahead is that one, not the same day almost a year ago, which a report
        // would give with its year.
        (Rel::Bare, Tense::Past) if day.is_some() => {
            let soon = valid.iter().find(|k| {
                **k > now
                    && Date::new(k.0, k.1, k.2)
                        .ok()
                        .is_some_and(|d| (d - published).get_days() <= 14)
            });
            soon.or_else(|| valid.iter().rev().find(|k| **k <= now))
        }
        (_, Tense::Past) => valid.iter().rev().find(|k| **k <= now),
        (_, Tense::Future) => valid.iter().find(|k| **k >= now),
        (_, Tense::Present) => {
            let months = |k: &(i16, i8, i8)| {
                let a = i32::from(k.0) * 12 + i32::from(k.1);
                let b = i32::from(now.0) * 12 + i32::from(now.1);
                ((a - b).abs(), i32::from(k.0 != py))
            };
            valid.iter().min_by_key(|k| months(k))
        }
    };
    pick.map(|k| k.0)
}

/// Resolves one date expression.
pub(super) fn resolve(expr: &DateExpr, tense: Tense, published: Date) -> Option<Resolved> {
    match *expr {
        DateExpr::Weekday { day, rel } => {
            weekday_date(day, rel, tense, published).map(|d| Resolved::plain(DateValue::Day(d)))
        }
        DateExpr::WeekDay { day, week } => {
            let monday = add_days(monday_of(published)?, i64::from(week) * 7)?;
            add_days(monday, i64::from(day.to_monday_zero_offset()))
                .map(|d| Resolved::plain(DateValue::Day(d)))
        }
        DateExpr::Weekend(n) => {
            let monday = add_days(monday_of(published)?, i64::from(n) * 7)?;
            Some(Resolved {
                value: DateValue::Weekend(add_days(monday, 5)?),
                inferred: vec!["weekend"],
                warnings: Vec::new(),
            })
        }
        DateExpr::YearMonth { month, day, years } => {
            let year = i16::try_from(i32::from(published.year()) + years).ok()?;
            let value = match day {
                Some(d) => DateValue::Day(Date::new(year, month, d).ok()?),
                None => DateValue::Month(year, month),
            };
            Some(Resolved::plain(value))
        }
        // Days named by their place in the text, not the calendar: the caller places them.
        DateExpr::SameDay | DateExpr::RangeDay { .. } => None,
        DateExpr::DayOffset(n) => {
            add_days(published, i64::from(n)).map(|d| Resolved::plain(DateValue::Day(d)))
        }
        DateExpr::Week(n) => {
            let monday = add_days(monday_of(published)?, i64::from(n) * 7)?;
            Some(Resolved {
                value: DateValue::Week(monday),
                inferred: vec!["week"],
                warnings: Vec::new(),
            })
        }
        DateExpr::MonthOffset(n) => {
            let (y, m) = add_months(published.year(), published.month(), n)?;
            Some(Resolved::plain(DateValue::Month(y, m)))
        }
        DateExpr::YearOffset(n) => {
            let y = i16::try_from(i32::from(published.year()) + n).ok()?;
            Some(Resolved::plain(DateValue::Year(y)))
        }
        DateExpr::Year(y) => Some(Resolved::plain(DateValue::Year(y))),
        DateExpr::Calendar {
            year,
            month,
            day,
            rel,
            weekday,
        } => {
            let mut inferred = Vec::new();
            let year = match year {
                Some(y) => y,
                None => {
                    inferred.push("year");
                    let guess = infer_year(month, day, rel, tense, published)?;
                    // "Saturday 29 November": a weekday written with the date settles which
                    // year is meant, when the tense guessed the other one.
                    match (day, weekday) {
                        (Some(d), Some(said)) => [guess, guess + 1, guess - 1]
                            .into_iter()
                            .find(|y| {
                                Date::new(*y, month, d).is_ok_and(|date| date.weekday() == said)
                            })
                            .unwrap_or(guess),
                        _ => guess,
                    }
                }
            };
            let value = match day {
                Some(d) => DateValue::Day(Date::new(year, month, d).ok()?),
                None => DateValue::Month(year, month),
            };
            let mut warnings = Vec::new();
            if let (DateValue::Day(d), Some(said)) = (value, weekday)
                && d.weekday() != said
            {
                warnings.push(format!(
                    "weekday does not match the date: {d} is a {:?}, the text says {said:?}",
                    d.weekday()
                ));
            }
            Some(Resolved {
                value,
                inferred,
                warnings,
            })
        }
    }
}

/// Resolves the end of a range so that it does not come before its start: "Monday to Wednesday"
/// ends on the first Wednesday on or after that Monday, "30 December to 2 January" in the next
/// year.
pub(super) fn resolve_end(
    expr: &DateExpr,
    start: &Resolved,
    tense: Tense,
    published: Date,
) -> Option<Resolved> {
    let start_day = match start.value {
        DateValue::Day(d) | DateValue::Week(d) | DateValue::Weekend(d) => Some(d),
        _ => None,
    };
    match (*expr, start_day) {
        (
            DateExpr::Weekday {
                day,
                rel: Rel::Bare,
            },
            Some(from),
        ) => {
            let d = add_days(from, i64::from(day.since(from.weekday())))?;
            Some(Resolved::plain(DateValue::Day(d)))
        }
        (
            DateExpr::Calendar {
                year: None,
                month,
                day,
                ..
            },
            _,
        ) => {
            let start_year = match start.value {
                DateValue::Day(d) | DateValue::Week(d) | DateValue::Weekend(d) => d.year(),
                DateValue::Month(y, _) | DateValue::Year(y) => y,
            };
            let mut resolved = resolve(
                &DateExpr::Calendar {
                    year: Some(start_year),
                    month,
                    day,
                    rel: Rel::Bare,
                    weekday: None,
                },
                tense,
                published,
            )?;
            if key(resolved.value) < key(start.value) {
                resolved = resolve(
                    &DateExpr::Calendar {
                        year: start_year.checked_add(1),
                        month,
                        day,
                        rel: Rel::Bare,
                        weekday: None,
                    },
                    tense,
                    published,
                )?;
            }
            resolved.inferred.push("year");
            Some(resolved)
        }
        _ => resolve(expr, tense, published),
    }
}

/// An ordering key for comparing resolved values of the same kind.
fn key(value: DateValue) -> (i16, i8, i8) {
    match value {
        DateValue::Day(d) | DateValue::Week(d) | DateValue::Weekend(d) => {
            (d.year(), d.month(), d.day())
        }
        DateValue::Month(y, m) => (y, m, 0),
        DateValue::Year(y) => (y, 0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const FRIDAY: Date = date(2025, 8, 15);

    fn day_of(expr: DateExpr, tense: Tense) -> Date {
        match resolve(&expr, tense, FRIDAY).map(|r| r.value) {
            Some(DateValue::Day(d)) => d,
            other => panic!("{other:?}"),
        }
    }

    fn bare(day: Weekday) -> DateExpr {
        DateExpr::Weekday {
            day,
            rel: Rel::Bare,
        }
    }

    fn rel(day: Weekday, rel: Rel) -> DateExpr {
        DateExpr::Weekday { day, rel }
    }

    #[test]
    fn weekdays_by_tense() {
        assert_eq!(
            day_of(bare(Weekday::Wednesday), Tense::Past),
            date(2025, 8, 13)
        );
        assert_eq!(
            day_of(bare(Weekday::Thursday), Tense::Future),
            date(2025, 8, 21)
        );
        assert_eq!(
            day_of(bare(Weekday::Thursday), Tense::Present),
            date(2025, 8, 14)
        );
        assert_eq!(
            day_of(bare(Weekday::Monday), Tense::Present),
            date(2025, 8, 18)
        );
    }

    #[test]
    fn the_publication_weekday_is_the_publication_day_in_every_tense() {
        // "said Friday" in a Friday story is today; a week before would be "last Friday".
        for tense in [Tense::Past, Tense::Present, Tense::Future] {
            assert_eq!(day_of(bare(Weekday::Friday), tense), FRIDAY, "{tense:?}");
        }
        assert_eq!(
            day_of(rel(Weekday::Friday, Rel::Last), Tense::Past),
            date(2025, 8, 8)
        );
    }

    #[test]
    fn days_of_a_named_week_and_weekends() {
        let monday_next = DateExpr::WeekDay {
            day: Weekday::Monday,
            week: 1,
        };
        assert_eq!(day_of(monday_next, Tense::Past), date(2025, 8, 18));
        let thursday_this = DateExpr::WeekDay {
            day: Weekday::Thursday,
            week: 0,
        };
        assert_eq!(day_of(thursday_this, Tense::Future), date(2025, 8, 14));
        let r = resolve(&DateExpr::Weekend(0), Tense::Future, FRIDAY).expect("resolves");
        assert_eq!(r.value, DateValue::Weekend(date(2025, 8, 16)));
        assert_eq!(r.inferred, ["weekend"]);
        let sunday = date(2025, 8, 17);
        let r = resolve(&DateExpr::Weekend(0), Tense::Past, sunday).expect("resolves");
        assert_eq!(r.value, DateValue::Weekend(date(2025, 8, 16)));
        let r = resolve(&DateExpr::Weekend(1), Tense::Future, FRIDAY).expect("resolves");
        assert_eq!(r.value, DateValue::Weekend(date(2025, 8, 23)));
    }

    #[test]
    fn months_in_a_relative_year() {
        let value = |e: DateExpr| resolve(&e, Tense::Future, FRIDAY).map(|r| r.value);
        let march_last_year = DateExpr::YearMonth {
            month: 3,
            day: None,
            years: -1,
        };
        assert_eq!(value(march_last_year), Some(DateValue::Month(2024, 3)));
        let third_june_next_year = DateExpr::YearMonth {
            month: 6,
            day: Some(3),
            years: 1,
        };
        assert_eq!(
            value(third_june_next_year),
            Some(DateValue::Day(date(2026, 6, 3)))
        );
        assert!(
            resolve(&march_last_year, Tense::Past, FRIDAY).is_some_and(|r| r.inferred.is_empty())
        );
    }

    #[test]
    fn last_next_this() {
        assert_eq!(
            day_of(rel(Weekday::Tuesday, Rel::Last), Tense::Present),
            date(2025, 8, 12)
        );
        assert_eq!(
            day_of(rel(Weekday::Friday, Rel::Last), Tense::Present),
            date(2025, 8, 8)
        );
        assert_eq!(
            day_of(rel(Weekday::Monday, Rel::Next), Tense::Present),
            date(2025, 8, 18)
        );
        assert_eq!(
            day_of(rel(Weekday::Friday, Rel::Next), Tense::Present),
            date(2025, 8, 22)
        );
        assert_eq!(
            day_of(rel(Weekday::Thursday, Rel::This), Tense::Future),
            date(2025, 8, 21)
        );
        assert_eq!(
            day_of(rel(Weekday::Thursday, Rel::This), Tense::Past),
            date(2025, 8, 14)
        );
    }

    #[test]
    fn weeks_are_mondays_marked_inferred() {
        let r = resolve(&DateExpr::Week(1), Tense::Future, FRIDAY).expect("resolves");
        assert_eq!(r.value, DateValue::Week(date(2025, 8, 18)));
        assert_eq!(r.inferred, ["week"]);
        let r = resolve(&DateExpr::Week(-1), Tense::Past, FRIDAY).expect("resolves");
        assert_eq!(r.value, DateValue::Week(date(2025, 8, 4)));
    }

    fn month(m: i8, rel: Rel) -> DateExpr {
        DateExpr::Calendar {
            year: None,
            month: m,
            day: None,
            rel,
            weekday: None,
        }
    }

    #[test]
    fn a_day_just_ahead_is_the_coming_one_whatever_the_tense() {
        let day = |d: i8| DateExpr::Calendar {
            year: None,
            month: 12,
            day: Some(d),
            rel: Rel::Bare,
            weekday: None,
        };
        let published = date(2025, 12, 10);
        let r = resolve(&day(12), Tense::Past, published).expect("resolves");
        assert_eq!(r.value, DateValue::Day(date(2025, 12, 12)));
        // Further ahead, the past tense keeps the last one.
        let r = resolve(&day(30), Tense::Past, published).expect("resolves");
        assert_eq!(r.value, DateValue::Day(date(2024, 12, 30)));
    }

    #[test]
    fn months_without_year_by_tense() {
        let value = |e: DateExpr, t| resolve(&e, t, FRIDAY).map(|r| r.value);
        assert_eq!(
            value(month(11, Rel::Bare), Tense::Past),
            Some(DateValue::Month(2024, 11))
        );
        assert_eq!(
            value(month(11, Rel::Bare), Tense::Future),
            Some(DateValue::Month(2025, 11))
        );
        assert_eq!(
            value(month(8, Rel::Bare), Tense::Past),
            Some(DateValue::Month(2025, 8))
        );
        assert_eq!(
            value(month(8, Rel::Bare), Tense::Future),
            Some(DateValue::Month(2025, 8))
        );
        assert_eq!(
            value(month(3, Rel::Next), Tense::Past),
            Some(DateValue::Month(2026, 3))
        );
        assert_eq!(
            value(month(8, Rel::Last), Tense::Past),
            Some(DateValue::Month(2024, 8))
        );
        // Present tense: the nearer one, five months ahead rather than seven back.
        assert_eq!(
            value(month(1, Rel::Bare), Tense::Present),
            Some(DateValue::Month(2026, 1))
        );
        assert_eq!(
            value(month(3, Rel::Bare), Tense::Present),
            Some(DateValue::Month(2025, 3))
        );
        let r = resolve(&month(11, Rel::Bare), Tense::Past, FRIDAY).expect("resolves");
        assert_eq!(r.inferred, ["year"]);
    }

    #[test]
    fn days_without_year_and_leap_days() {
        let d = |m, d, t| {
            let e = DateExpr::Calendar {
                year: None,
                month: m,
                day: Some(d),
                rel: Rel::Bare,
                weekday: None,
            };
            resolve(&e, t, FRIDAY).map(|r| r.value)
        };
        assert_eq!(
            d(9, 3, Tense::Future),
            Some(DateValue::Day(date(2025, 9, 3)))
        );
        assert_eq!(d(9, 3, Tense::Past), Some(DateValue::Day(date(2024, 9, 3))));
        assert_eq!(
            d(2, 29, Tense::Past),
            Some(DateValue::Day(date(2024, 2, 29)))
        );
        assert_eq!(d(2, 29, Tense::Future), None);
        assert_eq!(d(9, 31, Tense::Future), None);
    }

    #[test]
    fn a_stated_weekday_picks_the_year() {
        // Published on Friday 2025-08-15 in the past tense, "Saturday 29 November" can only be
        // 2025 (29 November 2024 was a Friday).
        let e = DateExpr::Calendar {
            year: None,
            month: 11,
            day: Some(29),
            rel: Rel::Bare,
            weekday: Some(Weekday::Saturday),
        };
        let r = resolve(&e, Tense::Past, FRIDAY).expect("resolves");
        assert_eq!(
            r.value,
            DateValue::Day(Date::new(2025, 11, 29).expect("date"))
        );
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn stated_weekday_is_checked() {
        let e = DateExpr::Calendar {
            year: Some(2025),
            month: 9,
            day: Some(3),
            rel: Rel::Bare,
            weekday: Some(Weekday::Monday),
        };
        let r = resolve(&e, Tense::Future, FRIDAY).expect("resolves");
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    }

    #[test]
    fn range_ends_follow_their_start() {
        let start = resolve(&bare(Weekday::Monday), Tense::Future, FRIDAY).expect("start");
        let end =
            resolve_end(&bare(Weekday::Wednesday), &start, Tense::Future, FRIDAY).expect("end");
        assert_eq!(end.value, DateValue::Day(date(2025, 8, 20)));
        let dec = DateExpr::Calendar {
            year: Some(2025),
            month: 12,
            day: Some(30),
            rel: Rel::Bare,
            weekday: None,
        };
        let start = resolve(&dec, Tense::Future, FRIDAY).expect("start");
        let jan = DateExpr::Calendar {
            year: None,
            month: 1,
            day: Some(2),
            rel: Rel::Bare,
            weekday: None,
        };
        let end = resolve_end(&jan, &start, Tense::Future, FRIDAY).expect("end");
        assert_eq!(end.value, DateValue::Day(date(2026, 1, 2)));
    }

    #[test]
    fn extremes_do_not_panic() {
        for published in [Date::MIN, Date::MAX] {
            for n in [-1, 0, 1] {
                let _ = resolve(&DateExpr::Week(n), Tense::Past, published);
                let _ = resolve(&DateExpr::MonthOffset(n), Tense::Past, published);
                let _ = resolve(&DateExpr::YearOffset(n), Tense::Past, published);
                let _ = resolve(&bare(Weekday::Sunday), Tense::Future, published);
                let _ = resolve(&DateExpr::Weekend(n), Tense::Future, published);
                let _ = resolve(
                    &DateExpr::WeekDay {
                        day: Weekday::Sunday,
                        week: n,
                    },
                    Tense::Future,
                    published,
                );
                let _ = resolve(
                    &DateExpr::YearMonth {
                        month: 12,
                        day: Some(31),
                        years: n,
                    },
                    Tense::Future,
                    published,
                );
                let _ = resolve(&month(12, Rel::Next), Tense::Future, published);
            }
        }
    }
}
