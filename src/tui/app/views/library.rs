//! Library: every exercise, searchable.

use crate::tui::action::Action;
use crate::tui::app::{App, Effect, Overlay};

/// Library: the search and the selected row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LibraryView {
    pub selected: usize,
    pub query: crate::tui::field::TextField,
    pub searching: bool,
}

impl App {
    /// Library rows matching the search (name, id, kind or condition), by name.
    pub fn library_rows(&self) -> Vec<&crate::catalog::Exercise> {
        let q = self.views.library.query.text().to_lowercase();
        // Exercises of the conditions whose id or name matches, worked out once.
        let by_condition: std::collections::HashSet<&str> = self
            .ctx
            .catalog
            .conditions
            .iter()
            .filter(|c| !q.is_empty() && (c.id.contains(&q) || c.name.to_lowercase().contains(&q)))
            .flat_map(|c| self.ctx.catalog.exercises_for(c))
            .map(|e| e.id.as_str())
            .collect();
        // 0: the name or id matches, 1: the kind, 2: a matching condition uses it.
        let rank = |e: &crate::catalog::Exercise| -> Option<u8> {
            if q.is_empty() || e.name.to_lowercase().contains(&q) || e.id.contains(&q) {
                Some(0)
            } else if e.kind.label().contains(&q) {
                Some(1)
            } else if by_condition.contains(e.id.as_str()) {
                Some(2)
            } else {
                None
            }
        };
        let mut rows: Vec<(u8, &crate::catalog::Exercise)> = self
            .ctx
            .catalog
            .exercises
            .iter()
            .filter_map(|e| rank(e).map(|r| (r, e)))
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        rows.into_iter().map(|(_, e)| e).collect()
    }

    pub(in crate::tui::app) fn update_library(&mut self, action: Action) -> Vec<Effect> {
        let n = self.library_rows().len();
        let c = &mut self.views.library;
        if c.searching {
            match c.query.edit(&action) {
                crate::tui::field::Edit::Other => {}
                crate::tui::field::Edit::Changed => {
                    // Another search: the list starts again at its best match.
                    c.selected = 0;
                    return Vec::new();
                }
                _ => return Vec::new(),
            }
        }
        match action {
            Action::Select if c.searching => c.searching = false,
            Action::Back if c.searching => {
                c.searching = false;
                c.query.clear();
            }
            Action::Search => c.searching = true,
            Action::Back => c.query.clear(),
            Action::Up => c.selected = c.selected.saturating_sub(1),
            Action::Down => c.selected = (c.selected + 1).min(n.saturating_sub(1)),
            Action::Select => {
                let id = self
                    .library_rows()
                    .get(self.views.library.selected)
                    .map(|e| e.id.to_string());
                if let Some(exercise) = id {
                    self.overlay = Some(Overlay::Detail {
                        exercise,
                        scroll: 0,
                        dose: None,
                    });
                }
            }
            _ => {}
        }
        Vec::new()
    }
}
