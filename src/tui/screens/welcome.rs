//! The first screen on first run: what the app is, and the disclaimer.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::widgets::block;
use crate::tui::app::App;

/// The disclaimer shown before anything else.
pub const DISCLAIMER: &str = "This is guidance, not a diagnosis or a substitute for a clinician. \
If your knee is hot, red, very swollen, locks, gives way, or you cannot bear weight, \
get it checked before you exercise.";

/// ```text
/// +- Welcome ------------------------------------+
/// | rehab: knee rehab for runners                |
/// | what happens next (3 lines)                  |
/// | ! disclaimer                                 |
/// | Press Enter to choose your condition         |
/// +----------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.context().theme;
    let lines = vec![
        Line::styled(
            "rehab: a knee rehab and cross-training plan for runners",
            t.title(),
        ),
        Line::raw(""),
        Line::raw("1. Choose what your knee pain most likely is (or answer a few questions)."),
        Line::raw("2. Answer the safety questions, so we know a plan is right for you now."),
        Line::raw("3. Set your days and equipment; then tick off each day's exercises."),
        Line::raw(""),
        Line::styled(format!("{} {DISCLAIMER}", t.warn_sign()), t.warn()),
        Line::raw(""),
        Line::raw(format!(
            "Your plan and ticks are saved as profile `{}`.",
            app.loaded().profile_name
        )),
        Line::raw(""),
        Line::styled(
            format!(
                "Press {} to start.",
                app.context()
                    .keymap
                    .key_for(&crate::tui::action::Action::Select, t.ascii)
            ),
            t.key(),
        ),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, "Welcome")),
        area,
    );
}
