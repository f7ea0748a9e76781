//! A person's profile: the condition, the plan settings and overrides, the red-flag answers and,
//! for a physiotherapist, the patient's details. Pure: parsing and formatting only; the disk side
//! is `store::profile`.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::catalog::Problem;
use crate::catalog::limits::MAX_PAIN;
use crate::plan::{EarlierSettings, Overrides, Settings};

/// The profile format this program writes. Older formats are read and rewritten as this one.
pub const PROFILE_FORMAT: u32 = 1;

/// Everything `profiles/<name>/profile.ron` holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The file format version ([`PROFILE_FORMAT`] when written by this program).
    pub format: u32,
    /// The profile's name, which is also its folder name.
    pub name: String,
    /// Condition id from the library.
    pub condition: String,
    pub settings: Settings,
    /// The settings in force before each change, oldest first: the days before a change keep
    /// the plan they had (see [`Profile::change_settings`]). Older files have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_settings: Vec<EarlierSettings>,
    #[serde(default)]
    pub overrides: Overrides,
    #[serde(default)]
    pub red_flags: RedFlagAnswers,
    /// Filled in by a physiotherapist for a patient; `None` for a runner's own profile.
    #[serde(default)]
    pub patient: Option<Patient>,
}

impl Profile {
    /// Whether the profile keeps something of `record` (see [`Profile::follow`]).
    pub fn follows(record: &crate::journal::Record) -> bool {
        use crate::journal::Record;
        matches!(record, Record::Screened { .. } | Record::Assessed { .. })
    }

    /// What a journal record means for the profile, the one rule every front end and the store
    /// apply: the journal keeps each screening and assessment as history, the profile the
    /// latest answers (for the gate) and the last assessment (for `profile show`).
    pub fn follow(&mut self, record: &crate::journal::Record) {
        use crate::journal::Record;
        match record {
            Record::Screened { date, answers } => {
                self.red_flags.answers = answers.clone();
                self.red_flags.answered_on = Some(*date);
            }
            Record::Assessed { date, .. } => {
                self.red_flags.assessed_by_clinician = Some(*date);
            }
            _ => {}
        }
    }

    /// What fills the library's `{limit}`-style names for this person: the condition's pain
    /// limits with the clinician's in their place, and the pain rules.
    pub fn pain_fill<'a>(
        &self,
        catalog: &'a crate::catalog::Catalog,
    ) -> crate::catalog::limits::Fill<'a> {
        crate::catalog::limits::Fill::for_plan(
            catalog,
            catalog.condition(&self.condition),
            self.overrides.ceiling_exercise,
            self.overrides.ceiling_running,
        )
    }

    /// The dose this person is given for an exercise outside a week's plan (the exercise's
    /// page): the clinician's when set, else the library's, with where it comes from.
    pub fn dose_for(
        &self,
        e: &crate::catalog::Exercise,
    ) -> (crate::catalog::Dose, crate::plan::ItemOrigin) {
        match self.overrides.doses.get(e.id.as_str()) {
            Some(d) => (
                d.clone(),
                crate::plan::ItemOrigin::Clinician(
                    self.overrides.dose_set.get(e.id.as_str()).cloned(),
                ),
            ),
            None => (
                e.dose.clone(),
                crate::plan::ItemOrigin::Library(e.dose_origin.clone()),
            ),
        }
    }

    /// The settings in force on `date` (the week holding it is built from them).
    pub fn settings_on(&self, date: Date) -> std::borrow::Cow<'_, Settings> {
        crate::plan::settings_on(&self.settings, &self.earlier_settings, date)
    }

    /// Changes the plan settings on `today` (issue 27). The start is the program's, not a
    /// week's: moved, it moves every week (say first what it counts as missed:
    /// `session::start_move`). Every other setting applies from [`crate::plan::change_applies_from`]
    /// (the Monday on or after today), or from the start when the program has not begun by then;
    /// the days before it keep the settings they had, kept in `earlier_settings`.
    pub fn change_settings(&mut self, new: Settings, today: Date) -> SettingsChange {
        let from = crate::plan::change_applies_from(today);
        let old = std::mem::replace(&mut self.settings, new);
        let start = (old.start != self.settings.start).then_some((old.start, self.settings.start));
        let first_monday = crate::plan::monday_of(self.settings.start);
        let plan_changed = Settings {
            start: self.settings.start,
            ..old.clone()
        } != self.settings;
        let earlier = &mut self.earlier_settings;
        // Only days before `from` are history: a change dated later (a clock set back) ends there.
        for e in earlier.iter_mut() {
            e.until = e.until.min(from);
        }
        earlier.dedup_by_key(|e| e.until);
        // Settings in force on no day of the program any more (the start moved past them).
        earlier.retain(|e| e.until > first_monday);
        // The settings replaced were in force on days before `from` only when those days are in
        // the program and no change made earlier this week already stands for them.
        if plan_changed && from > first_monday && earlier.last().is_none_or(|e| e.until < from) {
            earlier.push(EarlierSettings {
                until: from,
                settings: old,
            });
        }
        // Weeks are counted from the one start: the file says so rather than keep stale ones.
        for e in earlier.iter_mut() {
            e.settings.start = self.settings.start;
        }
        SettingsChange {
            applies_from: plan_changed.then_some(from.max(first_monday)),
            start,
            from_start: from <= first_monday,
        }
    }

    /// A new profile in the current format with no red-flag answers and no patient details.
    pub fn new(name: impl Into<String>, condition: impl Into<String>, settings: Settings) -> Self {
        Profile {
            format: PROFILE_FORMAT,
            name: name.into(),
            condition: condition.into(),
            settings,
            earlier_settings: Vec::new(),
            overrides: Overrides::default(),
            red_flags: RedFlagAnswers::default(),
            patient: None,
        }
    }
}

