//! The figure's data types, exactly as written in RON: no logic that needs the rest of the
//! crate, so the build script can read library files with them too (see `build.rs`).

use serde::{Deserialize, Serialize};

// The library's string type (`crate::catalog::Text`; build.rs names it the same).
use super::Text;

/// One exercise's figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The exercise id this figure draws.
    pub exercise: Text,
    /// Where the camera looks from: `Side` shows bends at the hip, knee and ankle; `Front` shows
    /// the legs moving out to the side (side-lying work is drawn from the front, lying down);
    /// `Above` shows both (side-lying work with bent legs).
    pub view: View,
    /// `One` marks the working leg (drawn black, the other grey); `Both` for two-leg work.
    #[serde(default)]
    pub legs: Legs,
    /// The props drawn with the body.
    #[serde(default)]
    pub props: Vec<Prop>,
    /// The body point that stays in place from one position to the next (default: what each
    /// position rests on).
    #[serde(default)]
    pub fixed: Option<Point>,
    /// The key positions, in order: start, (middle,) end.
    pub positions: Vec<Position>,
    /// The point whose movement an arrow shows, from each position to the next.
    #[serde(default)]
    pub arrow: Option<Point>,
}

/// The camera: from the side (the body faces right) or from the front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    Side,
    Front,
    /// From the front and above: as `Front`, with what comes toward the camera drawn lower, so
    /// hips and knees bent toward the camera show as well as a knee turned up. For side-lying
    /// work with bent legs (a clamshell), which a plain front view shows edge-on.
    Above,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Legs {
    #[default]
    One,
    Both,
}

/// A named point of the body. Pairs (`Feet`, `Knees`, `Hands`) mean whichever is lowest for a
/// contact, and both for a touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Point {
    Head,
    Shoulders,
    Pelvis,
    /// The trunk: shoulders and pelvis (lying on the back, front or side).
    Trunk,
    WorkingThigh,
    OtherThigh,
    WorkingKnee,
    OtherKnee,
    Knees,
    WorkingFoot,
    OtherFoot,
    Feet,
    Elbows,
    Hands,
}

impl Point {
    pub fn label(self) -> &'static str {
        match self {
            Point::Head => "the head",
            Point::Shoulders => "the shoulders",
            Point::Pelvis => "the pelvis",
            Point::Trunk => "the trunk",
            Point::WorkingThigh => "the working thigh",
            Point::OtherThigh => "the other thigh",
            Point::WorkingKnee => "the working knee",
            Point::OtherKnee => "the other knee",
            Point::Knees => "the knees",
            Point::WorkingFoot => "the working foot",
            Point::OtherFoot => "the other foot",
            Point::Feet => "the feet",
            Point::Elbows => "the elbows",
            Point::Hands => "the hands",
        }
    }
}

/// What a position rests on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Surface {
    #[default]
    Floor,
    Step,
    Decline,
    Chair,
    Bench,
    FoamRoller,
    Ball,
    Bike,
    /// The foot pedals of an elliptical trainer.
    Elliptical,
    /// The sliding seat of a rowing machine.
    Rower,
    /// Afloat: the shoulders at the water line.
    Water,
}

impl Surface {
    pub fn label(self) -> &'static str {
        match self {
            Surface::Floor => "the floor",
            Surface::Step => "a step",
            Surface::Decline => "a decline board",
            Surface::Chair => "a chair",
            Surface::Bench => "a bench",
            Surface::FoamRoller => "a foam roller",
            Surface::Ball => "a ball",
            Surface::Bike => "a bike",
            Surface::Elliptical => "an elliptical trainer",
            Surface::Rower => "a rowing machine",
            Surface::Water => "water",
        }
    }
}

/// A side of the drawing: `Left` is behind a body seen from the side (it faces right).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Left,
    Right,
}

/// Where a band or strap is tied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tie {
    /// To a post ahead of the body (to the right), at the height of the point it holds.
    Post,
    /// In a loop round the named pair (both knees).
    Around,
    /// Round the working foot, held in the hands.
    Foot,
}

