//! End-to-end: the real `rehab` binary in a pseudo-terminal at 80x24 with a temporary data
//! folder. First run -> condition -> red flags -> set-up -> tick -> quit; then again, ticked.
//! Waits for screen text against a deadline; never sleeps a fixed time.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use portable_pty::CommandBuilder;

use crate::pty_support;
use pty_support::Pty;

/// The app in a pseudo-terminal, with the steps a person takes through it.
struct Session(Pty);

impl std::ops::Deref for Session {
    type Target = Pty;
    fn deref(&self) -> &Pty {
        &self.0
    }
}

impl std::ops::DerefMut for Session {
    fn deref_mut(&mut self) -> &mut Pty {
        &mut self.0
    }
}

impl Session {
    /// A first run as a person does it: Enter through the welcome, picker, safety questions
    /// (all no) and set-up defaults, until Today shows.
    ///
    /// Every safety question must be shown before the answers count: each Enter moves to the
    /// next unread one (the title counts "k of n"), and only the Enter on the last one saves.
    /// Each step waits for its own screen, so no key is typed ahead of the one it follows.
    fn first_run_with_defaults(&mut self) {
        let questions = builtin_questions();
        assert!(questions > 1, "the built-in library has red-flag questions");
        self.wait_for("Welcome");
        self.send("\r");
        self.wait_for("What is your knee pain most likely?");
        self.send("\r");
        self.wait_for(&format!("Safety questions: 1 of {questions} "));
        for k in 2..=questions {
            self.send("\r");
            self.wait_for(&format!("Safety questions: {k} of {questions} "));
        }
        // The last question is on screen and every one has been read: Enter saves them all.
        self.wait_for(&format!("All {questions} read"));
        self.send("\r");
        self.wait_for("Set up your plan");
        self.send("\r");
        self.wait_for("0 of ");
    }

    fn start(data: &Path) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_rehab"));
        cmd.env("REHAB_DATA_DIR", data);
        // Exports go to the current folder by default.
        cmd.cwd(data);
        cmd.env("REHAB_LIBRARY", data.join("no-library"));
        // The developer's own key bindings must not change what the test types.
        cmd.env("XDG_CONFIG_HOME", data.join("config"));
        cmd.env("REHAB_TODAY", "2026-11-23");
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        // LC_ALL and LC_CTYPE win over LANG; a CI box may set them to plain C.
        cmd.env("LC_ALL", "C.UTF-8");
        cmd.env_remove("LC_CTYPE");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("REHAB_PROFILE");
        Session(Pty::spawn(cmd))
    }

    fn finish(self) -> (portable_pty::ExitStatus, Vec<u8>, bool) {
        self.0.finish()
    }
}

#[test]
fn first_run_to_a_tick_on_disk_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());
    s.first_run_with_defaults();
    // Esc alone closes the exercise detail.
    s.send("\r");
    s.wait_for("Steps");
    s.send("\x1b");
    s.wait_gone("Steps");
    s.send(" ");
    s.wait_for("done, saved");
    s.send("q");
    let (status, raw, alternate) = s.finish();
    assert!(status.success(), "exit status {status:?}");
    assert!(!alternate, "the alternate screen was not left");
    assert!(
        raw.windows(8).any(|w| w == b"\x1b[?1049l"),
        "no leave-alternate-screen sequence"
    );
    let journal = std::fs::read_to_string(dir.path().join("profiles/me/journal.ron")).unwrap();
    assert!(
        journal.contains("Done(date:\"2026-11-23\""),
        "tick not on disk:\n{journal}"
    );
    assert!(
        journal.contains("Screened(date:\"2026-11-23\""),
        "the answers are not in the journal:\n{journal}"
    );
    // Every question was read and answered "no", today: that is what opened the plan.
    let profile = rehab_planner::profile::parse_profile(
        &std::fs::read_to_string(dir.path().join("profiles/me/profile.ron")).unwrap(),
        "profile.ron",
    )
    .unwrap();
    assert_eq!(
        profile.red_flags.answered_on,
        Some("2026-11-23".parse().unwrap())
    );
    let catalog = rehab_planner::catalog::Catalog::builtin().unwrap();
    for flag in &catalog.red_flags {
        assert_eq!(
            profile.red_flags.answers.get(flag.id.as_str()),
            Some(&false),
            "{} not answered no",
            flag.id
        );
    }

    let mut again = Session::start(dir.path());
    again.wait_for("1 of ");
    assert!(again.contents().contains("[✓]"), "{}", again.contents());
    // Ctrl-C always quits.
    again.send("\x03");
    let (status, _, alternate) = again.finish();
    assert!(status.success(), "exit status {status:?}");
    assert!(!alternate);
}

