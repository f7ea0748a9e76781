//! Issue 17, classes 4, 5, 6, 7 and 9: links in the library, complete bad journal lines,
//! conflicting key bindings, misleading messages, and terminals that cannot do everything.
#![allow(clippy::unwrap_used)]

use crate::hardening_support;
use crate::pty_support;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use hardening_support::{new_profile, rehab};
use predicates::prelude::*;
use predicates::str::contains;
use pty_support::Pty;
use rehab_planner::catalog::{Catalog, SourceText};
use rehab_planner::tui::keymap::Keymap;

fn with_profile() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    new_profile(dir.path());
    rehab(dir.path()).args(["note", "first"]).assert().success();
    dir
}

// ---- Class 4: links -------------------------------------------------------------------------

fn source_file(url: &str) -> String {
    format!(
        "(\n    sources: [\n        (\n            key: \"CLINIC\",\n            authors: \"Us\",\n            \
         year: 2026,\n            title: \"T\",\n            published: \"P\",\n            url: {},\n        ),\n    ],\n)\n",
        ron::to_string(url).unwrap()
    )
}

#[test]
fn only_web_and_doi_links_pass_the_library_check() {
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "vbscript:x",
        "https://",
        "https://exa mple.org",
        "https://example.org/>x",
        "http://example.org/\"onmouseover",
        "ftp://example.org/a",
        "doi:11.1/x",
        "  https://example.org",
    ] {
        let loaded = Catalog::load(&[SourceText::new("clinic.ron", source_file(bad))]).unwrap();
        let problems: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
        assert!(
            problems[0].starts_with("clinic.ron:9:13: source `CLINIC`"),
            "{bad}: {problems:?}"
        );
    }
    for good in [
        "https://pubmed.ncbi.nlm.nih.gov/12345/",
        "http://example.org/a?b=c#d",
        "HTTPS://EXAMPLE.ORG",
        "doi:10.1136/bjsports-2018-099397",
        "none: not published online",
    ] {
        let loaded = Catalog::load(&[SourceText::new("clinic.ron", source_file(good))]).unwrap();
        assert!(loaded.problems.is_empty(), "{good}: {:?}", loaded.problems);
    }
    // Through the command: the position is printed, and the file is left out.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    fs::write(
        dir.path().join("library/clinic.ron"),
        source_file("javascript:alert(1)"),
    )
    .unwrap();
    rehab(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stderr(contains("clinic.ron:9:13"))
        .stderr(contains("javascript:alert(1)"));
}

#[test]
fn a_markdown_plan_links_only_web_addresses() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    let out = rehab(dir.path())
        .args(["plan", "--condition", "pfps", "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    for link in md.split('<').skip(1).filter_map(|s| s.split_once('>')) {
        let target = link.0;
        if target.contains("://") || target.contains(':') && !target.contains(' ') {
            assert!(
                target.starts_with("https://") || target.starts_with("http://"),
                "autolink to {target}"
            );
        }
    }
}

// ---- Class 5: a complete bad line -----------------------------------------------------------

#[test]
fn a_complete_bad_last_line_is_an_error_everywhere_and_never_buried() {
    let long_note = format!("Note(date:\"2026-11-24\",text:\"{}\")", "x".repeat(4001));
    for bad in [
        "Pain(date:\"2026-11-24\",report:(during:Some(11)))",
        long_note.as_str(),
        "Done(date:\"2026-11-24\",item:\"a\",sets:Some(0))",
        "Done(date:\"2026-02-30\",item:\"a\")",
        "Done(date:\"2026-11-2",
        "garbage",
    ] {
        let dir = with_profile();
        let journal = dir.path().join("data/profiles/me/journal.ron");
        let mut bytes = fs::read(&journal).unwrap();
        bytes.extend_from_slice(format!("{bad}\n").as_bytes());
        fs::write(&journal, &bytes).unwrap();
        let short = &bad[..bad.len().min(30)];
        rehab(dir.path())
            .arg("today")
            .assert()
            .code(1)
            .stderr(contains("journal.ron:3:"));
        rehab(dir.path())
            .args(["note", "after"])
            .assert()
            .code(1)
            .stderr(contains("journal.ron:3:"));
        rehab(dir.path())
            .arg("doctor")
            .assert()
            .code(1)
            .stdout(contains("journal.ron:3:"))
            .stdout(contains("All good").not())
            .stdout(contains("cut short").not());
        assert_eq!(
            fs::read(&journal).unwrap(),
            bytes,
            "{short}: the journal was written"
        );
    }
}

