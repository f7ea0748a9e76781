//! Issue 17, classes 1, 2 and 8: every file rehab reads or writes is what it claims to be.
//! Writes go only to a new name or over a regular file itself; reads refuse anything but a
//! regular file before they can block, and read at most a stated size; a failed create leaves
//! nothing, and leftovers of killed saves are removed under the lock. Some cases need root (a
//! device node, a full disk in an `unshare` mount namespace); CI runs as root.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::str::contains;

fn is_root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let env = Env {
            dir: tempfile::tempdir().unwrap(),
        };
        fs::create_dir_all(env.path().join("library")).unwrap();
        fs::create_dir_all(env.path().join("config")).unwrap();
        env
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn rehab(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        let mut cmd = Command::cargo_bin("rehab").unwrap();
        cmd.current_dir(self.path())
            .env("REHAB_LIBRARY", self.path().join("library"))
            .env("REHAB_DATA_DIR", self.path().join("data"))
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("REHAB_TODAY", "2026-11-25")
            .env("LC_ALL", "C.UTF-8")
            .env_remove("REHAB_PROFILE")
            .timeout(Duration::from_secs(20))
            .args(args);
        cmd.assert()
    }

    fn profile_dir(&self) -> PathBuf {
        self.path().join("data/profiles/me")
    }

    fn with_profile() -> Env {
        let env = Env::new();
        env.rehab(&[
            "profile",
            "new",
            "me",
            "--condition",
            "pfps",
            "--start",
            "2026-11-02",
        ])
        .success();
        env.rehab(&["note", "first"]).success();
        env
    }
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(ok.success());
}

/// Things that are not regular files, made at `path`; each with a check that it is unchanged.
fn hostile_targets(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let mut made = Vec::new();
    let fifo = dir.join("fifo.txt");
    mkfifo(&fifo);
    made.push(("fifo", fifo));
    let socket = dir.join("socket.txt");
    let listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    std::mem::forget(listener);
    made.push(("socket", socket));
    let folder = dir.join("folder.txt");
    fs::create_dir(&folder).unwrap();
    made.push(("folder", folder));
    fs::write(dir.join("victim.txt"), b"keep me").unwrap();
    let link = dir.join("link.txt");
    std::os::unix::fs::symlink(dir.join("victim.txt"), &link).unwrap();
    made.push(("link to a file", link));
    let dangling = dir.join("dangling.txt");
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), &dangling).unwrap();
    made.push(("dangling link", dangling));
    let to_device = dir.join("null-link.txt");
    std::os::unix::fs::symlink("/dev/null", &to_device).unwrap();
    made.push(("link to a device", to_device));
    if is_root() {
        // A copy of /dev/full: the node the issue saw replaced.
        let device = dir.join("full.txt");
        let ok = std::process::Command::new("mknod")
            .arg(&device)
            .args(["c", "1", "7"])
            .status()
            .unwrap();
        assert!(ok.success());
        made.push(("character device", device));
    }
    made
}

fn kind_of(path: &Path) -> String {
    let m = fs::symlink_metadata(path).unwrap();
    let t = m.file_type();
    format!(
        "{} {} {} {} {} {:?}",
        t.is_fifo(),
        t.is_socket(),
        t.is_dir(),
        t.is_symlink(),
        t.is_char_device(),
        fs::read_link(path).ok()
    )
}

#[test]
fn a_plan_is_never_written_over_anything_but_a_regular_file() {
    let env = Env::new();
    for (what, target) in hostile_targets(env.path()) {
        let before = kind_of(&target);
        for force in [false, true] {
            let mut args = vec![
                "plan",
                "--condition",
                "pfps",
                "-o",
                target.to_str().unwrap(),
            ];
            if force {
                args.push("--force");
            }
            let out = env.rehab(&args).code(1);
            let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
            assert!(
                err.contains("not a regular file") || err.contains("it is a folder"),
                "{what} (force {force}): {err}"
            );
            assert!(!err.contains("add --force"), "{what}: {err}");
            assert_eq!(kind_of(&target), before, "{what} changed");
        }
    }
    assert_eq!(fs::read(env.path().join("victim.txt")).unwrap(), b"keep me");
    assert!(!env.path().join("nowhere.txt").exists());
}

