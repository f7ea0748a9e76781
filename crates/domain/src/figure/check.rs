//! What `rehab check` says about a figure. The rules, as stated to library authors:
//!
//! 1. Every joint angle is within what a body can do ([`super::LIMITS`]).
//! 2. A position rests on a surface its figure has (`at: Step` needs a `Step` prop).
//! 3. Nothing sinks: no body point goes more than 3 cm into the floor or a prop.
//! 4. Nothing floats: every point a position lists in `touch` is within 4 cm of the floor, a
//!    prop's top or a wall (for a pair, either of the two).
//! 5. The view shows the movement: with two or more positions, some body point moves at least
//!    3 cm in the picture between them, and at least half as far as it moves seen from the
//!    other view. So a leg lifted out to the side (or a clam opening) drawn from the side, or
//!    knee and hip bends drawn from the front, fails: the movement would be edge-on.

use super::body::{P, Skeleton};
use super::scene::{Solid, stage};
use super::{Figure, LIMITS, Position, Surface, View};

/// One problem with a figure: which position and field it is at, when known.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureIssue {
    pub position: Option<usize>,
    /// The field to point at inside the position (`knee`, `other.hip`, `on`, `touch`).
    pub field: Option<&'static str>,
    pub message: String,
    pub hint: String,
}

const SINK: f32 = 3.0;
const TOUCH: f32 = 4.0;
const MOVES: f32 = 3.0;

fn angles(p: &Position) -> Vec<(&'static str, &'static str, &'static str, f32)> {
    let mut v = vec![
        ("hip", "hip", "working hip bend", p.hip),
        ("knee", "knee", "working knee bend", p.knee),
        ("ankle", "ankle", "working ankle", p.ankle),
        ("spread", "spread", "working leg spread", p.spread),
        ("open", "open", "working knee opening", p.open),
        ("turn", "turn", "working hip rotation", p.turn),
        ("shoulder", "arm.shoulder", "shoulder", p.arm.shoulder),
        ("elbow", "arm.elbow", "elbow bend", p.arm.elbow),
        ("arm_spread", "arm.spread", "arm spread", p.arm.spread),
        ("arm_turn", "arm.turn", "shoulder rotation", p.arm.turn),
        ("lean", "lean", "lean", p.lean),
    ];
    if let Some(o) = p.other {
        v.extend([
            ("hip", "other.hip", "other hip bend", o.hip),
            ("knee", "other.knee", "other knee bend", o.knee),
            ("ankle", "other.ankle", "other ankle", o.ankle),
            ("spread", "other.spread", "other leg spread", o.spread),
            ("open", "other.open", "other knee opening", o.open),
            ("turn", "other.turn", "other hip rotation", o.turn),
        ]);
    }
    if let Some(a) = p.other_arm {
        v.extend([
            (
                "shoulder",
                "other_arm.shoulder",
                "other shoulder",
                a.shoulder,
            ),
            ("elbow", "other_arm.elbow", "other elbow bend", a.elbow),
            (
                "arm_spread",
                "other_arm.spread",
                "other arm spread",
                a.spread,
            ),
            (
                "arm_turn",
                "other_arm.turn",
                "other shoulder rotation",
                a.turn,
            ),
        ]);
    }
    v
}

