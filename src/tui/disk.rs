//! The loop's hands: performs effects through the store and reports back as actions. Only the
//! store writes files; this turns its results into messages.

use std::path::{Path, PathBuf};

use crate::clinic::{Act, Lock, Refusal};
use crate::export;
use crate::journal::Record;
use crate::paths::Paths;
use crate::store::export::WriteError;
use crate::store::{OpenProfile, StoreError, profile::list_profiles};

use super::action::Action;
use super::app::Effect;
use crate::catalog::Catalog;
use std::sync::Arc;

/// The open profile, if any, and where profiles live. It changes the app only by the actions
/// it returns.
pub struct Disk {
    paths: Paths,
    catalog: Arc<Catalog>,
    open: Option<OpenProfile>,
    /// A file failed to load: nothing is written until a restart.
    read_only: bool,
    /// A patient's session on a clinic server: every effect is asked of it first.
    lock: Option<Lock>,
    /// The progression's memo as beside the open profile's journal, so only a newer one is
    /// written.
    memo_on_disk: crate::progress::Memo,
}

impl Disk {
    /// Nothing open yet; profiles live under `paths`, plans are built from `catalog`.
    pub fn new(paths: Paths, catalog: Arc<Catalog>) -> Disk {
        Disk {
            paths,
            catalog,
            open: None,
            read_only: false,
            lock: None,
            memo_on_disk: crate::progress::Memo::default(),
        }
    }

    /// The disk of a locked session (`rehab --locked NAME`), or an open one for `None`.
    pub fn locked(self, lock: Option<Lock>) -> Disk {
        Disk { lock, ..self }
    }

    /// Takes the profile `name` opened (on another thread) at start: the profile list, then
    /// the profile for Today when it exists, nothing more when it does not (the welcome
    /// screen), a load failure when it does not load.
    pub fn open_at_start(
        &mut self,
        name: &str,
        opened: Result<OpenProfile, StoreError>,
    ) -> Vec<Action> {
        let mut names = list_profiles(&self.paths).unwrap_or_default();
        // A locked session does not learn the other patients' names.
        if let Some(lock) = &self.lock {
            names.retain(|n| n == lock.profile());
        }
        let mut actions = vec![Action::ProfilesListed(names)];
        match opened {
            Ok(open) => {
                actions.push(self.loaded(&open));
                let torn = open.journal.warnings().count();
                if torn > 0 {
                    actions.push(Action::Failed(format!(
                        "{torn} damaged line(s) in {} were skipped; `rehab doctor` explains",
                        open.journal.path().display()
                    )));
                }
                self.open = Some(open);
            }
            Err(StoreError::NoProfile { .. }) => {}
            Err(e) => {
                self.read_only = true;
                let file = self.paths.profile_dir(name).display().to_string();
                actions.push(Action::LoadFailed {
                    file,
                    message: e.detail(),
                });
            }
        }
        actions
    }

    /// A profile opened, for the app, with the progression's memo beside its journal.
    fn loaded(&mut self, open: &OpenProfile) -> Action {
        self.memo_on_disk = open.memo();
        Action::Loaded(
            Box::new(open.profile.clone()),
            open.journal.shared_state(),
            self.memo_on_disk.clone(),
        )
    }

    /// Keeps the progression's memo the app worked out beside the open profile's journal, when
    /// it is newer than the one there (derived and best effort: nothing to say either way).
    pub fn keep_memo(&mut self, memo: &crate::progress::Memo) {
        if let Some(open) = &self.open
            && *memo != self.memo_on_disk
            && !memo.is_empty()
        {
            open.keep_memo(memo);
            self.memo_on_disk = memo.clone();
        }
    }

