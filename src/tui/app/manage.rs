//! The managing views: Library search, Profiles (switch, create, patient details and a
//! clinician's overrides) and Export.

use super::{App, Effect, Overlay, Screen};
use crate::catalog::Catalog;
use crate::export::Format;

/// N of "the next N weeks" until a digit changes it.
const DEFAULT_NEXT_WEEKS: u32 = 4;
use crate::profile::Patient;
use crate::tui::action::Action;

/// Patient fields and a clinician's overrides being edited in the Profiles view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PatientEdit {
    pub field: usize,
    /// One text per row of [`PATIENT_FIELDS`].
    pub values: [String; 14],
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
    "Changed doses (id=3x15)",
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
            ],
        }
    }

    /// The assessment the form records, checked by the session's rule; `None` when the date
    /// row is empty.
    pub fn assessment(
        &self,
        today: jiff::civil::Date,
    ) -> Result<Option<crate::session::Written>, String> {
        let on = self.values[ASSESSED_ON].trim();
        let by = self.values[ASSESSED_BY].trim();
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
    pub fn apply(&self, p: &mut crate::profile::Profile, catalog: &Catalog) -> Result<(), String> {
        use crate::plan::{OverrideChange, OverridePart};
        let v = |row: Row| &self.values[row as usize];
        let opt = |s: &String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
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
                    OverridePart::Ceiling if change.ceiling_exercise.is_some_and(|c| c > 10) => {
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
        let patient = Patient {
            name: opt(v(Row::Name)),
            clinician: opt(v(Row::Clinician)),
            clinic: opt(v(Row::Clinic)),
            notes: opt(v(Row::Notes)),
        };
        p.patient = (!patient.is_empty()).then_some(patient);
        p.overrides = overrides;
        Ok(())
    }
}

impl App {
    /// Library rows matching the search (name, id, kind or condition), by name.
    pub fn library_rows(&self) -> Vec<&crate::catalog::Exercise> {
        let q = self.views.library.query.to_lowercase();
        // Exercises of the conditions whose id or name matches, worked out once.
        let by_condition: std::collections::HashSet<&str> = self
            .catalog
            .conditions
            .iter()
            .filter(|c| !q.is_empty() && (c.id.contains(&q) || c.name.to_lowercase().contains(&q)))
            .flat_map(|c| self.catalog.exercises_for(c))
            .map(|e| e.id.as_str())
            .collect();
        // 0: the name or id matches, 1: the kind, 2: a matching condition uses it.
        let rank = |e: &crate::catalog::Exercise| -> Option<u8> {
            if q.is_empty() || e.name.to_lowercase().contains(&q) || e.id.contains(&q) {
                Some(0)
            } else if e.kind.label().contains(&q) {
                Some(1)
            } else if by_condition.contains(e.id.as_str()) {
                Some(2)
            } else {
                None
            }
        };
        let mut rows: Vec<(u8, &crate::catalog::Exercise)> = self
            .catalog
            .exercises
            .iter()
            .filter_map(|e| rank(e).map(|r| (r, e)))
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        rows.into_iter().map(|(_, e)| e).collect()
    }

    pub(super) fn update_library(&mut self, action: Action) -> Vec<Effect> {
        let n = self.library_rows().len();
        let c = &mut self.views.library;
        match action {
            Action::Input(ch) if c.searching => {
                c.query.push(ch);
                c.selected = 0;
            }
            Action::Erase if c.searching => {
                c.query.pop();
            }
            Action::Select if c.searching => c.searching = false,
            Action::Back if c.searching => {
                c.searching = false;
                c.query.clear();
            }
            Action::Search => c.searching = true,
            Action::Back => c.query.clear(),
            Action::Up => c.selected = c.selected.saturating_sub(1),
            Action::Down => c.selected = (c.selected + 1).min(n.saturating_sub(1)),
            Action::Select => {
                let id = self
                    .library_rows()
                    .get(self.views.library.selected)
                    .map(|e| e.id.clone());
                if let Some(exercise) = id {
                    self.overlay = Some(Overlay::Detail {
                        exercise,
                        scroll: 0,
                    });
                }
            }
            _ => {}
        }
        Vec::new()
    }

    pub(super) fn update_profiles(&mut self, action: Action) -> Vec<Effect> {
        if self.views.profiles.file.is_some() {
            return self.update_file_field(action);
        }
        if self.views.profiles.import.is_some() {
            return self.update_import(action);
        }
        if let Some(name) = &mut self.views.profiles.new_name {
            match action {
                Action::Input(ch) if ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' => {
                    name.push(ch)
                }
                Action::Input(ch) => {
                    // Said, not silently dropped: "bob smith" must not become "bobsmith".
                    let shown = if ch == ' ' {
                        "a space".to_string()
                    } else {
                        format!("`{ch}`")
                    };
                    self.fail(format!(
                        "a profile name takes letters, digits, - and _ only, not {shown}; try bob-smith"
                    ));
                }
                Action::Erase => {
                    name.pop();
                }
                Action::Back => self.views.profiles.new_name = None,
                Action::Select if !name.is_empty() => {
                    if self.profiles.contains(name) {
                        let text = format!("a profile called {name} exists already");
                        self.fail(text);
                        return Vec::new();
                    }
                    self.profile_name = name.clone();
                    self.views.profiles.new_name = None;
                    self.profile = None;
                    self.journal = Default::default();
                    self.standing = None;
                    self.screen = Screen::Picker { selected: 0 };
                }
                _ => {}
            }
            return Vec::new();
        }
        if let Some(edit) = &mut self.views.profiles.patient {
            match action {
                Action::Input(ch) => edit.values[edit.field].push(ch),
                Action::Erase => {
                    edit.values[edit.field].pop();
                }
                Action::Up => edit.field = edit.field.saturating_sub(1),
                Action::Down => edit.field = (edit.field + 1).min(PATIENT_FIELDS.len() - 1),
                Action::Back => self.views.profiles.patient = None,
                Action::Select => {
                    let edit = edit.clone();
                    let Some(mut p) = self.profile.clone() else {
                        return Vec::new();
                    };
                    let assessment = match edit.assessment(self.today) {
                        Ok(a) => a,
                        Err(e) => {
                            self.fail(e);
                            return Vec::new();
                        }
                    };
                    return match edit.apply(&mut p, &self.catalog) {
                        Ok(()) => {
                            self.views.profiles.patient = None;
                            // The journal line first, then the profile (which shows the date).
                            let mut effects: Vec<Effect> = Vec::new();
                            for record in assessment.into_iter().flat_map(|w| w.records) {
                                if let crate::journal::Record::Assessed { date, .. } = &record {
                                    p.red_flags.assessed_by_clinician = Some(*date);
                                }
                                effects.push(Effect::Append(record));
                            }
                            effects.push(Effect::SaveProfile(Box::new(p)));
                            effects
                        }
                        Err(e) => {
                            self.fail(e);
                            Vec::new()
                        }
                    };
                }
                _ => {}
            }
            return Vec::new();
        }
        let n = self.profiles.len();
        match action {
            Action::Up => {
                self.views.profiles.selected = self.views.profiles.selected.saturating_sub(1)
            }
            Action::Down => {
                self.views.profiles.selected =
                    (self.views.profiles.selected + 1).min(n.saturating_sub(1))
            }
            Action::New => self.views.profiles.new_name = Some(String::new()),
            Action::Edit => match self.profiles.get(self.views.profiles.selected) {
                // Only the open profile's details are here to edit.
                Some(name) if self.profile.as_ref().is_some_and(|p| &p.name != name) => {
                    let text = format!("{name} is not open: Enter opens it, then e edits it");
                    self.fail(text);
                }
                _ => {
                    self.views.profiles.patient =
                        self.profile.as_ref().map(PatientEdit::from_profile)
                }
            },
            Action::Write => match self.profiles.get(self.views.profiles.selected) {
                // Only the open profile's journal is here to hand over.
                Some(name) if self.profile.as_ref().is_some_and(|p| &p.name != name) => {
                    let text = format!(
                        "{name} is not open: Enter opens it, then w writes its prescription"
                    );
                    self.fail(text);
                }
                _ => self.open_write(super::FileKind::Prescription),
            },
            Action::Import => self.open_import(),
            Action::Select => {
                if let Some(name) = self.profiles.get(self.views.profiles.selected)
                    && Some(name) != self.profile.as_ref().map(|p| &p.name)
                {
                    return vec![Effect::SwitchProfile(name.clone())];
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// The length of the programme for the open profile, by its phases' typical weeks.
    pub fn programme_weeks(&self) -> u32 {
        self.profile
            .as_ref()
            .and_then(|p| self.catalog.condition(&p.condition))
            .map_or(1, |c| c.phases.iter().map(|p| p.weeks).sum())
    }

    pub(super) fn update_export(&mut self, action: Action) -> Vec<Effect> {
        let c = &mut self.views.export;
        if c.editing_path {
            match action {
                Action::Input(ch) => c.path.push(ch),
                Action::Erase => {
                    c.path.pop();
                }
                Action::Select | Action::Back => c.editing_path = false,
                _ => {}
            }
            return Vec::new();
        }
        match action {
            Action::Left => c.format = c.format.saturating_sub(1),
            Action::Right => c.format = (c.format + 1).min(Format::ALL.len() - 1),
            Action::Edit => c.editing_path = true,
            Action::Up | Action::Down => {
                let n = match c.weeks {
                    super::ExportWeeks::Next(n) => n,
                    _ => DEFAULT_NEXT_WEEKS,
                };
                c.weeks = c.weeks.step(action == Action::Down, n);
            }
            // A digit sets N of "the next N weeks" (0 means 10).
            Action::Sets(n) if matches!(c.weeks, super::ExportWeeks::Next(_)) => {
                c.weeks = super::ExportWeeks::Next(if n == 0 { 10 } else { n });
            }
            Action::Tick => c.sheet = !c.sheet,
            Action::Select => {
                let weeks = c.weeks;
                let sheet = c.sheet;
                let format = Format::ALL[c.format.min(Format::ALL.len() - 1)];
                let path = if c.path.is_empty() {
                    self.default_export_path()
                } else {
                    c.path.clone()
                };
                return vec![self.export_effect(format, path, weeks, sheet)];
            }
            _ => {}
        }
        Vec::new()
    }

    /// The effect that prints `weeks` (counted from the current week) to `path`; it carries
    /// everything the printing needs besides the open profile.
    pub fn export_effect(
        &self,
        format: Format,
        path: String,
        weeks: super::ExportWeeks,
        sheet: bool,
    ) -> Effect {
        Effect::Export {
            format,
            path,
            weeks: weeks.range(self.current_week(), self.programme_weeks()),
            sheet,
            today: self.today,
            ascii: self.theme.ascii,
            fix: format!(
                "{} edits the path",
                self.keymap.key_for(&Action::Edit, self.theme.ascii)
            ),
        }
    }

    /// `rehab-plan-<profile>-<date>.<ext>` in the current folder.
    pub fn default_export_path(&self) -> String {
        let ext = Format::ALL[self.views.export.format.min(Format::ALL.len() - 1)].extension();
        format!("rehab-plan-{}-{}.{ext}", self.profile_name, self.today)
    }
}
