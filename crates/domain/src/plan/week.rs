//! Which program week a date falls in, and the Monday a week starts on. The pain-adapted week itself comes from
//! `progress::week_for`, so every view shows the same plan.

use jiff::civil::Date;

use jiff::ToSpan;

/// The Monday on or before a date.
pub fn monday_of(date: Date) -> Date {
    let back = i64::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(back.days()).unwrap_or(date)
}

/// The 1-based program week holding `date`, or `None` before the first week.
pub fn week_number(start: Date, date: Date) -> Option<u32> {
    let days = monday_of(start).until(monday_of(date)).ok()?.get_days();
    u32::try_from(days / 7 + 1).ok().filter(|_| days >= 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_numbers_count_mondays_from_the_start() {
        let start = Date::constant(2026, 11, 4); // a Wednesday
        let cases = [
            (Date::constant(2026, 11, 2), Some(1)),
            (Date::constant(2026, 11, 8), Some(1)),
            (Date::constant(2026, 11, 9), Some(2)),
            (Date::constant(2026, 11, 1), None),
            (Date::constant(2027, 11, 3), Some(53)),
        ];
        for (date, want) in cases {
            assert_eq!(week_number(start, date), want, "{date}");
        }
    }
}
