//! The prescription file: one self-describing RON file with a plan's condition, settings, a
//! clinician's changes, the patient and clinician fields, the clinician's notes and the date of
//! a clinician's assessment, with its format and version. Never the red-flag answers: the
//! person answers those on their own machine.
//!
//! A file coming in is untrusted: it is parsed, then checked against the library as it stands
//! on this machine (unknown ids, values out of range, limits the prescription would break, a
//! newer format), each problem pinned to the file's line and column with a hint.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, Condition, Exercise, Problem, did_you_mean};
use crate::journal::JournalState;
use crate::plan::{Overrides, Settings};
use crate::profile::{Patient, Profile, validate_name};
use crate::text::{clean, line_column, position_of_quoted};

/// The `format` a prescription file names itself by.
pub const PRESCRIPTION_FORMAT: &str = "rehab-prescription";
/// The version this program writes and the newest it reads.
pub const PRESCRIPTION_VERSION: u32 = 1;

/// What a prescription file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prescription {
    /// Always [`PRESCRIPTION_FORMAT`].
    pub format: String,
    /// [`PRESCRIPTION_VERSION`] when written by this program.
    pub version: u32,
    /// The day it was exported.
    pub exported_on: Date,
    /// The profile name it was exported from (the import's default name).
    pub name: String,
    /// Condition id from the library.
    pub condition: String,
    pub settings: Settings,
    /// Every clinician override: pins, doses, added, removed and replaced exercises, ceilings.
    #[serde(default)]
    pub overrides: Overrides,
    /// Patient, clinician and clinic names, and the clinician's notes.
    #[serde(default)]
    pub patient: Option<Patient>,
    /// The latest clinician's assessment, when one was recorded.
    #[serde(default)]
    pub assessment: Option<Assessed>,
}

/// A clinician's assessment as a prescription carries it: the gate's own type.
pub use crate::session::Assessment as Assessed;

impl Prescription {
    /// The prescription of `profile`: everything but its red-flag answers and its journal,
    /// with the latest assessment the journal (or, for an older profile, the profile) holds.
    pub fn of(profile: &Profile, journal: &JournalState, today: Date) -> Prescription {
        let assessment = match &journal.last_assessment {
            Some((_, date, by)) => Some(Assessed {
                date: *date,
                by: by.clone(),
            }),
            None => profile
                .red_flags
                .assessed_by_clinician
                .map(|date| Assessed { date, by: None }),
        };
        Prescription {
            format: PRESCRIPTION_FORMAT.to_string(),
            version: PRESCRIPTION_VERSION,
            exported_on: today,
            name: profile.name.clone(),
            condition: profile.condition.clone(),
            settings: profile.settings.clone(),
            overrides: profile.overrides.clone(),
            patient: profile.patient.clone(),
            assessment,
        }
    }
}

/// Why a prescription file cannot be imported: every problem found, each at its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrescriptionError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for PrescriptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text: Vec<String> = self.problems.iter().map(Problem::to_string).collect();
        f.write_str(&text.join("\n"))
    }
}

impl std::error::Error for PrescriptionError {}

impl From<Problem> for PrescriptionError {
    fn from(problem: Problem) -> Self {
        PrescriptionError {
            problems: vec![problem],
        }
    }
}

/// The text of a prescription file: a few comment lines saying what it is, then the RON.
pub fn format_prescription(p: &Prescription) -> String {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string());
    // Serializing plain data cannot fail; fall back to compact text rather than panic.
    let body = ron::ser::to_string_pretty(p, config)
        .or_else(|_| ron::to_string(p))
        .unwrap_or_default();
    format!(
        "// A rehab prescription: a knee-rehab plan's settings and a clinician's changes.\n\
         // It holds no answers to the safety questions: the person answers those on their own\n\
         // machine. Import it with `rehab profile import FILE` (`--as NAME` picks the name).\n\
         {body}\n"
    )
}

/// Only the header, read first so a newer or foreign file is refused by what it says it is
/// rather than by a confusing "unknown field".
#[derive(Deserialize)]
#[serde(rename = "Prescription")]
struct Header {
    format: String,
    version: u32,
}

