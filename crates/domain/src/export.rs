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

pub use chart::{sparkline, svg as pain_chart_svg};
pub use history::history_from;
pub use html::{Paper, html, html_for_paper};
pub use markdown::esc as markdown_escape;
pub use markdown::markdown;
pub use model::*;
pub use reading::*;
pub use sanitize::to_ascii;
pub use text::{TEXT_WIDTH, text};

/// The printed formats: the one type the command line parses (`--format`), the app offers and
/// the renderers take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// In the order the app offers them: the printable one first.
    pub const ALL: [Format; 3] = [Format::Html, Format::Markdown, Format::Text];

    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }

    /// The format named by its label ("text", "markdown", "html"), as `--format` takes it.
    pub fn from_label(label: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.label() == label)
    }

    /// The file name extension a plan in this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// The format a file name asks for: `plan.html` is HTML, `plan.md` Markdown, else text.
    pub fn for_path(path: &std::path::Path) -> Format {
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match extension.as_deref() {
            Some("html" | "htm") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Text,
        }
    }
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
