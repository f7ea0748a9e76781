//! Issue 17, class 3: no control, C1, DEL or bidirectional-override character reaches a
//! terminal or an exported file, whatever the source (file names, notes, profile fields, key
//! files, environment variables, arguments quoted in messages); free text typed in is refused.
#![allow(clippy::unwrap_used)]

use crate::hardening_support;

use std::ffi::OsString;
use std::fs;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::Path;

use hardening_support::{new_profile, rehab};
use predicates::str::contains;
use proptest::prelude::*;

/// The rule of the issue: no byte below 0x20 but newline and tab, no DEL, no C1 control, no
/// bidirectional override or isolate, no zero-width character.
fn assert_clean(what: &str, bytes: &[u8]) {
    for (i, &b) in bytes.iter().enumerate() {
        assert!(
            b >= 0x20 && b != 0x7f || b == b'\n' || b == b'\t',
            "{what}: byte {b:#04x} at {i} in {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
    let text = String::from_utf8_lossy(bytes);
    // A joiner inside an emoji sequence (issue 31) is part of what a person typed.
    let kept = rehab_planner::text::in_emoji(&text).unwrap_or_default();
    let in_emoji = |i: usize| kept.get(i).copied().unwrap_or(false);
    if let Some((_, c)) = text.chars().enumerate().find(|&(i, c)| {
        ('\u{80}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
                && !(c == '\u{200D}' && in_emoji(i))
    }) {
        panic!("{what}: U+{:04X} in {text:?}", c as u32);
    }
}

fn assert_output_clean(what: &str, out: &std::process::Output) {
    assert_clean(&format!("{what} stdout"), &out.stdout);
    assert_clean(&format!("{what} stderr"), &out.stderr);
}

const HOSTILE: &[&str] = &[
    "\u{1b}]52;c;aGk=\u{7}\u{1b}[2J",
    "\u{9b}31m\u{85}",
    "a\u{202E}txt.exe",
    "\u{2066}iso\u{2069}\u{200B}\u{FEFF}",
    "tab\there\rcr\u{7f}",
    "\u{1b}P+q\u{1b}\\",
];

/// A profile with a journal holding notes an older rehab accepted, and a hostile library file
/// name, patient fields and key file.
fn hostile_home(dir: &Path, text: &str) {
    fs::create_dir_all(dir.join("library")).unwrap();
    let mut name = OsString::from("lib");
    name.push(std::ffi::OsStr::from_bytes(text.as_bytes()));
    name.push(".ron");
    fs::write(dir.join("library").join(&name), format!("broken {text}")).unwrap();
    new_profile(dir);
    let journal = dir.join("data/profiles/me/journal.ron");
    let mut body = "(format: \"rehab-journal\", version: 1)\n".to_string();
    let note = ron::to_string(&text).unwrap();
    body.push_str(&format!("Note(date:\"2026-11-24\",text:{note})\n"));
    fs::write(&journal, body).unwrap();
    let keys = dir.join("config/rehab-planner/keys.ron");
    fs::create_dir_all(keys.parent().unwrap()).unwrap();
    fs::write(&keys, format!("{{\"Tick\": [{note}]}}")).unwrap();
}

fn every_output(dir: &Path, text: &str) {
    let runs: Vec<(&str, Vec<OsString>)> = vec![
        ("check", vec!["check".into()]),
        ("exercises", vec!["exercises".into()]),
        ("today", vec!["today".into()]),
        ("history", vec!["history".into()]),
        ("doctor", vec!["doctor".into()]),
        (
            "export csv",
            vec!["export-data".into(), "--format".into(), "csv".into()],
        ),
        (
            "export json",
            vec!["export-data".into(), "--format".into(), "json".into()],
        ),
        ("show", vec!["show".into(), text.into()]),
        (
            "plan",
            vec![
                "plan".into(),
                "--patient".into(),
                text.into(),
                "--notes".into(),
                text.into(),
            ],
        ),
        (
            "plan md",
            vec![
                "plan".into(),
                "--format".into(),
                "markdown".into(),
                "--clinic".into(),
                text.into(),
            ],
        ),
        (
            "profile set",
            vec![
                "profile".into(),
                "set".into(),
                "--patient".into(),
                text.into(),
            ],
        ),
        ("note", vec!["note".into(), text.into()]),
        (
            "bad date",
            vec!["today".into(), "--date".into(), text.into()],
        ),
    ];
    for (what, args) in runs {
        let out = rehab(dir).args(&args).output().unwrap();
        assert_output_clean(what, &out);
    }
    let out = rehab(dir)
        .env("REHAB_PROFILE", text)
        .arg("today")
        .output()
        .unwrap();
    assert_output_clean("REHAB_PROFILE", &out);
    let out = rehab(dir)
        .env("REHAB_DATA_DIR", dir.join(text))
        .arg("doctor")
        .output()
        .unwrap();
    assert_output_clean("REHAB_DATA_DIR", &out);
    // An exported file is checked too.
    let file = dir.join("plan.html");
    let _ = fs::remove_file(&file);
    rehab(dir)
        .args(["plan", "--profile", "me", "--format", "html", "-o"])
        .arg(&file)
        .args(["--patient", text])
        .output()
        .unwrap();
    if let Ok(bytes) = fs::read(&file) {
        assert_clean("exported html", &bytes);
    }
}

#[test]
fn hostile_text_from_every_source_reaches_no_output_raw() {
    for text in HOSTILE {
        let dir = tempfile::tempdir().unwrap();
        hostile_home(dir.path(), text);
        every_output(dir.path(), text);
    }
}

#[test]
fn notes_and_stored_patient_fields_refuse_control_characters_on_the_way_in() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    new_profile(dir.path());
    for bad in [
        "a\u{1b}[2J",
        "a\u{7f}",
        "a\u{85}b",
        "a\u{202E}b",
        "a\u{200B}b",
        "a\rb",
    ] {
        rehab(dir.path())
            .args(["note", bad])
            .assert()
            .code(1)
            .stderr(contains("U+"));
        for flag in ["--patient", "--clinician", "--clinic", "--notes"] {
            rehab(dir.path())
                .args(["profile", "set", flag, bad])
                .assert()
                .code(2)
                .stderr(contains(flag));
        }
    }
    assert!(!dir.path().join("data/profiles/me/journal.ron").exists());
    rehab(dir.path())
        .args(["note", "two lines\nand\ta tab"])
        .assert()
        .success();
    rehab(dir.path())
        .args(["profile", "set", "--notes", "left knee\nafter the race"])
        .assert()
        .success();
}

#[test]
fn a_hostile_library_file_name_is_shown_cleaned_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("library")).unwrap();
    let name = "x\u{1b}]52;c;aGk=\u{7}\u{1b}[2J\u{202E}.ron";
    fs::write(dir.path().join("library").join(name), "nope").unwrap();
    for args in [
        &["check"][..],
        &["exercises"],
        &["conditions"],
        &["today"],
        &["doctor"],
    ] {
        let out = rehab(dir.path()).args(args).output().unwrap();
        assert_output_clean(&format!("{args:?}"), &out);
        let all = String::from_utf8_lossy(&out.stderr).into_owned()
            + &String::from_utf8_lossy(&out.stdout);
        assert!(all.contains("x]52;c;aGk=[2J.ron"), "{args:?}: {all}");
    }
}