#[test]
fn standard_output_is_dash_and_dev_stdout_is_refused_with_the_right_hint() {
    let env = Env::new();
    env.rehab(&["plan", "--condition", "pfps", "-o", "-"])
        .success()
        .stdout(contains("REHAB PLAN"));
    assert!(!env.path().join("-").exists());
    env.rehab(&["plan", "--condition", "pfps", "-o", "/dev/stdout"])
        .code(1)
        .stderr(contains("-o -"))
        .stderr(contains("not a regular file"));
    // A regular file: refused without --force, replaced with it.
    let plan = env.path().join("plan.txt");
    fs::write(&plan, "old").unwrap();
    env.rehab(&["plan", "--condition", "pfps", "-o", "plan.txt"])
        .code(1)
        .stderr(contains("add --force"));
    env.rehab(&["plan", "--condition", "pfps", "-o", "plan.txt", "--force"])
        .success();
    assert!(fs::read_to_string(&plan).unwrap().contains("REHAB PLAN"));
}

#[test]
fn data_files_that_are_not_regular_files_are_refused_without_hanging() {
    for file in ["journal.ron", "profile.ron"] {
        for make in ["fifo", "zero", "socket", "folder"] {
            let env = Env::with_profile();
            let path = env.profile_dir().join(file);
            fs::remove_file(&path).unwrap();
            match make {
                "fifo" => mkfifo(&path),
                "zero" => std::os::unix::fs::symlink("/dev/zero", &path).unwrap(),
                "socket" => {
                    std::mem::forget(std::os::unix::net::UnixListener::bind(&path).unwrap())
                }
                _ => fs::create_dir(&path).unwrap(),
            }
            for args in [&["today"][..], &["note", "x"], &["history"], &["doctor"]] {
                let out = env.rehab(args).code(1);
                let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned()
                    + &String::from_utf8_lossy(&out.get_output().stderr);
                assert!(
                    text.contains("not a regular file"),
                    "{file} as {make}, {args:?}: {text}"
                );
                assert!(!text.contains("All good"), "{text}");
            }
        }
    }
}

#[test]
fn library_and_key_files_that_are_not_regular_are_reported_not_waited_on() {
    let env = Env::new();
    mkfifo(&env.path().join("library/clinic.ron"));
    std::os::unix::fs::symlink("/dev/zero", env.path().join("library/zero.ron")).unwrap();
    env.rehab(&["check"])
        .code(1)
        .stderr(contains("clinic.ron:1:1"))
        .stderr(contains("zero.ron:1:1"))
        .stderr(contains("not a regular file"));
    mkfifo(&env.path().join("loose.ron"));
    env.rehab(&["check", "loose.ron"])
        .code(1)
        .stderr(contains("named pipe"));
    env.rehab(&["exercises"])
        .success()
        .stderr(contains("not a regular file"));
    let keys = env.path().join("config/rehab-planner/keys.ron");
    fs::create_dir_all(keys.parent().unwrap()).unwrap();
    mkfifo(&keys);
    env.rehab(&["doctor"])
        .code(1)
        .stdout(contains("keys.ron"))
        .stdout(contains("named pipe"));
}

#[test]
fn files_larger_than_their_kind_allows_are_refused_not_read() {
    let env = Env::with_profile();
    let big = env.path().join("big");
    fs::write(&big, vec![b' '; 2 << 20]).unwrap();
    let profile = env.profile_dir().join("profile.ron");
    fs::remove_file(&profile).unwrap();
    std::os::unix::fs::symlink(&big, &profile).unwrap();
    env.rehab(&["today"])
        .code(1)
        .stderr(contains("larger than a profile may be"));
    let keys = env.path().join("config/rehab-planner/keys.ron");
    fs::create_dir_all(keys.parent().unwrap()).unwrap();
    fs::write(&keys, vec![b' '; 65 << 10]).unwrap();
    env.rehab(&["doctor"])
        .code(1)
        .stdout(contains("larger than a key file may be"));
}

#[test]
fn a_lock_file_that_is_a_link_or_not_a_file_is_never_followed() {
    for make in ["link", "dangling", "fifo"] {
        let env = Env::with_profile();
        let lock = env.profile_dir().join(".lock");
        fs::remove_file(&lock).unwrap();
        let victim = env.path().join("victim");
        match make {
            "link" => {
                fs::write(&victim, b"keep").unwrap();
                std::os::unix::fs::symlink(&victim, &lock).unwrap();
            }
            "dangling" => std::os::unix::fs::symlink(&victim, &lock).unwrap(),
            _ => mkfifo(&lock),
        }
        let journal = fs::read(env.profile_dir().join("journal.ron")).unwrap();
        env.rehab(&["note", "second"])
            .code(1)
            .stderr(contains(".lock"));
        env.rehab(&["profile", "set", "--minutes", "45"]).code(1);
        assert_eq!(
            fs::read(env.profile_dir().join("journal.ron")).unwrap(),
            journal
        );
        match make {
            "link" => assert_eq!(fs::read(&victim).unwrap(), b"keep"),
            "dangling" => assert!(!victim.exists(), "the link's target was created"),
            _ => assert!(fs::symlink_metadata(&lock).unwrap().file_type().is_fifo()),
        }
        env.rehab(&["doctor"])
            .code(1)
            .stdout(contains(".lock is"))
            .stdout(contains("not a regular file"));
    }
}

