//! The pure journal model: line format, torn lines, replay, summaries.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use jiff::civil::Date;
use rehab_planner::catalog::Catalog;
use rehab_planner::journal::*;
use rehab_planner::plan::Settings;
use rehab_planner::profile::Profile;

fn d(day: i8) -> Date {
    Date::constant(2026, 11, day)
}

fn done(day: i8, item: &str) -> Record {
    Record::Done {
        date: d(day),
        item: item.into(),
        sets: None,
    }
}

fn file(records: &[Record]) -> String {
    let mut text = header_line();
    for r in records {
        text.push_str(&format_record(r));
    }
    text
}

fn all_kinds() -> Vec<Record> {
    vec![
        done(2, "quad-set"),
        Record::Done {
            date: d(2),
            item: "wall-sit".into(),
            sets: Some(2),
        },
        Record::Undone {
            date: d(2),
            item: "quad-set".into(),
        },
        Record::Skipped {
            date: d(3),
            item: "step-down".into(),
            reason: SkipReason::Equipment,
        },
        Record::Pain {
            date: d(3),
            item: None,
            report: PainReport {
                during: Some(3),
                swelling: Some(true),
                ..PainReport::default()
            },
        },
        Record::Pain {
            date: d(3),
            item: Some("walk-run".into()),
            report: PainReport {
                morning: Some(2),
                ..PainReport::default()
            },
        },
        Record::Note {
            date: d(3),
            text: "two lines\nand \"quotes\" \u{1b}[2J, ) done".into(),
        },
        Record::Screened {
            date: d(1),
            answers: BTreeMap::from([("locking".to_string(), false)]),
        },
        Record::Assessed {
            date: d(4),
            by: None,
        },
        Record::Criteria {
            date: d(5),
            id: "return-to-run".into(),
            met: true,
        },
    ]
}

#[test]
fn every_kind_of_record_round_trips_on_one_line() {
    for record in all_kinds() {
        let line = format_record(&record);
        assert_eq!(line.matches('\n').count(), 1, "{line}");
        assert!(line.ends_with('\n'));
        assert_eq!(parse_record(line.trim_end()).unwrap(), record, "{line}");
    }
    let (version, chunk) = parse_journal(file(&all_kinds()).as_bytes(), "j").unwrap();
    assert_eq!(version, JOURNAL_VERSION);
    assert_eq!(chunk.records, all_kinds());
    assert!(chunk.warnings.is_empty());
    assert_eq!(chunk.tail, Tail::Clean);
}

#[test]
fn a_torn_last_line_is_a_warning_and_earlier_records_load() {
    let whole = file(&[done(2, "a"), done(3, "b")]);
    // Cut the last record anywhere inside it, as kill -9 or a power cut might.
    let last_start = whole[..whole.len() - 1].rfind('\n').unwrap() + 1;
    for cut in last_start + 1..whole.len() {
        let (_, chunk) = parse_journal(&whole.as_bytes()[..cut], "j").unwrap();
        assert_eq!(chunk.records, vec![done(2, "a")], "cut at {cut}");
        assert_eq!(chunk.warnings.len(), 1, "cut at {cut}");
        assert_eq!(chunk.warnings[0].line, 3);
        assert_eq!(chunk.tail, Tail::Unterminated);
        assert_eq!(chunk.consumed, last_start);
    }
}

#[test]
fn a_complete_bad_line_is_the_same_error_last_or_in_the_middle() {
    // Only a line without its end is torn; the same bytes with an end are an error.
    let cut = format!("{}Done(date:\"2026-11-0", file(&[done(2, "a")]));
    let (_, chunk) = parse_journal(cut.as_bytes(), "j").unwrap();
    assert_eq!(chunk.records.len(), 1);
    assert_eq!(chunk.tail, Tail::Unterminated);
    assert_eq!(chunk.warnings.len(), 1);

    let bad_lines = [
        "Done(date:\"2026-11-0",
        "Pain(date:\"2026-11-02\",report:(during:Some(11)))",
        "Note(date:\"2026-11-02\",text:\"   \")",
        "Done(date:\"2026-11-02\",item:\"a\",sets:Some(0))",
        "Done(date:\"2026-02-30\",item:\"a\")",
        "not a record at all",
    ];
    let long_note = format!(
        "Note(date:\"2026-11-02\",text:\"{}\")",
        "x".repeat(MAX_NOTE_LEN + 1)
    );
    for bad in bad_lines.iter().copied().chain([long_note.as_str()]) {
        let last = format!("{}{bad}\n", file(&[done(2, "a")]));
        let middle = format!("{last}{}", format_record(&done(3, "b")));
        let crlf = format!("{}{bad}\r\n", file(&[done(2, "a")]));
        for text in [&last, &middle, &crlf] {
            let Err(JournalError::Invalid(problem)) = parse_journal(text.as_bytes(), "j.ron")
            else {
                panic!("{bad:?} must be an error wherever it is");
            };
            assert_eq!((problem.file.as_str(), problem.line), ("j.ron", 3), "{bad}");
        }
    }
}

