//! Writes a printed plan to a file: never over an existing file unless forced, never over
//! anything but a regular file even when forced (the rule of `store::files`), and never half a
//! plan (the text goes to a temporary file in the same folder, synced, then moved into place).
//! Standard output is `-o -` or no `-o`; the command line handles that before coming here.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Why a plan could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists; add --force to overwrite it", crate::text::path(.0))]
    Exists(PathBuf),
    #[error("cannot write {}: the folder {} does not exist", crate::text::path(.path), crate::text::path(.folder))]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("cannot write {}: no permission to write in {}", crate::text::path(.path), crate::text::path(.folder))]
    NoPermission { path: PathBuf, folder: PathBuf },
    #[error("cannot write {}: it is a folder", crate::text::path(.0))]
    IsFolder(PathBuf),
    /// A device, a pipe, a socket or a symbolic link: refused with or without --force.
    #[error(
        "cannot write {}: it is {what}, not a regular file; a plan is written only to a new \
         file or over a regular one, never through a link (for standard output leave out -o, \
         or give -o -)",
        crate::text::path(.path)
    )]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("cannot write {}: {source}", crate::text::path(.path))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes `contents` to `path`. Without `force` an existing file is left untouched and reported.
pub fn write_plan(path: &Path, contents: &str, force: bool) -> Result<(), WriteError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => return Err(WriteError::IsFolder(path.to_path_buf())),
        Ok(meta) => {
            if let Some(what) = super::files::not_regular(&meta) {
                return Err(WriteError::NotRegular {
                    path: path.to_path_buf(),
                    what,
                });
            }
        }
        Err(_) => {}
    }
    if !folder.is_dir() {
        return Err(WriteError::NoFolder {
            path: path.to_path_buf(),
            folder,
        });
    }
    if !force && fs::symlink_metadata(path).is_ok() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let io = |source: std::io::Error| match source.kind() {
        ErrorKind::PermissionDenied => WriteError::NoPermission {
            path: path.to_path_buf(),
            folder: folder.clone(),
        },
        _ => WriteError::Io {
            path: path.to_path_buf(),
            source,
        },
    };
    sweep_leftovers(path, &folder);
    let temp = temp_path(path, &folder);
    let contents = crate::text::clean_block(contents);
    // A replaced file keeps its permissions (and owner, where this account may set it): a
    // private report stays private.
    let old = if force {
        fs::symlink_metadata(path).ok()
    } else {
        None
    };
    let written = write_temp(&temp, &contents, old.as_ref())
        .map_err(io)
        .and_then(|()| {
            if force {
                // Checked again just before the rename: only a regular file is ever replaced.
                super::files::check_writable(path)
                    .and_then(|()| fs::rename(&temp, path))
                    .map_err(io)
            } else {
                place_new(&temp, path).map_err(|e| match e.kind() {
                    ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()),
                    _ => io(e),
                })
            }
        });
    // The temporary file is gone after a rename; after any failure it must not be left behind.
    let _ = fs::remove_file(&temp);
    written
}

fn temp_path(path: &Path, folder: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or("plan".into(), |n| n.to_string_lossy().into_owned());
    folder.join(format!(".{name}.{}.tmp", std::process::id()))
}

fn write_temp(temp: &Path, contents: &str, old: Option<&fs::Metadata>) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    // Held while the file is ours: a later run that can take the lock knows its writer died.
    file.lock()?;
    #[cfg(unix)]
    if let Some(old) = old {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))?;
        let now = file.metadata()?;
        if (now.uid(), now.gid()) != (old.uid(), old.gid()) {
            // Only root may give a file away; anyone else keeps the mode, which is what guards it.
            let _ = std::os::unix::fs::fchown(&file, Some(old.uid()), Some(old.gid()));
        }
    }
    #[cfg(not(unix))]
    let _ = old;
    file.write_all(contents.as_bytes())?;
    file.sync_all()
}

/// Removes this output's temporary files that a killed run left (`.NAME.PID.tmp`): only those
/// named for this very file, only regular files, and only when no writer holds them (each
/// writer locks its temporary file) and they are a few seconds old.
fn sweep_leftovers(path: &Path, folder: &Path) {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let is_ours = file_name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        if !is_ours || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let old_enough = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= std::time::Duration::from_secs(2));
        if !old_enough {
            continue;
        }
        let leftover = entry.path();
        let Ok(file) = super::files::open_lock(&leftover, false) else {
            continue;
        };
        if file.try_lock().is_ok() {
            let _ = fs::remove_file(&leftover);
        }
    }
}

/// Moves the finished file into place only if nothing is there: a hard link fails on an existing
/// name, so a file that appears meanwhile is never clobbered. Filesystems without hard links fall
/// back to a checked rename.
fn place_new(temp: &Path, path: &Path) -> std::io::Result<()> {
    match fs::hard_link(temp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(e),
        Err(_) if fs::symlink_metadata(path).is_ok() => {
            Err(std::io::Error::from(ErrorKind::AlreadyExists))
        }
        Err(_) => fs::rename(temp, path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_then_forces() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.txt");
        write_plan(&path, "first", false).expect("new file");
        let err = write_plan(&path, "second", false).expect_err("must refuse");
        assert!(matches!(err, WriteError::Exists(_)), "{err}");
        assert_eq!(fs::read_to_string(&path).expect("read"), "first");
        write_plan(&path, "third", true).expect("forced");
        assert_eq!(fs::read_to_string(&path).expect("read"), "third");
        let left: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn a_forced_replacement_keeps_the_old_files_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("report.html");
        for mode in [0o600, 0o640, 0o444] {
            write_plan(&path, "old", true).expect("first");
            fs::set_permissions(&path, fs::Permissions::from_mode(mode)).expect("chmod");
            write_plan(&path, "new", true).expect("forced");
            let now = fs::metadata(&path).expect("stat").permissions().mode() & 0o7777;
            assert_eq!(now, mode, "mode {mode:o} became {now:o}");
            fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
            fs::remove_file(&path).expect("rm");
        }
    }

    #[test]
    fn a_killed_writers_temporary_file_is_removed_by_the_next_run() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("plan.md");
        let dead = dir.path().join(".plan.md.999999.tmp");
        let other = dir.path().join(".other.md.999999.tmp");
        let held = dir.path().join(".plan.md.999998.tmp");
        for f in [&dead, &other, &held] {
            fs::write(f, "half").expect("write");
        }
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
        for f in [&dead, &other, &held] {
            fs::File::options()
                .write(true)
                .open(f)
                .and_then(|f| f.set_modified(old))
                .expect("age");
        }
        // A live writer holds its lock: its file is left alone.
        let live = fs::File::open(&held).expect("open");
        live.lock().expect("lock");
        write_plan(&path, "plan", false).expect("write");
        assert!(!dead.exists(), "a dead writer's temporary file is left");
        assert!(held.exists(), "a live writer's temporary file was removed");
        assert!(other.exists(), "another output's file was touched");
    }

    #[test]
    fn names_a_missing_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("nope").join("plan.html");
        let err = write_plan(&path, "x", false).expect_err("no folder");
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn refuses_a_folder_as_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = write_plan(dir.path(), "x", true).expect_err("a folder");
        assert!(matches!(err, WriteError::IsFolder(_)), "{err}");
    }
}
