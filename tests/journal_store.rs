//! The journal and profiles on disk: appends, torn lines, damaged files, other writers.
#![allow(clippy::unwrap_used)]

use crate::journal_support;
use rehab_planner::session::Change;

use std::fs;
use std::path::Path;

use jiff::civil::Date;
use journal_support::append_raw;
use rehab_planner::journal::*;
use rehab_planner::paths::Paths;
use rehab_planner::plan::Settings;
use rehab_planner::profile::Profile;
use rehab_planner::store::journal::JOURNAL_FILE;
use rehab_planner::store::profile::PROFILE_FILE;
use rehab_planner::store::{JournalFile, OpenProfile, StoreError};

fn done(day: i8, item: &str) -> Record {
    Record::Done {
        date: Date::constant(2026, 11, day),
        item: item.into(),
        sets: None,
    }
}

fn setup() -> (tempfile::TempDir, Paths, OpenProfile) {
    let tmp = tempfile::tempdir().unwrap();
    let paths = Paths::resolve(Some(tmp.path().to_path_buf()), None);
    let profile = Profile::new("me", "pfps", Settings::new(Date::constant(2026, 11, 2)));
    let open = OpenProfile::create(&paths, profile).unwrap();
    (tmp, paths, open)
}

fn journal_bytes(dir: &Path) -> Vec<u8> {
    fs::read(dir.join(JOURNAL_FILE)).unwrap()
}

#[test]
fn each_append_adds_exactly_one_line_and_reloads() {
    let (_tmp, paths, mut open) = setup();
    open.journal.append(&done(2, "a")).unwrap();
    let before = journal_bytes(&open.dir);
    for day in 3..=9 {
        let record = done(day, "b");
        let len = journal_bytes(&open.dir).len();
        open.journal.append(&record).unwrap();
        let after = journal_bytes(&open.dir);
        assert_eq!(after.len(), len + format_record(&record).len());
        assert_eq!(&after[len..], format_record(&record).as_bytes());
    }
    assert!(journal_bytes(&open.dir).starts_with(&before));
    let again = OpenProfile::open(&paths, "me").unwrap();
    assert_eq!(again.journal.state().records, 8);
    assert_eq!(again.journal.state(), open.journal.state());
}

#[test]
fn an_append_after_a_torn_line_keeps_the_fragment_harmless() {
    for torn in [
        &b"Done(date:\"2026-11-0"[..],
        b"Done(date:\"2026-11-03\",item:\"x\")",
        b"Pain(\xe2\x82",
    ] {
        let (_tmp, paths, mut open) = setup();
        open.journal.append(&done(2, "a")).unwrap();
        append_raw(&open.dir, torn); // kill -9 in the middle of a write
        let before = journal_bytes(&open.dir);

        let reopened = OpenProfile::open(&paths, "me").unwrap();
        assert_eq!(reopened.journal.state(), &replayed(&[done(2, "a")]));
        assert_eq!(reopened.journal.warnings().count(), 1);

        let mut writer = reopened;
        writer.journal.append(&done(4, "c")).unwrap();
        writer.journal.append(&done(5, "d")).unwrap();
        let after = journal_bytes(&writer.dir);
        assert!(after.starts_with(&before), "the file was rewritten");
        let final_load = OpenProfile::open(&paths, "me").unwrap();
        assert_eq!(
            final_load.journal.read_records().unwrap(),
            [done(2, "a"), done(4, "c"), done(5, "d")],
            "torn {:?}",
            String::from_utf8_lossy(torn)
        );
        assert_eq!(final_load.journal.warnings().count(), 1);
        // The handle that wrote agrees with a fresh load.
        assert_eq!(writer.journal.state(), final_load.journal.state());
        // And the old handle, which saw the torn line, catches up without a false alarm.
        let mut old = open;
        assert_eq!(old.journal.refresh().unwrap(), 2);
        assert_eq!(old.journal.state(), final_load.journal.state());
    }
}