    /// Records or a profile change another process wrote, to take before a key is acted on.
    pub fn notice_changes(&mut self) -> Option<Action> {
        let open = self.open.as_mut()?;
        // One stat each for the profile and the journal when nothing changed.
        if !open.has_changed() {
            return None;
        }
        let records_before = open.journal.state().records;
        let profile_before = open.profile.clone();
        if let Err(e) = open.refresh() {
            return Some(Action::Failed(e.to_string()));
        }
        (open.profile != profile_before || open.journal.state().records != records_before).then(
            || {
                Action::ChangedElsewhere(
                    Box::new(open.profile.clone()),
                    open.journal.shared_state(),
                )
            },
        )
    }

    /// Performs one effect; the result comes back as an action for `App::update`.
    /// `None` for the effects the loop performs itself (quitting, the bell).
    pub fn perform(&mut self, effect: Effect) -> Option<Action> {
        if let Err(refused) = self.permitted(&effect) {
            return Some(Action::Failed(refused.0));
        }
        Some(match effect {
            // The loop rings the bell and quits itself.
            Effect::Quit | Effect::Bell => return None,
            _ if self.read_only => {
                Action::Failed("nothing is written while a data file does not load".into())
            }
            Effect::Append(record) => self.append(record),
            Effect::AppendAll(records) => self.append_all(records),
            Effect::Change(change) => self.change(*change),
            Effect::SwitchProfile(name) => match OpenProfile::open(&self.paths, &name) {
                Ok(open) => {
                    let action = self.loaded(&open);
                    self.open = Some(open);
                    action
                }
                Err(e) => Action::Failed(format!("cannot open profile {name}: {e}")),
            },
            Effect::Export {
                format,
                path,
                weeks,
                sheet,
                today,
                ascii,
                fix,
            } => match self.target(&path) {
                Ok(path) => self.export(format, &path, weeks, sheet, today, ascii, fix),
                Err(refused) => Action::Failed(refused.0),
            },
            Effect::WriteFile {
                kind,
                path,
                contents,
            } => match self.target(&path) {
                Ok(path) => write_file(kind, &path, &contents),
                Err(refused) => Action::Failed(refused.0),
            },
            Effect::ReadPrescription(file) => {
                match crate::store::prescription::read_prescription(std::path::Path::new(&file)) {
                    Ok(text) => Action::PrescriptionRead(file, text),
                    Err(e) => Action::Failed(format!(
                        "not imported: {}",
                        crate::store::prescription::describe_read_error(&e)
                    )),
                }
            }
            Effect::Import { imported, force } => self.import(&imported, force),
            Effect::ReadRuns(path) => {
                let files = crate::store::watch_files::read_watch_files(
                    &[PathBuf::from(path)],
                    &mut std::io::empty(),
                );
                Action::RunsRead(files, jiff::tz::TimeZone::system())
            }
            Effect::CompletePath(typed) => {
                let completed = crate::store::watch_files::complete_path(&typed);
                Action::PathCompleted(typed, completed)
            }
            Effect::ReadClinic { today } => self.clinic(today),
        })
    }

    /// In a locked session, whether the lock allows `effect` (a file's place is asked of
    /// [`Disk::target`]).
    fn permitted(&self, effect: &Effect) -> Result<(), Refusal> {
        let Some(lock) = &self.lock else {
            return Ok(());
        };
        let act = match effect {
            Effect::Append(record) => Act::Record(record),
            Effect::AppendAll(records) => {
                return records
                    .iter()
                    .try_for_each(|r| lock.permits(Act::Record(r)));
            }
            Effect::Change(change) => {
                let name = change.creates.as_ref().map_or_else(
                    || self.open.as_ref().map_or("", |o| o.name.as_str()),
                    |p| p.name.as_str(),
                );
                lock.permits(Act::SaveProfile {
                    name,
                    create: change.creates.is_some(),
                    plan_changed: change.creates.is_some()
                        || self
                            .open
                            .as_ref()
                            .is_none_or(|o| change.patch.changes(&o.profile)),
                })?;
                return change
                    .records
                    .iter()
                    .try_for_each(|r| lock.permits(Act::Record(r)));
            }
            Effect::SwitchProfile(name) => Act::OpenProfile(name),
            Effect::ReadPrescription(_) | Effect::ReadRuns(_) | Effect::CompletePath(_) => {
                Act::ReadFile
            }
            Effect::Import { .. } => Act::Import,
            Effect::ReadClinic { .. } => Act::Overview,
            Effect::Export { .. } | Effect::WriteFile { .. } | Effect::Bell | Effect::Quit => {
                return Ok(());
            }
        };
        lock.permits(act)
    }