/// A change to a profile's own parts, as a form or a command asks for it: each part set is
/// applied onto the profile as it is when written, so another session's change to another part
/// is kept. The red-flag answers and assessments are not here: they change only through their
/// journal records ([`Profile::follow`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Patch {
    pub condition: Option<String>,
    /// New plan settings and the day they are changed on ([`Profile::change_settings`]).
    pub settings: Option<(Settings, Date)>,
    pub overrides: Option<Overrides>,
    /// New patient details (`Some(None)` clears them).
    pub patient: Option<Option<Patient>>,
}

impl Patch {
    /// New plan settings, changed on `today`, and nothing else.
    pub fn settings(settings: Settings, today: Date) -> Patch {
        Patch {
            settings: Some((settings, today)),
            ..Patch::default()
        }
    }

    /// What turns `before` into `after`, part by part, the settings as changed on `today`: a
    /// form or flags edit a copy, and only the parts that differ are written.
    pub fn between(before: &Profile, after: &Profile, today: Date) -> Patch {
        Patch {
            condition: (after.condition != before.condition).then(|| after.condition.clone()),
            settings: (after.settings != before.settings).then(|| (after.settings.clone(), today)),
            overrides: (after.overrides != before.overrides).then(|| after.overrides.clone()),
            patient: (after.patient != before.patient).then(|| after.patient.clone()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self == &Patch::default()
    }

    /// Applies the parts set onto `profile`; what the settings change did when there was one.
    pub fn apply(&self, profile: &mut Profile) -> Option<SettingsChange> {
        if let Some(condition) = &self.condition {
            profile.condition.clone_from(condition);
        }
        if let Some(overrides) = &self.overrides {
            profile.overrides.clone_from(overrides);
        }
        if let Some(patient) = &self.patient {
            profile.patient = patient.clone().filter(|p| !p.is_empty());
        }
        let (settings, today) = self.settings.as_ref()?;
        Some(profile.change_settings(settings.clone(), *today))
    }

    /// `profile` with the patch applied (to say what it would do before it is done).
    pub fn applied_to(&self, profile: &Profile) -> Profile {
        let mut after = profile.clone();
        self.apply(&mut after);
        after
    }

    /// Whether applying it would change `profile` at all: what a clinic's lock calls a change
    /// of plan (saving a form unchanged is not one).
    pub fn changes(&self, profile: &Profile) -> bool {
        !self.is_empty() && self.applied_to(profile) != *profile
    }
}

/// What [`Profile::change_settings`] did, for the person to be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettingsChange {
    /// The first day planned with the new settings (a Monday); `None` when only the start (or
    /// nothing) changed.
    pub applies_from: Option<Date>,
    /// The start moved: (from, to).
    pub start: Option<(Date, Date)>,
    /// The program has not begun by then: the change plans every week.
    pub from_start: bool,
}

impl SettingsChange {
    /// "The new settings apply from Mon 14 Dec 2026; the days before it keep the plan they
    /// had.", or `None` when nothing but the start changed.
    pub fn applies_text(&self, today: Date) -> Option<String> {
        let from = self.applies_from?;
        let when = from.strftime("%a %-d %b %Y");
        Some(if self.from_start {
            format!("The new settings apply from the start of the program, {when}.")
        } else if from <= today {
            format!(
                "The new settings apply from today, {when}; the days before keep the plan they \
                 had."
            )
        } else {
            format!(
                "The new settings apply from {when}, the next Monday (a week is planned from one \
                 set of settings); the days before it keep the plan they had."
            )
        })
    }
}

/// The answers to the red-flag questions, with when they were given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlagAnswers {
    /// When the questions were last answered; `None` means never.
    #[serde(default)]
    pub answered_on: Option<Date>,
    /// Red-flag id -> the answer (true = yes, the flag is raised).
    #[serde(default)]
    pub answers: BTreeMap<String, bool>,
    /// A clinician assessed the knee on this date, which lifts a "block" answer.
    #[serde(default)]
    pub assessed_by_clinician: Option<Date>,
}

