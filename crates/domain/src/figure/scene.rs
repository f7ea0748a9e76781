//! A figure laid out: each position's body placed on its surface, the props around it, and the
//! lines to draw, in cm with y up. The SVG and terminal renderers only draw these shapes.

use super::body::{P, Skeleton};
use super::{Figure, Legs, Point, Prop, Side, Surface, Tie, View};

/// How a shape is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    /// The working leg: black and heavier.
    Working,
    /// The trunk, head and near limbs.
    Body,
    /// The far limbs: grey.
    Other,
    /// Floor, walls and furniture: thin.
    Prop,
    /// A band or strap: dashed.
    Band,
    /// The movement arrow.
    Arrow,
    /// A short white gap under a nearer limb where it crosses a farther one, so the crossing
    /// reads as one limb in front of the other (print only: dots cannot be erased).
    Gap,
    /// A water line.
    Water,
}

/// A mark on the working leg, so it reads without colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mark {
    /// A filled dot.
    Dot,
    Ring,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Line(P, P, Stroke),
    Circle(P, f32, Stroke),
    /// A filled dot or ring of a fixed size on paper, at a point.
    Mark(P, Mark),
    /// An arrow from the first point to the second.
    Arrow(P, P),
}

/// One key position, ready to draw.
#[derive(Debug, Clone)]
pub struct Panel {
    pub name: String,
    pub shapes: Vec<Shape>,
    /// Left and right edges of what is drawn, in cm.
    pub x_range: (f32, f32),
}

/// A whole figure, ready to draw: panels side by side sharing one scale and one height.
#[derive(Debug, Clone)]
pub struct Scene {
    pub panels: Vec<Panel>,
    /// Bottom and top of what is drawn, in cm, shared by every panel.
    pub y_range: (f32, f32),
}

impl Scene {
    /// The widest panel and the shared height, in cm.
    pub fn size(&self) -> (f32, f32) {
        let w = self
            .panels
            .iter()
            .map(|p| p.x_range.1 - p.x_range.0)
            .fold(0.0, f32::max);
        (w, self.y_range.1 - self.y_range.0)
    }

    /// The panels' widths added up, in cm (at least 1, so it can divide).
    pub fn total_width(&self) -> f32 {
        self.panels
            .iter()
            .map(|p| p.x_range.1 - p.x_range.0)
            .sum::<f32>()
            .max(1.0)
    }
}

/// A solid or surface placed once for the whole figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Solid {
    /// A box from x0 to x1, top at `top`, `depth` thick (a step goes down to the floor).
    Slab {
        surface: Surface,
        x0: f32,
        x1: f32,
        top: f32,
        depth: f32,
    },
    /// A wedge, high at x0, low at x1.
    Wedge {
        x0: f32,
        x1: f32,
    },
    Roller {
        c: P,
        r: f32,
        surface: Surface,
    },
    Wall {
        x: f32,
        side: Side,
    },
    Water {
        y: f32,
    },
}

const WEDGE_LOW: f32 = 2.0;

fn wedge_top(x1: f32, x: f32) -> f32 {
    WEDGE_LOW + (x1 - x) * 25f32.to_radians().tan()
}

impl Solid {
    /// The height of this surface's top at `x`, when it offers `surface` there.
    pub fn top_at(&self, surface: Surface, x: f32) -> Option<f32> {
        match *self {
            Solid::Slab {
                surface: s,
                x0,
                x1,
                top,
                ..
            } if s == surface && (x0 - 1.0..=x1 + 1.0).contains(&x) => Some(top),
            Solid::Wedge { x0, x1 }
                if surface == Surface::Decline && (x0 - 1.0..=x1 + 1.0).contains(&x) =>
            {
                Some(wedge_top(x1, x.clamp(x0, x1)))
            }
            Solid::Roller { c, r, surface: s } if s == surface && (x - c.x).abs() < r => {
                Some(c.y + (r * r - (x - c.x).powi(2)).sqrt())
            }
            Solid::Water { y } if surface == Surface::Water => Some(y),
            _ => None,
        }
    }

