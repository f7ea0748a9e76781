//! Library: every exercise, searchable by name, kind and condition.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row};

use super::widgets::block;
use crate::tui::app::App;

/// ```text
/// +- Library (42) -----------------------------------+
/// | Search: band_                                     |
/// | > Clamshell            strength   3 x 15 reps     |
/// |   Lateral band walk    strength   ...             |
/// +---------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.context().theme;
    let rows = app.library_rows();
    let n = rows.len();
    let outer = block(
        app,
        &format!(
            "Library ({n} {})",
            if n == 1 { "exercise" } else { "exercises" }
        ),
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [search, list] = inner.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(1),
    ]));
    let query = &app.views().library.query;
    let line = if app.views().library.searching {
        query.line("Search: ", usize::from(search.width), t.ellipsis())
    } else if query.is_empty() {
        Line::styled(
            "Search:   (/ to search by name, kind or condition)",
            t.dim(),
        )
    } else {
        let shown = super::list_detail::cut(
            &crate::text::clean(query.text()),
            usize::from(search.width).saturating_sub(8),
            t.ellipsis(),
        );
        Line::styled(format!("Search: {shown}"), t.dim())
    };
    frame.render_widget(Paragraph::new(line), search);
    if rows.is_empty() {
        frame.render_widget(Paragraph::new("Nothing matches."), list);
        return;
    }
    // The name takes what the pointer, the other columns, their gaps and a scrollbar leave;
    // a long one ends in an ellipsis instead of running into the next column.
    let bar = usize::from(rows.len() > usize::from(list.height));
    // This person's dose where a clinician changed it, as the exercise's page shows.
    let doses: Vec<String> = rows
        .iter()
        .map(|e| match &app.loaded().profile {
            Some(p) => p.dose_for(e).0.sets_text(),
            None => e.dose.sets_text(),
        })
        .collect();
    let dose_width = doses
        .iter()
        .map(|d| super::list_detail::width_of(d))
        .max()
        .unwrap_or(0)
        .min(30);
    let name_width = usize::from(list.width).saturating_sub(2 + 14 + dose_width + 2 + bar);
    let ellipsis = if t.ascii { "..." } else { "…" };
    let table_rows: Vec<Row> = rows
        .iter()
        .zip(doses)
        .map(|(e, dose)| {
            Row::new([
                Cell::from(super::list_detail::cut(&e.name, name_width, ellipsis)),
                Cell::from(e.kind.label()),
                Cell::from(dose),
            ])
        })
        .collect();
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(14),
        Constraint::Length(dose_width as u16),
    ];
    super::widgets::table(
        frame,
        list,
        app,
        None,
        table_rows,
        &widths,
        app.views().library.selected,
    );
}
