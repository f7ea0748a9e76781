//! Which plan a profile has on a date. The one place that turns a profile into weeks, so the
//! pain-adapted progression can replace the calendar schedule here and everywhere at once.

use jiff::civil::Date;

use crate::catalog::Catalog;
use crate::plan::{self, PlanError, Program, WeekPlan, monday_of};
use crate::profile::Profile;

/// Why no plan can be shown for a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WeekError {
    #[error("the profile's condition `{0}` is not in the library")]
    UnknownCondition(String),
    #[error("{date} is before the program starts ({start})")]
    BeforeStart { date: Date, start: Date },
    #[error(transparent)]
    Plan(#[from] PlanError),
}

/// The 1-based program week holding `date`, or `None` before the first week.
pub fn week_number(start: Date, date: Date) -> Option<u32> {
    let days = monday_of(start).until(monday_of(date)).ok()?.get_days();
    u32::try_from(days / 7 + 1).ok().filter(|_| days >= 0)
}

/// Weeks 1 up to the one holding `date`.
pub fn program_through(
    catalog: &Catalog,
    profile: &Profile,
    date: Date,
) -> Result<Program, WeekError> {
    let condition = catalog
        .condition(&profile.condition)
        .ok_or_else(|| WeekError::UnknownCondition(profile.condition.clone()))?;
    let start = profile.settings.start;
    let week = week_number(start, date).ok_or(WeekError::BeforeStart { date, start })?;
    Ok(plan::build_program(
        catalog,
        condition,
        &profile.settings,
        &profile.overrides,
        week,
    )?)
}

/// The week holding `date`.
pub fn week_for(catalog: &Catalog, profile: &Profile, date: Date) -> Result<WeekPlan, WeekError> {
    let condition = catalog
        .condition(&profile.condition)
        .ok_or_else(|| WeekError::UnknownCondition(profile.condition.clone()))?;
    program_through(catalog, profile, date)?
        .weeks
        .pop()
        .ok_or_else(|| WeekError::Plan(PlanError::NoPhases(condition.id.clone())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Settings;

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

    #[test]
    fn the_week_holds_the_date_and_follows_the_profile() {
        let catalog = Catalog::builtin().expect("built-in library");
        let profile = Profile::new("me", "pfps", Settings::new(Date::constant(2026, 11, 2)));
        let date = Date::constant(2026, 11, 19);
        let week = week_for(&catalog, &profile, date).expect("week");
        assert_eq!(week.state.week, 3);
        assert!(week.day(date).is_some());
        let unknown = Profile::new("me", "nope", profile.settings.clone());
        assert!(matches!(
            week_for(&catalog, &unknown, date),
            Err(WeekError::UnknownCondition(_))
        ));
    }
}