    /// How far a point of half-thickness `r` is inside this solid (0 when it is not).
    pub fn depth_inside(&self, q: P, r: f32) -> f32 {
        match *self {
            // A rowing seat slides along its track: what could pass through it there is the
            // rail (the seat itself is under the pelvis that rests on it).
            Solid::Slab {
                surface: Surface::Rower,
                x0,
                x1,
                ..
            } if q.x > x0 + 1.0 && q.x < x1 - 1.0 => (ROWER_RAIL - (q.y - r)).max(0.0),
            Solid::Slab {
                surface: Surface::Rower,
                ..
            } => 0.0,
            Solid::Slab {
                x0, x1, top, depth, ..
            } if q.x > x0 + 1.0 && q.x < x1 - 1.0 && q.y + r > top - depth => {
                (top - (q.y - r)).max(0.0)
            }
            Solid::Wedge { x0, x1 } if q.x > x0 + 1.0 && q.x < x1 - 1.0 => {
                (wedge_top(x1, q.x) - (q.y - r)).max(0.0)
            }
            Solid::Roller { c, r: rr, .. } => (rr + r - q.dist(c)).max(0.0),
            Solid::Wall {
                x,
                side: Side::Left,
            } => (x - (q.x - r)).max(0.0),
            Solid::Wall {
                x,
                side: Side::Right,
            } => ((q.x + r) - x).max(0.0),
            _ => 0.0,
        }
    }

    /// The gap between a point and this solid's surface (top or wall face), when it faces it.
    pub fn gap(&self, q: P, r: f32) -> Option<f32> {
        match *self {
            Solid::Wall { x, .. } => Some(((q.x - x).abs() - r).abs()),
            Solid::Water { .. } => None,
            _ => [
                Surface::Step,
                Surface::Chair,
                Surface::Bench,
                Surface::Decline,
                Surface::FoamRoller,
                Surface::Ball,
            ]
            .iter()
            .find_map(|&s| self.top_at(s, q.x))
            .map(|top| (q.y - r - top).abs()),
        }
    }
}

/// The figure's positions placed on their surfaces, with the solids around them.
#[derive(Debug, Clone)]
pub struct Stage {
    /// Placed and checked in a view where height is height (`Above` is placed from the front).
    pub bodies: Vec<Skeleton>,
    /// As drawn: `bodies` again, or for `Above` the same bodies seen from above.
    pub drawn: Vec<Skeleton>,
    pub solids: Vec<Solid>,
    /// Whether there is a floor (not in deep water).
    pub floor: bool,
    pub post: Option<P>,
}

fn mean_x(points: &[(P, f32)]) -> f32 {
    points.iter().map(|(p, _)| p.x).sum::<f32>() / points.len().max(1) as f32
}

/// The first position resting on `surface`, or the first position.
fn first_on(figure: &Figure, surface: Surface) -> usize {
    figure
        .positions
        .iter()
        .position(|p| p.at == surface)
        .unwrap_or(0)
}

