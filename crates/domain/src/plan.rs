//! The plan builder: a pure, deterministic function from (catalog, condition, settings) to a
//! week plan or a program of weeks through the phases.

mod build;
mod minutes;
pub mod model;
mod overrides;
mod week;

pub use build::{
    FIRST_DATE, LAST_DATE, MAX_PRINTED_WEEKS, MAX_WEEKS, PlanError, avoided, build_program,
    build_week, build_week_unshown, check_plausible, check_start, check_week, going_well,
    monday_of, program_start, scheduled_state,
};
pub use minutes::{Side, Step, StepKind, dose_steps, item_minutes, rep_hold_seconds};
pub use model::*;
pub use overrides::{
    OverrideChange, OverridePart, OverrideProblem, apply_override_change, avoid_early_notes,
    dose_change_text, override_problems, parse_dose_change,
};
pub use week::week_number;
