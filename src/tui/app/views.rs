//! The tabbed views after set-up: Today, Week, Program, History, Library, Profiles, Export.

use super::PatientEdit;
use super::{App, Effect, Mark, Overlay, PainForm, Screen, TimerState};
use crate::plan::PlanItem;
use crate::tui::action::Action;
use jiff::civil::Date;

/// The views, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
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
    /// Every view, in Tab order.
    pub const ALL: [View; 8] = [
        View::Today,
        View::Week,
        View::Program,
        View::History,
        View::Library,
        View::Profiles,
        View::Clinic,
        View::Export,
    ];

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

    fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// Where each view's cursor is, kept while switching views.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cursors {
    pub today: usize,
    pub week: WeekCursor,
    pub scroll: u16,
    /// The selected criteria row on the Program view.
    pub program_row: usize,
    /// Months the History heatmap is paged back (0 = ends with this month).
    pub months_back: u32,
    pub library: usize,
    pub query: String,
    pub searching: bool,
    pub profiles: usize,
    /// A new profile's name being typed.
    pub new_profile: Option<String>,
    pub patient: Option<PatientEdit>,
    pub export_format: usize,
    /// Which weeks to print.
    pub export_weeks: super::ExportWeeks,
    /// The one-page sheet instead of the full handout.
    pub export_sheet: bool,
    pub export_path: String,
    pub editing_path: bool,
    /// Where the last export went.
    pub exported: Option<String>,
    /// The selected row of the Clinic view.
    pub clinic: usize,
    /// A file path being typed (Profiles: a prescription to write or import; History: the
    /// report).
    pub file: Option<super::FileField>,
    /// A prescription file read and checked, waiting for Enter (Profiles).
    pub import: Option<super::ImportPreview>,
}

/// Where the Week view is: which programme week, which day, which item of that day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekCursor {
    /// The programme week shown (1-based): past, this one or coming.
    pub week: u32,
    /// 0 (Monday) to 6.
    pub day: usize,
    pub item: usize,
}

impl Default for WeekCursor {
    fn default() -> Self {
        WeekCursor {
            week: 1,
            day: 0,
            item: 0,
        }
    }
}

impl Cursors {
    /// Whether a text field of `view` has the keys.
    pub fn typing(&self, view: View) -> bool {
        match view {
            View::Library => self.searching,
            View::Profiles => {
                self.new_profile.is_some()
                    || self.patient.is_some()
                    || self.file.is_some()
                    || self.import.is_some()
            }
            View::History => self.file.is_some(),
            View::Export => self.editing_path,
            _ => false,
        }
    }
}