#[test]
fn sigterm_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let s = Session::start(dir.path());
    s.wait_for("Welcome");
    let pid = s.child.process_id().expect("pid");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let (status, raw, alternate) = s.finish();
    assert!(
        !status.success(),
        "a signal exit reports failure: {status:?}"
    );
    assert!(!alternate, "the alternate screen was not left");
    assert!(raw.windows(8).any(|w| w == b"\x1b[?1049l"));
    assert_paste_mode_restored(&raw);
}

/// Bracketed paste was turned on, and off again after the last time it was turned on: left
/// on, the shell's next paste would arrive wrapped in markers.
fn assert_paste_mode_restored(raw: &[u8]) {
    let last = |seq: &[u8]| raw.windows(seq.len()).rposition(|w| w == seq);
    let on = last(b"\x1b[?2004h").expect("bracketed paste was never turned on");
    let off = last(b"\x1b[?2004l").expect("bracketed paste was never turned off");
    assert!(off > on, "bracketed paste left on");
}

#[test]
fn a_pasted_export_path_is_typed_into_the_field_and_paste_mode_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());
    s.first_run_with_defaults();
    s.send("\x1b[Z");
    s.wait_for("Export a printable plan");
    s.send("e");
    s.wait_for("Typing replaces this path");
    // A terminal's paste, with the line break a copied line ends in: text, not an Enter.
    let path = dir.path().join("pasted.txt");
    s.send(&format!("\x1b[200~{}\r\x1b[201~", path.display()));
    s.wait_for("pasted.txt");
    assert!(!path.exists(), "the paste's line break pressed Enter");
    s.send("\x1b[D");
    s.wait_for("Home, End move");
    s.send("\r");
    s.wait_gone("Home, End move");
    s.send("\r");
    s.wait_for("Written:");
    assert!(path.exists(), "{}", s.contents());
    s.send("q");
    let (status, raw, _) = s.finish();
    assert!(status.success());
    assert_paste_mode_restored(&raw);
}

#[test]
fn resizing_redraws_and_too_small_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());
    s.wait_for("Welcome");
    s.resize(20, 60);
    s.wait_for("needs at least 80x24");
    s.resize(24, 80);
    s.wait_for("Welcome");
    s.send("q");
    let (status, _, alternate) = s.finish();
    assert!(status.success());
    assert!(!alternate);
}

/// A dropped SSH link sends SIGHUP; the app must restore and leave, with the tick on disk.
/// (End-of-file on standard input is covered by a unit test of the input reader.)
#[test]
fn sighup_after_a_tick_leaves_it_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());
    s.first_run_with_defaults();
    s.send(" ");
    s.wait_for("done, saved");
    let pid = s.child.process_id().expect("pid");
    let sent = std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let (status, _, alternate) = s.finish();
    assert!(!status.success());
    assert!(!alternate);
    let journal = std::fs::read_to_string(dir.path().join("profiles/me/journal.ron")).unwrap();
    assert!(journal.contains("Done(date:\"2026-11-23\""), "{journal}");
}

#[test]
fn a_broken_profile_opens_the_load_error_screen_and_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let profile_dir = dir.path().join("profiles/me");
    std::fs::create_dir_all(&profile_dir).unwrap();
    let broken = "Profile(\n    format: 1,\n    name: \"me\",\n    condition: 42,\n";
    std::fs::write(profile_dir.join("profile.ron"), broken).unwrap();
    let mut s = Session::start(dir.path());
    s.wait_for("A data file could not be loaded");
    assert!(s.contents().contains("profile.ron"), "{}", s.contents());
    s.send(" \r");
    s.send("q");
    let (status, _, alternate) = s.finish();
    assert!(status.success());
    assert!(!alternate);
    assert_eq!(
        std::fs::read_to_string(profile_dir.join("profile.ron")).unwrap(),
        broken
    );
    assert!(!profile_dir.join("journal.ron").exists());
}

#[test]
fn a_tick_from_another_session_shows_before_the_next_key_acts() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());
    s.first_run_with_defaults();
    // A second session (the command line) ticks item 1 while the app is open.
    other_session(dir.path(), &["done", "1"]);
    // Any key makes the app look: the tick appears without being written twice.
    s.send("j");
    s.wait_for("1 of ");
    // A profile change from another session shows too.
    other_session(dir.path(), &["profile", "set", "--minutes", "55"]);
    // Shift-Tab from Today: Export, Profiles (one person's app has no Clinic tab).
    s.send("\x1b[Z");
    s.send("\x1b[Z");
    s.wait_for("55 min per session");
    s.send("q");
    let (status, _, _) = s.finish();
    assert!(status.success());
    let journal = std::fs::read_to_string(dir.path().join("profiles/me/journal.ron")).unwrap();
    assert_eq!(journal.matches("Done(").count(), 1, "{journal}");
}