/// Parses a prescription file's text; `file` names it in problems.
pub fn parse_prescription(text: &str, file: &str) -> Result<Prescription, PrescriptionError> {
    if let Ok(header) = ron::from_str::<Header>(text) {
        if header.format != PRESCRIPTION_FORMAT {
            return Err(Problem::new(
                file,
                position_of_quoted(text, &header.format),
                format!(
                    "this file's format is `{}`, not `{PRESCRIPTION_FORMAT}`",
                    clean(&header.format)
                ),
            )
            .hint("import a file written by `rehab profile export`")
            .into());
        }
        if header.version > PRESCRIPTION_VERSION {
            return Err(Problem::new(
                file,
                field_position(text, "version"),
                format!(
                    "prescription version {} is newer than this rehab reads (up to \
                     {PRESCRIPTION_VERSION})",
                    header.version
                ),
            )
            .hint("update rehab on this machine, or export the file again from the same version")
            .into());
        }
        if header.version == 0 {
            return Err(Problem::new(
                file,
                field_position(text, "version"),
                "prescription version 0 does not exist",
            )
            .hint(format!(
                "the field should read `version: {PRESCRIPTION_VERSION}`"
            ))
            .into());
        }
    }
    ron::from_str::<Prescription>(text).map_err(|e| {
        let at = (e.position.line.max(1), e.position.col.max(1));
        let message = clean(&e.code.to_string()).into_owned();
        let hint = if matches!(e.code, ron::Error::Eof) || at_the_end(text, at) {
            "the file ends before the prescription does: it was cut short on its way; ask for \
             it again (or export it again)"
        } else if text.trim_start().starts_with("Profile(") {
            "this is a profile file (profile.ron), not a prescription; write one with \
             `rehab profile export NAME -o FILE`"
        } else if message.contains("red_flags") {
            "a prescription never carries red-flag answers: the person answers the safety \
             questions on their own machine; remove the field"
        } else {
            "fix this point in an editor, or export the file again with `rehab profile export`"
        };
        Problem::new(file, at, message).hint(hint).into()
    })
}

/// Whether a position is at the end of the text's last word: a file cut mid-word reads as a
/// wrong word there, not as an early end.
fn at_the_end(text: &str, (line, col): (usize, usize)) -> bool {
    let kept = text.trim_end();
    let last_line = kept.lines().count();
    let last_col = kept.lines().last().map_or(0, |l| l.chars().count());
    line > last_line || (line == last_line && col > last_col)
}

/// The offset of `field:` in the text as a position, or the file's start.
fn field_position(text: &str, field: &str) -> (usize, usize) {
    let needle = format!("{field}:");
    let mut from = 0;
    while let Some(rel) = text[from..].find(&needle) {
        let at = from + rel;
        // A whole word: `version:` but not `aversion:`.
        let word_start = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        if word_start {
            return line_column(text, at);
        }
        from = at + needle.len();
    }
    (1, 1)
}

/// A prescription checked and ready to write: the profile it creates (no red-flag answers),
/// the assessment to record, and notes worth saying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub profile: Profile,
    pub assessment: Option<Assessed>,
    /// Things the person should know (an exercise the plan keeps out until a later phase).
    pub notes: Vec<String>,
    /// The day it was checked: into an existing profile, its settings plan from the Monday on
    /// or after it, and the days before keep theirs (issue 27).
    pub today: Date,
}

impl Imported {
    /// The change that replaces an existing profile's plan with this prescription's: its
    /// condition, settings (the days before keep theirs), clinician's changes and patient
    /// details. Its red-flag answers and journal stay.
    pub fn replacing_plan(&self) -> crate::session::Change {
        let p = &self.profile;
        crate::session::Change::patch(
            crate::profile::Patch {
                condition: Some(p.condition.clone()),
                settings: Some((p.settings.clone(), self.today)),
                overrides: Some(p.overrides.clone()),
                patient: Some(p.patient.clone()),
            },
            Vec::new(),
        )
    }
}

/// Checks a parsed prescription against the library as `name` (the file's own name unless
/// `--as` gave one), on `today`. Every problem is reported, at its place in `text`.
pub fn check_prescription(
    catalog: &Catalog,
    p: &Prescription,
    name: Option<&str>,
    text: &str,
    file: &str,
    today: Date,
) -> Result<Imported, PrescriptionError> {
    let mut c = Checker {
        catalog,
        text,
        file,
        problems: Vec::new(),
    };
    let name = name.unwrap_or(&p.name);
    if let Err(e) = validate_name(name) {
        c.at(
            position_of_quoted(text, &p.name),
            e,
            "give another with --as NAME",
        );
    }
    let condition = catalog.condition(&p.condition);
    if condition.is_none() {
        c.unknown(
            "condition",
            &p.condition,
            catalog.conditions.iter().map(|c| c.id.as_str()),
            "`rehab conditions` lists the conditions this library has",
        );
    }
    let mut settings = p.settings.clone();
    c.settings(&mut settings, today);
    if let Some(condition) = condition {
        c.overrides(condition, &p.overrides);
    }
    if let Some(patient) = &p.patient {
        for (what, value, multiline) in [
            ("patient name", &patient.name, false),
            ("clinician", &patient.clinician, false),
            ("clinic", &patient.clinic, false),
            ("notes", &patient.notes, true),
        ] {
            if let Some(v) = value
                && let Err(e) = crate::profile::check_patient_field(what, v, multiline)
            {
                c.at(
                    position_of_quoted(text, v),
                    e,
                    "remove the character in an editor",
                );
            }
        }
    }
    if let Some(a) = &p.assessment
        && let Err(refusal) = crate::session::record_assessment(today, a.date, a.by.as_deref())
    {
        c.at(
            field_position(text, "assessment"),
            format!("the assessment: {refusal}"),
            "an assessment is dated on or before the day the file is imported",
        );
    }
    if !c.problems.is_empty() {
        return Err(PrescriptionError {
            problems: c.problems,
        });
    }
    let mut profile = Profile::new(name, p.condition.clone(), settings);
    profile.overrides = p.overrides.clone();
    profile.patient = p.patient.clone().filter(|p| !p.is_empty());
    let notes = condition
        .map(|cond| crate::plan::avoid_early_notes(catalog, cond, &profile.overrides))
        .unwrap_or_default();
    Ok(Imported {
        profile,
        assessment: p.assessment.clone(),
        notes,
        today,
    })
}

