//! The completion journal, pure: records and their one-line text, the replay into the current
//! state, and the summaries `history` shows. The disk side is `store::journal`.
//!
//! ```text
//! (format: "rehab-journal", version: 1)
//! Done(date:"2026-11-23",item:"quad-set")
//! Skipped(date:"2026-11-23",item:"wall-sit",reason:Time)
//! Pain(date:"2026-11-23",report:(during:Some(3),swelling:Some(true)))
//! ```

pub mod adherence;
mod counts;
mod days;
mod fast;
mod idmap;
mod parse;
mod record;
mod replay;
mod summary;

pub use crate::plan::week_number;
pub use adherence::{Adherence, week_adherence};
pub use counts::DayCounts;
pub use days::{Days, DecodeDay, Packed, PackedDay, Stored, day_hash};
pub use fast::parse_compact;
pub use idmap::IdMap;
pub use parse::{
    Chunk, JOURNAL_FORMAT, JOURNAL_VERSION, JournalError, TORN_MARKER, TORN_SUFFIX, Tail, Warning,
    format_record, header_line, parse_journal, parse_record, parse_records, read_journal,
    read_records,
};
pub use record::{
    ActivityKind, ActivityLog, MAX_DISTANCE_M, MAX_ID_LEN, MAX_MOVING_S, MAX_NOTE_LEN, MAX_SETS,
    PainReport, Record, SkipReason, clock, km,
};
pub use replay::{DayLog, ItemStatus, JournalState, Pain, SafetyEvent, Score, ScoreKind};
pub use summary::{DaySummary, PainFigures, WeekSummary, adherence_pct, summarize_week};
