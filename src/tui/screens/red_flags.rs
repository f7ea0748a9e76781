//! The red-flag questions and what their answers mean.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::list_detail::{self, ListDetail};
use super::widgets::block;
use crate::catalog::FlagLevel;
use crate::screening::Screening;
use crate::tui::action::Action;
use crate::tui::app::App;

/// The questions screen's state, as the app holds it.
pub struct Questions<'a> {
    pub selected: usize,
    pub answers: &'a [bool],
    /// Questions shown so far, from the top.
    pub seen: usize,
    pub reopened: bool,
}

/// ```text
/// +- Safety questions: 3 of 15 --------------------+
/// | Is any of these true today? ...                 |
/// | > [ ] no   Is the knee hot, red and swollen?    |
/// |   [x] YES  Did it lock or give way?             |
/// |   ...      (not read yet)                       |
/// | the selected question in full                   |
/// | v 12 more questions below: Enter shows the next |
/// +-------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App, q: Questions) {
    let t = &app.context().theme;
    let mut intro = Vec::new();
    if q.reopened
        && let Some(why) = reopened_because(app)
    {
        intro.push(Line::styled(format!("{} {why}", t.warn_sign()), t.warn()));
    }
    intro.push(Line::raw(format!(
        "True today? {} yes, {} no; every question needs an answer.",
        app.context().keymap.key_for(&Action::Yes, t.ascii),
        app.context().keymap.key_for(&Action::New, t.ascii)
    )));
    let flags = &app.context().catalog.red_flags;
    let unread = if t.ascii { "..." } else { "…" };
    let rows = flags
        .iter()
        .enumerate()
        .map(|(i, flag)| {
            let yes = q.answers.get(i).copied().unwrap_or(false);
            let mark = if i >= q.seen {
                format!("{unread:<7}")
            } else if yes {
                format!("{} YES", t.tick_done())
            } else {
                format!("{} no ", t.tick_open())
            };
            format!("{mark}  {}", flag.question)
        })
        .collect();
    let detail = flags
        .get(q.selected)
        .map(|f| vec![Line::styled(f.question.clone(), t.title())])
        .unwrap_or_default();
    let key = |a: Action| app.context().keymap.key_for(&a, t.ascii);
    let n = flags.len();
    let left = n.saturating_sub(q.seen);
    let next = if left > 0 {
        let arrow = if t.ascii { "v" } else { "↓" };
        Line::styled(
            format!(
                "{arrow} {left} more question(s) below, not read yet: {} shows the next.",
                key(Action::Select)
            ),
            t.warn(),
        )
    } else {
        Line::raw(format!(
            "All {n} read: {} saves the answers.",
            key(Action::Select)
        ))
    };
    let title = format!("Safety questions: {} of {n}", (q.selected + 1).min(n));
    let view = ListDetail {
        title: &title,
        intro,
        rows,
        selected: q.selected,
        detail,
        footer: vec![
            next,
            Line::styled(
                format!(
                    "{} yes and {} no show the next; {} toggles; Esc goes back.",
                    key(Action::Yes),
                    key(Action::New),
                    key(Action::Tick)
                ),
                t.dim(),
            ),
        ],
    };
    list_detail::render(frame, area, app, view);
}

/// Why the questions are on screen again, in the person's words: the gate says.
fn reopened_because(app: &App) -> Option<&'static str> {
    use crate::session::Gate;
    Some(match app.gate()? {
        Gate::Rescreen { .. } => {
            "Sharp pain, swelling or a limp was logged: please answer these again."
        }
        Gate::WeeklyDue { .. } => {
            "This week's check: read each one again; if nothing has changed, save the same answers."
        }
        Gate::Unanswered { .. } => "Please answer these before your plan starts.",
        Gate::Stop { .. } | Gate::Block { .. } | Gate::Escalated { .. } => {
            "Your plan is on hold until a clinician records their assessment; a changed answer here does not lift it."
        }
        Gate::Open { .. } => "Change any answer that is no longer right.",
    })
}

/// ```text
/// +- Stop: get care today -------------------------+
/// | ! message of each raised flag                   |
/// | what to do now / why a clinician first          |
/// | what lifts it, and what Enter does               |
/// +-------------------------------------------------+
/// ```
pub fn render_result(frame: &mut Frame, area: Rect, app: &App, screening: &Screening) {
    let t = &app.context().theme;
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
    let key = |a: Action| app.context().keymap.key_for(&a, t.ascii);
    let first_run = app.first_run(app.screen().choosing());
    let saved = if first_run {
        ""
    } else {
        "Your answers are saved. "
    };
    match screening.level {
        Some(FlagLevel::Stop) if first_run => foot.push(Line::raw(
            "No plan is built. Esc goes back to the answers; q quits.",
        )),
        Some(FlagLevel::Stop) => foot.push(Line::raw(format!(
            "{saved}No plan is shown until a doctor or physiotherapist has seen you and records \
             their assessment here; answering again does not lift it. {} goes to Today.",
            key(Action::Select)
        ))),
        Some(FlagLevel::Block) => {
            foot.push(Line::styled(
                "What lifts this: your physiotherapist or doctor records their assessment here \
                 (Profiles: Assessed on, Assessed by) after today's answers. Answering again does \
                 not lift it.",
                t.title(),
            ));
            foot.push(Line::raw(if first_run {
                format!(
                    "{} sets up the profile with the plan on hold; Esc goes back.",
                    key(Action::Select)
                )
            } else {
                format!(
                    "{saved}{} goes to Today; Esc goes back.",
                    key(Action::Select)
                )
            }));
        }
        _ if first_run => foot.push(Line::raw(format!(
            "{} continues to the set-up.",
            key(Action::Select)
        ))),
        _ => foot.push(Line::raw(format!(
            "{saved}{} goes to Today.",
            key(Action::Select)
        ))),
    }
    let outer = block(app, title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    // Each footer line as wrapped, so what to do next is never cut off.
    let width = usize::from(inner.width.max(1));
    let foot_h = foot
        .iter()
        .map(|l| l.width().div_ceil(width).max(1) as u16)
        .sum::<u16>()
        + 1;
    let [_, body, footer] = super::widgets::bands(inner, 0, foot_h);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    frame.render_widget(Paragraph::new(foot).wrap(Wrap { trim: false }), footer);
}
