//! What the body model draws, checked on the built-in figures a physiotherapist frowned at: a
//! clamshell seen from front and above, a leg crossing in front of the other, a figure-4.

#![allow(clippy::unwrap_used)]

use rehab_planner::catalog::Catalog;
use rehab_planner::figure::{Figure, Mark, Shape, Stroke, View, scene, svg, text};

fn builtin(id: &str) -> Figure {
    Catalog::builtin().unwrap().figure(id).unwrap().clone()
}

/// The working knee's mark in each panel (the dot drawn on it).
fn knee_marks(f: &Figure) -> Vec<(f32, f32)> {
    scene(f)
        .panels
        .iter()
        .map(|p| {
            p.shapes
                .iter()
                .find_map(|s| match s {
                    Shape::Mark(c, Mark::Dot) => Some((c.x, c.y)),
                    _ => None,
                })
                .unwrap()
        })
        .collect()
}

#[test]
fn a_clamshell_seen_from_above_shows_the_bent_knees_and_the_knee_opening() {
    let f = builtin("clamshell");
    assert_eq!(f.view, View::Above);
    let marks = knee_marks(&f);
    // Closed: the top knee lies forward of the hips, so it is drawn lower than the pelvis
    // (its bent hip shows); open: it rises well clear of where it was.
    let hips_y = scene(&f).panels[0]
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Line(a, _, _) => Some(a.y),
            _ => None,
        })
        .fold(f32::MIN, f32::max);
    assert!(marks[0].1 < hips_y, "{marks:?}");
    assert!(marks[1].1 - marks[0].1 > 10.0, "{marks:?}");
    // From the plain front the same bent knee is level with the body: the hip bend is lost.
    let front = Figure {
        view: View::Front,
        ..f.clone()
    };
    let seen = knee_marks(&front);
    let above = knee_marks(&f);
    assert!(above[0].1 < seen[0].1 - 10.0, "{above:?} {seen:?}");
}

#[test]
fn a_leg_crossing_in_front_is_drawn_over_the_other_with_a_gap_in_print_only() {
    let f = builtin("standing-itb-stretch");
    let sc = scene(&f);
    let gaps = sc.panels[0]
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Line(_, _, Stroke::Gap)))
        .count();
    assert!(gaps >= 1, "the crossing legs leave no gap");
    let (_, page) = svg::panels(&sc, 0.3).remove(0);
    assert!(page.contains(r##"stroke="#fff""##), "{page}");
    // A standing figure with its legs apart crosses nothing.
    let apart = builtin("lateral-band-walk");
    assert!(
        !scene(&apart)
            .panels
            .iter()
            .flat_map(|p| &p.shapes)
            .any(|s| matches!(s, Shape::Line(_, _, Stroke::Gap)))
    );
    // The terminal draws the crossing without the gap (dots cannot be erased), same size.
    let lines = text::render(&sc, 40, 20, false);
    assert!(lines.iter().any(|l| l.chars().any(|c| c != ' ')));
}

#[test]
fn a_figure_4_rests_the_turned_out_leg_across_the_other_knee_drawn_over_it() {
    let f = builtin("glute-stretch");
    let p = &f.positions[0];
    assert!(p.turn > 0.0 && p.open > 0.0, "{p:?}");
    // The working ankle (end of the working leg's second line) to the other knee, in cm.
    let ankle_to_other = |f: &Figure| {
        let shapes = &scene(f).panels[0].shapes;
        let working: Vec<_> = shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Line(a, b, Stroke::Working) => Some((*a, *b)),
                _ => None,
            })
            .collect();
        let ankle = working[1].1;
        // Grey lines far to near: the far arm's two, then the other leg from its hip.
        let other_knee = shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Line(_, b, Stroke::Other) => Some(*b),
                _ => None,
            })
            .nth(2)
            .unwrap();
        other_knee.dist(ankle)
    };
    assert!(ankle_to_other(&f) < 8.0, "{}", ankle_to_other(&f));
    // The turned-out leg is the near one: drawn after (over) the grey leg it crosses.
    let shapes = &scene(&f).panels[0].shapes;
    let last_grey = shapes
        .iter()
        .rposition(|s| matches!(s, Shape::Line(_, _, Stroke::Other)))
        .unwrap();
    let first_black = shapes
        .iter()
        .position(|s| matches!(s, Shape::Line(_, _, Stroke::Working)))
        .unwrap();
    assert!(first_black > last_grey);
}
