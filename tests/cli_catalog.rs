//! The catalog commands as a person runs them: outputs, exit codes and error messages.

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

/// `rehab` with its own empty library and data folders, so a developer's files never leak in.
fn rehab(dirs: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("rehab").expect("binary");
    cmd.env("REHAB_LIBRARY", dirs.path().join("library"))
        .env("REHAB_DATA_DIR", dirs.path().join("data"))
        .env("REHAB_TODAY", "2026-11-23")
        .env_remove("NO_COLOR");
    cmd
}

fn dirs() -> TempDir {
    TempDir::new().expect("temp dir")
}

#[test]
fn conditions_lists_the_five_ids_with_where_it_hurts() {
    let d = dirs();
    let out = rehab(&d)
        .arg("conditions")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        ids,
        [
            "pfps",
            "itbs",
            "patellar-tendinopathy",
            "meniscus",
            "knee-oa"
        ]
    );
    assert!(
        text.lines().all(|l| l.len() > 40),
        "each line names where it hurts:\n{text}"
    );
}

#[test]
fn exercises_filter_by_kind_and_condition() {
    let d = dirs();
    let out = rehab(&d)
        .args(["exercises", "--kind", "cross-training"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(!text.is_empty());
    assert!(
        text.lines()
            .all(|l| l.split_whitespace().nth(1) == Some("cross-training")),
        "{text}"
    );

    let all = rehab(&d)
        .arg("exercises")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let pfps = rehab(&d)
        .args(["exercises", "--condition", "pfps"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(pfps.len() < all.len(), "a condition narrows the list");
}

#[test]
fn show_prints_the_whole_exercise() {
    let d = dirs();
    let catalog = rehab_planner::catalog::Catalog::builtin().expect("built-in");
    let e = &catalog.exercises[0];
    rehab(&d)
        .args(["show", &e.id])
        .assert()
        .success()
        .stdout(predicate::str::contains(e.name.as_str()))
        .stdout(predicate::str::contains("Dose: "))
        .stdout(predicate::str::contains("Steps:"))
        .stdout(predicate::str::contains("Evidence: grade"))
        .stdout(predicate::str::contains(format!("Source [{}]", e.source)));
}

#[test]
fn unknown_ids_name_the_closest_and_exit_1() {
    let d = dirs();
    let catalog = rehab_planner::catalog::Catalog::builtin().expect("built-in");
    let id = &catalog.exercises[0].id;
    let typo = &id[..id.len() - 1];
    rehab(&d)
        .args(["show", typo])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("Did you mean `{id}`?")))
        .stderr(predicate::str::contains("panicked").not());
    rehab(&d)
        .args(["exercises", "--condition", "pfsp"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "Valid ids: pfps, itbs, patellar-tendinopathy, meniscus, knee-oa",
        ));
}

#[test]
fn usage_errors_exit_2() {
    let d = dirs();
    rehab(&d)
        .args(["exercises", "--kind", "dancing"])
        .assert()
        .code(2);
    rehab(&d)
        .args(["plan", "--start", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2026-02-30"));
    rehab(&d).arg("frobnicate").assert().code(2);
}

#[test]
fn check_passes_on_the_shipped_library() {
    let d = dirs();
    rehab(&d)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("ok:"));
}

#[test]
fn check_reports_every_problem_with_its_place_and_exits_1() {
    let d = dirs();
    let bad = d.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(\n    exercises: [\n        (id: \"Bad Id\", nonsense: 1),\n    ],\n)\n",
    )
    .expect("write");
    let broken = d.path().join("broken.ron");
    std::fs::write(&broken, "(exercises: [(\n").expect("write");
    rehab(&d)
        .arg("check")
        .arg(&bad)
        .arg(&broken)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}:3:", bad.display())))
        .stderr(predicate::str::contains(format!("{}:", broken.display())))
        .stderr(predicate::str::contains("2 problem(s) found"));
}

#[test]
fn a_broken_user_library_is_named_and_the_built_in_library_still_works() {
    let d = dirs();
    let library = d.path().join("library");
    std::fs::create_dir_all(&library).expect("mkdir");
    std::fs::write(library.join("clinic.ron"), "(exercises: [ oops").expect("write");
    rehab(&d)
        .arg("conditions")
        .assert()
        .success()
        .stdout(predicate::str::contains("pfps"))
        .stderr(predicate::str::contains("clinic.ron:1:"));
}

#[test]
fn control_characters_from_a_user_file_never_reach_the_terminal() {
    let d = dirs();
    let library = d.path().join("library");
    std::fs::create_dir_all(&library).expect("mkdir");
    let catalog = rehab_planner::catalog::Catalog::builtin().expect("built-in");
    let source = &catalog.sources[0].key;
    let file = format!(
        "(exercises: [(id: \"evil\", name: \"Evil\\u{{1b}}[2J name\", kind: Stretch, targets: [\"x\"], \
         dose: (sets: 1, work: Hold(30), frequency: PerWeek(3)), \
         steps: [\"a\\u{{7}}\", \"b\", \"c\"], source: \"{source}\", evidence: C, dose_origin: AppDefault)])"
    );
    std::fs::write(library.join("evil.ron"), file).expect("write");
    let out = rehab(&d)
        .args(["show", "evil"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        !out.iter().any(|b| *b == 0x1b || *b == 0x07),
        "escape bytes leaked: {:?}",
        String::from_utf8_lossy(&out)
    );
    assert!(String::from_utf8_lossy(&out).contains("Evil[2J name"));
}

#[test]
fn sources_lists_every_key() {
    let d = dirs();
    let catalog = rehab_planner::catalog::Catalog::builtin().expect("built-in");
    let out = rehab(&d)
        .arg("sources")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    for s in &catalog.sources {
        assert!(text.contains(&format!("[{}]", s.key)), "missing {}", s.key);
    }
}

#[test]
fn completions_and_man_page() {
    let d = dirs();
    rehab(&d)
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("_rehab"));
    rehab(&d)
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH rehab"));
}

#[test]
fn help_is_stable() {
    let d = dirs();
    let out = rehab(&d)
        .arg("--help")
        .env("COLUMNS", "100")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    insta::assert_snapshot!(String::from_utf8(out).expect("utf-8"));
}