#[test]
fn export_writes_the_plan_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Session::start(dir.path());
    s.first_run_with_defaults();
    // Shift-Tab from Today wraps to Export.
    s.send("\x1b[Z");
    s.wait_for("Export a printable plan");
    s.send("\r");
    s.wait_for("Written:");
    let file = dir.path().join("rehab-plan-me-2026-11-23.html");
    let html = std::fs::read_to_string(&file).expect("the plan file");
    assert!(html.contains("<html"), "{}", &html[..html.len().min(200)]);
    // A second export never overwrites the first, and says so whole in the app's own words
    // (the app has no --force).
    s.send("\r");
    s.wait_for("rehab-plan-me-2026-11-23.html exists already; e edits the path");
    assert!(!s.contents().contains("--force"), "{}", s.contents());
    s.send("q");
    let (status, _, _) = s.finish();
    assert!(status.success());
}

/// How many red-flag questions the first run walks through (the built-in library's: the app
/// runs with an empty user library).
fn builtin_questions() -> usize {
    rehab_planner::catalog::Catalog::builtin()
        .unwrap()
        .red_flags
        .len()
}

/// Runs a command as a second session (say, another SSH login) on the same data folder.
fn other_session(data: &std::path::Path, args: &[&str]) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rehab"))
        .args(args)
        .env("REHAB_DATA_DIR", data)
        .env("REHAB_LIBRARY", data.join("no-library"))
        .env("REHAB_TODAY", "2026-11-23")
        .env_remove("REHAB_PROFILE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs a command like [`other_session`] and returns its standard output, whatever its status.
fn command_output(data: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rehab"))
        .args(args)
        .env("REHAB_DATA_DIR", data)
        .env("REHAB_LIBRARY", data.join("no-library"))
        .env("REHAB_TODAY", "2026-11-23")
        .env_remove("REHAB_PROFILE")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_clinic_overview_lists_every_profile_and_opens_one_on_its_today() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let ids: Vec<String> = rehab_planner::catalog::Catalog::builtin()
        .unwrap()
        .red_flags
        .into_iter()
        .map(|f| f.id.into_string())
        .collect();
    for name in ["me", "anna", "carol"] {
        let args = [
            "profile",
            "new",
            name,
            "--condition",
            "pfps",
            "--start",
            "2026-11-23",
            "--days",
            "4",
        ];
        other_session(data, &args);
    }
    // me and anna answered every safety question "no"; carol's answer holds her plan.
    for name in ["me", "anna"] {
        other_session(data, &["--profile", name, "screen", "--no", &ids.join(",")]);
    }
    let others: Vec<String> = ids.iter().filter(|i| *i != "giving-way").cloned().collect();
    let held = [
        "--profile",
        "carol",
        "screen",
        "--yes",
        "giving-way",
        "--no",
        &others.join(","),
    ];
    command_output(data, &held);
    // The command line's order, attention first.
    let table = command_output(data, &["clinic"]);
    // A row starts at the left edge; its wrapped cells and flag line are indented.
    let order: Vec<&str> = table
        .lines()
        .skip(2)
        .filter(|l| !l.starts_with(' '))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(order, ["carol", "anna", "me"], "{table}");

    let mut s = Session::start(data);
    s.wait_for("0 of ");
    // Shift-Tab from Today: Export, then the Clinic view.
    s.send("\x1b[Z");
    s.send("\x1b[Z");
    s.wait_for("Clinic: every profile");
    // The app lists the same rows in the same order.
    let screen = s.contents();
    let listed: Vec<usize> = order
        .iter()
        .map(|name| {
            screen
                .lines()
                .position(|l| l.trim_start_matches(['│', '›', ' ']).starts_with(name))
                .unwrap_or_else(|| panic!("{name} is not listed:\n{screen}"))
        })
        .collect();
    assert!(listed.windows(2).all(|w| w[0] < w[1]), "{screen}");
    assert!(screen.contains("see clinician first"), "{screen}");
    // Down to anna, Enter: her Today.
    s.send("j");
    // The detail under the table names the selected profile.
    s.wait_for("anna: Runner's knee");
    s.send("\r");
    s.wait_for("Today, Mon 2026-11-23");
    let screen = s.contents();
    let tabs = screen.lines().next().unwrap_or_default();
    assert!(tabs.contains("anna"), "{screen}");
    assert!(screen.contains("0 of "), "{screen}");
    s.send("q");
    let (status, _, _) = s.finish();
    assert!(status.success());
}
