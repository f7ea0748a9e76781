//! The journal's cache: its replayed state up to a point, beside it in `journal.cache`, so a
//! start reads ten years of days back in one go and parses only the lines written since.
//!
//! Derived and best effort. The journal stays the only source of truth: a cache is used only
//! when its format and the program's version are this build's, its own checksum holds, and the
//! journal's bytes up to the point it covers hash to what it recorded (checked on every read,
//! so an edited, replaced or shortened journal is never read through a stale cache). Anything
//! else is ignored and the journal is replayed in full. A cache is replaced whole (a temporary
//! file renamed over it) while the folder's lock is held, so two writers each leave a complete
//! cache that agrees with the journal's bytes it covers; a write that fails changes nothing.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use super::atomic::write_atomic;
use super::files::{self, Limit};
use crate::journal::{JournalState, Warning, decode_state, encode_state};

/// The journal cache's file name in a profile folder.
pub const CACHE_FILE: &str = "journal.cache";
/// The saved progression's file name in a profile folder.
pub const PROGRESS_FILE: &str = "progress.cache";

const MAGIC: &[u8] = b"rehab cache\n";
/// Bumped whenever the bytes below change meaning.
const FORMAT: u32 = 2;
/// Hashing reads the journal this much at a time (a multiple of 8: see `hash_block`).
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
/// length is `journal_len`; `None` otherwise.
pub(super) fn load(dir: &Path, journal: &mut File, journal_len: u64) -> Option<Cached> {
    let bytes = read_derived(&dir.join(CACHE_FILE), CACHE_FILE)?;
    let mut r = bytes.as_slice();
    let version = take_u32(&mut r)?;
    let covered = take_u64(&mut r)?;
    let lines = usize::try_from(take_u64(&mut r)?).ok()?;
    let journal_hash = take_u64(&mut r)?;
    let warnings = (0..take_u32(&mut r)?)
        .map(|_| {
            Some(Warning {
                line: usize::try_from(take_u64(&mut r)?).ok()?,
                message: take_text(&mut r)?.to_string(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    if covered == 0 || covered > journal_len || hash_file(journal, covered).ok()? != journal_hash {
        return None;
    }
    let state = decode_state(r)?;
    Some(Cached {
        version,
        covered,
        lines,
        warnings,
        state,
    })
}

/// Writes the cache for `journal`'s first `cached.covered` bytes. Best effort: a read-only
/// folder or a full disk only means the next start replays the journal. The caller holds the
/// folder's lock (shared is enough: a sweep of temporary files takes it exclusively).
pub(super) fn save(dir: &Path, journal: &mut File, cached: &CachedRef) {
    let Ok(journal_hash) = hash_file(journal, cached.covered) else {
        return;
    };
    let mut out = Vec::new();
    out.extend_from_slice(&cached.version.to_le_bytes());
    out.extend_from_slice(&cached.covered.to_le_bytes());
    out.extend_from_slice(&(cached.lines as u64).to_le_bytes());
    out.extend_from_slice(&journal_hash.to_le_bytes());
    out.extend_from_slice(&(cached.warnings.len() as u32).to_le_bytes());
    for w in cached.warnings {
        out.extend_from_slice(&(w.line as u64).to_le_bytes());
        put_text(&mut out, &w.message);
    }
    out.extend_from_slice(&encode_state(cached.state));
    write_derived(&dir.join(CACHE_FILE), CACHE_FILE, &out);
}

/// The saved progression in `dir` (see `session::Standing::recent`, which checks that it still
/// holds), when there is a sound one.
pub fn read_progress(dir: &Path) -> Option<String> {
    String::from_utf8(read_derived(&dir.join(PROGRESS_FILE), PROGRESS_FILE)?).ok()
}

/// Saves the progression (best effort, like the journal's cache). The caller holds the lock.
pub fn save_progress(dir: &Path, text: &str) {
    write_derived(&dir.join(PROGRESS_FILE), PROGRESS_FILE, text.as_bytes());
}

/// What a derived file written by [`write_derived`] holds, when it is whole, of `kind` and of
/// this build.
fn read_derived(path: &Path, kind: &str) -> Option<Vec<u8>> {
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
    bytes.drain(..header);
    Some(bytes)
}

/// Replaces `path` with `payload` under a header naming its kind, this format and this build,
/// and a checksum. Best effort: a failed write leaves the old file or none.
fn write_derived(path: &Path, kind: &str, payload: &[u8]) {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT.to_le_bytes());
    put_text(&mut out, env!("CARGO_PKG_VERSION"));
    put_text(&mut out, kind);
    out.extend_from_slice(payload);
    let sum = hash(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    let _ = write_atomic(path, &out);
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
    let mut h = len;
    while left > 0 {
        let n = usize::try_from(left).map_or(HASH_BLOCK, |l| l.min(HASH_BLOCK));
        file.read_exact(&mut block[..n])?;
        h = hash_block(h, &block[..n]);
        left -= n as u64;
    }
    Ok(finish(h))
}

/// The hash of bytes in memory (the cache's own checksum).
fn hash(bytes: &[u8]) -> u64 {
    finish(
        bytes
            .chunks(HASH_BLOCK)
            .fold(bytes.len() as u64, hash_block),
    )
}

/// A word at a time: each step is a one-to-one map of the running value for a given word, so
/// any single changed word changes the result. Not a defence against forgery, which a cache
/// that is checked against the journal on every read does not need.
fn hash_block(mut h: u64, block: &[u8]) -> u64 {
    let mut words = block.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    for &b in words.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h
}

fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
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
