//! The layout shared by the choosing screens: an intro, a one-line-per-row list that scrolls to
//! keep the selection in view, then the selected row in full (wrapped), then a footer. Long
//! library text never pushes a row off an 80x24 screen.

pub use crate::tui::field::width_of;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::widgets::block;
use crate::tui::app::App;

/// What one choosing screen shows.
pub struct ListDetail<'a> {
    pub title: &'a str,
    pub intro: Vec<Line<'static>>,
    /// One line each; cut to the width with "..." when long.
    pub rows: Vec<String>,
    pub selected: usize,
    /// The selected row in full.
    pub detail: Vec<Line<'static>>,
    pub footer: Vec<Line<'static>>,
}

/// ```text
/// +- title ----------------------------------------+
/// | intro                                           |
/// | > row one, cut to the width...                  |
/// |   row two                                       |
/// |                                                 |
/// | the selected row in full, wrapped               |
/// | footer                                          |
/// +-------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: ListDetail) {
    let outer = block(app, view.title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let intro_h = wrapped_height(&view.intro, inner.width);
    let footer_h = wrapped_height(&view.footer, inner.width);
    // The list gets what it needs, leaving at least 4 lines for the detail.
    let room = inner.height.saturating_sub(intro_h + footer_h + 1 + 4);
    let list_h = (view.rows.len() as u16).min(room.max(3));
    let [intro, list, _, detail, footer] = inner.layout(&Layout::vertical([
        Constraint::Length(intro_h),
        Constraint::Length(list_h),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(footer_h),
    ]));
    frame.render_widget(Paragraph::new(view.intro).wrap(Wrap { trim: false }), intro);
    // Room for the pointer, and for the scrollbar when the rows overflow.
    let bar = usize::from(view.rows.len() > usize::from(list_h));
    let width = (list.width as usize).saturating_sub(2 + bar);
    let ellipsis = if app.context().theme.ascii {
        "..."
    } else {
        "…"
    };
    let items: Vec<Line> = view
        .rows
        .iter()
        .map(|text| Line::raw(cut(text, width, ellipsis)))
        .collect();
    super::widgets::list(frame, list, app, items, view.selected);
    frame.render_widget(
        Paragraph::new(view.detail).wrap(Wrap { trim: false }),
        detail,
    );
    frame.render_widget(
        Paragraph::new(view.footer).wrap(Wrap { trim: false }),
        footer,
    );
}

/// Lines the text takes when wrapped at `width` (a close estimate by characters).
fn wrapped_height(lines: &[Line], width: u16) -> u16 {
    let w = width.max(1) as usize;
    lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(w) as u16)
        .sum()
}

/// `text` wrapped at `width` columns with every line after the first indented under the
/// text after `lead` (a "⚠ " or "- " stays alone in its column).
pub fn wrap_hanging(lead: &str, text: &str, width: usize) -> Vec<String> {
    let indent = " ".repeat(width_of(lead));
    let options = textwrap::Options::new(width.max(width_of(lead) + 1))
        .initial_indent(lead)
        .subsequent_indent(&indent);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// `text` cut to `width` columns by display width, ending in `ellipsis` when cut.
pub fn cut(text: &str, width: usize, ellipsis: &str) -> String {
    if width_of(text) <= width {
        return text.to_string();
    }
    let keep = width.saturating_sub(width_of(ellipsis));
    let mut out = String::new();
    let mut used = 0;
    let mut buf = [0u8; 4];
    for c in text.chars() {
        let w = width_of(c.encode_utf8(&mut buf));
        if used + w > keep {
            break;
        }
        used += w;
        out.push(c);
    }
    if width >= width_of(ellipsis) {
        out.push_str(ellipsis);
    }
    out
}

/// `text` cut to `width` columns after its last whole word that fits, ending in `ellipsis`
/// when cut, so no word is cut in two; only a first word wider than the column is cut.
pub fn cut_at_word(text: &str, width: usize, ellipsis: &str) -> String {
    if width_of(text) <= width {
        return text.to_string();
    }
    let keep = width.saturating_sub(width_of(ellipsis));
    let mut out = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if width_of(&next) > keep {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        return cut(text, width, ellipsis);
    }
    out + ellipsis
}

/// `text` cut to `width` columns and padded with spaces to exactly `width`.
pub fn fit(text: &str, width: usize, ellipsis: &str) -> String {
    let mut out = cut(text, width, ellipsis);
    let used = width_of(&out);
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutting_at_a_word_keeps_every_word_whole() {
        assert_eq!(cut_at_word("Bo", 5, "…"), "Bo");
        let knee = "Runner's knee (kneecap pain)";
        assert_eq!(cut_at_word(knee, 16, "…"), "Runner's knee…");
        assert_eq!(cut_at_word(knee, 28, "…"), knee);
        assert_eq!(
            cut_at_word("IT band syndrome", 16, "..."),
            "IT band syndrome"
        );
        assert_eq!(cut_at_word("IT band syndrome", 15, "..."), "IT band...");
        // A first word wider than the column is the one word cut.
        assert_eq!(cut_at_word("Montgomery-Smythe", 10, "…"), "Montgomer…");
    }

    #[test]
    fn cutting_counts_columns_not_characters() {
        assert_eq!(cut("Quad set", 10, "…"), "Quad set");
        assert_eq!(cut("Standing outer-hip stretch", 12, "…"), "Standing ou…");
        // Each of these takes two columns: five of them and the ellipsis fill 11.
        assert_eq!(cut("膝の運動のための体操", 11, "…"), "膝の運動の…");
        assert_eq!(width_of(&fit("膝の運動のための体操", 11, "…")), 11);
        assert_eq!(width_of(&fit("膝の運動のための体操", 10, "...")), 9 + 1);
        assert_eq!(fit("ab", 4, "…"), "ab  ");
    }
}