#[test]
fn a_marked_torn_line_stays_harmless_in_the_middle() {
    let text = format!(
        "{}Done(date:\"2026-1\n{TORN_MARKER}\n{}",
        file(&[done(2, "a")]),
        format_record(&done(3, "b"))
    );
    let (_, chunk) = parse_journal(text.as_bytes(), "j").unwrap();
    assert_eq!(chunk.records, vec![done(2, "a"), done(3, "b")]);
    assert_eq!(chunk.warnings.len(), 1);
    assert_eq!(chunk.warnings[0].line, 3);
    assert_eq!(chunk.tail, Tail::Clean);
    // A crash while writing the marker itself leaves a start of it: still harmless.
    let text = format!(
        "{}Done(date:\"2026-1\n// rehab: the li",
        file(&[done(2, "a")])
    );
    let (_, chunk) = parse_journal(text.as_bytes(), "j").unwrap();
    assert_eq!(chunk.records, vec![done(2, "a")]);
    assert_eq!(chunk.tail, Tail::Unterminated);
}

#[test]
fn bad_values_in_the_middle_are_errors_with_positions() {
    let cases = [
        "Done(date:\"2026-02-30\",item:\"a\")",
        "Pain(date:\"2026-11-02\",report:(during:Some(11)))",
        "Done(date:\"2026-11-02\",item:\"a\",sets:Some(0))",
        "Done(date:\"2026-11-02\",item:\"a\",colour:1)",
        "Jump(date:\"2026-11-02\")",
        "\u{0}\u{1}garbage",
    ];
    for bad in cases {
        let text = format!("{}{bad}\n{}", header_line(), format_record(&done(3, "b")));
        match parse_journal(text.as_bytes(), "j") {
            Err(JournalError::Invalid(p)) => assert_eq!(p.line, 2, "{bad}: {p}"),
            other => panic!("{bad} gave {other:?}"),
        }
    }
    let not_utf8 = [
        header_line().as_bytes(),
        b"Done(\xff\n",
        format_record(&done(3, "b")).as_bytes(),
    ]
    .concat();
    assert!(matches!(parse_journal(&not_utf8, "j"), Err(JournalError::Invalid(p)) if p.line == 2));
}

/// Long enough that the two halves are read on two threads.
fn long_file(extra: &str) -> String {
    let records: Vec<Record> = (0..3000).map(|n| done(1 + (n % 28) as i8, "a")).collect();
    format!("{}{extra}", file(&records))
}

#[test]
fn a_long_journal_reads_the_same_and_points_at_the_same_lines() {
    let (_, chunk) = parse_journal(long_file("").as_bytes(), "j").unwrap();
    assert_eq!(chunk.records.len(), 3000);
    assert_eq!(chunk.records[2999], done(1 + (2999 % 28) as i8, "a"));
    assert_eq!(chunk.lines, 3001);

    // A bad line late in the file (in the second half) names its own line.
    let bad = long_file(&format!(
        "Done(date:\"2026-02-30\",item:\"a\")\n{}",
        format_record(&done(3, "b"))
    ));
    match parse_journal(bad.as_bytes(), "j") {
        Err(JournalError::Invalid(p)) => assert_eq!(p.line, 3002, "{p}"),
        other => panic!("gave {other:?}"),
    }
    // A bad line in the first half too.
    let mut lines: Vec<String> = long_file("").lines().map(String::from).collect();
    lines[10] = "Done(\"x\")".into();
    match parse_journal((lines.join("\n") + "\n").as_bytes(), "j") {
        Err(JournalError::Invalid(p)) => assert_eq!(p.line, 11, "{p}"),
        other => panic!("gave {other:?}"),
    }

    // A torn last line is still a warning, and is not settled.
    let whole = long_file("");
    let torn = long_file("Done(date:\"2026-1");
    let (_, chunk) = parse_journal(torn.as_bytes(), "j").unwrap();
    assert_eq!(chunk.records.len(), 3000);
    assert_eq!(chunk.tail, Tail::Unterminated);
    assert_eq!(chunk.consumed, whole.len());
    assert_eq!(chunk.warnings.len(), 1);
    assert_eq!(chunk.warnings[0].line, 3002);
}

