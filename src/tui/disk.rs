//! The loop's hands: performs effects through the store and reports back as actions. Only the
//! store writes files; this turns its results into messages.

use crate::journal::Record;
use crate::paths::Paths;
use crate::profile::Profile;
use crate::store::{OpenProfile, StoreError, profile::list_profiles};

use super::action::Action;
use super::app::{App, Effect};

/// The open profile, if any, and where profiles live.
pub struct Disk {
    paths: Paths,
    open: Option<OpenProfile>,
}

impl Disk {
    pub fn new(paths: Paths) -> Disk {
        Disk { paths, open: None }
    }

    /// Loads the profile named on the command line: Today when it exists, the welcome screen
    /// when it does not, the load-error screen when it does not load.
    pub fn open_at_start(&mut self, app: &mut App) {
        app.profiles = list_profiles(&self.paths).unwrap_or_default();
        match OpenProfile::open(&self.paths, &app.profile_name) {
            Ok(open) => {
                app.load(open.profile.clone(), open.journal.records());
                let torn = open.journal.warnings().count();
                if torn > 0 {
                    app.fail(format!(
                        "{torn} damaged line(s) in {} were skipped; `rehab doctor` explains",
                        open.journal.path().display()
                    ));
                }
                self.open = Some(open);
            }
            Err(StoreError::NoProfile { .. }) => {}
            Err(e) => {
                let file = self
                    .paths
                    .profile_dir(&app.profile_name)
                    .display()
                    .to_string();
                app.load_error(file, e.to_string());
            }
        }
    }

    /// Picks up records another process appended, before a key is acted on.
    pub fn notice_changes(&mut self, app: &mut App) {
        let Some(open) = &mut self.open else {
            return;
        };
        if !open.journal.has_changed() {
            return;
        }
        match open.journal.refresh() {
            Ok(0) => {}
            Ok(_) => app.reload_records(open.journal.records()),
            Err(e) => app.fail(e.to_string()),
        }
    }

    /// Performs one effect; the result comes back as an action for `App::update`.
    pub fn perform(&mut self, effect: Effect, app: &App) -> Action {
        if app.read_only() {
            return Action::Failed("nothing is written while a data file does not load".into());
        }
        match effect {
            Effect::Append(record) => self.append(record),
            Effect::SaveProfile(profile) => self.save(*profile),
            Effect::SwitchProfile(name) => match OpenProfile::open(&self.paths, &name) {
                Ok(open) => {
                    let action = Action::Loaded(
                        Box::new(open.profile.clone()),
                        open.journal.records().to_vec(),
                    );
                    self.open = Some(open);
                    action
                }
                Err(e) => Action::Failed(format!("cannot open profile {name}: {e}")),
            },
            Effect::Export { .. } => {
                Action::Failed("export is not available yet in this build".into())
            }
            Effect::Quit => Action::Resize,
        }
    }

    fn append(&mut self, record: Record) -> Action {
        let Some(open) = &mut self.open else {
            return Action::Failed("no profile is open, so nothing was saved".into());
        };
        match open.journal.append(&record) {
            Ok(()) => Action::Recorded(record),
            Err(e) => Action::Failed(format!("not saved: {e}")),
        }
    }

    fn save(&mut self, profile: Profile) -> Action {
        let result = match &mut self.open {
            Some(open) if open.name == profile.name => {
                let wanted = profile.clone();
                open.update(move |p| {
                    *p = wanted;
                    Ok(())
                })
                .map(|()| open.profile.clone())
            }
            _ => OpenProfile::create(&self.paths, profile).map(|open| {
                let saved = open.profile.clone();
                self.open = Some(open);
                saved
            }),
        };
        match result {
            Ok(saved) => Action::ProfileSaved(Box::new(saved)),
            Err(e) => Action::Failed(format!("profile not saved: {e}")),
        }
    }
}
