//! The condition picker, the symptom helper's questions, and its ranked suggestions.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::triage::Suggestion;
use crate::tui::app::App;
use crate::tui::ui::block;

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
/// | > Runner's knee         front, around the cap |
/// |     one-line summary                          |
/// |   IT band syndrome      outside of the knee   |
/// |     ...                                       |
/// |   Not sure? Answer a few questions            |
/// +-----------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App, selected: usize) {
    let t = &app.theme;
    let mut lines = Vec::new();
    for (i, c) in app.catalog.conditions.iter().enumerate() {
        lines.push(row(
            app,
            i == selected,
            format!("{:<24} {}", c.name, c.where_it_hurts),
        ));
        lines.push(Line::styled(
            format!("      {}", first_sentence(&c.summary)),
            t.dim(),
        ));
    }
    lines.push(Line::raw(""));
    let last = app.catalog.conditions.len();
    lines.push(row(
        app,
        selected == last,
        "Not sure? Answer a few questions".into(),
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "This picks a plan; it is not a diagnosis.",
        t.dim(),
    ));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, "What is your knee pain most likely?")),
        area,
    );
}

fn first_sentence(text: &str) -> &str {
    match text.find(". ") {
        Some(i) => &text[..=i],
        None => text,
    }
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
    let mut lines = vec![Line::styled(q.text.clone(), t.title()), Line::raw("")];
    for (i, a) in q.answers.iter().enumerate() {
        lines.push(row(
            app,
            i == selected,
            format!("{} {}", t.radio(i == selected), a.text),
        ));
    }
    let title = format!("Not sure? Question {} of {total}", question + 1);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, &title)),
        area,
    );
}

/// ```text
/// +- It might be ... ----------------------------+
/// | > Runner's knee (score 5)                     |
/// |     because: pain around the kneecap, ...     |
/// |   IT band syndrome (score 1)                  |
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
    let mut lines = vec![Line::raw(intro), Line::raw("")];
    for (i, s) in ranked.iter().enumerate() {
        let name = app
            .catalog
            .condition(&s.condition)
            .map_or(s.condition.as_str(), |c| c.name.as_str());
        lines.push(row(app, i == selected, format!("{name} (fit {})", s.score)));
        let why = if s.reasons.is_empty() {
            "no matching features".to_string()
        } else {
            format!("because: {}", s.reasons.join("; "))
        };
        lines.push(Line::styled(
            format!("      {why}"),
            if i == selected { Style::new() } else { t.dim() },
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "This is a guess from a few answers, never a diagnosis. A physiotherapist or doctor can tell.",
        t.warn(),
    ));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, "It might be ...")),
        area,
    );
}
