//! A figure drawn with characters for the command line: braille dots (UTF-8) or plain ASCII,
//! key positions side by side (or one above the other when that draws them larger), each named
//! underneath.

use super::body::P;
use super::scene::{Scene, Shape, Stroke};

/// The narrowest a figure is drawn in the terminal, in columns: narrower, a standing body is a
/// smear of dots (the countdown once drew a wall sit 3 columns wide); a screen that cannot give
/// a figure this much draws none.
pub const MIN_COLS: usize = 8;

/// The scale, in columns per cm, at which a drawing `w` x `h` cm fills at most `cols` x `rows`
/// cells with its proportions kept: a cell is about twice as tall as it is wide, so one row is
/// two columns' worth of height.
pub fn fit(w: f32, h: f32, cols: usize, rows: usize) -> f32 {
    (cols as f32 / w.max(1.0)).min(rows as f32 * 2.0 / h.max(1.0))
}

/// How the panels are laid out in a `cols` x `rows` box: the scale in cells (width) per cm,
/// and whether they stand one above the other.
fn layout(scene: &Scene, cols: usize, rows: usize) -> (f32, bool) {
    let n = scene.panels.len().max(1);
    let total_w = scene.total_width();
    let (w, h) = scene.size();
    let h = h.max(1.0);
    // A cell is about twice as tall as it is wide: one row is two width units.
    let side = ((cols.saturating_sub(2 * (n - 1))) as f32 / total_w)
        .min(rows.saturating_sub(1) as f32 * 2.0 / h);
    let per = rows / n;
    let stacked = (cols as f32 / w.max(1.0)).min(per.saturating_sub(1) as f32 * 2.0 / h);
    if n > 1 && stacked > side * 1.15 {
        (stacked, true)
    } else {
        (side, false)
    }
}

/// The figure in at most `cols` x `rows` characters: braille dots, or ASCII when `ascii`.
pub fn render(scene: &Scene, cols: usize, rows: usize, ascii: bool) -> Vec<String> {
    let (scale, stacked) = layout(scene, cols, rows);
    let (_, y1) = scene.y_range;
    let h_cells = ((scene.size().1 * scale / 2.0).ceil() as usize).max(1);
    let mut blocks: Vec<Vec<String>> = Vec::new();
    for panel in &scene.panels {
        let (x0, x1) = panel.x_range;
        let w_cells = (((x1 - x0) * scale).ceil() as usize).max(1);
        let mut grid = Grid::new(w_cells, h_cells, ascii);
        // To the grid's own fine units: braille has 2 x 4 dots a cell, ASCII one character.
        let (fx, fy) = if ascii { (1.0, 1.0) } else { (2.0, 4.0) };
        let at = |q: P| ((q.x - x0) * scale * fx, (y1 - q.y) * scale / 2.0 * fy);
        for shape in &panel.shapes {
            match *shape {
                // Dots cannot be erased, so the terminal leaves the gap out.
                Shape::Line(_, _, Stroke::Gap) => {}
                Shape::Line(a, b, st) => grid.line(at(a), at(b), st, (b.x - a.x, b.y - a.y)),
                Shape::Arrow(a, b) => {
                    grid.line(at(a), at(b), Stroke::Arrow, (b.x - a.x, b.y - a.y));
                    grid.put(at(b), if ascii { '*' } else { '\0' });
                }
                Shape::Circle(c, r, st) => {
                    if ascii && r <= 12.0 {
                        grid.put(at(c), 'O');
                    } else {
                        let n = 48;
                        for i in 0..n {
                            let t = i as f32 / n as f32 * std::f32::consts::TAU;
                            let q = P::new(c.x + r * t.cos(), c.y + r * t.sin());
                            grid.dot(at(q), if ascii { 'o' } else { '\0' }, st);
                        }
                    }
                }
                Shape::Mark(c, _) => {
                    let (x, y) = at(c);
                    if ascii {
                        grid.put((x, y), '@');
                    } else {
                        for (dx, dy) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
                            grid.put((x - 0.5 + dx, y - 0.5 + dy), '\0');
                        }
                    }
                }
            }
        }
        let mut lines = grid.lines();
        let width = w_cells;
        let name: String = panel.name.chars().take(width.max(1)).collect();
        lines.push(format!("{name:^width$}"));
        blocks.push(lines);
    }
    let mut out: Vec<String> = Vec::new();
    if stacked {
        for b in blocks {
            out.extend(b);
        }
    } else {
        let height = blocks.iter().map(Vec::len).max().unwrap_or(0);
        for row in 0..height {
            let parts: Vec<String> = blocks
                .iter()
                .map(|b| {
                    let w = b.first().map_or(0, |l| l.chars().count());
                    let s = b.get(row).cloned().unwrap_or_default();
                    format!("{s:<w$}")
                })
                .collect();
            out.push(parts.join("  ").trim_end().to_string());
        }
    }
    out
}

