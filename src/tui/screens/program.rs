//! Program: the phases, where the person is, exit criteria, walk-run level, weekly decisions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::widgets::block;
use crate::tui::app::App;

/// ```text
/// +- Program: Runner's knee ------------------------+
/// | > Phase 1 Settle (2 weeks)   <- you are here    |
/// |     goal; exit criteria                          |
/// |   Phase 2 ...                                    |
/// | Walk-run level 3: 5 x (walk 3 + run 2)           |
/// | Weekly decisions: ...                            |
/// +--------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.context().theme;
    let Some(condition) = app
        .loaded()
        .profile
        .as_ref()
        .and_then(|p| app.context().catalog.condition(&p.condition))
    else {
        frame.render_widget(
            Paragraph::new("No profile yet.").block(block(app, "Program")),
            area,
        );
        return;
    };
    let current = app
        .this_week()
        .map(|w| (w.state.phase, w.state.week_in_phase, w.state.walk_run_level));
    // Someone who does not run reads the phases in their own words, with no running line.
    let runs = app
        .loaded()
        .profile
        .as_ref()
        .is_none_or(|p| !p.settings.no_running);
    let mut lines = Vec::new();
    // Where the person is, in full.
    if let Some((p, week, level)) = current
        && let Some(phase) = condition.phases.get(p)
    {
        lines.push(Line::styled(
            format!(
                "You are in phase {} of {}: {} (week {week} of ~{})",
                p + 1,
                condition.phases.len(),
                phase.name_for(runs),
                phase.weeks
            ),
            t.title(),
        ));
        let fill = |text: &str| match &app.loaded().profile {
            Some(p) => p.pain_fill(&app.context().catalog).text(text, false),
            None => text.to_string(),
        };
        lines.push(Line::raw(format!("Goal: {}", fill(phase.goal_for(runs)))));
        lines.push(Line::raw("Move on when:"));
        for c in &phase.exit_criteria {
            lines.push(Line::raw(format!("  - {}", fill(c))));
        }
        let run = match &app.loaded().profile {
            Some(p) => p
                .pain_fill(&app.context().catalog)
                .text(&phase.run.text, true),
            None => phase.run.text.to_string(),
        };
        if runs {
            lines.push(Line::raw(format!("Running: {run}")));
        }
        if let Some(level) = level.filter(|_| runs) {
            let text = app
                .context()
                .catalog
                .walk_run_level(level)
                .map_or(String::new(), |l| l.text.to_string());
            lines.push(Line::raw(format!("Walk-run level {level}: {text}")));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Record progress (Space ticks, Enter reads)",
        t.title(),
    ));
    // Where the selected row is among the lines, to keep it on screen.
    let mut selected_line = None;
    let rows = app.criteria();
    for (i, row) in rows.iter().enumerate() {
        if i == app.views().program.row {
            selected_line = Some(lines.len());
        }
        let tick = if row.met {
            t.tick_done()
        } else {
            t.tick_open()
        };
        lines.push(super::picker::row(
            app,
            i == app.views().program.row,
            format!("{tick} {}", row.label),
        ));
        if let Some(log) = &row.log {
            lines.push(Line::styled(format!("      {log}"), t.dim()));
        }
    }
    // The return-to-run list is long: shown while its row is selected.
    let on_run_row = rows
        .get(app.views().program.row)
        .is_some_and(|r| r.id == crate::progress::RUN_ENTRY_CRITERIA);
    if let Some(rtr) = app
        .context()
        .catalog
        .return_to_run
        .as_ref()
        .filter(|_| on_run_row)
    {
        lines.push(Line::styled("    Return to running needs all of:", t.dim()));
        for c in &rtr.criteria {
            lines.push(Line::styled(format!("    - {c}"), t.dim()));
        }
    }
    for flag in app.week_flags() {
        lines.push(Line::styled(format!("{} {flag}", t.warn_sign()), t.warn()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Weekly decisions (latest first)", t.title()));
    let decisions = app.decisions();
    if decisions.is_empty() {
        lines.push(Line::raw(
            "None yet: at the end of each week your ticks and pain scores decide whether to progress, hold or step back.",
        ));
    }
    for decision in decisions.iter().rev().take(4) {
        lines.push(Line::raw(format!("  {decision}")));
    }
    if decisions.len() > 4 {
        lines.push(Line::styled(
            format!(
                "  ({} earlier weeks: `rehab history` lists them all)",
                decisions.len() - 4
            ),
            t.dim(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("All phases", t.title()));
    for (i, phase) in condition.phases.iter().enumerate() {
        // One cursor on this view (the criteria row): the current phase is said in words.
        let here = current.is_some_and(|(p, _, _)| p == i);
        let text = format!(
            "  {}. {} (~{} weeks){}",
            i + 1,
            phase.name_for(runs),
            phase.weeks,
            if here { "  <- you are here" } else { "" }
        );
        lines.push(if here {
            Line::styled(text, t.today())
        } else {
            Line::raw(text)
        });
    }
    let title = format!("Program: {}", condition.name);
    let outer = block(app, &title);
    let inner = outer.inner(area);
    let wrapped = |lines: &[Line<'static>]| {
        Paragraph::new(lines.to_vec())
            .wrap(Wrap { trim: false })
            .line_count(inner.width)
    };
    let height = usize::from(inner.height);
    let total = wrapped(&lines);
    // Scrolled no further than the last line needs.
    let last = total.saturating_sub(height);
    // The selected row always shows: the page starts as low as needed to show it, and Down
    // past the last row scrolls on only until the row reaches the top.
    let (base, most) = match selected_line {
        Some(at) => {
            let top = wrapped(&lines[..at]);
            let bottom = top + wrapped(&lines[at..=at]);
            let base = bottom.saturating_sub(height).min(last);
            (base, top.min(last).saturating_sub(base))
        }
        None => (0, last),
    };
    let view = &app.views().program;
    view.most.set(Some(u16::try_from(most).unwrap_or(u16::MAX)));
    let scroll = base + usize::from(view.scroll).min(most);
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let scroll = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(text.scroll((scroll, 0)).block(outer), area);
    super::widgets::scrollbar_on_border(frame, area, app, total, usize::from(scroll));
}
