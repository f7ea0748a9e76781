//! Clinic: the clinician's overview of every profile in the data folder.

use crate::handover::ClinicRow;
use crate::tui::action::Action;
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

    pub(in crate::tui::app) fn clinic_read(&mut self, rows: Vec<ClinicRow>) {
        self.views.clinic.selected = self.views.clinic.selected.min(rows.len().saturating_sub(1));
        self.views.clinic.rows = Some(rows);
    }

    /// A key in the Clinic view: move, or open the profile of the row (its Today).
    pub(in crate::tui::app) fn update_clinic(&mut self, action: Action) -> Vec<Effect> {
        let n = self.views.clinic.rows.as_ref().map_or(0, Vec::len);
        let c = &mut self.views.clinic;
        match action {
            Action::Up => c.selected = c.selected.saturating_sub(1),
            Action::Down => c.selected = (c.selected + 1).min(n.saturating_sub(1)),
            Action::Select => {
                let Some(row) = self
                    .views
                    .clinic
                    .rows
                    .as_ref()
                    .and_then(|r| r.get(self.views.clinic.selected))
                else {
                    return Vec::new();
                };
                if self
                    .loaded
                    .profile
                    .as_ref()
                    .is_some_and(|p| p.name == row.name)
                {
                    self.view = View::Today;
                    return Vec::new();
                }
                return vec![Effect::SwitchProfile(row.name.clone())];
            }
            _ => {}
        }
        Vec::new()
    }
}