    /// Where a file the person asked for is written: the path typed, or in a locked session
    /// that file name in the session's export folder (made when missing).
    fn target(&self, typed: &str) -> Result<PathBuf, Refusal> {
        let Some(lock) = &self.lock else {
            return Ok(PathBuf::from(typed));
        };
        let path = lock.export_target(typed)?;
        lock.permits(Act::Write(&path))?;
        let folder = lock.export_dir();
        crate::store::files::make_private_folder(&folder).map_err(|e| {
            Refusal(format!(
                "not written: cannot make {}: {}",
                crate::text::path(&folder),
                crate::store::describe_io(&e)
            ))
        })?;
        Ok(path)
    }

    /// Writes the printable plan for the chosen weeks; an existing file is never overwritten.
    #[allow(clippy::too_many_arguments)]
    fn export(
        &self,
        format: export::Format,
        path: &Path,
        weeks: std::ops::RangeInclusive<u32>,
        sheet: bool,
        today: jiff::civil::Date,
        ascii: bool,
        fix: String,
    ) -> Action {
        let Some(open) = &self.open else {
            return Action::Failed("no profile is open, so there is no plan to export".into());
        };
        let mut input = match crate::session::export_profile(
            &self.catalog,
            &open.profile,
            open.journal.state(),
            weeks,
            today,
        ) {
            Ok(input) => input,
            Err(e) => return Action::Failed(format!("no plan to print: {e}")),
        };
        input.options.sheet = sheet;
        let contents = export::render(&input, format, ascii);
        match crate::store::export::write_plan(path, &contents, false) {
            Ok(()) => {
                let shown = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                let mut said = shown.display().to_string();
                // On a clinic server the file stays there: say, in full, how the patient's own
                // computer fetches it.
                if let Some(lock) = &self.lock {
                    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                    let login = crate::clinic::lock::ssh_login(
                        std::env::var("USER").ok().as_deref(),
                        std::env::var("SSH_CONNECTION").ok().as_deref(),
                    );
                    said = format!(
                        "{said} on the server; on your own computer, fetch it with: {}",
                        lock.fetch_command(&login, &name.unwrap_or_default())
                    );
                }
                Action::Exported(said)
            }
            Err(e) => not_written(e, fix),
        }
    }

    /// Creates (or with `force` replaces the plan settings of) the profile a checked
    /// prescription describes, as `rehab profile import` does.
    fn import(&mut self, imported: &crate::handover::Imported, force: bool) -> Action {
        match crate::store::prescription::import_profile(&self.paths, imported, force) {
            Ok(done) => Action::Imported {
                name: imported.profile.name.clone(),
                replaced: done.replaced,
                assessment: done.assessment_recorded,
            },
            Err(StoreError::Exists(n)) => Action::Failed(format!(
                "not imported: a profile {} exists already; type another name",
                crate::text::clean(&n)
            )),
            Err(e) => Action::Failed(format!("not imported: {e}")),
        }
    }

    /// Every profile in the data folder as the clinician's overview lists them: the rows and
    /// order of `rehab clinic`. Changes nothing a person wrote.
    fn clinic(&self, today: jiff::civil::Date) -> Action {
        match crate::store::overview::clinic_overview(&self.paths, &self.catalog, today) {
            Ok(rows) => Action::ClinicRows(rows),
            Err(e) => Action::Failed(format!("cannot list the profiles: {e}")),
        }
    }

