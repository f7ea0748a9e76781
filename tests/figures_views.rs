//! What the body model draws, checked on the built-in figures a physiotherapist frowned at: a
//! clamshell seen from front and above, a leg crossing in front of the other, a figure-4.

#![allow(clippy::unwrap_used)]

use rehab_planner::catalog::Catalog;
use rehab_planner::figure::{Figure, Mark, P, Shape, Stroke, View, scene, svg, text};

fn builtin(id: &str) -> Figure {
    Catalog::builtin().unwrap().figure(id).unwrap().clone()
}

/// In each panel, the first shape `pick` finds something in.
fn per_panel<T>(f: &Figure, pick: impl Fn(&Shape) -> Option<T>) -> Vec<T> {
    scene(f)
        .panels
        .iter()
        .map(|p| p.shapes.iter().find_map(&pick).unwrap())
        .collect()
}

/// The working knee's mark in each panel (the dot drawn on it).
fn knee_marks(f: &Figure) -> Vec<(f32, f32)> {
    per_panel(f, |s| match s {
        Shape::Mark(c, Mark::Dot) => Some((c.x, c.y)),
        _ => None,
    })
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

/// The body's lines in a panel, of one stroke.
fn lines(f: &Figure, panel: usize, stroke: Stroke) -> Vec<(P, P)> {
    scene(f).panels[panel]
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Line(a, b, st) if *st == stroke => Some((*a, *b)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_side_plank_from_the_front_and_above_is_one_straight_line_on_the_forearm_not_a_box() {
    for id in ["side-plank", "side-plank-knees"] {
        let f = builtin(id);
        // From above, so the forearm on the mat is not end-on.
        assert_eq!(f.view, View::Above);
        let body = lines(&f, 1, Stroke::Body);
        // The longest Body line is the spine (pelvis to neck); the shoulder and hip bars
        // at its ends (the shoulders 4 cm below the neck) are short: the trunk is no box.
        let spine = body
            .iter()
            .copied()
            .max_by(|a, b| a.0.dist(a.1).total_cmp(&b.0.dist(b.1)));
        let (pelvis, neck) = spine.unwrap();
        let bars: Vec<f32> = body
            .iter()
            .filter(|(a, b)| {
                let mid = a.lerp(*b, 0.5);
                (*a, *b) != (pelvis, neck) && (mid.dist(neck) < 5.0 || mid.dist(pelvis) < 2.0)
            })
            .map(|(a, b)| a.dist(*b))
            .collect();
        assert!(
            bars.len() == 2 && bars.iter().all(|w| *w < 12.0),
            "{id}: {bars:?}"
        );
        // Hips up: the working knee lies on the line from neck through pelvis (a straight
        // body), and the pelvis is well off the floor.
        let knee = knee_marks(&f)[1];
        let (dx, dy) = (pelvis.x - neck.x, pelvis.y - neck.y);
        let off = ((knee.0 - neck.x) * dy - (knee.1 - neck.y) * dx).abs() / dx.hypot(dy);
        assert!(off < 6.0, "{id}: the knee is {off} cm off the body line");
        assert!(pelvis.y > 15.0, "{id}: {pelvis:?}");
        // Lying on the floor at the start, propped on the forearm.
        assert!(
            lines(&f, 0, Stroke::Body)
                .iter()
                .any(|(a, b)| a.y.min(b.y) < 6.0)
        );
    }
}

#[test]
fn a_side_lying_trunk_is_one_line_with_the_legs_apart_standing_keeps_its_shoulders() {
    let clam = builtin("clamshell");
    let width = |f: &Figure, panel: usize| {
        // The shoulder bar: the shortest Body line (it meets the spine at its middle).
        lines(f, panel, Stroke::Body)
            .iter()
            .map(|(a, b)| a.dist(*b))
            .fold(f32::MAX, f32::min)
    };
    assert!(width(&clam, 0) < 12.0, "{}", width(&clam, 0));
    // Standing, seen from the front, the shoulders keep their full width.
    let walk = builtin("lateral-band-walk");
    let shoulders = lines(&walk, 0, Stroke::Body)
        .iter()
        .filter(|(a, b)| (a.y - b.y).abs() < 1.0 && a.y > 140.0)
        .map(|(a, b)| a.dist(*b))
        .fold(0.0f32, f32::max);
    assert!(shoulders > 30.0, "{shoulders}");
}

#[test]
fn the_figure_4_arm_passes_behind_the_working_thigh_to_end_on_the_other_thigh() {
    // The arm is cut once where the working thigh crosses in front of it, and goes on to a
    // hand that holds the other thigh: a stub past the crossing read as a broken arm.
    let f = builtin("glute-stretch");
    let gaps = lines(&f, 0, Stroke::Gap);
    assert!(!gaps.is_empty());
    let arm = lines(&f, 0, Stroke::Body);
    let hand = arm
        .iter()
        .map(|l| l.1)
        .max_by(|a, b| a.x.total_cmp(&b.x))
        .unwrap();
    // The hand ends on the other thigh (from its hip straight up, at a bent hip of 90).
    let other_thigh: Vec<(P, P)> = lines(&f, 0, Stroke::Other);
    let near = other_thigh
        .iter()
        .map(|(a, b)| {
            let t = (((hand.x - a.x) * (b.x - a.x) + (hand.y - a.y) * (b.y - a.y))
                / a.dist(*b).powi(2))
            .clamp(0.0, 1.0);
            hand.dist(a.lerp(*b, t))
        })
        .fold(f32::MAX, f32::min);
    assert!(near < 4.0, "the hand is {near} cm from the other thigh");
}

#[test]
fn the_contact_sheet_stacks_long_flat_figures_to_draw_them_larger() {
    let clam = builtin("clamshell");
    let sc = scene(&clam);
    let (stacked_scale, stacked) = svg::fit(&sc, 84.0, 40.0);
    assert!(stacked);
    let side = svg::scale_to_fit(&sc, 84.0, 40.0, 3.0, 0.3);
    assert!(stacked_scale > side * 1.15, "{stacked_scale} vs {side}");
    assert!(svg::poses_html(&clam, 84.0, 40.0).starts_with(r#"<div class="poses stacked">"#));
    // Standing figures stay side by side.
    let (_, stacked) = svg::fit(&scene(&builtin("wall-sit")), 84.0, 40.0);
    assert!(!stacked);
}

#[test]
fn the_rower_has_a_rail_a_sliding_seat_a_stretcher_and_a_handle_catch_and_finish_correct() {
    let f = builtin("rowing");
    let (catch, finish) = (&f.positions[0], &f.positions[1]);
    // Catch: knees drawn up (shins near upright), leaning forward, arms long. Finish: legs
    // long, leaning back, the elbows bent behind the body.
    assert!(catch.knee > 100.0 && catch.lean > 0.0 && catch.arm.elbow < 10.0);
    let shin = catch.hip - catch.knee - catch.lean;
    assert!(
        shin.abs() < 15.0,
        "the catch shin is {shin} degrees from upright"
    );
    assert!(finish.knee < 10.0 && finish.lean < 0.0 && finish.arm.shoulder < 0.0);
    assert!(finish.arm.elbow > 60.0);
    let sc = scene(&f);
    let props = |i: usize| lines(&f, i, Stroke::Prop);
    let pelvis = pelvis_xs(&f);
    for (i, &pelvis_x) in pelvis.iter().enumerate() {
        // The seat: a short level line under this position's pelvis, not a long bench top.
        let seat = props(i)
            .into_iter()
            .find(|(a, b)| (a.y - b.y).abs() < 0.1 && a.y > 30.0 && a.y < 45.0)
            .unwrap();
        assert!(seat.0.dist(seat.1) < 35.0, "{seat:?}");
        assert!(
            seat.0.x < pelvis_x && pelvis_x < seat.1.x,
            "{seat:?} {pelvis_x}"
        );
        // The handle: a short bar drawn in the hands.
        assert!(
            sc.panels[i]
                .shapes
                .iter()
                .any(|s| matches!(s, Shape::Line(a, b, Stroke::Body) if (a.x - b.x).abs() < 0.1 && a.dist(*b) > 10.0 && a.dist(*b) < 14.0))
        );
        // The flywheel ahead of the feet.
        assert!(
            sc.panels[i]
                .shapes
                .iter()
                .any(|s| matches!(s, Shape::Circle(_, r, Stroke::Prop) if *r > 15.0))
        );
    }
    // The seat slides back from catch to finish (the feet stay on the stretcher).
    let seat_x = |i: usize| {
        props(i)
            .into_iter()
            .find(|(a, b)| (a.y - b.y).abs() < 0.1 && a.y > 30.0 && a.y < 45.0)
            .unwrap()
            .0
            .x
    };
    assert!(seat_x(0) - seat_x(1) > 30.0, "{} {}", seat_x(0), seat_x(1));
}

/// The pelvis x of each panel: where the trunk (the one body line as long as it) starts.
fn pelvis_xs(f: &Figure) -> Vec<f32> {
    per_panel(f, |s| match s {
        Shape::Line(a, b, Stroke::Body) if (a.dist(*b) - 52.0).abs() < 1.0 => Some(a.x),
        _ => None,
    })
}

#[test]
fn the_elliptical_has_one_link_to_each_pedal_and_one_handle_in_view() {
    let f = builtin("elliptical");
    let props = lines(&f, 0, Stroke::Prop);
    let fly = scene(&f).panels[0]
        .shapes
        .iter()
        .find_map(|s| match s {
            Shape::Circle(c, r, Stroke::Prop) if *r > 15.0 => Some(*c),
            _ => None,
        })
        .unwrap();
    // Two links meet at the flywheel (one a pedal); nothing else runs from a pedal.
    let links = props.iter().filter(|(_, b)| b.dist(fly) < 0.5).count();
    assert_eq!(links, 2, "{props:?}");
    // Floor, base, post, console, two pedals, two links and the near handle: no more.
    assert!(props.len() <= 9, "{} lines: {props:?}", props.len());
}

#[test]
fn a_bridge_stands_on_both_feet_and_a_swimmer_fills_its_picture() {
    // Before the march both feet are down: the other leg does not stick up in line with the
    // lifted trunk.
    let f = builtin("single-leg-bridge-march");
    let lowest_grey = lines(&f, 0, Stroke::Other)
        .iter()
        .map(|(a, b)| a.y.min(b.y))
        .fold(f32::MAX, f32::min);
    assert!(lowest_grey < 3.0, "the other foot is {lowest_grey} cm up");
    // Afloat there is no floor to start the picture at: it is no taller than the swimmer.
    let swim = scene(&builtin("swimming"));
    let (_, h) = swim.size();
    assert!(h < 60.0, "{h} cm tall");
}
