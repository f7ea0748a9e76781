//! The file path field (a prescription to write or import, a report to write) and the import
//! preview: what a prescription file creates, or every problem in it, before anything is
//! written. Text from the file is cleaned before it is shown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::widgets::block;
use crate::text::clean;
use crate::tui::app::{App, FileField, FileKind, ImportPreview};

/// The field's lines in `width` columns: what is written or read, the path being typed, and
/// what Enter does.
pub fn field_lines(app: &App, field: &FileField, width: usize) -> Vec<Line<'static>> {
    let t = &app.context().theme;
    let name = app.loaded().profile_name.as_str();
    let (what, how) = match field.write {
        Some(FileKind::Prescription) => (
            format!("Write the prescription of {name} to:"),
            "A new file; it holds no answers to the safety questions. Enter writes it.",
        ),
        Some(FileKind::Report) => (
            format!(
                "Write the follow-up report of {name} (the last {} weeks) to:",
                crate::tui::app::REPORT_WEEKS
            ),
            "A new file: .html, .md or .txt (text) by its extension. Enter writes it.",
        ),
        None if field.runs => (
            "Import runs from a watch: a GPX, TCX or FIT file, or a folder of them:".to_string(),
            "Tab completes; Enter reads them: a summary of each run is kept, never the GPS \
             track. Esc cancels.",
        ),
        None => (
            "Import a prescription file:".to_string(),
            "Enter reads and checks it; nothing is written before you confirm.",
        ),
    };
    vec![
        Line::styled(what, t.title()),
        field.path.line("", width, t.ellipsis()),
        Line::styled(how, t.dim()),
    ]
}

/// The import preview in `width` columns: the profile the file creates, or its problems,
/// each at its place.
pub fn import_lines(app: &App, p: &ImportPreview, width: usize) -> Vec<Line<'static>> {
    let t = &app.context().theme;
    let file = clean(&p.file).into_owned();
    let mut lines = Vec::new();
    let imported = match &p.checked {
        Err(problems) => {
            lines.push(Line::styled(
                format!("{} {file} cannot be imported:", t.warn_sign()),
                t.danger(),
            ));
            for l in problems.lines() {
                lines.push(Line::raw(clean(l).into_owned()));
            }
            None
        }
        Ok(imported) => {
            lines.push(Line::styled(
                format!("{file} is a valid prescription."),
                t.title(),
            ));
            Some(imported)
        }
    };
    lines.push(p.name.line("Import as: ", width, t.ellipsis()));
    let Some(imported) = imported else {
        lines.push(Line::styled(
            "Type another name, or Esc to cancel. Nothing was written.",
            t.dim(),
        ));
        return lines;
    };
    let pr = &imported.profile;
    let condition = app
        .context()
        .catalog
        .condition(&pr.condition)
        .map_or(pr.condition.as_str(), |c| c.name.as_str());
    let s = &pr.settings;
    let runs: Vec<&str> = s.run_days.iter().map(|d| d.short()).collect();
    lines.push(Line::raw(format!(
        "{}: {}, from {}, {} days a week, runs {}, {} min",
        pr.name,
        clean(condition),
        s.start,
        s.days_per_week,
        if runs.is_empty() {
            "none".to_string()
        } else {
            runs.join(" ")
        },
        s.minutes
    )));
    if let Some(patient) = &pr.patient {
        let parts: Vec<String> = [
            ("patient", &patient.name),
            ("clinician", &patient.clinician),
            ("clinic", &patient.clinic),
        ]
        .iter()
        .filter_map(|(what, v)| v.as_ref().map(|v| format!("{what} {}", clean(v))))
        .collect();
        if !parts.is_empty() {
            lines.push(Line::raw(parts.join("; ")));
        }
    }
    if !pr.overrides.is_empty() {
        lines.push(Line::raw("A clinician's changes to the plan apply."));
    }
    if let Some(a) = &imported.assessment {
        lines.push(Line::raw(format!(
            "It records the clinician's assessment of {}.",
            a.date
        )));
    }
    for note in &imported.notes {
        lines.push(Line::raw(format!("Note: {}", clean(note))));
    }
    let enter = app
        .context()
        .keymap
        .key_for(&crate::tui::action::Action::Select, t.ascii);
    if app.profile_exists(&pr.name) {
        lines.push(Line::styled(
            format!(
                "{} A profile {} exists: {enter} replaces its plan settings (its journal and \
                 answers are kept); or type another name.",
                t.warn_sign(),
                pr.name
            ),
            t.warn(),
        ));
    } else {
        lines.push(Line::styled(
            format!(
                "{enter} creates it; the safety questions are asked when it is opened. Esc \
                 cancels."
            ),
            t.dim(),
        ));
    }
    lines
}

/// The field in a box at the bottom of `area` (the History view's report path).
pub fn field_box(frame: &mut Frame, area: Rect, app: &App, field: &FileField) {
    let lines = field_lines(app, field, usize::from(area.width.saturating_sub(2)));
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(area.x, area.y + area.height - h, area.width, h);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(
                app,
                if field.runs {
                    "Runs from a watch"
                } else {
                    "Follow-up report"
                },
            )),
        rect,
    );
}
