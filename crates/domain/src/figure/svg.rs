//! A figure as inline SVG: one drawing per key position, all at one scale, black lines on
//! white (the far limbs grey, the working leg heavier with a dot at its knee), so it prints in
//! greyscale and needs no external file.

use std::fmt::Write as _;

use super::body::P;
use super::scene::{Mark, Scene, Shape, Stroke};

/// The scale (mm on paper per cm of body) that fits every panel side by side in `width_mm`
/// (with `gap_mm` between them) and `height_mm`, never larger than `max`.
pub fn scale_to_fit(scene: &Scene, width_mm: f32, height_mm: f32, gap_mm: f32, max: f32) -> f32 {
    let n = scene.panels.len().max(1) as f32;
    let total_w = scene.total_width();
    let (_, h) = scene.size();
    ((width_mm - gap_mm * (n - 1.0)) / total_w)
        .min(height_mm / h.max(1.0))
        .min(max)
}

fn stroke_attrs(s: Stroke) -> &'static str {
    match s {
        Stroke::Working => r##"stroke="#000" stroke-width="3.4""##,
        Stroke::Body => r##"stroke="#000" stroke-width="2.2""##,
        Stroke::Other => r##"stroke="#909090" stroke-width="2.2""##,
        Stroke::Prop => r##"stroke="#000" stroke-width="1.1""##,
        Stroke::Band => r##"stroke="#000" stroke-width="1.6" stroke-dasharray="4 2.5""##,
        Stroke::Arrow => r##"stroke="#000" stroke-width="1.3""##,
        Stroke::Water => r##"stroke="#000" stroke-width="1" stroke-dasharray="6 3""##,
        Stroke::Gap => r##"stroke="#fff" stroke-width="7" stroke-linecap="butt""##,
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One `<svg>` per position, `scale` mm per cm, each titled with the position's name.
pub fn panels(scene: &Scene, scale: f32) -> Vec<(String, String)> {
    let (y0, y1) = scene.y_range;
    let h = y1 - y0;
    scene
        .panels
        .iter()
        .map(|panel| {
            let (x0, x1) = panel.x_range;
            let w = x1 - x0;
            let at = |q: P| (q.x - x0, y1 - q.y);
            let mut s = String::new();
            let _ = write!(
                s,
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{:.1}mm" height="{:.1}mm" viewBox="0 0 {w:.1} {h:.1}" role="img" fill="none" stroke-linecap="round" stroke-linejoin="round"><title>{}</title>"#,
                w * scale,
                h * scale,
                esc(&panel.name)
            );
            for shape in &panel.shapes {
                match *shape {
                    Shape::Line(a, b, st) => {
                        let ((ax, ay), (bx, by)) = (at(a), at(b));
                        let _ = write!(
                            s,
                            r#"<line x1="{ax:.1}" y1="{ay:.1}" x2="{bx:.1}" y2="{by:.1}" {} vector-effect="non-scaling-stroke"/>"#,
                            stroke_attrs(st)
                        );
                    }
                    Shape::Circle(c, r, st) => {
                        let (cx, cy) = at(c);
                        let _ = write!(
                            s,
                            r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.1}" {} fill="#fff" vector-effect="non-scaling-stroke"/>"##,
                            stroke_attrs(st)
                        );
                    }
                    Shape::Mark(c, mark) => {
                        let (cx, cy) = at(c);
                        let fill = if mark == Mark::Dot { "#000" } else { "#fff" };
                        let _ = write!(
                            s,
                            r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="3.6" fill="{fill}" stroke="#000" stroke-width="1" vector-effect="non-scaling-stroke"/>"##
                        );
                    }
                    Shape::Arrow(a, b) => arrow(&mut s, at(a), at(b)),
                }
            }
            s.push_str("</svg>");
            (panel.name.clone(), s)
        })
        .collect()
}

