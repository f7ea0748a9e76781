//! The clinician's overview through the real binary: a fixture data folder with one flagged,
//! one idle and one healthy profile lists them in that order, and changes nothing a person wrote.
#![allow(clippy::unwrap_used)]

use crate::handover_support;

use std::path::Path;

use assert_cmd::Command;
use handover_support::{red_flag_ids, snapshot};

const TODAY: &str = "2026-11-25";

fn rehab(data: &Path, today: &str, args: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("rehab")
        .unwrap()
        .env("REHAB_DATA_DIR", data)
        .env("REHAB_TODAY", today)
        .env_remove("REHAB_PROFILE")
        .env_remove("REHAB_LIBRARY")
        .env("HOME", data)
        .args(args)
        .assert()
}

#[test]
fn who_needs_attention_comes_first() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path();
    let no = red_flag_ids().join(",");
    for name in ["alice", "bob", "carol"] {
        rehab(
            data,
            "2026-11-01",
            &[
                "profile",
                "new",
                name,
                "--condition",
                "pfps",
                "--start",
                "2026-11-02",
                "--days",
                "7",
            ],
        )
        .success();
    }
    // alice: healthy, answered at each week's start and ticking every day.
    for day in ["2026-11-01", "2026-11-16", "2026-11-23"] {
        rehab(data, day, &["--profile", "alice", "screen", "--no", &no]).success();
    }
    for day in ["2026-11-20", "2026-11-23", "2026-11-24", TODAY] {
        rehab(data, day, &["--profile", "alice", "done", "1", "2"]).success();
    }
    // bob: answered, then nothing logged since the start.
    rehab(
        data,
        "2026-11-01",
        &["--profile", "bob", "screen", "--no", &no],
    )
    .success();
    // carol: logging, but a "see a clinician first" answer holds the plan.
    let others: Vec<String> = red_flag_ids()
        .into_iter()
        .filter(|id| id != "giving-way")
        .collect();
    rehab(
        data,
        "2026-11-24",
        &[
            "--profile",
            "carol",
            "screen",
            "--yes",
            "giving-way",
            "--no",
            &others.join(","),
        ],
    )
    .code(1)
    .stdout(predicates::str::contains("red-flag answers saved"));

    // Nothing a person wrote changes; the caches beside the journals may (derived, rebuilt
    // whenever they do not check out).
    let written = |data: &Path| {
        let mut files = snapshot(data);
        files.retain(|(p, _)| p.extension().is_none_or(|e| e != "cache"));
        files
    };
    let before = written(data);
    let out = rehab(data, TODAY, &["clinic"]).success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(written(data), before, "the overview wrote something");
    // Through the caches the first look left, the same overview.
    let again = rehab(data, TODAY, &["clinic"]).success();
    assert_eq!(again.get_output().stdout, out.get_output().stdout);
    // A row starts at the left edge; its wrapped cells and flag line are indented.
    let order: Vec<&str> = text
        .lines()
        .skip(2)
        .filter(|l| !l.starts_with(' '))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(order, ["carol", "bob", "alice"], "{text}");
    let line = |name: &str| {
        let mut lines = text.lines().skip_while(|l| !l.starts_with(name));
        let first = lines.next().unwrap().to_string();
        let rest: Vec<&str> = lines.take_while(|l| l.starts_with(' ')).collect();
        format!("{first}\n{}", rest.join("\n"))
    };
    assert!(line("carol").contains("see clinician first"), "{text}");
    assert!(line("bob").contains("nothing logged 7 days"), "{text}");
    assert!(line("bob").contains("week not screened"), "{text}");
    assert!(line("bob").contains("2026-11-01"), "{text}");
    // Alice ticked two items a day on four days: last week's decision held her plan, and
    // that is all the overview has to say about her.
    assert!(line("alice").ends_with("  ! plan held"), "{text}");
    assert!(line("alice").contains(TODAY), "{text}");
}