#[test]
fn a_complete_bad_last_line_is_an_error_and_is_never_buried() {
    for bad in [
        &b"Done(date:\"2026-11-0\n"[..],
        b"Pain(date:\"2026-11-03\",report:(during:Some(11)))\n",
        b"Done(date:\"2026-11-03\",item:\"a\",sets:Some(0))\n",
    ] {
        let (_tmp, paths, mut open) = setup();
        open.journal.append(&done(2, "a")).unwrap();
        append_raw(&open.dir, bad);
        let before = journal_bytes(&open.dir);
        let err = OpenProfile::open(&paths, "me").unwrap_err();
        assert!(err.is_damaged_file(), "{err}");
        assert!(
            err.to_string().contains(&format!("{JOURNAL_FILE}:3:")),
            "{err}"
        );
        // The handle opened before the edit refuses to write too, and nothing is marked.
        assert!(
            open.journal
                .append(&done(3, "b"))
                .unwrap_err()
                .is_damaged_file()
        );
        assert_eq!(journal_bytes(&open.dir), before);
    }
}

#[test]
fn an_append_after_a_torn_line_ends_it_with_the_suffix() {
    let (_tmp, paths, mut open) = setup();
    open.journal.append(&done(2, "a")).unwrap();
    append_raw(&open.dir, b"Done(date:\"2026-11-0");
    let mut reopened = OpenProfile::open(&paths, "me").unwrap();
    reopened.journal.append(&done(3, "b")).unwrap();
    let text = String::from_utf8(journal_bytes(&open.dir)).unwrap();
    assert!(
        text.contains(&format!("2026-11-0{TORN_SUFFIX}\n")),
        "{text}"
    );
    let final_load = OpenProfile::open(&paths, "me").unwrap();
    assert_eq!(
        final_load.journal.state(),
        &replayed(&[done(2, "a"), done(3, "b")])
    );
    // Files an older rehab marked with a line of its own still load, even one whose marker
    // was itself cut short and then ended by this version.
    let old = format!(
        "{}Done(date:\"2026-1\n{}{TORN_SUFFIX}\n{}",
        header_line(),
        &TORN_MARKER[..9],
        format_record(&done(4, "c"))
    );
    std::fs::write(open.dir.join(JOURNAL_FILE), old).unwrap();
    let loaded = OpenProfile::open(&paths, "me").unwrap();
    assert_eq!(loaded.journal.state(), &replayed(&[done(4, "c")]));
}

#[test]
fn a_damaged_journal_is_never_written_to() {
    let (_tmp, paths, mut open) = setup();
    open.journal.append(&done(2, "a")).unwrap();
    // A person's edit breaks a middle line while this handle is open.
    append_raw(&open.dir, b"Done(date:\"2026-02-30\",item:\"x\")\n");
    append_raw(&open.dir, format_record(&done(4, "d")).as_bytes());
    let before = journal_bytes(&open.dir);

    let err = open.journal.append(&done(5, "e")).unwrap_err();
    assert!(err.is_damaged_file(), "{err}");
    let message = err.to_string();
    assert!(message.contains(&format!("{JOURNAL_FILE}:3:")), "{message}");
    assert_eq!(journal_bytes(&open.dir), before);

    let err = OpenProfile::open(&paths, "me").unwrap_err();
    assert!(err.is_damaged_file(), "{err}");
    let err = open.apply(&settings_change(&open.profile, |s| s.minutes = 45));
    assert!(
        err.is_err(),
        "a profile edit went through a damaged journal"
    );
    assert_eq!(journal_bytes(&open.dir), before);
    assert!(
        !fs::read_to_string(open.dir.join(PROFILE_FILE))
            .unwrap()
            .contains("45")
    );
}

