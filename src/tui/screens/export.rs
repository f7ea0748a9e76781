//! Export: choose a format and a path, write the printable plan, show where it went.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::ui::block;

/// ```text
/// +- Export a printable plan ------------------------+
/// | Format: (*) html ( ) markdown ( ) text            |
/// | Weeks:  (*) this week ( ) weeks 1-5               |
/// | Path:   rehab-plan-me-2026-11-23.html             |
/// +---------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let mut spans = vec![Span::raw("Format: ")];
    for (i, f) in crate::export::Format::ALL
        .iter()
        .map(|f| f.label())
        .enumerate()
    {
        let on = i == app.cursor.export_format;
        spans.push(Span::styled(
            format!("{} {f}", t.radio(on)),
            if on { t.title() } else { Style::new() },
        ));
        spans.push(Span::raw("  "));
    }
    let path = if app.cursor.export_path.is_empty() && !app.cursor.editing_path {
        app.default_export_path()
    } else {
        format!(
            "{}{}",
            app.cursor.export_path,
            if app.cursor.editing_path { "_" } else { "" }
        )
    };
    // The week the export prints, counted as the export counts it (week 1 before the start).
    let week = app.profile.as_ref().map_or(1, |p| {
        crate::session::ProgramWeek::of(&p.settings, app.today).or_first()
    });
    let mut weeks = vec![Span::raw("Weeks:  ")];
    for (all, label) in [
        (false, "this week".to_string()),
        (true, format!("weeks 1-{week}")),
    ] {
        let on = app.cursor.export_all_weeks == all;
        weeks.push(Span::styled(
            format!("{} {label}", t.radio(on)),
            if on { t.title() } else { Style::new() },
        ));
        weeks.push(Span::raw("  "));
    }
    let mut lines = vec![
        Line::from(spans),
        Line::from(weeks),
        Line::styled(
            format!("Path:   {path}"),
            if app.cursor.editing_path {
                t.selected()
            } else {
                Style::new()
            },
        ),
        Line::raw(""),
    ];
    if let Some(path) = &app.cursor.exported {
        lines.push(Line::styled(
            format!("{} Written: {path}", t.tick_done()),
            t.done(),
        ));
        lines.push(Line::raw(
            "Open it in a browser (HTML) or print it; an existing file is never overwritten.",
        ));
    }
    let key = |a: Action| app.keymap.key_for(&a, t.ascii);
    lines.push(Line::styled(
        format!(
            "{}/{} format, {}/{} weeks, {} edit the path, {} write the plan.",
            key(Action::Left),
            key(Action::Right),
            key(Action::Up),
            key(Action::Down),
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