impl App {
    pub(super) fn update_main(&mut self, action: Action) -> Vec<Effect> {
        if !self.cursor.typing(self.view) {
            match action {
                Action::NextView | Action::PrevView => {
                    let n = View::ALL.len();
                    let step = if action == Action::NextView { 1 } else { n - 1 };
                    self.view = View::ALL[(self.view.index() + step) % n];
                    if self.locked && self.view == View::Clinic {
                        self.view = View::ALL[(self.view.index() + step) % n];
                    }
                    self.cursor.scroll = 0;
                    if self.view == View::Clinic {
                        return self.open_clinic();
                    }
                    return Vec::new();
                }
                Action::Pain => {
                    self.overlay = Some(Overlay::Pain(PainForm {
                        date: self.today,
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
            View::Today => self.update_today(action),
            View::Week => self.update_week(action),
            View::Program => self.update_program(action),
            View::History if self.cursor.file.is_some() => self.update_file_field(action),
            View::History => {
                // Left and Right page the calendar through the months, one at a time.
                let months = self.months_of_program();
                match action {
                    Action::Left if self.cursor.months_back + 1 < months => {
                        self.cursor.months_back += 1;
                    }
                    Action::Right => {
                        self.cursor.months_back = self.cursor.months_back.saturating_sub(1);
                    }
                    Action::Edit => self.open_settings(),
                    Action::Write => self.open_write(super::FileKind::Report),
                    _ => {}
                }
                Vec::new()
            }
            View::Library => self.update_library(action),
            View::Profiles => self.update_profiles(action),
            View::Clinic => self.update_clinic(action),
            View::Export => self.update_export(action),
        }
    }

    /// The criteria the person can record on the Program view: (journal id, label), as the
    /// session lists them for the command line too.
    pub fn criteria_rows(&self) -> Vec<(String, String)> {
        self.standing
            .as_ref()
            .map(|s| s.criteria_rows(&self.catalog, &self.journal))
            .unwrap_or_default()
            .into_iter()
            .map(|r| (r.id, r.label))
            .collect()
    }

    /// Whether the journal's latest record for a criteria id says met.
    pub fn criteria_met(&self, id: &str) -> bool {
        self.journal.criteria_met.contains_key(id)
    }

    fn update_program(&mut self, action: Action) -> Vec<Effect> {
        let rows = self.criteria_rows();
        let c = &mut self.cursor;
        match action {
            // Past the last row Down scrolls the page, so a long program can be read whole.
            Action::Down if c.program_row + 1 >= rows.len() => {
                c.scroll = c.scroll.saturating_add(1).min(200);
            }
            Action::Down => c.program_row += 1,
            Action::Up if c.scroll > 0 => c.scroll -= 1,
            Action::Up => c.program_row = c.program_row.saturating_sub(1),
            Action::Edit => self.open_settings(),
            Action::Tick | Action::Select => {
                if let Some((id, _)) = rows.get(c.program_row) {
                    let met = !self.criteria_met(id);
                    let id = id.clone();
                    return self.run_command(|s, c, _, j| s.record_criteria(c, j, &id, met));
                }
            }
            _ => {}
        }
        Vec::new()
    }

    /// Today's items (empty on a rest day, before the start, or while the plan is held).
    pub fn today_items(&self) -> Vec<PlanItem> {
        if !self.plan_allowed() {
            return Vec::new();
        }
        self.this_week()
            .and_then(|w| w.day(self.today))
            .map(|d| d.items.clone())
            .unwrap_or_default()
    }

    fn update_today(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Select && self.profile.is_some() && !self.plan_allowed() {
            // The way back to a plan: answer again, for example after a clinician's assessment.
            self.screen = self.red_flags_again();
            return Vec::new();
        }
        let items = self.today_items();
        let n = items.len();
        let sel = self.cursor.today.min(n.saturating_sub(1));
        match action {
            Action::Up => self.cursor.today = sel.saturating_sub(1),
            Action::Down => self.cursor.today = (sel + 1).min(n.saturating_sub(1)),
            Action::Edit => self.open_settings(),
            _ => {
                if let Some(item) = items.get(sel) {
                    return self.item_action(self.today, item, action);
                }
            }
        }
        Vec::new()
    }

    /// Months from the program's start to today, counting both.
    pub fn months_of_program(&self) -> u32 {
        let Some(start) = self.profile.as_ref().map(|p| p.settings.start) else {
            return 1;
        };
        let months = (i32::from(self.today.year()) - i32::from(start.year())) * 12
            + i32::from(self.today.month())
            - i32::from(start.month());
        months.max(0) as u32 + 1
    }

    /// The week the Week view shows (past, this one or coming), when it is built.
    pub fn shown_week(&self) -> Option<&crate::plan::WeekPlan> {
        let n = self.cursor.week.week as usize;
        self.plans().get(n.checked_sub(1)?)
    }

    /// The last week the Week view goes to: the programme's end, or this week when later.
    pub fn last_week(&self) -> u32 {
        self.programme_weeks().max(self.current_week())
    }

    fn update_week(&mut self, action: Action) -> Vec<Effect> {
        let last = self.last_week();
        let shown = self.cursor.week.week;
        let c = &mut self.cursor.week;
        let go_to = |c: &mut WeekCursor, week: u32, day: usize| {
            c.week = week.clamp(1, last);
            c.day = day;
            c.item = 0;
        };
        match action {
            // Past Monday goes to the week before, past Sunday to the week after.
            Action::Left if c.day == 0 && c.week > 1 => go_to(c, c.week - 1, 6),
            Action::Right if c.day == 6 && c.week < last => go_to(c, c.week + 1, 0),
            Action::Left => go_to(c, c.week, c.day.saturating_sub(1)),
            Action::Right => go_to(c, c.week, (c.day + 1).min(6)),
            Action::PrevWeek => go_to(c, c.week.saturating_sub(1), c.day),
            Action::NextWeek => go_to(c, c.week + 1, c.day),
            Action::ThisWeek => {
                let (week, day) = (self.current_week(), crate::plan::Day::of(self.today));
                go_to(&mut self.cursor.week, week, day.index());
            }
            Action::Edit => self.open_settings(),
            _ => {}
        }
        if self.cursor.week.week != shown {
            if self.cursor.week.week as usize > self.plans().len() {
                // A coming week: the standing is built on to it.
                self.rebuild();
            }
            return Vec::new();
        }
        let Some(week) = self.shown_week().filter(|_| self.plan_allowed()).cloned() else {
            return Vec::new();
        };
        let day = &week.days[self.cursor.week.day.min(6)];
        let n = day.items.len();
        let sel = self.cursor.week.item.min(n.saturating_sub(1));
        match action {
            Action::Up => self.cursor.week.item = sel.saturating_sub(1),
            Action::Down => self.cursor.week.item = (sel + 1).min(n.saturating_sub(1)),
            Action::Left | Action::Right | Action::Edit => {}
            _ => {
                if let Some(item) = day.items.get(sel) {
                    return self.item_action(day.date, item, action);
                }
            }
        }
        Vec::new()
    }

    /// Tick, partial sets, skip, detail or timer on one item of one day.
    fn item_action(
        &mut self,
        date: jiff::civil::Date,
        item: &PlanItem,
        action: Action,
    ) -> Vec<Effect> {
        let id = item.exercise.clone();
        let full = item.dose.sets;
        match action {
            Action::Tick if self.mark(date, &id).is_some() => {
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
                if let Some(Mark::Skipped(_)) = self.mark(date, &id) {
                    return self.run_command(|s, c, _, j| s.untick(c, j, date, &id));
                }
                if date > self.today {
                    // Said before the reasons are asked, not after.
                    self.fail("that day has not come yet; only today and past days can be skipped");
                    return Vec::new();
                }
                self.overlay = Some(Overlay::Skip {
                    date,
                    item: id,
                    selected: 0,
                    other: None,
                });
                Vec::new()
            }
            action => self.open_item(date, item, action),
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
        ) -> Result<crate::session::Written, crate::session::Refusal>,
    ) -> Vec<Effect> {
        let (Some(standing), Some(profile)) = (&self.standing, &self.profile) else {
            self.fail("no profile is open, so nothing was saved");
            return Vec::new();
        };
        match command(standing, &self.catalog, profile, &self.journal) {
            Ok(written) => written.records.into_iter().map(Effect::Append).collect(),
            Err(refusal) => {
                self.fail(refusal.to_string());
                Vec::new()
            }
        }
    }

    /// Detail or timer for one item.
    fn open_item(&mut self, date: Date, item: &PlanItem, action: Action) -> Vec<Effect> {
        let id = item.exercise.clone();
        match action {
            Action::Select => {
                self.overlay = Some(Overlay::Detail {
                    exercise: id,
                    scroll: 0,
                });
            }
            Action::Timer => {
                let timer = TimerState::new(self.name_of(&id), date, id, &item.dose);
                self.overlay = Some(Overlay::Timer(timer));
            }
            _ => {}
        }
        Vec::new()
    }

    /// The set-up form again, to change the plan settings.
    fn open_settings(&mut self) {
        if self.profile.is_some() {
            self.draft_condition = None;
            self.screen = Screen::Setup(self.setup_form());
        }
    }
}