/// Places every position: across so the fixed point stays put, then down onto its surface.
pub fn stage(figure: &Figure) -> Stage {
    // Seen from above, depth moves points down the picture: rest the body on its surface as
    // seen from the front, where the picture's height is the height above the floor.
    let placing = match figure.view {
        View::Above => View::Front,
        v => v,
    };
    let across: Vec<Skeleton> = figure
        .positions
        .iter()
        .map(|p| {
            let s = Skeleton::pose(p, placing, figure.legs);
            let fixed = figure.fixed.unwrap_or(p.on);
            let fx = mean_x(&s.points(fixed));
            s.moved(P::new(p.shift - fx, 0.0))
        })
        .collect();
    let mut solids = Vec::new();
    let floor = !figure.props.contains(&Prop::Water);
    for prop in &figure.props {
        let k = prop.surface().map_or(0, |s| first_on(figure, s));
        let (Some(pos), Some(body)) = (figure.positions.get(k), across.get(k)) else {
            continue;
        };
        let on = body.points(pos.on);
        let (lo, hi) = on.iter().fold((f32::MAX, f32::MIN), |(a, b), (q, _)| {
            (a.min(q.x), b.max(q.x))
        });
        let pelvis = body.pelvis.x;
        match *prop {
            Prop::Step(h) => {
                let free = match pos.on {
                    Point::WorkingFoot => Some(body.legs[1].toe.x),
                    Point::OtherFoot => Some(body.legs[0].toe.x),
                    _ => None,
                };
                let (x0, x1) = match free {
                    Some(f) if f > hi => (lo - 28.0, hi + 2.0),
                    Some(_) => (lo - 2.0, hi + 28.0),
                    None => (lo - 10.0, hi + 10.0),
                };
                solids.push(Solid::Slab {
                    surface: Surface::Step,
                    x0,
                    x1,
                    top: h,
                    depth: h,
                });
            }
            Prop::Decline => solids.push(Solid::Wedge {
                x0: lo - 4.0,
                x1: hi + 4.0,
            }),
            Prop::Chair => solids.push(Solid::Slab {
                surface: Surface::Chair,
                x0: pelvis - 24.0,
                x1: pelvis + 18.0,
                top: 45.0,
                depth: 4.0,
            }),
            Prop::Bench(h) => solids.push(Solid::Slab {
                surface: Surface::Bench,
                x0: pelvis - 45.0,
                x1: pelvis + 30.0,
                top: h,
                depth: 5.0,
            }),
            Prop::FoamRoller | Prop::Ball => {
                let (r, surface) = if *prop == Prop::Ball {
                    (30.0, Surface::Ball)
                } else {
                    (7.5, Surface::FoamRoller)
                };
                solids.push(Solid::Roller {
                    c: P::new(mean_x(&on), r),
                    r,
                    surface,
                });
            }
            Prop::Bike => solids.push(Solid::Slab {
                surface: Surface::Bike,
                x0: pelvis - 12.0,
                x1: pelvis + 10.0,
                top: SADDLE,
                depth: 3.0,
            }),
            // The pedals' lowest point; each foot gets its own pedal where it is.
            Prop::Elliptical => solids.push(Solid::Slab {
                surface: Surface::Elliptical,
                x0: lo - 12.0,
                x1: hi + 12.0,
                top: 25.0,
                depth: 3.0,
            }),
            // The seat slides: its track runs under the pelvis of every position on it.
            Prop::Rower => {
                let seats = figure
                    .positions
                    .iter()
                    .zip(&across)
                    .filter(|(p, _)| p.at == Surface::Rower)
                    .map(|(_, b)| b.pelvis.x);
                let (a, b) = seats.fold((f32::MAX, f32::MIN), |(a, b), x| (a.min(x), b.max(x)));
                solids.push(Solid::Slab {
                    surface: Surface::Rower,
                    x0: a - 14.0,
                    x1: b + 14.0,
                    top: ROWER_SEAT,
                    depth: 3.0,
                });
            }
            Prop::Water => solids.push(Solid::Water { y: 140.0 }),
            _ => {}
        }
    }
    // Each body down onto its surface.
    let bodies: Vec<Skeleton> = figure
        .positions
        .iter()
        .zip(across)
        .map(|(p, s)| {
            let on = s.points(p.on);
            let dy = on
                .iter()
                .map(|(q, r)| surface_at(&solids, p.at, q.x) + r - q.y)
                .fold(f32::MIN, f32::max);
            let dy = if dy == f32::MIN { 0.0 } else { dy };
            s.moved(P::new(0.0, dy + p.lift))
        })
        .collect();
    // Walls and posts stand against the first position.
    let mut post = None;
    if let Some(first) = bodies.first() {
        let pts = first.all_points();
        let left = pts.iter().map(|(_, q, r)| q.x - r).fold(f32::MAX, f32::min);
        let right = pts.iter().map(|(_, q, r)| q.x + r).fold(f32::MIN, f32::max);
        for prop in &figure.props {
            match prop {
                Prop::Wall(Side::Left) => solids.push(Solid::Wall {
                    x: left,
                    side: Side::Left,
                }),
                Prop::Wall(Side::Right) => solids.push(Solid::Wall {
                    x: right,
                    side: Side::Right,
                }),
                Prop::Band(Tie::Post, point) | Prop::Strap(Tie::Post, point) => {
                    let h = first.points(*point).first().map_or(50.0, |(q, _)| q.y);
                    post = Some(P::new(right + 40.0, h));
                }
                _ => {}
            }
        }
    }
    // Both views put the pelvis at the origin, so the placed pelvis is the whole move.
    let drawn = match figure.view {
        View::Above => figure
            .positions
            .iter()
            .zip(&bodies)
            .map(|(p, b)| Skeleton::pose(p, View::Above, figure.legs).moved(b.pelvis))
            .collect(),
        _ => bodies.clone(),
    };
    Stage {
        bodies,
        drawn,
        solids,
        floor,
        post,
    }
}

