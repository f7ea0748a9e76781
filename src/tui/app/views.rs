//! The tabbed views after set-up: Today, Week, Program, History, Library, Profiles, Export.

use super::PatientEdit;
use super::{App, Effect, Mark, Overlay, PainForm, Screen, TimerState};
use crate::catalog::Work;
use crate::journal::Record;
use crate::plan::PlanItem;
use crate::tui::action::Action;

/// The views, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Today,
    Week,
    Program,
    History,
    Library,
    Profiles,
    Export,
}

impl View {
    /// Every view, in Tab order.
    pub const ALL: [View; 7] = [
        View::Today,
        View::Week,
        View::Program,
        View::History,
        View::Library,
        View::Profiles,
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
    /// 0 (Monday) to 6.
    pub week_day: usize,
    pub week_item: usize,
    pub scroll: u16,
    /// The selected criteria row on the Program view.
    pub program_row: usize,
    /// Months the History heatmap is paged back (0 = ends with this month).
    pub months_back: u32,
    /// Weeks before this one shown on the Week view (0 = this week).
    pub weeks_back: usize,
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
}

impl Cursors {
    /// Whether a text field of `view` has the keys.
    pub fn typing(&self, view: View) -> bool {
        match view {
            View::Library => self.searching,
            View::Profiles => self.new_profile.is_some() || self.patient.is_some(),
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
                    self.cursor.scroll = 0;
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
            View::History => {
                // Left and Right page the heatmap through the months, three at a time.
                let months = self.months_of_program();
                match action {
                    Action::Left if self.cursor.months_back + 3 < months => {
                        self.cursor.months_back += 3;
                    }
                    Action::Right => {
                        self.cursor.months_back = self.cursor.months_back.saturating_sub(3);
                    }
                    Action::Edit => self.open_settings(),
                    _ => {}
                }
                Vec::new()
            }
            View::Library => self.update_library(action),
            View::Profiles => self.update_profiles(action),
            View::Export => self.update_export(action),
        }
    }

    /// The criteria the person can record on the Program view: (journal id, label).
    pub fn criteria_rows(&self) -> Vec<(String, String)> {
        let mut rows = Vec::new();
        if let Some(w) = self.this_week() {
            let phase = w.state.phase as u32 + 1;
            rows.push((
                crate::progress::phase_exit_criteria(phase),
                format!("The exit criteria of phase {phase} are met"),
            ));
        }
        if self.catalog.return_to_run.is_some() {
            rows.push((
                crate::progress::RUN_ENTRY_CRITERIA.to_string(),
                "The return-to-run entry criteria are met".to_string(),
            ));
        }
        rows
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
                    return vec![Effect::Append(Record::Criteria {
                        date: self.today,
                        id: id.clone(),
                        met,
                    })];
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

    /// The week the Week view shows: this one, or `cursor.weeks_back` before it.
    pub fn shown_week(&self) -> Option<&crate::plan::WeekPlan> {
        self.this_week()?;
        let i = self.weeks.len().checked_sub(1 + self.cursor.weeks_back)?;
        self.weeks.get(i)
    }

    fn update_week(&mut self, action: Action) -> Vec<Effect> {
        let Some(week) = self.shown_week().filter(|_| self.plan_allowed()).cloned() else {
            return Vec::new();
        };
        let day = &week.days[self.cursor.week_day.min(6)];
        let n = day.items.len();
        let sel = self.cursor.week_item.min(n.saturating_sub(1));
        let c = &mut self.cursor;
        match action {
            // Past Monday goes to the week before, past Sunday back toward this week.
            Action::Left if c.week_day == 0 && c.weeks_back + 1 < self.weeks.len() => {
                c.weeks_back += 1;
                c.week_day = 6;
                c.week_item = 0;
            }
            Action::Right if c.week_day == 6 && c.weeks_back > 0 => {
                c.weeks_back -= 1;
                c.week_day = 0;
                c.week_item = 0;
            }
            Action::Left => {
                c.week_day = c.week_day.saturating_sub(1);
                c.week_item = 0;
            }
            Action::Right => {
                c.week_day = (c.week_day + 1).min(6);
                c.week_item = 0;
            }
            Action::Up => self.cursor.week_item = sel.saturating_sub(1),
            Action::Down => self.cursor.week_item = (sel + 1).min(n.saturating_sub(1)),
            Action::Edit => self.open_settings(),
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
                });
                Vec::new()
            }
            action => self.open_item(item, action),
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
    fn open_item(&mut self, item: &PlanItem, action: Action) -> Vec<Effect> {
        let id = item.exercise.clone();
        match action {
            Action::Select => {
                self.overlay = Some(Overlay::Detail {
                    exercise: id,
                    scroll: 0,
                });
            }
            Action::Timer => {
                let d = &item.dose;
                let work_s = match d.work {
                    Work::Hold(s) | Work::Seconds(s) => s,
                    Work::Minutes(m) => m * 60,
                    Work::Reps(_) => 0,
                };
                let label = self.name_of(&id);
                let timer = if work_s == 0 {
                    // Reps are counted by the person; the timer runs the rests between sets.
                    TimerState::rest(label, d.rest_s.max(30))
                } else {
                    let sides = if d.per_side { 2 } else { 1 };
                    TimerState::new(label, work_s, d.rest_s, d.sets * sides)
                };
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
