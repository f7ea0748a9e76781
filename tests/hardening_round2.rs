//! Issue 31, the second hardening round: a far date costs nothing, every write reads back, a
//! refused create leaves nothing, a missing condition is an error, `--force` keeps a file's
//! mode, and library links cannot become Markdown links elsewhere.
#![allow(clippy::unwrap_used)]

use crate::hardening_support;

use std::fs;
use std::path::{Path, PathBuf};

use hardening_support::{new_profile, rehab};
use predicates::prelude::*;
use predicates::str::contains;
use rehab_planner::catalog::{Catalog, SourceText};
use rehab_planner::journal::JournalState;
use rehab_planner::paths::Paths;
use rehab_planner::plan::{MAX_WEEKS, Settings};
use rehab_planner::profile::Profile;
use rehab_planner::store::OpenProfile;

/// A profile `me` with its red-flag questions answered "no", so its plan shows.
fn screened() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    new_profile(dir.path());
    let list = rehab(dir.path())
        .args(["screen", "--list"])
        .output()
        .unwrap();
    let ids: Vec<String> = String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    rehab(dir.path())
        .args(["screen", "--no", &ids.join(",")])
        .assert()
        .success();
    rehab(dir.path()).args(["done", "1"]).assert().success();
    dir
}

fn profile_dir(dir: &Path) -> PathBuf {
    dir.join("data/profiles/me")
}

fn journal_bytes(dir: &Path) -> Vec<u8> {
    fs::read(profile_dir(dir).join("journal.ron")).unwrap()
}

// ---- Class 1: cost bounded by the program ----------------------------------------------------

/// Every dated command, with a far date as a flag and as today: refused as implausible before
/// any work, and nothing is written.
#[test]
fn far_dates_are_refused_before_any_work_by_every_command() {
    let dir = screened();
    let before = journal_bytes(dir.path());
    let commands: [&[&str]; 7] = [
        &["today"],
        &["note", "x"],
        &["done", "1"],
        &["pain", "--during", "2"],
        &["skip", "1"],
        &["undo", "1"],
        &["criteria"],
    ];
    for far in ["9999-12-31", "2600-01-01", "1970-01-05", "0001-01-01"] {
        for command in commands {
            if command[0] != "criteria" {
                let mut args = command.to_vec();
                args.extend(["--date", far]);
                rehab(dir.path())
                    .args(&args)
                    .assert()
                    .code(2)
                    .stderr(contains("not a plausible date").and(contains("--date")));
            }
            // The same date as today (what a wrong clock gives).
            rehab(dir.path())
                .env("REHAB_TODAY", far)
                .args(command)
                .assert()
                .code(2)
                .stderr(contains("not a plausible date"));
        }
        for command in [
            &["history"][..],
            &["report"],
            &["clinic"],
            &["plan"],
            &["profile", "new", "you", "--condition", "pfps"],
        ] {
            rehab(dir.path())
                .env("REHAB_TODAY", far)
                .args(command)
                .assert()
                .code(2)
                .stderr(contains("not a plausible date"));
        }
    }
    assert_eq!(journal_bytes(dir.path()), before, "a refused date wrote");
    assert!(!dir.path().join("data/profiles/you").exists());
    // A locked session parses its dates by the same rule.
    rehab(dir.path())
        .args(["--locked", "me", "--data-dir"])
        .arg(dir.path().join("data"))
        .env("SSH_ORIGINAL_COMMAND", "today --date 9999-12-31")
        .assert()
        .code(2)
        .stderr(contains("not a plausible date"));
}

