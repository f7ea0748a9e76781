//! What the hardening tests share: the binary in a folder of its own, and a profile in it.
#![allow(dead_code, clippy::unwrap_used)]

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

/// `rehab` with every folder inside `dir`, a fixed today and a UTF-8 locale.
pub fn rehab(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rehab").unwrap();
    cmd.current_dir(dir)
        .env("REHAB_LIBRARY", dir.join("library"))
        .env("REHAB_DATA_DIR", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("REHAB_TODAY", "2026-11-25")
        .env("LC_ALL", "C.UTF-8")
        .env_remove("REHAB_PROFILE")
        .timeout(Duration::from_secs(20));
    cmd
}

/// Creates profile `me` (runner's knee from 2 November 2026) in `dir`.
pub fn new_profile(dir: &Path) {
    rehab(dir)
        .args([
            "profile",
            "new",
            "me",
            "--condition",
            "pfps",
            "--start",
            "2026-11-02",
        ])
        .assert()
        .success();
}