#[test]
fn a_link_to_a_data_file_is_read_but_never_written_through() {
    let env = Env::with_profile();
    let journal = env.profile_dir().join("journal.ron");
    let elsewhere = env.path().join("journal-elsewhere.ron");
    fs::rename(&journal, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &journal).unwrap();
    env.rehab(&["history"]).success();
    let before = fs::read(&elsewhere).unwrap();
    env.rehab(&["note", "second"])
        .code(1)
        .stderr(contains("symbolic link"));
    assert_eq!(fs::read(&elsewhere).unwrap(), before);
    assert!(
        fs::symlink_metadata(&journal)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn leftover_temporary_files_are_removed_under_the_lock_and_doctor_says_so() {
    let env = Env::with_profile();
    let dir = env.profile_dir();
    for name in [".tmp-profile.ron.99999.0", ".tmp-journal.ron.99998.3"] {
        fs::write(dir.join(name), b"half a save").unwrap();
    }
    fs::create_dir(dir.join(".tmp-not-ours")).unwrap();
    env.rehab(&["doctor"])
        .success()
        .stdout(contains("cleaned: removed .tmp-journal.ron.99998.3"))
        .stdout(contains("cleaned: removed .tmp-profile.ron.99999.0"))
        .stdout(contains("All good"));
    assert!(!dir.join(".tmp-profile.ron.99999.0").exists());
    assert!(dir.join(".tmp-not-ours").is_dir(), "only files are removed");
    // A profile rewrite sweeps them too.
    fs::write(dir.join(".tmp-profile.ron.99997.1"), b"half").unwrap();
    env.rehab(&["profile", "set", "--minutes", "45"]).success();
    assert!(!dir.join(".tmp-profile.ron.99997.1").exists());
}

#[test]
fn a_failed_profile_new_leaves_nothing_behind() {
    let env = Env::new();
    let dir = env.path().join("data/profiles/me");
    fs::create_dir_all(env.path().join("data/profiles")).unwrap();
    // A read-only profiles folder: the create fails at once and leaves nothing.
    if !is_root() {
        let mut perms = fs::metadata(env.path().join("data/profiles"))
            .unwrap()
            .permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o500);
        fs::set_permissions(env.path().join("data/profiles"), perms).unwrap();
        env.rehab(&["profile", "new", "me", "--condition", "pfps"])
            .code(1);
        assert!(!dir.exists());
        return;
    }
    // As root, a full disk in a mount namespace of its own: a 64 KiB tmpfs, filled.
    if std::process::Command::new("unshare")
        .args(["-m", "true"])
        .status()
        .map_or(true, |s| !s.success())
    {
        assert!(
            !crate::tui_common::under_ci(),
            "`unshare -m` is not available; CI runs as root and must allow it"
        );
        eprintln!("unshare -m is not available here; skipped the full-disk case");
        return;
    }
    let mnt = env.path().join("small");
    fs::create_dir(&mnt).unwrap();
    let script = format!(
        "set -e; mount -t tmpfs -o size=64k tmpfs '{m}'; \
         mkdir -p '{m}/data/profiles/keep'; \
         dd if=/dev/zero of='{m}/fill' bs=4k 2>/dev/null || true; \
         for args in 'profile new me --condition pfps' 'profile new you --condition itbs'; do \
           if '{bin}' --data-dir '{m}/data' $args 2>>'{out}/err'; then echo created >>'{out}/err'; fi; \
         done; \
         ls -A '{m}/data/profiles' >'{out}/left'",
        m = mnt.display(),
        bin = env!("CARGO_BIN_EXE_rehab"),
        out = env.path().display(),
    );
    let status = std::process::Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c", &script])
        .env("REHAB_TODAY", "2026-11-25")
        .env("REHAB_LIBRARY", env.path().join("library"))
        .status()
        .unwrap();
    assert!(status.success());
    let err = fs::read_to_string(env.path().join("err")).unwrap();
    assert!(!err.contains("created"), "{err}");
    assert!(err.contains("disk is full"), "{err}");
    assert_eq!(
        fs::read_to_string(env.path().join("left")).unwrap().trim(),
        "keep",
        "a failed create left a folder: {err}"
    );
}