/// Inside the accepted dates, a day past the weeks a program may have is refused, not worked
/// out; week numbers and counts are held to the same bound.
#[test]
fn a_day_or_week_past_the_programs_weeks_is_refused() {
    let dir = screened();
    let before = journal_bytes(dir.path());
    for command in [&["today"][..], &["note", "x"], &["done", "1"], &["history"]] {
        rehab(dir.path())
            .env("REHAB_TODAY", "2100-12-31")
            .args(command)
            .assert()
            .code(1)
            .stderr(contains(format!(
                "past the last week a program may have ({MAX_WEEKS}"
            )));
    }
    assert_eq!(journal_bytes(dir.path()), before);
    // A future day asked about is refused before the profile is read.
    rehab(dir.path())
        .args(["done", "1", "--date", "2100-12-31"])
        .assert()
        .code(1)
        .stderr(contains("has not come yet"));
    for args in [
        ["plan", "--condition", "pfps", "--weeks", "4000000000"],
        ["plan", "--condition", "pfps", "--week", "4000000000"],
        ["history", "--weeks", "4000000000", "", ""],
    ] {
        let args: Vec<&str> = args.into_iter().filter(|a| !a.is_empty()).collect();
        rehab(dir.path())
            .args(&args)
            .assert()
            .code(2)
            .stderr(contains(format!("at most {MAX_WEEKS} weeks")));
    }
    // A day well inside the bound is still worked out, once that week's questions are
    // answered.
    let ids = rehab_planner::catalog::Catalog::builtin()
        .unwrap()
        .red_flags
        .iter()
        .map(|f| f.id.to_string())
        .collect::<Vec<_>>()
        .join(",");
    rehab(dir.path())
        .env("REHAB_TODAY", "2036-11-25")
        .args(["screen", "--no", &ids])
        .assert()
        .success();
    rehab(dir.path())
        .env("REHAB_TODAY", "2036-11-25")
        .arg("today")
        .assert()
        .success()
        .stdout(contains("week 526"));
}

/// The replay itself is bounded, whoever asks: past the program's weeks it refuses rather than
/// working out every week up to the one asked for.
#[test]
fn the_replay_and_the_calendar_are_bounded_by_the_programs_weeks() {
    let catalog = Catalog::builtin().unwrap();
    let profile = Profile::new(
        "me",
        "pfps",
        Settings::new(jiff::civil::Date::constant(2026, 11, 2)),
    );
    let journal = JournalState::default();
    let weeks = rehab_planner::progress::run_profile(&catalog, &profile, &journal, 12).unwrap();
    assert_eq!(weeks.len(), 12);
    for far in [MAX_WEEKS + 1, u32::MAX] {
        assert!(rehab_planner::progress::run_profile(&catalog, &profile, &journal, far).is_err());
        let condition = catalog.condition("pfps").unwrap();
        assert!(
            rehab_planner::plan::build_program(
                &catalog,
                condition,
                &profile.settings,
                &profile.overrides,
                far
            )
            .is_err()
        );
    }
}

// ---- Class 2: writes that read back ----------------------------------------------------------

#[test]
fn long_patient_fields_are_refused_naming_the_flag_and_the_profile_still_loads() {
    let dir = screened();
    let long_name = "\"".repeat(201);
    let long_notes = "\"\\".repeat(2001);
    for (flag, value) in [
        ("--patient", &long_name),
        ("--clinician", &long_name),
        ("--clinic", &long_name),
        ("--notes", &long_notes),
    ] {
        rehab(dir.path())
            .args(["profile", "set", flag, value])
            .assert()
            .code(2)
            .stderr(contains(flag).and(contains("at most")));
    }
    // At the limits, quotes and all, it is written and reads back.
    rehab(dir.path())
        .args(["profile", "set", "--patient", &"\"".repeat(200)])
        .args(["--notes", &"\"\\".repeat(2000)])
        .assert()
        .success();
    rehab(dir.path()).args(["today"]).assert().success();
    rehab(dir.path())
        .args(["profile", "show"])
        .assert()
        .success();
}

