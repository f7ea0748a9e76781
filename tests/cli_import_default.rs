//! `rehab profile import` without `--as` (issue 30): into a data folder with no profile it
//! becomes the default profile, so `rehab today` finds it; otherwise it keeps the file's name
//! and says which flag picks it.
#![allow(clippy::unwrap_used)]

use std::process::Command;

const REHAB: &str = env!("CARGO_BIN_EXE_rehab");

fn rehab(data: &std::path::Path) -> Command {
    let mut cmd = Command::new(REHAB);
    cmd.arg("--data-dir")
        .arg(data)
        .env_remove("REHAB_PROFILE")
        .env_remove("REHAB_DATA_DIR")
        .env_remove("REHAB_LIBRARY")
        .env("LC_ALL", "C.UTF-8");
    cmd
}

fn said(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn the_first_import_is_the_default_profile_and_later_ones_say_their_flag() {
    let dir = tempfile::tempdir().unwrap();
    let clinic = dir.path().join("clinic");
    let home = dir.path().join("home");
    let (code, out) = said(rehab(&clinic).args(["profile", "new", "ben", "--condition", "pfps"]));
    assert_eq!(code, 0, "{out}");
    let file = dir.path().join("ben.rx.ron");
    let (code, out) = said(
        rehab(&clinic)
            .args(["profile", "export", "ben", "-o"])
            .arg(&file),
    );
    assert_eq!(code, 0, "{out}");

    let (code, out) = said(rehab(&home).args(["profile", "import"]).arg(&file));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("profile `me`") && out.contains("default profile"),
        "{out}"
    );
    assert!(out.contains("named it `ben`"), "{out}");
    // Plain commands find it: the gate speaks, not "there is no profile".
    let (_, out) = said(rehab(&home).arg("today"));
    assert!(!out.contains("no profile"), "{out}");
    assert!(out.contains("safety question"), "{out}");

    // A second import keeps the file's name and says how to pick it.
    let (code, out) = said(rehab(&home).args(["profile", "import"]).arg(&file));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("profile `ben`") && out.contains("--profile ben"),
        "{out}"
    );
    let (code, out) = said(rehab(&home).args(["profile", "list"]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("me") && out.contains("ben"), "{out}");
}
