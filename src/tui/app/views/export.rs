//! Export: a printable plan of the chosen weeks, in the chosen format.

use crate::export::Format;
use crate::tui::action::Action;
use crate::tui::app::views::{ViewCx, ViewState};
use crate::tui::app::{App, Effect};

/// Export: what to print, where, and where the last one went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportView {
    pub format: usize,
    pub weeks: ExportWeeks,
    /// The one-page sheet instead of the full handout.
    pub sheet: bool,
    /// The path as typed; empty means [`App::default_export_path`].
    pub path: crate::tui::field::TextField,
    pub editing_path: bool,
    pub exported: Option<String>,
}

/// N of "the next N weeks" until a digit changes it.
const DEFAULT_NEXT_WEEKS: u32 = 4;

/// Which weeks the Export view prints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ExportWeeks {
    /// The current week (week 1 before the start).
    #[default]
    ThisWeek,
    /// This many weeks from the current one (from week 1 before the start).
    Next(u32),
    /// Week 1 to the current one: a record of the programme so far.
    SoFar,
    /// Every week of the programme, by its phases' typical lengths.
    Programme,
}

impl ExportWeeks {
    /// The weeks printed when the current week is `current` and the programme lasts `total`.
    pub fn range(self, current: u32, total: u32) -> std::ops::RangeInclusive<u32> {
        const MAX: u32 = crate::plan::MAX_PRINTED_WEEKS;
        let current = current.clamp(1, MAX);
        match self {
            ExportWeeks::ThisWeek => current..=current,
            ExportWeeks::Next(n) => current..=(current + n.max(1) - 1).min(MAX),
            ExportWeeks::SoFar => 1..=current,
            ExportWeeks::Programme => 1..=total.max(current).min(MAX),
        }
    }

    /// The next choice down the list (Up goes the other way).
    pub fn step(self, down: bool, n: u32) -> ExportWeeks {
        let all = [
            ExportWeeks::ThisWeek,
            ExportWeeks::Next(n),
            ExportWeeks::SoFar,
            ExportWeeks::Programme,
        ];
        let at = all
            .iter()
            .position(|w| std::mem::discriminant(w) == std::mem::discriminant(&self))
            .unwrap_or(0);
        let next = if down {
            (at + 1) % all.len()
        } else {
            (at + all.len() - 1) % all.len()
        };
        all[next]
    }
}

impl App {
    /// The length of the programme for the open profile, by its phases' typical weeks.
    pub fn programme_weeks(&self) -> u32 {
        self.loaded
            .profile
            .as_ref()
            .and_then(|p| self.ctx.catalog.condition(&p.condition))
            .map_or(1, |c| c.phases.iter().map(|p| p.weeks).sum())
    }

    /// The effect that prints `weeks` (counted from the current week) to `path`; it carries
    /// everything the printing needs besides the open profile.
    pub fn export_effect(
        &self,
        format: Format,
        path: String,
        weeks: ExportWeeks,
        sheet: bool,
    ) -> Effect {
        Effect::Export {
            format,
            path,
            weeks: weeks.range(self.current_week(), self.programme_weeks()),
            sheet,
            today: self.ctx.today,
            ascii: self.ctx.theme.ascii,
            fix: format!(
                "{} edits the path",
                self.ctx.keymap.key_for(&Action::Edit, self.ctx.theme.ascii)
            ),
        }
    }

    /// `rehab-plan-<profile>-<date>.<ext>` in the current folder.
    pub fn default_export_path(&self) -> String {
        self.views.export.default_path(self)
    }
}

impl ExportView {
    /// `rehab-plan-<profile>-<date>.<ext>` in the current folder, for the chosen format.
    fn default_path(&self, app: &App) -> String {
        let ext = Format::ALL[self.format.min(Format::ALL.len() - 1)].extension();
        format!(
            "rehab-plan-{}-{}.{ext}",
            app.loaded.profile_name, app.ctx.today
        )
    }
}

impl ViewState for ExportView {
    fn typing(&self) -> bool {
        self.editing_path
    }

    fn update(&mut self, cx: &mut ViewCx<'_>, action: Action) -> Vec<Effect> {
        let c = self;
        if c.editing_path {
            if let Action::Select | Action::Back = action {
                c.editing_path = false;
            } else {
                c.path.edit(&action);
            }
            return Vec::new();
        }
        match action {
            Action::Left => c.format = c.format.saturating_sub(1),
            Action::Right => c.format = (c.format + 1).min(Format::ALL.len() - 1),
            Action::Edit => {
                // The path shown, selected: typing replaces it, an arrow keeps it to change.
                let shown = if c.path.is_empty() {
                    c.default_path(cx.app())
                } else {
                    c.path.text().to_string()
                };
                c.path = crate::tui::field::TextField::prefilled(&shown);
                c.editing_path = true;
            }
            Action::Up | Action::Down => {
                let n = match c.weeks {
                    ExportWeeks::Next(n) => n,
                    _ => DEFAULT_NEXT_WEEKS,
                };
                c.weeks = c.weeks.step(action == Action::Down, n);
            }
            // A digit sets N of "the next N weeks" (0 means 10).
            Action::Sets(n) if matches!(c.weeks, ExportWeeks::Next(_)) => {
                c.weeks = ExportWeeks::Next(if n == 0 { 10 } else { n });
            }
            Action::Tick => c.sheet = !c.sheet,
            Action::Select => {
                let format = Format::ALL[c.format.min(Format::ALL.len() - 1)];
                let path = if c.path.text().trim().is_empty() {
                    c.default_path(cx.app())
                } else {
                    c.path.text().to_string()
                };
                return vec![cx.app().export_effect(format, path, c.weeks, c.sheet)];
            }
            _ => {}
        }
        Vec::new()
    }
}
