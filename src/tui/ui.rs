//! Drawing: the frame around every screen (tabs, banner, status, hint bar), the too-small
//! message, and dispatch to one file per screen. Render borrows the state and never changes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs, Wrap};

use super::action::Action;
use super::app::{App, Overlay, Screen, View};
use super::screens::{self, widgets};
use crate::session::Urgency;

/// The smallest terminal the layout is made for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole app.
pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let [_, body, footer] = widgets::bands(area, 0, 2);
    let [status, hints, _] = widgets::bands(footer, 1, 0);
    match &app.screen() {
        Screen::Main => main_views(frame, body, app),
        Screen::LoadError { file, message } => {
            screens::load_error::render(frame, body, app, file, message)
        }
        Screen::Welcome => screens::welcome::render(frame, body, app),
        Screen::Picker { selected } => screens::picker::render(frame, body, app, *selected),
        Screen::Symptoms {
            question, selected, ..
        } => screens::picker::render_symptoms(frame, body, app, *question, *selected),
        Screen::Suggestions { ranked, selected } => {
            screens::picker::render_suggestions(frame, body, app, ranked, *selected)
        }
        Screen::RedFlags {
            selected,
            answers,
            seen,
            reopened,
            ..
        } => screens::red_flags::render(
            frame,
            body,
            app,
            screens::red_flags::Questions {
                selected: *selected,
                answers,
                seen: *seen,
                reopened: *reopened,
            },
        ),
        Screen::FlagResult { screening, .. } => {
            screens::red_flags::render_result(frame, body, app, screening)
        }
        Screen::Setup(form) => screens::setup::render(frame, body, app, form),
    }
    if let Some(overlay) = &app.overlay() {
        screens::overlays::render(frame, body, app, overlay);
    }
    if let Some(s) = &app.status() {
        let style = if s.error {
            app.context().theme.danger()
        } else {
            app.context().theme.done()
        };
        let mark = if s.error {
            app.context().theme.warn_sign()
        } else {
            ""
        };
        let text = format!("{mark}{}{}", if mark.is_empty() { "" } else { " " }, s.text);
        frame.render_widget(Paragraph::new(Line::styled(text, style)), status);
    }
    frame.render_widget(hint_bar(app), hints);
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "rehab needs at least {MIN_WIDTH}x{MIN_HEIGHT}; this terminal is {}x{}. Enlarge it, or press q to quit.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// The tabs, the lasting banner, then the view.
fn main_views(frame: &mut Frame, area: Rect, app: &App) {
    // The lasting banner, wrapped whole under its label (a sign-off's line is never cut).
    let banner = app.banner().map(|(level, text)| {
        let (label, style) = match level {
            Urgency::Info | Urgency::Advise => ("Advice", app.context().theme.warn()),
            Urgency::Hold => ("On hold", app.context().theme.danger()),
            Urgency::Stop => ("Stop", app.context().theme.danger()),
        };
        let lead = format!("{} {label}: ", app.context().theme.warn_sign());
        let mut lines = screens::list_detail::wrap_hanging(&lead, &text, usize::from(area.width));
        lines.truncate(4);
        let lines: Vec<Line> = lines
            .into_iter()
            .enumerate()
            .map(|(i, l)| match i {
                0 => {
                    let rest: String = l.chars().skip(lead.chars().count()).collect();
                    Line::from(vec![Span::styled(lead.clone(), style), Span::raw(rest)])
                }
                _ => Line::raw(l),
            })
            .collect();
        lines
    });
    let banner_h = banner.as_ref().map_or(0, |l| l.len() as u16);
    let [tabs, below, _] = widgets::bands(area, 1, 0);
    let [banner_area, body, _] = widgets::bands(below, banner_h, 0);
    // The tabs, and the open profile's name in what they leave (cut to fit, never hidden).
    let tabs_shown = app.tabs();
    let titles: Vec<String> = tabs_shown.iter().map(|v| v.title().to_string()).collect();
    let tabs_width: usize = titles.iter().map(|t| t.len() + 2).sum();
    let [tabs_area, name_area] =
        widgets::columns(tabs, u16::try_from(tabs_width).unwrap_or(u16::MAX));
    let selected = tabs_shown.iter().position(|v| *v == app.view());
    frame.render_widget(
        Tabs::new(titles)
            .select(selected)
            .divider("")
            .padding(" ", " ")
            .highlight_style(Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)),
        tabs_area,
    );
    let ellipsis = if app.context().theme.ascii {
        "..."
    } else {
        "…"
    };
    // A space either side: apart from the tabs, and clear of an overlay's right edge.
    let room = usize::from(name_area.width).saturating_sub(2);
    let name = screens::list_detail::cut(
        &crate::text::clean(&app.loaded().profile_name),
        room,
        ellipsis,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(format!("{name} "), app.context().theme.dim())).right_aligned(),
        name_area,
    );
    if let Some(lines) = banner {
        frame.render_widget(Paragraph::new(lines), banner_area);
    }
    match app.view() {
        View::Today => screens::today::render(frame, body, app),
        View::Week => screens::week::render(frame, body, app),
        View::Program => screens::program::render(frame, body, app),
        View::History => screens::history::render(frame, body, app),
        View::Library => screens::library::render(frame, body, app),
        View::Profiles => screens::profiles::render(frame, body, app),
        View::Clinic => screens::clinic::render(frame, body, app),
        View::Export => screens::export::render(frame, body, app),
    }
}

