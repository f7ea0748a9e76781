//! The one place rehab opens a file, with one rule for what a file must be.
//!
//! - **Reading** follows a symbolic link, but only to a regular file. A folder, a named pipe, a
//!   device or a socket is refused *before* it is opened (so nothing can block or read forever),
//!   the open itself is non-blocking, and the open handle is checked again. At most the limit
//!   of that kind of file ([`Limit`]) is read; a longer file is refused, not cut.
//! - **Writing** (a rewrite, an append, a new file, a lock file) goes only to a name that holds
//!   nothing yet or holds a regular file itself. A symbolic link is never written through and
//!   never replaced; a folder, a named pipe, a device or a socket is refused.
//!
//! Refusals are `io::Error`s carrying a [`Refused`], so every caller words them the same way.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The most rehab reads of each kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// A journal: a line a check-off, so a century of use is far below this.
    Journal,
    /// A profile file.
    Profile,
    /// The key-binding file.
    Keymap,
    /// A library file (`rehab check`, the library folder).
    Library,
    /// An sshd `authorized_keys` file (`rehab clinic`).
    AuthorizedKeys,
    /// A watch's GPX, TCX or FIT file (`rehab runs import`), from disk or standard input.
    WatchFile,
}

impl Limit {
    pub fn bytes(self) -> u64 {
        match self {
            Limit::Journal => 64 << 20,
            Limit::Profile => 1 << 20,
            Limit::Keymap => 64 << 10,
            Limit::Library => 8 << 20,
            Limit::AuthorizedKeys => 4 << 20,
            Limit::WatchFile => crate::runs::MAX_FILE_BYTES as u64,
        }
    }

    fn what(self) -> &'static str {
        match self {
            Limit::Journal => "a journal",
            Limit::Profile => "a profile",
            Limit::Keymap => "a key file",
            Limit::Library => "a library file",
            Limit::AuthorizedKeys => "an authorized_keys file",
            Limit::WatchFile => "a watch's activity file",
        }
    }
}

/// Why a file was refused without being read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("{}: {}", crate::text::path(.path), self.reason())]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("{}: {}", crate::text::path(.path), self.reason())]
    Link { path: PathBuf },
    #[error("{}: {}", crate::text::path(.path), self.reason())]
    TooLarge { path: PathBuf, limit: Limit },
}

impl Refused {
    /// What is wrong, without the path (for a message that names it already).
    pub fn reason(&self) -> String {
        match self {
            Refused::NotRegular { what, .. } => format!(
                "it is {what}, not a regular file; rehab reads and writes only regular files \
                 (move it away)"
            ),
            Refused::Link { .. } => "it is a symbolic link; rehab writes only to a regular file \
                                     itself, never through or over a link"
                .to_string(),
            Refused::TooLarge { limit, .. } => format!(
                "it is larger than {} may be ({} bytes), so it was not read",
                limit.what(),
                limit.bytes()
            ),
        }
    }

    fn into_io(self) -> io::Error {
        let kind = match self {
            Refused::TooLarge { .. } => io::ErrorKind::FileTooLarge,
            _ => io::ErrorKind::InvalidInput,
        };
        io::Error::new(kind, self)
    }

    /// The refusal inside an I/O error, if that is what it is.
    pub fn of(e: &io::Error) -> Option<&Refused> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<Refused>())
    }
}

/// What a file that is not a regular file is, in words (`None` for a regular file).
pub fn not_regular(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    if t.is_symlink() {
        return Some("a symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

fn check_regular(path: &Path, meta: &Metadata) -> io::Result<()> {
    match not_regular(meta) {
        None => Ok(()),
        Some(_) if meta.file_type().is_symlink() => Err(Refused::Link {
            path: path.to_path_buf(),
        }
        .into_io()),
        Some(what) => Err(Refused::NotRegular {
            path: path.to_path_buf(),
            what,
        }
        .into_io()),
    }
}

/// Flags for every open: never block on a pipe or device, never take a terminal as ours;
/// `nofollow` also refuses a symbolic link at the last step of the path.
fn flags(options: &mut OpenOptions, nofollow: bool) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = libc::O_NONBLOCK | libc::O_NOCTTY;
        if nofollow {
            f |= libc::O_NOFOLLOW;
        }
        options.custom_flags(f);
    }
    #[cfg(not(unix))]
    let _ = (options, nofollow);
}

/// A link at the last step makes O_NOFOLLOW fail with ELOOP: say so in words.
fn link_refusal(path: &Path, e: io::Error) -> io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP)
        && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
    {
        return Refused::Link {
            path: path.to_path_buf(),
        }
        .into_io();
    }
    let _ = path;
    e
}

/// Opens a file for reading by the rule above (a missing file is `NotFound`, as usual).
pub fn open_read(path: &Path) -> io::Result<File> {
    check_regular(path, &std::fs::metadata(path)?)?;
    let mut options = OpenOptions::new();
    options.read(true);
    flags(&mut options, false);
    let file = options.open(path)?;
    // The name may have been swapped between the check and the open.
    check_regular(path, &file.metadata()?)?;
    Ok(file)
}

