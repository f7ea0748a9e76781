//! The Profiles view's edit form: patient details and a clinician's overrides, read from a
//! profile and written back by the rules every door uses.

use crate::catalog::Catalog;
use crate::catalog::limits::MAX_PAIN;
use crate::profile::Patient;
use crate::tui::field::TextField;

/// Patient fields and a clinician's overrides being edited in the Profiles view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PatientEdit {
    pub field: usize,
    /// One field per row of [`PATIENT_FIELDS`].
    pub values: [TextField; 14],
}

/// The Profiles edit form's rows: patient details, then a clinician's overrides.
pub const PATIENT_FIELDS: [&str; 14] = [
    "Patient name",
    "Clinician",
    "Clinic",
    "Notes",
    "Pinned phase",
    "Pinned walk-run level",
    "Exercise pain ceiling",
    "Running pain ceiling",
    "Added exercises",
    "Removed exercises",
    "Replaced (old=new)",
    "Changed doses (id=3x15 rest=60, ...)",
    "Assessed on (date)",
    "Assessed by",
];

/// The form's rows by name, in [`PATIENT_FIELDS`] order (`Row::X as usize` is its index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Name,
    Clinician,
    Clinic,
    Notes,
    PinPhase,
    PinLevel,
    CeilingExercise,
    CeilingRunning,
    Added,
    Removed,
    Replaced,
    Doses,
    /// The two rows that record a clinician's assessment (a journal record, not a profile field).
    AssessedOn,
    AssessedBy,
}

impl Row {
    pub fn label(self) -> &'static str {
        PATIENT_FIELDS[self as usize]
    }
}

const ASSESSED_ON: usize = Row::AssessedOn as usize;
const ASSESSED_BY: usize = Row::AssessedBy as usize;

impl PatientEdit {
    /// The form filled from a profile; empty text means "not set".
    pub fn from_profile(p: &crate::profile::Profile) -> PatientEdit {
        let patient = p.patient.clone().unwrap_or_default();
        let text = |s: Option<String>| s.unwrap_or_default();
        let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        let o = &p.overrides;
        PatientEdit {
            field: 0,
            values: [
                text(patient.name),
                text(patient.clinician),
                text(patient.clinic),
                text(patient.notes),
                num(o.pinned_phase),
                num(o.pinned_walk_run_level),
                num(o.ceiling_exercise.map(u32::from)),
                num(o.ceiling_running.map(u32::from)),
                o.added.join(", "),
                o.removed.join(", "),
                o.replaced
                    .iter()
                    .map(|(old, new)| format!("{old}={new}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                o.doses
                    .iter()
                    .map(|(id, dose)| crate::plan::dose_change_text(id, dose))
                    .collect::<Vec<_>>()
                    .join(", "),
                // A new assessment each time: empty records none.
                String::new(),
                String::new(),
            ]
            .map(|v| TextField::with_text(&v)),
        }
    }

    /// The assessment the form records, checked by the session's rule; `None` when the date
    /// row is empty.
    pub fn assessment(
        &self,
        today: jiff::civil::Date,
    ) -> Result<Option<crate::session::Written>, String> {
        let on = self.values[ASSESSED_ON].text().trim();
        let by = self.values[ASSESSED_BY].text().trim();
        if on.is_empty() {
            return match by.is_empty() {
                true => Ok(None),
                false => Err(format!("{} needs a date too", PATIENT_FIELDS[ASSESSED_BY])),
            };
        }
        let date: jiff::civil::Date = on.parse().map_err(|_| {
            format!(
                "{}: write the date as YYYY-MM-DD, not `{on}`",
                PATIENT_FIELDS[ASSESSED_ON]
            )
        })?;
        crate::session::record_assessment(today, date, Some(by))
            .map(Some)
            .map_err(|e| format!("{}: {e}", PATIENT_FIELDS[ASSESSED_ON]))
    }

    /// Writes the form into a profile, or says which field is wrong (nothing changes then).
    pub fn apply(
        &self,
        p: &mut crate::profile::Profile,
        catalog: &Catalog,
        today: jiff::civil::Date,
    ) -> Result<(), String> {
        use crate::plan::{OverrideChange, OverridePart};
        let v = |row: Row| self.values[row as usize].text();
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        // A number row: empty clears it (0 for a pin); anything else must be a whole number.
        let number = |row: Row| -> Result<Option<u32>, String> {
            match opt(v(row)) {
                None => Ok(None),
                Some(t) => t
                    .parse::<u32>()
                    .map(Some)
                    .map_err(|_| format!("{} must be a whole number, not `{t}`", row.label())),
            }
        };
        let list = |row: Row| -> Vec<String> {
            v(row)
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect()
        };
        let small = |n: Option<u32>| n.map(|n| u8::try_from(n).unwrap_or(u8::MAX));
        // The form holds the whole set, so it starts from none; the rules are the command line's.
        let change = OverrideChange {
            pin_phase: Some(number(Row::PinPhase)?.unwrap_or(0)),
            pin_level: Some(number(Row::PinLevel)?.unwrap_or(0)),
            ceiling_exercise: small(number(Row::CeilingExercise)?),
            ceiling_running: small(number(Row::CeilingRunning)?),
            add: list(Row::Added),
            remove: list(Row::Removed),
            replace: list(Row::Replaced),
            doses: list(Row::Doses),
            set_by: Some(crate::plan::SetBy {
                by: opt(v(Row::Clinician)),
                on: today,
            }),
        };
        let condition = catalog
            .condition(&p.condition)
            .ok_or_else(|| format!("the condition `{}` is not in the library", p.condition))?;
        let mut overrides = crate::plan::Overrides::default();
        crate::plan::apply_override_change(catalog, condition, &mut overrides, &change).map_err(
            |(part, e)| {
                let row = match part {
                    OverridePart::PinPhase => Row::PinPhase,
                    OverridePart::PinLevel => Row::PinLevel,
                    OverridePart::Ceiling
                        if change.ceiling_exercise.is_some_and(|c| c > MAX_PAIN) =>
                    {
                        Row::CeilingExercise
                    }
                    OverridePart::Ceiling => Row::CeilingRunning,
                    OverridePart::Add => Row::Added,
                    OverridePart::Remove => Row::Removed,
                    OverridePart::Replace => Row::Replaced,
                    OverridePart::Dose => Row::Doses,
                };
                format!("{}: {e}", row.label())
            },
        )?;
        // The same rule as the command line's flags: free text, and short enough to read back.
        for (row, multiline) in [
            (Row::Name, false),
            (Row::Clinician, false),
            (Row::Clinic, false),
            (Row::Notes, true),
        ] {
            crate::profile::check_patient_field(row.label(), v(row), multiline)
                .map_err(|e| format!("{}: {e}", row.label()))?;
        }
        let patient = Patient {
            name: opt(v(Row::Name)),
            clinician: opt(v(Row::Clinician)),
            clinic: opt(v(Row::Clinic)),
            notes: opt(v(Row::Notes)),
        };
        p.patient = (!patient.is_empty()).then_some(patient);
        // The form rewrites every dose; one it left as it was keeps who set it and when.
        for (id, dose) in &overrides.doses {
            if p.overrides.doses.get(id) == Some(dose)
                && let Some(by) = p.overrides.dose_set.get(id)
            {
                overrides.dose_set.insert(id.clone(), by.clone());
            }
        }
        p.overrides = overrides;
        Ok(())
    }
}