/// The actions worth a hint on the current screen, with the word shown beside the key.
pub fn hint_actions(app: &App) -> Vec<(Action, &'static str)> {
    if app.typing() {
        // In a text field Enter finishes and Esc cancels; arrows move between fields.
        let mut hints = vec![(Action::Select, "done"), (Action::Back, "cancel")];
        if app.views().profiles.patient.is_some() && app.overlay().is_none() {
            hints.insert(0, (Action::Down, "next field"));
        }
        if matches!(app.overlay(), Some(Overlay::Skip { .. })) {
            hints[0].1 = "skip";
        }
        if app.overlay().is_none() && app.view() == View::Profiles {
            if app.views().profiles.import.is_some() {
                hints[0].1 = "import";
            } else if let Some(f) = &app.views().profiles.file {
                hints[0].1 = if f.write.is_some() { "write" } else { "read" };
            }
        }
        if app.overlay().is_none()
            && app.view() == View::History
            && app.views().history.report.is_some()
        {
            hints[0].1 = "write";
        }
        return hints;
    }
    if let Some(Overlay::Timer(timer)) = &app.overlay() {
        return if timer.finished() {
            vec![
                (Action::Select, "tick it"),
                (Action::Sets(0), "sets done"),
                (Action::Back, "close"),
            ]
        } else {
            let pause = if timer.running { "pause" } else { "go on" };
            vec![
                (Action::Tick, pause),
                (Action::Right, "next step"),
                (Action::Left, "again"),
                (Action::Sets(0), "sets done"),
                (Action::Back, "close"),
            ]
        };
    }
    // What Enter does here, in one word.
    let select_word = match (&app.overlay(), &app.screen(), app.view()) {
        (Some(Overlay::Skip { .. }), _, _) => "skip",
        (Some(Overlay::Pain(_)), _, _) => "save",
        (Some(_), _, _) => "close",
        (None, Screen::Welcome, _) => "start",
        (None, Screen::Picker { .. } | Screen::Symptoms { .. } | Screen::Suggestions { .. }, _) => {
            "choose"
        }
        (None, Screen::RedFlags { .. } | Screen::FlagResult { .. }, _) => "continue",
        (None, Screen::Setup(_), _) => "start plan",
        (None, Screen::Main, view) => return view.hints(app),
        _ => "open",
    };
    actions_here(app)
        .into_iter()
        .map(|a| {
            let word = match a {
                Action::Left | Action::Right => "change",
                Action::Select => select_word,
                _ => a.hint(),
            };
            (a, word)
        })
        .collect()
}

fn actions_here(app: &App) -> Vec<Action> {
    use Action::*;
    if let Some(o) = &app.overlay() {
        return match o {
            Overlay::Help => vec![Back],
            Overlay::Detail { .. } => vec![Down, Back],
            Overlay::Skip { .. } => vec![Down, Select, Back],
            Overlay::Pain(_) => vec![Down, Right, Tick, Select, Back],
            Overlay::Timer(_) => vec![Tick, Back],
            Overlay::Text { .. } => vec![Back],
        };
    }
    if app.typing() {
        return vec![Select, Back];
    }
    match &app.screen() {
        Screen::LoadError { .. } => vec![Quit],
        Screen::Welcome => vec![Select, Help, Quit],
        Screen::Picker { .. } | Screen::Symptoms { .. } | Screen::Suggestions { .. } => {
            vec![Down, Select, Back, Help, Quit]
        }
        Screen::RedFlags { .. } => vec![Down, Tick, Select, Back, Quit],
        Screen::FlagResult { screening, .. }
            if screening.level == Some(crate::catalog::FlagLevel::Stop)
                && app.first_run(app.screen().choosing()) =>
        {
            vec![Back, Quit]
        }
        Screen::FlagResult { .. } => vec![Select, Back, Quit],
        Screen::Setup(_) => vec![Down, Right, Tick, Select, Back, Quit],
        Screen::Main => Vec::new(),
    }
}

fn hint_bar(app: &App) -> Paragraph<'static> {
    let mut spans = Vec::new();
    for (action, word) in hint_actions(app) {
        let key = if app.typing() {
            app.context()
                .keymap
                .typing_key_for(&action, app.context().theme.ascii)
        } else {
            app.context()
                .keymap
                .key_for(&action, app.context().theme.ascii)
        };
        if key.is_empty() {
            continue;
        }
        // Single spaces: the busiest screen's hints must fit in 80 columns.
        spans.push(Span::styled(key, app.context().theme.key()));
        spans.push(Span::raw(format!(" {word} ")));
    }
    Paragraph::new(Line::from(spans))
}