/// A journal at its read cap refuses new records with advice, and keeps every byte it had.
#[test]
fn a_full_journal_refuses_new_records_and_keeps_what_it_holds() {
    let dir = screened();
    let path = profile_dir(dir.path()).join("journal.ron");
    let mut bytes = journal_bytes(dir.path());
    let line = format!(
        "Note(date:\"2026-11-20\",text:\"{}\")\n",
        "padding ".repeat(480)
    );
    let cap: usize = 64 << 20;
    while bytes.len() + line.len() <= cap - 200 {
        bytes.extend_from_slice(line.as_bytes());
    }
    // The last line brings it to 100 bytes short of the cap.
    let head = "Note(date:\"2026-11-21\",text:\"";
    let fill = cap - 100 - bytes.len() - head.len() - 3;
    bytes.extend_from_slice(format!("{head}{}\")\n", "f".repeat(fill)).as_bytes());
    assert_eq!(bytes.len(), cap - 100);
    fs::write(&path, &bytes).unwrap();
    rehab(dir.path()).args(["today"]).assert().success();
    rehab(dir.path())
        .args(["note", &"n".repeat(400)])
        .assert()
        .code(1)
        .stderr(contains("is full").and(contains("export-data")));
    assert!(fs::read(&path).unwrap() == bytes, "the journal changed");
    // A small record still fits, and the file stays readable after it.
    rehab(dir.path()).args(["note", "ok"]).assert().success();
    rehab(dir.path()).args(["today"]).assert().success();
}

// ---- Class 3: no half-made state -------------------------------------------------------------

/// A profile that would not load back is refused before its folder is made; a retry works.
#[test]
fn a_refused_create_leaves_nothing_and_a_retry_works() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::resolve(Some(dir.path().join("data")), Some(dir.path().join("lib")));
    for start in [
        jiff::civil::Date::constant(1970, 1, 5),
        jiff::civil::Date::constant(2101, 1, 3),
    ] {
        let profile = Profile::new("me", "pfps", Settings::new(start));
        let err = OpenProfile::create(&paths, profile).err().unwrap();
        assert!(err.to_string().contains("not a plausible date"), "{err}");
        assert!(!dir.path().join("data/profiles/me").exists());
    }
    let mut profile = Profile::new(
        "me",
        "pfps",
        Settings::new(jiff::civil::Date::constant(2026, 11, 2)),
    );
    profile.patient = Some(rehab_planner::profile::Patient {
        notes: Some("x".repeat(2 << 20)),
        ..Default::default()
    });
    let err = OpenProfile::create(&paths, profile.clone()).err().unwrap();
    assert!(
        err.to_string().contains("more than a profile may be"),
        "{err}"
    );
    assert!(!dir.path().join("data/profiles/me").exists());
    profile.patient = None;
    OpenProfile::create(&paths, profile).unwrap();
    rehab(dir.path())
        .args(["profile", "show", "me"])
        .assert()
        .success();
}

// ---- Class 4: a missing condition is not a rest day ------------------------------------------

fn rewrite_profile(dir: &Path, from: &str, to: &str) {
    let path = profile_dir(dir).join("profile.ron");
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{text}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_condition_or_exercise_missing_from_the_library_is_an_error_everywhere() {
    for (from, to, named, closest) in [
        ("condition: \"pfps\"", "condition: \"pfsp\"", "pfsp", "pfps"),
        (
            "added: []",
            "added: [\"clamshel\"]",
            "clamshel",
            "clamshell",
        ),
    ] {
        let dir = screened();
        rewrite_profile(dir.path(), from, to);
        for command in [
            &["today"][..],
            &["today", "--date", "2026-11-20"],
            &["done", "1"],
            &["history"],
            &["report"],
            &["plan"],
        ] {
            rehab(dir.path())
                .args(command)
                .assert()
                .code(1)
                .stderr(contains(named).and(contains(closest)))
                .stdout(contains("Rest day").not());
        }
        let out = rehab(dir.path()).arg("clinic").output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        // The row and its indented flag line.
        let mut lines = text.lines().skip_while(|l| !l.starts_with("me "));
        let row = lines.next().unwrap();
        let flags: Vec<&str> = lines.take_while(|l| l.starts_with(' ')).collect();
        assert!(flags.join(" ").contains("no plan"), "{text}");
        assert!(!row.trim_end().ends_with("ok"), "{row}");
    }
}

// ---- Class 5: --force never widens permissions -----------------------------------------------

#[cfg(unix)]
#[test]
fn a_forced_replacement_keeps_the_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = screened();
    for (args, name) in [
        (&["report", "-o"][..], "report.html"),
        (&["plan", "--format", "markdown", "-o"], "plan.md"),
        (&["profile", "export", "me", "-o"], "me.rx.ron"),
    ] {
        let target = dir.path().join(name);
        rehab(dir.path()).args(args).arg(&target).assert().success();
        for mode in [0o600, 0o640] {
            fs::set_permissions(&target, fs::Permissions::from_mode(mode)).unwrap();
            rehab(dir.path())
                .args(args)
                .arg(&target)
                .arg("--force")
                .assert()
                .success();
            let now = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
            assert_eq!(now, mode, "{name}: {mode:o} became {now:o}");
        }
    }
}

