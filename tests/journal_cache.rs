//! The cache beside the journal changes nothing but speed: after any sequence of appends, undos,
//! torn last lines, another process's appends, edits, library and profile changes and cache
//! deletions or damage, what a profile shows read through the cache equals what it shows read
//! from the journal alone.
#![allow(clippy::unwrap_used)]

use crate::journal_store::settings_change;
use crate::journal_support;
use rehab_planner::session::Change;

use std::fs;

use jiff::ToSpan;
use jiff::civil::Date;
use journal_support::append_raw;
use proptest::prelude::*;
use rehab_planner::catalog::{Catalog, SourceText};
use rehab_planner::journal::*;
use rehab_planner::paths::Paths;
use rehab_planner::plan::Settings;
use rehab_planner::profile::Profile;
use rehab_planner::session::Standing;
use rehab_planner::store::OpenProfile;
use rehab_planner::store::journal::JOURNAL_FILE;

const CACHE: &str = "journal.cache";
const PROGRESS: &str = "progress.cache";
const ITEMS: [&str; 5] = [
    "quad-set",
    "clamshell",
    "glute-bridge",
    "straight-leg-raise",
    "walk-run",
];

fn start() -> Date {
    Date::constant(2026, 1, 5)
}

fn day(n: u16) -> Date {
    start().checked_add(i64::from(n).days()).unwrap()
}

#[derive(Debug, Clone)]
enum Op {
    /// This handle ticks items.
    Append(Vec<Record>),
    /// Another handle, opened earlier, appends.
    Other(Vec<Record>),
    Undo(u16, usize),
    /// A write cut short: bytes with no line end.
    Torn(String),
    /// Weeks of ticks at once: enough for the cache to be written again.
    Bulk(u16),
    /// The journal's cache (or, when true, the saved progression) deleted.
    DeleteCache(bool),
    /// A cache cut short, or with one byte changed.
    DamageCache(bool, usize),
    /// An editor changes one pain score in the middle of the file, keeping its length.
    EditJournal,
    /// The profile's days a week.
    Profile(u8),
    /// A library with another exercise pain ceiling.
    Library(u8),
    /// Nothing written for a while: the next read stamps the cache, and the one after trusts
    /// the stamp instead of hashing the journal.
    Settle,
}

fn record() -> impl Strategy<Value = Record> {
    prop_oneof![
        (0u16..120, 0..ITEMS.len(), proptest::option::of(1u32..3)).prop_map(|(d, i, sets)| {
            Record::Done {
                date: day(d),
                item: ITEMS[i].into(),
                sets,
            }
        }),
        (0u16..120, 0u8..=10, proptest::option::of(any::<bool>())).prop_map(|(d, p, swelling)| {
            Record::Pain {
                date: day(d),
                item: None,
                report: PainReport {
                    during: Some(p),
                    swelling,
                    ..PainReport::default()
                },
            }
        }),
        (0u16..120, "[a-z ]{1,12}").prop_map(|(d, text)| Record::Note { date: day(d), text }),
        // A watch's run: the same minute twice is one run, whatever the cache holds.
        (0u16..120, 0u8..3, 600u32..4000).prop_map(|(d, minute, moving_s)| {
            Record::Activity(rehab_planner::journal::ActivityLog {
                date: day(d),
                start: jiff::Timestamp::from_second(1_790_000_000 + i64::from(d) * 86_400)
                    .expect("in range")
                    + jiff::SignedDuration::from_mins(i64::from(minute)),
                kind: rehab_planner::journal::ActivityKind::Run,
                moving_s,
                distance_m: moving_s * 3,
                ascent_m: 5,
                descent_m: 5,
                cadence: (moving_s % 2 == 0).then_some(170),
            })
        }),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        proptest::collection::vec(record(), 1..4).prop_map(Op::Append),
        proptest::collection::vec(record(), 1..4).prop_map(Op::Other),
        (0u16..120, 0..ITEMS.len()).prop_map(|(d, i)| Op::Undo(d, i)),
        "[A-Za-z(\":0-9]{1,20}".prop_map(Op::Torn),
        (5u16..40).prop_map(Op::Bulk),
        any::<bool>().prop_map(Op::DeleteCache),
        (any::<bool>(), any::<usize>()).prop_map(|(p, at)| Op::DamageCache(p, at)),
        Just(Op::EditJournal),
        (3u8..=6).prop_map(Op::Profile),
        (3u8..=7).prop_map(Op::Library),
        Just(Op::Settle),
    ]
}

/// Ticks for `days` days from `from`: lines enough to pass the cache's rewrite threshold.
fn ticks(from: u16, days: u16) -> String {
    let mut text = String::new();
    for d in from..from + days {
        for item in ITEMS {
            text.push_str(&format_record(&Record::Done {
                date: day(d),
                item: item.into(),
                sets: None,
            }));
        }
        text.push_str(&format_record(&Record::Pain {
            date: day(d),
            item: None,
            report: PainReport {
                during: Some((d % 5) as u8),
                morning: Some((d % 3) as u8),
                ..PainReport::default()
            },
        }));
    }
    text
}