impl RedFlagAnswers {
    /// The ids answered "yes", in id order.
    pub fn raised(&self) -> Vec<&str> {
        self.answers
            .iter()
            .filter(|(_, yes)| **yes)
            .map(|(id, _)| id.as_str())
            .collect()
    }
}

/// A physiotherapist's patient details, shown on printed plans.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patient {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub clinician: Option<String>,
    #[serde(default)]
    pub clinic: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

impl Patient {
    pub fn is_empty(&self) -> bool {
        self == &Patient::default()
    }
}

/// The longest a patient's name, clinician or clinic may be, in characters.
pub const MAX_PATIENT_FIELD: usize = 200;
/// The longest the patient notes may be, in characters (as long as a journal note may be).
pub const MAX_PATIENT_NOTES: usize = crate::journal::MAX_NOTE_LEN;

/// Checks a patient field on its way in (a flag, the app's form, a prescription file): free
/// text by the one rule, and short enough that the profile file always stays far inside what
/// rehab reads back, however its characters are escaped. `what` names the field or flag.
pub fn check_patient_field(what: &str, text: &str, multiline: bool) -> Result<(), String> {
    crate::text::check_free_text(what, text, multiline)?;
    let max = if multiline {
        MAX_PATIENT_NOTES
    } else {
        MAX_PATIENT_FIELD
    };
    let len = text.chars().count();
    if len > max {
        return Err(format!(
            "the {what} may hold at most {max} characters, not {len}; shorten it"
        ));
    }
    Ok(())
}

/// Why a profile file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    /// The text does not parse or holds impossible values.
    #[error("{0}")]
    Invalid(Problem),
    /// Written by a newer rehab; reading it could lose what the newer version stored.
    #[error(
        "{file}: profile format {found} is newer than this rehab understands (up to {known}); \
         update rehab to use this profile"
    )]
    Newer {
        file: String,
        found: u32,
        known: u32,
    },
}

/// Only the version, read first so a newer file is refused with a clear message rather than a
/// confusing "unknown field".
#[derive(Deserialize)]
#[serde(rename = "Profile")]
struct VersionOnly {
    format: u32,
}

