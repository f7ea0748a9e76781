//! The journal file's text: a header line, then one record per line.
//!
//! A record counts once its line ends with `\n`. Only a last line without one is a crash's torn
//! write: a warning, never an error, and never consumed, so the next append can tell. Any
//! complete line that does not parse or validate is an error with its position, wherever it
//! sits (the last line too): a crash cannot write a line end without the bytes before it, so a
//! complete bad line was made by hand, and a person must look at it.
//!
//! An append after a torn line first ends that line with [`TORN_SUFFIX`]: the line end comes
//! last, so a crash while marking leaves the line still without its end. A line ending with the
//! suffix, or (as older versions wrote) followed by a [`TORN_MARKER`] line, is ignored for good.

use serde::{Deserialize, Serialize};

use super::record::Record;
use crate::catalog::Problem;

/// The name in the header line.
pub const JOURNAL_FORMAT: &str = "rehab-journal";
/// The journal version this program writes.
pub const JOURNAL_VERSION: u32 = 1;
/// Written after a torn line, on a line of its own, by older versions; still understood.
pub const TORN_MARKER: &str = "// rehab: the line above was cut short (a crash) and is ignored";
/// Ends a torn line (with the newline after it) so the line stays harmless once more records
/// follow it.
pub const TORN_SUFFIX: &str = " // rehab: this line was cut short (a crash) and is ignored";

#[derive(Serialize, Deserialize)]
struct Header {
    format: String,
    /// Read wide, so a version past `u32` is still called a (much) newer version.
    version: u64,
}

/// The first line of a new journal, with its newline.
pub fn header_line() -> String {
    format!("(format: \"{JOURNAL_FORMAT}\", version: {JOURNAL_VERSION})\n")
}

/// One record as a journal line, with its newline. Strings are escaped, so a note with line
/// breaks still takes one line.
pub fn format_record(record: &Record) -> String {
    // Serializing plain data to a String cannot fail; an empty line would be skipped on load.
    let mut line = ron::to_string(record).unwrap_or_default();
    line.push('\n');
    line
}

/// Parses one record line (without its newline). Errors carry the column.
pub fn parse_record(line: &str) -> Result<Record, (usize, String)> {
    let parsed = match super::fast::parse_compact(line) {
        Some(record) => Ok(record),
        None => ron::from_str::<Record>(line),
    };
    let record = parsed.map_err(|e| {
        (
            e.position.col.max(1),
            crate::text::clean(&e.code.to_string()).into_owned(),
        )
    })?;
    record.validate().map_err(|message| (1, message))?;
    Ok(record)
}

/// Something in the journal that was skipped without harm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// How the parsed bytes end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tail {
    /// At a line end after a good record (or nothing): append as is.
    Clean,
    /// Bytes with no newline: the next append must first mark and end that line.
    Unterminated,
}

/// Records read from a run of journal lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    pub records: Vec<Record>,
    pub warnings: Vec<Warning>,
    /// Bytes settled: up to the end of the last line that can no longer change meaning. Torn
    /// lines at the end are not settled; the next read starts over from them.
    pub consumed: usize,
    /// Lines settled (for numbering the next chunk).
    pub lines: usize,
    pub tail: Tail,
}

/// Why a journal cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JournalError {
    #[error("{0}")]
    Invalid(Problem),
    #[error(
        "{file}: journal version {found} is newer than this rehab understands (up to {known}); \
         update rehab to use this profile"
    )]
    Newer {
        file: String,
        found: u64,
        known: u32,
    },
}

const FIX_HINT: &str = "fix or delete this line in an editor (or move the file away); rehab \
                        will not write to this profile until the journal loads";

/// Parses a whole journal file: the header, then the records. Returns the version and records.
pub fn parse_journal(bytes: &[u8], file: &str) -> Result<(u32, Chunk), JournalError> {
    let mut records = Vec::new();
    let (version, mut chunk) = read_journal(bytes, file, &mut |r| records.push(r))?;
    chunk.records = records;
    Ok((version, chunk))
}

