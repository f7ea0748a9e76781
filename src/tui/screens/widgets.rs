//! ratatui's list, table and scrollbar in the app's look: the pointer and reversed row for the
//! selection, a scrollbar only when the rows do not fit, plain characters in ASCII mode. Each
//! render starts from a fresh state, so the selection alone decides what is scrolled into view.

use ratatui::Frame;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, HighlightSpacing, List, ListState, Row, Scrollbar, ScrollbarOrientation, ScrollbarState,
    Table, TableState,
};

use crate::tui::app::App;

/// `area` cut into a band `top` rows high, the rest, and a band `bottom` rows high: what
/// `Layout::vertical([Length(top), Fill(1), Length(bottom)])` gives while the middle keeps a
/// row (always, at the app's 80x24 and up); when it would not, the bands give way, the top one
/// first (the bottom holds the keys). Plain arithmetic for the frame's fixed bands: ratatui's constraint solver would cost
/// a tenth of the first frame.
pub fn bands(area: Rect, top: u16, bottom: u16) -> [Rect; 3] {
    let bottom = bottom.min(area.height.saturating_sub(1));
    let top = top.min(area.height.saturating_sub(1 + bottom));
    let middle = area.height.saturating_sub(top + bottom);
    let row = |y, height| Rect { y, height, ..area };
    [
        row(area.y, top),
        row(area.y + top, middle),
        row(area.y + top + middle, bottom),
    ]
}

/// `area` cut into a column `left` wide (or all of it, when narrower) and the rest.
pub fn columns(area: Rect, left: u16) -> [Rect; 2] {
    let left = left.min(area.width);
    [
        Rect {
            width: left,
            ..area
        },
        Rect {
            x: area.x + left,
            width: area.width - left,
            ..area
        },
    ]
}

/// One line per item with the selected one pointed at; scrolls to keep it in view.
pub fn list(frame: &mut Frame, area: Rect, app: &App, items: Vec<Line<'static>>, selected: usize) {
    let total = items.len();
    let (rows_area, bar_area) = split_for_bar(area, total);
    let widget = List::new(items)
        .highlight_symbol(pointer(app))
        .highlight_style(app.context().theme.selected())
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
    let rows = rows.into_iter().map(|r| (r, 1)).collect();
    tall_table(frame, area, app, header, rows, widths, selected);
}

/// As [`table`], with rows of more than one line: each row with its height, so the scrollbar
/// shows when the lines, not the rows, overflow.
pub fn tall_table(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    header: Option<Row<'static>>,
    rows: Vec<(Row<'static>, u16)>,
    widths: &[Constraint],
    selected: usize,
) {
    let total = rows.len();
    let heights: Vec<usize> = rows.iter().map(|(_, h)| usize::from(*h)).collect();
    let lines: usize = heights.iter().sum();
    let rows = rows.into_iter().map(|(r, h)| r.height(h));
    let header_h = u16::from(header.is_some());
    let (table_area, bar_area) = split_for_bar(area, lines + usize::from(header_h));
    let mut widget = Table::new(rows, widths.iter().copied())
        .column_spacing(1)
        .highlight_symbol(pointer(app))
        .row_highlight_style(app.context().theme.selected())
        .highlight_spacing(HighlightSpacing::Always);
    if let Some(header) = header {
        widget = widget.header(header.style(app.context().theme.dim()));
    }
    let mut state =
        TableState::default().with_selected(Some(selected.min(total.saturating_sub(1))));
    frame.render_stateful_widget(widget, table_area, &mut state);
    let body = bar_area.map(|a| Rect {
        y: a.y + header_h,
        height: a.height.saturating_sub(header_h),
        ..a
    });
    // The thumb counts lines: the rows scrolled past, each its height.
    let offset = heights.iter().take(state.offset()).sum();
    scrollbar(frame, body, app, lines, offset);
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
    bar = if app.context().theme.ascii {
        bar.track_symbol(Some("|")).thumb_symbol("#")
    } else {
        bar.track_symbol(Some("│")).thumb_symbol("█")
    };
    frame.render_stateful_widget(bar, area, &mut state);
}

fn pointer(app: &App) -> String {
    format!("{} ", app.context().theme.pointer())
}

/// A bordered block in the theme's border set with a bold title.
pub fn block(app: &App, title: &str) -> Block<'static> {
    Block::bordered()
        .border_set(app.context().theme.border())
        .title(Line::styled(
            format!(" {title} "),
            app.context().theme.title(),
        ))
}

#[cfg(test)]
mod tests {
    use super::{bands, columns};
    use ratatui::layout::{Constraint, Layout, Rect};

    #[test]
    fn bands_and_columns_cut_as_the_layout_solver_does() {
        let area = Rect::new(0, 1, 80, 22);
        for (top, bottom) in [(0, 0), (1, 2), (3, 0), (0, 5), (2, 2)] {
            let solved: [Rect; 3] = area.layout(&Layout::vertical([
                Constraint::Length(top),
                Constraint::Fill(1),
                Constraint::Length(bottom),
            ]));
            assert_eq!(
                bands(area, top, bottom),
                solved,
                "top {top}, bottom {bottom}"
            );
        }
        for left in [0, 30, 80, 120] {
            let solved: [Rect; 2] = area.layout(&Layout::horizontal([
                Constraint::Length(left),
                Constraint::Min(0),
            ]));
            assert_eq!(columns(area, left), solved, "left {left}");
        }
        // Squeezed, the middle keeps its row and the top band gives way first.
        let tiny = Rect::new(0, 0, 10, 3);
        assert_eq!(bands(tiny, 1, 5).map(|r| r.height), [0, 1, 2]);
        assert_eq!(bands(tiny, 5, 1).map(|r| r.height), [1, 1, 1]);
        assert_eq!(
            bands(Rect::new(0, 0, 10, 0), 1, 1).map(|r| r.height),
            [0, 0, 0]
        );
    }
}
