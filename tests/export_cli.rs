//! `rehab plan` end to end: formats, the 80-column text, writing files, exit codes.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

/// `rehab` with its folders in `dir`, a fixed today and a UTF-8 locale.
fn rehab(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("rehab").expect("the binary builds");
    cmd.env("REHAB_LIBRARY", dir.join("library"))
        .env("REHAB_DATA_DIR", dir.join("data"))
        .env("REHAB_TODAY", "2026-11-20")
        .env("LC_ALL", "C.UTF-8")
        .env_remove("REHAB_PROFILE")
        .env_remove("NO_COLOR");
    cmd
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temp dir")
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn text_fits_80_columns_for_every_condition() {
    let dir = temp();
    for condition in rehab_planner::catalog::CONDITION_IDS {
        for extra in [&["--weeks", "4"][..], &["--week", "3", "--ascii"][..]] {
            let text = stdout_of(
                rehab(dir.path())
                    .args(["plan", "--condition", condition, "--start", "2026-11-23"])
                    .args(extra)
                    .args(["--patient", "A patient with a rather long name indeed, Esq., of the Riverside Running Club"]),
            );
            assert!(text.contains("STOP AND CALL"), "{condition}");
            for line in text.lines() {
                assert!(
                    line.chars().count() <= 80,
                    "{condition} {extra:?}: {} columns: {line}",
                    line.chars().count()
                );
            }
            if extra.contains(&"--ascii") {
                assert!(text.is_ascii(), "{condition}: --ascii output has non-ASCII");
            }
        }
    }
}

#[test]
fn each_format_to_stdout() {
    let dir = temp();
    let plan = |format: &str| {
        stdout_of(rehab(dir.path()).args(["plan", "--condition", "pfps", "--format", format]))
    };
    let html = plan("html");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("class=\"box\""));
    let markdown = plan("markdown");
    assert!(markdown.starts_with("# Rehab plan:"));
    assert!(markdown.contains("- [ ] "));
    assert!(markdown.contains("|---:|"));
    assert!(plan("text").starts_with("REHAB PLAN:"));
}

#[test]
fn weeks_prints_one_grid_per_week() {
    let dir = temp();
    let text = stdout_of(rehab(dir.path()).args(["plan", "--condition", "pfps", "--weeks", "3"]));
    let grids = text.lines().filter(|l| l.starts_with("WEEK ")).count();
    assert_eq!(grids, 3);
    let one = stdout_of(rehab(dir.path()).args(["plan", "--condition", "pfps", "--week", "2"]));
    assert!(one.lines().any(|l| l.starts_with("WEEK 2 ")));
    assert_eq!(one.lines().filter(|l| l.starts_with("WEEK ")).count(), 1);
}

#[test]
fn output_file_is_never_overwritten_without_force() {
    let dir = temp();
    let file = dir.path().join("plan.html");
    let args = ["plan", "--condition", "pfps", "--format", "html", "-o"];
    rehab(dir.path())
        .args(args)
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("wrote"));
    let first = std::fs::read_to_string(&file).expect("written");
    assert!(first.contains("<!DOCTYPE html>"));
    std::fs::write(&file, "my own notes").expect("overwrite by hand");
    rehab(dir.path())
        .args(args)
        .arg(&file)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(
        std::fs::read_to_string(&file).expect("kept"),
        "my own notes"
    );
    rehab(dir.path())
        .args(args)
        .arg(&file)
        .arg("--force")
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&file).expect("replaced"), first);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from("plan.html")],
        "no temp files left"
    );
}