// ---- Class 6: links ---------------------------------------------------------------------------

fn source_file(url: &str) -> String {
    format!(
        "(\n    sources: [\n        (\n            key: \"CLINIC\",\n            authors: \"Us\",\n            \
         year: 2026,\n            title: \"T\",\n            published: \"P\",\n            url: {},\n        ),\n    ],\n)\n",
        ron::to_string(url).unwrap()
    )
}

#[test]
fn links_that_could_end_or_open_a_markdown_link_are_refused_by_the_check() {
    for bad in [
        "https://example.org/(x)[y](javascript:alert(2))",
        "https://example.org/[a]",
        "https://example.org/a]b",
        "https://example.org/{x}",
        "https://example.org/a|b",
        "https://example.org/a'b",
        "https://example.org/a\tb",
        "doi:10.1/x](javascript:alert(1))",
    ] {
        let loaded = Catalog::load(&[SourceText::new("clinic.ron", source_file(bad))]).unwrap();
        assert_eq!(loaded.problems.len(), 1, "{bad}: {:?}", loaded.problems);
        assert!(
            loaded.problems[0]
                .to_string()
                .starts_with("clinic.ron:9:13"),
            "{bad}: {:?}",
            loaded.problems
        );
    }
    // Publishers' addresses with round brackets stay valid.
    let loaded = Catalog::load(&[SourceText::new(
        "clinic.ron",
        source_file("https://www.example.org/article/S1063-4584(19)31116-1/fulltext"),
    )])
    .unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    fs::write(
        dir.path().join("library/clinic.ron"),
        source_file("https://example.org/(x)[y](javascript:alert(2))"),
    )
    .unwrap();
    rehab(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stderr(contains("clinic.ron:9:13"));
}

// ---- Class 9: errors quote a short excerpt ---------------------------------------------------

#[test]
fn an_error_never_echoes_a_long_argument_whole() {
    let dir = screened();
    let long = "\u{1b}[31mx".repeat(20_000);
    for args in [
        vec!["done", long.as_str()],
        vec!["undo", long.as_str()],
        vec!["today", "--date", long.as_str()],
        vec!["show", long.as_str()],
        vec!["profile", "show", long.as_str()],
        vec!["exercises", "--condition", long.as_str()],
        vec!["history", "--weeks", long.as_str()],
    ] {
        let out = rehab(dir.path()).args(&args).output().unwrap();
        assert!(!out.status.success(), "{:?}", &args[..1]);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.len() < 3000,
            "{:?}: {} bytes of error",
            &args[..1],
            err.len()
        );
        assert!(!err.contains('\u{1b}'), "{:?}", &args[..1]);
    }
}

// ---- Class 7: files as people save them -------------------------------------------------------

fn user_exercise(id: &str) -> String {
    let catalog = Catalog::builtin().unwrap();
    let source = &catalog.sources[0].key;
    format!(
        "(\n    exercises: [\n        (\n            id: \"{id}\", name: \"Mine\", kind: Stretch, \
         targets: [\"x\"],\n            dose: (sets: 1, work: Hold(30), frequency: PerWeek(3)),\n            \
         steps: [\"a\", \"b\", \"c\"], source: \"{source}\", evidence: C, dose_origin: AppDefault,\n        ),\n    ],\n)\n"
    )
}

#[test]
fn a_user_exercise_without_a_figure_is_reported_in_its_own_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    fs::write(
        dir.path().join("library/clinic.ron"),
        user_exercise("clinic-stretch"),
    )
    .unwrap();
    let out = rehab(dir.path()).arg("check").output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("clinic.ron:4:17: exercise `clinic-stretch` has no figure"),
        "{err}"
    );
    assert!(!err.contains("<built-in>"), "{err}");
}