struct Grid {
    w: usize,
    h: usize,
    ascii: bool,
    /// ASCII: one character a cell. Braille: one bit a dot, 8 a cell.
    chars: Vec<char>,
    dots: Vec<u8>,
}

impl Grid {
    fn new(w: usize, h: usize, ascii: bool) -> Grid {
        Grid {
            w,
            h,
            ascii,
            chars: vec![' '; w * h],
            dots: vec![0; w * h],
        }
    }

    /// Sets a dot (braille) or a character (ASCII) at fine coordinates.
    fn put(&mut self, (x, y): (f32, f32), c: char) {
        if x < 0.0 || y < 0.0 {
            return;
        }
        let (x, y) = (x as usize, y as usize);
        if self.ascii {
            if x < self.w && y < self.h {
                self.chars[y * self.w + x] = c;
            }
        } else {
            let (cx, cy) = (x / 2, y / 4);
            if cx < self.w && cy < self.h {
                const BITS: [[u8; 4]; 2] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]];
                self.dots[cy * self.w + cx] |= BITS[x % 2][y % 4];
            }
        }
    }

    fn dot(&mut self, at: (f32, f32), c: char, _st: Stroke) {
        self.put(at, c);
    }

    fn line(&mut self, a: (f32, f32), b: (f32, f32), st: Stroke, dir_cm: (f32, f32)) {
        let steps = ((b.0 - a.0).abs().max((b.1 - a.1).abs()) * 2.0)
            .ceil()
            .max(1.0) as usize;
        let c = if self.ascii {
            let (dx, dy) = dir_cm;
            let angle = dy.atan2(dx).to_degrees();
            let a = if angle < 0.0 { angle + 180.0 } else { angle };
            match st {
                Stroke::Band => ':',
                Stroke::Arrow => '.',
                Stroke::Water => '~',
                _ if !(22.5..157.5).contains(&a) => {
                    if st == Stroke::Prop {
                        '_'
                    } else {
                        '-'
                    }
                }
                _ if (67.5..112.5).contains(&a) => '|',
                _ if a < 67.5 => '/',
                _ => '\\',
            }
        } else {
            '\0'
        };
        // A slanted or upright line in characters: one a row. Stepped finely, a slope a
        // little off 45 degrees fills its rows with runs of slashes (`\\\\\\ /////`), and
        // where limbs meet the runs knot into a tangle.
        if matches!(c, '/' | '\\' | '|') {
            let (lo, hi) = (a.1.min(b.1), a.1.max(b.1));
            let mut row = lo.floor();
            while row <= hi.floor() {
                let y = (row + 0.5).clamp(lo, hi);
                let t = if hi > lo {
                    (y - a.1) / (b.1 - a.1)
                } else {
                    0.5
                };
                self.ascii_put((a.0 + (b.0 - a.0) * t, y), c, st);
                row += 1.0;
            }
            return;
        }
        for i in 0..=steps {
            // Dashed lines skip every other stretch.
            if matches!(st, Stroke::Band | Stroke::Water | Stroke::Arrow)
                && !self.ascii
                && (i / 3) % 2 == 1
            {
                continue;
            }
            let t = i as f32 / steps as f32;
            let q = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            if self.ascii {
                self.ascii_put(q, c, st);
            } else {
                self.put(q, c);
            }
        }
    }

    /// A line's character, keeping the head and marks, and the body over props.
    fn ascii_put(&mut self, q: (f32, f32), c: char, st: Stroke) {
        let (x, y) = (q.0 as usize, q.1 as usize);
        if x < self.w && y < self.h {
            let cur = self.chars[y * self.w + x];
            if matches!(cur, 'O' | '@' | '*') || (st == Stroke::Prop && cur != ' ') {
                return;
            }
        }
        self.put(q, c);
    }

    fn lines(&self) -> Vec<String> {
        (0..self.h)
            .map(|y| {
                (0..self.w)
                    .map(|x| {
                        if self.ascii {
                            self.chars[y * self.w + x]
                        } else {
                            let bits = self.dots[y * self.w + x];
                            if bits == 0 {
                                ' '
                            } else {
                                char::from_u32(0x2800 + u32::from(bits)).unwrap_or(' ')
                            }
                        }
                    })
                    .collect()
            })
            .collect()
    }
}
