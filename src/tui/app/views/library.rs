//! Library: every exercise, searchable.

use crate::catalog::{Catalog, Exercise};
use crate::tui::action::Action;
use crate::tui::app::views::{ViewCx, ViewState};
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
    pub fn library_rows(&self) -> Vec<&Exercise> {
        self.views.library.rows(&self.ctx.catalog)
    }
}

impl LibraryView {
    /// The exercises of `catalog` matching the search (name, id, kind or condition), by name.
    pub fn rows<'c>(&self, catalog: &'c Catalog) -> Vec<&'c Exercise> {
        let q = self.query.text().to_lowercase();
        // Exercises of the conditions whose id or name matches, worked out once.
        let by_condition: std::collections::HashSet<&str> = catalog
            .conditions
            .iter()
            .filter(|c| !q.is_empty() && (c.id.contains(&q) || c.name.to_lowercase().contains(&q)))
            .flat_map(|c| catalog.exercises_for(c))
            .map(|e| e.id.as_str())
            .collect();
        // 0: the name or id matches, 1: the kind, 2: a matching condition uses it.
        let rank = |e: &Exercise| -> Option<u8> {
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
        let mut rows: Vec<(u8, &Exercise)> = catalog
            .exercises
            .iter()
            .filter_map(|e| rank(e).map(|r| (r, e)))
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
        rows.into_iter().map(|(_, e)| e).collect()
    }
}

impl ViewState for LibraryView {
    fn typing(&self) -> bool {
        self.searching
    }

    fn update(&mut self, cx: &mut ViewCx<'_>, action: Action) -> Vec<Effect> {
        let catalog = &cx.app().ctx.catalog;
        let n = self.rows(catalog).len();
        if self.searching {
            match self.query.edit(&action) {
                crate::tui::field::Edit::Other => {}
                crate::tui::field::Edit::Changed => {
                    // Another search: the list starts again at its best match.
                    self.selected = 0;
                    return Vec::new();
                }
                _ => return Vec::new(),
            }
        }
        match action {
            Action::Select if self.searching => self.searching = false,
            Action::Back if self.searching => {
                self.searching = false;
                self.query.clear();
            }
            Action::Search => self.searching = true,
            Action::Back => self.query.clear(),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Action::Select => {
                let id = self
                    .rows(catalog)
                    .get(self.selected)
                    .map(|e| e.id.to_string());
                if let Some(exercise) = id {
                    cx.open(Overlay::Detail {
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
