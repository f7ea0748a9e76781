//! Printable plans: pure functions from an [`ExportInput`] to HTML, Markdown or plain text.
//! No I/O and no clock here; the date comes in with the input and `store::export` writes files.

mod chart;
mod history;
mod html;
mod markdown;
mod model;
mod profile;
mod reading;
mod sanitize;
mod text;

pub use history::history_from;
pub use html::{Paper, html, html_for_paper};
pub use markdown::markdown;
pub use model::*;
pub use profile::current_week;
pub use reading::*;
pub use sanitize::to_ascii;
pub use text::{TEXT_WIDTH, text};

/// The printed formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// Renders `input` in `format`; `ascii` applies to text only (HTML and Markdown are UTF-8 files).
pub fn render(input: &ExportInput, format: Format, ascii: bool) -> String {
    match format {
        Format::Text => text(input, ascii),
        Format::Markdown => markdown(input),
        Format::Html => html(input),
    }
}

/// The "stop and call" box when the library lists no red flags.
const NO_FLAGS: &str =
    "Stop and call your clinician if pain, swelling or giving way gets worse or does not settle.";

/// Printed at the top of every plan.
pub const DISCLAIMER: &str = "This plan is guidance, not a diagnosis. It does not replace an \
    assessment by a physiotherapist or doctor. Stop and call if any warning sign below appears.";

/// The builder's notes for a week, less the walk-run line the plan prints in its own words.
fn shown_notes(g: &WeekGuidance) -> impl Iterator<Item = &String> {
    g.notes
        .iter()
        .filter(|n| g.walk_run.is_none() || !n.starts_with("Walk-run level "))
}

/// The week's running in one line for beside the grid, when it has any.
fn week_running(week: &crate::plan::WeekPlan, g: &WeekGuidance) -> Option<String> {
    let days: Vec<&str> = week
        .days
        .iter()
        .filter(|d| d.has_run())
        .map(|d| crate::plan::Day::of(d.date).short())
        .collect();
    let on = days.join(", ");
    match &g.walk_run {
        Some(level) => Some(format!(
            "walk-run level {}, {} ({on}).",
            level.level, level.text
        )),
        None if week.run_minutes > 0 => {
            Some(format!("{} min in all this week ({on}).", week.run_minutes))
        }
        None => None,
    }
}
