//! Issue 28: every view tells the same story. The views are read back from their outputs (the
//! binary's text, the app's screen) and compared with one another.
#![allow(clippy::unwrap_used)]

use assert_cmd::Command;

/// A fresh `pfps` profile started on Monday 7 December 2026, its red flags all answered "no".
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        env.ok(
            "2026-12-07",
            &["profile", "new", "--condition", "pfps", "me"],
        );
        env.ok("2026-12-07", &["profile", "set", "--start", "2026-12-07"]);
        let ids: Vec<String> = rehab_planner::catalog::Catalog::builtin()
            .unwrap()
            .red_flags
            .into_iter()
            .map(|f| f.id.into_string())
            .collect();
        env.ok("2026-12-07", &["screen", "--no", &ids.join(",")]);
        env
    }

    /// The command's standard output on `today`; it must succeed.
    fn ok(&self, today: &str, args: &[&str]) -> String {
        let out = Command::cargo_bin("rehab")
            .unwrap()
            .env("REHAB_DATA_DIR", self.dir.path())
            .env("REHAB_TODAY", today)
            .env("NO_COLOR", "1")
            .env_remove("REHAB_PROFILE")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "rehab {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

/// The text after `key` up to the next separator: "median 2" from "next morning: median 2 ·".
fn after<'a>(text: &'a str, key: &str) -> Vec<&'a str> {
    text.match_indices(key)
        .map(|(i, _)| {
            let rest = &text[i + key.len()..];
            let end = rest.find([' ', '\n', ',', ';']).unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn a_morning_score_saved_with_an_item_shows_in_history_and_the_report() {
    let env = Env::new();
    env.ok(
        "2026-12-08",
        &["pain", "--during", "3", "--morning", "2", "--item", "3"],
    );
    let history = env.ok("2026-12-08", &["history"]);
    let report = env.ok("2026-12-08", &["report"]);
    for text in [&history, &report] {
        assert_eq!(after(text, "next morning: median "), ["2"], "{text}");
        assert_eq!(after(text, "pain during: median "), ["3"], "{text}");
    }
    assert!(
        history.contains("Mon 7") && history.contains("next morning 2"),
        "{history}"
    );
}

#[test]
fn a_week_has_one_adherence_figure_in_history_its_decision_and_the_report() {
    let env = Env::new();
    env.ok("2026-12-07", &["done", "1"]);
    env.ok("2026-12-08", &["done", "1"]);
    let history = env.ok("2026-12-08", &["history"]);
    let report = env.ok("2026-12-08", &["report"]);
    // Tuesday, one item ticked today: Monday's items and Tuesday's tick are due.
    let week = after(&history, "adherence so far ");
    assert_eq!(week.len(), 2, "the week line and its decision: {history}");
    assert_eq!(week[0], week[1], "{history}");
    assert_eq!(after(&report, "adherence so far "), week, "{report}");
    assert!(!history.contains("adherence 0%"), "{history}");
    // After the week the figure is final, under one label.
    let later = env.ok("2026-12-15", &["history", "--weeks", "2"]);
    let final_week = after(
        &later,
        "Week 1 (from Mon 7 Dec) · Settle and learn · adherence ",
    );
    assert_eq!(final_week.len(), 1, "{later}");
    assert!(
        later.contains(&format!("week 1: held: adherence {}", final_week[0])),
        "{later}"
    );
}