#[test]
fn a_missing_folder_is_named() {
    let dir = temp();
    let file = dir.path().join("no-such-folder").join("plan.txt");
    rehab(dir.path())
        .args(["plan", "--condition", "pfps", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no-such-folder")
                .and(predicate::str::contains("does not exist")),
        );
}

#[test]
fn unknown_condition_names_the_closest() {
    let dir = temp();
    rehab(dir.path())
        .args(["plan", "--condition", "patellar-tendinopaty"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Did you mean `patellar-tendinopathy`",
        ));
}

#[test]
fn usage_errors_exit_2() {
    let dir = temp();
    for args in [
        &["plan", "--condition", "pfps", "--week", "0"][..],
        &["plan", "--condition", "pfps", "--weeks", "99"][..],
        &["plan", "--condition", "pfps", "--week", "1", "--weeks", "2"][..],
        &["plan", "--condition", "pfps", "--days", "9"][..],
        &["plan", "--condition", "pfps", "--format", "pdf"][..],
        &["plan", "--condition", "pfps", "--start", "2026-02-30"][..],
    ] {
        rehab(dir.path()).args(args).assert().code(2);
    }
}

#[test]
fn patient_fields_are_printed_without_control_characters() {
    let dir = temp();
    let text = stdout_of(rehab(dir.path()).args([
        "plan",
        "--condition",
        "pfps",
        "--patient",
        "Jane \u{1b}[31mRunner",
        "--clinician",
        "Sam",
        "--clinic",
        "Riverside",
        "--notes",
        "left knee\u{7}",
    ]));
    assert!(text.contains("Patient:   Jane [31mRunner"));
    assert!(text.contains("Notes:     left knee"));
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'));
    let html = stdout_of(rehab(dir.path()).args([
        "plan",
        "--condition",
        "pfps",
        "--format",
        "html",
        "--patient",
        "<b>Jane</b> & co",
    ]));
    assert!(html.contains("&lt;b&gt;Jane&lt;/b&gt; &amp; co"));
}

#[test]
fn without_condition_or_profile_says_how_to_start() {
    let dir = temp();
    rehab(dir.path())
        .args(["plan", "--profile", "nobody"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("no profile `nobody`")
                .and(predicate::str::contains("--condition")),
        );
}

#[test]
fn the_output_file_name_picks_the_format_unless_one_is_given() {
    let dir = temp();
    let cases = [
        ("plan.html", None, "<!DOCTYPE html>"),
        ("plan.HTM", None, "<!DOCTYPE html>"),
        ("plan.md", None, "# "),
        ("plan.txt", None, "REHAB PLAN"),
        ("plan", None, "REHAB PLAN"),
        ("forced.html", Some("text"), "REHAB PLAN"),
    ];
    for (name, format, starts) in cases {
        let path = dir.path().join(name);
        let mut cmd = rehab(dir.path());
        cmd.args(["plan", "--condition", "pfps", "-o"]).arg(&path);
        if let Some(f) = format {
            cmd.args(["--format", f]);
        }
        cmd.assert().success();
        let written = std::fs::read_to_string(&path).expect("written");
        assert!(
            written.starts_with(starts),
            "{name}: starts {:?}",
            &written[..40.min(written.len())]
        );
    }
}

/// The handout goes to the patient: the clinician note (what did not fit the minutes) prints
/// only with `--clinician-note`, in every format, and `plan --help` says how to get it.
#[test]
fn the_clinician_note_prints_only_when_asked_for() {
    let dir = temp();
    // Three days of 20 minutes cannot hold the plan, so the builder has notes to give.
    let base = [
        "plan",
        "--condition",
        "runners-knee",
        "--weeks",
        "4",
        "--start",
        "2026-11-23",
        "--minutes",
        "20",
        "--days",
        "3",
    ];
    for format in ["html", "markdown", "text"] {
        let plain = stdout_of(rehab(dir.path()).args(base).args(["--format", format]));
        let asked =
            stdout_of(
                rehab(dir.path())
                    .args(base)
                    .args(["--format", format, "--clinician-note"]),
            );
        let has_note = |t: &str| t.to_lowercase().contains("clinician note");
        assert!(!has_note(&plain), "{format}: a clinician note by default");
        assert!(has_note(&asked), "{format}: no clinician note when asked");
        // The old opt-out still runs and gives the default.
        let old = stdout_of(rehab(dir.path()).args(base).args([
            "--format",
            format,
            "--no-clinician-note",
        ]));
        assert_eq!(old, plain, "{format}: --no-clinician-note changed the plan");
    }
    let help = stdout_of(rehab(dir.path()).args(["plan", "--help"]));
    assert!(help.contains("--clinician-note"), "{help}");
}
