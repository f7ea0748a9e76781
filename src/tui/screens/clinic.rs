//! Clinic: the clinician's overview, every profile in the data folder with those needing
//! attention first (the rows and order of `rehab clinic`); Enter opens one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Text};
use ratatui::widgets::{Cell, Paragraph, Row, Wrap};

use super::list_detail::{cut_at_word, width_of};
use super::widgets::block;
use crate::handover::{ClinicRow, Concern};
use crate::text::clean;
use crate::tui::action::Action;
use crate::tui::app::App;

/// Rows under the table for the selected profile: its line, its flags, what Enter does.
const DETAIL_ROWS: usize = 5;

/// ```text
/// +- Clinic: every profile, attention first -------------------------+
/// |   patient       condition      wk  adherence morning last log   flags |
/// | > carol         Runner's knee…  2        40% steady  2026-11-24 ! 2   |
/// |   alice        ...                                                 |
/// |                                                                    |
/// | carol: Runner's knee, week 2, phase 1 Settle                       |
/// | see-a-clinician answer                                             |
/// | Enter opens carol.                                                 |
/// +--------------------------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.context().theme;
    let outer = block(app, "Clinic: every profile, those needing attention first");
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let Some(rows) = &app.views().clinic.rows else {
        frame.render_widget(Paragraph::new("Reading the profiles..."), inner);
        return;
    };
    if rows.is_empty() {
        frame.render_widget(Paragraph::new("No profiles in this data folder."), inner);
        return;
    }
    let ellipsis = if t.ascii { "..." } else { "…" };
    // A condition ends at a whole word (the selected row's is whole below the table); a name
    // wraps, so two patients who share a first name stay apart.
    let fit = |s: &str, n: u16| Cell::from(cut_at_word(&clean(s), usize::from(n), ellipsis));
    let right = |s: String| Cell::from(Line::from(s).right_aligned());
    // The columns of `rehab clinic` at 80: the week alone (its phase is in the detail below),
    // the figure with its label ("62% so far" whole), the flags' count.
    const WIDTHS: [u16; 6] = [17, 16, 3, 11, 7, 10];
    let widths: Vec<Constraint> = WIDTHS
        .iter()
        .map(|w| Constraint::Length(*w))
        .chain([Constraint::Fill(1)])
        .collect();
    let header = Row::new([
        Cell::from("patient"),
        Cell::from("condition"),
        right("wk".into()),
        right("adherence".into()),
        Cell::from("morning"),
        Cell::from("last log"),
        Cell::from("flags"),
    ]);
    let table_rows: Vec<(Row, u16)> = rows
        .iter()
        .map(|r| {
            let flags = match r.concerns.len() {
                0 => "ok".to_string(),
                n => format!("{} {n}", t.warn_sign()),
            };
            let name = name_lines(&clean(&r.name), usize::from(WIDTHS[0]), ellipsis);
            let height = name.len().max(1) as u16;
            let row = Row::new([
                Cell::from(Text::from(name)),
                fit(&r.condition, WIDTHS[1]),
                right(week(r)),
                right(r.adherence_text()),
                Cell::from(r.pain_trend),
                Cell::from(r.last_logged_text()),
                Cell::from(flags),
            ]);
            (row, height)
        })
        .collect();
    let selected = app.views().clinic.selected.min(rows.len() - 1);
    // A watch's running, as `rehab clinic` says it under the row, wrapped below the flags.
    let running = rows[selected]
        .running
        .as_ref()
        .map(|r| format!("running: {}", clean(r)));
    let running_rows = running.as_ref().map_or(0, |r| {
        textwrap::wrap(
            r,
            textwrap::Options::new(usize::from(inner.width)).break_words(false),
        )
        .len()
    });
    let [table_area, detail_area] = inner.layout(&Layout::vertical([
        Constraint::Min(2),
        Constraint::Length((DETAIL_ROWS + running_rows) as u16),
    ]));
    super::widgets::tall_table(
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
    let week = match r.week {
        Some(w) => format!(", week {w}"),
        // The table's "-" said here in words; a profile that does not load has its flag.
        None if !r.concerns.contains(&Concern::DoesNotLoad) => ", not started".to_string(),
        None => String::new(),
    };
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
    if let Some(running) = running {
        let options = textwrap::Options::new(usize::from(detail_area.width)).break_words(false);
        lines.extend(
            textwrap::wrap(&running, options)
                .into_iter()
                .map(|l| Line::raw(l.into_owned())),
        );
    }
    let key = app.context().keymap.key_for(&Action::Select, t.ascii);
    let current = app
        .loaded()
        .profile
        .as_ref()
        .is_some_and(|p| p.name == r.name);
    lines.push(Line::styled(
        if current {
            format!("{key} opens its Today (it is the open profile).")
        } else {
            // The name is on the line above: a long one said twice would push this off.
            format!("{key} opens this profile: its Today, plan and journal.")
        },
        t.dim(),
    ));
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }),
        detail_area,
    );
}

/// The week, "-" before the start or for a profile that does not load (its flags say so), as
/// `rehab clinic` shows it.
fn week(r: &ClinicRow) -> String {
    r.week.map_or_else(|| "-".to_string(), |w| w.to_string())
}

/// A name in lines of `width` broken at spaces, at most two: the second ends at a whole word
/// when more is left (the selected row's name is whole below the table).
fn name_lines(name: &str, width: usize, ellipsis: &str) -> Vec<Line<'static>> {
    let options = textwrap::Options::new(width.max(1))
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let lines: Vec<String> = textwrap::wrap(name, options)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    let mut out: Vec<String> = lines.iter().take(1).cloned().collect();
    if lines.len() > 2 {
        let rest = lines[1..].join(" ");
        // A word that fills the line alone is shown whole, without the ellipsis.
        out.push(match width_of(&lines[1]) + width_of(ellipsis) > width {
            true => lines[1].clone(),
            false => cut_at_word(&rest, width, ellipsis),
        });
    } else {
        out.extend(lines.get(1).cloned());
    }
    // A word wider than the column is the one thing cut.
    out.into_iter()
        .map(|l| match width_of(&l) > width {
            true => Line::from(cut_at_word(&l, width, ellipsis)),
            false => Line::from(l),
        })
        .collect()
}
