//! The app's state and its one `update(action) -> effects` function. Pure: no I/O, no clock, no
//! terminal. The loop performs the effects and feeds their results back as actions.

mod handover;
mod log;
mod onboarding;
mod overlays;
mod patient;
mod setup;
mod standing;
mod views;

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::ToSpan;
use jiff::civil::Date;

pub use handover::{FileField, FileKind, ImportPreview, REPORT_WEEKS};
pub use log::Mark;
pub use overlays::{Overlay, PainField, PainForm, TimerState};
pub use patient::{PATIENT_FIELDS, PatientEdit, Row as PatientRow};
pub use setup::{Draft, SetupField, SetupForm};

/// The skip reasons in the order the skip pop-up lists them.
pub fn overlays_reasons() -> [crate::journal::SkipReason; 4] {
    overlays::SKIP_REASONS
}
pub use views::{
    ClinicView, ExportView, ExportWeeks, HistoryView, LibraryView, ProfilesView, ProgramView,
    TodayView, View, Views, WeekCursor,
};

/// Labels of the patient fields, in the Profiles view's order.
pub fn views_patient_fields() -> [&'static str; 14] {
    patient::PATIENT_FIELDS
}

use super::action::Action;
use super::keymap::Keymap;
use super::theme::Theme;
use crate::catalog::Catalog;
use crate::journal::{JournalState, Record};
use crate::plan;
use crate::profile::Profile;
use crate::screening::Screening;
use crate::triage::Suggestion;

/// Something for the loop to do; the only way the app touches the world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Change the profile (or create it) and add records, in one call to the store.
    Change(Box<crate::session::Change>),
    /// Append one record to the current profile's journal.
    Append(Record),
    /// Append records in one write: all of them or, when the write fails, none (an import).
    AppendAll(Vec<Record>),
    /// Load another profile and make it current.
    SwitchProfile(String),
    /// Write the printable plan of the open profile.
    Export {
        format: crate::export::Format,
        path: String,
        /// Which programme weeks to print.
        weeks: std::ops::RangeInclusive<u32>,
        /// The one-page sheet instead of the full handout.
        sheet: bool,
        today: Date,
        /// Plain characters only.
        ascii: bool,
        /// What to do when the file exists, in the app's words (its key for editing the path).
        fix: String,
    },
    /// Write a file the app made (a prescription, a report): a new file, never over one.
    WriteFile {
        kind: FileKind,
        path: String,
        contents: String,
    },
    /// Read a prescription file for an import (the text comes back to be checked).
    ReadPrescription(String),
    /// Read a watch's file, or a folder of them, for a runs import (History).
    ReadRuns(String),
    /// Complete the path typed in the runs import field from its folder's entries (Tab).
    CompletePath(String),
    /// Create the profile a checked prescription describes; with `force`, replace the plan
    /// settings of the existing profile of that name (its journal and answers are kept).
    Import {
        imported: Box<crate::handover::Imported>,
        force: bool,
    },
    /// Read every profile in the data folder for the clinician's overview, as on `today`.
    ReadClinic {
        today: Date,
    },
    /// Ring the terminal's bell (a countdown's hold or rest ended).
    Bell,
    Quit,
}

/// Which full screen is up.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// A journal or profile failed to load; nothing is written while this is up.
    LoadError {
        file: String,
        message: String,
    },
    Welcome,
    Picker {
        selected: usize,
    },
    Symptoms {
        question: usize,
        /// The answer chosen: none until the person chooses one.
        selected: Option<usize>,
        answers: BTreeMap<String, String>,
    },
    Suggestions {
        ranked: Vec<Suggestion>,
        selected: usize,
    },
    /// The red-flag questions; `reopened` when pain logging brought them back. `seen` counts
    /// the questions shown so far from the top: none counts as answered until all are seen.
    RedFlags {
        selected: usize,
        answers: Vec<bool>,
        seen: usize,
        reopened: bool,
        /// The condition being chosen (first run, or a change of condition): the answers wait
        /// for the set-up to save them with it.
        choosing: Option<String>,
    },
    /// The outcome of the red-flag questions when something was raised (already saved when
    /// the profile exists).
    FlagResult {
        screening: Screening,
        answers: BTreeMap<String, bool>,
        reopened: bool,
        choosing: Option<String>,
    },
    Setup(SetupForm),
    /// The tabbed views (Today, Week, ...).
    Main,
}