#[test]
fn only_a_line_without_its_end_is_torn() {
    for torn in [
        "Pain(date:\"2026-11-24\",report:(during:Some(11)))",
        "Note(date:\"2026-11",
        "x",
    ] {
        let dir = with_profile();
        let journal = dir.path().join("data/profiles/me/journal.ron");
        let mut bytes = fs::read(&journal).unwrap();
        bytes.extend_from_slice(torn.as_bytes());
        fs::write(&journal, &bytes).unwrap();
        rehab(dir.path())
            .arg("doctor")
            .assert()
            .success()
            .stdout(contains("cut short"));
        rehab(dir.path()).args(["note", "after"]).assert().success();
        let after = fs::read(&journal).unwrap();
        assert!(after.starts_with(&bytes), "the journal was rewritten");
        rehab(dir.path()).arg("history").assert().success();
        rehab(dir.path()).arg("doctor").assert().success();
    }
}

// ---- Class 6: conflicting key bindings ------------------------------------------------------

#[test]
fn a_key_given_to_two_actions_keeps_its_default_and_is_reported_with_its_place() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c: char| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let cases = [
        (
            "{\n  \"Tick\": [\"q\"],\n  \"Quit\": [\"q\"],\n}",
            'q',
            Some("Quit"),
        ),
        (
            "{\"Skip\": [\"x\"], \"Tick\": [\"x\", \"space\"]}",
            'x',
            Some("Skip"),
        ),
        ("{\"Pain\": [\"z\"], \"Timer\": [\"z\"]}", 'z', None),
        (
            "{\"Help\": [\"q\"], \"Quit\": [\"ctrl-q\"], \"Tick\": [\"q\"]}",
            'q',
            Some("Quit"),
        ),
    ];
    for (text, c, keeps) in cases {
        let (map, conflicts) = Keymap::with_overrides_checked(text).unwrap();
        assert_eq!(conflicts.len(), 1, "{text}: {conflicts:?}");
        assert!(
            conflicts[0]
                .split(':')
                .take(2)
                .all(|n| n.parse::<usize>().is_ok()),
            "no line:column in {:?}",
            conflicts[0]
        );
        let resolved = map.resolve(&key(c), false).map(|a| format!("{a:?}"));
        assert_eq!(resolved.as_deref(), keeps, "{text}");
        // The legacy entry point settles it the same way.
        let legacy = Keymap::with_overrides(text).unwrap();
        assert_eq!(legacy.resolve(&key(c), false), map.resolve(&key(c), false));
    }
    let (first, conflicts) = Keymap::with_overrides_checked(cases[0].0).unwrap();
    assert!(conflicts[0].starts_with("3:"), "{conflicts:?}");
    // Tick was given only `q`, which it did not get: it is left without a key, not broken.
    assert!(first.resolve(&key(' '), false).is_none());
    // Ctrl-C is fixed: giving it away is reported and ignored.
    let (_, conflicts) = Keymap::with_overrides_checked("{\"Tick\": [\"ctrl-c\"]}").unwrap();
    assert_eq!(conflicts.len(), 1);
    // No conflict, no report.
    let (_, none) = Keymap::with_overrides_checked("{\"Tick\": [\"space\", \"enter\"]}").unwrap();
    assert!(none.is_empty());

    // `rehab doctor` names the place.
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("config/rehab-planner")).unwrap();
    fs::write(dir.path().join("config/rehab-planner/keys.ron"), cases[0].0).unwrap();
    rehab(dir.path())
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(contains("keys.ron:3:"))
        .stdout(contains("both"));
}

// ---- Class 7: messages ----------------------------------------------------------------------

#[test]
fn an_empty_variable_is_named_not_mistaken_for_a_flag() {
    for var in [
        "REHAB_DATA_DIR",
        "REHAB_LIBRARY",
        "REHAB_PROFILE",
        "REHAB_TODAY",
    ] {
        let dir = tempfile::tempdir().unwrap();
        rehab(dir.path())
            .env(var, "")
            .arg("today")
            .assert()
            .code(2)
            .stderr(contains(format!("{var} is set but empty")))
            .stderr(contains("a value is required").not());
    }
    // A flag given on the command line wins over an empty variable.
    let dir = tempfile::tempdir().unwrap();
    rehab(dir.path())
        .env("REHAB_DATA_DIR", "")
        .args(["--data-dir", "elsewhere", "paths"])
        .assert()
        .success();
}

