//! Arbitrary bytes in a library, profile or journal file never panic; records survive any text.
#![allow(clippy::unwrap_used)]

use jiff::civil::Date;
use proptest::prelude::*;
use rehab_planner::catalog::{SourceText, parse_file};
use rehab_planner::journal::*;
use rehab_planner::profile::parse_profile;
use rehab_planner::store::JournalFile;

fn any_date() -> impl Strategy<Value = Date> {
    (1990i16..2100, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::constant(y, m, d))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z-]{1,20}",
        any::<String>().prop_filter("non-blank", |s| !s.trim().is_empty() && s.len() < 200),
        Just("line\nbreak \"quoted\" \u{1b}[2J ) // not a comment".to_string()),
    ]
}

fn any_record() -> impl Strategy<Value = Record> {
    let pain = (
        proptest::option::of(0u8..=10),
        proptest::option::of(0u8..=10),
        proptest::option::of(any::<bool>()),
    )
        .prop_filter("some field", |(a, b, c)| {
            a.is_some() || b.is_some() || c.is_some()
        })
        .prop_map(|(during, morning, sharp)| PainReport {
            during,
            morning,
            sharp,
            ..PainReport::default()
        });
    prop_oneof![
        (any_date(), "[a-z-]{1,30}", proptest::option::of(1u32..=20))
            .prop_map(|(date, item, sets)| Record::Done { date, item, sets }),
        (any_date(), "[a-z-]{1,30}").prop_map(|(date, item)| Record::Undone { date, item }),
        (any_date(), proptest::option::of("[a-z-]{1,30}"), pain)
            .prop_map(|(date, item, report)| Record::Pain { date, item, report }),
        (any_date(), any_text()).prop_map(|(date, text)| Record::Note { date, text }),
        (
            any_date(),
            proptest::collection::btree_map("[a-z-]{1,20}", any::<bool>(), 0..20)
        )
            .prop_map(|(date, answers)| Record::Screened { date, answers }),
        (any_date(), "[a-z-]{1,30}", any::<bool>()).prop_map(|(date, id, met)| Record::Criteria {
            date,
            id,
            met
        }),
        (
            any_date(),
            0i64..2_000_000_000,
            0u32..=MAX_MOVING_S,
            proptest::option::of(20u16..=400)
        )
            .prop_map(
                |(date, start, moving_s, cadence)| Record::Activity(ActivityLog {
                    date,
                    start: jiff::Timestamp::from_second(start).expect("in range"),
                    kind: ActivityKind::Walk,
                    moving_s,
                    distance_m: moving_s,
                    ascent_m: 0,
                    descent_m: 7,
                    cadence,
                })
            ),
    ]
}

fn journal_text(records: &[Record]) -> String {
    let mut text = header_line();
    for r in records {
        text.push_str(&format_record(r));
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic_the_parsers(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_journal(&bytes, "j");
        let _ = parse_records(&bytes, "j", 2);
        let with_header = [header_line().as_bytes(), &bytes].concat();
        let _ = parse_journal(&with_header, "j");
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_profile(&text, "p");
        let _ = parse_file(&SourceText::new("lib.ron", text.as_ref()));
    }

    #[test]
    fn ron_like_text_never_panics_the_parsers(text in r#"[()\[\]{}:,"a-z0-9 \n_.-]{0,300}"#) {
        let _ = parse_record(&text);
        let _ = parse_profile(&format!("Profile({text})"), "p");
        let _ = parse_file(&SourceText::new("lib.ron", format!("({text})")));
        let _ = parse_journal(format!("{}{text}", header_line()).as_bytes(), "j");
    }

    #[test]
    fn records_round_trip_on_one_line(records in proptest::collection::vec(any_record(), 0..20)) {
        for r in &records {
            let line = format_record(r);
            prop_assert_eq!(line.matches('\n').count(), 1);
            prop_assert_eq!(&parse_record(line.trim_end()).unwrap(), r);
        }
        let (_, chunk) = parse_journal(journal_text(&records).as_bytes(), "j").unwrap();
        prop_assert_eq!(chunk.records, records);
    }

    #[test]
    fn a_cut_anywhere_keeps_every_complete_record(
        records in proptest::collection::vec(any_record(), 1..12),
        cut in any::<prop::sample::Index>(),
    ) {
        let text = journal_text(&records);
        let header = header_line().len();
        let at = header + cut.index(text.len() - header + 1);
        let (_, chunk) = parse_journal(&text.as_bytes()[..at], "j").unwrap();
        let whole_lines = text.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() - 1;
        // A cut right at a line end keeps that line; otherwise the torn one is dropped.
        prop_assert!(chunk.records.len() == whole_lines, "{} vs {}", chunk.records.len(), whole_lines);
        prop_assert_eq!(&chunk.records[..], &records[..whole_lines]);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Whatever a journal file holds, opening and appending never panics, and an append that
    /// succeeds keeps every byte that was there and reads back.
    #[test]
    fn appending_to_any_file_keeps_its_bytes(
        prefix in proptest::collection::vec(any_record(), 0..4),
        junk in proptest::collection::vec(any::<u8>(), 0..60),
        extra in any_record(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.ron");
        let mut before = journal_text(&prefix).into_bytes();
        before.extend_from_slice(&junk);
        std::fs::write(&path, &before).unwrap();
        match JournalFile::open(dir.path()) {
            Ok(mut journal) => {
                let count = journal.state().records;
                match journal.append(&extra) {
                    Ok(()) => {
                        let after = std::fs::read(&path).unwrap();
                        prop_assert!(after.starts_with(&before));
                        let again = JournalFile::open(dir.path()).unwrap();
                        prop_assert_eq!(again.state().records, count + 1);
                        let records = again.read_records().unwrap();
                        prop_assert_eq!(records.last(), Some(&extra));
                    }
                    // A refused append writes nothing.
                    Err(_) => prop_assert_eq!(std::fs::read(&path).unwrap(), before),
                }
            }
            // A journal that does not load is left byte for byte as it was.
            Err(_) => {
                prop_assert!(!junk.is_empty(), "a clean journal must load");
                prop_assert_eq!(std::fs::read(&path).unwrap(), before);
            }
        }
    }
}

fn simple_record() -> impl Strategy<Value = Record> {
    any_record().prop_filter("plain strings", |r| match r {
        Record::Note { text, .. } => text.chars().all(|c| c.is_ascii_alphanumeric() || c == ' '),
        _ => true,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// The fast path reads every plain line this program writes, exactly as RON would.
    #[test]
    fn the_fast_path_reads_written_lines(record in simple_record()) {
        let line = format_record(&record);
        let line = line.trim_end();
        prop_assert_eq!(parse_compact(line), Some(record.clone()));
        prop_assert_eq!(ron::from_str::<Record>(line).unwrap(), record);
    }

    /// On edited lines the fast path either steps aside or agrees with RON.
    #[test]
    fn the_fast_path_never_disagrees_with_ron(
        record in any_record(),
        at in any::<prop::sample::Index>(),
        cut in 0usize..4,
        insert in r#"[()":,a-zSome0-9 \\]{0,3}"#,
    ) {
        let line = format_record(&record);
        let line = line.trim_end();
        let mut at = at.index(line.len() + 1);
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + cut).min(line.len());
        while !line.is_char_boundary(end) {
            end += 1;
        }
        let edited = format!("{}{insert}{}", &line[..at], &line[end..]);
        if let Some(fast) = parse_compact(&edited) {
            let ron = ron::from_str::<Record>(&edited);
            prop_assert_eq!(ron.ok(), Some(fast), "{}", edited);
        }
    }
}
