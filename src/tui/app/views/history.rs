//! History: the calendar by month, weekly adherence, the pain trend, and the report.

use crate::tui::action::Action;
use crate::tui::app::views::{ViewCx, ViewState};
use crate::tui::app::{App, Effect, FileField, FileKind};

/// History: how far the calendar is paged back, and the report's path while it is typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HistoryView {
    /// Months paged back (0 = ends with this month).
    pub months_back: u32,
    pub report: Option<FileField>,
}

impl App {
    /// Months from the program's start to today, counting both.
    pub fn months_of_program(&self) -> u32 {
        let Some(start) = self.loaded.profile.as_ref().map(|p| p.settings.start) else {
            return 1;
        };
        let months = (i32::from(self.ctx.today.year()) - i32::from(start.year())) * 12
            + i32::from(self.ctx.today.month())
            - i32::from(start.month());
        months.max(0) as u32 + 1
    }
}

impl ViewState for HistoryView {
    fn typing(&self) -> bool {
        self.report.is_some()
    }

    /// A key on the calendar (the report's path field, when open, is the app's file form).
    fn update(&mut self, cx: &mut ViewCx<'_>, action: Action) -> Vec<Effect> {
        // Left and Right page the calendar through the months, one at a time.
        let months = cx.app().months_of_program();
        match action {
            Action::Left if self.months_back + 1 < months => self.months_back += 1,
            Action::Right => self.months_back = self.months_back.saturating_sub(1),
            Action::Edit => cx.open_settings(),
            Action::Write => cx.open_write(FileKind::Report),
            // Runs from a watch's files; a locked session takes them over ssh instead.
            Action::Import if cx.lock_allows_or_says(crate::clinic::Act::ReadFile) => {
                cx.open_runs_import()
            }
            _ => {}
        }
        Vec::new()
    }
}
