//! The app's start-up checks, which run before any terminal mode is touched.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;

#[test]
fn without_a_terminal_plain_rehab_explains_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("rehab")
        .unwrap()
        .env("REHAB_DATA_DIR", dir.path())
        .env("REHAB_TODAY", "2026-11-23")
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    // Nothing was drawn and nothing was written.
    assert!(out.stdout.is_empty());
    assert!(!dir.path().join("profiles").exists());
}

#[test]
fn keymap_errors_give_line_and_column_first() {
    use rehab_planner::tui::keymap::Keymap;
    let err = Keymap::with_overrides("{\"Tick\": [\"space\"],\n \"Quit\" [\"q\"]}").unwrap_err();
    assert!(err.starts_with("2:"), "line and column first: {err}");
}