/// A gently curved arrow, held off the body a little, with an open head.
fn arrow(s: &mut String, (ax, ay): (f32, f32), (bx, by): (f32, f32)) {
    let (dx, dy) = (bx - ax, by - ay);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    // Offset sideways (to the upper side in the picture) so the arrow clears the limb.
    let (mut nx, mut ny) = (uy, -ux);
    if ny > 0.0 {
        nx = -nx;
        ny = -ny;
    }
    let off = 7.0;
    let (ax, ay, bx, by) = (ax + nx * off, ay + ny * off, bx + nx * off, by + ny * off);
    let (cx, cy) = (
        (ax + bx) / 2.0 + nx * len * 0.18,
        (ay + by) / 2.0 + ny * len * 0.18,
    );
    // The head follows the curve's last direction.
    let (tx, ty) = (bx - cx, by - cy);
    let tl = (tx * tx + ty * ty).sqrt().max(1.0);
    let (tx, ty) = (tx / tl, ty / tl);
    let head = 7.0;
    let (l1x, l1y) = (
        bx - head * (tx * 0.87 - ty * 0.5),
        by - head * (ty * 0.87 + tx * 0.5),
    );
    let (l2x, l2y) = (
        bx - head * (tx * 0.87 + ty * 0.5),
        by - head * (ty * 0.87 - tx * 0.5),
    );
    let _ = write!(
        s,
        r##"<path d="M{ax:.1} {ay:.1} Q{cx:.1} {cy:.1} {bx:.1} {by:.1} M{l1x:.1} {l1y:.1} L{bx:.1} {by:.1} L{l2x:.1} {l2y:.1}" stroke="#000" stroke-width="1.4" vector-effect="non-scaling-stroke"/>"##
    );
}

/// Every figure on one page, each with its exercise's name and id, to look a library over.
/// Its margin is the body's padding on every page (zero page margin), so a browser's own header
/// and footer have no room to print.
/// `entries` are (name, id, figure); an exercise without a figure says so.
pub fn contact_sheet(entries: &[(&str, &str, Option<&super::Figure>)]) -> String {
    let mut s = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Exercise figures</title>\
         <style>@page{margin:0}body{font-family:\"DejaVu Sans\",Arial,sans-serif;font-size:10pt;margin:0;padding:8mm;color:#000;background:#fff;-webkit-box-decoration-break:clone;box-decoration-break:clone}\
         .sheet{display:grid;grid-template-columns:repeat(2,1fr);gap:4mm}\
         .entry{border:0.75pt solid #000;padding:2mm;break-inside:avoid}\
         .entry h2{font-size:10pt;margin:0 0 1mm}.entry code{font-weight:normal;font-size:8.5pt}\
         .poses{display:flex;gap:3mm;align-items:flex-end;flex-wrap:wrap}.poses.stacked{flex-direction:column;align-items:flex-start;gap:1mm}\
         figure{margin:0;text-align:center}figcaption{font-size:8.5pt}\
         .missing{font-style:italic}</style></head><body><h1>Exercise figures</h1><div class=\"sheet\">\n",
    );
    for (name, id, figure) in entries {
        let _ = write!(
            s,
            "<section class=\"entry\" id=\"fig-{}\"><h2>{} <code>{}</code></h2>",
            esc(id),
            esc(name),
            esc(id)
        );
        match figure {
            Some(f) => s.push_str(&poses_html(f, 84.0, 40.0)),
            None => s.push_str("<p class=\"missing\">No figure.</p>"),
        }
        s.push_str("</section>\n");
    }
    s.push_str("</div></body></html>\n");
    s
}

/// A figure's key positions side by side, each captioned, fitting `width_mm` x `height_mm`;
/// one above the other when that draws them clearly larger (long, flat figures lying down).
pub fn poses_html(f: &super::Figure, width_mm: f32, height_mm: f32) -> String {
    let scene = super::scene(f);
    let (scale, stacked) = fit(&scene, width_mm, height_mm);
    let mut s = String::from(if stacked {
        "<div class=\"poses stacked\">"
    } else {
        "<div class=\"poses\">"
    });
    for (name, svg) in panels(&scene, scale) {
        let _ = write!(
            s,
            "<figure>{svg}<figcaption>{}</figcaption></figure>",
            esc(&name)
        );
    }
    s.push_str("</div>");
    s
}

/// The largest scale, side by side or stacked, and whether stacked. Stacking must win by a
/// clear margin, so figures of similar size keep the usual side-by-side reading order.
pub fn fit(scene: &Scene, width_mm: f32, height_mm: f32) -> (f32, bool) {
    let side = scale_to_fit(scene, width_mm, height_mm, 3.0, MAX_SCALE);
    let n = scene.panels.len();
    if n < 2 {
        return (side, false);
    }
    let (w, h) = scene.size();
    // Each stacked panel carries its caption (about 4 mm) under it.
    let per = (height_mm - 4.0 * (n - 1) as f32) / n as f32;
    let stacked = (width_mm / w.max(1.0)).min(per / h.max(1.0)).min(MAX_SCALE);
    if stacked > side * 1.15 {
        (stacked, true)
    } else {
        (side, false)
    }
}

/// The largest scale drawn, mm per cm: a body no taller than about 5 cm on paper.
const MAX_SCALE: f32 = 0.3;
