//! One file per screen; each render opens with an ASCII sketch of its layout.

pub mod clinic;
pub mod export;
pub mod files;
pub mod history;
pub mod library;
pub mod list_detail;
pub mod load_error;
pub mod overlays;
pub mod picker;
pub mod profiles;
pub mod program;
pub mod red_flags;
pub mod setup;
pub mod today;
pub mod week;
pub mod welcome;
pub mod widgets;
