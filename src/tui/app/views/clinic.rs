//! Clinic: the clinician's overview of every profile in the data folder.

use crate::handover::ClinicRow;
use crate::tui::action::Action;
use crate::tui::app::views::{ViewCx, ViewState};
use crate::tui::app::{App, Effect, View};

/// Clinic: every profile's row (read each time the view opens) and the selected one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClinicView {
    pub rows: Option<Vec<crate::handover::ClinicRow>>,
    pub selected: usize,
}

impl App {
    /// The Clinic view opened: its rows are read afresh.
    pub(in crate::tui::app) fn open_clinic(&mut self) -> Vec<Effect> {
        vec![Effect::ReadClinic {
            today: self.ctx.today,
        }]
    }
}

impl ClinicView {
    /// The rows the disk read, the cursor kept on one of them.
    pub(in crate::tui::app) fn read(&mut self, rows: Vec<ClinicRow>) {
        self.selected = self.selected.min(rows.len().saturating_sub(1));
        self.rows = Some(rows);
    }
}

impl ViewState for ClinicView {
    /// No text field: every key is a command.
    fn typing(&self) -> bool {
        false
    }

    /// A key in the Clinic view: move, or open the profile of the row (its Today).
    fn update(&mut self, cx: &mut ViewCx<'_>, action: Action) -> Vec<Effect> {
        let n = self.rows.as_ref().map_or(0, Vec::len);
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::Select => {
                let Some(row) = self.rows.as_ref().and_then(|r| r.get(self.selected)) else {
                    return Vec::new();
                };
                let open = cx.app().loaded.profile.as_ref();
                if open.is_some_and(|p| p.name == row.name) {
                    cx.show(View::Today);
                    return Vec::new();
                }
                return vec![Effect::SwitchProfile(row.name.clone())];
            }
            _ => {}
        }
        Vec::new()
    }
}