#[test]
fn a_newer_journal_is_refused_and_left_alone() {
    let (_tmp, paths, open) = setup();
    let newer = b"(format: \"rehab-journal\", version: 9)\nFly(date:\"2026-11-02\")\n";
    fs::write(open.dir.join(JOURNAL_FILE), newer).unwrap();
    let err = OpenProfile::open(&paths, "me").unwrap_err();
    assert!(err.to_string().contains("newer"), "{err}");
    let mut stale = open;
    assert!(stale.journal.append(&done(2, "a")).is_err());
    assert_eq!(journal_bytes(&stale.dir), newer);
}

#[test]
fn an_invalid_record_writes_nothing() {
    let (_tmp, _paths, mut open) = setup();
    let bad = Record::Pain {
        date: Date::constant(2026, 11, 2),
        item: None,
        report: PainReport {
            during: Some(11),
            ..PainReport::default()
        },
    };
    let err = open.journal.append_all(&[done(2, "a"), bad]).unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err}");
    assert!(!open.dir.join(JOURNAL_FILE).exists());
}

#[test]
fn another_sessions_records_are_noticed_cheaply() {
    let (_tmp, paths, mut a) = setup();
    a.journal.append(&done(2, "a")).unwrap();
    assert!(!a.journal.has_changed());
    let mut b = OpenProfile::open(&paths, "me").unwrap();
    b.journal.append(&done(3, "b")).unwrap();
    assert!(a.journal.has_changed());
    assert_eq!(a.journal.refresh().unwrap(), 1);
    assert!(
        a.journal
            .state()
            .status(Date::constant(2026, 11, 3), "b")
            .is_some()
    );
    // An append also catches up first, so nothing is shown or written on stale state.
    b.journal.append(&done(4, "c")).unwrap();
    a.journal.append(&done(5, "d")).unwrap();
    assert_eq!(a.journal.state().records, 4);
    let on_disk = a.journal.read_records().unwrap();
    assert_eq!(on_disk[2], done(4, "c"));
    assert_eq!(a.journal.state(), &replayed(&on_disk));
}

#[test]
fn a_journal_replaced_by_an_editor_is_read_again() {
    let (_tmp, _paths, mut a) = setup();
    a.journal.append_all(&[done(2, "a"), done(3, "b")]).unwrap();
    let mut text = header_line();
    text.push_str(&format_record(&done(9, "z")));
    let tmp = a.dir.join("edited");
    fs::write(&tmp, text).unwrap();
    fs::rename(&tmp, a.dir.join(JOURNAL_FILE)).unwrap();
    a.journal.refresh().unwrap();
    assert_eq!(a.journal.state(), &replayed(&[done(9, "z")]));
}

