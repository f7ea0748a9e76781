//! Every figure in the terminal keeps its proportions and stays readable: in the exercise
//! detail and the countdown, at 80x24 and at 200 columns.

#![allow(clippy::unwrap_used)]

use jiff::civil::date;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rehab_planner::catalog::Catalog;
use rehab_planner::figure::{self, Shape, text};
use rehab_planner::tui::app::{App, Overlay, TimerState};
use rehab_planner::tui::keymap::Keymap;
use rehab_planner::tui::theme::Theme;
use rehab_planner::tui::ui;

fn app(ascii: bool) -> App {
    let catalog = Catalog::builtin().unwrap();
    let theme = Theme {
        color: false,
        ascii,
    };
    App::new(
        catalog,
        Keymap::default(),
        theme,
        date(2026, 11, 25),
        "me".into(),
    )
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(f, app)).unwrap();
    terminal.backend().to_string()
}

fn detail(exercise: &str, w: u16, h: u16, ascii: bool) -> String {
    let app = app(ascii).with_overlay(Overlay::Detail {
        exercise: exercise.into(),
        scroll: 0,
        dose: None,
    });
    draw(&app, w, h)
}

fn countdown(exercise: &str, w: u16, h: u16, ascii: bool) -> String {
    let app = app(ascii);
    let dose = app
        .context()
        .catalog
        .exercise(exercise)
        .unwrap()
        .dose
        .clone();
    let name = app.name_of(exercise);
    let app = app.with_overlay(Overlay::Timer(TimerState::new(
        name,
        date(2026, 11, 25),
        exercise.into(),
        &dose,
    )));
    draw(&app, w, h)
}

fn ids() -> Vec<String> {
    rehab_planner::figure::builtin()
        .iter()
        .map(|f| f.exercise.to_string())
        .collect()
}

#[test]
#[ignore = "writes every figure's terminal renders to /tmp/term for a person to look at"]
fn dump() {
    for id in ids() {
        let mut out = String::new();
        for (w, h) in [(80, 24), (200, 50)] {
            out.push_str(&format!(
                "== detail {w}x{h}\n{}\n",
                detail(&id, w, h, false)
            ));
            out.push_str(&format!(
                "== countdown {w}x{h}\n{}\n",
                countdown(&id, w, h, false)
            ));
        }
        out.push_str(&format!(
            "== detail ascii 80x24\n{}\n",
            detail(&id, 80, 24, true)
        ));
        out.push_str(&format!(
            "== countdown ascii 80x24\n{}\n",
            countdown(&id, 80, 24, true)
        ));
        std::fs::write(format!("/tmp/term/{id}.txt"), out).unwrap();
    }
}

/// The braille dots on a screen, as (columns the drawing spans, its width over its height
/// with a cell taken as twice as tall as wide: braille dots are then square).
fn dots(screen: &str) -> Option<(usize, f32)> {
    let (mut x0, mut x1, mut y0, mut y1) = (usize::MAX, 0, usize::MAX, 0);
    let (mut c0, mut c1) = (usize::MAX, 0);
    for (row, line) in screen.lines().enumerate() {
        for (col, c) in line.chars().enumerate() {
            let bits = u32::from(c).wrapping_sub(0x2800);
            if !(1..=0xff).contains(&bits) {
                continue;
            }
            c0 = c0.min(col);
            c1 = c1.max(col);
            const AT: [(usize, usize); 8] = [
                (0, 0),
                (0, 1),
                (0, 2),
                (1, 0),
                (1, 1),
                (1, 2),
                (0, 3),
                (1, 3),
            ];
            for (bit, (dx, dy)) in AT.iter().enumerate() {
                if bits & (1 << bit) != 0 {
                    let (x, y) = (col * 2 + dx, row * 4 + dy);
                    x0 = x0.min(x);
                    x1 = x1.max(x);
                    y0 = y0.min(y);
                    y1 = y1.max(y);
                }
            }
        }
    }
    (c0 <= c1).then(|| (c1 - c0 + 1, (x1 - x0 + 1) as f32 / (y1 - y0 + 1) as f32))
}

/// The drawing's width over its height in cm, for the panels `pick` takes: one position's
/// (the countdown draws one at a time) or all of them side by side (the detail). The height
/// is what those panels draw (their lines and circles), as the dots measured on screen are.
fn proportions(id: &str, pick: impl Fn(usize) -> bool) -> f32 {
    let f = figure::builtin().iter().find(|f| f.exercise == id).unwrap();
    let sc = figure::scene(f);
    let panels: Vec<_> = sc
        .panels
        .iter()
        .enumerate()
        .filter(|(i, _)| pick(*i))
        .map(|(_, p)| p)
        .collect();
    let (mut lo, mut hi) = (f32::MAX, f32::MIN);
    for shape in panels.iter().flat_map(|p| &p.shapes) {
        let (ys, r) = match *shape {
            Shape::Line(a, b, _) => (vec![a.y, b.y], 0.0),
            Shape::Circle(c, r, _) => (vec![c.y], r),
            _ => continue,
        };
        for y in ys {
            lo = lo.min(y - r);
            hi = hi.max(y + r);
        }
    }
    let n = panels.len() as f32;
    let w: f32 = panels
        .iter()
        .map(|p| p.x_range.1 - p.x_range.0)
        .sum::<f32>()
        + 6.0 * (n - 1.0);
    w / (hi - lo)
}

fn panels(id: &str) -> usize {
    figure::builtin()
        .iter()
        .find(|f| f.exercise == id)
        .unwrap()
        .positions
        .len()
}

#[test]
fn every_figure_keeps_its_proportions_and_a_readable_width_at_80_and_200_columns() {
    let mut bad = Vec::new();
    for id in ids() {
        for (w, h) in [(80, 24), (200, 50)] {
            for (what, screen, all) in [
                ("detail", detail(&id, w, h, false), true),
                ("countdown", countdown(&id, w, h, false), false),
            ] {
                let Some((cols, aspect)) = dots(&screen) else {
                    bad.push(format!("{id} {what} {w}x{h}: no figure"));
                    continue;
                };
                if cols < text::MIN_COLS {
                    bad.push(format!("{id} {what} {w}x{h}: {cols} columns wide"));
                }
                // Dots are whole cells' worth apart, so a few percent off; a canvas stretched
                // over spare rows or columns is off by a third or more. The countdown shows
                // whichever position it is at: the nearest of them.
                let ratio = if all {
                    aspect / proportions(&id, |_| true)
                } else {
                    (0..panels(&id))
                        .map(|k| aspect / proportions(&id, |i| i == k))
                        .min_by(|a, b| (a - 1.0).abs().total_cmp(&(b - 1.0).abs()))
                        .unwrap()
                };
                if !(0.85..=1.18).contains(&ratio) {
                    bad.push(format!(
                        "{id} {what} {w}x{h}: drawn {aspect:.2} wide for its height, {ratio:.2} of its own"
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn ascii_figures_draw_a_slanted_limb_one_character_a_row_not_runs_of_slashes() {
    for f in figure::builtin() {
        let sc = figure::scene(f);
        for (cols, rows) in [(72, 12), (150, 30)] {
            let art = text::render(&sc, cols, rows, true).join("\n");
            assert!(
                // Three may meet where separate limbs do (a foot under a shin); four is a run.
                !art.contains("////") && !art.contains("\\\\\\\\"),
                "{} at {cols}x{rows}:\n{art}",
                f.exercise
            );
        }
    }
}