#[test]
fn a_date_with_a_time_is_refused_naming_the_flag() {
    let dir = with_profile();
    let cases: [(&[&str], &str); 5] = [
        (&["today", "--date", "2026-11-24T10:00"], "--date"),
        (&["note", "x", "--date", "2026-11-24 10:00"], "--date"),
        (
            &[
                "plan",
                "--condition",
                "pfps",
                "--start",
                "2026-11-23T00:00:00Z",
            ],
            "--start",
        ),
        (
            &["profile", "set", "--assessed-on", "2026-11-24T09:30"],
            "--assessed-on",
        ),
        (&["--today", "2026-11-24T23:59", "today"], "--today"),
    ];
    for (args, flag) in cases {
        rehab(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(contains("has a time attached"))
            .stderr(contains(flag));
    }
    rehab(dir.path())
        .env("REHAB_TODAY", "2026-11-25T08:00")
        .arg("today")
        .assert()
        .code(2)
        .stderr(contains("has a time attached"));
    for bad in ["2026-11-2", "26-11-24", "2026/11/24", "2026-02-30"] {
        rehab(dir.path())
            .args(["today", "--date", bad])
            .assert()
            .code(2)
            .stderr(contains("is not a date"));
    }
}

#[test]
fn dates_outside_the_program_are_data_errors_with_one_code() {
    let dir = with_profile();
    for args in [
        &["done", "1", "--date", "2026-11-26"][..],
        &["note", "x", "--date", "2026-12-01"],
        &["pain", "--during", "2", "--date", "2026-11-30"],
        &["done", "1", "--date", "2026-11-01"],
        &["skip", "1", "--reason", "time", "--date", "2026-10-30"],
    ] {
        let out = rehab(dir.path()).args(args).assert().code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.contains("has not come yet") || err.contains("before") || err.contains("No plan"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn journal_version_numbers_are_named_precisely() {
    for (version, says) in [
        ("2", "newer than this rehab"),
        ("4294967296", "newer than this rehab"),
        ("99999999999999999999999", "too large"),
        ("0", "version 0 does not exist"),
    ] {
        let dir = with_profile();
        let journal = dir.path().join("data/profiles/me/journal.ron");
        fs::write(
            &journal,
            format!("(format: \"rehab-journal\", version: {version})\n"),
        )
        .unwrap();
        rehab(dir.path())
            .arg("today")
            .assert()
            .code(1)
            .stderr(contains(says))
            .stderr(contains("not a rehab journal").not());
    }
}

// ---- Class 9: terminals ---------------------------------------------------------------------

/// Runs the app in a pseudo-terminal with `term`, presses Ctrl-C once something is drawn (or
/// the app ends), and returns everything it wrote.
fn run_in_pty(dir: &Path, term: &str) -> String {
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_rehab"));
    cmd.cwd(dir);
    cmd.env("REHAB_DATA_DIR", dir.join("data"));
    cmd.env("REHAB_LIBRARY", dir.join("library"));
    cmd.env("XDG_CONFIG_HOME", dir.join("config"));
    cmd.env("REHAB_TODAY", "2026-11-25");
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env("TERM", term);
    cmd.env_remove("COLORTERM");
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("REHAB_PROFILE");
    let mut pty = Pty::spawn(cmd);
    let start = Instant::now();
    let mut sent = false;
    while !pty.has_exited() {
        if !sent && pty.written() > 500 {
            std::thread::sleep(Duration::from_millis(200));
            pty.send("\x03");
            sent = true;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the app did not end"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let (_, out, _) = pty.finish();
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn a_dumb_terminal_gets_a_message_and_the_commands_still_work() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    let out = run_in_pty(dir.path(), "dumb");
    assert!(out.contains("TERM=dumb"), "{out:?}");
    assert!(
        !out.contains("\u{1b}[?1049h"),
        "the full screen was opened: {out:?}"
    );
    rehab(dir.path())
        .env("TERM", "dumb")
        .arg("conditions")
        .assert()
        .success()
        .stdout(contains("pfps"));
}

#[test]
fn colours_follow_what_the_terminal_can_show() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    for term in ["linux", "vt100", "xterm"] {
        let out = run_in_pty(dir.path(), term);
        assert!(
            out.contains("\u{1b}[?1049h"),
            "{term}: no full screen: {out:?}"
        );
        assert!(
            !out.contains("38;5;"),
            "{term}: a 256-colour code was written"
        );
    }
    let out = run_in_pty(dir.path(), "xterm-256color");
    assert!(out.contains("38;5;"), "xterm-256color lost its colours");
}

#[test]
fn the_app_at_start_shows_library_file_names_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    fs::write(
        dir.path()
            .join("library/x\u{1b}]52;c;aGk=\u{7}\u{1b}[2J.ron"),
        "broken",
    )
    .unwrap();
    let out = run_in_pty(dir.path(), "xterm-256color");
    assert!(out.contains("x]52;c;aGk=[2J.ron"), "{out:?}");
    assert!(!out.contains("\u{1b}]52"), "an OSC 52 reached the terminal");
}
