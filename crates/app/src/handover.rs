//! Handing a plan over and bringing the progress back, with files the people own and no
//! account anywhere: the prescription file a clinician exports and a runner imports, the
//! follow-up report a physiotherapist reads before a visit, and the clinician's overview of
//! every profile in a data folder.
//!
//! Pure, like the domain below it: text, profiles and replayed journals come in; checked
//! values, assembled reports and rendered text go out. `store::prescription` reads and writes
//! the files; the CLI parses, calls these and shows the result.

pub mod clinic;
pub mod prescription;
pub mod report;
mod report_render;

pub use clinic::{ClinicRow, Concern, clinic_rows, clinic_text};
pub use prescription::{
    Imported, PRESCRIPTION_FORMAT, PRESCRIPTION_VERSION, Prescription, PrescriptionError,
    check_prescription, format_prescription, parse_prescription,
};
pub use report::{REPORT_WEEKS, Report, assemble_report};
pub use report_render::render_report;