#[test]
fn headers_are_checked_and_newer_versions_refused() {
    let newer = "(format: \"rehab-journal\", version: 2, compression: None)\n";
    assert!(matches!(
        parse_journal(newer.as_bytes(), "j"),
        Err(JournalError::Newer { found: 2, .. })
    ));
    for bad in [
        "",
        "Done(date:\"2026-11-02\",item:\"a\")\n",
        "(format: \"other\", version: 1)\n",
        "(format: \"rehab-journal\", version: 1)",
    ] {
        assert!(
            matches!(parse_journal(bad.as_bytes(), "j"), Err(JournalError::Invalid(p)) if p.line == 1),
            "{bad:?} accepted"
        );
    }
}

#[test]
fn comments_blank_lines_and_crlf_are_allowed() {
    let text = format!(
        "{}// a person's comment\n\n{}",
        header_line().replace('\n', "\r\n"),
        format_record(&done(2, "a")).replace('\n', "\r\n")
    );
    let (_, chunk) = parse_journal(text.as_bytes(), "j").unwrap();
    assert_eq!(chunk.records, vec![done(2, "a")]);
}

#[test]
fn replay_lets_a_later_record_win() {
    let state = JournalState::replay(&all_kinds());
    let day2 = state.day(d(2)).unwrap();
    assert_eq!(day2.status("quad-set"), None, "undone");
    assert_eq!(
        day2.status("wall-sit"),
        Some(ItemStatus::Done { sets: Some(2) })
    );
    let day3 = state.day(d(3)).unwrap();
    assert_eq!(
        day3.status("step-down"),
        Some(ItemStatus::Skipped(SkipReason::Equipment))
    );
    let pain = day3.pain.unwrap();
    assert_eq!(
        (pain.during, pain.swelling, pain.morning),
        (Some(3), true, None)
    );
    assert_eq!(day3.item_pain["walk-run"].morning, Some(2));
    assert_eq!(day3.notes.len(), 1);
    assert_eq!(state.assessed, Some(d(4)));
    assert_eq!(state.criteria_met.get("return-to-run"), Some(&d(5)));
    assert_eq!(state.screenings.len(), 1);
    assert_eq!(state.records, all_kinds().len());

    // A later pain record adds the morning score without wiping the score during.
    let mut state = state;
    state.apply(&Record::Pain {
        date: d(3),
        item: None,
        report: PainReport {
            morning: Some(4),
            swelling: Some(false),
            ..PainReport::default()
        },
    });
    let pain = state.day(d(3)).unwrap().pain.unwrap();
    assert_eq!(
        (pain.during, pain.morning, pain.swelling),
        (Some(3), Some(4), false)
    );
    state.apply(&Record::Criteria {
        date: d(6),
        id: "return-to-run".into(),
        met: false,
    });
    assert!(state.criteria_met.is_empty());
}

#[test]
fn a_week_summary_counts_adherence_and_pain() {
    let catalog = Catalog::builtin().unwrap();
    let profile = Profile::new("me", "pfps", Settings::new(d(2)));
    let week =
        rehab_planner::progress::week_for(&catalog, &profile, &JournalState::default(), d(2))
            .unwrap()
            .plan;
    let training: Vec<_> = week.days.iter().filter(|d| !d.is_rest()).collect();
    let first = &training[0];
    let mut records: Vec<Record> = first
        .items
        .iter()
        .map(|i| Record::Done {
            date: first.date,
            item: i.exercise.clone(),
            sets: None,
        })
        .collect();
    records.push(Record::Pain {
        date: first.date,
        item: None,
        report: PainReport {
            during: Some(4),
            limp: Some(true),
            ..PainReport::default()
        },
    });
    let state = JournalState::replay(&records);
    let until = first.date;
    let summary = summarize_week(&week, &state, until);
    let planned = first.items.iter().filter(|i| !i.optional).count() as u32;
    assert_eq!(summary.planned, planned);
    assert_eq!(summary.adherence_pct, Some(100));
    assert_eq!(summary.max_during, Some(4));
    assert_eq!(summary.warning_days, 1);
    assert!(summary.logged);

    // Over the whole week the same ticks are a smaller share.
    let whole = summarize_week(&week, &state, d(8));
    assert!(whole.planned > planned);
    assert!(whole.adherence_pct.unwrap() < 100);
    assert_eq!(whole.days.len(), 7);
    let empty = summarize_week(&week, &JournalState::default(), d(8));
    assert_eq!((empty.adherence_pct, empty.logged), (Some(0), false));
}
