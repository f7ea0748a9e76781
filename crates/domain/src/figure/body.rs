//! The jointed body: fixed segment lengths (cm, a 170 cm adult), posed by angles in 3D and
//! projected onto the view's plane.

use super::{Arm, Leg, Legs, Point, Position, View};

pub const THIGH: f32 = 44.0;
pub const SHIN: f32 = 43.0;
pub const TRUNK: f32 = 52.0;
pub const UPPER_ARM: f32 = 29.0;
pub const FOREARM: f32 = 27.0;
pub const HEAD_R: f32 = 10.0;
const HIP_HALF: f32 = 9.0;
const SHOULDER_HALF: f32 = 17.0;
const SHOULDER_Y: f32 = 48.0;
const HEAD_Y: f32 = 64.0;
const ANKLE_H: f32 = 7.0;
/// `View::Above`: how far down a cm toward the camera is drawn (a camera about 30 degrees up).
pub const ABOVE_DROP: f32 = 0.5;
/// Lying on the side seen from the front, how much of the shoulders' and hips' width is drawn:
/// stacked one above the other at full width they frame the trunk as a box, and a stick
/// figure reads as lying on its side when its trunk is one line (the hips keep enough width
/// for the two legs to show apart).
const SIDE_LYING_SHOULDERS: f32 = 0.25;
const SIDE_LYING_HIPS: f32 = 0.55;

/// The drawn half-widths of the shoulders and hips for a body turned by `lean` in `view`.
fn half_widths(view: View, lean: f32) -> (f32, f32) {
    if view == View::Side {
        return (SHOULDER_HALF, HIP_HALF);
    }
    let lying = lean.to_radians().sin().abs();
    let narrow = |keep: f32| 1.0 - (1.0 - keep) * lying;
    (
        SHOULDER_HALF * narrow(SIDE_LYING_SHOULDERS),
        HIP_HALF * narrow(SIDE_LYING_HIPS),
    )
}

/// A point in the picture, in cm, y up.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct P {
    pub x: f32,
    pub y: f32,
}

impl P {
    pub fn new(x: f32, y: f32) -> P {
        P { x, y }
    }
    pub fn lerp(self, o: P, t: f32) -> P {
        P::new(self.x + (o.x - self.x) * t, self.y + (o.y - self.y) * t)
    }
    pub fn dist(self, o: P) -> f32 {
        ((self.x - o.x).powi(2) + (self.y - o.y).powi(2)).sqrt()
    }
}

impl std::ops::Add for P {
    type Output = P;
    fn add(self, o: P) -> P {
        P::new(self.x + o.x, self.y + o.y)
    }
}

#[derive(Debug, Clone, Copy)]
struct V3 {
    x: f32,
    y: f32,
    z: f32,
}

impl V3 {
    fn new(x: f32, y: f32, z: f32) -> V3 {
        V3 { x, y, z }
    }
    fn add(self, o: V3) -> V3 {
        V3::new(self.x + o.x, self.y + o.y, self.z + o.z)
    }
    fn scale(self, k: f32) -> V3 {
        V3::new(self.x * k, self.y * k, self.z * k)
    }
    fn dot(self, o: V3) -> f32 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }
    fn len(self) -> f32 {
        self.dot(self).sqrt()
    }
    /// Turned by `deg` about the unit axis `u` (right-hand rule).
    fn about(self, u: V3, deg: f32) -> V3 {
        let (s, c) = deg.to_radians().sin_cos();
        self.scale(c)
            .add(u.cross(self).scale(s))
            .add(u.scale(u.dot(self) * (1.0 - c)))
    }
    fn cross(self, o: V3) -> V3 {
        V3::new(
            self.y * o.z - self.z * o.y,
            self.z * o.x - self.x * o.z,
            self.x * o.y - self.y * o.x,
        )
    }
    /// Turned out to the side (about the forward axis) by `deg`: + moves a hanging limb out.
    fn spread(self, deg: f32) -> V3 {
        let (s, c) = deg.to_radians().sin_cos();
        V3::new(self.x, self.y * c + self.z * s, self.z * c - self.y * s)
    }
}

/// A direction in the body's own sagittal plane: 0 straight down, 90 straight forward.
fn dir(deg: f32) -> V3 {
    let (s, c) = deg.to_radians().sin_cos();
    V3::new(s, -c, 0.0)
}

