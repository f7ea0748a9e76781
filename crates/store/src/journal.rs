//! The journal on disk: appended one line per record, fsynced, under the profile's lock.
//!
//! An append never rewrites or truncates: it opens with O_APPEND, writes once and syncs, so its
//! cost does not grow with the history. Before writing it reads whatever other processes added
//! since this handle last looked (so the caller's state is current) and checks how the file ends:
//! after a torn line it first ends that line with the torn-line suffix, so the fragment stays
//! harmless. A complete line that does not load is never marked: it is an error for a person.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use super::atomic::{LOCK_FILE, lock_exclusive, lock_shared, write_atomic};
use super::cache;
use super::data_error::StoreError;
use super::files::{self, Limit};
use rehab_domain::journal::{
    JournalState, Record, TORN_SUFFIX, Tail, Warning, format_record, header_line, parse_journal,
    parse_records, read_journal,
};

/// The journal's file name in a profile folder.
pub const JOURNAL_FILE: &str = "journal.ron";

/// What the file looked like when last read: a cheap way to notice another process's writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// Changes when an editor saves the file as a new one.
    pub inode: u64,
}

impl Stamp {
    pub(super) fn of(meta: &std::fs::Metadata) -> Stamp {
        Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode: inode(meta),
        }
    }
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &std::fs::Metadata) -> u64 {
    0
}

/// An open journal: the replayed state, and where reading stopped. The records themselves are
/// not kept (ten years of them cost more memory than the rest of the app); `read_records`
/// reads them again for the rare command that lists them.
#[derive(Debug, Clone)]
pub struct JournalFile {
    path: PathBuf,
    dir: PathBuf,
    version: u32,
    /// Shared with the app, which would otherwise copy a year of days at every start.
    state: Arc<JournalState>,
    settled_warnings: Vec<Warning>,
    tail_warnings: Vec<Warning>,
    /// Bytes and lines settled so far (see `journal::Chunk`).
    consumed: u64,
    lines: usize,
    tail: Tail,
    /// `None` while the file does not exist.
    stamp: Option<Stamp>,
}

impl JournalFile {
    /// Reads the journal of the profile in `dir`; a missing journal is an empty one.
    pub fn open(dir: &Path) -> Result<JournalFile, StoreError> {
        let mut journal = JournalFile::empty(dir);
        let _lock = lock_shared(dir);
        journal.reload()?;
        Ok(journal)
    }

