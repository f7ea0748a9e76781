//! The tabbed views after set-up: Today, Week, Program, History, Library, Profiles, Clinic,
//! Export. Each has a file of its own below with its state and its `ViewState` update; this one
//! holds what they share: the tabs, `ViewState` and the `ViewCx` a view asks the app through,
//! the dispatch, and the keys on one plan item.

mod clinic;
mod export;
mod history;
mod library;
mod profiles;
pub(super) use profiles::is_name_char;
mod program;
mod today;
mod week;

pub use clinic::ClinicView;
pub use export::{ExportView, ExportWeeks};
pub use history::HistoryView;
pub use library::LibraryView;
pub use profiles::ProfilesView;
pub use program::ProgramView;
pub use today::TodayView;
pub use week::WeekCursor;

use super::{App, Effect, FileKind, Mark, Overlay, PainForm, Screen, Status, TimerState};
use crate::plan::PlanItem;
use crate::tui::action::Action;
use jiff::civil::Date;

/// Changing the open profile's plan: settings, a clinician's overrides, patient details.
const PLAN_CHANGE: crate::clinic::Act<'static> = crate::clinic::Act::SaveProfile {
    name: "",
    create: false,
    plan_changed: true,
};

/// Declares `View` and `View::ALL` from one list, so a view added to the enum is on the tabs
/// too (a const list beside the enum could miss it, and nothing would say so).
macro_rules! views_in_tab_order {
    ($($(#[$doc:meta])* $name:ident),+ $(,)?) => {
        /// The views, in Tab order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum View {
            $($(#[$doc])* $name),+
        }

        impl View {
            /// Every view, in Tab order.
            pub const ALL: [View; [$(stringify!($name)),+].len()] = [$(View::$name),+];
        }
    };
}

views_in_tab_order! {
    Today,
    Week,
    Program,
    History,
    Library,
    Profiles,
    /// The clinician's overview: every profile in the data folder.
    Clinic,
    Export,
}

impl View {
    /// The name on its tab.
    pub fn title(self) -> &'static str {
        match self {
            View::Today => "Today",
            View::Week => "Week",
            View::Program => "Program",
            View::History => "History",
            View::Library => "Library",
            View::Profiles => "Profiles",
            View::Clinic => "Clinic",
            View::Export => "Export",
        }
    }

    /// What this view offers on the hint bar, with the word beside each key.
    pub fn hints(self, app: &App) -> Vec<(Action, &'static str)> {
        use Action::*;
        let offers = match self {
            // On hold: nothing to tick; the way back is answering again.
            View::Today if !app.plan_allowed() => vec![Select, Pain, NextView, Help, Quit],
            // The exit checks have the cursor: tick one, or read it in full.
            View::Today if app.on_exit_prompt() => {
                vec![Down, Tick, Select, Pain, NextView, Help, Quit]
            }
            View::Today => vec![
                Tick,
                Sets(0),
                Skip,
                Select,
                Timer,
                Pain,
                NextView,
                Help,
                Quit,
            ],
            View::Week => vec![Down, NextWeek, Tick, Select, NextView, Help, Quit],
            View::Program => vec![Down, Tick, Select, Edit, NextView, Help, Quit],
            View::History => vec![Left, Edit, Write, Import, NextView, Help, Quit],
            View::Library => vec![Search, Select, NextView, Help, Quit],
            View::Profiles => vec![Select, New, Edit, Write, Import, NextView, Help, Quit],
            View::Clinic => vec![Down, Select, NextView, Help, Quit],
            View::Export => vec![Right, Edit, Select, NextView, Help, Quit],
        };
        // A patient's locked session is not offered what its lock refuses.
        let offered = |action: &Action| match action {
            New => app.lock_allows(profiles::NEW_PROFILE),
            Import if self == View::History => app.lock_allows(crate::clinic::Act::ReadFile),
            Import => app.lock_allows(crate::clinic::Act::Import),
            Edit => app.lock_allows(PLAN_CHANGE),
            _ => true,
        };
        offers
            .into_iter()
            .filter(offered)
            .map(|action| {
                let word = match (self, &action) {
                    (View::Week, Left | Right) => "day",
                    (View::History, Left | Right) => "months",
                    (_, Left | Right) => "change",
                    (View::Today, Select) if !app.plan_allowed() => "questions",
                    (View::Program, Select) => "read",
                    (View::Today, Select) if app.on_exit_prompt() => "read",
                    (View::Today, Tick) if app.on_exit_prompt() => "tick check",
                    (View::Profiles, Select) => "switch",
                    (View::Export, Select) => "write",
                    (_, Select) => "open",
                    (View::History, Write) => "report",
                    (View::History, Import) => "runs",
                    (_, Write) => "prescription",
                    _ => action.hint(),
                };
                (action, word)
            })
            .collect()
    }
}

/// Each main view's own state, kept while switching views.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Views {
    pub today: TodayView,
    pub week: WeekCursor,
    pub program: ProgramView,
    pub history: HistoryView,
    pub library: LibraryView,
    pub profiles: ProfilesView,
    pub clinic: ClinicView,
    pub export: ExportView,
    /// The most an exercise's detail pop-up could scroll in the last frame (`None` before
    /// one): Down stops there, so Up scrolls back at once.
    pub detail_most: std::cell::Cell<Option<u16>>,
}

impl Views {
    /// Whether a text field of `view` has the keys.
    pub fn typing(&self, view: View) -> bool {
        match view {
            View::Today => self.today.typing(),
            View::Week => self.week.typing(),
            View::Program => self.program.typing(),
            View::Library => self.library.typing(),
            View::Profiles => self.profiles.typing(),
            View::History => self.history.typing(),
            View::Clinic => self.clinic.typing(),
            View::Export => self.export.typing(),
        }
    }
}

/// A main view's own state and what a key does on the view. The view changes its own state
/// only; for anything else (a pop-up, the status line, the set-up form, another view) it asks
/// the app through [`ViewCx`], which also lends the app to read.
pub(crate) trait ViewState: Clone {
    /// Whether a text field of the view has the keys (then `q` types a q). No default: a view
    /// with a field that forgot to say so would quit on a typed `q`.
    fn typing(&self) -> bool;

    /// A key (as an action) on this view.
    fn update(&mut self, cx: &mut ViewCx<'_>, action: Action) -> Vec<Effect>;
}

/// What a view's update may use besides its own state: the app to read, as it was before the
/// key, and the changes it asks of the app, made once the view's own are in place.
pub(crate) struct ViewCx<'a> {
    app: &'a App,
    asks: Vec<Ask>,
}

/// A change a view asks of the app.
enum Ask {
    Overlay(Overlay),
    Fail(String),
    Settings,
    Show(View),
    Screen(Screen),
    WeekMoved,
    Write(FileKind),
    ImportRuns,
    ImportPrescription,
    NewProfile(String),
}

impl<'a> ViewCx<'a> {
    /// The app as it was before this key (this view's state too: its changes are not in yet).
    pub(crate) fn app(&self) -> &'a App {
        self.app
    }

    /// As [`App::lock_allows`], saying the lock's reason on the status line when it does not.
    pub(crate) fn lock_allows_or_says(&mut self, act: crate::clinic::Act) -> bool {
        let refused = self.app.lock_refuses(act);
        refused.map(|text| self.fail(text)).is_none()
    }

    /// The path field to write the open profile's prescription or report.
    pub(crate) fn open_write(&mut self, kind: FileKind) {
        self.asks.push(Ask::Write(kind));
    }

    /// The path field for a watch's file or folder to import runs from.
    pub(crate) fn open_runs_import(&mut self) {
        self.asks.push(Ask::ImportRuns);
    }

    /// The path field for a prescription file to import.
    pub(crate) fn open_import(&mut self) {
        self.asks.push(Ask::ImportPrescription);
    }

    /// A new profile of this name, set up from the condition picker on (nothing is written
    /// until the set-up is saved).
    pub(crate) fn start_profile(&mut self, name: String) {
        self.asks.push(Ask::NewProfile(name));
    }

    /// The Week view's cursor is on another week: see [`App::week_moved`].
    pub(crate) fn week_moved(&mut self) {
        self.asks.push(Ask::WeekMoved);
    }

    /// Another full screen (the red-flag questions again).
    pub(crate) fn go_to(&mut self, screen: Screen) {
        self.asks.push(Ask::Screen(screen));
    }

    /// Tick, partial sets, skip, detail or timer on one item of one day (Today and Week).
    pub(crate) fn item_action(
        &mut self,
        date: Date,
        item: &PlanItem,
        action: Action,
    ) -> Vec<Effect> {
        let app = self.app;
        let id = item.exercise.clone();
        let full = item.dose.sets;
        match action {
            Action::Tick if app.mark(date, &id).is_some() => {
                self.run_command(|s, c, _, j| s.untick(c, j, date, &id))
            }
            Action::Tick => {
                self.run_command(|s, c, p, _| s.tick(c, p, date, std::slice::from_ref(&id), None))
            }
            Action::Sets(0) => self.run_command(|s, c, _, j| s.untick(c, j, date, &id)),
            Action::Sets(n) => {
                let sets = Some(n.min(full));
                self.run_command(|s, c, p, _| s.tick(c, p, date, std::slice::from_ref(&id), sets))
            }
            Action::Skip => {
                if let Some(Mark::Skipped(_)) = app.mark(date, &id) {
                    return self.run_command(|s, c, _, j| s.untick(c, j, date, &id));
                }
                if date > app.ctx.today {
                    // Said before the reasons are asked, not after.
                    self.fail("that day has not come yet; only today and past days can be skipped");
                    return Vec::new();
                }
                self.open(Overlay::Skip {
                    date,
                    item: id,
                    selected: 0,
                    other: None,
                });
                Vec::new()
            }
            Action::Select => {
                self.open(Overlay::Detail {
                    exercise: id,
                    scroll: 0,
                    dose: Some(Box::new((item.dose.clone(), item.origin.clone()))),
                });
                Vec::new()
            }
            Action::Timer => {
                let timer = TimerState::new(app.name_of(&id), date, id, &item.dose);
                self.open(Overlay::Timer(timer));
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Opens a pop-up over the view.
    pub(crate) fn open(&mut self, overlay: Overlay) {
        self.asks.push(Ask::Overlay(overlay));
    }

    /// Shows an error on the status line.
    pub(crate) fn fail(&mut self, text: impl Into<String>) {
        self.asks.push(Ask::Fail(text.into()));
    }

    /// The set-up form again, to change the plan settings (when the lock allows).
    pub(crate) fn open_settings(&mut self) {
        self.asks.push(Ask::Settings);
    }

    /// Another view.
    pub(crate) fn show(&mut self, view: View) {
        self.asks.push(Ask::Show(view));
    }

    /// As [`App::run_command`]: the records as effects, or the refusal on the status line.
    pub(crate) fn run_command(
        &mut self,
        command: impl FnOnce(
            &crate::session::Standing,
            &crate::catalog::Catalog,
            &crate::profile::Profile,
            &crate::journal::JournalState,
        ) -> Written,
    ) -> Vec<Effect> {
        match self.app.command_effects(command) {
            Ok(effects) => effects,
            Err(text) => {
                self.fail(text);
                Vec::new()
            }
        }
    }
}

/// What a session command gives: its records, or why it refused.
pub(crate) type Written = Result<crate::session::Written, crate::session::Refusal>;

impl App {
    /// Whether a clinic server's lock (a patient's `--locked` session) lets this session do
    /// `act`; always without a lock. The disk asks the same before every effect; asking here
    /// too keeps a form from opening only to be refused at its end.
    pub fn lock_allows(&self, act: crate::clinic::Act) -> bool {
        self.ctx
            .lock
            .as_ref()
            .is_none_or(|l| l.permits(act).is_ok())
    }

    /// As [`App::lock_allows`], saying the lock's reason on the status line when it does not.
    fn lock_allows_or_says(&mut self, act: crate::clinic::Act) -> bool {
        let refused = self.lock_refuses(act);
        refused.map(|text| self.fail(text)).is_none()
    }

    /// The lock's reason when it refuses `act`.
    fn lock_refuses(&self, act: crate::clinic::Act) -> Option<String> {
        let refused = self.ctx.lock.as_ref()?.permits(act).err()?;
        Some(refused.to_string())
    }

    /// The views on the tabs, in Tab order: the clinician's overview only where there is more
    /// than one profile or on a clinician's login; never in a patient's locked session.
    pub fn tabs(&self) -> Vec<View> {
        let overview = self.lock_allows(crate::clinic::Act::Overview)
            && (self.loaded.profiles.len() > 1 || self.ctx.lock.is_some());
        View::ALL
            .into_iter()
            .filter(|v| *v != View::Clinic || overview)
            .collect()
    }

    pub(super) fn update_main(&mut self, action: Action) -> Vec<Effect> {
        if !self.views.typing(self.view) {
            match action {
                Action::NextView | Action::PrevView => {
                    let tabs = self.tabs();
                    let n = tabs.len();
                    let step = if action == Action::NextView { 1 } else { n - 1 };
                    let at = tabs.iter().position(|v| *v == self.view).unwrap_or(0);
                    self.view = tabs[(at + step) % n];
                    if self.needs_every_week() && self.first_week_built() > Some(1) {
                        // History and Program read every week: work them out now.
                        self.rebuild();
                    }
                    self.views.program.scroll = 0;
                    if self.view == View::Clinic {
                        return self.open_clinic();
                    }
                    return Vec::new();
                }
                Action::Pain => {
                    self.overlay = Some(Overlay::Pain(PainForm {
                        date: self.ctx.today,
                        field: 0,
                        during: None,
                        morning: None,
                        swelling: false,
                        limp: false,
                        sharp: false,
                    }));
                    return Vec::new();
                }
                _ => {}
            }
        }
        match self.view {
            View::Today => self.update_view(|v| &mut v.today, action),
            View::Week => self.update_view(|v| &mut v.week, action),
            View::Program => self.update_view(|v| &mut v.program, action),
            // The report's path field is the app's file form, shared with Profiles.
            View::History if self.views.history.report.is_some() => self.update_file_field(action),
            View::History => self.update_view(|v| &mut v.history, action),
            View::Library => self.update_view(|v| &mut v.library, action),
            // A prescription's path and its import are the app's file forms.
            View::Profiles if self.views.profiles.file.is_some() => self.update_file_field(action),
            View::Profiles if self.views.profiles.import.is_some() => self.update_import(action),
            View::Profiles => self.update_view(|v| &mut v.profiles, action),
            View::Clinic => self.update_view(|v| &mut v.clinic, action),
            View::Export => self.update_view(|v| &mut v.export, action),
        }
    }

    /// A key on a view behind [`ViewState`]: its state updates a copy (so the app it reads stays
    /// as it was), goes back in place, then the app makes the changes the view asked for.
    fn update_view<V: ViewState>(
        &mut self,
        state: fn(&mut Views) -> &mut V,
        action: Action,
    ) -> Vec<Effect> {
        let mut updated = state(&mut self.views).clone();
        let mut cx = ViewCx {
            app: self,
            asks: Vec::new(),
        };
        let effects = updated.update(&mut cx, action);
        let asks = cx.asks;
        *state(&mut self.views) = updated;
        self.grant(asks);
        effects
    }

    /// Makes the changes a view asked for, in the order asked.
    fn grant(&mut self, asks: Vec<Ask>) {
        for ask in asks {
            match ask {
                Ask::Overlay(overlay) => self.overlay = Some(overlay),
                Ask::Fail(text) => {
                    self.status = Some(Status { text, error: true });
                }
                Ask::Settings => self.open_settings(),
                Ask::Show(view) => self.view = view,
                Ask::Screen(screen) => self.screen = screen,
                Ask::WeekMoved => self.week_moved(),
                Ask::Write(kind) => self.open_write(kind),
                Ask::ImportRuns => self.open_runs_import(),
                Ask::ImportPrescription => self.open_import(),
                Ask::NewProfile(name) => {
                    self.loaded.profile_name = name;
                    self.loaded.profile = None;
                    self.loaded.journal = Default::default();
                    self.loaded.standing = None;
                    self.loaded.memo = Default::default();
                    self.screen = Screen::Picker { selected: 0 };
                }
            }
        }
    }

    /// One of the session's commands on the standing: its records as effects, or its refusal
    /// on the status line.
    pub(super) fn run_command(
        &mut self,
        command: impl FnOnce(
            &crate::session::Standing,
            &crate::catalog::Catalog,
            &crate::profile::Profile,
            &crate::journal::JournalState,
        ) -> Written,
    ) -> Vec<Effect> {
        match self.command_effects(command) {
            Ok(effects) => effects,
            Err(text) => {
                self.fail(text);
                Vec::new()
            }
        }
    }

    /// A session command's records as effects, or what to say when there are none.
    fn command_effects(
        &self,
        command: impl FnOnce(
            &crate::session::Standing,
            &crate::catalog::Catalog,
            &crate::profile::Profile,
            &crate::journal::JournalState,
        ) -> Written,
    ) -> Result<Vec<Effect>, String> {
        let (Some(standing), Some(profile)) = (&self.loaded.standing, &self.loaded.profile) else {
            return Err("no profile is open, so nothing was saved".to_string());
        };
        match command(standing, &self.ctx.catalog, profile, &self.loaded.journal) {
            Ok(written) => Ok(written.records.into_iter().map(Effect::Append).collect()),
            Err(refusal) => Err(refusal.to_string()),
        }
    }

    /// The set-up form again, to change the plan settings.
    fn open_settings(&mut self) {
        if self.loaded.profile.is_some() && self.lock_allows_or_says(PLAN_CHANGE) {
            self.screen = Screen::Setup(self.setup_form(None));
        }
    }
}
