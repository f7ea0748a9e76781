//! The built-in figures checked against their own exercise cards: a limb the card's steps put
//! somewhere (a forearm on the floor, a hand on the hip or on a wall) is drawn there, and the
//! clamshell's knee opens far enough to see.

use crate::catalog::Catalog;
use crate::figure::body::{FOREARM, P, Skeleton};
use crate::figure::scene::{Solid, Stage, stage};
use crate::figure::{Figure, Position, Prop, View, builtin};

/// Within this of a surface or wall, a limb rests on it (`rehab check`'s 4 cm touch, plus the
/// elbow's own half-thickness).
const ON: f32 = 8.0;

fn cards() -> Vec<(&'static Figure, String)> {
    let catalog = Catalog::builtin().unwrap_or_else(|p| panic!("{p:?}"));
    builtin()
        .iter()
        .map(|f| {
            let e = catalog
                .exercise(&f.exercise)
                .unwrap_or_else(|| panic!("{} has no card", f.exercise));
            (f, e.steps.join(" ").to_lowercase())
        })
        .collect()
}

/// A sentence of the steps that asks for something, not one that allows it if needed.
fn asks(steps: &str, word: &str) -> bool {
    steps.split(['.', ';']).any(|s| {
        s.contains(word)
            && ![
                "if needed",
                "if you need",
                "only if you must",
                " or counter",
            ]
            .iter()
            .any(|optional| s.contains(optional))
    })
}

fn angle(a: P, b: P) -> f32 {
    let d = (b.y.atan2(b.x) - a.y.atan2(a.x)).to_degrees().abs();
    if d > 180.0 { 360.0 - d } else { d }
}

fn thigh(s: &Skeleton) -> P {
    let l = s.legs[0];
    P::new(l.knee.x - l.hip.x, l.knee.y - l.hip.y)
}

/// The working thigh's direction in the body's own frame, put together from the body drawn
/// upright from the side (forward, up) and from the front (out to the side).
fn thigh_3d(p: &Position, legs: crate::figure::Legs) -> [f32; 3] {
    let upright = Position {
        lean: 0.0,
        ..p.clone()
    };
    let side = thigh(&Skeleton::pose(&upright, View::Side, legs));
    let front = thigh(&Skeleton::pose(&upright, View::Front, legs));
    [side.x, side.y, front.x]
}

fn angle_3d(a: [f32; 3], b: [f32; 3]) -> f32 {
    let dot: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
    let len = |v: [f32; 3]| v.iter().map(|x| x * x).sum::<f32>().sqrt();
    (dot / (len(a) * len(b)))
        .clamp(-1.0, 1.0)
        .acos()
        .to_degrees()
}

#[test]
fn the_clamshell_knee_opens_at_least_30_degrees_at_the_hip() {
    let f = builtin()
        .iter()
        .find(|f| f.exercise == "clamshell")
        .expect("a clamshell");
    let (closed, open) = (&f.positions[0], &f.positions[f.positions.len() - 1]);
    // At the hip itself: the angle between the two thigh directions.
    let turned = angle_3d(thigh_3d(closed, f.legs), thigh_3d(open, f.legs));
    assert!(turned >= 30.0, "the top thigh turns {turned} degrees");
    // And as drawn, from where the figure is seen (front and above), not edge-on.
    let st = stage(f);
    let (first, last) = (&st.drawn[0], &st.drawn[st.drawn.len() - 1]);
    let drawn = angle(thigh(first), thigh(last));
    assert!(
        drawn >= 30.0,
        "the top thigh turns {drawn} degrees as drawn"
    );
}

/// The height of the surface under `q`, or the floor.
fn above_surface(st: &Stage, q: P) -> f32 {
    let top = st
        .solids
        .iter()
        .filter_map(|s| s.gap(q, 0.0))
        .fold(q.y, f32::min);
    top.min(q.y)
}

#[test]
fn a_limb_the_card_puts_somewhere_is_drawn_there() {
    let mut checked = 0;
    for (f, steps) in cards() {
        let st = stage(f);
        let arms = || {
            st.bodies
                .iter()
                .zip(&st.drawn)
                .flat_map(|(b, d)| b.arms.iter().zip(d.arms.iter()))
        };
        if asks(&steps, "forearm") {
            checked += 1;
            // Elbow and hand both on the surface, and the forearm not drawn end-on.
            let on = arms().any(|(a, drawn)| {
                above_surface(&st, a.elbow) < ON
                    && above_surface(&st, a.hand) < ON
                    && drawn.elbow.dist(drawn.hand) > 0.4 * FOREARM
            });
            assert!(on, "{}: the card props it on a forearm", f.exercise);
        }
        if asks(&steps, "hand on your top hip") || asks(&steps, "hands on your hips") {
            checked += 1;
            let on = st.bodies.iter().any(|b| {
                b.arms
                    .iter()
                    .any(|a| b.legs.iter().any(|l| a.hand.dist(l.hip) < 12.0))
            });
            assert!(on, "{}: the card puts a hand on the hip", f.exercise);
        }
        // Leg swings stand side-on to a wall: drawn from the side, it would lie in the
        // picture's own plane, so it cannot be drawn as a line there.
        if asks(&steps, "wall") && f.exercise != "leg-swings" {
            checked += 1;
            assert!(
                f.props.iter().any(|p| matches!(p, Prop::Wall(_))),
                "{}: the card has a wall",
                f.exercise
            );
            let hand_on_it = steps
                .split(['.', ';'])
                .any(|s| s.contains("wall") && (s.contains("hand on") || s.contains("hands on")));
            if hand_on_it {
                let walls: Vec<&Solid> = st
                    .solids
                    .iter()
                    .filter(|s| matches!(s, Solid::Wall { .. }))
                    .collect();
                let on = arms().any(|(a, _)| {
                    walls
                        .iter()
                        .any(|w| w.gap(a.hand, 2.0).is_some_and(|g| g < ON))
                });
                assert!(on, "{}: the card puts a hand on the wall", f.exercise);
            }
        }
    }
    // The side planks, the clamshell, the quads roller and the wall work at least.
    assert!(checked >= 10, "{checked}");
}