    /// A handle that has read nothing yet.
    fn empty(dir: &Path) -> JournalFile {
        JournalFile {
            path: dir.join(JOURNAL_FILE),
            dir: dir.to_path_buf(),
            version: rehab_domain::journal::JOURNAL_VERSION,
            state: Arc::default(),
            settled_warnings: Vec::new(),
            tail_warnings: Vec::new(),
            consumed: 0,
            lines: 0,
            tail: Tail::Clean,
            stamp: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The journal's format version as read (the current one for a new journal).
    pub fn version(&self) -> u32 {
        self.version
    }

    /// Every record in the file now, in file order: read afresh, under the folder's lock.
    pub fn read_records(&self) -> Result<Vec<Record>, StoreError> {
        let _lock = lock_shared(&self.dir);
        let Some(mut file) = open_existing(&self.path, false)? else {
            return Ok(Vec::new());
        };
        let bytes = files::read_rest(&mut file, &self.path, Limit::Journal, 0)
            .map_err(StoreError::io("read", &self.path))?;
        if bytes.is_empty() {
            return Ok(Vec::new());
        }
        let (_, chunk) =
            parse_journal(&bytes, &self.path.display().to_string()).map_err(StoreError::Journal)?;
        Ok(chunk.records)
    }

    pub fn state(&self) -> &JournalState {
        &self.state
    }

    /// The state, shared: the next change here copies it first, so the holder's stays as is.
    pub fn shared_state(&self) -> Arc<JournalState> {
        Arc::clone(&self.state)
    }

    /// Lines skipped without harm (torn by a crash), for a warning.
    pub fn warnings(&self) -> impl Iterator<Item = &Warning> {
        self.settled_warnings.iter().chain(&self.tail_warnings)
    }

    /// Whether the file changed since this handle last read or wrote it: one `stat`.
    pub fn has_changed(&self) -> bool {
        let now = std::fs::metadata(&self.path).ok().map(|m| Stamp::of(&m));
        now != self.stamp
    }

    /// Reads what other processes appended since the last read (or everything, when the file
    /// was replaced or shortened). Returns how many records arrived.
    pub fn refresh(&mut self) -> Result<usize, StoreError> {
        if !self.has_changed() {
            return Ok(0);
        }
        let _lock = lock_shared(&self.dir);
        self.refresh_locked()
    }

    /// `refresh` for a caller that holds the folder's lock already (a second lock from the
    /// same process would wait for the first forever).
    pub(super) fn refresh_locked(&mut self) -> Result<usize, StoreError> {
        let before = self.state.records;
        match open_existing(&self.path, false)? {
            None => self.reload()?,
            Some(mut file) => self.catch_up(&mut file)?,
        }
        Ok(self.state.records.saturating_sub(before))
    }

    /// Appends one record: one write and one fsync.
    pub fn append(&mut self, record: &Record) -> Result<(), StoreError> {
        self.append_all(std::slice::from_ref(record))
    }

    /// Appends records in one write and one fsync. Each is checked first; an invalid one means
    /// nothing is written.
    pub fn append_all(&mut self, records: &[Record]) -> Result<(), StoreError> {
        for record in records {
            record.validate_new().map_err(StoreError::Invalid)?;
        }
        if records.is_empty() {
            return Ok(());
        }
        let _lock =
            lock_exclusive(&self.dir).map_err(StoreError::io("lock", self.dir.join(LOCK_FILE)))?;
        self.append_all_locked(records)
    }

    /// [`Journal::append_all`] for a caller that holds the folder's exclusive lock and has
    /// checked the records.
    pub(super) fn append_all_locked(&mut self, records: &[Record]) -> Result<(), StoreError> {
        let mut file = open_existing(&self.path, true)?;
        if file
            .as_ref()
            .is_none_or(|f| f.metadata().is_ok_and(|m| m.len() == 0))
        {
            // A new journal gets its header in one atomic step, so the header is never torn.
            write_atomic(&self.path, header_line().as_bytes())
                .map_err(StoreError::io("create", &self.path))?;
            file = open_existing(&self.path, true)?;
        }
        let Some(mut file) = file else {
            return Err(StoreError::io("open", &self.path)(
                io::ErrorKind::NotFound.into(),
            ));
        };
        self.catch_up(&mut file)?;
        let mut text = match self.tail {
            Tail::Clean => String::new(),
            Tail::Unterminated => format!("{TORN_SUFFIX}\n"),
        };
        for record in records {
            text.push_str(&format_record(record));
        }
        // A journal past its read cap would refuse every later command: the records are
        // refused instead, before a byte is written, and what is there stays as it is.
        let len = file
            .metadata()
            .map_err(StoreError::io("read", &self.path))?
            .len();
        let limit = Limit::Journal.bytes();
        if len.saturating_add(text.len() as u64) > limit {
            return Err(StoreError::Invalid(format!(
                "the journal {} is full: it holds {len} bytes and rehab reads at most {limit}, so \
                 nothing was written and nothing in it was changed. Keep it as it is: save a copy \
                 (`rehab export-data > journal-backup.ron`), then go on in a new profile for a new \
                 period (`rehab profile new NAME --condition ID`)",
                crate::text::path(&self.path)
            )));
        }
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_data())
            .map_err(StoreError::io("write to", &self.path))?;
        // Everything up to the end is now settled: the bytes read, the marker, the records.
        self.consumed = self.stamp.map_or(0, |s| s.len) + text.len() as u64;
        // The torn line (not counted while it had no end) and each record end in a newline.
        self.lines += text.matches('\n').count();
        self.tail = Tail::Clean;
        self.tail_warnings.clear();
        Arc::make_mut(&mut self.state).apply_all(records);
        self.stamp = Some(Stamp::of(
            &file
                .metadata()
                .map_err(StoreError::io("read", &self.path))?,
        ));
        Ok(())
    }

    /// Reads the whole file afresh: through the cache when it agrees with the file, and then
    /// only the lines after it; otherwise every line. Either way the cache is brought up to
    /// date when it lags far behind. The caller holds the folder's lock.
    fn reload(&mut self) -> Result<(), StoreError> {
        let Some(mut file) = open_existing(&self.path, false)? else {
            self.reset(None);
            return Ok(());
        };
        // Read before the stat: the cache trusts a stamp only if it had settled by then.
        let checked_at = std::time::SystemTime::now();
        let meta = file
            .metadata()
            .map_err(StoreError::io("read", &self.path))?;
        if let Some(cached) = cache::load(&self.dir, &mut file, &meta, checked_at) {
            // Read as if this handle had read the covered lines itself and now catches up;
            // a failure leaves this handle as it was.
            let mut fresh = JournalFile::empty(&self.dir);
            fresh.version = cached.version;
            fresh.state = Arc::new(cached.state);
            fresh.settled_warnings = cached.warnings;
            fresh.consumed = cached.covered;
            fresh.lines = cached.lines;
            fresh.stamp = Some(Stamp {
                len: cached.covered,
                ..Stamp::of(&meta)
            });
            fresh.catch_up(&mut file)?;
            if fresh.consumed - cached.covered >= cache::REWRITE_AFTER {
                fresh.save_cache(&mut file);
            }
            *self = fresh;
            return Ok(());
        }
        file.seek(SeekFrom::Start(0))
            .map_err(StoreError::io("read", &self.path))?;
        let bytes = files::read_rest(&mut file, &self.path, Limit::Journal, 0)
            .map_err(StoreError::io("read", &self.path))?;
        let stamp = Stamp {
            len: bytes.len() as u64,
            ..Stamp::of(&meta)
        };
        if bytes.is_empty() {
            // An empty file holds nothing to lose; the first append gives it its header.
            self.reset(Some(stamp));
            return Ok(());
        }
        // Replayed into a state of its own, which replaces the held one only when all of it
        // loads.
        let mut state = JournalState::default();
        let read = read_journal(&bytes, &self.path.display().to_string(), &mut |record| {
            state.apply(&record)
        });
        drop(bytes);
        match read {
            Ok((version, chunk)) => {
                self.reset(Some(stamp));
                self.version = version;
                self.state = Arc::new(state);
                self.take(chunk);
                if self.consumed >= cache::REWRITE_AFTER {
                    self.save_cache(&mut file);
                }
                Ok(())
            }
            Err(e) => {
                // Keep what was shown so far, and look again next time.
                self.stamp = None;
                Err(StoreError::Journal(e))
            }
        }
    }

    /// Reads from where this handle stopped to the end of `file`, or everything when the file
    /// is not the one read before.
    fn catch_up(&mut self, file: &mut File) -> Result<(), StoreError> {
        let meta = file
            .metadata()
            .map_err(StoreError::io("read", &self.path))?;
        let now = Stamp::of(&meta);
        let same_file = self
            .stamp
            .is_some_and(|s| s.inode == now.inode && now.len >= self.consumed);
        if !same_file || meta.len() == 0 {
            return self.reload_from(file);
        }
        file.seek(SeekFrom::Start(self.consumed))
            .map_err(StoreError::io("read", &self.path))?;
        let bytes = files::read_rest(file, &self.path, Limit::Journal, self.consumed)
            .map_err(StoreError::io("read", &self.path))?;
        let chunk = parse_records(&bytes, &self.path.display().to_string(), self.lines + 1)
            .map_err(StoreError::Journal)?;
        self.stamp = Some(Stamp {
            len: self.consumed + bytes.len() as u64,
            ..now
        });
        self.consumed += chunk.consumed as u64;
        self.lines += chunk.lines;
        self.take_tail(chunk);
        Ok(())
    }

    /// Writes the cache for what this handle has settled (best effort).
    fn save_cache(&self, file: &mut File) {
        cache::save(
            &self.dir,
            file,
            &cache::CachedRef {
                version: self.version,
                covered: self.consumed,
                lines: self.lines,
                warnings: &self.settled_warnings,
                state: &self.state,
            },
        );
    }

    fn reload_from(&mut self, file: &mut File) -> Result<(), StoreError> {
        file.seek(SeekFrom::Start(0))
            .map_err(StoreError::io("read", &self.path))?;
        self.reload()
    }

    fn reset(&mut self, stamp: Option<Stamp>) {
        self.state = Arc::default();
        self.settled_warnings.clear();
        self.tail_warnings.clear();
        self.consumed = 0;
        self.lines = 0;
        self.tail = Tail::Clean;
        self.stamp = stamp;
    }

    fn take(&mut self, chunk: rehab_domain::journal::Chunk) {
        self.consumed = chunk.consumed as u64;
        self.lines = chunk.lines;
        self.take_tail(chunk);
    }

    /// Adds a chunk's records; warnings about lines past the settled ones may repeat on the next
    /// read, so they are kept apart and replaced each time.
    fn take_tail(&mut self, chunk: rehab_domain::journal::Chunk) {
        let settled_lines = self.lines;
        self.tail_warnings.clear();
        for w in chunk.warnings {
            if w.line <= settled_lines {
                self.settled_warnings.push(w);
            } else {
                self.tail_warnings.push(w);
            }
        }
        if !chunk.records.is_empty() {
            Arc::make_mut(&mut self.state).apply_all(&chunk.records);
        }
        self.tail = chunk.tail;
    }
}

/// Opens the journal if it exists, by the rule of `store::files`: anything but a regular file
/// is refused before it is opened (a device or a pipe could block or be read forever), and an
/// append never goes through a symbolic link.
fn open_existing(path: &Path, write: bool) -> Result<Option<File>, StoreError> {
    let opened = if write {
        files::open_append(path)
    } else {
        files::open_read(path)
    };
    match opened {
        Ok(file) => Ok(Some(file)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(
            if write { "write to" } else { "read" },
            path,
        )(e)),
    }
}
