//! Today: the day's items in order with dose and minutes, each one's state, and progress.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::list_detail::{cut, width_of};
use super::widgets::block;
use crate::plan::PlanItem;
use crate::tui::app::{App, Mark};
use crate::tui::theme::Theme;

/// The state symbol and style of an item on a day.
pub fn mark_symbol(t: &Theme, mark: Option<Mark>, item: &PlanItem) -> (String, Style) {
    match mark {
        Some(Mark::Done(Some(n))) if n < item.dose.sets => (
            format!("{} {n}/{}", t.tick_partial(), item.dose.sets),
            t.partial(),
        ),
        Some(Mark::Done(_)) => (t.tick_done().to_string(), t.done()),
        Some(Mark::Skipped(r)) => {
            let reason: String = r.label().chars().take(5).collect();
            (format!("{} {reason}", t.tick_skipped()), t.skipped())
        }
        None => (t.tick_open().to_string(), Style::new()),
    }
}

/// ```text
/// +- Today, Mon 23 Nov - week 1, Settle ----------+
/// | > [x] Quad set        3 x 10 s hold per side  4 min |
/// |   [~] 2/3 Clamshell   3 x 15 reps per side    6 min |
/// |   [ ] Swimming        1 x 30 min             30 min |
/// |                                                |
/// | 1 of 3 done, 1 partly  ########.......  40 min |
/// +------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.context().theme;
    let title = match app.this_week() {
        Some(w) => {
            let mut title = format!(
                "Today, {} {} - week {}, {}",
                crate::plan::Day::of(app.context().today).short(),
                app.context().today,
                w.state.week,
                w.phase_name
            );
            // The day's total: each item shows its own minutes, runs and cross-training
            // included, and the title adds them up (a long phase name leaves it the room).
            if let Some(total) = w
                .day(app.context().today)
                .map(|d| d.total_minutes())
                .filter(|&m| m > 0)
            {
                title.push_str(&format!(" - {total} min in all"));
            }
            title
        }
        None => format!("Today, {}", app.context().today),
    };
    let outer = block(app, &title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    // This week's first note from the progression (see a clinician, running paused ...), wrapped
    // so that nothing of it is cut off at 80 columns.
    let mut week_flags = app.week_flags();
    // A week that cannot fit the minutes set says so in plain words, after any safety line
    // (which stays first).
    let overrun = app
        .this_week()
        .and_then(|w| w.does_not_fit.as_ref())
        .map(|fit| fit.line());
    if let Some(line) = &overrun {
        week_flags.push(line.as_str());
    }
    let flag_lines: Vec<String> = week_flags
        .first()
        .map(|first| {
            let more = match week_flags.len() {
                1 => String::new(),
                n => format!(" (+{} more on Program)", n - 1),
            };
            let lead = format!("{} ", t.warn_sign());
            let mut lines = super::list_detail::wrap_hanging(
                &lead,
                &format!("{first}{more}"),
                usize::from(inner.width),
            );
            lines.truncate(3);
            lines
        })
        .unwrap_or_default();
    let detail = foot_detail(app, usize::from(inner.width));
    let foot_h = 1 + detail.len().max(1) as u16 + flag_lines.len() as u16;
    let [_, list, foot] = super::widgets::bands(inner, 0, foot_h);

    if !app.plan_allowed() {
        let why = app
            .gate()
            .and_then(|g| g.refusal())
            .unwrap_or_else(|| "No plan can be shown.".into());
        let key = app
            .context()
            .keymap
            .key_for(&crate::tui::action::Action::Select, t.ascii);
        let next = if app
            .gate()
            .is_some_and(crate::session::Gate::needs_clinician)
        {
            format!("{key} shows the safety questions (a changed answer does not lift this).")
        } else {
            format!("{key} answers the safety questions.")
        };
        let lines = vec![
            Line::styled(why, t.danger()),
            Line::raw(""),
            Line::raw(next),
        ];
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), list);
        return;
    }
    let Some(week) = app.this_week() else {
        let start = app
            .loaded()
            .profile
            .as_ref()
            .map(|p| p.settings.start.strftime("%A %-d %B %Y").to_string())
            .unwrap_or_default();
        frame.render_widget(
            Paragraph::new(format!(
                "Your plan starts on {start} (week 1). Until then, keep moving within the pain \
                 rules: easy walking is fine."
            ))
            .wrap(Wrap { trim: true }),
            list,
        );
        return;
    };
    // The exit checks, when the phase's time is up, above the day's items.
    let list = match app.exit_prompt() {
        Some(prompt) => exit_prompt(frame, list, app, &prompt),
        None => list,
    };
    let day = week.day(app.context().today);
    let items = day.map(|d| d.items.as_slice()).unwrap_or_default();
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new("Rest day: nothing planned. Easy walking is fine."),
            list,
        );
    }
    // Columns: state 10, name, dose 24, minutes 8, and "x2" only on a day with an item done
    // twice, a space between each. Laid out here by display width, one line a row, in the list
    // that keeps the selection in view: a table's column solver would cost a sixth of the first
    // frame for widths known in advance.
    let sessions_w: usize = if items.iter().any(|i| i.sessions > 1) {
        3
    } else {
        0
    };
    let bar = usize::from(items.len() > usize::from(list.height));
    let gaps = if sessions_w > 0 { 4 } else { 3 };
    let name_w = usize::from(list.width)
        .saturating_sub(2 + 10 + 24 + 8 + sessions_w + gaps + bar)
        .min(48);
    let ellipsis = if t.ascii { "..." } else { "…" };
    let rows: Vec<Line> = items
        .iter()
        .map(|item| {
            let (sym, style) = mark_symbol(t, app.mark(app.context().today, &item.exercise), item);
            let mut name = app.name_of(&item.exercise);
            if item.optional {
                name.push_str(" (optional)");
            }
            // The state alone is styled, not the spaces that fill its column.
            let sym = cut(&sym, 10, ellipsis);
            let fill = pad("", 10 - width_of(&sym));
            let mut spans = vec![
                Span::styled(sym, style),
                Span::raw(fill),
                Span::raw(pad(&cut(&name, name_w, ellipsis), name_w)),
                Span::raw(pad(&cut(&item.dose.sets_text(), 24, ellipsis), 24)),
                Span::raw(format!("{:>8}", format!("{} min", item.minutes))),
            ];
            if sessions_w > 0 && item.sessions > 1 {
                spans.push(Span::raw(format!(" x{}", item.sessions)));
            }
            Line::from(spans)
        })
        .collect();
    if app.on_exit_prompt() {
        // The cursor is on the checks: the items show without one, where the pointer would be.
        let rows: Vec<Line> = rows
            .into_iter()
            .map(|l| {
                let mut spans = vec![Span::raw("  ")];
                spans.extend(l.spans);
                Line::from(spans)
            })
            .collect();
        frame.render_widget(Paragraph::new(rows), list);
    } else if !rows.is_empty() {
        super::widgets::list(frame, list, app, rows, app.views().today.selected);
    }

    if let Some(day) = day {
        let counts = app.day_counts(day);
        let bar_w = 20usize;
        let filled = (counts.done * bar_w + counts.partly * bar_w / 2)
            .checked_div(counts.planned)
            .unwrap_or(0);
        let bar = format!(
            "{}{}",
            t.bar_full().repeat(filled),
            t.bar_empty().repeat(bar_w - filled)
        );
        let progress = Line::from(vec![
            Span::styled(counts.to_string(), t.title()),
            Span::raw("  "),
            Span::styled(bar, t.done()),
        ]);
        let mut lines = vec![progress];
        // The line under the progress keeps its place when it has nothing to say.
        let detail = if detail.is_empty() {
            vec![String::new()]
        } else {
            detail
        };
        lines.extend(detail.into_iter().map(|l| Line::styled(l, t.dim())));
        lines.extend(flag_lines.into_iter().map(|l| Line::styled(l, t.warn())));
        frame.render_widget(Paragraph::new(lines), foot);
    }
}

