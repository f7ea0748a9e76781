//! Pop-ups: help (generated from the keymap), exercise detail, skip reason, pain, countdown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::picker::row;
use crate::catalog::Exercise;
use crate::plan::StepKind;
use crate::tui::action::Action;
use crate::tui::app::overlays_reasons;
use crate::tui::app::{App, Overlay, PainField, PainForm, TimerState};
use crate::tui::ui::block;

/// Draws an overlay centred over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, overlay: &Overlay) {
    let (w, h) = match overlay {
        Overlay::Help => (area.width.saturating_sub(2), 22),
        Overlay::Detail { .. } => (area.width.saturating_sub(2), area.height.saturating_sub(2)),
        Overlay::Skip { .. } => (52, 10),
        Overlay::Pain(_) => (56, 12),
        Overlay::Timer(_) => (64, 10),
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
        Overlay::Skip {
            item,
            selected,
            other,
            ..
        } => skip(frame, rect, app, item, *selected, other.as_deref()),
        Overlay::Pain(form) => pain(frame, rect, app, form),
        Overlay::Timer(timer) => countdown(frame, rect, app, timer),
    }
}

/// ```text
/// +- Keys (Esc closes) ------------------------------------------------+
/// | Everywhere                         | Week view                     |
/// |      ↑ k  up                       |   [ PageUp  week before       |
/// | ...                                | Countdown (t)                 |
/// | Plan items                         |    Space  pause / go on       |
/// |    Space  tick / untick            | ...                           |
/// +--------------------------------------------------------------------+
/// ```
/// Every key comes from the keymap, so a remapped key shows as it is bound.
fn help(frame: &mut Frame, rect: Rect, app: &App) {
    let t = &app.theme;
    let sections = help_sections(app);
    let outer = block(app, "Keys (Esc closes)");
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let [left, right] = inner.layout(&ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Ratio(1, 2),
        ratatui::layout::Constraint::Ratio(1, 2),
    ]));
    let column = |sections: &[HelpSection], width: u16| -> Vec<Line<'static>> {
        let ellipsis = if t.ascii { "..." } else { "…" };
        let mut lines = Vec::new();
        for (i, (title, rows)) in sections.iter().enumerate() {
            if i > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(title.to_string(), t.title()));
            for (keys, what) in rows {
                let keys = super::list_detail::cut(keys, 11, ellipsis);
                let pad = 11usize.saturating_sub(super::list_detail::width_of(&keys));
                let room = usize::from(width).saturating_sub(13);
                lines.push(Line::from(vec![
                    Span::styled(format!("{}{keys}  ", " ".repeat(pad)), t.key()),
                    Span::raw(super::list_detail::cut(what, room, ellipsis)),
                ]));
            }
        }
        lines
    };
    let (first, second) = sections.split_at(2.min(sections.len()));
    frame.render_widget(Paragraph::new(column(first, left.width)), left);
    frame.render_widget(Paragraph::new(column(second, right.width)), right);
}