impl Screen {
    /// The condition being chosen on this screen, when it is part of choosing one.
    pub fn choosing(&self) -> Option<&str> {
        match self {
            Screen::RedFlags { choosing, .. } | Screen::FlagResult { choosing, .. } => {
                choosing.as_deref()
            }
            Screen::Setup(form) => form.draft.as_ref().map(|d| d.condition.as_str()),
            _ => None,
        }
    }
}

/// A one-line message at the bottom, from the last thing done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// What the app runs with: the library, the keys, the colours, the day and, in a clinic
/// session, the lock.
#[derive(Debug, Clone)]
pub struct AppContext {
    /// The library the plans are built from, shared with the disk side.
    pub catalog: Arc<Catalog>,
    pub keymap: Keymap,
    pub theme: Theme,
    pub today: Date,
    /// Set in a locked session: what the app offers follows the same policy the disk enforces.
    pub lock: Option<crate::clinic::Lock>,
}

/// The profile open in the app and what is read from it.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The profile name in use (or to create on first run).
    pub profile_name: String,
    pub profile: Option<Profile>,
    /// Names of the profiles on disk, for the Profiles view.
    pub profiles: Vec<String>,
    /// Where the profile stands today (the gate, the weeks, the standing lines); every view
    /// reads the weeks, decisions and notes from here. Built through the week the Week view
    /// shows, so coming weeks are there to browse.
    pub standing: Option<crate::session::Standing>,
    /// The journal on disk, replayed (the progression reads it).
    pub journal: Arc<JournalState>,
    /// What the progression worked out before, handed back at each rebuild (opaque; the store
    /// keeps it beside the journal).
    pub memo: crate::progress::Memo,
}

/// The whole state the screens render: what it runs with, the open profile, and the screen
/// with its views.
#[derive(Debug, Clone)]
///
/// The fields are private: outside `tui::app` they are read through the methods below and
/// changed only by [`App::update`] (and the few loop entries such as [`App::load`]), so a test
/// drives the app as a person or the loop does.
pub struct App {
    ctx: AppContext,
    loaded: Loaded,
    screen: Screen,
    view: View,
    overlay: Option<Overlay>,
    status: Option<Status>,
    /// Each main view's own state.
    views: Views,
    /// What to say once the record now being written is saved (a pain score over the ceiling).
    after_save: Option<String>,
}

impl App {
    /// A new app: with a profile it opens on Today, without one on the welcome screen.
    pub fn new(
        catalog: impl Into<Arc<Catalog>>,
        keymap: Keymap,
        theme: Theme,
        today: Date,
        profile_name: String,
    ) -> App {
        App {
            ctx: AppContext {
                catalog: catalog.into(),
                keymap,
                theme,
                today,
                lock: None,
            },
            loaded: Loaded {
                profile_name,
                ..Loaded::default()
            },
            screen: Screen::Welcome,
            view: View::Today,
            overlay: None,
            status: None,
            views: Views::default(),
            after_save: None,
        }
    }

    /// The app of a locked clinic session: what it offers follows the lock the disk enforces.
    pub fn with_lock(mut self, lock: crate::clinic::Lock) -> App {
        self.ctx.lock = Some(lock);
        self
    }

    /// The app with `overlay` open over its screen, as the pop-up's key opens it: for drawing a
    /// pop-up over a screen where no key opens it (an exercise's figure over the welcome).
    pub fn with_overlay(mut self, overlay: Overlay) -> App {
        self.overlay = Some(overlay);
        self
    }

    /// The app with the standing's lines edited, until the next rebuild: for drawing lines no
    /// rule writes today (how the screens wrap a long note).
    #[doc(hidden)]
    pub fn with_standing_lines(mut self, edit: impl FnOnce(&mut Vec<crate::session::Line>)) -> App {
        if let Some(standing) = &mut self.loaded.standing {
            edit(&mut standing.lines);
        }
        self
    }

    /// What the app runs with: the library, the keys, the colours, the day and the lock.
    pub fn context(&self) -> &AppContext {
        &self.ctx
    }

    /// The open profile and what is read from it.
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// The full screen that is up.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The tab shown on the main screen.
    pub fn view(&self) -> View {
        self.view
    }

    /// The pop-up over the screen, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The status line's message, if any.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// Each main view's own state.
    pub fn views(&self) -> &Views {
        &self.views
    }

    /// Puts a loaded profile and its journal in place and opens Today.
    pub fn load(&mut self, profile: Profile, records: &[Record]) {
        self.load_state(profile, Arc::new(JournalState::replay(records)));
    }