/// The top of `surface` at `x`: the floor where nothing else is.
pub fn surface_at(solids: &[Solid], surface: Surface, x: f32) -> f32 {
    solids
        .iter()
        .find_map(|s| s.top_at(surface, x))
        .unwrap_or(0.0)
}

fn body_shapes(s: &Skeleton, view: View, legs: Legs, out: &mut Vec<Shape>) {
    let [w, o] = s.legs;
    let [aw, ao] = s.arms;
    let far = match view {
        View::Side => Stroke::Other,
        View::Front | View::Above => Stroke::Body,
    };
    let (working, other) = match legs {
        Legs::One => (Stroke::Working, Stroke::Other),
        Legs::Both => (Stroke::Body, far),
    };
    let leg = |l: &super::body::LegPts| vec![l.hip, l.knee, l.ankle, l.heel, l.toe, l.ankle];
    let arm = |a: &super::body::ArmPts| vec![a.shoulder, a.elbow, a.hand];
    let mut trunk = vec![(s.pelvis, s.neck)];
    if view != View::Side {
        trunk.push((w.hip, o.hip));
        trunk.push((aw.shoulder, ao.shoulder));
    }
    // Far to near, so a nearer limb is drawn over a farther one (ties keep this order: the
    // far arm and leg, the trunk, the working leg and arm).
    let mut limbs = [
        (ao.depth, arm(&ao), far),
        (o.depth, leg(&o), other),
        (0.0, vec![], Stroke::Body),
        (w.depth, leg(&w), working),
        (aw.depth, arm(&aw), Stroke::Body),
    ];
    limbs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut drawn: Vec<(P, P)> = Vec::new();
    for (_, pts, stroke) in limbs {
        if pts.is_empty() {
            for &(a, b) in &trunk {
                out.push(Shape::Line(a, b, Stroke::Body));
                drawn.push((a, b));
            }
            out.push(Shape::Circle(s.head, super::body::HEAD_R, Stroke::Body));
            continue;
        }
        let segments: Vec<(P, P)> = pts.windows(2).map(|w| (w[0], w[1])).collect();
        for &(a, b) in &segments {
            for &(c, d) in &drawn {
                if let Some(t) = crossing(a, b, c, d) {
                    let len = a.dist(b).max(1e-3);
                    let half = (GAP / len).min(0.5);
                    let (t0, t1) = ((t - half).max(0.0), (t + half).min(1.0));
                    out.push(Shape::Line(a.lerp(b, t0), a.lerp(b, t1), Stroke::Gap));
                }
            }
        }
        for &(a, b) in &segments {
            out.push(Shape::Line(a, b, stroke));
        }
        drawn.extend(segments);
    }
    if legs == Legs::One {
        out.push(Shape::Mark(w.knee, Mark::Dot));
    }
}

/// How far a mat reaches below the lowest limb on it, in the picture, in cm.
const MAT_MARGIN: f32 = 5.0;

/// Half the length of the gap under a crossing limb, in cm.
const GAP: f32 = 4.0;

/// Where segment ab crosses segment cd, as a fraction along ab, when they cross away from
/// their ends (limbs meeting at a joint do not cross).
fn crossing(a: P, b: P, c: P, d: P) -> Option<f32> {
    let (rx, ry) = (b.x - a.x, b.y - a.y);
    let (sx, sy) = (d.x - c.x, d.y - c.y);
    let den = rx * sy - ry * sx;
    if den.abs() < 1e-6 {
        return None;
    }
    let (qx, qy) = (c.x - a.x, c.y - a.y);
    let t = (qx * sy - qy * sx) / den;
    let u = (qx * ry - qy * rx) / den;
    let inside = |v: f32| (0.08..=0.92).contains(&v);
    (inside(t) && inside(u)).then_some(t)
}

fn point_of(s: &Skeleton, point: Point) -> P {
    let pts = s.points(point);
    let n = pts.len().max(1) as f32;
    let (x, y) = pts
        .iter()
        .fold((0.0, 0.0), |(x, y), (q, _)| (x + q.x, y + q.y));
    P::new(x / n, y / n)
}

