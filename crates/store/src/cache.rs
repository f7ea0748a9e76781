//! The journal's cache: its replayed state up to a point, beside it in `journal.cache`, so a
//! start reads ten years of days back in one go and parses only the lines written since.
//!
//! Derived and best effort. The journal stays the only source of truth: a cache is used only
//! when its format and the program's version are this build's, its own checksum holds, and the
//! journal's bytes up to the point it covers are the ones it was made from. That is known one
//! of two ways. The cache records the journal's stamp (inode, length and change time, as `stat`
//! gives them) from when its bytes were last checked: when the journal's stamp is still that,
//! nothing has written to it since, and the check costs one `stat`. Otherwise the covered bytes
//! are read and hashed (a few milliseconds at ten years), and a cache that passes is stamped
//! again, so the next start is quick. An edited, replaced or shortened journal is never read
//! through a stale cache; anything else is ignored and the journal is replayed in full. A cache
//! is replaced whole (a temporary file renamed over it) while the folder's lock is held, so two
//! writers each leave a complete cache that agrees with the journal's bytes it covers; a write
//! that fails changes nothing.

use rehab_domain::progress::Memo;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::time::{Duration, SystemTime};

use super::atomic::write_atomic_unsynced;
use super::files::{self, Limit};
use super::journal_codec::{decode_state_in, encode_state};
use rehab_domain::journal::{JournalState, Warning};

/// The journal cache's file name in a profile folder.
pub const CACHE_FILE: &str = "journal.cache";
/// The saved progression's file name in a profile folder.
pub const PROGRESS_FILE: &str = "progress.cache";

const MAGIC: &[u8] = b"rehab cache\n";
/// Bumped whenever the bytes below change meaning (7: a week carries whether it fits; 8: the
/// progression carries the phase's continuous runs; 9: the state holds the activities imported
/// from a watch; 10: the phase's runs kept by length, the latest few; 11: a screening
/// with the answers of the one before says so instead of repeating them; 12: the progression's
/// memo keys its inputs by their own hash, not their printed form).
const FORMAT: u32 = 12;
/// Hashing reads the journal this much at a time.
const HASH_BLOCK: usize = 64 << 10;
/// A cache is rewritten once this many journal bytes are past it: less is parsed in no time.
pub(super) const REWRITE_AFTER: u64 = 32 << 10;

/// What a cache holds: the journal as read up to `covered` bytes (whole lines).
#[derive(Debug)]
pub(super) struct Cached {
    pub version: u32,
    pub covered: u64,
    pub lines: usize,
    pub warnings: Vec<Warning>,
    pub state: JournalState,
}

