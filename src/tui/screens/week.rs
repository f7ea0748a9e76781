//! Week: seven days side by side (stacked when narrow), today marked, each item's state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::today::mark_symbol;
use crate::plan::{Day, DayPlan};
use crate::tui::app::App;
use crate::tui::ui::block;

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
    let t = &app.theme;
    let Some(week) = app.shown_week().filter(|_| app.plan_allowed()) else {
        frame.render_widget(
            Paragraph::new("No plan this week yet.").block(block(app, "Week")),
            area,
        );
        return;
    };
    let title = format!(
        "Week {} ({}) from {}",
        week.state.week, week.phase_name, week.monday
    );
    let outer = block(app, &title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let sel_day = app.cursor.week_day.min(6);
    if inner.width >= SIDE_BY_SIDE_WIDTH {
        let cols: [Rect; 7] = inner.layout(&Layout::horizontal([Constraint::Ratio(1, 7); 7]));
        for (i, (day, col)) in week.days.iter().zip(cols.iter()).enumerate() {
            let mut lines = vec![day_heading(app, day, i == sel_day)];
            for (j, item) in day.items.iter().enumerate() {
                let (sym, style) = mark_symbol(t, app.mark(day.date, &item.exercise), item);
                let sym: String = sym.chars().take(3).collect();
                let w = (col.width as usize).saturating_sub(4);
                let name: String = app.name_of(&item.exercise).chars().take(w).collect();
                let row_style = if i == sel_day && j == app.cursor.week_item {
                    t.selected()
                } else {
                    Style::new()
                };
                lines.push(Line::from(vec![
                    Span::styled(sym, style),
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
    for (j, item) in day.items.iter().enumerate() {
        let (sym, style) = mark_symbol(t, app.mark(day.date, &item.exercise), item);
        let row_style = if j == app.cursor.week_item {
            t.selected()
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{sym:<10}"), style),
            Span::styled(
                format!(
                    "{:<32} {}",
                    super::list_detail::cut(
                        &app.name_of(&item.exercise),
                        32,
                        if t.ascii { "..." } else { "…" }
                    ),
                    item.dose.sets_text()
                ),
                row_style,
            ),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), detail);
}

fn day_heading(app: &App, day: &DayPlan, selected: bool) -> Line<'static> {
    let t = &app.theme;
    let today = day.date == app.today;
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