    fn append_all(&mut self, records: Vec<Record>) -> Action {
        match self.apply(crate::session::Change::records(records)) {
            Ok(change) => Action::RecordedAll(change.records),
            Err(failed) => failed,
        }
    }

    fn append(&mut self, record: Record) -> Action {
        match self.apply(crate::session::Change::records(vec![record])) {
            Ok(mut change) => Action::Recorded(change.records.remove(0)),
            Err(failed) => failed,
        }
    }

    /// Applies a change the app made: a new profile made and then its records, or the open
    /// profile patched and its records added, in one call to the store onto the files as they
    /// are now.
    fn change(&mut self, change: crate::session::Change) -> Action {
        match self.apply(change) {
            Ok(change) => match &self.open {
                Some(open) => Action::Changed(Box::new(open.profile.clone()), change.records),
                None => Action::Failed("no profile is open, so nothing was saved".into()),
            },
            Err(failed) => failed,
        }
    }

    /// Every write of the app: the store applies `change` (it re-checks the profile file
    /// first, so a profile damaged meanwhile takes no writes). The change comes back to be
    /// reported, or the failure in the app's words.
    fn apply(&mut self, change: crate::session::Change) -> Result<crate::session::Change, Action> {
        let result = match (&change.creates, &mut self.open) {
            (Some(_), _) => OpenProfile::create_with(&self.paths, &change)
                .map(|open| self.open = Some(open))
                .map_err(|e| format!("profile not saved: {e}")),
            (None, Some(open)) => open
                .apply(&change)
                .map(drop)
                .map_err(|e| format!("not saved: {e}")),
            (None, None) => Err("no profile is open, so nothing was saved".into()),
        };
        result.map(|()| change).map_err(Action::Failed)
    }
}

/// Writes a prescription or report the app made; an existing file is never overwritten.
fn write_file(kind: crate::tui::app::FileKind, path: &Path, contents: &str) -> Action {
    let written = match kind {
        crate::tui::app::FileKind::Prescription => {
            crate::store::prescription::write_prescription(path, contents, false)
        }
        crate::tui::app::FileKind::Report => {
            crate::store::export::write_plan(path, contents, false)
        }
    };
    match written {
        Ok(()) => {
            let shown = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
            Action::Written(kind, crate::text::path(&shown).to_string())
        }
        Err(e) => not_written(e, "type another path".into()),
    }
}

/// A write refused, in the app's words: the app has no --force or -o; `fix` says what to do.
fn not_written(e: WriteError, fix: String) -> Action {
    match e {
        WriteError::Exists(p) => Action::Failed(format!(
            "not written: {} exists already; {fix}",
            file_name(&p),
        )),
        WriteError::NotRegular { path, what } => Action::Failed(format!(
            "not written: {} is {what}, not a regular file",
            file_name(&path)
        )),
        e => Action::Failed(e.to_string()),
    }
}

