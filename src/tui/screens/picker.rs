//! The condition picker, the symptom helper's questions, and its ranked suggestions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::list_detail::{self, ListDetail};
use super::widgets::block;
use crate::triage::Suggestion;
use crate::tui::app::App;

/// A row with the pointer and reverse video when selected.
pub fn row(app: &App, selected: bool, text: String) -> Line<'static> {
    let t = &app.context().theme;
    if selected {
        Line::from(vec![
            Span::raw(format!("{} ", t.pointer())),
            Span::styled(text, t.selected()),
        ])
    } else {
        Line::from(vec![Span::raw("  "), Span::raw(text)])
    }
}

/// ```text
/// +- What is your knee pain most likely? --------+
/// | > Runner's knee                               |
/// |   IT band syndrome                            |
/// |   ...                                         |
/// |   Not sure? Answer a few questions            |
/// | Where it hurts: ... (the selected one)        |
/// | summary                                       |
/// +-----------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    let t = &app.context().theme;
    let conditions = &app.context().catalog.conditions;
    let mut rows: Vec<String> = conditions.iter().map(|c| c.name.to_string()).collect();
    rows.push("Not sure? Answer a few questions".into());
    let detail = match conditions.get(selected) {
        Some(c) => vec![
            Line::from(vec![
                Span::styled("Where it hurts: ", t.title()),
                Span::raw(c.where_it_hurts.clone()),
            ]),
            Line::raw(c.summary.clone()),
        ],
        None => vec![Line::raw(
            "A few questions about where and when it hurts; the answers rank the conditions and show what decided it.",
        )],
    };
    let view = ListDetail {
        title: "What is your knee pain most likely?",
        intro: vec![],
        rows,
        selected,
        detail,
        footer: vec![Line::styled(
            "This picks a plan; it is not a diagnosis.",
            t.dim(),
        )],
    };
    list_detail::render(frame, area, app, view);
}

/// ```text
/// +- Not sure? Question 2 of 7 ------------------+
/// | Where does it hurt?                           |
/// |                                               |
/// |   ( ) Around or behind the kneecap, hard to   |
/// |       point to one spot                       |
/// | > (*) Outside of the knee                     |
/// |                                               |
/// | Choose one: arrows or its number, then Enter. |
/// +-----------------------------------------------+
/// ```
/// Nothing is chosen until the person chooses; every option is shown whole, wrapped.
pub fn render_symptoms(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    question: usize,
    selected: Option<usize>,
) {
    let t = &app.context().theme;
    let total = app.context().catalog.symptom_questions.len();
    let Some(q) = app.context().catalog.symptom_questions.get(question) else {
        return;
    };
    let title = format!("Not sure? Question {} of {total}", question + 1);
    let outer = block(app, &title);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let width = usize::from(inner.width);
    // The question wraps like its options (the paragraph does not wrap, to count lines).
    let mut lines: Vec<Line> = list_detail::wrap_hanging("", &q.text, width)
        .into_iter()
        .map(|l| Line::styled(l, t.title()))
        .collect();
    lines.push(Line::raw(""));
    // Where the chosen option's lines are, to keep them in view.
    let mut chosen_at = (0, 0);
    for (i, a) in q.answers.iter().enumerate() {
        let on = selected == Some(i);
        let lead = format!("{} ", t.radio(on));
        let wrapped = list_detail::wrap_hanging(&lead, &a.text, width.saturating_sub(2));
        if on {
            chosen_at = (lines.len(), wrapped.len());
        }
        for (k, text) in wrapped.into_iter().enumerate() {
            let pointer = if on && k == 0 {
                format!("{} ", t.pointer())
            } else {
                "  ".into()
            };
            lines.push(if on {
                Line::from(vec![Span::raw(pointer), Span::styled(text, t.selected())])
            } else {
                Line::from(vec![Span::raw(pointer), Span::raw(text)])
            });
        }
    }
    lines.push(Line::raw(""));
    let n = q.answers.len();
    lines.push(Line::styled(
        match selected {
            None => {
                format!("Nothing chosen yet. Choose one with the arrows (or 1-{n}), then Enter.")
            }
            Some(_) => "Enter answers with the chosen one; Esc goes back a question.".into(),
        },
        t.dim(),
    ));
    lines.push(Line::styled(
        "This picks a plan; it is not a diagnosis.",
        t.dim(),
    ));
    // Scrolled only when the options do not fit, keeping the chosen one in view.
    let height = usize::from(inner.height);
    let (at, len) = chosen_at;
    let scroll = (at + len).saturating_sub(height).min(at);
    let scroll = u16::try_from(scroll).unwrap_or(0);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

/// ```text
/// +- It might be ... ----------------------------+
/// | > Runner's knee (fit 5)                       |
/// |   IT band syndrome (fit 1)                    |
/// | Because: the features that matched            |
/// | Not a diagnosis: a clinician can tell.        |
/// +-----------------------------------------------+
/// ```
pub fn render_suggestions(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    ranked: &[Suggestion],
    selected: usize,
) {
    let t = &app.context().theme;
    let intro = if ranked.iter().all(|s| s.score == 0) {
        "Your answers did not match any condition's pattern. Pick the closest, or ask a clinician:"
    } else {
        "From your answers, your knee pain might be (best fit first):"
    };
    let rows = ranked
        .iter()
        .map(|s| {
            let condition = app.context().catalog.condition(&s.condition);
            let name = condition.map_or(s.condition.as_str(), |c| c.name.as_str());
            match condition.map(most_points) {
                Some(most) if most > 0 => format!("{name} (fit {} of {most})", s.score),
                _ => format!("{name} (fit {})", s.score),
            }
        })
        .collect();
    let mut detail = Vec::new();
    if let Some(s) = ranked.get(selected) {
        if s.reasons.is_empty() {
            detail.push(Line::raw("No matching features."));
        } else {
            detail.push(Line::styled("What fits:", t.title()));
            detail.extend(s.reasons.iter().map(|r| Line::raw(format!("- {r}"))));
        }
    }
    let view = ListDetail {
        title: "It might be ...",
        intro: vec![Line::raw(intro)],
        rows,
        selected,
        detail,
        footer: vec![Line::styled(
            "This is a guess from a few answers, never a diagnosis. A physiotherapist or doctor can tell.",
            t.warn(),
        )],
    };
    list_detail::render(frame, area, app, view);
}

/// The most points a condition can score: each question's best answer for it (a key feature
/// counts two, any other one), so "fit 5 of 8" has a scale.
fn most_points(condition: &crate::catalog::Condition) -> u32 {
    let mut best: std::collections::BTreeMap<&str, u32> = std::collections::BTreeMap::new();
    for s in &condition.symptoms {
        let points = if s.key { 2 } else { 1 };
        let b = best.entry(s.question.as_str()).or_default();
        *b = (*b).max(points);
    }
    best.values().sum()
}
