//! The condition picker, the symptom helper's questions, and its ranked suggestions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::list_detail::{self, ListDetail};
use crate::triage::Suggestion;
use crate::tui::app::App;

/// A row with the pointer and reverse video when selected.
pub fn row(app: &App, selected: bool, text: String) -> Line<'static> {
    let t = &app.theme;
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
    let t = &app.theme;
    let conditions = &app.catalog.conditions;
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
/// | > (*) Around or behind the kneecap            |
/// |   ( ) Outside of the knee                     |
/// +-----------------------------------------------+
/// ```
pub fn render_symptoms(frame: &mut Frame, area: Rect, app: &App, question: usize, selected: usize) {
    let t = &app.theme;
    let total = app.catalog.symptom_questions.len();
    let Some(q) = app.catalog.symptom_questions.get(question) else {
        return;
    };
    let rows = q
        .answers
        .iter()
        .enumerate()
        .map(|(i, a)| format!("{} {}", t.radio(i == selected), a.text))
        .collect();
    let detail = q
        .answers
        .get(selected)
        .map(|a| vec![Line::raw(a.text.clone())])
        .unwrap_or_default();
    let title = format!("Not sure? Question {} of {total}", question + 1);
    let view = ListDetail {
        title: &title,
        intro: vec![Line::styled(q.text.clone(), t.title()), Line::raw("")],
        rows,
        selected,
        detail,
        footer: vec![],
    };
    list_detail::render(frame, area, app, view);
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
    let t = &app.theme;
    let intro = if ranked.iter().all(|s| s.score == 0) {
        "Your answers did not match any condition's pattern. Pick the closest, or ask a clinician:"
    } else {
        "From your answers, your knee pain might be (best fit first):"
    };
    let rows = ranked
        .iter()
        .map(|s| {
            let condition = app.catalog.condition(&s.condition);
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
