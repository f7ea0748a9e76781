//! Export: choose a format and a path, write the printable plan, show where it went.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::widgets::block;
use crate::tui::action::Action;
use crate::tui::app::{App, ExportWeeks};

/// ```text
/// +- Export a printable plan ------------------------+
/// | Format: (*) html ( ) markdown ( ) text            |
/// | Weeks:  (*) this week (week 5) ( ) next 4 ...     |
/// | Layout: (*) full handout ( ) one-page sheet       |
/// | Path:   rehab-plan-me-2026-11-23.html             |
/// +---------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.context().theme;
    let mut spans = vec![Span::raw("Format: ")];
    for (i, f) in crate::export::Format::ALL
        .iter()
        .map(|f| f.label())
        .enumerate()
    {
        let on = i == app.views().export.format;
        spans.push(Span::styled(
            format!("{} {f}", t.radio(on)),
            if on { t.title() } else { Style::new() },
        ));
        spans.push(Span::raw("  "));
    }
    let editing = app.views().export.editing_path;
    // The field: while editing, one line scrolled to its cursor; otherwise the whole path,
    // wrapped under its label.
    let label = "Path:   ";
    let inner_w = usize::from(area.width.saturating_sub(2));
    let path_lines: Vec<Line> = if editing {
        vec![app.views().export.path.line(label, inner_w, t.ellipsis())]
    } else {
        let path = if app.views().export.path.is_empty() {
            app.default_export_path()
        } else {
            crate::text::clean(app.views().export.path.text()).into_owned()
        };
        super::list_detail::wrap_hanging(label, &path, inner_w)
            .into_iter()
            .map(Line::raw)
            .collect()
    };
    // The weeks the export prints, counted as the export counts them (week 1 before the start).
    let week = app.current_week();
    let total = app.programme_weeks();
    let n = match app.views().export.weeks {
        ExportWeeks::Next(n) => n,
        _ => 4,
    };
    let span = |w: ExportWeeks| {
        let r = w.range(week, total);
        if r.start() == r.end() {
            format!("week {}", r.start())
        } else {
            format!("weeks {}-{}", r.start(), r.end())
        }
    };
    let mut weeks = Vec::new();
    for (i, (choice, label)) in [
        (
            ExportWeeks::ThisWeek,
            format!("this week ({})", span(ExportWeeks::ThisWeek)),
        ),
        (
            ExportWeeks::Next(n),
            format!("the next {n} ({})", span(ExportWeeks::Next(n))),
        ),
        (
            ExportWeeks::SoFar,
            format!("so far ({})", span(ExportWeeks::SoFar)),
        ),
        (
            ExportWeeks::Programme,
            format!("the whole programme ({})", span(ExportWeeks::Programme)),
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let on = app.views().export.weeks == choice;
        weeks.push(Line::from(vec![
            Span::raw(if i == 0 { "Weeks:  " } else { "        " }),
            Span::styled(
                format!("{} {label}", t.radio(on)),
                if on { t.title() } else { Style::new() },
            ),
        ]));
    }
    let sheet = Line::from(vec![
        Span::raw("Layout: "),
        Span::styled(
            format!("{} full handout", t.radio(!app.views().export.sheet)),
            if app.views().export.sheet {
                Style::new()
            } else {
                t.title()
            },
        ),
        Span::raw("  "),
        Span::styled(
            format!(
                "{} one-page sheet per week",
                t.radio(app.views().export.sheet)
            ),
            if app.views().export.sheet {
                t.title()
            } else {
                Style::new()
            },
        ),
    ]);
    let mut lines = vec![Line::from(spans)];
    lines.extend(weeks);
    lines.extend([sheet]);
    lines.extend(path_lines);
    let arrows = if t.ascii { "Left/Right" } else { "←/→" };
    lines.extend([Line::raw(match (editing, app.views().export.path.selected()) {
        (true, true) => {
            format!("Typing replaces this path; {arrows}, Home or End keep it to change. Enter keeps it.")
        }
        (true, false) => format!(
            "{arrows}, Home, End move; Bksp/Del a character, Ctrl-W a word, Ctrl-U to the start. Enter keeps it."
        ),
        (false, _) => String::new(),
    })]);
    if let Some(path) = &app.views().export.exported {
        lines.push(Line::styled(
            format!("{} Written: {path}", t.tick_done()),
            t.done(),
        ));
        lines.push(Line::raw(if app.context().lock.is_some() {
            "Run that command on your own computer, then open the file in a browser (HTML) or \
             print it; an existing file is never overwritten."
        } else {
            "Open it in a browser (HTML) or print it; an existing file is never overwritten."
        }));
    }
    let key = |a: Action| app.context().keymap.key_for(&a, t.ascii);
    lines.push(Line::styled(
        format!(
            "{}/{} format, {}/{} weeks (a digit sets N), {} layout, {} edit the path, {} write the plan.",
            key(Action::Left),
            key(Action::Right),
            key(Action::Up),
            key(Action::Down),
            key(Action::Tick),
            key(Action::Edit),
            key(Action::Select)
        ),
        t.dim(),
    ));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, "Export a printable plan")),
        area,
    );
}