/// The figure as shapes, one panel per position.
pub fn scene(figure: &Figure) -> Scene {
    let stage = stage(figure);
    let mut panels = Vec::new();
    // With a floor the picture starts at it; afloat, at the lowest thing drawn, so a swimmer
    // is not drawn small above an empty pool.
    let mut lo_y = if stage.floor { 0.0f32 } else { f32::MAX };
    let mut hi_y = 0.0f32;
    for (i, (pos, body)) in figure.positions.iter().zip(&stage.drawn).enumerate() {
        let mut shapes = Vec::new();
        props_shapes(figure, &stage, body, &mut shapes);
        body_shapes(body, figure.view, figure.legs, &mut shapes);
        if let (Some(point), Some(prev)) = (figure.arrow, i.checked_sub(1)) {
            let from = point_of(&stage.drawn[prev], point);
            let to = point_of(body, point);
            if from.dist(to) >= 4.0 {
                shapes.push(Shape::Arrow(from, to));
            }
        }
        let (mut x0, mut x1) = (f32::MAX, f32::MIN);
        for shape in &shapes {
            let (pts, r): (Vec<P>, f32) = match *shape {
                Shape::Line(a, b, _) | Shape::Arrow(a, b) => (vec![a, b], 0.0),
                Shape::Circle(c, r, _) => (vec![c], r),
                Shape::Mark(c, _) => (vec![c], 3.0),
            };
            for q in pts {
                x0 = x0.min(q.x - r);
                x1 = x1.max(q.x + r);
                lo_y = lo_y.min(q.y - r);
                hi_y = hi_y.max(q.y + r);
            }
        }
        panels.push(Panel {
            name: pos.name.to_string(),
            shapes,
            x_range: (x0, x1),
        });
    }
    let body_low = stage
        .drawn
        .iter()
        .flat_map(|b| b.all_points())
        .map(|(_, q, _)| q.y)
        .fold(0.0f32, f32::min);
    // The floor (or water line) under each panel, a little wider than what stands on it.
    for panel in &mut panels {
        let (x0, x1) = (panel.x_range.0 - 8.0, panel.x_range.1 + 8.0);
        if stage.floor && figure.view == View::Above {
            // Seen from above the floor is a mat: its far and near edges, level, so limbs
            // coming toward the camera lie on it. Slanted ends would only add lines (and, in
            // plain characters, clutter).
            // The near edge just below the lowest limb, so the mat takes no more height than
            // the body needs.
            let near = body_low.min(0.0) - MAT_MARGIN;
            for y in [0.0, near] {
                panel
                    .shapes
                    .insert(0, Shape::Line(P::new(x0, y), P::new(x1, y), Stroke::Prop));
            }
            lo_y = lo_y.min(near);
        } else if stage.floor {
            panel.shapes.insert(
                0,
                Shape::Line(P::new(x0, 0.0), P::new(x1, 0.0), Stroke::Prop),
            );
        }
        for s in &stage.solids {
            if let Solid::Water { y } = s {
                panel.shapes.insert(
                    0,
                    Shape::Line(P::new(x0, *y), P::new(x1, *y), Stroke::Water),
                );
            }
        }
        panel.x_range = (x0, x1);
    }
    Scene {
        panels,
        y_range: (lo_y - 2.0, hi_y + 2.0),
    }
}

/// The seat of a bike, in cm above the floor.
const SADDLE: f32 = 100.0;

/// A rowing machine's seat and rail, in cm above the floor.
const ROWER_SEAT: f32 = 36.0;
const ROWER_RAIL: f32 = 16.0;