/// Reads what is left of `file` (from its position), refusing more than `limit` allows in all
/// (`already` bytes before the position count too).
pub fn read_rest(file: &mut File, path: &Path, limit: Limit, already: u64) -> io::Result<Vec<u8>> {
    let room = limit.bytes().saturating_sub(already);
    // Sized from the file's length, a byte more to see its end: a cache of hundreds of
    // kilobytes comes in one read (`read_to_end` through a limit probes in doubling steps).
    // Zeroed memory costs nothing until the read fills it.
    let expected = file
        .metadata()
        .map_or(0, |m| m.len().saturating_sub(already).min(room));
    let expected = usize::try_from(expected).unwrap_or(0);
    let mut bytes = vec![0u8; expected.saturating_add(1)];
    let mut limited = file.take(room.saturating_add(1));
    let mut filled = 0;
    while filled < bytes.len() {
        match limited.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
    if filled > expected {
        // It grew since its length was read: the rest, still within the limit.
        limited.read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > room {
        return Err(Refused::TooLarge {
            path: path.to_path_buf(),
            limit,
        }
        .into_io());
    }
    Ok(bytes)
}

/// A whole file, read by the rule above.
pub fn read(path: &Path, limit: Limit) -> io::Result<Vec<u8>> {
    let mut file = open_read(path)?;
    if file.metadata()?.len() > limit.bytes() {
        return Err(Refused::TooLarge {
            path: path.to_path_buf(),
            limit,
        }
        .into_io());
    }
    let mut bytes = read_rest(&mut file, path, limit, 0)?;
    // Editors on some systems start a UTF-8 file with a byte-order mark; it is no part of the
    // text. (A journal is read in place, by byte offsets its cache records: not here.)
    if limit != Limit::Journal && bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    Ok(bytes)
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A whole text file, or `None` when there is none (a file that is not UTF-8 is an error).
pub fn read_text(path: &Path, limit: Limit) -> io::Result<Option<String>> {
    match read(path, limit) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|e| {
            let (line, column) = crate::text::line_column(
                &String::from_utf8_lossy(e.as_bytes()),
                e.utf8_error().valid_up_to(),
            );
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("line {line}, column {column} is not UTF-8 text"),
            )
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Checks that `path` may be written: nothing there, or a regular file (not a link to one).
pub fn check_writable(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) => check_regular(path, &meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Makes a folder and any missing parents, readable by this account alone (0700 on Unix).
pub fn make_private_folder(folder: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}

/// Opens an existing regular file to read and append (the journal). `NotFound` when absent.
pub fn open_append(path: &Path) -> io::Result<File> {
    check_regular(path, &std::fs::symlink_metadata(path)?)?;
    let mut options = OpenOptions::new();
    options.read(true).append(true);
    flags(&mut options, true);
    let file = options.open(path).map_err(|e| link_refusal(path, e))?;
    check_regular(path, &file.metadata()?)?;
    Ok(file)
}

/// Opens (creating when absent) a lock file: never through a link, never anything but a
/// regular file. With `create` false a missing file is `NotFound`.
pub fn open_lock(path: &Path, write: bool) -> io::Result<File> {
    check_writable(path)?;
    let mut options = OpenOptions::new();
    options.read(true);
    if write {
        options.write(true).create(true).truncate(false);
    }
    flags(&mut options, true);
    let file = options.open(path).map_err(|e| link_refusal(path, e))?;
    check_regular(path, &file.metadata()?)?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_ordered_sensibly() {
        assert!(Limit::Keymap.bytes() < Limit::Profile.bytes());
        assert!(Limit::Profile.bytes() < Limit::Library.bytes());
        assert!(Limit::Library.bytes() < Limit::Journal.bytes());
    }

    #[test]
    fn a_long_file_is_refused_not_cut() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("keys.ron");
        std::fs::write(&path, vec![b' '; Limit::Keymap.bytes() as usize + 1]).expect("write");
        let err = read(&path, Limit::Keymap).expect_err("too long");
        assert!(
            matches!(Refused::of(&err), Some(Refused::TooLarge { .. })),
            "{err}"
        );
        std::fs::write(&path, vec![b' '; Limit::Keymap.bytes() as usize]).expect("write");
        assert_eq!(
            read(&path, Limit::Keymap).expect("fits").len() as u64,
            Limit::Keymap.bytes()
        );
    }

    #[test]
    fn a_byte_order_mark_is_no_part_of_a_text_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("keys.ron");
        std::fs::write(&path, b"\xEF\xBB\xBF{}").expect("write");
        for limit in [Limit::Keymap, Limit::Profile, Limit::Library] {
            assert_eq!(read(&path, limit).expect("read"), b"{}");
        }
        assert_eq!(
            read_text(&path, Limit::Keymap).expect("read").as_deref(),
            Some("{}")
        );
        // Only at the start: one inside the text is the text's.
        std::fs::write(&path, b"{\xEF\xBB\xBF}").expect("write");
        assert_eq!(read(&path, Limit::Keymap).expect("read").len(), 5);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_read_through_but_never_written_through() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("real");
        std::fs::write(&target, b"data").expect("write");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        assert_eq!(read(&link, Limit::Profile).expect("read"), b"data");
        for err in [
            check_writable(&link).expect_err("write"),
            open_append(&link).expect_err("append"),
            open_lock(&link, true).expect_err("lock"),
        ] {
            assert!(
                matches!(Refused::of(&err), Some(Refused::Link { .. })),
                "{err}"
            );
        }
        assert_eq!(std::fs::read(&target).expect("read"), b"data");
    }
}