fn hostile_string() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        (1u8..0x20).prop_map(|b| vec![b]),
        Just(vec![0x7f]),
        (0x80u32..0xa0).prop_map(|c| char::from_u32(c).unwrap().to_string().into_bytes()),
        prop::sample::select(vec![
            '\u{200B}',
            '\u{200D}',
            '\u{202A}',
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{FEFF}',
            '\u{2028}',
            '\u{061C}',
            '\u{E0041}',
        ])
        .prop_map(|c| c.to_string().into_bytes()),
        Just(b"\x1b[2J".to_vec()),
        Just(vec![0xff]),
        Just(vec![0xc3]),
        "[a-z .-]{1,4}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(piece, 1..8).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Random control, format and invalid UTF-8 bytes through every output path: arguments,
    /// environment variables, library file names, journal notes, key files, exported files.
    #[test]
    fn random_bytes_never_reach_an_output(bytes in hostile_string()) {
        let dir = tempfile::tempdir().unwrap();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        hostile_home(dir.path(), &text);
        every_output(dir.path(), &text);
        // Invalid UTF-8 as it comes, in an argument and a variable.
        let raw = OsString::from_vec(bytes.clone());
        if !raw.as_bytes().contains(&0) {
            let out = rehab(dir.path()).arg("show").arg(&raw).output().unwrap();
            assert_output_clean("raw argument", &out);
            let out = rehab(dir.path()).env("REHAB_PROFILE", &raw).arg("today").output().unwrap();
            assert_output_clean("raw REHAB_PROFILE", &out);
            let out = rehab(dir.path()).arg("check").arg(&raw).output().unwrap();
            assert_output_clean("raw file name", &out);
        }
    }
}