struct Checker<'a> {
    catalog: &'a Catalog,
    text: &'a str,
    file: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn at(&mut self, at: (usize, usize), message: impl Into<String>, hint: impl Into<String>) {
        self.problems
            .push(Problem::new(self.file, at, message).hint(hint));
    }

    fn unknown<'c>(
        &mut self,
        what: &str,
        id: &str,
        candidates: impl IntoIterator<Item = &'c str>,
        hint: &str,
    ) {
        self.at(
            position_of_quoted(self.text, id),
            format!(
                "unknown {what} `{}`.{}",
                clean(id),
                did_you_mean(id, candidates)
            ),
            hint,
        );
    }

    /// The exercise, or a problem naming the closest id.
    fn exercise(&mut self, id: &str) -> Option<&Exercise> {
        let catalog = self.catalog;
        let found = catalog.exercise(id);
        if found.is_none() {
            self.unknown(
                "exercise",
                id,
                catalog.exercises.iter().map(|e| e.id.as_str()),
                "`rehab exercises` lists the ids this library has; a clinic's own exercises \
                 must be in this machine's library folder too (`rehab paths`)",
            );
        }
        found
    }

    fn settings(&mut self, s: &mut Settings, today: Date) {
        let text = self.text;
        match crate::plan::check_start(s.start, today) {
            Ok(monday) => s.start = monday,
            Err(e) => self.at(
                field_position(text, "start"),
                e,
                "ask for a file with a current start",
            ),
        }
        if let Err(e) = s.check() {
            let field = Settings::field_of(&e);
            self.at(
                field_position(text, field),
                format!("{field}: {e}"),
                "fix the value in an editor",
            );
        }
        for id in &s.cross_training {
            self.exercise(id);
        }
    }

    /// The overrides by the one rule `rehab profile set` and the app's form apply, each
    /// problem placed at its exercise's id or its field in the file.
    fn overrides(&mut self, condition: &Condition, o: &Overrides) {
        for p in crate::plan::override_problems(self.catalog, condition, o) {
            let at = match &p.id {
                Some(id) => position_of_quoted(self.text, id),
                None => field_position(self.text, p.field),
            };
            self.at(at, p.message, format!("{}; export the file again", p.hint));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::builtin().expect("built-in library")
    }

    fn sample(today: Date) -> Prescription {
        let mut profile = Profile::new("anna", "pfps", Settings::new(Date::constant(2026, 11, 2)));
        profile.patient = Some(Patient {
            name: Some("Anna".into()),
            clinician: Some("B. Physio".into()),
            clinic: None,
            notes: Some("left knee\nno hills".into()),
        });
        profile.overrides.pinned_phase = Some(1);
        Prescription::of(&profile, &JournalState::default(), today)
    }

    #[test]
    fn round_trips_and_checks() {
        let today = Date::constant(2026, 11, 20);
        let p = sample(today);
        let text = format_prescription(&p);
        assert!(text.contains("format: \"rehab-prescription\""), "{text}");
        let back = parse_prescription(&text, "p.ron").expect("parses");
        assert_eq!(back, p);
        let imported =
            check_prescription(&catalog(), &back, None, &text, "p.ron", today).expect("checks");
        assert_eq!(imported.profile.name, "anna");
        assert_eq!(imported.profile.red_flags, Default::default());
        assert_eq!(imported.profile.overrides.pinned_phase, Some(1));
    }

    #[test]
    fn problems_are_pinned_to_their_place() {
        let today = Date::constant(2026, 11, 20);
        let text = format_prescription(&sample(today)).replace("\"pfps\"", "\"pfsp\"");
        let p = parse_prescription(&text, "p.ron").expect("parses");
        let err = check_prescription(&catalog(), &p, None, &text, "p.ron", today)
            .expect_err("unknown condition");
        let problem = &err.problems[0];
        assert!(
            problem.message.contains("unknown condition `pfsp`"),
            "{err}"
        );
        let line = text.lines().position(|l| l.contains("pfsp")).expect("line") + 1;
        assert_eq!(problem.line, line, "{err}");
    }

    #[test]
    fn red_flag_answers_are_not_a_field() {
        let today = Date::constant(2026, 11, 20);
        let text = format_prescription(&sample(today))
            .replace("    name:", "    red_flags: (answers: {}),\n    name:");
        let err = parse_prescription(&text, "p.ron").expect_err("refused");
        assert!(
            err.to_string().contains("never carries red-flag answers"),
            "{err}"
        );
    }
}