/// One leg's points in the picture.
#[derive(Debug, Clone, Copy, Default)]
pub struct LegPts {
    pub hip: P,
    pub knee: P,
    pub ankle: P,
    pub heel: P,
    pub toe: P,
    /// How far the knee is toward the camera (cm): the nearer limb is drawn over the other.
    pub depth: f32,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ArmPts {
    pub shoulder: P,
    pub elbow: P,
    pub hand: P,
    /// How far the elbow is toward the camera (cm).
    pub depth: f32,
}

/// The posed body in the picture, before it is placed on its surface.
#[derive(Debug, Clone, Copy, Default)]
pub struct Skeleton {
    pub pelvis: P,
    pub neck: P,
    pub head: P,
    /// Working leg first.
    pub legs: [LegPts; 2],
    pub arms: [ArmPts; 2],
}

impl Skeleton {
    pub fn pose(p: &Position, view: View, legs: Legs) -> Skeleton {
        // Toward the camera: the working side from the side, the front of the body otherwise.
        let depth = |v: V3| match view {
            View::Side => v.z,
            View::Front | View::Above => v.x,
        };
        let project = |v: V3| -> P {
            let flat = match view {
                View::Side => P::new(v.x, v.y),
                View::Front | View::Above => P::new(v.z, v.y),
            };
            // The whole body turned by `lean`, clockwise (forward, or to the right).
            let (s, c) = p.lean.to_radians().sin_cos();
            let turned = P::new(flat.x * c + flat.y * s, -flat.x * s + flat.y * c);
            match view {
                // Seen from above, what is nearer the camera is lower in the picture.
                View::Above => P::new(turned.x, turned.y - ABOVE_DROP * v.x),
                _ => turned,
            }
        };
        let (shoulder_half, hip_half) = half_widths(view, p.lean);
        let leg = |l: Leg, side: f32| -> LegPts {
            let thigh = l.hip;
            let shin = l.hip - l.knee;
            let foot = shin + 90.0 + l.ankle;
            let knee = dir(thigh).scale(THIGH);
            let ankle = knee.add(dir(shin).scale(SHIN));
            let down = dir(foot - 90.0);
            let heel = ankle.add(down.scale(ANKLE_H)).add(dir(foot).scale(-4.0));
            let toe = ankle.add(down.scale(ANKLE_H)).add(dir(foot).scale(16.0));
            // Hip rotation: the shin and foot swing about the thigh; + (out) takes the foot
            // across the body (local +z is the leg's outer side).
            let (ankle, heel, toe) = if l.turn != 0.0 {
                let u = knee.scale(1.0 / knee.len().max(1e-3));
                let swing = |v: V3| knee.add(v.add(knee.scale(-1.0)).about(u, l.turn));
                (swing(ankle), swing(heel), swing(toe))
            } else {
                (ankle, heel, toe)
            };
            // The clam: the knee turns out about the line from hip to ankle, feet together.
            let knee = if l.open != 0.0 {
                let u = ankle.scale(1.0 / ankle.len().max(1e-3));
                let (a, b) = (knee.about(u, l.open), knee.about(u, -l.open));
                if a.z >= b.z { a } else { b }
            } else {
                knee
            };
            let at = |v: V3| {
                let v = v.spread(l.spread);
                V3::new(v.x, v.y, side * (v.z + hip_half))
            };
            let place = |v: V3| project(at(v));
            LegPts {
                hip: place(V3::new(0.0, 0.0, 0.0)),
                knee: place(knee),
                ankle: place(ankle),
                heel: place(heel),
                toe: place(toe),
                depth: depth(at(knee)),
            }
        };
        let arm = |a: Arm, side: f32| -> ArmPts {
            let elbow = dir(a.shoulder).scale(UPPER_ARM);
            let forearm = dir(a.shoulder + a.elbow).scale(FOREARM);
            // Shoulder rotation swings the forearm about the upper arm.
            let forearm = if a.turn != 0.0 {
                forearm.about(elbow.scale(1.0 / UPPER_ARM), a.turn)
            } else {
                forearm
            };
            let hand = elbow.add(forearm);
            let at = |v: V3| {
                let v = v.spread(a.spread);
                V3::new(v.x, v.y + SHOULDER_Y, side * (v.z + shoulder_half))
            };
            let place = |v: V3| project(at(v));
            ArmPts {
                shoulder: place(V3::new(0.0, 0.0, 0.0)),
                elbow: place(elbow),
                hand: place(hand),
                depth: depth(at(elbow)),
            }
        };
        Skeleton {
            pelvis: project(V3::new(0.0, 0.0, 0.0)),
            neck: project(V3::new(0.0, TRUNK, 0.0)),
            head: project(V3::new(0.0, HEAD_Y, 0.0)),
            legs: [leg(p.leg(), 1.0), leg(p.other_leg(legs), -1.0)],
            arms: [arm(p.arm, 1.0), arm(p.other_arm(), -1.0)],
        }
    }