/// The footer's line under the day's progress: today's pain and what a watch recorded today,
/// on one line when both fit the width, else one line each.
fn foot_detail(app: &App, width: usize) -> Vec<String> {
    // The morning score belongs to yesterday's session; show it beside today's.
    let during = app.pain_on(app.context().today).and_then(|p| p.during);
    let morning = app
        .context()
        .today
        .yesterday()
        .ok()
        .and_then(|d| app.pain_on(d))
        .and_then(|p| p.morning);
    let pain = (during.is_some() || morning.is_some()).then(|| {
        format!(
            "pain: during {}, next morning after yesterday {}",
            during.map_or("-".into(), |v| v.to_string()),
            morning.map_or("-".into(), |v| v.to_string())
        )
    });
    // Runs and cross-training a watch recorded today, with their figures.
    let watch: Vec<String> = app
        .loaded()
        .journal
        .activities_in(app.context().today..=app.context().today)
        .iter()
        .map(|a| a.figures())
        .collect();
    let watch = (!watch.is_empty()).then(|| format!("from the watch: {}", watch.join("; ")));
    match (pain, watch) {
        (Some(p), Some(w)) if p.chars().count() + 3 + w.chars().count() <= width => {
            vec![format!("{p} · {w}")]
        }
        (p, w) => p.into_iter().chain(w).collect(),
    }
}