/// What a person sees of a profile: the replayed journal, its warnings, and where the profile
/// stands on a day with its plan and decisions.
fn shown(
    catalog: &Catalog,
    profile: &Profile,
    state: &JournalState,
    warnings: Vec<String>,
) -> String {
    let today = day(118);
    let standing = Standing::compute(catalog, profile, state, today);
    format!(
        "{state:?}\n{warnings:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        standing.lines,
        standing.decision_lines(),
        standing.day(today),
        standing.plans
    )
}

/// What `rehab today` and the commands that tick look at, for the day asked about.
fn day_view(standing: &Standing, date: Date) -> String {
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        standing.lines,
        standing.gate,
        standing.day(date),
        standing.week_holding(date),
        standing.current()
    )
}

/// The days those commands are asked about: today, and a day some weeks back.
fn asked() -> [(Date, Date); 2] {
    [(day(118), day(118)), (day(118), day(100))]
}

/// The profile read through the caches (which this may write) and read from the journal alone.
fn both_ways(paths: &Paths, catalog: &Catalog) -> (Result<String, String>, Result<String, String>) {
    let cached = OpenProfile::open(paths, "me")
        .map(|open| {
            let warnings = open.journal.warnings().map(|w| w.to_string()).collect();
            let state = open.journal.state();
            let mut text = shown(catalog, &open.profile, state, warnings);
            for (today, date) in asked() {
                let standing = open.standing(catalog, (today, date));
                text.push_str(&day_view(&standing, date));
            }
            text
        })
        .map_err(|e| e.to_string());
    let dir = paths.profile_dir("me");
    let profile = OpenProfile::open(paths, "me").map(|o| o.profile);
    let plain = parse_journal(&fs::read(dir.join(JOURNAL_FILE)).unwrap(), "j")
        .map_err(|e| e.to_string())
        .and_then(|(_, chunk)| {
            let warnings = chunk.warnings.iter().map(|w| w.to_string()).collect();
            let profile = profile.map_err(|e| e.to_string())?;
            let state = JournalState::replay(&chunk.records);
            let mut text = shown(catalog, &profile, &state, warnings);
            for (today, date) in asked() {
                let standing = Standing::through(catalog, &profile, &state, today, date);
                text.push_str(&day_view(&standing, date));
            }
            Ok(text)
        });
    (cached, plain)
}

/// The built-in library with a clinic's file laid over it, as a user would change it: every
/// condition again, with another exercise pain ceiling.
fn library(ceiling: u8) -> Catalog {
    let mut conditions = Catalog::builtin().unwrap().conditions;
    for condition in &mut conditions {
        condition.ceilings.exercise = ceiling;
    }
    let file = rehab_planner::catalog::LibraryFile {
        conditions,
        ..Default::default()
    };
    let text = ron::to_string(&file).unwrap();
    let loaded = Catalog::load(&[SourceText::new("clinic.ron", text)]).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.catalog
}

fn setup() -> (tempfile::TempDir, Paths) {
    let tmp = tempfile::tempdir().unwrap();
    let paths = Paths::resolve(Some(tmp.path().to_path_buf()), None);
    let catalog = Catalog::builtin().unwrap();
    let mut profile = Profile::new("me", "pfps", Settings::new(start()));
    profile.red_flags.answered_on = Some(start());
    profile.red_flags.answers = catalog
        .red_flags
        .iter()
        .map(|f| (f.id.to_string(), false))
        .collect();
    let open = OpenProfile::create(&paths, profile).unwrap();
    // Big enough that the first open writes a cache.
    fs::write(open.journal.path(), header_line() + &ticks(0, 150)).unwrap();
    (tmp, paths)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn what_is_shown_is_the_same_with_and_without_the_cache(
        ops in proptest::collection::vec(op(), 1..12)
    ) {
        let (_tmp, paths) = setup();
        let dir = paths.profile_dir("me");
        let mut catalog = Catalog::builtin().unwrap();
        let mut other = OpenProfile::open(&paths, "me").unwrap();
        prop_assert!(dir.join(CACHE).exists(), "the first open writes a cache");
        let _ = both_ways(&paths, &catalog);
        prop_assert!(dir.join(PROGRESS).exists(), "the first look at a day saves the progression");
        let mut bulk_from = 150;
        for op in ops {
            match op {
                Op::Append(records) => {
                    if let Ok(mut open) = OpenProfile::open(&paths, "me") {
                        let _ = open.apply(&Change::records(records.to_vec()));
                    }
                }
                Op::Other(records) => {
                    let _ = other.apply(&Change::records(records.to_vec()));
                }
                Op::Undo(d, i) => {
                    if let Ok(mut open) = OpenProfile::open(&paths, "me") {
                        let _ = open.apply(&Change::records(vec![Record::Undone {
                            date: day(d),
                            item: ITEMS[i].into(),
                        }]));
                    }
                }
                Op::Torn(bytes) => append_raw(&dir, bytes.as_bytes()),
                Op::Bulk(days) => {
                    // A torn line is ended first, as every append does.
                    let _ = other.apply(&Change::records(vec![Record::Note {
                        date: day(0),
                        text: "many at once".into(),
                    }]));
                    append_raw(&dir, ticks(bulk_from, days).as_bytes());
                    bulk_from += days;
                }
                Op::DeleteCache(progress) => {
                    let _ = fs::remove_file(dir.join(if progress { PROGRESS } else { CACHE }));
                }
                Op::DamageCache(progress, at) => {
                    let file = dir.join(if progress { PROGRESS } else { CACHE });
                    if let Ok(mut bytes) = fs::read(&file) {
                        let at = at % bytes.len().max(1);
                        if at % 2 == 0 {
                            bytes.truncate(at);
                        } else {
                            bytes[at] ^= 0x20;
                        }
                        fs::write(&file, bytes).unwrap();
                    }
                }
                Op::EditJournal => {
                    let path = dir.join(JOURNAL_FILE);
                    let mut text = fs::read(&path).unwrap();
                    let middle = text.len() / 2;
                    if let Some(at) = text[middle..]
                        .windows(7)
                        .position(|w| w == b"during:")
                        .map(|i| middle + i + 12)
                        && text[at].is_ascii_digit()
                    {
                        text[at] = if text[at] == b'0' { b'1' } else { b'0' };
                        fs::write(&path, text).unwrap();
                    }
                }
                Op::Profile(days) => {
                    if let Ok(mut open) = OpenProfile::open(&paths, "me") {
                        let _ = open.apply(&settings_change(&open.profile, |s| s.days_per_week = days));
                    }
                }
                Op::Library(ceiling) => catalog = library(ceiling),
                // Past the cache's settling time (200 ms), with room to spare.
                Op::Settle => std::thread::sleep(std::time::Duration::from_millis(300)),
            }
            let (cached, plain) = both_ways(&paths, &catalog);
            prop_assert_eq!(&cached, &plain);
            // And read once more, now through whatever cache that read left.
            let (again, _) = both_ways(&paths, &catalog);
            prop_assert_eq!(again, plain);
        }
    }
}