/// The cache in `dir` when it is sound and agrees with `journal` (read from its start), whose
/// `stat` is `meta`, taken after `checked_at`; `None` otherwise.
pub(super) fn load(
    dir: &Path,
    journal: &mut File,
    meta: &std::fs::Metadata,
    checked_at: SystemTime,
) -> Option<Cached> {
    let journal_len = meta.len();
    let now = FileStamp::of(meta);
    let (bytes, body) = read_derived(&dir.join(CACHE_FILE), CACHE_FILE)?;
    let payload = &bytes[body..];
    let mut r = payload;
    let version = take_u32(&mut r)?;
    let covered = take_u64(&mut r)?;
    let lines = usize::try_from(take_u64(&mut r)?).ok()?;
    let journal_hash = take_u64(&mut r)?;
    let stamp = FileStamp::take(&mut r);
    let warnings = (0..take_u32(&mut r)?)
        .map(|_| {
            Some(Warning {
                line: usize::try_from(take_u64(&mut r)?).ok()?,
                message: take_text(&mut r)?.to_string(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    if covered == 0 || covered > journal_len {
        return None;
    }
    // Unwritten since the bytes were last checked: they are still the ones hashed.
    let unchanged = stamp.is_some() && stamp == now;
    if !unchanged {
        if hash_file(journal, covered).ok()? != journal_hash {
            return None;
        }
        // Checked now: stamped again (when the journal has settled), so the next start is quick.
        if let Some(settled) = now.filter(|s| s.settled(checked_at)) {
            let mut restamped = payload.to_vec();
            settled.put(&mut restamped[STAMP_AT..STAMP_AT + FileStamp::LEN]);
            write_derived(&dir.join(CACHE_FILE), CACHE_FILE, &restamped);
        }
    }
    let state_at = bytes.len() - r.len();
    let state = decode_state_in(bytes, state_at)?;
    Some(Cached {
        version,
        covered,
        lines,
        warnings,
        state,
    })
}

/// Where the journal's stamp sits in a cache's payload: after its version, covered bytes, lines
/// and the journal's hash.
const STAMP_AT: usize = 4 + 8 + 8 + 8;

/// A file's identity and last change, as `stat` gives them. Two equal stamps of a settled file
/// (see [`FileStamp::settled`]) mean nothing wrote to it between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    inode: u64,
    len: u64,
    changed_s: i64,
    changed_ns: u32,
}

impl FileStamp {
    /// Bytes a stamp takes in the cache (all zero for none).
    const LEN: usize = 8 + 8 + 8 + 4;

    #[cfg(unix)]
    fn of(meta: &std::fs::Metadata) -> Option<FileStamp> {
        use std::os::unix::fs::MetadataExt;
        Some(FileStamp {
            inode: meta.ino(),
            len: meta.len(),
            changed_s: meta.ctime(),
            changed_ns: u32::try_from(meta.ctime_nsec()).ok()?,
        })
    }

    /// Without a change time that no program can set, a cache is always checked in full.
    #[cfg(not(unix))]
    fn of(_meta: &std::fs::Metadata) -> Option<FileStamp> {
        None
    }

    /// Whether the file last changed well before `checked_at`, a clock reading taken before
    /// this stamp's `stat`. A write after the `stat` then gets a later change time, even where
    /// the file system's clock moves in coarse steps; a file written a moment ago could be
    /// written again within the same step and keep its stamp, so its stamp is not recorded.
    fn settled(&self, checked_at: SystemTime) -> bool {
        let changed = u64::try_from(self.changed_s)
            .ok()
            .and_then(|s| SystemTime::UNIX_EPOCH.checked_add(Duration::new(s, self.changed_ns)))
            .and_then(|t| t.checked_add(Duration::from_millis(SETTLE_MS)));
        changed.is_some_and(|settled_at| settled_at < checked_at)
    }

    fn put(&self, out: &mut [u8]) {
        out[..8].copy_from_slice(&self.inode.to_le_bytes());
        out[8..16].copy_from_slice(&self.len.to_le_bytes());
        out[16..24].copy_from_slice(&self.changed_s.to_le_bytes());
        out[24..28].copy_from_slice(&self.changed_ns.to_le_bytes());
    }

    fn write(stamp: Option<FileStamp>, out: &mut Vec<u8>) {
        let at = out.len();
        out.resize(at + FileStamp::LEN, 0);
        if let Some(stamp) = stamp {
            stamp.put(&mut out[at..]);
        }
    }

    /// The stamp a cache recorded, `None` for none (or a cut-short cache, which then fails
    /// at the next field).
    fn take(r: &mut &[u8]) -> Option<FileStamp> {
        let bytes = take(r, FileStamp::LEN)?;
        if bytes.iter().all(|&b| b == 0) {
            return None;
        }
        Some(FileStamp {
            inode: u64::from_le_bytes(bytes[..8].try_into().ok()?),
            len: u64::from_le_bytes(bytes[8..16].try_into().ok()?),
            changed_s: i64::from_le_bytes(bytes[16..24].try_into().ok()?),
            changed_ns: u32::from_le_bytes(bytes[24..28].try_into().ok()?),
        })
    }
}

/// How long a journal must have been left alone before its stamp is trusted (far more than the
/// coarsest clock step of a file system's change times).
const SETTLE_MS: u64 = 200;

/// Writes the cache for `journal`'s first `cached.covered` bytes. Best effort: a read-only
/// folder or a full disk only means the next start replays the journal. The caller holds the
/// folder's lock (shared is enough: a sweep of temporary files takes it exclusively).
pub(super) fn save(dir: &Path, journal: &mut File, cached: &CachedRef) {
    let checked_at = SystemTime::now();
    let stamp = journal
        .metadata()
        .ok()
        .and_then(|m| FileStamp::of(&m))
        .filter(|s| s.settled(checked_at));
    let Ok(journal_hash) = hash_file(journal, cached.covered) else {
        return;
    };
    let mut out = Vec::new();
    out.extend_from_slice(&cached.version.to_le_bytes());
    out.extend_from_slice(&cached.covered.to_le_bytes());
    out.extend_from_slice(&(cached.lines as u64).to_le_bytes());
    out.extend_from_slice(&journal_hash.to_le_bytes());
    FileStamp::write(stamp, &mut out);
    out.extend_from_slice(&(cached.warnings.len() as u32).to_le_bytes());
    for w in cached.warnings {
        out.extend_from_slice(&(w.line as u64).to_le_bytes());
        put_text(&mut out, &w.message);
    }
    out.extend_from_slice(&encode_state(cached.state));
    write_derived(&dir.join(CACHE_FILE), CACHE_FILE, &out);
}

/// The progression's memo saved in `dir` (the progression checks that it still holds), or an
/// empty one when there is no sound file.
pub(crate) fn read_memo(dir: &Path) -> Memo {
    read_derived(&dir.join(PROGRESS_FILE), PROGRESS_FILE)
        .and_then(|(mut bytes, body)| {
            bytes.drain(..body);
            String::from_utf8(bytes).ok()
        })
        .map_or_else(Memo::default, |text| Memo::from_text(&text))
}

/// Saves the progression's memo (best effort, like the journal's cache). The caller holds the
/// lock.
pub(crate) fn save_memo(dir: &Path, memo: &Memo) {
    if let Some(text) = memo.to_text() {
        write_derived(&dir.join(PROGRESS_FILE), PROGRESS_FILE, text.as_bytes());
    }
}

/// The bytes of a derived file written by [`write_derived`], when it is whole, of `kind` and of
/// this build, cut after its payload, and where the payload starts (a cache is kept as read,
/// not copied again).
fn read_derived(path: &Path, kind: &str) -> Option<(Vec<u8>, usize)> {
    let mut bytes = files::read(path, Limit::Journal).ok()?;
    let body_len = bytes.len().checked_sub(8)?;
    let (body, sum) = bytes.split_at(body_len);
    if u64::from_le_bytes(sum.try_into().ok()?) != hash(body) {
        return None;
    }
    let mut r = body.strip_prefix(MAGIC)?;
    let ours = take_u32(&mut r)? == FORMAT
        && take_text(&mut r)? == env!("CARGO_PKG_VERSION")
        && take_text(&mut r)? == kind;
    if !ours {
        return None;
    }
    let header = body_len - r.len();
    bytes.truncate(body_len);
    Some((bytes, header))
}

/// Replaces `path` with `payload` under a header naming its kind, this format and this build,
/// and a checksum. Best effort: a failed write leaves the old file or none. Not synced to disk:
/// a cache a crash tore fails its checksum and is made again.
fn write_derived(path: &Path, kind: &str, payload: &[u8]) {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT.to_le_bytes());
    put_text(&mut out, env!("CARGO_PKG_VERSION"));
    put_text(&mut out, kind);
    out.extend_from_slice(payload);
    let sum = hash(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    let _ = write_atomic_unsynced(path, &out);
}

/// What [`save`] writes, borrowed from the open journal.
pub(super) struct CachedRef<'a> {
    pub version: u32,
    pub covered: u64,
    pub lines: usize,
    pub warnings: &'a [Warning],
    pub state: &'a JournalState,
}

/// The hash of the first `len` bytes of `file`, read from its start a block at a time.
fn hash_file(file: &mut File, len: u64) -> io::Result<u64> {
    file.seek(SeekFrom::Start(0))?;
    let mut block = vec![0u8; HASH_BLOCK];
    let mut left = len;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    while left > 0 {
        let n = usize::try_from(left).map_or(HASH_BLOCK, |l| l.min(HASH_BLOCK));
        file.read_exact(&mut block[..n])?;
        h.update(&block[..n]);
        left -= n as u64;
    }
    Ok(h.digest())
}

/// The hash of bytes in memory (the cache's own checksum). XXH3: megabytes at every start
/// cost a fraction of a millisecond. Not a defence against forgery, which a cache that is
/// checked against the journal on every read does not need.
fn hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

fn put_text(out: &mut Vec<u8>, text: &str) {
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

fn take<'a>(r: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if r.len() < n {
        return None;
    }
    let (head, rest) = r.split_at(n);
    *r = rest;
    Some(head)
}

fn take_u32(r: &mut &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(take(r, 4)?.try_into().ok()?))
}

fn take_u64(r: &mut &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(take(r, 8)?.try_into().ok()?))
}

