//! Activities from a watch's files (GPX, TCX and FIT), pure: bytes in, a summary of each
//! activity out, or an error that names the file and where it broke. Only the summary is kept
//! (start, moving time, distance, climb and descent, median step rate); the GPS track is read
//! to work those out and then dropped. Reading files and writing the journal is the store's.
//!
//! `load` turns the journal's activities into weekly running load and the flags `rehab runs`
//! shows.

mod fit;
mod gpx;
pub mod load;
mod summary;
mod tcx;
mod xml;

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::{Offset, TimeZone};

use crate::journal::{ActivityKind, ActivityLog};

/// The largest file read (also the limit for one sent over ssh): a day's run with one point a
/// second is well under 10 MB as GPX.
pub const MAX_FILE_BYTES: usize = 64 << 20;

/// One activity as a file holds it, summed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Activity {
    pub start: Timestamp,
    /// The offset from UTC the file gives for its start, when it gives one.
    pub offset: Option<Offset>,
    /// What the file calls the sport (cleaned), and what it counts as here when known.
    pub sport: String,
    pub kind: Option<ActivityKind>,
    pub moving_s: u32,
    pub distance_m: u32,
    pub ascent_m: u32,
    pub descent_m: u32,
    /// Median step rate in steps a minute (running only).
    pub cadence: Option<u16>,
}

impl Activity {
    /// The local date it started: by the file's own offset, or else in `tz`.
    pub fn local_date(&self, tz: &TimeZone) -> Date {
        match self.offset {
            Some(offset) => offset.to_datetime(self.start).date(),
            None => tz.to_datetime(self.start).date(),
        }
    }

    /// The journal's summary of it, when it is a kind the app counts.
    pub fn log(&self, tz: &TimeZone) -> Option<ActivityLog> {
        Some(ActivityLog {
            date: self.local_date(tz),
            start: self.start,
            kind: self.kind?,
            moving_s: self.moving_s,
            distance_m: self.distance_m,
            ascent_m: self.ascent_m,
            descent_m: self.descent_m,
            cadence: if self.kind == Some(ActivityKind::Run) {
                self.cadence
            } else {
                None
            },
        })
    }
}

/// A file as read: its name, and its activities or why it was refused whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRead {
    pub name: String,
    pub read: Result<Vec<Activity>, FileError>,
}

/// Why a file was refused whole: its name, where in it, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {at}: {message}; nothing of this file was imported")]
pub struct FileError {
    pub file: String,
    /// `line 12, column 5` or `byte 4410`.
    pub at: String,
    pub message: String,
}

/// Which format a file is in, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Gpx,
    Tcx,
    Fit,
}

impl Format {
    /// The format the bytes are in, or `None` when they are none of the three.
    pub fn sniff(bytes: &[u8]) -> Option<Format> {
        if bytes.len() >= 12 && &bytes[8..12] == b".FIT" {
            return Some(Format::Fit);
        }
        let head = &bytes[..bytes.len().min(4096)];
        let text = String::from_utf8_lossy(head);
        if text.contains("<gpx") {
            Some(Format::Gpx)
        } else if text.contains("<TrainingCenterDatabase") {
            Some(Format::Tcx)
        } else {
            None
        }
    }

    /// Whether a file name looks like one of the three (for picking files out of a folder).
    pub fn by_name(name: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        [".gpx", ".tcx", ".fit"].iter().any(|e| lower.ends_with(e))
    }
}

/// Every activity in a file's bytes, or why the file is refused. `file` names it in errors.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Vec<Activity>, FileError> {
    let broken = |at: String, message: String| FileError {
        file: crate::text::clean(file).into_owned(),
        at,
        message,
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(broken(
            format!("byte {}", MAX_FILE_BYTES + 1),
            format!("larger than {} MB", MAX_FILE_BYTES >> 20),
        ));
    }
    let Some(format) = Format::sniff(bytes) else {
        return Err(broken(
            "byte 1".into(),
            "not a GPX, TCX or FIT file".to_string(),
        ));
    };
    let parsed = match format {
        Format::Gpx => gpx::parse(bytes),
        Format::Tcx => tcx::parse(bytes),
        Format::Fit => fit::parse(bytes),
    };
    parsed.map_err(|b| broken(b.at, b.message))
}

/// Where a file broke, before the file's name is added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Broken {
    pub at: String,
    pub message: String,
}

/// The kind of activity a sport's name stands for (GPX `type`, TCX `Sport`, FIT `sport`).
pub fn kind_of(sport: &str) -> Option<ActivityKind> {
    let s = sport.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    match s.as_str() {
        "running" | "run" | "trail_running" | "treadmill_running" | "street_running"
        | "track_running" | "virtual_run" | "9" => Some(ActivityKind::Run),
        "cycling" | "biking" | "bike" | "ride" | "road_biking" | "mountain_biking"
        | "indoor_cycling" | "virtual_ride" | "e_biking" | "1" => Some(ActivityKind::Cycle),
        "swimming" | "swim" | "lap_swimming" | "open_water_swimming" | "pool_swimming" => {
            Some(ActivityKind::Swim)
        }
        "walking" | "walk" | "hiking" | "hike" | "10" | "4" => Some(ActivityKind::Walk),
        _ => None,
    }
}

/// An `xs:dateTime` from a GPX or TCX file: the instant, and its offset when one is written
/// (`Z` is UTC as a convention for "no local time given", so it gives none).
pub(crate) fn parse_time(text: &str) -> Option<(Timestamp, Option<Offset>)> {
    let text = text.trim();
    let start: Timestamp = text.parse().ok()?;
    if text.ends_with(['Z', 'z']) {
        return Some((start, None));
    }
    let tail = text.get(text.len().checked_sub(6)?..)?.as_bytes();
    let sign = match tail[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return Some((start, None)),
    };
    let digits = |a: u8, b: u8| -> Option<i32> {
        (a.is_ascii_digit() && b.is_ascii_digit())
            .then(|| i32::from(a - b'0') * 10 + i32::from(b - b'0'))
    };
    let (h, m) = (digits(tail[1], tail[2])?, digits(tail[4], tail[5])?);
    let offset = Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()?;
    Some((start, Some(offset)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_keep_their_offset_unless_utc() {
        let (t, off) = parse_time("2026-12-07T23:40:00+01:00").expect("parses");
        assert_eq!(t.to_string(), "2026-12-07T22:40:00Z");
        assert_eq!(off, Some(Offset::constant(1)));
        let (_, off) = parse_time("2026-12-07T22:40:00Z").expect("parses");
        assert_eq!(off, None);
        assert_eq!(parse_time("yesterday"), None);
    }

    #[test]
    fn sports_map_to_kinds() {
        assert_eq!(kind_of("Running"), Some(ActivityKind::Run));
        assert_eq!(kind_of("Biking"), Some(ActivityKind::Cycle));
        assert_eq!(kind_of("hiking"), Some(ActivityKind::Walk));
        assert_eq!(kind_of("Other"), None);
    }
}
