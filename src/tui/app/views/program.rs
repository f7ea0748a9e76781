//! Program: the phase, its criteria to record, and each week's decision.

use crate::session::CriteriaRow;
use crate::tui::action::Action;
use crate::tui::app::views::{ViewCx, ViewState};
use crate::tui::app::{App, Effect, Overlay};

/// Program: the selected criteria row, and how far the page is scrolled past the last one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgramView {
    pub row: usize,
    /// Lines scrolled by Down past the last row, beyond what shows the selected row.
    pub scroll: u16,
    /// The most `scroll` the last frame could show with the selected row still on screen
    /// (`None` before a frame): Down stops there, so Up never has presses to undo first.
    pub most: std::cell::Cell<Option<u16>>,
}

impl App {
    /// The criteria the person can record on the Program view: (journal id, label), as the
    /// session lists them for the command line too.
    pub fn criteria_rows(&self) -> Vec<(String, String)> {
        self.criteria()
            .into_iter()
            .map(|r| (r.id, r.label))
            .collect()
    }

    /// The criteria rows in full: met or not, and the words each opens to.
    pub fn criteria(&self) -> Vec<CriteriaRow> {
        self.loaded
            .standing
            .as_ref()
            .map(|s| s.criteria_rows(&self.ctx.catalog, &self.loaded.journal))
            .unwrap_or_default()
    }

    /// Whether the journal's latest record for a criteria id says met.
    pub fn criteria_met(&self, id: &str) -> bool {
        self.loaded.journal.criteria_met.contains_key(id)
    }
}

impl ViewState for ProgramView {
    /// No text field: every key is a command.
    fn typing(&self) -> bool {
        false
    }

    fn update(&mut self, cx: &mut ViewCx<'_>, action: Action) -> Vec<Effect> {
        let rows = cx.app().criteria();
        let c = self;
        match action {
            // Past the last row Down scrolls the page, so the rest of the program can be read,
            // as far as the selected row stays on screen.
            Action::Down if c.row + 1 >= rows.len() => {
                c.scroll = c.scroll.saturating_add(1).min(c.most.get().unwrap_or(200));
            }
            // No rows to move: Up scrolls back.
            Action::Up if rows.is_empty() => c.scroll = c.scroll.saturating_sub(1),
            // The cursor and the page stay together: moving the cursor brings the page back
            // to the rows, so the highlighted row is the one on screen and the one acted on.
            Action::Down => {
                c.row += 1;
                c.scroll = 0;
            }
            Action::Up => {
                c.row = c.row.min(rows.len().saturating_sub(1)).saturating_sub(1);
                c.scroll = 0;
            }
            Action::Edit => cx.open_settings(),
            // Space alone records: Enter only opens the row's words, so a key pressed to read
            // never ticks a criterion.
            Action::Tick => {
                c.scroll = 0;
                if let Some(row) = rows.get(c.row) {
                    let (id, met) = (row.id.clone(), !row.met);
                    return cx.run_command(|s, c, _, j| s.record_criteria(c, j, &id, met));
                }
            }
            Action::Select => {
                if let Some(row) = rows.get(c.row) {
                    cx.open(Overlay::Text {
                        title: row.title.clone(),
                        lines: row.detail.clone(),
                    });
                }
            }
            _ => {}
        }
        Vec::new()
    }
}
