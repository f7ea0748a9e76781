//! The red-flag questions and what their answers mean.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::list_detail::{self, ListDetail};
use super::picker::row;
use crate::catalog::FlagLevel;
use crate::screening::Screening;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::ui::block;

/// ```text
/// +- Safety questions -----------------------------+
/// | Is any of these true today? ...                 |
/// | > [ ] no   Is the knee hot, red and swollen?    |
/// |   [x] YES  Did it lock or give way?             |
/// | the selected question in full                   |
/// | Space toggles, Enter continues                  |
/// +-------------------------------------------------+
/// ```
pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    selected: usize,
    answers: &[bool],
    reopened: bool,
) {
    let t = &app.theme;
    let mut intro = Vec::new();
    if reopened {
        intro.push(Line::styled(
            format!("{} Please answer these again (after sharp pain or swelling, or a clinician's assessment).", t.warn_sign()),
            t.warn(),
        ));
    }
    intro.push(Line::raw(
        "Is any of these true today? Mark each yes; leave the rest as no.",
    ));
    let flags = &app.catalog.red_flags;
    let rows = flags
        .iter()
        .enumerate()
        .map(|(i, flag)| {
            let yes = answers.get(i).copied().unwrap_or(false);
            let mark = if yes {
                format!("{} YES", t.tick_done())
            } else {
                format!("{} no ", t.tick_open())
            };
            format!("{mark}  {}", flag.question)
        })
        .collect();
    let detail = flags
        .get(selected)
        .map(|f| vec![Line::styled(f.question.clone(), t.title())])
        .unwrap_or_default();
    let key = |a: Action| app.keymap.key_for(&a, t.ascii);
    let view = ListDetail {
        title: "Safety questions",
        intro,
        rows,
        selected,
        detail,
        footer: vec![Line::styled(
            format!(
                "{} toggles yes/no, {} continues.",
                key(Action::Tick),
                key(Action::Select)
            ),
            t.dim(),
        )],
    };
    list_detail::render(frame, area, app, view);
}

/// ```text
/// +- Stop: get care today -------------------------+
/// | ! message of each raised flag                   |
/// | what to do now / why a clinician first          |
/// | [ ] A clinician has assessed my knee (block)    |
/// +-------------------------------------------------+
/// ```
pub fn render_result(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    screening: &Screening,
    assessed: bool,
) {
    let t = &app.theme;
    let (title, intro, style) = match screening.level {
        Some(FlagLevel::Stop) => (
            "Stop: get care today",
            "Do not exercise or run on this knee today. What to do now:",
            t.danger(),
        ),
        Some(FlagLevel::Block) => (
            "See a clinician first",
            "A physiotherapist or doctor should look at your knee before you start a plan, because:",
            t.danger(),
        ),
        _ => (
            "Go ahead, with care",
            "Your plan can start. Keep this in mind (it stays on screen as a banner):",
            t.warn(),
        ),
    };
    let mut lines = vec![Line::styled(intro, style), Line::raw("")];
    for flag in &screening.flags {
        lines.push(Line::styled(
            format!("{} {}", t.warn_sign(), flag.question),
            style,
        ));
        lines.push(Line::raw(format!("  {}", flag.message)));
    }
    if !screening.lesser.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Also:", t.title()));
    }
    // Lesser flags read like the main ones: the question answered yes, then what it means.
    for flag in &screening.lesser {
        lines.push(Line::raw(format!("{} {}", t.warn_sign(), flag.question)));
        lines.push(Line::raw(format!("  {}", flag.message)));
    }
    // What to do next sits at the bottom, so a long list of messages never hides it.
    let mut foot: Vec<Line> = Vec::new();
    let key = |a: Action| app.keymap.key_for(&a, t.ascii);
    match screening.level {
        Some(FlagLevel::Stop) => {
            foot.push(Line::raw(
                "No plan is built. Esc goes back to the answers; q quits.",
            ));
        }
        Some(FlagLevel::Block) => {
            let tick = if assessed {
                t.tick_done()
            } else {
                t.tick_open()
            };
            foot.push(row(
                app,
                true,
                format!("{tick} A clinician has assessed my knee and said I can exercise"),
            ));
            foot.push(Line::raw(format!(
                "No plan until then. {} ticks the box, {} continues, Esc goes back.",
                key(Action::Tick),
                key(Action::Select)
            )));
        }
        _ => foot.push(Line::raw(format!(
            "{} continues to the set-up.",
            key(Action::Select)
        ))),
    }
    let outer = block(app, title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let foot_h = foot.len() as u16 + 1;
    let [body, footer] = inner.layout(&Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(foot_h),
    ]));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(Paragraph::new(foot).wrap(Wrap { trim: false }), footer);
}