    pub fn moved(mut self, d: P) -> Skeleton {
        self.pelvis = self.pelvis + d;
        self.neck = self.neck + d;
        self.head = self.head + d;
        for l in &mut self.legs {
            for q in [
                &mut l.hip,
                &mut l.knee,
                &mut l.ankle,
                &mut l.heel,
                &mut l.toe,
            ] {
                *q = *q + d;
            }
        }
        for a in &mut self.arms {
            for q in [&mut a.shoulder, &mut a.elbow, &mut a.hand] {
                *q = *q + d;
            }
        }
        self
    }

    /// A named point as (place, half-thickness of the body there).
    pub fn points(&self, point: Point) -> Vec<(P, f32)> {
        let [w, o] = self.legs;
        let thigh = |l: LegPts| (0..=4).map(move |i| (l.hip.lerp(l.knee, i as f32 / 4.0), 7.0));
        match point {
            Point::Head => vec![(self.head, HEAD_R)],
            Point::Shoulders => vec![(self.arms[0].shoulder, 6.0), (self.arms[1].shoulder, 6.0)],
            Point::Pelvis => vec![(self.pelvis, 9.0)],
            Point::Trunk => (0..=4)
                .map(|i| (self.pelvis.lerp(self.neck, i as f32 / 4.0), 9.0))
                .chain([(w.hip, 8.0), (o.hip, 8.0)])
                .chain([(self.arms[0].shoulder, 6.0), (self.arms[1].shoulder, 6.0)])
                .collect(),
            Point::WorkingThigh => thigh(w).collect(),
            Point::OtherThigh => thigh(o).collect(),
            Point::WorkingKnee => vec![(w.knee, 5.0)],
            Point::OtherKnee => vec![(o.knee, 5.0)],
            Point::Knees => vec![(w.knee, 5.0), (o.knee, 5.0)],
            Point::WorkingFoot => vec![(w.heel, 0.0), (w.toe, 0.0)],
            Point::OtherFoot => vec![(o.heel, 0.0), (o.toe, 0.0)],
            Point::Feet => vec![(w.heel, 0.0), (w.toe, 0.0), (o.heel, 0.0), (o.toe, 0.0)],
            Point::Elbows => vec![(self.arms[0].elbow, 4.0), (self.arms[1].elbow, 4.0)],
            Point::Hands => vec![(self.arms[0].hand, 3.0), (self.arms[1].hand, 3.0)],
        }
    }

    /// Every point of the body with its half-thickness and a name, for the sink check.
    pub fn all_points(&self) -> Vec<(&'static str, P, f32)> {
        let mut v = vec![
            ("the head", self.head, HEAD_R),
            ("the pelvis", self.pelvis, 8.0),
            ("the trunk", self.pelvis.lerp(self.neck, 0.5), 8.0),
            ("the neck", self.neck, 6.0),
        ];
        for (l, which) in self.legs.iter().zip(["working", "other"]) {
            let name = |part: &str| -> &'static str {
                match (which, part) {
                    ("working", "knee") => "the working knee",
                    ("working", "heel") => "the working heel",
                    ("working", "toe") => "the working toes",
                    ("working", _) => "the working ankle",
                    (_, "knee") => "the other knee",
                    (_, "heel") => "the other heel",
                    (_, "toe") => "the other toes",
                    _ => "the other ankle",
                }
            };
            v.push((name("knee"), l.knee, 5.0));
            v.push((name("ankle"), l.ankle, 4.0));
            v.push((name("heel"), l.heel, 0.0));
            v.push((name("toe"), l.toe, 0.0));
        }
        for a in &self.arms {
            v.push(("an elbow", a.elbow, 3.0));
            v.push(("a hand", a.hand, 2.0));
        }
        v
    }
}