/// A path's last part, short enough for the status line.
fn file_name(path: &std::path::Path) -> String {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    crate::text::clean(&name).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Settings;
    use crate::profile::Profile;
    use crate::tui::app::App;

    #[test]
    fn export_writes_this_week_the_next_weeks_so_far_or_the_whole_programme() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temporary folder")
        };
        let paths = Paths::resolve(Some(dir.path().join("data")), Some(dir.path().join("lib")));
        let today = jiff::civil::date(2026, 11, 25);
        let Ok(catalog) = crate::catalog::Catalog::builtin() else {
            panic!("the built-in library loads")
        };
        let mut profile = Profile::new("me", "pfps", Settings::new(jiff::civil::date(2026, 11, 9)));
        profile.red_flags.answered_on = Some(jiff::civil::date(2026, 11, 23));
        for flag in &catalog.red_flags {
            profile.red_flags.answers.insert(flag.id.to_string(), false);
        }
        assert!(OpenProfile::create(&paths, profile).is_ok());
        let theme = crate::tui::theme::Theme::new(false, true);
        let keymap = crate::tui::keymap::Keymap::default();
        let mut app = App::new(catalog, keymap, theme, today, "me".into());
        let mut disk = Disk::new(paths.clone(), app.context().catalog.clone());
        for action in disk.open_at_start("me", OpenProfile::open(&paths, "me")) {
            app.update(action);
        }
        // Week 3 of a 12-week programme (pfps: 2 + 6 + 4 weeks).
        use crate::tui::app::ExportWeeks;
        for (choice, name, weeks) in [
            (ExportWeeks::ThisWeek, "one.txt", vec![3]),
            (ExportWeeks::SoFar, "all.txt", vec![1, 2, 3]),
            (ExportWeeks::Next(2), "next.txt", vec![3, 4]),
            (ExportWeeks::Programme, "whole.txt", (1..=12).collect()),
        ] {
            let path = dir.path().join(name).display().to_string();
            let effect = app.export_effect(export::Format::Text, path.clone(), choice, false);
            let done = disk.perform(effect).expect("a disk effect answers");
            assert!(matches!(done, Action::Exported(_)), "{done:?}");
            let Ok(text) = std::fs::read_to_string(&path) else {
                panic!("{path} was not written")
            };
            for week in 1..=13 {
                let heading = format!("WEEK {week} ");
                assert_eq!(
                    text.contains(&heading),
                    weeks.contains(&week),
                    "{name}: {heading}"
                );
            }
        }
    }

    #[test]
    fn a_prescription_written_reads_back_and_imports_once() {
        let Ok(dir) = tempfile::tempdir() else {
            panic!("no temporary folder")
        };
        let paths = Paths::resolve(Some(dir.path().join("data")), Some(dir.path().join("lib")));
        let Ok(catalog) = crate::catalog::Catalog::builtin() else {
            panic!("the built-in library loads")
        };
        let today = jiff::civil::date(2026, 11, 25);
        let theme = crate::tui::theme::Theme::new(false, true);
        let app = App::new(catalog, Default::default(), theme, today, "me".into());
        let mut disk = Disk::new(paths.clone(), app.context().catalog.clone());
        let profile = Profile::new(
            "anna",
            "pfps",
            Settings::new(jiff::civil::date(2026, 11, 9)),
        );
        let p = crate::handover::Prescription::of(&profile, &Default::default(), today);
        let text = crate::handover::format_prescription(&p);
        let file = dir.path().join("anna.rx.ron").display().to_string();
        let write = Effect::WriteFile {
            kind: crate::tui::app::FileKind::Prescription,
            path: file.clone(),
            contents: text.clone(),
        };
        let done = disk.perform(write.clone()).expect("a disk effect answers");
        assert!(matches!(done, Action::Written(..)), "{done:?}");
        // Never over an existing file.
        let again = disk.perform(write).expect("a disk effect answers");
        assert!(
            matches!(&again, Action::Failed(t) if t.contains("exists already")),
            "{again:?}"
        );
        let read = disk
            .perform(Effect::ReadPrescription(file.clone()))
            .expect("a disk effect answers");
        assert_eq!(read, Action::PrescriptionRead(file.clone(), text.clone()));
        let Ok(imported) = crate::handover::check_prescription(
            &app.context().catalog,
            &p,
            None,
            &text,
            &file,
            today,
        ) else {
            panic!("the file checks")
        };
        let import = Effect::Import {
            imported: Box::new(imported),
            force: false,
        };
        let done = disk.perform(import.clone()).expect("a disk effect answers");
        assert!(
            matches!(
                done,
                Action::Imported {
                    replaced: false,
                    ..
                }
            ),
            "{done:?}"
        );
        let again = disk.perform(import).expect("a disk effect answers");
        assert!(matches!(again, Action::Failed(_)), "{again:?}");
        let rows = disk
            .perform(Effect::ReadClinic { today })
            .expect("a disk effect answers");
        let Action::ClinicRows(rows) = rows else {
            panic!("{rows:?}")
        };
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, "anna");
    }
}
