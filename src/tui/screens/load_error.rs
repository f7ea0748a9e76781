//! A journal or profile that failed to load: which file, and why. Nothing is written.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::widgets::block;
use crate::text::clean;
use crate::tui::app::App;

/// ```text
/// +- Cannot load your data ----------------------+
/// | file: /path/to/journal.ron                   |
/// | why:  3:14: expected ...                     |
/// | nothing was written; fix or move the file    |
/// +----------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App, file: &str, message: &str) {
    let t = &app.context().theme;
    let lines = vec![
        Line::styled(
            format!("{} A data file could not be loaded.", t.warn_sign()),
            t.danger(),
        ),
        Line::raw(""),
        Line::from(format!("File: {}", clean(file))),
        Line::from(format!("Why:  {}", clean(message))),
        Line::raw(""),
        Line::raw("Nothing has been written to it, and nothing will be while it is broken."),
        Line::raw("Fix the file (or move it away) and start rehab again."),
        Line::raw("`rehab doctor` explains what is wrong and how to fix it."),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, "Cannot load your data")),
        area,
    );
}
