//! History: an adherence heatmap by month (Monday-first weeks), weekly adherence, pain trend.

use crate::catalog::limits::MAX_PAIN;
use crate::journal::{DaySummary, PainFigures, ScoreKind};
use jiff::ToSpan;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::widgets::block;
use crate::tui::app::App;

/// Columns one month takes: seven days of a number, a mark and a space, and a gap.
const MONTH_WIDTH: u16 = 29;

/// Share of planned (non-optional) items done on a date; `None` when nothing was planned or
/// the day is still ahead.
fn share(app: &App, date: Date) -> Option<f32> {
    let start = app.loaded().profile.as_ref().map(|p| p.settings.start)?;
    // Days before the program started, or still ahead, were never due.
    if date > app.context().today || date < start {
        return None;
    }
    let day = app.weeks_so_far().iter().find_map(|w| w.day(date))?;
    let c = app.day_counts(day);
    (c.planned > 0).then(|| (c.done as f32 + c.partly as f32 * 0.5) / c.planned as f32)
}

/// ```text
/// +- History ----------------------------------------------+
/// | November 2026         December 2026                     |
/// | Mo Tu We Th Fr Sa Su  Mo Tu ...                         |
/// |  #  +  .              ...                               |
/// | Week 1 80%  Week 2 60% ...                              |
/// | Pain, Thu 29 Oct to today (a dot a score, ...)          |
/// | during        8-10 ⠁   ⠄      latest 2, worst 3         |
/// |                ... (three rows a kind, a dot a score)   |
/// +---------------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.context().theme;
    let outer = block(app, "History");
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let Some(start) = app.loaded().profile.as_ref().map(|p| p.settings.start) else {
        return;
    };
    let [months_area, weeks_area, pain_area, legend] = inner.layout(&Layout::vertical([
        Constraint::Length(8),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ]));
    // Up to three months, ending with this one (or earlier, paged with Left / Right).
    let back = i64::from(app.views().history.months_back);
    let this_month = app
        .context()
        .today
        .first_of_month()
        .checked_sub(back.months())
        .unwrap_or(app.context().today.first_of_month());
    // Each day is its number and its mark (4 columns): two months at 80 columns, three wider.
    let shown = (months_area.width / MONTH_WIDTH).clamp(1, 3);
    let first_month = start.first_of_month().max(
        this_month
            .checked_sub(i64::from(shown - 1).months())
            .unwrap_or(this_month),
    );
    let mut month = first_month;
    let cols = months_area.layout_vec(&Layout::horizontal(vec![
        Constraint::Length(MONTH_WIDTH);
        usize::from(shown)
    ]));
    for col in cols.iter() {
        if month > this_month {
            break;
        }
        let mut lines = vec![
            Line::styled(
                format!("{} {}", month_name(month.month()), month.year()),
                t.title(),
            ),
            Line::raw("Mo  Tu  We  Th  Fr  Sa  Su"),
        ];
        let offset = month.weekday().to_monday_zero_offset() as usize;
        let mut spans: Vec<Span> = vec![Span::raw("    ".repeat(offset))];
        for d in 0..month.days_in_month() {
            let date = month.checked_add((d as i64).days()).unwrap_or(month);
            let cell = t.heat(share(app, date));
            let style = if date == app.context().today {
                t.today()
            } else {
                t.done()
            };
            // The day's number, then its mark: the calendar reads as a calendar.
            spans.push(Span::styled(format!("{:>2}", date.day()), t.dim()));
            spans.push(Span::styled(cell.to_string(), style));
            spans.push(Span::raw(" "));
            if date.weekday().to_monday_zero_offset() == 6 {
                lines.push(Line::from(std::mem::take(&mut spans)));
            }
        }
        if !spans.is_empty() {
            lines.push(Line::from(spans));
        }
        frame.render_widget(Paragraph::new(lines), *col);
        month = month.checked_add(1.month()).unwrap_or(month);
    }
    let mut weekly = vec![Line::styled("Weekly adherence", t.title())];
    // The latest weeks, as many as fit (week numbers grow to three digits in a long history).
    let mut entries = Vec::new();
    let mut used = 0;
    for w in app.weeks_so_far().iter().rev().take(8) {
        // The week's one figure, "so far" while it runs, as the CLI and the report show it.
        let a = app.week_adherence(w);
        let entry = format!("wk{} {:>3}  ", w.state.week, a.short());
        used += entry.len();
        if used > usize::from(weeks_area.width) + 2 {
            break;
        }
        entries.push(Span::raw(entry));
    }
    entries.reverse();
    weekly.push(Line::from(entries));
    if let Some(line) = running_line(app) {
        weekly.push(Line::styled(line, t.dim()));
    }
    frame.render_widget(Paragraph::new(weekly), weeks_area);

    let from = app.day_offset(-(CHART_DAYS - 1));
    // The days as `rehab history` reads them: the same scores, the same figures.
    let days = app.days_summarized(from);
    let mut pain = vec![Line::styled(
        format!(
            "Pain, {} to today (a dot a score, higher is worse)",
            from.strftime("%a %-d %b")
        ),
        t.title(),
    )];
    // Three rows a kind when they fit (every score at its own height), fewer when a banner
    // takes the room: both kinds stay on screen, a little coarser.
    let height = usize::from(pain_area.height.saturating_sub(1) / 2).clamp(1, 3);
    for kind in [ScoreKind::During, ScoreKind::NextMorning] {
        let rows = score_rows(&days, from, kind, (height, t.ascii));
        let figures = PainFigures::of(&days, kind);
        let figure = |v: Option<u8>| v.map_or("-".to_string(), |v| v.to_string());
        let mut side = match figures.worst {
            None => vec!["nothing logged".to_string()],
            Some(_) => vec![
                format!(
                    "latest {}, worst {}",
                    figure(figures.latest),
                    figure(figures.worst)
                ),
                format!("median {}", figure(figures.median)),
            ],
        };
        if height == 1 {
            side = vec![side.join(", ")];
        }
        for (i, row) in rows.iter().enumerate() {
            let label = if i == 0 { kind.label() } else { "" };
            let side = side.get(i).map_or("", String::as_str);
            pain.push(Line::from(vec![
                Span::raw(format!("{label:<13}")),
                Span::styled(format!("{:>4} ", band(i, height)), t.dim()),
                Span::raw(row.clone()),
                Span::raw(format!("  {side}").trim_end().to_string()),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(pain), pain_area);
    let legend_text = format!(
        "{} none done  {} under half  {} most  {} all   (blank: rest day or ahead)",
        t.heat(Some(0.0)),
        t.heat(Some(0.3)),
        t.heat(Some(0.7)),
        t.heat(Some(1.0))
    );
    frame.render_widget(Paragraph::new(Line::styled(legend_text, t.dim())), legend);
    if let Some(field) = &app.views().history.report {
        super::files::field_box(frame, inner, app, field);
    }
}

/// Running a watch recorded, this week and last, with `rehab runs`'s figures; `None` when no
/// activity was imported.
fn running_line(app: &App) -> Option<String> {
    use crate::journal::{clock, km};
    if app.loaded().journal.activities.is_empty() {
        return None;
    }
    let monday = crate::plan::monday_of(app.context().today);
    let last = monday.checked_sub(7.days()).ok()?;
    let this = crate::runs::load::week_load(&app.loaded().journal.activities, monday);
    let before = crate::runs::load::week_load(&app.loaded().journal.activities, last);
    // Short enough for 80 columns with a week of several hours and tens of kilometres.
    let week = |w: &crate::runs::load::WeekLoad| {
        format!("{} ({}, {})", w.runs, clock(w.moving_s), km(w.distance_m))
    };
    Some(format!(
        "Watch runs: this week {}; last week {}",
        week(&this),
        week(&before)
    ))
}

/// Days the pain chart covers, today the last.
const CHART_DAYS: i64 = 28;

/// A score's dot row counted from the bottom, in a chart of `rows` text rows (four dots
/// each): on three rows or more every score has its own height (10 is the second dot from
/// the top), on fewer the scale is shared out.
fn level(value: u8, rows: usize) -> usize {
    let value = usize::from(value.min(10));
    let top = 4 * rows - 1;
    if top >= 10 {
        value
    } else {
        (value * top + 5) / 10
    }
}

/// The scores a text row holds, "4-7": row `i` from the top of `rows`.
fn band(i: usize, rows: usize) -> String {
    let bottom = 4 * (rows - 1 - i);
    let held: Vec<u8> = (0..=MAX_PAIN)
        .filter(|v| (bottom..bottom + 4).contains(&level(*v, rows)))
        .collect();
    match (held.first(), held.last()) {
        (Some(lo), Some(hi)) => format!("{lo}-{hi}"),
        _ => String::new(),
    }
}

/// One kind of score over the chart's days in `rows` text rows, top first: a column a day, a
/// dot a score at its height, so two scores of one day are two dots. Days with none, and
/// days before the start, stay blank.
fn score_rows(
    days: &[DaySummary],
    from: Date,
    kind: ScoreKind,
    (rows, ascii): (usize, bool),
) -> Vec<String> {
    let mut dots = vec![[0u8; CHART_DAYS as usize]; rows];
    for day in days {
        let Ok(col) = usize::try_from((day.date - from).get_days()) else {
            continue;
        };
        for score in day.scores.iter().filter(|s| s.kind == kind) {
            let from_top = 4 * rows - 1 - level(score.value, rows);
            if let Some(cell) = dots.get_mut(from_top / 4).and_then(|r| r.get_mut(col)) {
                *cell |= 1 << (from_top % 4);
            }
        }
    }
    dots.iter()
        .map(|row| row.iter().map(|&d| dot_cell(d, ascii)).collect())
        .collect()
}

/// A cell's dots (bit 0 the top of four) in the left column of a braille character; in ASCII,
/// ' marks the upper half and . the lower.
fn dot_cell(dots: u8, ascii: bool) -> char {
    if dots == 0 {
        return ' ';
    }
    if ascii {
        return match (dots & 0b0011 != 0, dots & 0b1100 != 0) {
            (true, true) => ':',
            (true, false) => '\'',
            _ => '.',
        };
    }
    // Braille's left column: dots 1, 2, 3 and 7.
    const LEFT: [u32; 4] = [0x01, 0x02, 0x04, 0x40];
    let bits = (0..4)
        .filter(|i| dots & (1 << i) != 0)
        .map(|i| LEFT[i])
        .sum::<u32>();
    char::from_u32(0x2800 + bits).unwrap_or('.')
}

fn month_name(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(m.clamp(1, 12) - 1) as usize]
}
