//! Profiles: list, switch, create, and edit the patient fields.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::picker::row;
use super::widgets::block;
use crate::tui::app::App;
use crate::tui::app::{PatientEdit, PatientRow as Row, views_patient_fields};

/// ```text
/// +- Profiles --------------------------------------+
/// | > me        (current)  Runner's knee  from ...   |
/// |   anna                                           |
/// | Patient: name, clinician, clinic, notes          |
/// +--------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.context().theme;
    // A prescription being written or imported takes the view: the path, then what the file
    // creates or what is wrong with it.
    let width = usize::from(area.width.saturating_sub(2));
    let handover = match (&app.views().profiles.file, &app.views().profiles.import) {
        (_, Some(preview)) => Some(super::files::import_lines(app, preview, width)),
        (Some(field), None) => Some(super::files::field_lines(app, field, width)),
        (None, None) => None,
    };
    if let Some(lines) = handover {
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(block(app, "Profiles: prescription file")),
            area,
        );
        return;
    }
    let mut lines = Vec::new();
    // While the form is open the list steps aside, so all its rows fit at 80x24 however many
    // patients a clinic has.
    let listed = if app.views().profiles.patient.is_some() {
        &[][..]
    } else {
        &app.loaded().profiles[..]
    };
    for (i, name) in listed.iter().enumerate() {
        let current = app
            .loaded()
            .profile
            .as_ref()
            .is_some_and(|p| &p.name == name);
        let note = if current { "  (current)" } else { "" };
        lines.push(row(
            app,
            i == app.views().profiles.selected,
            format!("{name}{note}"),
        ));
    }
    if let Some(name) = &app.views().profiles.new_name {
        lines.push(Line::raw(""));
        lines.push(name.line("New profile name: ", width, t.ellipsis()));
        lines.push(Line::styled(
            "letters, digits, - and _; Enter creates it",
            t.dim(),
        ));
    }
    if !lines.is_empty() {
        lines.push(Line::raw(""));
    }
    // The details are those of the profile under the cursor: another one is not open, so
    // it says how to open it rather than showing the open one's details beside its name.
    let selected = app.loaded().profiles.get(app.views().profiles.selected);
    let other = selected.filter(|name| {
        app.views().profiles.patient.is_none()
            && app
                .loaded()
                .profile
                .as_ref()
                .is_none_or(|p| &p.name != *name)
    });
    if let Some(name) = other {
        let key = app
            .context()
            .keymap
            .key_for(&crate::tui::action::Action::Select, t.ascii);
        lines.push(Line::styled(name.clone(), t.title()));
        lines.push(Line::raw(format!(
            "{key} opens {name}: its plan, journal and details."
        )));
    } else if let Some(p) = &app.loaded().profile {
        let condition = app
            .context()
            .catalog
            .condition(&p.condition)
            .map_or(p.condition.as_str(), |c| c.name.as_str());
        lines.push(Line::styled(
            format!("{}: {condition}, started {}", p.name, p.settings.start),
            t.title(),
        ));
        let s = &p.settings;
        let runs: Vec<&str> = s.run_days.iter().map(|d| d.short()).collect();
        lines.push(Line::raw(format!(
            "{} days a week, runs on {}, {} min per session",
            s.days_per_week,
            if runs.is_empty() {
                "no days".into()
            } else {
                runs.join(" ")
            },
            s.minutes
        )));
        if !p.overrides.is_empty() {
            lines.push(Line::raw("A clinician's changes to the plan apply."));
        }
        let values = PatientEdit::from_profile(p).values;
        if app.views().profiles.patient.is_some() {
            lines.push(Line::styled(
                "Empty means not set. Phase and level are numbers, ceilings 0-10; exercises are ids, comma-separated.",
                t.dim(),
            ));
        }
        for (i, label) in views_patient_fields().iter().enumerate() {
            let (value, on) = match &app.views().profiles.patient {
                Some(edit) if edit.field == i => {
                    // The row being typed in: one line, scrolled to its cursor; its label marked.
                    let mut line =
                        edit.values[i].line(&format!("{label:<22} "), width, t.ellipsis());
                    line.spans[0].style = t.selected();
                    lines.push(line);
                    continue;
                }
                Some(edit) => (
                    crate::text::clean(edit.values[i].text()).into_owned(),
                    false,
                ),
                // The assessment rows show the latest one recorded, from the journal.
                None if i >= Row::AssessedOn as usize => {
                    let latest = app.loaded().journal.last_assessment.as_ref();
                    let shown = match (i, latest) {
                        (i, Some((_, date, _))) if i == Row::AssessedOn as usize => {
                            date.to_string()
                        }
                        (i, Some((_, _, Some(by)))) if i == Row::AssessedBy as usize => {
                            crate::text::clean(by).into_owned()
                        }
                        _ => "-".to_string(),
                    };
                    (shown, false)
                }
                None if values[i].is_empty() => ("-".to_string(), false),
                None => (crate::text::clean(values[i].text()).into_owned(), false),
            };
            let line = format!("{label:<22} {value}");
            lines.push(if on {
                Line::styled(line, t.selected())
            } else {
                Line::raw(line)
            });
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, "Profiles")),
        area,
    );
}
