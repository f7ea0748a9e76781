//! Prescription files through the real binary: export, import into an empty data folder, the
//! same plan byte for byte; crafted bad files refused with their place and a hint, writing
//! nothing; red-flag answers never carried; an existing profile never overwritten unforced.
#![allow(clippy::unwrap_used)]

use crate::handover_support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use handover_support::red_flag_ids;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const TODAY: &str = "2026-11-25";

fn all_but(yes: &str) -> String {
    red_flag_ids()
        .into_iter()
        .filter(|id| id != yes)
        .collect::<Vec<_>>()
        .join(",")
}

struct Folder {
    tmp: tempfile::TempDir,
}

impl Folder {
    fn new() -> Folder {
        Folder {
            tmp: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.tmp.path()
    }

    fn file(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }

    fn rehab_on(&self, today: &str, args: &[&str]) -> assert_cmd::assert::Assert {
        Command::cargo_bin("rehab")
            .unwrap()
            .env("REHAB_DATA_DIR", self.path().join("data"))
            .env("REHAB_TODAY", today)
            .env_remove("REHAB_PROFILE")
            .env_remove("REHAB_LIBRARY")
            .env("HOME", self.path())
            .args(args)
            .assert()
    }

    fn rehab(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.rehab_on(TODAY, args)
    }

    /// Every safety question answered "no" for `profile` on each of `days`.
    fn answer_all_no(&self, profile: &str, days: &[&str]) {
        for day in days {
            self.rehab_on(
                day,
                &[
                    "--profile",
                    profile,
                    "screen",
                    "--no",
                    &red_flag_ids().join(","),
                ],
            )
            .success();
        }
    }

    fn stdout(&self, args: &[&str]) -> Vec<u8> {
        self.rehab(args).success().get_output().stdout.clone()
    }

    /// Every file under the data folder (nothing at all when none was made).
    fn data_files(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
            let Ok(entries) = fs::read_dir(dir) else {
                return;
            };
            for e in entries {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else {
                    out.push(p);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.path().join("data"), &mut out);
        out.sort();
        out
    }
}

/// A clinician's profile `anna`: settings, overrides, patient fields and notes, answers all
/// "no", and an assessment.
fn clinician() -> Folder {
    let f = Folder::new();
    f.rehab_on(
        "2026-11-01",
        &[
            "profile",
            "new",
            "anna",
            "--condition",
            "pfps",
            "--start",
            "2026-11-02",
            "--days",
            "5",
            "--run-days",
            "tue,sat",
            "--equipment",
            "band,step",
            "--minutes",
            "40",
        ],
    )
    .success();
    // Answered at the start, and at this week's check.
    f.answer_all_no("anna", &["2026-11-01", "2026-11-23"]);
    f.rehab(&[
        "--profile",
        "anna",
        "profile",
        "set",
        "--patient",
        "A. Runner",
        "--clinician",
        "B. Physio",
        "--clinic",
        "Riverside <Physio>",
        "--notes",
        "Left knee\nno hills",
        "--pin-phase",
        "2",
        "--dose",
        "clamshell=3x15",
        "--remove-exercise",
        "calf-stretch",
        "--ceiling-exercise",
        "3",
        "--assessed-on",
        "2026-11-20",
        "--assessed-by",
        "B. Physio",
    ])
    .success();
    f
}

#[test]
fn export_then_import_prints_the_same_plan_byte_for_byte() {
    let source = clinician();
    let file = source.file("anna.ron");
    source
        .rehab(&["profile", "export", "anna", "-o", file.to_str().unwrap()])
        .success()
        .stdout(contains("wrote"))
        .stdout(contains("assessment of 2026-11-20"));
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains("format: \"rehab-prescription\""), "{text}");
    assert!(text.contains("version: 1"), "{text}");
    assert!(!text.contains("red_flags"), "answers leaked:\n{text}");

    let target = Folder::new();
    let copy = target.file("anna.ron");
    fs::copy(&file, &copy).unwrap();
    // Named: into an empty folder a nameless import becomes the default profile (cli_import_default).
    target
        .rehab(&["profile", "import", copy.to_str().unwrap(), "--as", "anna"])
        .success()
        .stdout(contains("Created profile `anna`"))
        .stdout(contains("Red flags: not answered yet"))
        .stdout(contains(
            "Recorded the clinician's assessment of 2026-11-20 by B. Physio",
        ))
        .stdout(contains("answer the red-flag questions"));
    // The answers were not imported: no plan until the person answers on this machine.
    target
        .rehab(&["--profile", "anna", "today"])
        .code(1)
        .stderr(contains("not answered"));
    target.answer_all_no("anna", &["2026-11-01", "2026-11-23"]);

    for args in [
        vec!["--profile", "anna", "plan"],
        vec![
            "--profile",
            "anna",
            "plan",
            "--weeks",
            "6",
            "--format",
            "html",
        ],
        vec![
            "--profile",
            "anna",
            "plan",
            "--week",
            "2",
            "--format",
            "markdown",
        ],
    ] {
        let a = source.stdout(&args);
        let b = target.stdout(&args);
        assert!(!a.is_empty());
        assert!(
            a == b,
            "`rehab {}` differs after the round trip",
            args.join(" ")
        );
    }
    // The file itself round-trips: exporting the import gives the same file (but its date).
    let again = target.file("again.ron");
    target
        .rehab(&["profile", "export", "anna", "-o", again.to_str().unwrap()])
        .success();
    assert_eq!(fs::read_to_string(again).unwrap(), text);
}

/// Writes `text` as a prescription file and imports it into an empty data folder: refused
/// with `expect` in the message, a `file:line:` place, and nothing written.
fn refused(text: &str, expect: &[&str]) {
    let f = Folder::new();
    let file = f.file("bad.ron");
    fs::write(&file, text).unwrap();
    let out = f
        .rehab(&["profile", "import", file.to_str().unwrap()])
        .code(1)
        .stderr(contains(format!("{}:", file.display())))
        .stderr(contains("hint:"))
        .stderr(contains("nothing was imported"));
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for e in expect {
        assert!(stderr.contains(e), "missing {e:?} in:\n{stderr}");
    }
    assert_eq!(
        f.data_files(),
        Vec::<PathBuf>::new(),
        "something was written"
    );
}

fn good_text() -> String {
    let source = clinician();
    String::from_utf8(source.stdout(&["profile", "export", "anna"])).unwrap()
}

#[test]
fn crafted_bad_files_are_refused_at_their_place_and_write_nothing() {
    let good = good_text();
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;

    let unknown = good.replace("\"clamshell\"", "\"clamshel\"");
    let at = format!("bad.ron:{}:", line_of(&unknown, "clamshel"));
    refused(
        &unknown,
        &[
            "unknown exercise `clamshel`",
            "Did you mean `clamshell`?",
            &at,
        ],
    );

    let newer = good.replace("version: 1,", "version: 2,\n    from_the_future: true,");
    let at = format!("bad.ron:{}:", line_of(&newer, "version: 2"));
    refused(
        &newer,
        &[
            "version 2 is newer than this rehab reads",
            "update rehab",
            &at,
        ],
    );

    // An exercise on pfps's avoid-early list, added with the plan pinned in phase 1.
    let avoid = good
        .replace("pinned_phase: Some(2)", "pinned_phase: Some(1)")
        .replace("added: [],", "added: [\"pogo-hops\"],");
    let at = format!("bad.ron:{}:", line_of(&avoid, "pogo-hops"));
    refused(&avoid, &["pinned in phase 1", "avoid-early list", &at]);

    // A knee bend past the pinned phase's limit.
    let bend = good
        .replace("pinned_phase: Some(2)", "pinned_phase: Some(1)")
        .replace("added: [],", "added: [\"sit-to-stand\"],");
    refused(&bend, &["bends the knee to 90 degrees", "limit of 60"]);

    let truncated = &good[..good.len() / 2];
    refused(truncated, &["cut short"]);

    let answers = good.replace(
        "    name: \"anna\",",
        "    red_flags: (answered_on: Some(\"2026-11-01\")),\n    name: \"anna\",",
    );
    refused(&answers, &["never carries red-flag answers"]);

    let pin = good.replace("pinned_phase: Some(2)", "pinned_phase: Some(9)");
    refused(&pin, &["the phase pin takes 1-3", "not 9"]);
}

#[test]
fn an_existing_profile_is_kept_unless_forced_and_then_keeps_its_answers() {
    let source = clinician();
    let file = source.file("anna.ron");
    source
        .rehab(&["profile", "export", "anna", "-o", file.to_str().unwrap()])
        .success();
    // Exporting again over the file needs --force.
    source
        .rehab(&["profile", "export", "anna", "-o", file.to_str().unwrap()])
        .code(1)
        .stderr(contains("--force"));

    let target = Folder::new();
    target
        .rehab(&[
            "profile",
            "new",
            "anna",
            "--condition",
            "itbs",
            "--start",
            "2026-11-23",
        ])
        .success();
    // Answered "yes" to a see-a-clinician-first question today, after the file's assessment.
    target
        .rehab(&[
            "--profile",
            "anna",
            "screen",
            "--yes",
            "giving-way",
            "--no",
            &all_but("giving-way"),
        ])
        .code(1)
        .stdout(contains("red-flag answers saved"));
    let profile = target.path().join("data/profiles/anna/profile.ron");
    let before = fs::read(&profile).unwrap();
    target
        .rehab(&["profile", "import", file.to_str().unwrap()])
        .code(1)
        .stderr(contains("already exists"))
        .stderr(contains("--as NAME"));
    assert_eq!(
        fs::read(&profile).unwrap(),
        before,
        "changed without --force"
    );

    target
        .rehab(&[
            "profile",
            "import",
            file.to_str().unwrap(),
            "--as",
            "anna-2",
            "--dry-run",
        ])
        .success()
        .stdout(contains("would create profile `anna-2`"))
        .stdout(contains("Nothing was written"));
    assert!(!target.path().join("data/profiles/anna-2").exists());

    target
        .rehab(&["profile", "import", file.to_str().unwrap(), "--force"])
        .success()
        .stdout(contains("journal and red-flag answers are kept"))
        .stdout(contains("Condition: Runner's knee"));
    let text = fs::read_to_string(&profile).unwrap();
    assert!(
        text.contains("\"giving-way\": true"),
        "answers lost:\n{text}"
    );
    // The file's assessment is not written into an existing profile: the plan stays held.
    target
        .rehab(&["--profile", "anna", "today"])
        .code(1)
        .stderr(contains("No plan until a clinician has assessed the knee"));
}

#[test]
fn an_import_never_lifts_a_see_a_clinician_answer() {
    let source = clinician();
    let file = source.file("anna.ron");
    source
        .rehab(&["profile", "export", "anna", "-o", file.to_str().unwrap()])
        .success();
    let target = Folder::new();
    target
        .rehab_on(
            "2026-11-01",
            &[
                "profile",
                "new",
                "anna",
                "--condition",
                "pfps",
                "--start",
                "2026-11-02",
            ],
        )
        .success();
    // "See a clinician first", answered before the clinician's assessment of 2026-11-20.
    target
        .rehab_on(
            "2026-11-10",
            &[
                "--profile",
                "anna",
                "screen",
                "--yes",
                "giving-way",
                "--no",
                &all_but("giving-way"),
            ],
        )
        .code(1);
    target
        .rehab(&["--profile", "anna", "today"])
        .code(1)
        .stderr(contains("No plan until a clinician has assessed the knee"));
    // Importing a file that carries a later assessment does not lift it: only the clinician
    // records an assessment in this profile.
    target
        .rehab(&["profile", "import", file.to_str().unwrap(), "--force"])
        .success()
        .stdout(contains("was not recorded"))
        .stdout(contains("Recorded the clinician's assessment").not());
    target
        .rehab(&["--profile", "anna", "today"])
        .code(1)
        .stderr(contains("No plan until a clinician has assessed the knee"));
    let journal = fs::read_to_string(target.path().join("data/profiles/anna/journal.ron")).unwrap();
    assert_eq!(journal.matches("Assessed(").count(), 0, "{journal}");
}