/// ```text
/// Phase 1, Settle and learn, has had its time: are its exit checks met?
/// > [ ] Stairs hurt no more than 2/10.
///   [x] Two weeks without a red session.
/// Space ticks a check that is met; Enter reads it in full.
/// ```
/// Draws the exit checks at the top of `area` and returns what is left below them.
fn exit_prompt(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    prompt: &crate::session::ExitPrompt,
) -> Rect {
    let t = &app.context().theme;
    let width = usize::from(area.width);
    let ellipsis = if t.ascii { "..." } else { "…" };
    let mut lines = vec![Line::styled(
        cut(
            &format!(
                "Phase {}, {}, has had its time: are its exit checks met?",
                prompt.phase, prompt.name
            ),
            width,
            ellipsis,
        ),
        t.title(),
    )];
    let focused = app.on_exit_prompt();
    let at = app
        .views()
        .today
        .check
        .min(prompt.rows.len().saturating_sub(1));
    for (i, row) in prompt.rows.iter().enumerate() {
        let tick = if row.met {
            t.tick_done()
        } else {
            t.tick_open()
        };
        // One line each: Enter reads a check in full.
        let words = row.detail.first().filter(|_| row.detail.len() == 1);
        let text = format!("{tick} {}", words.unwrap_or(&row.label));
        lines.push(super::picker::row(
            app,
            focused && i == at,
            cut(&text, width.saturating_sub(2), ellipsis),
        ));
        // What the journal shows for a check it can prove; Enter reads it whole.
        if let Some(log) = &row.log {
            lines.push(Line::styled(
                cut(&format!("      {log}"), width, ellipsis),
                t.dim(),
            ));
        }
    }
    let tick = app
        .context()
        .keymap
        .key_for(&crate::tui::action::Action::Tick, t.ascii);
    let open = app
        .context()
        .keymap
        .key_for(&crate::tui::action::Action::Select, t.ascii);
    lines.push(Line::styled(
        cut(
            &format!("{tick} ticks a check that is met; {open} reads it in full."),
            width,
            ellipsis,
        ),
        t.dim(),
    ));
    // A blank line parts the checks from the items.
    let height = (lines.len() as u16 + 1).min(area.height);
    let [top, rest] = area.layout(&ratatui::layout::Layout::vertical([
        ratatui::layout::Constraint::Length(height),
        ratatui::layout::Constraint::Fill(1),
    ]));
    frame.render_widget(Paragraph::new(lines), top);
    rest
}

/// `text` followed by spaces to `width` columns, and the one space that parts it from the
/// next column.
fn pad(text: &str, width: usize) -> String {
    format!(
        "{text}{} ",
        " ".repeat(width.saturating_sub(width_of(text)))
    )
}
