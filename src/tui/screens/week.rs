//! Week: seven days side by side (stacked when narrow), today marked, each item's state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::list_detail::{cut, fit};
use super::today::mark_symbol;
use super::widgets::block;
use crate::plan::{Day, DayPlan};
use crate::tui::app::App;

/// Columns need this much width; below it the days stack.
const SIDE_BY_SIDE_WIDTH: u16 = 112;

/// ```text
/// wide:                                   narrow (stacked):
/// +- Week 1 ------------------------+     +- Week 1 ---------------------+
/// | Mon 23 | Tue 24 | ... | Sun 29  |     | > Mon 23  [x][ ][ ]  2/3     |
/// | [x]Quad| [ ]Walk| ... | rest    |     |   Tue 24  [ ]        0/1     |
/// +---------------------------------+     | -- Mon 23: items in full --  |
///                                         +------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.context().theme;
    let ellipsis = if t.ascii { "..." } else { "…" };
    let c = &app.views().week;
    let Some(week) = app.shown_week() else {
        let text = if app.loaded().profile.is_some() {
            format!("Week {} cannot be built.", c.week)
        } else {
            "No plan yet.".to_string()
        };
        frame.render_widget(Paragraph::new(text).block(block(app, "Week")), area);
        return;
    };
    let current = app.current_week();
    let from = week.monday.strftime("%a %-d %b");
    let when = if week.monday > app.context().today && current == 1 && c.week == 1 {
        format!("starts {from}")
    } else if c.week == current {
        format!("from {from} (this week)")
    } else if c.week > current {
        format!("from {from} (coming, as planned now)")
    } else {
        format!("from {from} (past)")
    };
    let title = format!(
        "Week {} of {}: {}, {when}",
        week.state.week,
        app.last_week(),
        week.phase_name,
    );
    let outer = block(app, &title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    if !app.plan_allowed() {
        let why = app
            .gate()
            .and_then(|g| g.refusal())
            .unwrap_or_else(|| "No plan can be shown.".into());
        frame.render_widget(
            Paragraph::new(Line::styled(why, t.danger()))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let sel_day = c.day.min(6);
    if inner.width >= SIDE_BY_SIDE_WIDTH {
        let cols: [Rect; 7] = inner.layout(&Layout::horizontal([Constraint::Ratio(1, 7); 7]));
        for (i, (day, col)) in week.days.iter().zip(cols.iter()).enumerate() {
            let mut lines = vec![day_heading(app, day, i == sel_day)];
            for (j, item) in day.items.iter().enumerate() {
                let (sym, style) = mark_symbol(t, app.mark(day.date, &item.exercise), item);
                let sym: String = sym.chars().take(3).collect();
                // The mark, a space, the name, and a column free before the next day.
                let w = (col.width as usize).saturating_sub(5);
                let name = cut(&app.name_of(&item.exercise), w, ellipsis);
                let row_style = if i == sel_day && j == c.item {
                    t.selected()
                } else {
                    Style::new()
                };
                lines.push(Line::from(vec![
                    Span::styled(sym, style),
                    Span::raw(" "),
                    Span::styled(name, row_style),
                ]));
            }
            if day.is_rest() {
                lines.push(Line::styled("rest", t.dim()));
            }
            frame.render_widget(Paragraph::new(lines), *col);
        }
        return;
    }
    let [days_area, detail] = inner.layout(&Layout::vertical([
        Constraint::Length(8),
        Constraint::Min(1),
    ]));
    let mut lines = Vec::new();
    for (i, day) in week.days.iter().enumerate() {
        let mut spans = vec![Span::raw(if i == sel_day {
            format!("{} ", t.pointer())
        } else {
            "  ".into()
        })];
        spans.extend(day_heading(app, day, i == sel_day).spans);
        spans.push(Span::raw("  "));
        for item in &day.items {
            let (sym, style) = mark_symbol(t, app.mark(day.date, &item.exercise), item);
            spans.push(Span::styled(sym.chars().take(3).collect::<String>(), style));
        }
        if day.is_rest() {
            spans.push(Span::styled("rest", t.dim()));
        } else {
            let counts = app.day_counts(day);
            spans.push(Span::raw(format!("  {}/{}", counts.done, counts.planned)));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), days_area);
    let day = &week.days[sel_day];
    let mut lines = vec![Line::styled(
        format!("{} {}", Day::of(day.date).short(), day.date),
        t.title(),
    )];
    // state 10, name, a space, dose 26, minutes 8.
    let name_w = (detail.width as usize).saturating_sub(10 + 1 + 26 + 8);
    for (j, item) in day.items.iter().enumerate() {
        let (sym, style) = mark_symbol(t, app.mark(day.date, &item.exercise), item);
        let row_style = if j == c.item {
            t.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{sym:<10}"), style),
            Span::styled(
                format!(
                    "{} {}{:>4} min",
                    fit(&app.name_of(&item.exercise), name_w, ellipsis),
                    fit(&item.dose.sets_text(), 26, ellipsis),
                    item.minutes
                ),
                row_style,
            ),
        ]));
    }
    if day.is_rest() {
        lines.push(Line::styled("Rest day: nothing planned.", t.dim()));
    }
    frame.render_widget(Paragraph::new(lines), detail);
}

fn day_heading(app: &App, day: &DayPlan, selected: bool) -> Line<'static> {
    let t = &app.context().theme;
    let today = day.date == app.context().today;
    let text = format!(
        "{} {:02}{}",
        Day::of(day.date).short(),
        day.date.day(),
        if today { "*" } else { " " }
    );
    let style = match (today, selected) {
        (_, true) => t.selected(),
        (true, false) => t.today(),
        _ => Style::new(),
    };
    Line::styled(text, style)
}
