//! The follow-up report from a scripted journal: a snapshot in each format, and the report
//! command through the real binary.
#![allow(clippy::unwrap_used)]

use crate::handover_support;

use rehab_planner::catalog::Catalog;
use rehab_planner::export::Format;
use rehab_planner::handover::{assemble_report, render_report};
use rehab_planner::session::Standing;

use handover_support::scripted;

#[test]
fn the_report_in_each_format() {
    let (catalog, profile, journal, today) = scripted();
    let report = assemble_report(&catalog, &profile, &journal, today, 4);
    assert_eq!(report.weeks.len(), 4);
    assert_eq!(report.screenings.len(), 3);
    insta::assert_snapshot!("report_text", render_report(&report, Format::Text, false));
    insta::assert_snapshot!(
        "report_text_ascii",
        render_report(&report, Format::Text, true)
    );
    insta::assert_snapshot!(
        "report_markdown",
        render_report(&report, Format::Markdown, false)
    );
    let html = render_report(&report, Format::Html, false);
    // Text from files is escaped, never markup.
    assert!(!html.contains("<b>hurt"), "note not escaped");
    assert!(html.contains("&lt;b&gt;hurt"), "note missing");
    assert!(html.contains("<svg"), "no pain chart");
    insta::assert_snapshot!("report_html", html);
}

#[test]
fn the_weeks_and_decisions_are_the_sessions() {
    let (catalog, profile, journal, today) = scripted();
    let report = assemble_report(&catalog, &profile, &journal, today, 2);
    let standing = Standing::compute(&catalog, &profile, &journal, today);
    let lines = standing.decision_lines();
    let shown: Vec<&str> = report.weeks.iter().map(|w| w.decision.as_str()).collect();
    assert_eq!(
        shown,
        lines[lines.len() - 2..]
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    let standing_text: Vec<String> = standing.lines.iter().map(|l| l.text.clone()).collect();
    assert_eq!(report.standing, standing_text);
}

#[test]
fn the_report_command_prints_and_writes_without_overwriting() {
    use assert_cmd::Command;
    use predicates::str::contains;
    let tmp = tempfile::tempdir().unwrap();
    let rehab = |args: &[&str]| {
        Command::cargo_bin("rehab")
            .unwrap()
            .env("REHAB_DATA_DIR", tmp.path().join("data"))
            .env("REHAB_TODAY", "2026-11-25")
            .env_remove("REHAB_PROFILE")
            .env_remove("REHAB_LIBRARY")
            .env("HOME", tmp.path())
            .args(args)
            .assert()
    };
    rehab(&[
        "profile",
        "new",
        "me",
        "--condition",
        "itbs",
        "--start",
        "2026-11-09",
    ])
    .success();
    // Before any answers, the report still says where things stand.
    rehab(&["report"])
        .success()
        .stdout(contains("Follow-up report: me"))
        .stdout(contains("not answered"))
        .stdout(contains("never answered"));
    let ids: Vec<String> = Catalog::builtin()
        .unwrap()
        .red_flags
        .into_iter()
        .map(|f| f.id.into_string())
        .collect();
    rehab(&["screen", "--no", &ids.join(",")]).success();
    rehab(&["done", "1"]).success();
    rehab(&["report", "--weeks", "2", "--format", "markdown"])
        .success()
        .stdout(contains("## Weeks"))
        .stdout(contains("| 3 (from 2026-11-23)"));
    let out = tmp.path().join("report.html");
    let path = out.to_str().unwrap();
    rehab(&["report", "-o", path])
        .success()
        .stdout(contains("wrote"));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    rehab(&["report", "-o", path])
        .code(1)
        .stderr(contains("--force"));
    rehab(&["report", "-o", path, "--force"]).success();
    rehab(&["report", "--weeks", "0"]).code(2);
}
