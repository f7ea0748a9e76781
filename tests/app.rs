//! The full-screen app: its screens at 80x24, its keys, the gate through its forms, and the real binary in a pseudo-terminal.
//!
//! One test binary for several test files (issue 32: a link each for 70 binaries dominated
//! the build); each file stays a module of its own, named as before.

#![allow(clippy::unwrap_used)]

// Helpers shared by the files below, once for the binary.
#[path = "cli_support/mod.rs"]
mod cli_support;
#[path = "pty_support/mod.rs"]
mod pty_support;
#[path = "runs_support/mod.rs"]
mod runs_support;
#[path = "tui_common/mod.rs"]
mod tui_common;

#[path = "figures_tui.rs"]
mod figures_tui;
#[path = "figures_views.rs"]
mod figures_views;
#[path = "gate_table.rs"]
mod gate_table;
#[path = "runs_tui.rs"]
mod runs_tui;
#[path = "settings_history_tui.rs"]
mod settings_history_tui;
#[path = "story_views.rs"]
mod story_views;
#[path = "text_field.rs"]
mod text_field;
#[path = "tui_cli.rs"]
mod tui_cli;
#[path = "tui_countdown.rs"]
mod tui_countdown;
#[path = "tui_countdown_figure.rs"]
mod tui_countdown_figure;
#[path = "tui_handover.rs"]
mod tui_handover;
#[path = "tui_keys.rs"]
mod tui_keys;
#[path = "tui_long_history.rs"]
mod tui_long_history;
#[path = "tui_phase_exit.rs"]
mod tui_phase_exit;
#[path = "tui_pty.rs"]
mod tui_pty;
#[path = "tui_snapshots.rs"]
mod tui_snapshots;