/// A heading and its rows of (keys, what they do).
type HelpSection = (&'static str, Vec<(String, String)>);

/// The help overlay's sections: keys everywhere, on plan items, in the Week view, in the
/// countdown, in lists. Every key is the one bound now.
pub fn help_sections(app: &App) -> Vec<HelpSection> {
    use crate::tui::keymap::Keymap;
    let ascii = app.theme.ascii;
    // All the keys of each bindable action, in the keymap's help order.
    let bound: Vec<(Action, String)> = Keymap::bindable()
        .into_iter()
        .zip(app.keymap.help_rows(ascii))
        .map(|(a, (keys, _))| (a, keys))
        .collect();
    let keys = |a: &Action| {
        bound
            .iter()
            .find(|(b, _)| b == a)
            .map_or_else(String::new, |(_, k)| k.clone())
    };
    let rows = |actions: &[(Action, &str)]| -> Vec<(String, String)> {
        actions
            .iter()
            .map(|(a, what)| {
                let what = if what.is_empty() { a.describe() } else { what };
                let k = match a {
                    Action::Sets(_) => "0-9".to_string(),
                    Action::ForceQuit => "^C".to_string(),
                    a => keys(a),
                };
                (k, what.to_string())
            })
            .filter(|(k, _)| !k.is_empty())
            .collect()
    };
    use Action::*;
    vec![
        (
            "Everywhere",
            rows(&[
                (Up, ""),
                (Down, ""),
                (Left, ""),
                (Right, ""),
                (Select, ""),
                (Back, ""),
                (NextView, ""),
                (PrevView, ""),
                (Help, ""),
                (Quit, ""),
                (ForceQuit, ""),
            ]),
        ),
        (
            "Plan items (Today, Week)",
            rows(&[
                (Tick, "tick / untick"),
                (Sets(0), "sets done (partial)"),
                (Skip, ""),
                (Timer, "countdown"),
                (Pain, ""),
                (Edit, "edit the plan settings"),
            ]),
        ),
        (
            "Week view",
            rows(&[
                (PrevWeek, "week before"),
                (NextWeek, "week after"),
                (ThisWeek, "back to this week"),
            ]),
        ),
        (
            "Countdown",
            rows(&[
                (Tick, "pause / go on"),
                (Right, "next step"),
                (Left, "this step again"),
                (Select, "tick it, once finished"),
                (Sets(0), "sets done, then close"),
                (Back, "close"),
            ]),
        ),
        ("Library, Profiles", rows(&[(Search, ""), (New, "")])),
    ]
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
            // Wrapped under the text, not under the number or the dash.
            let width = usize::from(rect.width.saturating_sub(2));
            lines.extend(
                super::list_detail::wrap_hanging(&lead, s, width)
                    .into_iter()
                    .map(Line::raw),
            );
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

fn skip(
    frame: &mut Frame,
    rect: Rect,
    app: &App,
    item: &str,
    selected: usize,
    other: Option<&str>,
) {
    let t = &app.theme;
    let width = usize::from(rect.width.saturating_sub(2));
    let mut lines: Vec<Line> =
        super::list_detail::wrap_hanging("", &format!("Why skip {}?", app.name_of(item)), width)
            .into_iter()
            .map(Line::raw)
            .collect();
    lines.push(Line::raw(""));
    for (i, r) in overlays_reasons().iter().enumerate() {
        lines.push(row(app, i == selected, r.label().to_string()));
    }
    if let Some(text) = other {
        lines.push(Line::raw(""));
        // The end of the text stays in view as it grows.
        let shown = format!("Reason: {text}_");
        let skip = super::list_detail::width_of(&shown).saturating_sub(width);
        lines.push(Line::styled(
            shown.chars().skip(skip).collect::<String>(),
            t.selected(),
        ));
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
/// +- Countdown ----------------------------------------------+
/// | Quad set                                                  |
/// |                                                           |
/// | set 2 of 3, left side - hold 4 of 10, 10 s       0:07     |
/// | ##########..........                                      |
/// | next: let go, 3 s                                         |
/// |                                                           |
/// | Space pause  -> next step  <- again  Esc close            |
/// +-----------------------------------------------------------+
/// ```
fn countdown(frame: &mut Frame, rect: Rect, app: &App, timer: &TimerState) {
    let t = &app.theme;
    let key = |a: Action| app.keymap.key_for(&a, t.ascii);
    let mut lines = vec![Line::styled(timer.label.clone(), t.title()), Line::raw("")];
    match timer.step() {
        None => {
            let sets = timer.sets();
            lines.push(Line::styled(
                format!(
                    "Finished: all {sets} set{} done.",
                    if sets == 1 { "" } else { "s" }
                ),
                t.done(),
            ));
            lines.push(Line::raw(format!(
                "{} ticks it; a digit saves fewer sets done.",
                key(Action::Select)
            )));
            lines.push(Line::raw(format!(
                "{} closes without ticking.",
                key(Action::Back)
            )));
        }
        Some(step) => {
            // Getting into position names its own side; the rest say where they are.
            let mut head = String::new();
            if step.kind != StepKind::Ready {
                head = format!("set {} of {}", step.set, step.sets);
                if let Some(side) = step.side {
                    head.push_str(&format!(", {} side", side.label()));
                }
                head.push_str(" - ");
            }
            let paused = if timer.running { "" } else { "  (paused)" };
            lines.push(Line::from(vec![
                Span::raw(head),
                Span::styled(
                    step.text(),
                    if step.is_work() {
                        t.warn()
                    } else {
                        Style::new()
                    },
                ),
                Span::raw(format!(
                    "   {}:{:02}{paused}",
                    timer.left_s / 60,
                    timer.left_s % 60
                )),
            ]));
            let width = (rect.width as usize).saturating_sub(4).min(40);
            let filled = (timer.left_s as usize * width) / step.seconds.max(1) as usize;
            lines.push(Line::styled(
                format!(
                    "{}{}",
                    t.bar_full().repeat(filled.min(width)),
                    t.bar_empty().repeat(width - filled.min(width))
                ),
                t.done(),
            ));
            let next = timer.next_step().map_or("next: the end".to_string(), |n| {
                let side = match (n.side, step.side) {
                    (Some(s), Some(now)) if s != now && n.kind != StepKind::Ready => {
                        format!(" ({} side)", s.label())
                    }
                    _ => String::new(),
                };
                format!("next: {}{side}", n.text())
            });
            lines.push(Line::styled(next, t.dim()));
            lines.push(Line::raw(""));
            // The keys are on the hint bar; here, what the person does.
            let how = match step.kind {
                StepKind::Reps(_) => format!(
                    "Count them at your own pace; {} when the set is done.",
                    key(Action::Right)
                ),
                _ => "The bell rings as each step ends.".to_string(),
            };
            lines.push(Line::styled(how, t.dim()));
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block(app, "Countdown")), rect);
}
