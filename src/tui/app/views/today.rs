//! Today: the day's items, ticked, skipped, timed or opened from here.

use crate::plan::PlanItem;
use crate::tui::action::Action;
use crate::tui::app::{App, Effect};

/// Today: the selected item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TodayView {
    pub selected: usize,
}

impl App {
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

    pub(in crate::tui::app) fn update_today(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Select && self.profile.is_some() && !self.plan_allowed() {
            // The way back to a plan: answer again, for example after a clinician's assessment.
            self.screen = self.red_flags_again();
            return Vec::new();
        }
        let items = self.today_items();
        let n = items.len();
        let sel = self.views.today.selected.min(n.saturating_sub(1));
        match action {
            Action::Up => self.views.today.selected = sel.saturating_sub(1),
            Action::Down => self.views.today.selected = (sel + 1).min(n.saturating_sub(1)),
            Action::Edit => self.open_settings(),
            _ => {
                if let Some(item) = items.get(sel) {
                    return self.item_action(self.today, item, action);
                }
            }
        }
        Vec::new()
    }
}