fn take_text<'a>(r: &mut &'a [u8]) -> Option<&'a str> {
    let n = take_u32(r)? as usize;
    std::str::from_utf8(take(r, n)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rehab_domain::journal::{JournalState, Record, format_record, header_line};
    use std::io::Write;

    fn journal_text(item: &str) -> String {
        let record = Record::Done {
            date: jiff::civil::Date::constant(2026, 11, 2),
            item: item.into(),
            sets: None,
        };
        header_line() + &format_record(&record)
    }

    /// The cache's payload with its recorded journal hash replaced, under a good checksum: only
    /// a load that skips hashing the journal still accepts it.
    fn forget_journal_hash(dir: &Path) {
        let (bytes, body) = read_derived(&dir.join(CACHE_FILE), CACHE_FILE).expect("a cache");
        let mut payload = bytes[body..].to_vec();
        payload[4 + 8 + 8..STAMP_AT].copy_from_slice(&7u64.to_le_bytes());
        write_derived(&dir.join(CACHE_FILE), CACHE_FILE, &payload);
    }

    fn load_now(dir: &Path, journal: &mut File) -> Option<Cached> {
        let checked_at = SystemTime::now();
        let meta = journal.metadata().expect("stat");
        load(dir, journal, &meta, checked_at)
    }

    /// A one-record journal written just now in `dir`: its path and length.
    fn fresh_journal(dir: &Path) -> (std::path::PathBuf, u64) {
        let path = dir.join("journal.ron");
        std::fs::write(&path, journal_text("clamshell")).expect("written");
        let len = std::fs::metadata(&path).expect("stat").len();
        (path, len)
    }

    /// A cache of all `len` bytes of a journal, holding `state`.
    fn covering(state: &JournalState, len: u64) -> CachedRef<'_> {
        CachedRef {
            version: 1,
            covered: len,
            lines: 2,
            warnings: &[],
            state,
        }
    }

    #[test]
    fn a_settled_unchanged_journal_is_not_hashed_and_any_write_is_seen() {
        let tmp = tempfile::tempdir().expect("a folder");
        let dir = tmp.path();
        let (path, len) = fresh_journal(dir);
        let state = JournalState::default();
        let open = || File::open(&path).expect("open");

        // Written just now, the journal's stamp is not recorded: the cache is checked in full.
        save(dir, &mut open(), &covering(&state, len));
        assert!(load_now(dir, &mut open()).is_some());
        forget_journal_hash(dir);
        assert!(load_now(dir, &mut open()).is_none());

        // Left alone a moment, it is: a load trusts the stamp and skips the hash.
        std::thread::sleep(Duration::from_millis(SETTLE_MS + 100));
        save(dir, &mut open(), &covering(&state, len));
        forget_journal_hash(dir);
        assert!(load_now(dir, &mut open()).is_some());

        // A change of the same length in place (an editor's save) changes the stamp: the
        // load hashes the journal again and refuses the cache.
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .expect("open to write");
        file.write_all(journal_text("glute-brg").as_bytes())
            .expect("rewritten");
        drop(file);
        assert_eq!(std::fs::metadata(&path).expect("stat").len(), len);
        assert!(load_now(dir, &mut open()).is_none());
    }

    #[test]
    fn a_checked_cache_is_stamped_again_once_the_journal_has_settled() {
        let tmp = tempfile::tempdir().expect("a folder");
        let dir = tmp.path();
        let (path, len) = fresh_journal(dir);
        let state = JournalState::default();
        let open = || File::open(&path).expect("open");
        save(dir, &mut open(), &covering(&state, len));
        let unstamped = std::fs::read(dir.join(CACHE_FILE)).expect("a cache");
        std::thread::sleep(Duration::from_millis(SETTLE_MS + 100));
        // This load hashes (no stamp yet), then records the journal's stamp.
        assert!(load_now(dir, &mut open()).is_some());
        assert_ne!(
            std::fs::read(dir.join(CACHE_FILE)).expect("a cache"),
            unstamped
        );
        forget_journal_hash(dir);
        assert!(load_now(dir, &mut open()).is_some());
    }
}