    /// As [`App::load`], with a journal the store has replayed already.
    pub fn load_state(&mut self, profile: Profile, journal: Arc<JournalState>) {
        self.loaded.profile_name = profile.name.clone();
        // The Profiles view's cursor starts on the profile its details show.
        self.views.profiles.selected = self
            .loaded
            .profiles
            .iter()
            .position(|n| *n == profile.name)
            .unwrap_or(0);
        self.loaded.profile = Some(profile);
        self.loaded.journal = journal;
        self.screen = Screen::Main;
        self.view = View::Today;
        self.overlay = None;
        self.views.week = WeekCursor {
            week: self.current_week(),
            day: crate::plan::Day::of(self.ctx.today).index(),
            item: 0,
        };
        self.rebuild();
        if self.needs_rescreen() {
            self.screen = self.red_flags_again();
        }
    }

    /// The clock passed midnight: Today shows the new day, and ticks go to it. The cursor follows
    /// only when it was on the old today (someone backfilling last week stays where they were).
    pub fn new_day(&mut self, date: Date) {
        let was_on_today = self.views.week.week == self.current_week()
            && self.views.week.day == crate::plan::Day::of(self.ctx.today).index();
        self.ctx.today = date;
        if was_on_today {
            self.views.week.week = self.current_week();
            self.views.week.day = crate::plan::Day::of(date).index();
            self.views.week.item = 0;
        }
        self.views.today.selected = 0;
        self.rebuild();
        if self.loaded.profile.is_some() {
            self.say(format!(
                "a new day: Today shows {}",
                date.strftime("%a %Y-%m-%d")
            ));
        }
    }

    /// Takes the profile and journal as another session left them, staying on this screen.
    pub fn take_changes(&mut self, profile: Profile, journal: Arc<JournalState>) {
        self.loaded.profile = Some(profile);
        self.loaded.journal = journal;
        self.rebuild();
    }

    /// Shows a load failure; every write is refused until the app is restarted.
    pub fn load_error(&mut self, file: String, message: String) {
        self.screen = Screen::LoadError { file, message };
    }

    /// Whether a text field has the keys (then `q` types a q).
    pub fn typing(&self) -> bool {
        match (&self.overlay, &self.screen) {
            (Some(o), _) => o.typing(),
            (None, Screen::Main) => self.views.typing(self.view),
            _ => false,
        }
    }

