//! Clinic: the clinician's overview, every profile in the data folder with those needing
//! attention first (the rows and order of `rehab clinic`); Enter opens one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Cell, Paragraph, Row, Wrap};

use super::list_detail::cut;
use crate::handover::{ClinicRow, Concern};
use crate::text::clean;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::ui::block;

/// Rows under the table for the selected profile: its line, its flags, what Enter does.
const DETAIL_ROWS: usize = 5;

/// ```text
/// +- Clinic: every profile, attention first -------------------------+
/// |   profile      condition       week · phase  adh.  pain  last log  |
/// | > carol        Runner's knee   2 · 1          40%  -     11-24  ! 1 |
/// |   alice        ...                                                 |
/// |                                                                    |
/// | carol: Runner's knee, week 2, phase 1 Settle                       |
/// | see-a-clinician answer                                             |
/// | Enter opens carol.                                                 |
/// +--------------------------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let outer = block(app, "Clinic: every profile, those needing attention first");
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let Some(rows) = &app.views.clinic.rows else {
        frame.render_widget(Paragraph::new("Reading the profiles..."), inner);
        return;
    };
    if rows.is_empty() {
        frame.render_widget(Paragraph::new("No profiles in this data folder."), inner);
        return;
    }
    let ellipsis = if t.ascii { "..." } else { "…" };
    let fit = |s: &str, n: usize| Cell::from(cut(&clean(s), n, ellipsis));
    // "62% so far" whole: the figure keeps its label here too.
    const WIDTHS: [u16; 6] = [12, 13, 9, 10, 7, 10];
    let widths: Vec<Constraint> = WIDTHS
        .iter()
        .map(|w| Constraint::Length(*w))
        .chain([Constraint::Fill(1)])
        .collect();
    let header = Row::new([
        "patient",
        "condition",
        if t.ascii { "wk/phase" } else { "wk · ph." },
        "adherence",
        "morning",
        "last log",
        "flags",
    ]);
    let table_rows: Vec<Row> = rows
        .iter()
        .map(|r| {
            let flags = match r.concerns.len() {
                0 => "ok".to_string(),
                1 => format!("{} 1 flag", t.warn_sign()),
                n => format!("{} {n} flags", t.warn_sign()),
            };
            let adherence = r.adherence_text();
            let last = r.last_logged_text();
            Row::new([
                fit(&r.name, 12),
                fit(&r.condition, 13),
                fit(&week_phase(r, t.ascii), 9),
                Cell::from(Line::from(adherence).right_aligned()),
                fit(r.pain_trend, 7),
                fit(&last, 10),
                Cell::from(flags),
            ])
        })
        .collect();
    let selected = app.views.clinic.selected.min(rows.len() - 1);
    let [table_area, detail_area] = inner.layout(&Layout::vertical([
        Constraint::Min(2),
        Constraint::Length(DETAIL_ROWS as u16),
    ]));
    super::widgets::table(
        frame,
        table_area,
        app,
        Some(header),
        table_rows,
        &widths,
        selected,
    );
    let mut lines = Vec::new();
    let r = &rows[selected];
    lines.push(Line::raw(""));
    let phase = match &r.phase {
        Some((n, name)) => format!(", phase {n} {}", clean(name)),
        None => String::new(),
    };
    let week = r.week.map_or_else(String::new, |w| format!(", week {w}"));
    lines.push(Line::styled(
        format!("{}: {}{week}{phase}", clean(&r.name), clean(&r.condition)),
        t.title(),
    ));
    let flags: Vec<&str> = r.concerns.iter().map(Concern::label).collect();
    lines.push(if flags.is_empty() {
        Line::raw("nothing needs attention")
    } else {
        Line::styled(
            format!("{} {}", t.warn_sign(), flags.join(", ")),
            t.danger(),
        )
    });
    let key = app.keymap.key_for(&Action::Select, t.ascii);
    let current = app.profile.as_ref().is_some_and(|p| p.name == r.name);
    lines.push(Line::styled(
        if current {
            format!("{key} opens its Today (it is the open profile).")
        } else {
            format!(
                "{key} opens {}: its Today, plan and journal.",
                clean(&r.name)
            )
        },
        t.dim(),
    ));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        detail_area,
    );
}

/// "2 · 1" (week and phase), "unstarted", or "-" for a profile that does not load.
fn week_phase(r: &ClinicRow, ascii: bool) -> String {
    match (&r.week, &r.phase) {
        (Some(w), Some((n, _))) => format!("{w}{}{n}", if ascii { " / " } else { " · " }),
        (Some(w), None) => format!("{w}"),
        (None, _) if r.concerns.first() == Some(&Concern::DoesNotLoad) => "-".to_string(),
        (None, _) => "unstarted".to_string(),
    }
}
