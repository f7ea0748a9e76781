//! The command line and the clinic server, through the real binary: every command, printed plans, hardening against hostile files, ssh sessions.
//!
//! One test binary for several test files (issue 32: a link each for 70 binaries dominated
//! the build); each file stays a module of its own, named as before.

#![allow(clippy::unwrap_used)]

// Helpers shared by the files below, once for the binary.
#[path = "cli_support/mod.rs"]
mod cli_support;
#[path = "clinic_support/mod.rs"]
mod clinic_support;
#[path = "export_support/mod.rs"]
mod export_support;
#[path = "handover_support/mod.rs"]
mod handover_support;
#[path = "hardening_support/mod.rs"]
mod hardening_support;
#[path = "print_support/mod.rs"]
mod print_support;
#[path = "pty_support/mod.rs"]
mod pty_support;
#[path = "runs_support/mod.rs"]
mod runs_support;
#[path = "tui_common/mod.rs"]
mod tui_common;

#[path = "cli_catalog.rs"]
mod cli_catalog;
#[path = "cli_help.rs"]
mod cli_help;
#[path = "cli_import_default.rs"]
mod cli_import_default;
#[path = "clinic_overview.rs"]
mod clinic_overview;
#[path = "clinic_patient_ssh.rs"]
mod clinic_patient_ssh;
#[path = "clinic_server.rs"]
mod clinic_server;
#[path = "clinic_setup.rs"]
mod clinic_setup;
#[path = "criteria_cli.rs"]
mod criteria_cli;
#[path = "export_cli.rs"]
mod export_cli;
#[path = "export_print.rs"]
mod export_print;
#[path = "export_profile.rs"]
mod export_profile;
#[path = "figures_print.rs"]
mod figures_print;
#[path = "figures_sheet_print.rs"]
mod figures_sheet_print;
#[path = "handover_clinic.rs"]
mod handover_clinic;
#[path = "handover_prescription.rs"]
mod handover_prescription;
#[path = "handover_print.rs"]
mod handover_print;
#[path = "handover_report.rs"]
mod handover_report;
#[path = "hardening_files.rs"]
mod hardening_files;
#[path = "hardening_messages.rs"]
mod hardening_messages;
#[path = "hardening_round2.rs"]
mod hardening_round2;
#[path = "hardening_text.rs"]
mod hardening_text;
#[path = "journal_cli.rs"]
mod journal_cli;
#[path = "journal_disk.rs"]
mod journal_disk;
#[path = "markdown_renderers.rs"]
mod markdown_renderers;
#[path = "plan_fit_cli.rs"]
mod plan_fit_cli;
#[path = "progress_cli.rs"]
mod progress_cli;
#[path = "runs_cli.rs"]
mod runs_cli;
#[path = "safety_sessions.rs"]
mod safety_sessions;
#[path = "settings_history_cli.rs"]
mod settings_history_cli;
