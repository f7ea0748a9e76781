//! Pop-ups: help (generated from the keymap), exercise detail, skip reason, pain, countdown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::picker::row;
use crate::catalog::Exercise;
use crate::tui::app::overlays_reasons;
use crate::tui::app::{App, Overlay, PainField, PainForm, TimerState};
use crate::tui::ui::block;

/// Draws an overlay centred over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, overlay: &Overlay) {
    let (w, h) = match overlay {
        Overlay::Help => (60, 22),
        Overlay::Detail { .. } => (area.width.saturating_sub(4), area.height.saturating_sub(2)),
        Overlay::Skip { .. } => (40, 9),
        Overlay::Pain(_) => (56, 12),
        Overlay::Timer(_) => (50, 9),
    };
    let rect = area.centered(
        ratatui::layout::Constraint::Length(w.min(area.width)),
        ratatui::layout::Constraint::Length(h.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    match overlay {
        Overlay::Help => help(frame, rect, app),
        Overlay::Detail { exercise, scroll } => match app.catalog.exercise(exercise) {
            Some(e) => detail(frame, rect, app, e, *scroll),
            None => frame.render_widget(
                Paragraph::new(format!("`{exercise}` is not in the library."))
                    .block(block(app, "Exercise")),
                rect,
            ),
        },
        Overlay::Skip { item, selected, .. } => skip(frame, rect, app, item, *selected),
        Overlay::Pain(form) => pain(frame, rect, app, form),
        Overlay::Timer(timer) => countdown(frame, rect, app, timer),
    }
}

/// ```text
/// +- Keys ------------------------------+
/// | k up ... (one row per binding)      |
/// +-------------------------------------+
/// ```
fn help(frame: &mut Frame, rect: Rect, app: &App) {
    let t = &app.theme;
    let lines: Vec<Line> = app
        .keymap
        .help_rows(t.ascii)
        .into_iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("{keys:>14}  "), t.key()),
                Span::raw(what),
            ])
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines).block(block(app, "Keys (Esc closes)")),
        rect,
    );
}

/// ```text
/// +- Quad set ---------------------------------------+
/// | kind, dose, dose origin                          |
/// | Steps 1. 2. 3.  Cues  Cautions                   |
/// | Progression / regression, source and grade       |
/// +--------------------------------------------------+
/// ```
fn detail(frame: &mut Frame, rect: Rect, app: &App, e: &Exercise, scroll: u16) {
    let t = &app.theme;
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Dose: ", t.title()),
            Span::raw(e.dose.describe()),
        ]),
        Line::raw(format!(
            "{}; {}; for the {}",
            e.kind.label(),
            e.dose_origin.label(),
            e.targets.join(", ")
        )),
    ];
    if !e.equipment.is_empty() {
        let eq: Vec<&str> = e.equipment.iter().map(|q| q.label()).collect();
        lines.push(Line::raw(format!("Equipment: {}", eq.join(", "))));
    }
    let section = |lines: &mut Vec<Line>, title: &str, items: &[String], numbered: bool| {
        if items.is_empty() {
            return;
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(title.to_string(), t.title()));
        for (i, s) in items.iter().enumerate() {
            let lead = if numbered {
                format!("{}. ", i + 1)
            } else {
                "- ".into()
            };
            lines.push(Line::raw(format!("{lead}{s}")));
        }
    };
    section(&mut lines, "Steps", &e.steps, true);
    section(&mut lines, "Cues", &e.cues, false);
    section(&mut lines, "Cautions", &e.cautions, false);
    let links = [&e.progression, &e.when_easy, &e.regression, &e.when_painful];
    if links.iter().any(|l| l.is_some()) {
        lines.push(Line::raw(""));
        lines.push(Line::styled("When it gets easy / when it hurts", t.title()));
    }
    if let Some(p) = &e.progression {
        lines.push(Line::raw(format!("Harder: {}", app.name_of(p))));
    }
    if let Some(w) = &e.when_easy {
        lines.push(Line::raw(format!("Easy? {w}")));
    }
    if let Some(r) = &e.regression {
        lines.push(Line::raw(format!("Easier: {}", app.name_of(r))));
    }
    if let Some(w) = &e.when_painful {
        lines.push(Line::raw(format!("Hurts? {w}")));
    }
    lines.push(Line::raw(""));
    let source = app.catalog.source(&e.source).map_or(e.source.clone(), |s| {
        format!("{} ({}) {}", s.authors, s.year, s.title)
    });
    lines.push(Line::from(vec![
        Span::styled("Source: ", t.title()),
        Span::raw(source),
    ]));
    lines.push(Line::from(vec![
        Span::styled("Evidence: ", t.title()),
        Span::raw(e.evidence.describe()),
    ]));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(block(app, &e.name)),
        rect,
    );
}