    /// Shows an error on the status line.
    pub fn fail(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// Shows a message on the status line.
    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// Whether writes are refused (a file failed to load).
    pub fn read_only(&self) -> bool {
        matches!(self.screen, Screen::LoadError { .. })
    }

    /// The one entry point: an action in, effects out.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::ForceQuit => return self.quit(),
            Action::Resize => return Vec::new(),
            Action::Failed(text) => {
                self.after_save = None;
                self.fail(text);
                return Vec::new();
            }
            Action::Exported(path) => {
                self.say(format!("plan written to {path}"));
                self.views.export.exported = Some(path);
                return Vec::new();
            }
            Action::Recorded(record) => {
                self.recorded(&record);
                return Vec::new();
            }
            Action::RecordedAll(records) => {
                self.apply_records(&records);
                return Vec::new();
            }
            Action::Changed(profile, records) => {
                self.profile_saved(*profile);
                match records.as_slice() {
                    [] => {}
                    [record] => self.recorded(record),
                    records => self.apply_records(records),
                }
                return Vec::new();
            }
            Action::Loaded(profile, journal, memo) => {
                self.loaded.memo = memo;
                self.load_state(*profile, journal);
                return Vec::new();
            }
            Action::ChangedElsewhere(profile, journal) => {
                self.take_changes(*profile, journal);
                return Vec::new();
            }
            Action::ProfilesListed(names) => {
                self.loaded.profiles = names;
                return Vec::new();
            }
            Action::LoadFailed { file, message } => {
                self.load_error(file, message);
                return Vec::new();
            }
            Action::TimerTick => {
                if let Some(Overlay::Timer(t)) = &mut self.overlay
                    && t.tick()
                {
                    return vec![Effect::Bell];
                }
                return Vec::new();
            }
            Action::NewDay(date) => {
                self.new_day(date);
                return Vec::new();
            }
            Action::ClinicRows(rows) => {
                self.views.clinic.read(rows);
                return Vec::new();
            }
            Action::Written(kind, path) => {
                match kind {
                    FileKind::Report => self.views.history.report = None,
                    FileKind::Prescription => self.views.profiles.file = None,
                }
                self.say(format!("{} written to {path}", kind.what()));
                return Vec::new();
            }
            Action::PrescriptionRead(file, text) => {
                self.prescription_read(file, &text);
                return Vec::new();
            }
            Action::RunsRead(files, tz) => return self.runs_read(&files, &tz),
            Action::PathCompleted(typed, completed) => {
                self.path_completed(&typed, completed);
                return Vec::new();
            }
            Action::Imported {
                name,
                replaced,
                assessment,
            } => {
                self.imported(name, replaced, assessment);
                return Vec::new();
            }
            _ => {}
        }
        if self.overlay.is_some() {
            return self.update_overlay(action);
        }
        if action == Action::Help {
            self.overlay = Some(Overlay::Help);
            return Vec::new();
        }
        if action == Action::Quit && !self.typing() {
            return self.quit();
        }
        self.status = None;
        match &self.screen {
            Screen::LoadError { .. } => Vec::new(),
            Screen::Main => self.update_main(action),
            _ => self.update_onboarding(action),
        }
    }

    fn quit(&mut self) -> Vec<Effect> {
        vec![Effect::Quit]
    }

    /// Records the store wrote, in the app's journal and profile, and the weeks they change.
    fn apply_records(&mut self, records: &[Record]) {
        let this_monday = plan::monday_of(self.ctx.today);
        let mut changes_weeks = false;
        for record in records {
            Arc::make_mut(&mut self.loaded.journal).apply(record);
            // The store kept what the profile follows of the record; the app's copy does too.
            if let Some(profile) = &mut self.loaded.profile {
                profile.follow(record);
            }
            // A backfilled tick or pain in a past week can change the decisions after it;
            // pain, answers and assessments can change the gate.
            changes_weeks |= record.date() < this_monday
                || matches!(
                    record,
                    Record::Criteria { .. }
                        | Record::Pain { .. }
                        | Record::Screened { .. }
                        | Record::Assessed { .. }
                        | Record::Activity(_)
                );
        }
        if changes_weeks {
            self.rebuild();
        }
    }

    fn recorded(&mut self, record: &Record) {
        self.apply_records(std::slice::from_ref(record));
        let what = match record {
            Record::Done {
                item,
                sets: Some(n),
                ..
            } => format!("{}: {n} sets saved", self.name_of(item)),
            Record::Done { item, .. } => format!("{}: done, saved", self.name_of(item)),
            Record::Undone { item, .. } => format!("{}: unticked, saved", self.name_of(item)),
            Record::Skipped { item, reason, .. } => {
                format!(
                    "{}: skipped ({}), saved",
                    self.name_of(item),
                    reason.label()
                )
            }
            Record::Pain { .. } => match self.after_save.take() {
                Some(more) => format!("pain saved. {more}"),
                None => "pain saved".to_string(),
            },
            Record::Screened { .. } => "safety answers saved".to_string(),
            // The phase's own record comes last when a check completes or breaks the set: the
            // message says what it means for the phase.
            Record::Criteria { id, met, .. } => {
                let phase = id
                    .strip_prefix("phase-")
                    .and_then(|p| p.strip_suffix("-exit"));
                match (phase, met) {
                    (Some(p), true) => format!(
                        "phase {p}'s exit checks all met, saved: it moves on after a week that progresses"
                    ),
                    (Some(p), false) => format!("phase {p}'s exit withdrawn, saved"),
                    (None, true) => "criteria recorded as met, saved".to_string(),
                    (None, false) => "criteria recorded as not met, saved".to_string(),
                }
            }
            Record::Activity(a) => format!("from the watch: {}, saved", a.figures()),
            _ => "saved".to_string(),
        };
        self.say(what);
    }

    fn profile_saved(&mut self, profile: Profile) {
        self.loaded.profile_name = profile.name.clone();
        if !self.loaded.profiles.contains(&profile.name) {
            self.loaded.profiles.push(profile.name.clone());
            self.loaded.profiles.sort();
        }
        self.views.profiles.selected = self
            .loaded
            .profiles
            .iter()
            .position(|n| *n == profile.name)
            .unwrap_or(0);
        self.loaded.profile = Some(profile);
        // Answers given on the questions screen are saved while their outcome is still shown.
        if !matches!(self.screen, Screen::FlagResult { .. }) {
            self.screen = Screen::Main;
        }
        self.rebuild();
    }

    /// An exercise's display name (its id when the library lacks it).
    pub fn name_of(&self, id: &str) -> String {
        self.ctx
            .catalog
            .exercise(id)
            .map_or_else(|| id.to_string(), |e| e.name.to_string())
    }

    /// The date `n` days from today.
    pub fn day_offset(&self, n: i64) -> Date {
        self.ctx
            .today
            .checked_add(n.days())
            .unwrap_or(self.ctx.today)
    }
}
