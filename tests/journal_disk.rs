//! A read-only data folder and a full disk, made real with a private mount namespace
//! (`unshare -Urm`): the error says so and nothing on disk is damaged. Where user namespaces are
//! not available the tests say so on stderr and check nothing, except under CI, where they fail.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

fn namespaces_work() -> bool {
    let ok = Command::new("unshare")
        .args(["-Urm", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !crate::tui_common::under_ci(),
            "`unshare -Urm` is not available; CI must allow user namespaces"
        );
        eprintln!("skipped: `unshare -Urm` is not available here");
    }
    ok
}

/// Every red-flag question id in the built-in library, comma-joined (for `rehab screen --no`).
fn all_red_flag_ids() -> String {
    rehab_planner::catalog::Catalog::builtin()
        .unwrap()
        .red_flags
        .iter()
        .map(|f| f.id.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Runs a shell script in a private mount namespace with $BIN, $D and $IDS (every red-flag
/// question id) set.
fn in_namespace(dir: &std::path::Path, script: &str) -> Output {
    Command::new("unshare")
        .args(["-Urm", "sh", "-c", script])
        .env("BIN", assert_cmd::cargo::cargo_bin("rehab"))
        .env("D", dir)
        .env("IDS", all_red_flag_ids())
        .env("REHAB_DATA_DIR", dir)
        .env("REHAB_TODAY", "2026-11-25")
        .env_remove("REHAB_PROFILE")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_read_only_data_folder_is_reported_and_left_as_it_was() {
    if !namespaces_work() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let out = in_namespace(
        tmp.path(),
        r#"set -e
        "$BIN" profile new me --condition pfps --start 2026-11-02 >/dev/null
        "$BIN" screen --no "$IDS" >/dev/null
        "$BIN" note "before" >/dev/null
        mount --bind "$D" "$D"
        mount -o remount,bind,ro "$D"
        "$BIN" today >/dev/null && echo "today-ok"
        "$BIN" note "while read-only" && echo "note-ok" || echo "note-rc=$?"
        "$BIN" screen --yes locked-knee --no "$(echo "$IDS" | tr , '\n' | grep -vx locked-knee | paste -sd, -)" && echo "screen-ok" || echo "screen-rc=$?"
        "$BIN" profile set --minutes 45 && echo "set-ok" || echo "set-rc=$?"
        "$BIN" profile new other --condition pfps && echo "new-ok" || echo "new-rc=$?"
        "#,
    );
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("today-ok"), "reading must work: {stderr}");
    for cmd in ["note", "screen", "set", "new"] {
        assert!(
            stdout.contains(&format!("{cmd}-rc=1")),
            "{cmd}: {stdout}\n{stderr}"
        );
    }
    assert!(stderr.contains("read-only"), "{stderr}");
    assert!(
        stderr.contains("nothing already saved was changed"),
        "{stderr}"
    );
    // Outside the namespace the folder is writable again: check what is on disk.
    let journal = std::fs::read_to_string(tmp.path().join("profiles/me/journal.ron")).unwrap();
    assert!(journal.contains("before") && !journal.contains("while read-only"));
    assert_eq!(
        journal.matches("Screened(").count(),
        1,
        "only the answers given before the folder went read-only:\n{journal}"
    );
    let profile = std::fs::read_to_string(tmp.path().join("profiles/me/profile.ron")).unwrap();
    assert!(profile.contains("minutes: 30"));
    let profile = rehab_planner::profile::parse_profile(&profile, "profile.ron").unwrap();
    assert!(
        profile.red_flags.answers.values().all(|yes| !yes),
        "the refused answers reached the profile: {:?}",
        profile.red_flags.answers
    );
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path().join("profiles/me"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_full_disk_is_reported_and_every_earlier_record_still_loads() {
    if !namespaces_work() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    // A 64 KiB file system, filled up, then notes until one no longer fits.
    let out = in_namespace(
        tmp.path(),
        r#"
        mount -t tmpfs -o size=64k tmpfs "$D" || exit 90
        "$BIN" profile new me --condition pfps --start 2026-11-02 >/dev/null || exit 91
        "$BIN" note "first" >/dev/null || exit 92
        dd if=/dev/zero of="$D/filler" bs=1024 2>/dev/null
        big=$(head -c 3000 /dev/zero | tr '\0' 'x')
        ok=0
        for i in 1 2 3 4 5 6 7 8; do
            if "$BIN" note "$i $big" >/dev/null 2>/dev/null; then ok=$((ok+1)); else break; fi
        done
        echo "ok=$ok"
        "$BIN" note "$i $big" 2>&1 >/dev/null | head -c 400; echo
        "$BIN" doctor >/dev/null 2>&1; echo "doctor-rc=$?"
        "$BIN" export-data --format csv | grep -c ",note," | sed 's/^/notes=/'
        "$BIN" profile set --minutes 45 2>&1 | head -c 300; echo
        grep -c "minutes: 30" "$D/profiles/me/profile.ron" | sed 's/^/profile-intact=/'
        "#,
    );
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let ok: usize = stdout
        .lines()
        .find_map(|l| l.strip_prefix("ok="))
        .unwrap()
        .parse()
        .unwrap();
    assert!(ok < 8, "the disk never filled:\n{stdout}");
    assert!(stdout.contains("the disk is full"), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("doctor-rc=0"),
        "the journal no longer loads:\n{stdout}"
    );
    assert!(
        stdout.contains(&format!("notes={}", ok + 1)),
        "records lost or invented (expected {}):\n{stdout}",
        ok + 1
    );
    assert!(stdout.contains("profile-intact=1"), "{stdout}");
}
