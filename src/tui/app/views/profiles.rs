//! Profiles: switch, create, and edit patient details and a clinician's overrides.

use crate::tui::action::Action;
use crate::tui::app::{
    App, Effect, FileField, FileKind, ImportPreview, PATIENT_FIELDS, PatientEdit, Screen,
};
use crate::tui::field::{Edit, TextField};

/// Profiles: the selected profile, and whichever form is open on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfilesView {
    pub selected: usize,
    /// A new profile's name being typed.
    pub new_name: Option<TextField>,
    pub patient: Option<PatientEdit>,
    /// A prescription file's path being typed (to write or to import).
    pub file: Option<FileField>,
    /// A prescription file read and checked, waiting for Enter.
    pub import: Option<ImportPreview>,
}

/// Making a new profile, as the lock sees it.
pub(super) const NEW_PROFILE: crate::clinic::Act<'static> = crate::clinic::Act::SaveProfile {
    name: "",
    create: true,
    plan_changed: true,
};

impl App {
    pub(in crate::tui::app) fn update_profiles(&mut self, action: Action) -> Vec<Effect> {
        if self.views.profiles.file.is_some() {
            return self.update_file_field(action);
        }
        if self.views.profiles.import.is_some() {
            return self.update_import(action);
        }
        if let Some(name) = &mut self.views.profiles.new_name {
            match name.edit_only(&action, is_name_char) {
                Edit::Other => {}
                Edit::Refused(ch) => {
                    // Said, not silently dropped: "bob smith" must not become "bobsmith".
                    let shown = if ch == ' ' {
                        "a space".to_string()
                    } else {
                        format!("`{}`", crate::text::clean(&ch.to_string()))
                    };
                    self.fail(format!(
                        "a profile name takes letters, digits, - and _ only, not {shown}; try bob-smith"
                    ));
                    return Vec::new();
                }
                _ => return Vec::new(),
            }
            let name = name.text().to_string();
            match action {
                Action::Back => self.views.profiles.new_name = None,
                Action::Select if !name.is_empty() => {
                    if self.loaded.profiles.contains(&name) {
                        let text = format!("a profile called {name} exists already");
                        self.fail(text);
                        return Vec::new();
                    }
                    self.loaded.profile_name = name;
                    self.views.profiles.new_name = None;
                    self.loaded.profile = None;
                    self.loaded.journal = Default::default();
                    self.loaded.standing = None;
                    self.screen = Screen::Picker { selected: 0 };
                }
                _ => {}
            }
            return Vec::new();
        }
        if let Some(edit) = &mut self.views.profiles.patient {
            if edit.values[edit.field].edit(&action) != Edit::Other {
                return Vec::new();
            }
            match action {
                Action::Up | Action::Down => {
                    edit.field = match action {
                        Action::Up => edit.field.saturating_sub(1),
                        _ => (edit.field + 1).min(PATIENT_FIELDS.len() - 1),
                    };
                    // A row moved to types at its end, as when the form opened (its cursor
                    // from before is not shown, so it must not be where typing goes).
                    edit.values[edit.field].edit(&Action::LineEnd);
                }
                Action::Back => self.views.profiles.patient = None,
                Action::Select => {
                    let edit = edit.clone();
                    let Some(mut p) = self.loaded.profile.clone() else {
                        return Vec::new();
                    };
                    let assessment = match edit.assessment(self.ctx.today) {
                        Ok(a) => a,
                        Err(e) => {
                            self.fail(e);
                            return Vec::new();
                        }
                    };
                    return match edit.apply(&mut p, &self.ctx.catalog, self.ctx.today) {
                        Ok(()) => {
                            self.views.profiles.patient = None;
                            // Only the parts the form changed, so another session's change to
                            // another part is kept; the assessment is a record in the same
                            // change (the store writes it, then the date the profile shows).
                            let seen = self.loaded.profile.as_ref();
                            let patch = crate::profile::Patch {
                                overrides: (seen.map(|s| &s.overrides) != Some(&p.overrides))
                                    .then(|| p.overrides.clone()),
                                patient: (seen.map(|s| &s.patient) != Some(&p.patient))
                                    .then(|| p.patient.clone()),
                                ..Default::default()
                            };
                            let records = assessment.map(|w| w.records).unwrap_or_default();
                            vec![Effect::Change(Box::new(crate::session::Change::patch(
                                patch, records,
                            )))]
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
        let n = self.loaded.profiles.len();
        match action {
            Action::Up => {
                self.views.profiles.selected = self.views.profiles.selected.saturating_sub(1)
            }
            Action::Down => {
                self.views.profiles.selected =
                    (self.views.profiles.selected + 1).min(n.saturating_sub(1))
            }
            Action::New if self.lock_allows_or_says(NEW_PROFILE) => {
                self.views.profiles.new_name = Some(TextField::new())
            }
            Action::New => {}
            Action::Edit if !self.lock_allows_or_says(super::PLAN_CHANGE) => {}
            Action::Edit => match self.loaded.profiles.get(self.views.profiles.selected) {
                // Only the open profile's details are here to edit.
                Some(name)
                    if self
                        .loaded
                        .profile
                        .as_ref()
                        .is_some_and(|p| &p.name != name) =>
                {
                    let text = format!("{name} is not open: Enter opens it, then e edits it");
                    self.fail(text);
                }
                _ => {
                    self.views.profiles.patient =
                        self.loaded.profile.as_ref().map(PatientEdit::from_profile)
                }
            },
            Action::Write => match self.loaded.profiles.get(self.views.profiles.selected) {
                // Only the open profile's journal is here to hand over.
                Some(name)
                    if self
                        .loaded
                        .profile
                        .as_ref()
                        .is_some_and(|p| &p.name != name) =>
                {
                    let text = format!(
                        "{name} is not open: Enter opens it, then w writes its prescription"
                    );
                    self.fail(text);
                }
                _ => self.open_write(FileKind::Prescription),
            },
            Action::Import if self.lock_allows_or_says(crate::clinic::Act::Import) => {
                self.open_import()
            }
            Action::Select => {
                if let Some(name) = self.loaded.profiles.get(self.views.profiles.selected)
                    && Some(name) != self.loaded.profile.as_ref().map(|p| &p.name)
                {
                    return vec![Effect::SwitchProfile(name.clone())];
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

/// What a profile name is made of (it names files).
pub(in crate::tui::app) fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}