/// As [`parse_journal`], handing each record to `sink` in file order instead of returning them
/// (the chunk's `records` stay empty), so a long journal is never held as records all at once.
/// After an error, what the sink was given must be thrown away.
pub fn read_journal(
    bytes: &[u8],
    file: &str,
    sink: &mut dyn FnMut(Record),
) -> Result<(u32, Chunk), JournalError> {
    let header_end = bytes.iter().position(|&b| b == b'\n');
    let Some(header_end) = header_end else {
        let problem = if bytes.is_empty() {
            Problem::new(
                file,
                (1, 1),
                "the journal is empty; its first line names the format",
            )
        } else {
            Problem::new(file, (1, 1), "the journal's first line has no end")
        };
        return Err(JournalError::Invalid(problem.hint(format!(
            "the first line should read {}",
            header_line().trim_end()
        ))));
    };
    let version = parse_header(&bytes[..header_end], file)?;
    let mut chunk = read_records(&bytes[header_end + 1..], file, 2, sink)?;
    chunk.consumed += header_end + 1;
    chunk.lines += 1;
    Ok((version, chunk))
}

fn parse_header(bytes: &[u8], file: &str) -> Result<u32, JournalError> {
    let invalid = |message: String| {
        JournalError::Invalid(Problem::new(file, (1, 1), message).hint(format!(
            "the first line should read {}",
            header_line().trim_end()
        )))
    };
    let text = std::str::from_utf8(bytes)
        .map_err(|_| invalid("the first line is not UTF-8 text".into()))?;
    let header: Header = ron::from_str(text.trim_end_matches('\r')).map_err(|e| {
        if e.code == ron::Error::IntegerOutOfBounds && text.contains(JOURNAL_FORMAT) {
            invalid(format!(
                "the journal's version number (column {}) is too large to be any version of \
                 this format",
                e.position.col
            ))
        } else {
            invalid("this is not a rehab journal (no header line)".into())
        }
    })?;
    if header.format != JOURNAL_FORMAT {
        return Err(invalid(format!(
            "this is a `{}` file, not a rehab journal",
            crate::text::clean(&header.format)
        )));
    }
    match header.version {
        0 => Err(invalid("journal version 0 does not exist".into())),
        v if v > u64::from(JOURNAL_VERSION) => Err(JournalError::Newer {
            file: file.to_string(),
            found: v,
            known: JOURNAL_VERSION,
        }),
        // Older versions would be read here; none exist yet.
        v => Ok(u32::try_from(v).unwrap_or(JOURNAL_VERSION)),
    }
}

/// What one line holds.
enum Line {
    /// Empty, or a comment.
    Blank,
    Record(Record),
    /// Followed by the torn-line marker: ignored for good.
    Marked,
    /// Does not parse (or is not UTF-8): an error, or a torn write when it is the last line.
    Bad {
        col: usize,
        message: String,
    },
}

/// From this many lines on, the two halves of a block are read on two threads: a year of
/// journal is thousands of lines at every start.
const PARALLEL_FROM: usize = 2048;

/// Lines read (and their records handed on) at a time: enough for both threads to pay off, few
/// enough that ten years of journal is never in memory as records at once.
const BLOCK: usize = 8192;

/// Parses record lines; `first_line` is the file line number of `bytes[0]`.
pub fn parse_records(bytes: &[u8], file: &str, first_line: usize) -> Result<Chunk, JournalError> {
    let mut records = Vec::new();
    let mut chunk = read_records(bytes, file, first_line, &mut |r| records.push(r))?;
    chunk.records = records;
    Ok(chunk)
}

