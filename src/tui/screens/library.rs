//! Library: every exercise, searchable by name, kind and condition.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::picker::row;
use crate::tui::app::App;
use crate::tui::ui::block;

/// ```text
/// +- Library (42) -----------------------------------+
/// | Search: band_                                     |
/// | > Clamshell            strength   3 x 15 reps     |
/// |   Lateral band walk    strength   ...             |
/// +---------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let rows = app.library_rows();
    let outer = block(app, &format!("Library ({} exercises)", rows.len()));
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [search, list] = inner.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
    ]));
    let cursor = if app.views.library.searching { "_" } else { "" };
    let hint = if app.views.library.searching || !app.views.library.query.is_empty() {
        ""
    } else {
        "  (/ to search by name, kind or condition)"
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("Search: {}{cursor}{hint}", app.views.library.query),
            if app.views.library.searching {
                t.selected()
            } else {
                t.dim()
            },
        )),
        search,
    );
    let sel = app.views.library.selected.min(rows.len().saturating_sub(1));
    let height = list.height as usize;
    let first = sel.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, e)| {
            row(
                app,
                i == sel,
                format!(
                    "{:<30.30} {:<14} {}",
                    e.name,
                    e.kind.label(),
                    e.dose.sets_text()
                ),
            )
        })
        .collect();
    if lines.is_empty() {
        frame.render_widget(Paragraph::new("Nothing matches."), list);
    } else {
        frame.render_widget(Paragraph::new(lines), list);
    }
}
