//! Exercise figures as data: a jointed stick body posed by joint angles, the props it uses and
//! its key positions, drawn the same way in print (SVG) and in the terminal (braille or ASCII).
//!
//! The body has fixed segment lengths (a 170 cm adult) and is posed with anatomical angles, so
//! a knee can only bend the way a knee bends: `knee: 90` is a right angle, never a knee bent
//! backwards. Each position names what rests on a surface (`on: WorkingFoot, at: Step`), and the
//! body is lowered onto it: a figure cannot float by accident, and `rehab check` reports a figure
//! whose other points sink through the floor or a prop, whose named touches float, or whose
//! joints pass what a body can do. Pure: no terminal, no I/O.

pub(crate) mod body;
mod check;
mod model;
pub(crate) mod scene;
pub mod svg;
pub mod text;

use serde::Deserialize;

use crate::library_text::Text;

pub use body::P;
pub use check::{FigureIssue, check_figure};
pub use model::*;
pub use scene::{Mark, Scene, Shape, Stroke, scene};

impl Position {
    pub fn leg(&self) -> Leg {
        Leg {
            hip: self.hip,
            knee: self.knee,
            ankle: self.ankle,
            spread: self.spread,
            open: self.open,
            turn: self.turn,
        }
    }

    /// The other leg: as written, else (for `legs: Both`) the working leg's angles, else
    /// (for one working leg) straight in line with the body.
    pub fn other_leg(&self, legs: Legs) -> Leg {
        match (self.other, legs) {
            (Some(leg), _) => leg,
            (None, Legs::Both) => self.leg(),
            (None, Legs::One) => Leg::default(),
        }
    }

    pub fn other_arm(&self) -> Arm {
        self.other_arm.unwrap_or(self.arm)
    }
}

/// The human limits a figure's joints are checked against: (field, lowest, highest).
pub const LIMITS: [(&str, f32, f32); 11] = [
    ("hip", -30.0, 140.0),
    ("knee", -5.0, 155.0),
    ("ankle", -50.0, 40.0),
    ("spread", -30.0, 50.0),
    ("open", 0.0, 60.0),
    // Hip rotation: about 40 in, 60 out (a figure-4 stretch is near the outer end).
    ("turn", -40.0, 60.0),
    ("shoulder", -60.0, 180.0),
    ("elbow", 0.0, 150.0),
    ("arm_spread", -20.0, 180.0),
    // Shoulder rotation, about 90 either way.
    ("arm_turn", -90.0, 90.0),
    ("lean", -180.0, 180.0),
];

/// The built-in figures, parsed the first time one is needed (never on the app's first frame).
pub fn builtin() -> &'static [Figure] {
    static FIGURES: std::sync::OnceLock<Vec<Figure>> = std::sync::OnceLock::new();
    FIGURES.get_or_init(|| parse(BUILTIN_TEXT).unwrap_or_default())
}

pub const BUILTIN_NAME: &str = "<built-in>/figures.ron";
pub const BUILTIN_TEXT: &str = include_str!("../../../assets/figures.ron");

/// The `figures` section of a library file.
pub fn parse(text: &str) -> Result<Vec<Figure>, ron::error::SpannedError> {
    #[derive(Deserialize)]
    struct File {
        #[serde(default)]
        figures: Vec<Figure>,
    }
    ron::from_str::<File>(text).map(|f| f.figures)
}
