//! Safe rewrites and advisory locks.
//!
//! A rewrite goes to a temporary file in the same folder, is flushed to disk, renamed over the
//! old file and the folder is flushed too: after a crash the file is either all old or all new.
//! Writers of one profile take its lock file exclusively; whole-file readers take it shared.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// The lock file in each profile folder.
pub const LOCK_FILE: &str = ".lock";
/// Temporary files start with this, so `rehab doctor` can spot ones a crash left behind.
pub const TEMP_PREFIX: &str = ".tmp-";

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Replaces `path` with `bytes` atomically. On any error the old file is untouched and the
/// temporary file is removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_as(path, bytes, true, |_| Ok(()))
}

/// [`write_atomic`] without waiting for the disk: for a derived file that carries its own
/// checksum and is rebuilt when it does not check out, so a crash that loses or tears it costs
/// only the work of making it again. Two syncs per file would cost more than the work it saves
/// (the overview writes hundreds).
pub fn write_atomic_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_as(path, bytes, false, |_| Ok(()))
}

/// [`write_atomic`] keeping the old file's permissions and owner (where this process may set
/// them), or `mode` for a new file: for a file another program checks, like sshd's
/// `authorized_keys`.
#[cfg(unix)]
pub fn write_atomic_keeping(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let old = fs::symlink_metadata(path).ok();
    write_atomic_as(path, bytes, true, |temp| {
        let mode = old.as_ref().map_or(mode, |m| m.mode() & 0o7777);
        temp.set_permissions(fs::Permissions::from_mode(mode))?;
        if let Some(old) = &old {
            let now = temp.metadata()?;
            if (now.uid(), now.gid()) != (old.uid(), old.gid()) {
                std::os::unix::fs::fchown(temp, Some(old.uid()), Some(old.gid()))?;
            }
        }
        Ok(())
    })
}

/// The rewrite, with `prepare` run on the temporary file before anything is written to it.
fn write_atomic_as(
    path: &Path,
    bytes: &[u8],
    sync: bool,
    prepare: impl FnOnce(&File) -> io::Result<()>,
) -> io::Result<()> {
    // Only a regular file is replaced: never a link, a device, a pipe or a folder.
    super::files::check_writable(path)?;
    // A bare file name's parent is "", which cannot be opened to sync: it is ".".
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let file_name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let (temp_path, mut temp) = loop {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let candidate = dir.join(format!(
            "{TEMP_PREFIX}{file_name}.{}.{n}",
            std::process::id()
        ));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => break (candidate, file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    };
    let written = prepare(&temp)
        .and_then(|()| temp.write_all(bytes))
        .and_then(|()| if sync { temp.sync_all() } else { Ok(()) })
        .and_then(|()| fs::rename(&temp_path, path));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp_path);
        return Err(e);
    }
    if sync { sync_dir(dir) } else { Ok(()) }
}

/// Removes temporary files a killed writer left in `dir`. The caller holds the folder's lock
/// exclusively: every writer makes and renames its temporary file while holding that lock, so
/// any temporary file seen now is older than every live writer and nobody will rename it. Only
/// regular files named like ours are removed. Returns the names removed.
pub fn sweep_temps_locked(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    removed.sort();
    removed
}

/// [`sweep_temps_locked`] for a caller without the lock (`rehab doctor`): takes it without
/// waiting. `Ok(None)` when another process holds it (a save under way: nothing is touched).
pub fn sweep_temps(dir: &Path) -> io::Result<Option<Vec<String>>> {
    let file = super::files::open_lock(&dir.join(LOCK_FILE), true)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(sweep_temps_locked(dir))),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Flushes a folder's entries (a rename, a new file) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// A held advisory lock on a profile folder; dropping it unlocks.
#[derive(Debug)]
pub struct DirLock {
    _file: File,
}

/// Takes the folder's lock exclusively, waiting for other holders.
pub fn lock_exclusive(dir: &Path) -> io::Result<DirLock> {
    lock_file_exclusive(&dir.join(LOCK_FILE))
}

/// Takes the lock file `path` exclusively (made when missing), waiting for other holders.
pub fn lock_file_exclusive(path: &Path) -> io::Result<DirLock> {
    let file = super::files::open_lock(path, true)?;
    file.lock()?;
    Ok(DirLock { _file: file })
}

/// Takes the folder's lock shared, for reading a whole file without meeting a half-done write.
/// `None` when there is no lock file and none can be made (a read-only folder, where nobody
/// can be writing either).
pub fn lock_shared(dir: &Path) -> Option<DirLock> {
    let path = dir.join(LOCK_FILE);
    // A lock file that is a link or not a regular file is never touched: read unlocked (the
    // writers refuse to work in such a folder, and `rehab doctor` names the file).
    let file = super::files::open_lock(&path, true)
        .or_else(|_| super::files::open_lock(&path, false))
        .ok()?;
    file.lock_shared().ok()?;
    Some(DirLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rewrite_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("profile.ron");
        write_atomic(&path, b"old").expect("first write");
        write_atomic(&path, b"new").expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"new");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec!["profile.ron"]);
    }

    #[test]
    fn a_failed_rewrite_keeps_the_old_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Renaming a file over a non-empty folder fails after the temporary is written.
        let target = dir.path().join("taken");
        fs::create_dir(&target).expect("mkdir");
        fs::write(target.join("keep"), b"data").expect("write");
        assert!(write_atomic(&target, b"new").is_err());
        assert_eq!(fs::read(target.join("keep")).expect("read"), b"data");
        assert_eq!(
            fs::read_dir(dir.path()).expect("list").count(),
            1,
            "temp left"
        );
    }

    #[test]
    fn a_sweep_removes_only_our_leftover_regular_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        for name in [
            ".tmp-profile.ron.1.0",
            ".tmp-journal.ron.2.5",
            "profile.ron",
            "x.tmp",
        ] {
            fs::write(d.join(name), b"x").expect("write");
        }
        fs::create_dir(d.join(".tmp-folder")).expect("mkdir");
        let removed = sweep_temps(d).expect("sweep").expect("not busy");
        assert_eq!(removed, [".tmp-journal.ron.2.5", ".tmp-profile.ron.1.0"]);
        assert!(d.join("profile.ron").exists() && d.join("x.tmp").exists());
        assert!(d.join(".tmp-folder").is_dir());
        // While another holder has the lock, nothing is touched.
        fs::write(d.join(".tmp-profile.ron.3.0"), b"x").expect("write");
        let held = lock_exclusive(d).expect("lock");
        assert_eq!(sweep_temps(d).expect("sweep"), None);
        drop(held);
        assert!(d.join(".tmp-profile.ron.3.0").exists());
    }

    #[test]
    fn an_exclusive_lock_excludes_a_second_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let held = lock_exclusive(dir.path()).expect("lock");
        let other = File::open(dir.path().join(LOCK_FILE)).expect("open");
        assert!(other.try_lock().is_err(), "second exclusive lock granted");
        drop(held);
        assert!(other.try_lock().is_ok(), "lock not released on drop");
    }
}