/// Every problem with one figure, in the order of its positions.
pub fn check_figure(f: &Figure) -> Vec<FigureIssue> {
    let mut out = Vec::new();
    if f.positions.is_empty() {
        out.push(FigureIssue {
            position: None,
            field: None,
            message: format!("figure for `{}` has no positions", f.exercise),
            hint: "add at least one position: (name: \"start\", on: Feet)".into(),
        });
        return out;
    }
    for (i, p) in f.positions.iter().enumerate() {
        for (kind, path, what, value) in angles(p) {
            let Some(&(_, lo, hi)) = LIMITS.iter().find(|(k, _, _)| *k == kind) else {
                continue;
            };
            if !value.is_finite() || value < lo || value > hi {
                out.push(FigureIssue {
                    position: Some(i),
                    field: Some(path),
                    message: format!(
                        "figure for `{}`, position `{}`: {what} {value} degrees is past what a \
                         body can do ({lo} to {hi})",
                        f.exercise, p.name
                    ),
                    hint: "angles are anatomical: 0 is standing tall; a knee bends from 0 \
                           (straight) to about 150, and only one way"
                        .into(),
                });
            }
        }
        if p.at != Surface::Floor && !f.props.iter().any(|q| q.surface() == Some(p.at)) {
            out.push(FigureIssue {
                position: Some(i),
                field: Some("at"),
                message: format!(
                    "figure for `{}`, position `{}` rests on {}, which the figure does not have",
                    f.exercise,
                    p.name,
                    p.at.label()
                ),
                hint: "add it to `props`, or rest on the floor (`at: Floor`)".into(),
            });
        }
    }
    if !out.is_empty() {
        return out;
    }
    let st = stage(f);
    for (i, (p, body)) in f.positions.iter().zip(&st.bodies).enumerate() {
        let mut worst: Option<(&str, f32, &str)> = None;
        for (name, q, r) in body.all_points() {
            let into_floor = if st.floor { r - q.y } else { 0.0 };
            let mut sink = (into_floor, "the floor");
            for s in &st.solids {
                let d = s.depth_inside(q, r);
                if d > sink.0 {
                    sink = (d, solid_name(s));
                }
            }
            if sink.0 > SINK && worst.is_none_or(|w| sink.0 > w.1) {
                worst = Some((name, sink.0, sink.1));
            }
        }
        if let Some((name, depth, what)) = worst {
            out.push(FigureIssue {
                position: Some(i),
                field: Some("on"),
                message: format!(
                    "figure for `{}`, position `{}`: sinking: {name} goes {depth:.0} cm into {what}",
                    f.exercise, p.name
                ),
                hint: "change the angles or what the position rests on (`on`) so the body \
                       lies on the surface, not through it"
                    .into(),
            });
        }
        for &point in &p.touch {
            // A named point touches when any of its points does (a heel or the toes, one knee).
            let gap = body
                .points(point)
                .into_iter()
                .map(|(q, r)| {
                    let floor_gap = if st.floor {
                        Some((q.y - r).abs())
                    } else {
                        None
                    };
                    st.solids
                        .iter()
                        .filter_map(|s| s.gap(q, r))
                        .chain(floor_gap)
                        .fold(f32::MAX, f32::min)
                })
                .fold(f32::MAX, f32::min);
            if gap > TOUCH {
                out.push(FigureIssue {
                    position: Some(i),
                    field: Some("touch"),
                    message: format!(
                        "figure for `{}`, position `{}`: floating: {gap:.0} cm between {} and \
                         anything it could touch",
                        f.exercise,
                        p.name,
                        point.label()
                    ),
                    hint: "change the angles until it touches, or take it out of `touch`".into(),
                });
            }
        }
    }
    if st.bodies.len() >= 2 {
        let other_view = match f.view {
            View::Side => View::Front,
            View::Front | View::Above => View::Side,
        };
        // The largest step any body point takes between positions, as drawn from `view`.
        let moves = |view: View| {
            let bodies: Vec<Skeleton> = f
                .positions
                .iter()
                .map(|p| Skeleton::pose(p, view, f.legs).moved(P::new(p.shift, p.lift)))
                .collect();
            bodies
                .windows(2)
                .flat_map(|w| {
                    let (a, b) = (w[0].all_points(), w[1].all_points());
                    a.into_iter()
                        .zip(b)
                        .map(|((_, p, _), (_, q, _))| p.dist(q))
                        .collect::<Vec<_>>()
                })
                .fold(0.0f32, f32::max)
        };
        let seen = moves(f.view);
        let unseen = moves(other_view);
        if seen < MOVES && unseen < MOVES {
            out.push(FigureIssue {
                position: Some(1),
                field: Some("name"),
                message: format!(
                    "figure for `{}`: its positions have the same angles, so they show no movement",
                    f.exercise
                ),
                hint: "change the angles of the later position, or keep one position for a hold"
                    .into(),
            });
        } else if seen < MOVES || seen < 0.5 * unseen {
            let (other, why) = match f.view {
                View::Side => (
                    "Front",
                    "a side view shows a leg or arm out to the side (spread, open) edge-on",
                ),
                View::Front => ("Side", "a front view shows hip and knee bends edge-on"),
                View::Above => (
                    "Side",
                    "a view from above shows hip and knee bends foreshortened",
                ),
            };
            out.push(FigureIssue {
                position: Some(1),
                field: Some("name"),
                message: format!(
                    "figure for `{}`: its positions look the same from the {}: {why}",
                    f.exercise,
                    match f.view {
                        View::Side => "side",
                        View::Front => "front",
                        View::Above => "front and above",
                    }
                ),
                hint: format!("draw it with `view: {other}`, or keep one position for a hold"),
            });
        }
    }
    out
}

fn solid_name(s: &Solid) -> &'static str {
    match s {
        Solid::Slab { surface, .. } | Solid::Roller { surface, .. } => surface.label(),
        Solid::Wedge { .. } => Surface::Decline.label(),
        Solid::Wall { .. } => "the wall",
        Solid::Water { .. } => "the water",
    }
}
