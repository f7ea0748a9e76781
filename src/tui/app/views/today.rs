//! Today: the day's items, ticked, skipped, timed or opened from here; and, when a phase's
//! time is up, its exit checks asked one at a time above them.

use crate::plan::PlanItem;
use crate::session::ExitPrompt;
use crate::tui::action::Action;
use crate::tui::app::views::{ViewCx, ViewState};
use crate::tui::app::{App, Effect, Overlay};

/// Today: the selected item, or the selected exit check while the prompt has the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TodayView {
    pub selected: usize,
    /// The exit check under the cursor.
    pub check: usize,
    /// The cursor is on the items, not on the exit checks. Off at first, so a prompt that shows
    /// is the first thing the cursor is on.
    pub on_items: bool,
}

impl App {
    /// Today's items (empty on a rest day, before the start, or while the plan is held).
    pub fn today_items(&self) -> Vec<PlanItem> {
        if !self.plan_allowed() {
            return Vec::new();
        }
        self.this_week()
            .and_then(|w| w.day(self.ctx.today))
            .map(|d| d.items.clone())
            .unwrap_or_default()
    }

    /// The exit checks Today asks about now, as the session says (none most weeks).
    pub fn exit_prompt(&self) -> Option<ExitPrompt> {
        self.loaded
            .standing
            .as_ref()?
            .exit_prompt(&self.ctx.catalog, &self.loaded.journal)
    }

    /// Whether the cursor is on the exit prompt's checks (it shows, and the cursor is not on
    /// the items).
    pub fn on_exit_prompt(&self) -> bool {
        !self.views.today.on_items && self.exit_prompt().is_some()
    }
}

impl ViewState for TodayView {
    /// No text field: every key is a command.
    fn typing(&self) -> bool {
        false
    }

    fn update(&mut self, cx: &mut ViewCx<'_>, action: Action) -> Vec<Effect> {
        let app = cx.app();
        if action == Action::Select && app.loaded.profile.is_some() && !app.plan_allowed() {
            // The way back to a plan: answer again, for example after a clinician's assessment.
            cx.go_to(app.red_flags_again());
            return Vec::new();
        }
        let items = app.today_items();
        let n = items.len();
        if let Some(prompt) = app.exit_prompt() {
            if !self.on_items {
                return self.update_exit_prompt(cx, &prompt, n, action);
            }
            // Up from the first item goes back to the last check.
            if action == Action::Up && self.selected == 0 {
                self.on_items = false;
                self.check = prompt.rows.len().saturating_sub(1);
                return Vec::new();
            }
        }
        let sel = self.selected.min(n.saturating_sub(1));
        match action {
            Action::Up => self.selected = sel.saturating_sub(1),
            Action::Down => self.selected = (sel + 1).min(n.saturating_sub(1)),
            Action::Edit => cx.open_settings(),
            _ => {
                if let Some(item) = items.get(sel) {
                    return cx.item_action(app.ctx.today, item, action);
                }
            }
        }
        Vec::new()
    }
}

impl TodayView {
    /// A key while the cursor is on the exit checks: moving records nothing, Space ticks or
    /// unticks the one under the cursor, Enter opens its words in full.
    fn update_exit_prompt(
        &mut self,
        cx: &mut ViewCx<'_>,
        prompt: &ExitPrompt,
        items: usize,
        action: Action,
    ) -> Vec<Effect> {
        let v = self;
        let last = prompt.rows.len().saturating_sub(1);
        v.check = v.check.min(last);
        match action {
            Action::Up => v.check = v.check.saturating_sub(1),
            // Down past the last check goes on to the day's items.
            Action::Down if v.check == last && items > 0 => {
                v.on_items = true;
                v.selected = 0;
            }
            Action::Down => v.check = (v.check + 1).min(last),
            Action::Tick => {
                if let Some(row) = prompt.rows.get(v.check) {
                    let (id, met) = (row.id.clone(), !row.met);
                    return cx.run_command(|s, c, _, j| s.record_criteria(c, j, &id, met));
                }
            }
            Action::Select => {
                if let Some(row) = prompt.rows.get(v.check) {
                    cx.open(Overlay::Text {
                        title: row.title.clone(),
                        lines: row.detail.clone(),
                    });
                }
            }
            Action::Edit => cx.open_settings(),
            _ => {}
        }
        Vec::new()
    }
}
