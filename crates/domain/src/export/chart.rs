//! Pain over days as a text sparkline (the HTML draws the same numbers as SVG).

use maud::{Markup, html};

use super::model::WeekHistory;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One character per day: a bar (or, in ASCII, the score with `X` for 10), `.` when not logged;
/// the Unicode form is followed by the scores themselves.
pub fn sparkline(values: &[Option<u8>], ascii: bool) -> String {
    let digits: String = values
        .iter()
        .map(|v| match v {
            None => '.',
            Some(10..) => 'X',
            Some(n) => char::from(b'0' + n),
        })
        .collect();
    if ascii {
        return digits;
    }
    let bars: String = values
        .iter()
        .map(|v| match v {
            None => '·',
            Some(n) => BARS[(usize::from((*n).min(10)) * 7).div_ceil(10)],
        })
        .collect();
    format!("{bars}  {digits}")
}

/// Pixels between days, and the chart's margins, in SVG user units.
const STEP: usize = 14;
const LEFT: usize = 28;
const TOP: usize = 10;
const HEIGHT: usize = 100;

fn points(values: &[Option<u8>]) -> Vec<(usize, usize)> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            v.map(|v| (LEFT + i * STEP, TOP + HEIGHT - usize::from(v.min(10)) * 10))
        })
        .collect()
}

fn polyline(points: &[(usize, usize)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Pain during (solid, squares) and next-morning pain (dashed, circles) over every logged day,
/// in black only so it prints on any printer.
pub fn svg(history: &[WeekHistory]) -> Markup {
    let days: Vec<_> = history.iter().flat_map(|w| &w.pain).collect();
    let during = points(&days.iter().map(|p| p.during).collect::<Vec<_>>());
    let morning = points(&days.iter().map(|p| p.morning).collect::<Vec<_>>());
    let width = LEFT + days.len().max(1) * STEP + 10;
    let bottom = TOP + HEIGHT;
    html! {
        figure.pain-chart {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (width) " " (bottom + 34) }
                role="img" aria-label="Pain chart, 0 to 10, by day" {
                @for level in [0usize, 5, 10] {
                    @let y = bottom - level * 10;
                    line x1=(LEFT) x2=(width - 6) y1=(y) y2=(y) stroke="#000" stroke-width="0.4"
                        stroke-dasharray="2 3" {}
                    text x=(LEFT - 6) y=(y + 3) text-anchor="end" font-size="9" { (level) }
                }
                polyline points=(polyline(&during)) fill="none" stroke="#000" stroke-width="1.5" {}
                @for (x, y) in &during {
                    rect x=(x - 3) y=(y - 3) width="6" height="6" fill="#000" {}
                }
                polyline points=(polyline(&morning)) fill="none" stroke="#000" stroke-width="1.2"
                    stroke-dasharray="4 3" {}
                @for (x, y) in &morning {
                    circle cx=(x) cy=(y) r="3" fill="#fff" stroke="#000" {}
                }
                // Dates under the first day and each Monday, so a reader can tell when.
                @for (i, p) in days.iter().enumerate() {
                    @if i == 0 || p.date.weekday() == jiff::civil::Weekday::Monday {
                        @let x = LEFT + i * STEP;
                        line x1=(x) x2=(x) y1=(bottom) y2=(bottom + 4) stroke="#000"
                            stroke-width="0.6" {}
                        text.date x=(x) y=(bottom + 13) text-anchor="middle" font-size="8" {
                            (p.date.strftime("%-d %b"))
                        }
                    }
                }
                text x=(LEFT) y=(bottom + 28) font-size="9" {
                    "■ pain during   ○ next morning (0-10)"
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_and_marks_gaps() {
        let v = [Some(0), Some(5), None, Some(10)];
        assert_eq!(sparkline(&v, true), "05.X");
        assert_eq!(sparkline(&v, false), "▁▅·█  05.X");
    }

    #[test]
    fn the_chart_dates_its_first_day_and_each_monday() {
        use super::super::model::PainPoint;
        use jiff::civil::date;
        // Thursday 19 Nov 2026 to Wednesday 2 Dec: Mondays 23 and 30 Nov.
        let pain: Vec<PainPoint> = (0..14)
            .map(|i| PainPoint {
                date: date(2026, 11, 19)
                    .checked_add(jiff::Span::new().days(i))
                    .expect("a date"),
                during: Some(2),
                morning: None,
            })
            .collect();
        let week = WeekHistory {
            week: 1,
            monday: date(2026, 11, 16),
            adherence_pct: None,
            pain,
        };
        let svg = svg(&[week]).into_string();
        let dates: Vec<&str> = svg
            .split("<text class=\"date\"")
            .skip(1)
            .filter_map(|t| t.split('>').nth(1))
            .map(|t| t.trim_end_matches("</text"))
            .collect();
        assert_eq!(dates, ["19 Nov", "23 Nov", "30 Nov"]);
    }
}