/// Things drawn with the body. Surfaces are placed under what rests on them in the first
/// position that uses them; a wall touches the body's outermost point on its side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Prop {
    Wall(Side),
    /// A step of this height in cm.
    Step(f32),
    /// A 25-degree decline board, heels high.
    Decline,
    Chair,
    /// A bench (or machine seat) of this height in cm.
    Bench(f32),
    FoamRoller,
    Ball,
    /// An elastic band: where it is tied, and the body point it pulls on.
    Band(Tie, Point),
    /// A rigid strap (a belt or tow strap): where it is tied, and what it holds.
    Strap(Tie, Point),
    /// A weight held in the hands.
    Weight,
    /// A plate the feet push against (a leg press).
    Plate,
    Bike,
    /// An elliptical trainer: a pedal under each foot, handles to the hands.
    Elliptical,
    /// A rowing machine: a seat sliding on a low rail under the pelvis, a foot stretcher at the
    /// feet (which stay put from one position to the next), the flywheel ahead and its handle
    /// in the hands.
    Rower,
    Water,
}

impl Prop {
    /// The surface this prop offers to rest on, if any.
    pub fn surface(self) -> Option<Surface> {
        Some(match self {
            Prop::Step(_) => Surface::Step,
            Prop::Decline => Surface::Decline,
            Prop::Chair => Surface::Chair,
            Prop::Bench(_) => Surface::Bench,
            Prop::FoamRoller => Surface::FoamRoller,
            Prop::Ball => Surface::Ball,
            Prop::Bike => Surface::Bike,
            Prop::Elliptical => Surface::Elliptical,
            Prop::Rower => Surface::Rower,
            Prop::Water => Surface::Water,
            _ => return None,
        })
    }
}

/// One key position. Angles are in degrees, anatomical: 0 is standing tall, arms by the sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// "start", "middle", "end" or a word of the steps ("hold", "lowered").
    pub name: Text,
    /// The body point that rests on `at`.
    pub on: Point,
    #[serde(default)]
    pub at: Surface,
    /// The whole body turned in the picture: + forward (side view) or to the right (front
    /// view); -90 lies on the back (side view) or on the other side (front view).
    #[serde(default)]
    pub lean: f32,
    /// Off the surface by this many cm (a hop); anything else rests on it.
    #[serde(default)]
    pub lift: f32,
    /// Moved along the surface by this many cm (rolling, stepping).
    #[serde(default)]
    pub shift: f32,
    /// The working leg: hip bend (+ forward, - behind), knee bend (0 straight), ankle (+ toes
    /// up, - pointed), spread (+ out to the side, - across), open (knee turned out, feet
    /// together: a clamshell), turn (hip rotation, + out: with the knee bent the foot swings
    /// across the body, as when an ankle rests on the other knee).
    #[serde(default)]
    pub hip: f32,
    #[serde(default)]
    pub knee: f32,
    #[serde(default)]
    pub ankle: f32,
    #[serde(default)]
    pub spread: f32,
    #[serde(default)]
    pub open: f32,
    #[serde(default)]
    pub turn: f32,
    /// The other leg. Left out, it copies the working leg when `legs: Both`, and stays straight
    /// in line with the body for one working leg.
    #[serde(default)]
    pub other: Option<Leg>,
    /// Both arms, unless `other_arm` differs.
    #[serde(default)]
    pub arm: Arm,
    #[serde(default)]
    pub other_arm: Option<Arm>,
    /// Body points that must touch a surface or wall here (checked).
    #[serde(default)]
    pub touch: Vec<Point>,
}

/// A leg's angles, as for the working leg.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leg {
    #[serde(default)]
    pub hip: f32,
    #[serde(default)]
    pub knee: f32,
    #[serde(default)]
    pub ankle: f32,
    #[serde(default)]
    pub spread: f32,
    #[serde(default)]
    pub open: f32,
    #[serde(default)]
    pub turn: f32,
}

/// An arm's angles: shoulder (+ forward, 180 overhead, - behind), elbow bend, spread (out to
/// the side), turn (shoulder rotation: with the elbow bent the forearm swings about the upper
/// arm, + toward the head when the arm hangs; so a forearm on the floor can lie where a view
/// shows it, not end-on).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arm {
    #[serde(default)]
    pub shoulder: f32,
    #[serde(default)]
    pub elbow: f32,
    #[serde(default)]
    pub spread: f32,
    #[serde(default)]
    pub turn: f32,
}