/// As [`parse_records`], handing each record to `sink` in order (the chunk's `records` stay
/// empty). After an error, what the sink was given must be thrown away.
pub fn read_records(
    bytes: &[u8],
    file: &str,
    first_line: usize,
    sink: &mut dyn FnMut(Record),
) -> Result<Chunk, JournalError> {
    let complete_len = memchr::memrchr(b'\n', bytes).map_or(0, |i| i + 1);
    let fragment = &bytes[complete_len..];
    // One UTF-8 check for the whole run is far cheaper than one per line; a line is checked on
    // its own only when the run is not UTF-8, to say where.
    let whole = std::str::from_utf8(&bytes[..complete_len]).ok();
    // memchr finds line ends a word at a time; a byte-by-byte split was a visible part of the
    // start on a long journal.
    let mut ends = memchr::memchr_iter(b'\n', &bytes[..complete_len]);
    let mut next_start = 0;
    let mut next_line = || {
        let end = ends.next()?;
        let span = next_start..end;
        next_start = end + 1;
        Some(span)
    };
    let mut chunk = Chunk {
        records: Vec::new(),
        warnings: Vec::new(),
        consumed: complete_len,
        lines: 0,
        tail: Tail::Clean,
    };
    let mut block: Vec<std::ops::Range<usize>> = Vec::with_capacity(BLOCK);
    let mut ahead = next_line();
    while ahead.is_some() {
        block.clear();
        while block.len() < BLOCK {
            let Some(span) = ahead.take() else { break };
            block.push(span);
            ahead = next_line();
        }
        // Each line looks at the one after it, which may open the next block.
        let after_block = ahead.clone().map_or(fragment, |span| &bytes[span]);
        let read = |range: std::ops::Range<usize>| -> Vec<Line> {
            range
                .map(|i| {
                    let span = block[i].clone();
                    let next = block.get(i + 1).map_or(after_block, |s| &bytes[s.clone()]);
                    let text = whole.map(|w| &w[span.clone()]);
                    read_line(&bytes[span], text, is_marker_or_its_start(next))
                })
                .collect()
        };
        let read_lines: Vec<Line> = if block.len() >= PARALLEL_FROM {
            let middle = block.len() / 2;
            std::thread::scope(|scope| {
                let back = scope.spawn(|| read(middle..block.len()));
                let mut front = read(0..middle);
                match back.join() {
                    Ok(back) => front.extend(back),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
                front
            })
        } else {
            read(0..block.len())
        };
        for line in read_lines {
            let line_no = first_line + chunk.lines;
            chunk.lines += 1;
            match line {
                Line::Blank => {}
                Line::Record(record) => sink(record),
                Line::Marked => chunk.warnings.push(Warning {
                    line: line_no,
                    message: "ignored: cut short by a crash".into(),
                }),
                // A complete line, first or last or between: the same error everywhere.
                Line::Bad { col, message } => {
                    let problem = Problem::new(file, (line_no, col), message);
                    return Err(JournalError::Invalid(problem.hint(FIX_HINT)));
                }
            }
        }
    }
    if !fragment.iter().all(u8::is_ascii_whitespace) && !is_marker_or_its_start(fragment) {
        chunk.warnings.push(Warning {
            line: first_line + chunk.lines,
            message: "ignored: the last line has no end (cut short by a crash?)".into(),
        });
        chunk.tail = Tail::Unterminated;
    } else if !fragment.is_empty() {
        chunk.tail = Tail::Unterminated;
    }
    Ok(chunk)
}

/// Reads one line (without its newline); `text` is the line as UTF-8 when the whole run was.
fn read_line(raw: &[u8], text: Option<&str>, marked: bool) -> Line {
    let marked = marked
        || raw
            .strip_suffix(b"\r")
            .unwrap_or(raw)
            .ends_with(TORN_SUFFIX.as_bytes());
    let text = match text.map_or_else(|| std::str::from_utf8(raw), Ok) {
        Ok(text) if text.ends_with('\r') => text.trim_end_matches('\r'),
        Ok(text) => text,
        Err(_) if marked => return Line::Marked,
        Err(e) => {
            let col = String::from_utf8_lossy(&raw[..e.valid_up_to()])
                .chars()
                .count()
                + 1;
            let message = "this line is not UTF-8 text".to_string();
            return Line::Bad { col, message };
        }
    };
    // Written records start with their name; only other lines need the closer look.
    let plain_record = text.as_bytes().first().is_some_and(u8::is_ascii_uppercase);
    if !plain_record && (text.trim().is_empty() || text.trim_start().starts_with("//")) {
        return Line::Blank;
    }
    if marked {
        return Line::Marked;
    }
    match parse_record(text) {
        Ok(record) => Line::Record(record),
        Err((col, message)) => Line::Bad { col, message },
    }
}

/// The marker line, or a crash-shortened start of it (at least its `//`).
fn is_marker_or_its_start(line: &[u8]) -> bool {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    // A crash-shortened marker that a later append ended with the suffix.
    let line = line.strip_suffix(TORN_SUFFIX.as_bytes()).unwrap_or(line);
    line.len() >= 2 && TORN_MARKER.as_bytes().starts_with(line)
}