/// A plate just beyond a foot's sole, a little longer than the foot.
fn sole(l: &super::body::LegPts) -> (P, P) {
    let (dx, dy) = (l.toe.x - l.heel.x, l.toe.y - l.heel.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let mid = l.heel.lerp(l.toe, 0.5);
    let (sx, sy) = (mid.x - l.ankle.x, mid.y - l.ankle.y);
    let sl = (sx * sx + sy * sy).sqrt().max(1.0);
    let (nx, ny) = (sx / sl * 2.0, sy / sl * 2.0);
    (
        P::new(l.heel.x - ux * 10.0 + nx, l.heel.y - uy * 10.0 + ny),
        P::new(l.toe.x + ux * 10.0 + nx, l.toe.y + uy * 10.0 + ny),
    )
}

fn props_shapes(figure: &Figure, stage: &Stage, body: &Skeleton, out: &mut Vec<Shape>) {
    let line = |out: &mut Vec<Shape>, a: (f32, f32), b: (f32, f32)| {
        out.push(Shape::Line(
            P::new(a.0, a.1),
            P::new(b.0, b.1),
            Stroke::Prop,
        ));
    };
    for s in &stage.solids {
        match *s {
            Solid::Slab {
                surface: Surface::Step,
                x0,
                x1,
                top,
                ..
            } => {
                line(out, (x0, 0.0), (x0, top));
                line(out, (x0, top), (x1, top));
                line(out, (x1, top), (x1, 0.0));
            }
            Solid::Slab {
                surface: Surface::Chair,
                x0,
                x1,
                top,
                ..
            } => {
                line(out, (x0, top), (x1, top));
                line(out, (x0, 0.0), (x0, top + 40.0));
                line(out, (x1, 0.0), (x1, top));
            }
            Solid::Slab {
                surface: Surface::Bench,
                x0,
                x1,
                top,
                depth,
            } => {
                line(out, (x0, top), (x1, top));
                line(out, (x0, top - depth), (x1, top - depth));
                line(out, (x0 + 4.0, 0.0), (x0 + 4.0, top - depth));
                line(out, (x1 - 4.0, 0.0), (x1 - 4.0, top - depth));
            }
            Solid::Slab {
                surface: Surface::Bike,
                x0,
                x1,
                top,
                ..
            } => {
                // A road bike built round the rider: the saddle under the pelvis, the crank
                // between the pedalling feet, the bars at the hands.
                let first = &stage.drawn[first_on(figure, Surface::Bike)];
                let pedals = [first.legs[0].toe, first.legs[1].toe];
                let crank = pedals[0].lerp(pedals[1], 0.5);
                let r = (pedals[0].dist(pedals[1]) / 2.0).max(10.0);
                let seat = P::new((x0 + x1) / 2.0, top - 3.0);
                let bars = first.arms[0].hand;
                let (wheel, hub_y) = (33.0, 33.0);
                let back = P::new(crank.x - 42.0, hub_y);
                let front = P::new(bars.x + 12.0, hub_y);
                let head_top = P::new(bars.x - 4.0, bars.y - 10.0);
                let head_low = head_top.lerp(front, 0.3);
                line(out, (x0, top), (x1, top));
                out.push(Shape::Circle(crank, r, Stroke::Prop));
                out.push(Shape::Circle(back, wheel, Stroke::Prop));
                out.push(Shape::Circle(front, wheel, Stroke::Prop));
                for (a, b) in [
                    (seat, crank),
                    (crank, back),
                    (seat, back),
                    (seat, head_top),
                    (crank, head_low),
                    (head_top, front),
                    (head_top, bars),
                    (crank, pedals[0]),
                    (crank, pedals[1]),
                ] {
                    out.push(Shape::Line(a, b, Stroke::Prop));
                }
            }
            Solid::Slab {
                surface: Surface::Elliptical,
                x0,
                x1,
                ..
            } => {
                // A pedal under each foot on one arm from the flywheel behind, a post in front
                // with the console, and the near hand's handle from a pivot on the post (the
                // far handle lies behind it: drawn too, the two made a cluttered fan).
                let fly = P::new(x0 - 22.0, 18.0);
                let base = P::new(x1 + 30.0, 0.0);
                let console = P::new(base.x - 14.0, 125.0);
                let pivot = base.lerp(console, 0.45);
                out.push(Shape::Circle(fly, 18.0, Stroke::Prop));
                line(out, (fly.x - 12.0, 0.0), (base.x + 12.0, 0.0));
                line(out, (base.x, 0.0), (console.x, console.y));
                line(
                    out,
                    (console.x - 6.0, console.y),
                    (console.x + 10.0, console.y + 8.0),
                );
                for l in body.legs {
                    let (a, b) = sole(&l);
                    out.push(Shape::Line(a, b, Stroke::Prop));
                    out.push(Shape::Line(a, fly, Stroke::Prop));
                }
                let hand = body.arms[0].hand;
                let grip = P::new(
                    hand.x + (hand.x - pivot.x) * 0.15,
                    hand.y + (hand.y - pivot.y) * 0.15,
                );
                out.push(Shape::Line(pivot, grip, Stroke::Prop));
            }
            Solid::Slab {
                surface: Surface::Rower,
                x0,
                ..
            } => {
                // A low rail from behind the seat's track to the flywheel housing; the seat
                // on its rollers under this position's pelvis; the foot stretcher at the soles,
                // braced to the rail; the chain from the flywheel to the handle in the hands.
                let feet = &body.legs[0];
                let r = 20.0;
                let fly = P::new(feet.toe.x.max(feet.heel.x) + r + 4.0, ROWER_RAIL + r + 6.0);
                // The rail rises from a low foot at the back to the housing, so it reads as a
                // rail, not a bench.
                let back = P::new(x0 - 10.0, 6.0);
                let front = P::new(fly.x - r * 0.6, ROWER_RAIL + 4.0);
                let rail_at =
                    |x: f32| back.y + (front.y - back.y) * (x - back.x) / (front.x - back.x);
                out.push(Shape::Line(back, front, Stroke::Prop));
                line(out, (back.x - 6.0, 0.0), (back.x + 6.0, 0.0));
                line(out, (back.x, 0.0), (back.x, back.y));
                line(out, (fly.x - r, 0.0), (fly.x + r, 0.0));
                line(out, (fly.x - 8.0, 0.0), (fly.x, fly.y - r));
                line(out, (fly.x + 8.0, 0.0), (fly.x, fly.y - r));
                out.push(Shape::Circle(fly, r, Stroke::Prop));
                // The seat on a carriage that runs on the rail.
                let px = body.pelvis.x;
                line(out, (px - 14.0, ROWER_SEAT), (px + 12.0, ROWER_SEAT));
                line(out, (px - 9.0, ROWER_SEAT), (px - 5.0, rail_at(px - 5.0)));
                line(out, (px + 7.0, ROWER_SEAT), (px + 3.0, rail_at(px + 3.0)));
                let (a, b) = sole(feet);
                out.push(Shape::Line(a, b, Stroke::Prop));
                let low = if a.y < b.y { a } else { b };
                out.push(Shape::Line(
                    low,
                    P::new(low.x, rail_at(low.x)),
                    Stroke::Prop,
                ));
                let hands = point_of(body, Point::Hands);
                out.push(Shape::Line(fly, hands, Stroke::Prop));
                out.push(Shape::Line(
                    P::new(hands.x, hands.y - 6.0),
                    P::new(hands.x, hands.y + 6.0),
                    Stroke::Body,
                ));
            }
            Solid::Slab { .. } | Solid::Water { .. } => {}
            Solid::Wedge { x0, x1 } => {
                let h = wedge_top(x1, x0);
                line(out, (x0, 0.0), (x0, h));
                line(out, (x0, h), (x1, WEDGE_LOW));
                line(out, (x1, WEDGE_LOW), (x1, 0.0));
            }
            Solid::Roller { c, r, .. } => out.push(Shape::Circle(c, r, Stroke::Prop)),
            Solid::Wall { x, .. } => line(out, (x, 0.0), (x, 190.0)),
        }
    }
    for prop in &figure.props {
        match *prop {
            Prop::Band(tie, point) | Prop::Strap(tie, point) => {
                let targets: Vec<P> = body.points(point).iter().map(|(q, _)| *q).collect();
                match tie {
                    Tie::Post => {
                        if let Some(post) = stage.post {
                            line(out, (post.x, 0.0), (post.x, post.y.max(60.0) + 25.0));
                            for t in &targets {
                                out.push(Shape::Line(post, *t, Stroke::Band));
                            }
                        }
                    }
                    Tie::Around => match targets.as_slice() {
                        [a, b] if a.dist(*b) > 6.0 => out.push(Shape::Line(*a, *b, Stroke::Band)),
                        [a, ..] => out.push(Shape::Circle(*a, 6.0, Stroke::Band)),
                        [] => {}
                    },
                    Tie::Foot => {
                        let foot = body.legs[0].toe;
                        for t in &targets {
                            out.push(Shape::Line(*t, foot, Stroke::Band));
                        }
                    }
                }
            }
            Prop::Weight => {
                let hands = point_of(body, Point::Hands);
                out.push(Shape::Circle(hands, 6.0, Stroke::Prop));
                out.push(Shape::Mark(hands, Mark::Dot));
            }
            Prop::Plate => {
                let (a, b) = sole(&body.legs[0]);
                out.push(Shape::Line(a, b, Stroke::Prop));
            }
            _ => {}
        }
    }
}
