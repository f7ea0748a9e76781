//! Profiles: switch, create, and edit patient details and a clinician's overrides.

use crate::tui::action::Action;
use crate::tui::app::views::{ViewCx, ViewState};
use crate::tui::app::{Effect, FileField, FileKind, ImportPreview, PATIENT_FIELDS, PatientEdit};
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

impl ViewState for ProfilesView {
    fn typing(&self) -> bool {
        self.new_name.is_some()
            || self.patient.is_some()
            || self.file.is_some()
            || self.import.is_some()
    }

    /// A key on the list, the new name or the patient form (a prescription's path and its
    /// import are the app's file forms).
    fn update(&mut self, cx: &mut ViewCx<'_>, action: Action) -> Vec<Effect> {
        let app = cx.app();
        if let Some(name) = &mut self.new_name {
            match name.edit_only(&action, is_name_char) {
                Edit::Other => {}
                Edit::Refused(ch) => {
                    // Said, not silently dropped: "bob smith" must not become "bobsmith".
                    let shown = if ch == ' ' {
                        "a space".to_string()
                    } else {
                        format!("`{}`", crate::text::clean(&ch.to_string()))
                    };
                    cx.fail(format!(
                        "a profile name takes letters, digits, - and _ only, not {shown}; try bob-smith"
                    ));
                    return Vec::new();
                }
                _ => return Vec::new(),
            }
            let name = name.text().to_string();
            match action {
                Action::Back => self.new_name = None,
                Action::Select if !name.is_empty() => {
                    if app.loaded.profiles.contains(&name) {
                        cx.fail(format!("a profile called {name} exists already"));
                        return Vec::new();
                    }
                    self.new_name = None;
                    cx.start_profile(name);
                }
                _ => {}
            }
            return Vec::new();
        }
        if let Some(edit) = &mut self.patient {
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
                Action::Back => self.patient = None,
                Action::Select => {
                    let edit = edit.clone();
                    let Some(mut p) = app.loaded.profile.clone() else {
                        return Vec::new();
                    };
                    let assessment = match edit.assessment(app.ctx.today) {
                        Ok(a) => a,
                        Err(e) => {
                            cx.fail(e);
                            return Vec::new();
                        }
                    };
                    return match edit.apply(&mut p, &app.ctx.catalog, app.ctx.today) {
                        Ok(()) => {
                            self.patient = None;
                            // Only the parts the form changed, so another session's change to
                            // another part is kept; the assessment is a record in the same
                            // change (the store writes it, then the date the profile shows).
                            let patch = app
                                .loaded
                                .profile
                                .as_ref()
                                .map_or_else(Default::default, |seen| {
                                    crate::profile::Patch::between(seen, &p, app.ctx.today)
                                });
                            let records = assessment.map(|w| w.records).unwrap_or_default();
                            vec![Effect::Change(Box::new(crate::session::Change::patch(
                                patch, records,
                            )))]
                        }
                        Err(e) => {
                            cx.fail(e);
                            Vec::new()
                        }
                    };
                }
                _ => {}
            }
            return Vec::new();
        }
        let n = app.loaded.profiles.len();
        // The profile under the cursor, when it is not the open one.
        let other = app.loaded.profiles.get(self.selected).filter(|name| {
            app.loaded
                .profile
                .as_ref()
                .is_some_and(|p| &p.name != *name)
        });
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::New if cx.lock_allows_or_says(NEW_PROFILE) => {
                self.new_name = Some(TextField::new())
            }
            Action::New => {}
            Action::Edit if !cx.lock_allows_or_says(super::PLAN_CHANGE) => {}
            // Only the open profile's details are here to edit.
            Action::Edit => match other {
                Some(name) => cx.fail(format!(
                    "{name} is not open: Enter opens it, then e edits it"
                )),
                None => self.patient = app.loaded.profile.as_ref().map(PatientEdit::from_profile),
            },
            // Only the open profile's journal is here to hand over.
            Action::Write => match other {
                Some(name) => cx.fail(format!(
                    "{name} is not open: Enter opens it, then w writes its prescription"
                )),
                None => cx.open_write(FileKind::Prescription),
            },
            Action::Import if cx.lock_allows_or_says(crate::clinic::Act::Import) => {
                cx.open_import()
            }
            Action::Select => {
                if let Some(name) = app.loaded.profiles.get(self.selected)
                    && Some(name) != app.loaded.profile.as_ref().map(|p| &p.name)
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