#[test]
fn threads_appending_at_once_all_land_whole() {
    let (_tmp, paths, _open) = setup();
    let threads: Vec<_> = (0..4)
        .map(|t| {
            let paths = paths.clone();
            std::thread::spawn(move || {
                let mut open = OpenProfile::open(&paths, "me").unwrap();
                for i in 0..100 {
                    open.journal
                        .append(&done(1 + (i % 28) as i8, &format!("t{t}-{i}")))
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let all = OpenProfile::open(&paths, "me").unwrap();
    let records = all.journal.read_records().unwrap();
    assert_eq!(records.len(), 400);
    assert_eq!(all.journal.state().records, 400);
    assert_eq!(all.journal.warnings().count(), 0);
    for t in 0..4 {
        let mine: Vec<_> = records
            .iter()
            .filter_map(|r| r.item().filter(|i| i.starts_with(&format!("t{t}-"))))
            .collect();
        let want: Vec<String> = (0..100).map(|i| format!("t{t}-{i}")).collect();
        assert_eq!(mine, want, "thread {t}'s records out of order or lost");
    }
}

#[test]
fn profiles_are_created_once_and_edited_atomically() {
    let (_tmp, paths, mut open) = setup();
    let again = OpenProfile::create(
        &paths,
        Profile::new("me", "itbs", Settings::new(Date::constant(2026, 1, 1))),
    );
    assert!(matches!(again, Err(StoreError::Exists(_))));
    open.apply(&settings_change(&open.profile, |s| s.minutes = 45))
        .unwrap();
    let reread = OpenProfile::open(&paths, "me").unwrap();
    assert_eq!(reread.profile.settings.minutes, 45);
    assert_eq!(reread.profile.condition, "pfps");
    // A change that would not read back is refused whole.
    let refused = open.apply(&settings_change(&open.profile, |s| s.minutes = 0));
    assert!(matches!(refused, Err(StoreError::Invalid(_))));
    let names: Vec<String> = fs::read_dir(&open.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "temporary files left: {names:?}");
}

#[test]
fn a_damaged_profile_is_reported_with_its_position_and_kept() {
    let (_tmp, paths, mut open) = setup();
    let path = open.dir.join(PROFILE_FILE);
    let broken = fs::read_to_string(&path)
        .unwrap()
        .replace("minutes: 30", "minutes: thirty");
    fs::write(&path, &broken).unwrap();
    let err = OpenProfile::open(&paths, "me").unwrap_err();
    let message = err.to_string();
    assert!(message.contains(&format!("{PROFILE_FILE}:")), "{message}");
    assert!(err.is_damaged_file());
    assert!(open.apply(&settings_change(&open.profile, |_| {})).is_err());
    assert!(open.has_changed());
    assert!(
        open.apply(&Change::records(vec![done(2, "a")]))
            .unwrap_err()
            .is_damaged_file()
    );
    assert!(
        !open.dir.join(JOURNAL_FILE).exists(),
        "a tick went into a damaged profile"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), broken);
}

#[test]
fn an_empty_or_missing_journal_starts_with_a_header() {
    let (_tmp, _paths, open) = setup();
    fs::write(open.dir.join(JOURNAL_FILE), b"").unwrap();
    let mut j = JournalFile::open(&open.dir).unwrap();
    assert_eq!(j.state().records, 0);
    j.append(&done(2, "a")).unwrap();
    let text = String::from_utf8(journal_bytes(&open.dir)).unwrap();
    assert!(text.starts_with(&header_line()), "{text}");
}

#[test]
fn screenings_and_assessments_land_in_profile_and_journal() {
    // `OpenProfile::record` is the one way a change is written (issue 32).
    let (_tmp, paths, mut open) = setup();
    let date = Date::constant(2026, 11, 3);
    let answers = std::collections::BTreeMap::from([
        ("locked-knee".to_string(), true),
        ("giving-way".to_string(), false),
    ]);
    // One write of two records: the journal keeps both, the profile what it follows of them.
    open.apply(&Change::records(vec![
        Record::Screened {
            date,
            answers: answers.clone(),
        },
        Record::Assessed {
            date: Date::constant(2026, 11, 5),
            by: Some("Dr K".into()),
        },
    ]))
    .unwrap();
    assert_eq!(open.profile.red_flags.answered_on, Some(date));
    let again = OpenProfile::open(&paths, "me").unwrap();
    let flags = &again.profile.red_flags;
    assert_eq!(flags.answered_on, Some(date));
    assert_eq!(flags.raised(), vec!["locked-knee"]);
    assert_eq!(
        flags.assessed_by_clinician,
        Some(Date::constant(2026, 11, 5))
    );
    let state = again.journal.state();
    assert_eq!(state.screenings, vec![(date, std::sync::Arc::new(answers))]);
    assert_eq!(state.assessed, Some(Date::constant(2026, 11, 5)));
    assert_eq!(
        state.last_assessment,
        Some((1, Date::constant(2026, 11, 5), Some("Dr K".to_string())))
    );
}

#[test]
fn a_journal_damaged_while_open_keeps_the_shown_state_and_refuses_writes() {
    let (_tmp, _paths, mut open) = setup();
    open.journal.append(&done(2, "a")).unwrap();
    let shown = open.journal.state().clone();
    let broken = format!("{}Oops\n{}", header_line(), format_record(&done(3, "b")));
    let tmp = open.dir.join("edited");
    fs::write(&tmp, &broken).unwrap();
    fs::rename(&tmp, open.dir.join(JOURNAL_FILE)).unwrap();
    assert!(open.journal.refresh().unwrap_err().is_damaged_file());
    assert_eq!(open.journal.state(), &shown);
    assert!(open.journal.has_changed(), "must look again next time");
    assert!(open.journal.append(&done(4, "c")).is_err());
    assert_eq!(
        fs::read_to_string(open.dir.join(JOURNAL_FILE)).unwrap(),
        broken
    );
}

/// The state a fresh replay of `records` gives: what a handle must hold after reading them.
fn replayed(records: &[Record]) -> JournalState {
    JournalState::replay(records)
}

/// A change of the profile's settings, dated as a settings form would date it.
pub(crate) fn settings_change(
    profile: &rehab_planner::profile::Profile,
    edit: impl FnOnce(&mut rehab_planner::plan::Settings),
) -> Change {
    let mut settings = profile.settings.clone();
    edit(&mut settings);
    Change::patch(
        rehab_planner::profile::Patch::settings(settings, profile.settings.start),
        Vec::new(),
    )
}

#[test]
fn a_change_writes_its_records_and_its_patch_together_or_nothing() {
    let (_tmp, paths, mut open) = setup();
    open.apply(&Change::records(vec![done(2, "a")])).unwrap();
    let before = journal_bytes(&open.dir);
    let assessed = Record::Assessed {
        date: Date::constant(2026, 11, 20),
        by: Some("Dr K".into()),
    };
    // A patch that would not read back refuses the records with it.
    let mut refused = settings_change(&open.profile, |s| s.minutes = 0);
    refused.records.push(assessed.clone());
    assert!(matches!(open.apply(&refused), Err(StoreError::Invalid(_))));
    assert_eq!(journal_bytes(&open.dir), before);
    assert_eq!(
        OpenProfile::open(&paths, "me").unwrap().profile,
        open.profile
    );
    // A sound one writes the record, then the profile with the patch and what it follows.
    let mut change = settings_change(&open.profile, |s| s.minutes = 45);
    change.records.push(assessed);
    open.apply(&change).unwrap();
    let reread = OpenProfile::open(&paths, "me").unwrap();
    assert_eq!(reread.profile.settings.minutes, 45);
    assert_eq!(
        reread.profile.red_flags.assessed_by_clinician,
        Some(Date::constant(2026, 11, 20))
    );
    assert_eq!(reread.journal.state().records, 2);
}

#[test]
fn a_change_that_makes_a_profile_writes_it_then_its_records_and_apply_refuses_it() {
    let tmp = tempfile::tempdir().unwrap();
    let paths = Paths::resolve(Some(tmp.path().to_path_buf()), None);
    let answered = Date::constant(2026, 11, 2);
    let change = Change::create(
        Profile::new("me", "pfps", Settings::new(answered)),
        vec![Record::Screened {
            date: answered,
            answers: [("locking".to_string(), false)].into(),
        }],
    );
    let made = OpenProfile::create_with(&paths, &change).unwrap();
    let reread = OpenProfile::open(&paths, "me").unwrap();
    assert_eq!(reread.profile, made.profile);
    assert_eq!(reread.profile.red_flags.answered_on, Some(answered));
    assert_eq!(reread.journal.state().records, 1);
    // Given to the open profile, a change that makes one is refused and writes nothing.
    let mut open = reread;
    let before = journal_bytes(&open.dir);
    assert!(matches!(open.apply(&change), Err(StoreError::Invalid(_))));
    assert_eq!(journal_bytes(&open.dir), before);
    assert!(matches!(
        OpenProfile::create_with(&paths, &Change::records(Vec::new())),
        Err(StoreError::Invalid(_))
    ));
}
