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

/// What `clinic init` did with a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    Made,
    /// It was there, open to others (the old mode); now it is owner-only.
    Tightened(u32),
    Kept,
}

/// Makes `folder` (and any missing parent) owner-only (0700), or makes an existing one so:
/// every patient's session runs as the one account, so nobody else may read or write there.
pub fn private_folder(folder: &Path) -> Result<Folder, KeysError> {
    match std::fs::symlink_metadata(folder) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            super::files::make_private_folder(folder).map_err(io_error("make", folder))?;
            Ok(Folder::Made)
        }
        Err(e) => Err(io_error("read", folder)(e)),
        Ok(meta) if !meta.is_dir() => Err(KeysError::Refused(format!(
            "{} is not a folder; give another --data-dir",
            crate::text::path(folder)
        ))),
        Ok(meta) => tighten(folder, &meta),
    }
}

#[cfg(unix)]
fn tighten(folder: &Path, meta: &std::fs::Metadata) -> Result<Folder, KeysError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o7777;
    if mode & 0o077 == 0 {
        return Ok(Folder::Kept);
    }
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
        .map_err(io_error("make owner-only", folder))?;
    Ok(Folder::Tightened(mode))
}

#[cfg(not(unix))]
fn tighten(_: &Path, _: &std::fs::Metadata) -> Result<Folder, KeysError> {
    Ok(Folder::Kept)
}

/// Whether this process runs as root: then `clinic init` leaves the folders to the account,
/// which must own them.
pub fn running_as_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // /proc/self belongs to the process's effective user.
        std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
    #[cfg(not(unix))]
    false
}

/// Writes sshd's drop-in: a new file 0644, as sshd's own are; a different file already there
/// is replaced only with `force`.
pub fn write_drop_in(path: &Path, text: &str, force: bool) -> Result<(), KeysError> {
    match read(path, Limit::AuthorizedKeys) {
        Ok(old) if old == text.as_bytes() => return Ok(()),
        Ok(_) if !force => {
            return Err(KeysError::Refused(format!(
                "--sshd-config: {} exists with other settings; --force replaces it",
                crate::text::path(path)
            )));
        }
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io_error("read", path)(e)),
        _ => {}
    }
    #[cfg(unix)]
    let written = super::atomic::write_atomic_keeping(path, text.as_bytes(), 0o644);
    #[cfg(not(unix))]
    let written = super::atomic::write_atomic(path, text.as_bytes());
    written.map_err(io_error("write", path))
}

/// What `sshd -t` said of a configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SshdCheck {
    Passed,
    /// sshd's own words.
    Failed(String),
    /// No sshd (or ssh-keygen) on this machine.
    NotInstalled,
    /// sshd could not check anything here, and says why (as root before the ssh service has
    /// ever started, it wants its privilege-separation folder).
    NotRun(String),
}

/// Runs `sshd -t` on `text` alone, with a throwaway host key in a private temporary folder
/// (sshd refuses a configuration without a host key it can read, and the server's own are
/// root's).
pub fn check_sshd(text: &str) -> SshdCheck {
    let Some(sshd) = ["/usr/sbin/sshd", "/usr/local/sbin/sshd"]
        .iter()
        .map(Path::new)
        .find(|p| p.is_file())
    else {
        return SshdCheck::NotInstalled;
    };
    // A new folder of our own, never one already there (someone else's, in a shared /tmp).
    let mut dir = PathBuf::new();
    let mut made = Err(io::Error::other("no temporary folder"));
    for n in 0..100 {
        dir = std::env::temp_dir().join(format!("rehab-sshd-check-{}-{n}", std::process::id()));
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        made = builder.create(&dir);
        if !matches!(&made, Err(e) if e.kind() == io::ErrorKind::AlreadyExists) {
            break;
        }
    }
    if let Err(e) = made {
        return SshdCheck::Failed(format!("cannot make a temporary folder for sshd -t: {e}"));
    }
    let checked = (|| -> io::Result<SshdCheck> {
        let config = dir.join("sshd_config");
        let key = dir.join("host_ed25519");
        std::fs::write(&config, text)?;
        let keygen = std::process::Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&key)
            .stdin(std::process::Stdio::null())
            .output();
        match keygen {
            Ok(out) if out.status.success() => {}
            _ => return Ok(SshdCheck::NotInstalled),
        }
        let out = std::process::Command::new(sshd)
            .arg("-t")
            .arg("-f")
            .arg(&config)
            .arg("-h")
            .arg(&key)
            .stdin(std::process::Stdio::null())
            .output()?;
        let said = crate::text::clean(String::from_utf8_lossy(&out.stderr).trim()).into_owned();
        Ok(if out.status.success() {
            SshdCheck::Passed
        } else if said.contains("privilege separation directory") {
            SshdCheck::NotRun(said)
        } else {
            SshdCheck::Failed(said)
        })
    })();
    let _ = std::fs::remove_dir_all(&dir);
    checked.unwrap_or_else(|e| SshdCheck::Failed(format!("cannot run sshd -t: {e}")))
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
    fn a_clinic_folder_is_made_or_made_owner_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("srv/data");
        assert_eq!(private_folder(&data).expect("made"), Folder::Made);
        let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        assert_eq!(private_folder(&data).expect("kept"), Folder::Kept);
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        assert_eq!(
            private_folder(&data).expect("tightened"),
            Folder::Tightened(0o755)
        );
        assert_eq!(mode(&data), 0o700);
        std::fs::write(dir.path().join("file"), b"").expect("write");
        assert!(private_folder(&dir.path().join("file")).is_err());
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
