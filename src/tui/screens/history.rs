//! History: an adherence heatmap by month (Monday-first weeks), weekly adherence, pain trend.

use crate::journal::ScoreKind;
use jiff::ToSpan;
use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::ui::block;

/// Columns one month takes: seven days of a number, a mark and a space, and a gap.
const MONTH_WIDTH: u16 = 29;

/// Share of planned (non-optional) items done on a date; `None` when nothing was planned or
/// the day is still ahead.
fn share(app: &App, date: Date) -> Option<f32> {
    let start = app.profile.as_ref().map(|p| p.settings.start)?;
    // Days before the program started, or still ahead, were never due.
    if date > app.today || date < start {
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
/// | Pain during   3 2 2 1 ...   next morning 2 2 1 ...      |
/// +---------------------------------------------------------+
/// ```
pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let t = &app.theme;
    let outer = block(app, "History");
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let Some(start) = app.profile.as_ref().map(|p| p.settings.start) else {
        return;
    };
    let [months_area, weeks_area, pain_area, legend] = inner.layout(&Layout::vertical([
        Constraint::Length(8),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ]));
    // Up to three months, ending with this one (or earlier, paged with Left / Right).
    let back = i64::from(app.views.history.months_back);
    let this_month = app
        .today
        .first_of_month()
        .checked_sub(back.months())
        .unwrap_or(app.today.first_of_month());
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
            let style = if date == app.today {
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
    frame.render_widget(Paragraph::new(weekly), weeks_area);

    let mut pain = vec![Line::styled(
        "Pain, last 28 days (0-10, one mark a day; blank: not logged)",
        t.title(),
    )];
    let days: Vec<Date> = (0..28).rev().map(|n| app.day_offset(-n)).collect();
    let marks = pain_marks(t.ascii);
    let series = |kind: ScoreKind| -> String {
        // Each day's mark is its worst score of the kind; the figures beside count every
        // score, session and item alike, as `rehab history` does.
        let scores: Vec<Vec<u8>> = days
            .iter()
            .map(|d| {
                let all = app.scores_on(*d).into_iter();
                all.filter(|s| s.kind == kind).map(|s| s.value).collect()
            })
            .collect();
        let chart: String = scores
            .iter()
            .map(|v| {
                v.iter()
                    .max()
                    .map_or(" ", |v| marks[(usize::from((*v).min(10)) * 7).div_ceil(10)])
            })
            .collect();
        let mut all: Vec<u8> = scores.concat();
        all.sort_unstable();
        match (all.last(), all.get(all.len().saturating_sub(1) / 2)) {
            (Some(worst), Some(median)) => format!("{chart}  worst {worst}, median {median}"),
            _ => format!("{chart}  nothing logged"),
        }
    };
    pain.push(Line::raw(format!(
        "{:<14}{}",
        ScoreKind::During.label(),
        series(ScoreKind::During)
    )));
    pain.push(Line::raw(format!(
        "{:<14}{}",
        ScoreKind::NextMorning.label(),
        series(ScoreKind::NextMorning)
    )));
    pain.push(Line::styled(
        format!("scale         {} 0 .. {} 10", marks[0], marks[7]),
        t.dim(),
    ));
    frame.render_widget(Paragraph::new(pain), pain_area);
    let legend_text = format!(
        "{} none done  {} under half  {} most  {} all   (blank: rest day or ahead)",
        t.heat(Some(0.0)),
        t.heat(Some(0.3)),
        t.heat(Some(0.7)),
        t.heat(Some(1.0))
    );
    frame.render_widget(Paragraph::new(Line::styled(legend_text, t.dim())), legend);
    if let Some(field) = &app.views.history.report {
        super::files::field_box(frame, inner, app, field);
    }
}

/// Eight marks from no pain to the worst, for a one-line chart.
fn pain_marks(ascii: bool) -> [&'static str; 8] {
    if ascii {
        ["_", ".", "-", "~", "=", "+", "*", "#"]
    } else {
        ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    }
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
