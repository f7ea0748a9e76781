//! ratatui's list, table and scrollbar in the app's look: the pointer and reversed row for the
//! selection, a scrollbar only when the rows do not fit, plain characters in ASCII mode. Each
//! render starts from a fresh state, so the selection alone decides what is scrolled into view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    HighlightSpacing, List, ListState, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, Table,
    TableState,
};

use crate::tui::app::App;

/// One line per item with the selected one pointed at; scrolls to keep it in view.
pub fn list(frame: &mut Frame, area: Rect, app: &App, items: Vec<Line<'static>>, selected: usize) {
    let total = items.len();
    let (rows_area, bar_area) = split_for_bar(area, total);
    let widget = List::new(items)
        .highlight_symbol(pointer(app))
        .highlight_style(app.theme.selected())
        .highlight_spacing(HighlightSpacing::Always);
    let mut state = ListState::default().with_selected(Some(selected.min(total.saturating_sub(1))));
    frame.render_stateful_widget(widget, rows_area, &mut state);
    scrollbar(frame, bar_area, app, total, state.offset());
}

/// A table with a dim header row and the selected row pointed at; scrolls to keep it in view.
pub fn table(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    header: Option<Row<'static>>,
    rows: Vec<Row<'static>>,
    widths: &[Constraint],
    selected: usize,
) {
    let total = rows.len();
    let header_h = u16::from(header.is_some());
    let (table_area, bar_area) = split_for_bar(area, total + usize::from(header_h));
    let mut widget = Table::new(rows, widths.iter().copied())
        .column_spacing(1)
        .highlight_symbol(pointer(app))
        .row_highlight_style(app.theme.selected())
        .highlight_spacing(HighlightSpacing::Always);
    if let Some(header) = header {
        widget = widget.header(header.style(app.theme.dim()));
    }
    let mut state =
        TableState::default().with_selected(Some(selected.min(total.saturating_sub(1))));
    frame.render_stateful_widget(widget, table_area, &mut state);
    let body = bar_area.map(|a| Rect {
        y: a.y + header_h,
        height: a.height.saturating_sub(header_h),
        ..a
    });
    scrollbar(frame, body, app, total, state.offset());
}

/// A vertical scrollbar on the right border of the bordered `area`, for text scrolled by
/// `offset` of `total` lines, when they do not all fit inside the border.
pub fn scrollbar_on_border(frame: &mut Frame, area: Rect, app: &App, total: usize, offset: usize) {
    let inside = area.inner(Margin::new(1, 1));
    if total > usize::from(inside.height) && area.width > 0 {
        let bar = Rect {
            x: area.right() - 1,
            width: 1,
            ..inside
        };
        scrollbar(frame, Some(bar), app, total, offset);
    }
}

/// A vertical scrollbar in the one-column `bar` for text scrolled by `offset` of `total`
/// lines, when they do not all fit in the bar's height.
pub fn scrollbar_at(frame: &mut Frame, bar: Rect, app: &App, total: usize, offset: usize) {
    if total > usize::from(bar.height) {
        scrollbar(frame, Some(bar), app, total, offset);
    }
}

/// The list's own area and, when `total` rows overflow it, one column at the right for the
/// scrollbar.
fn split_for_bar(area: Rect, total: usize) -> (Rect, Option<Rect>) {
    if total <= usize::from(area.height) || area.width < 2 {
        return (area, None);
    }
    let rows = Rect {
        width: area.width - 1,
        ..area
    };
    let bar = Rect {
        x: area.right() - 1,
        width: 1,
        ..area
    };
    (rows, Some(bar))
}

fn scrollbar(frame: &mut Frame, area: Option<Rect>, app: &App, total: usize, offset: usize) {
    let Some(area) = area else { return };
    let viewport = usize::from(area.height);
    // The thumb's position is the first line shown, counted so the last page ends the track.
    let mut state = ScrollbarState::new(total.saturating_sub(viewport))
        .viewport_content_length(viewport)
        .position(offset);
    let mut bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None);
    bar = if app.theme.ascii {
        bar.track_symbol(Some("|")).thumb_symbol("#")
    } else {
        bar.track_symbol(Some("│")).thumb_symbol("█")
    };
    frame.render_stateful_widget(bar, area, &mut state);
}

fn pointer(app: &App) -> String {
    format!("{} ", app.theme.pointer())
}