/// Parses a profile file's text. `file` names it in errors.
pub fn parse_profile(text: &str, file: &str) -> Result<Profile, ProfileError> {
    if let Ok(v) = ron::from_str::<VersionOnly>(text)
        && v.format > PROFILE_FORMAT
    {
        return Err(ProfileError::Newer {
            file: file.to_string(),
            found: v.format,
            known: PROFILE_FORMAT,
        });
    }
    let mut profile = ron::from_str::<Profile>(text).map_err(|e| {
        let at = (e.position.line.max(1), e.position.col.max(1));
        let message = crate::text::clean(&e.code.to_string()).into_owned();
        ProfileError::Invalid(Problem::new(file, at, message).hint(
            "fix this point in an editor (or move the file away); rehab will not write to \
             this profile until it loads",
        ))
    })?;
    if profile.format == 0 {
        return Err(ProfileError::Invalid(
            Problem::new(file, (1, 1), "profile format 0 does not exist")
                .hint("the first field should read `format: 1`"),
        ));
    }
    if let Err(message) = check_values(&profile) {
        return Err(ProfileError::Invalid(
            Problem::new(file, (1, 1), message).hint("fix the value in an editor"),
        ));
    }
    // Older formats would be migrated here; the next rewrite stores the current one.
    profile.format = PROFILE_FORMAT;
    Ok(profile)
}

/// Values the type allows but a profile must not hold.
fn check_values(profile: &Profile) -> Result<(), String> {
    validate_name(&profile.name)?;
    let s = &profile.settings;
    // Outside these years a start is a typo, and would make every command replay centuries.
    if !(2000..=2100).contains(&s.start.year()) {
        return Err(format!(
            "start {} is not a plausible date; use one from 2000 to 2100",
            s.start
        ));
    }
    s.check()
        .map_err(|e| format!("{}: {e}", Settings::field_of(&e)))?;
    let mut until = None;
    for e in &profile.earlier_settings {
        e.settings.check().map_err(|err| {
            format!(
                "earlier_settings (until {}): {}: {err}",
                e.until,
                Settings::field_of(&err)
            )
        })?;
        // Oldest first, one a day at most: read per day, any other order would be ambiguous.
        if until.is_some_and(|u| e.until <= u) {
            return Err(format!(
                "earlier_settings: until {} is not after the one before it; they go oldest first",
                e.until
            ));
        }
        until = Some(e.until);
    }
    for (what, ceiling) in [
        ("ceiling_exercise", profile.overrides.ceiling_exercise),
        ("ceiling_running", profile.overrides.ceiling_running),
    ] {
        if ceiling.is_some_and(|c| c > MAX_PAIN) {
            return Err(format!("{what} must be 0-{MAX_PAIN}"));
        }
    }
    Ok(())
}

/// The profile as the text of `profile.ron`, in the current format.
pub fn format_profile(profile: &Profile) -> String {
    let mut profile = profile.clone();
    profile.format = PROFILE_FORMAT;
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string());
    // Serializing plain data cannot fail; fall back to compact text rather than panic.
    ron::ser::to_string_pretty(&profile, config)
        .or_else(|_| ron::to_string(&profile))
        .unwrap_or_default()
        + "\n"
}

/// A profile name doubles as a folder name: 1-40 letters, digits, `-`, `_` or `.`, not starting
/// with `.` or `-`, so it can never climb out of the profiles folder or hide.
pub fn validate_name(name: &str) -> Result<(), String> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if name.is_empty() || name.len() > 40 || !ok_chars || name.starts_with(['.', '-']) {
        return Err(format!(
            "`{}` is not a profile name; use 1-40 letters, digits, `-`, `_` or `.`, \
             not starting with `.` or `-`",
            crate::text::clean(name)
        ));
    }
    Ok(())
}

