//! sshd's `authorized_keys` on disk for `rehab clinic`: read by the store's rule (a regular
//! file, at most 4 MiB), changed under a lock file beside it so two clinicians at once lose
//! neither change, and replaced atomically keeping its permissions and owner (a new file is
//! 0600, in a folder made 0700, as sshd's StrictModes wants). What changes is decided by
//! `clinic::keys`; this only moves the bytes.

use std::io;
use std::path::{Path, PathBuf};

use super::describe_io;
use super::files::{Limit, read};

/// Why the file was not changed.
#[derive(Debug, thiserror::Error)]
pub enum KeysError {
    /// The change itself was refused (the key is there already, no such patient).
    #[error("{0}")]
    Refused(String),
    #[error("cannot {doing} {}: {}", crate::text::path(path), describe_io(source))]
    Io {
        doing: &'static str,
        path: PathBuf,
        source: io::Error,
    },
}

fn io_error(doing: &'static str, path: &Path) -> impl FnOnce(io::Error) -> KeysError {
    let path = path.to_path_buf();
    move |source| KeysError::Io {
        doing,
        path,
        source,
    }
}

/// The file's bytes; a missing file is an empty one.
pub fn read_keys(path: &Path) -> Result<Vec<u8>, KeysError> {
    match read(path, Limit::AuthorizedKeys) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(io_error("read", path)(e)),
    }
}

/// Reads the file under its lock, asks `change` for the new bytes and writes them atomically
/// (nothing is written when `change` refuses or changes nothing). Returns what `change` said.
pub fn update_keys<T>(
    path: &Path,
    change: impl FnOnce(&[u8]) -> Result<(Vec<u8>, T), String>,
) -> Result<T, KeysError> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.exists() {
        super::files::make_private_folder(&folder).map_err(io_error("make the folder", &folder))?;
    }
    let name = path
        .file_name()
        .map_or_else(|| "authorized_keys".into(), |n| n.to_string_lossy());
    let lock_path = folder.join(format!(".{name}.rehab-lock"));
    let _lock =
        super::atomic::lock_file_exclusive(&lock_path).map_err(io_error("lock", &lock_path))?;
    let before = read_keys(path)?;
    let (after, said) = change(&before).map_err(KeysError::Refused)?;
    if after != before {
        write(path, &after).map_err(io_error("write", path))?;
    }
    Ok(said)
}

#[cfg(unix)]
fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    super::atomic::write_atomic_keeping(path, bytes, 0o600)
}

#[cfg(not(unix))]
fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    super::atomic::write_atomic(path, bytes)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_new_file_is_private_and_an_old_one_keeps_its_mode() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("ssh/authorized_keys");
        let said = update_keys(&path, |old| Ok(([old, b"line\n"].concat(), 1)));
        assert_eq!(said.expect("written"), 1);
        let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().expect("folder")), 0o700);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        update_keys(&path, |old| Ok(([old, b"two\n"].concat(), ()))).expect("written");
        assert_eq!(mode(&path), 0o640);
        assert_eq!(std::fs::read(&path).expect("read"), b"line\ntwo\n");
        // A refusal writes nothing.
        let refused = update_keys(&path, |_| Err::<(Vec<u8>, ()), _>("no".into()));
        assert!(matches!(refused, Err(KeysError::Refused(t)) if t == "no"));
        assert_eq!(std::fs::read(&path).expect("read"), b"line\ntwo\n");
    }

    #[test]
    fn a_link_is_never_written_through() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real");
        std::fs::write(&real, b"keep\n").expect("write");
        let link = dir.path().join("authorized_keys");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let r = update_keys(&link, |old| Ok(([old, b"x\n"].concat(), ())));
        assert!(r.is_err(), "{r:?}");
        assert_eq!(std::fs::read(&real).expect("read"), b"keep\n");
    }
}