#[test]
fn a_cache_that_cannot_be_written_or_read_changes_nothing() {
    let (_tmp, paths) = setup();
    let dir = paths.profile_dir("me");
    let catalog = Catalog::builtin().unwrap();
    // A folder where the cache would go: neither read nor replaced.
    fs::create_dir(dir.join(CACHE)).unwrap();
    let (cached, plain) = both_ways(&paths, &catalog);
    assert!(cached.is_ok());
    assert_eq!(cached, plain);
    let mut open = OpenProfile::open(&paths, "me").unwrap();
    open.apply(&Change::records(vec![Record::Done {
        date: day(3),
        item: "quad-set".into(),
        sets: Some(1),
    }]))
    .unwrap();
    assert!(dir.join(CACHE).is_dir());
    let (cached, plain) = both_ways(&paths, &catalog);
    assert_eq!(cached, plain);
}

#[test]
fn processes_reading_and_writing_at_once_leave_a_cache_that_agrees() {
    let (_tmp, paths) = setup();
    let catalog = Catalog::builtin().unwrap();
    let threads: Vec<_> = (0..3)
        .map(|t| {
            let paths = paths.clone();
            std::thread::spawn(move || {
                for i in 0..6u16 {
                    let dir = paths.profile_dir("me");
                    if t == 0 {
                        // A writer: past the rewrite threshold each time.
                        let _ = &dir;
                        let mut open = OpenProfile::open(&paths, "me").unwrap();
                        let text = ticks(150 + i * 10, 10);
                        let records = parse_records(text.as_bytes(), "t", 1).unwrap().records;
                        open.apply(&Change::records(records.to_vec())).unwrap();
                    } else if i % 3 == 2 {
                        let _ = fs::remove_file(dir.join(CACHE));
                    } else {
                        OpenProfile::open(&paths, "me").unwrap();
                    }
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let (cached, plain) = both_ways(&paths, &catalog);
    assert_eq!(cached, plain);
}

#[test]
fn an_edit_after_the_cache_trusts_the_journals_stamp_is_still_seen() {
    let (_tmp, paths) = setup();
    let dir = paths.profile_dir("me");
    let catalog = Catalog::builtin().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    // The first read hashes the journal and stamps the cache; the second trusts the stamp.
    let (first, plain) = both_ways(&paths, &catalog);
    assert_eq!(first, plain);
    let stamped = fs::read(dir.join(CACHE)).unwrap();
    let (second, _) = both_ways(&paths, &catalog);
    assert_eq!(second, plain);
    assert_eq!(
        fs::read(dir.join(CACHE)).unwrap(),
        stamped,
        "nothing to write again"
    );

    // An editor changes one pain score in place, keeping the length.
    let path = dir.join(JOURNAL_FILE);
    let mut text = fs::read(&path).unwrap();
    let at = text.windows(12).position(|w| w == b"during:Some(").unwrap() + 12;
    text[at] = if text[at] == b'0' { b'1' } else { b'0' };
    fs::write(&path, &text).unwrap();
    let (after, plain_after) = both_ways(&paths, &catalog);
    assert_ne!(plain_after, plain, "the edit changes what is shown");
    assert_eq!(after, plain_after);
}