#[test]
fn a_byte_order_mark_is_skipped_in_every_file_a_person_may_edit() {
    const BOM: &str = "\u{FEFF}";
    let dir = screened();
    // A library file, the key file and the profile, each saved with a BOM.
    fs::write(
        dir.path().join("library/clinic.ron"),
        format!("{BOM}{}", source_file("https://example.org/a")),
    )
    .unwrap();
    let profile = profile_dir(dir.path()).join("profile.ron");
    let text = fs::read_to_string(&profile).unwrap();
    fs::write(&profile, format!("{BOM}{text}")).unwrap();
    let keys = dir.path().join("config/rehab-planner/keys.ron");
    fs::create_dir_all(keys.parent().unwrap()).unwrap();
    fs::write(&keys, format!("{BOM}{{\"Quit\": [\"ctrl-q\"]}}")).unwrap();
    rehab(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout(contains("1 file(s) passed"));
    rehab(dir.path()).arg("today").assert().success();
    rehab(dir.path())
        .arg("doctor")
        .assert()
        .success()
        .stdout(contains("Key file").not());
    // The same file read by the same path, now with a problem: it is reported at its line.
    fs::write(
        &keys,
        format!("{BOM}{{\"Quit\": [\"ctrl-q\"],\n\"Quit\": [\"ctrl-x\"]}}"),
    )
    .unwrap();
    rehab(dir.path())
        .arg("doctor")
        .assert()
        .stdout(contains("keys.ron:2:1: the action `Quit` is named twice"));
    // A prescription file too.
    let rx = dir.path().join("me.rx.ron");
    rehab(dir.path())
        .args(["profile", "export", "me", "-o"])
        .arg(&rx)
        .assert()
        .success();
    let text = fs::read_to_string(&rx).unwrap();
    fs::write(&rx, format!("{BOM}{text}")).unwrap();
    rehab(dir.path())
        .args(["profile", "import"])
        .arg(&rx)
        .args(["--as", "copy"])
        .assert()
        .success();
}

#[test]
fn an_action_named_twice_in_the_key_file_is_an_error_at_its_line() {
    use rehab_planner::tui::keymap::Keymap;
    let text = "{\n    \"Quit\": [\"ctrl-q\"],\n    \"Tick\": [\"space\"],\n    \"Quit\": [\"ctrl-x\"],\n}";
    let err = Keymap::with_overrides(text).unwrap_err();
    assert!(err.starts_with("4:5:"), "{err}");
    assert!(err.contains("`Quit` is named twice"), "{err}");
    // Named once, both keys are kept.
    assert!(Keymap::with_overrides("{\"Quit\": [\"ctrl-q\", \"ctrl-x\"]}").is_ok());
}

// ---- Class 8: text as people type it ---------------------------------------------------------

#[test]
fn notes_with_emoji_sequences_are_kept_and_shown_and_hidden_characters_are_not() {
    let dir = screened();
    for note in ["❤️ felt strong", "🏃‍♀️ easy 5k", "❄️ icy path", "👍🏽 🇳🇱"]
    {
        rehab(dir.path()).args(["note", note]).assert().success();
        rehab(dir.path())
            .arg("today")
            .assert()
            .success()
            .stdout(contains(note));
    }
    rehab(dir.path())
        .args(["profile", "set", "--patient", "Zoë 🏃‍♀️"])
        .assert()
        .success();
    for hidden in ["a\u{200D}b", "x\u{FE0F}", "a\u{202E}b", "🏃\u{200B}"] {
        rehab(dir.path())
            .args(["note", hidden])
            .assert()
            .code(1)
            .stderr(contains("invisible"));
    }
}

// ---- Class 10: revocation is scoped to its data folder ---------------------------------------

#[test]
fn revoking_a_name_touches_only_that_data_folders_lines_and_only_rehabs() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("authorized_keys");
    let other =
        "command=\"x \\\" --locked anna\" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE90aGVy other\n";
    fs::write(&keys, other).unwrap();
    let folders = [dir.path().join("A"), dir.path().join("B")];
    for (i, data) in folders.iter().enumerate() {
        rehab(dir.path())
            .arg("--data-dir")
            .arg(data)
            .args(["profile", "new", "anna", "--condition", "pfps"])
            .assert()
            .success();
        let key = dir.path().join(format!("k{i}.pub"));
        fs::write(
            &key,
            format!("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGtleW51bWJlcjAwMDAwMDAw{i} dev{i}\n"),
        )
        .unwrap();
        rehab(dir.path())
            .arg("--data-dir")
            .arg(data)
            .args(["clinic", "authorize", "anna", "--key"])
            .arg(&key)
            .arg("--authorized-keys")
            .arg(&keys)
            .assert()
            .success();
    }
    let listed = |data: &Path| {
        let out = rehab(dir.path())
            .arg("--data-dir")
            .arg(data)
            .args(["clinic", "keys", "--authorized-keys"])
            .arg(&keys)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let in_b = listed(&folders[1]);
    assert!(in_b.contains(&*folders[1].to_string_lossy()), "{in_b}");
    assert!(in_b.contains("dev1") && !in_b.contains("dev0"), "{in_b}");
    assert!(
        in_b.contains("1 key line(s) open profiles of other data folders"),
        "{in_b}"
    );
    rehab(dir.path())
        .arg("--data-dir")
        .arg(&folders[0])
        .args(["clinic", "revoke", "anna", "--authorized-keys"])
        .arg(&keys)
        .assert()
        .success()
        .stdout(contains("removed 1 key line(s)"));
    let text = fs::read_to_string(&keys).unwrap();
    assert!(text.starts_with(other), "{text}");
    assert!(!text.contains("dev0") && text.contains("dev1"), "{text}");
    // Again: nothing of this folder's is left, and the look-alike line is not rehab's.
    rehab(dir.path())
        .arg("--data-dir")
        .arg(&folders[0])
        .args(["clinic", "revoke", "anna", "--authorized-keys"])
        .arg(&keys)
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&keys).unwrap(), text);
}