fn skip(frame: &mut Frame, rect: Rect, app: &App, item: &str, selected: usize) {
    let mut lines = vec![
        Line::raw(format!("Why skip {}?", app.name_of(item))),
        Line::raw(""),
    ];
    for (i, r) in overlays_reasons().iter().enumerate() {
        lines.push(row(app, i == selected, r.label().to_string()));
    }
    frame.render_widget(Paragraph::new(lines).block(block(app, "Skip")), rect);
}

/// ```text
/// +- Pain today --------------------------------+
/// | > Pain during exercise (0-10)   < 3 >       |
/// |   Pain next morning (0-10)      < - >       |
/// |   Swelling [ ]  Limp [ ]  Sharp [ ]         |
/// +---------------------------------------------+
/// ```
fn pain(frame: &mut Frame, rect: Rect, app: &App, f: &PainForm) {
    let t = &app.theme;
    let mut lines = vec![
        Line::raw(format!("Pain, {} (0 none, 10 worst)", f.date)),
        Line::raw(""),
    ];
    for (i, field) in PainField::ALL.iter().enumerate() {
        let value = match field {
            PainField::During => format!("< {} >", f.during.map_or("-".into(), |v| v.to_string())),
            PainField::Morning => {
                format!("< {} >", f.morning.map_or("-".into(), |v| v.to_string()))
            }
            PainField::Swelling => yes_no(f.swelling),
            PainField::Limp => yes_no(f.limp),
            PainField::Sharp => yes_no(f.sharp),
        };
        lines.push(row(
            app,
            i == f.field,
            format!("{:<30} {value}", field.label()),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Digits or arrows set a score; Enter saves.",
        t.dim(),
    ));
    frame.render_widget(Paragraph::new(lines).block(block(app, "Log pain")), rect);
}

fn yes_no(on: bool) -> String {
    if on {
        "[x] yes".into()
    } else {
        "[ ] no".into()
    }
}

/// ```text
/// +- Timer ------------------------------+
/// | Quad set                              |
/// | set 2 of 6 - HOLD            0:07     |
/// | ##########..........                  |
/// +---------------------------------------+
/// ```
fn countdown(frame: &mut Frame, rect: Rect, app: &App, timer: &TimerState) {
    let t = &app.theme;
    let phase = if timer.finished() {
        "finished".to_string()
    } else if timer.resting {
        "REST".to_string()
    } else {
        "WORK".to_string()
    };
    let total = if timer.resting {
        timer.rest_s
    } else {
        timer.work_s
    }
    .max(1);
    let width = (rect.width as usize).saturating_sub(4).min(40);
    let filled = (timer.left_s as usize * width) / total as usize;
    let paused = if timer.running || timer.finished() {
        ""
    } else {
        "  (paused)"
    };
    let lines = vec![
        Line::styled(timer.label.clone(), t.title()),
        Line::raw(""),
        Line::from(vec![
            Span::raw(format!("set {} of {} - ", timer.set, timer.sets)),
            Span::styled(
                phase,
                if timer.resting {
                    Style::new()
                } else {
                    t.warn()
                },
            ),
            Span::raw(format!(
                "   {}:{:02}{paused}",
                timer.left_s / 60,
                timer.left_s % 60
            )),
        ]),
        Line::styled(
            format!(
                "{}{}",
                t.bar_full().repeat(filled),
                t.bar_empty().repeat(width - filled.min(width))
            ),
            t.done(),
        ),
        Line::raw(""),
        Line::styled("Space pauses, Esc closes.", t.dim()),
    ];
    frame.render_widget(Paragraph::new(lines).block(block(app, "Timer")), rect);
}
