//! The plan set-up form, with defaults so Enter alone accepts it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::widgets::block;
use crate::catalog::Equipment;
use crate::plan::{Day, RunningNow};
use crate::tui::action::Action;
use crate::tui::app::{App, SetupField, SetupForm};

/// ```text
/// +- Set up your plan -----------------------------+
/// | > Start date             < 2026-11-23 >         |
/// |   Training days a week   < 4 >                  |
/// |   Run days               [ ]Mon [x]Tue ...      |
/// |                          [ ]none (does not run) |
/// |   Equipment at hand      [ ]band [ ]step ...    |
/// |   Minutes per session    < 30 >                 |
/// |   Cross-training         < no preference >      |
/// | Enter: start the plan with these settings       |
/// +-------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App, form: &SetupForm) {
    let t = &app.context().theme;
    let s = &form.settings;
    let mut lines = vec![
        Line::raw("The defaults suit most people; change any line, or just press Enter."),
        Line::raw(""),
    ];
    for (i, field) in SetupField::ALL.iter().enumerate() {
        let on = i == form.field;
        let mut spans = vec![
            Span::raw(if on {
                format!("{} ", t.pointer())
            } else {
                "  ".into()
            }),
            Span::styled(
                format!("{:<22}", field.label()),
                if on { t.selected() } else { Style::new() },
            ),
            Span::raw(" "),
        ];
        let boxed = |checked: bool, label: &str, cursor: bool| {
            let tick = if checked { "[x]" } else { "[ ]" };
            let style = if cursor { t.selected() } else { Style::new() };
            Span::styled(format!("{tick}{label}"), style)
        };
        match field {
            SetupField::Start => spans.push(Span::raw(format!(
                "< {} >  weeks run Monday to Sunday",
                s.start.strftime("%a %Y-%m-%d")
            ))),
            SetupField::Days => spans.push(Span::raw(format!("< {} >", s.days_per_week))),
            SetupField::Minutes => spans.push(Span::raw(format!("< {} >", s.minutes))),
            SetupField::RunDays => {
                for (d, day) in Day::ALL.iter().enumerate() {
                    spans.push(boxed(
                        s.run_days.contains(day) && !s.no_running,
                        day.short(),
                        on && form.sub == d,
                    ));
                    spans.push(Span::raw(" "));
                }
                // "none" on a line of its own under the days: the eight boxes do not fit 80
                // columns on one line, and a box must not break in two.
                lines.push(Line::from(std::mem::take(&mut spans)));
                spans.push(Span::raw(" ".repeat(25)));
                spans.push(boxed(s.no_running, "none", on && form.sub == 7));
                spans.push(Span::raw(" (does not run)"));
            }
            SetupField::Equipment => {
                for (e, eq) in Equipment::ALL.iter().enumerate() {
                    spans.push(boxed(
                        s.equipment.contains(eq),
                        eq.label(),
                        on && form.sub == e,
                    ));
                    spans.push(Span::raw(" "));
                }
            }
            SetupField::CrossTraining => {
                let id = form
                    .cross_options
                    .get(form.cross)
                    .map_or("", String::as_str);
                let name = if id.is_empty() {
                    "no preference".to_string()
                } else {
                    app.name_of(id)
                };
                spans.push(Span::raw(format!("< {name} >")));
            }
            SetupField::RunsNow => spans.push(Span::raw(match s.running_now {
                _ if s.no_running => "does not run (run days: none)".to_string(),
                None => "< not said >".to_string(),
                Some(RunningNow::NotNow) => "< not running now >".to_string(),
                Some(RunningNow::Runs { per_week, .. }) => format!("< {per_week} >"),
            })),
            SetupField::RunMinutesNow => spans.push(Span::raw(match s.running_now {
                Some(RunningNow::Runs { minutes, .. }) if !s.no_running => {
                    format!("< {minutes} >  runs start from a share of this")
                }
                _ => "-".to_string(),
            })),
        }
        lines.push(Line::from(spans));
    }
    let key = |a: Action| app.context().keymap.key_for(&a, t.ascii);
    lines.push(Line::raw(""));
    // From when a change plans, and what a moved start counts as missed, before Enter (issue 27).
    if let Some(text) = app.setup_applies_text(form) {
        lines.push(Line::raw(text));
    }
    for text in &form.start_move {
        lines.push(Line::styled(text.clone(), t.warn()));
    }
    lines.push(Line::styled(crate::plan::HOW_DAYS_COMBINE, t.dim()));
    lines.push(Line::styled(
        format!(
            "{}/{} change a value, {} toggles a box, {} starts the plan.",
            key(Action::Left),
            key(Action::Right),
            key(Action::Tick),
            key(Action::Select)
        ),
        t.dim(),
    ));
    if let Some(c) = form
        .draft
        .as_ref()
        .map(|d| d.condition.as_str())
        .or(app.loaded().profile.as_ref().map(|p| p.condition.as_str()))
        .and_then(|c| app.context().catalog.condition(c))
    {
        lines.push(Line::styled(format!("Plan for: {}", c.name), t.dim()));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, "Set up your plan")),
        area,
    );
}