/// An exercise's page as one person reads it: its words with their pain limits filled in,
/// and their dose with where it comes from. Without a profile, the library's dose and words
/// that point to the plan's limits. The command line's `show` and the app's detail read it.
pub fn exercise_page(
    catalog: &crate::catalog::Catalog,
    profile: Option<&Profile>,
    e: &crate::catalog::Exercise,
) -> (
    crate::catalog::Exercise,
    crate::catalog::Dose,
    crate::plan::ItemOrigin,
) {
    match profile {
        Some(p) => {
            let (dose, origin) = p.dose_for(e);
            (e.with_limits(&p.pain_fill(catalog)), dose, origin)
        }
        None => {
            let fill = crate::catalog::limits::Fill::for_plan(catalog, None, None, None);
            let origin = crate::plan::ItemOrigin::Library(e.dose_origin.clone());
            (e.with_limits(&fill), e.dose.clone(), origin)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Profile {
        let mut p = Profile::new("anna", "pfps", Settings::new(Date::constant(2026, 11, 2)));
        p.red_flags.answered_on = Some(Date::constant(2026, 11, 1));
        p.red_flags.answers.insert("locking".into(), false);
        p.red_flags.answers.insert("night-pain".into(), true);
        p.patient = Some(Patient {
            name: Some("Anna \"A\" Berg".into()),
            clinician: Some("Dr. K".into()),
            clinic: None,
            notes: Some("line one\nline two".into()),
        });
        p.overrides.pinned_phase = Some(2);
        p
    }

    #[test]
    fn round_trips_through_text() {
        let p = sample();
        let text = format_profile(&p);
        assert!(text.starts_with("Profile("), "{text}");
        assert_eq!(parse_profile(&text, "p.ron").expect("parses"), p);
        assert_eq!(p.red_flags.raised(), vec!["night-pain"]);
    }

    #[test]
    fn newer_format_is_refused_by_version_not_by_field() {
        let text = format_profile(&sample()).replace("format: 1", "format: 7");
        let text = text.replace("name:", "future_field: 3,\n    name:");
        let err = parse_profile(&text, "p.ron").expect_err("newer");
        assert!(matches!(err, ProfileError::Newer { found: 7, .. }), "{err}");
        assert!(err.to_string().contains("update rehab"));
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let text = format_profile(&sample()).replace("condition: \"pfps\"", "condition: pfps\"");
        let ProfileError::Invalid(problem) = parse_profile(&text, "p.ron").expect_err("bad") else {
            panic!("expected a position");
        };
        assert_eq!(problem.file, "p.ron");
        assert!(problem.line > 1, "{problem}");
    }

    #[test]
    fn impossible_values_are_errors() {
        for (from, to) in [
            ("days_per_week: 4", "days_per_week: 9"),
            ("minutes: 30", "minutes: 5"),
            ("name: \"anna\"", "name: \"../x\""),
            ("format: 1", "format: 0"),
        ] {
            let text = format_profile(&sample()).replace(from, to);
            assert!(text.contains(to), "replacement {to} missing");
            assert!(parse_profile(&text, "p").is_err(), "{to} was accepted");
        }
    }

    #[test]
    fn a_settings_change_keeps_the_settings_it_replaced_for_the_days_before() {
        let start = Date::constant(2026, 11, 2);
        let mut p = Profile::new("me", "pfps", Settings::new(start));
        let old = p.settings.clone();
        let friday = Date::constant(2026, 11, 20);
        let next_monday = Date::constant(2026, 11, 23);
        let mut s = p.settings.clone();
        s.minutes = 45;
        let said = p.change_settings(s.clone(), friday);
        assert_eq!(said.applies_from, Some(next_monday));
        assert_eq!(p.earlier_settings.len(), 1);
        assert_eq!(*p.settings_on(Date::constant(2026, 11, 22)), old);
        assert_eq!(*p.settings_on(next_monday), s);
        // A second change the same week: the first never planned a day, so it is not kept.
        s.days_per_week = 5;
        p.change_settings(s.clone(), friday);
        assert_eq!(p.earlier_settings.len(), 1);
        assert_eq!(*p.settings_on(friday), old);
        // The file keeps them, and a file without them (older rehab) still reads.
        let text = format_profile(&p);
        assert!(text.contains("earlier_settings"), "{text}");
        assert_eq!(parse_profile(&text, "p.ron").expect("parses"), p);
        let plain = format_profile(&Profile::new("me", "pfps", Settings::new(start)));
        assert!(!plain.contains("earlier_settings"), "{plain}");
        // Out of order, they are refused with the field named.
        let mut bad = p.clone();
        bad.earlier_settings.push(bad.earlier_settings[0].clone());
        let err = parse_profile(&format_profile(&bad), "p.ron").expect_err("out of order");
        assert!(err.to_string().contains("earlier_settings"), "{err}");
        // Before the program begins there is no past to keep: it plans from the start.
        let mut fresh = Profile::new("me", "pfps", Settings::new(start));
        let mut s = fresh.settings.clone();
        s.minutes = 60;
        let said = fresh.change_settings(s, Date::constant(2026, 10, 20));
        assert_eq!(said.applies_from, Some(start));
        assert!(fresh.earlier_settings.is_empty());
        // A start moved alone changes no week's settings, only where weeks are counted from.
        let mut s = p.settings.clone();
        s.start = Date::constant(2026, 10, 26);
        let said = p.change_settings(s, friday);
        assert_eq!(said.applies_from, None);
        assert_eq!(said.start, Some((start, Date::constant(2026, 10, 26))));
        assert!(
            p.earlier_settings
                .iter()
                .all(|e| e.settings.start == p.settings.start)
        );
    }

    #[test]
    fn a_settings_patch_keeps_the_settings_it_replaced_on_the_file_as_it_is() {
        let start = jiff::civil::date(2026, 11, 2);
        let mut settings = Settings::new(start);
        settings.minutes = 50;
        let patch = Patch::settings(settings, jiff::civil::date(2026, 11, 20));
        // Another session changed the patient details meanwhile: they are kept.
        let mut on_disk = Profile::new("me", "pfps", Settings::new(start));
        on_disk.patient = Some(Patient {
            name: Some("Ann".into()),
            ..Patient::default()
        });
        let change = patch.apply(&mut on_disk);
        assert_eq!(on_disk.settings.minutes, 50);
        assert_eq!(on_disk.earlier_settings.len(), 1, "{on_disk:?}");
        assert!(change.is_some_and(|c| c.applies_from.is_some()));
        assert_eq!(on_disk.patient.and_then(|p| p.name).as_deref(), Some("Ann"));
    }

    #[test]
    fn a_patch_changes_only_its_parts_and_saving_unchanged_is_no_change() {
        let mut on_disk = sample();
        on_disk.red_flags.answered_on = Some(jiff::civil::date(2026, 11, 30));
        let before = on_disk.clone();
        let same = Patch {
            settings: Some((on_disk.settings.clone(), jiff::civil::date(2026, 12, 1))),
            patient: Some(on_disk.patient.clone()),
            ..Patch::default()
        };
        assert!(!same.changes(&on_disk));
        let patient = Patch {
            patient: Some(Some(Patient {
                name: Some("Bo".into()),
                ..Patient::default()
            })),
            ..Patch::default()
        };
        assert!(patient.changes(&on_disk));
        patient.apply(&mut on_disk);
        // The answers change only through their records.
        assert_eq!(on_disk.red_flags, before.red_flags);
        assert_eq!(
            (&on_disk.settings, &on_disk.condition),
            (&before.settings, &before.condition)
        );
        // An emptied form clears the details rather than keeping an empty record of them.
        Patch {
            patient: Some(Some(Patient::default())),
            ..Patch::default()
        }
        .apply(&mut on_disk);
        assert_eq!(on_disk.patient, None);
    }

    #[test]
    fn a_patch_between_two_copies_names_only_what_differs() {
        let before = sample();
        let today = Date::constant(2026, 12, 1);
        assert!(Patch::between(&before, &before, today).is_empty());
        let mut after = before.clone();
        after.overrides.pinned_phase = Some(3);
        after.settings.minutes = 50;
        let patch = Patch::between(&before, &after, today);
        assert_eq!(patch.overrides, Some(after.overrides.clone()));
        assert_eq!(patch.settings, Some((after.settings.clone(), today)));
        assert_eq!((patch.condition, patch.patient), (None, None));
    }

    #[test]
    fn names_that_could_escape_the_folder_are_refused() {
        for bad in [
            "",
            ".",
            "..",
            "../x",
            "a/b",
            ".hidden",
            "-x",
            "a b",
            &"x".repeat(41),
        ] {
            assert!(validate_name(bad).is_err(), "{bad:?} accepted");
        }
        for good in ["me", "anna-b", "p_01", "j.doe"] {
            assert!(validate_name(good).is_ok(), "{good:?} refused");
        }
    }
}