// ---- Class 9: Ctrl-Z suspends the app cleanly -------------------------------------------------

use crate::pty_support;

/// The process state letter from /proc (`T` when stopped).
fn state_of(pid: u32) -> char {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')')
        .next()
        .and_then(|rest| rest.trim_start().chars().next())
        .unwrap_or('?')
}

fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "timed out waiting until {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_and_an_outside_sigtstp_suspend_with_the_terminal_restored() {
    let dir = screened();
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_rehab"));
    cmd.cwd(dir.path());
    for (k, v) in [
        ("REHAB_DATA_DIR", dir.path().join("data")),
        ("REHAB_LIBRARY", dir.path().join("library")),
        ("XDG_CONFIG_HOME", dir.path().join("config")),
    ] {
        cmd.env(k, v);
    }
    cmd.env("REHAB_TODAY", "2026-11-25");
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("REHAB_PROFILE");
    let mut pty = pty_support::Pty::spawn(cmd);
    let pid = pty.child.process_id().unwrap();
    pty.wait_for("Today");
    for how in ["key", "signal"] {
        assert_eq!(
            pty.screen_modes(),
            (true, true),
            "{how}: not on the app's screen"
        );
        if how == "key" {
            pty.send("\u{1a}");
        } else {
            let ok = std::process::Command::new("kill")
                .args(["-TSTP", &pid.to_string()])
                .status()
                .unwrap();
            assert!(ok.success());
        }
        wait_until("the app stops", || state_of(pid) == 'T');
        // Stopped with the shell's screen back and the cursor shown.
        wait_until("the terminal is restored", || {
            pty.screen_modes() == (false, false)
        });
        let ok = std::process::Command::new("kill")
            .args(["-CONT", &pid.to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        wait_until("the app runs again", || state_of(pid) != 'T');
        wait_until("the app takes the screen again", || pty.screen_modes().0);
        pty.wait_for("Today");
    }
    pty.send("\u{3}");
    let (_, _, alternate) = pty.finish();
    assert!(!alternate, "the terminal was left on the alternate screen");
}
