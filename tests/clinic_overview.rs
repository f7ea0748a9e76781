//! The clinician's overview through the caches (issue 30) gives the rows it gives without them:
//! the row from a saved progression is the row from every week worked out, day after day and
//! after the date moves back, and the data folder's overview is the same on a first look, with
//! no caches, and on the next, through the ones the first left.
#![allow(clippy::unwrap_used)]

use jiff::ToSpan;
use jiff::civil::Date;
use rehab_planner::catalog::Catalog;
use rehab_planner::handover::{ClinicRow, clinic_rows};
use rehab_planner::journal::{JournalState, PainReport, Record, format_record, header_line};
use rehab_planner::paths::Paths;
use rehab_planner::plan::Settings;
use rehab_planner::profile::Profile;
use rehab_planner::session::Standing;
use rehab_planner::store::OpenProfile;
use rehab_planner::store::cache::{CACHE_FILE, PROGRESS_FILE};
use rehab_planner::store::overview::clinic_overview;

const START: Date = Date::constant(2026, 1, 5);
const WEEKS: i64 = 30;

/// How a person logs: `keen` in 10 of the plan's items ticked, the pain during a session,
/// and whether they stop logging before the end.
struct Person {
    name: &'static str,
    keen: usize,
    pain: fn(i64) -> u8,
    swelling_on: Option<i64>,
    stops: Option<i64>,
    answered: bool,
}

const PEOPLE: [Person; 4] = [
    Person {
        name: "calm",
        keen: 9,
        pain: |_| 1,
        swelling_on: None,
        stops: None,
        answered: true,
    },
    // Red weeks now and then, and a swollen knee one day.
    Person {
        name: "flares",
        keen: 7,
        pain: |n| if (n / 7) % 5 == 3 { 6 } else { 2 },
        swelling_on: Some(7 * 20 + 2),
        stops: None,
        answered: true,
    },
    Person {
        name: "stopped",
        keen: 5,
        pain: |n| (n % 4) as u8,
        swelling_on: None,
        stops: Some(7 * (WEEKS - 3)),
        answered: true,
    },
    Person {
        name: "unanswered",
        keen: 8,
        pain: |_| 2,
        swelling_on: None,
        stops: None,
        answered: false,
    },
];

fn make(paths: &Paths, catalog: &Catalog, person: &Person) {
    let mut profile = Profile::new(person.name, "pfps", Settings::new(START));
    let no: std::collections::BTreeMap<String, bool> = catalog
        .red_flags
        .iter()
        .map(|f| (f.id.to_string(), false))
        .collect();
    if person.answered {
        profile.red_flags.answered_on = Some(START);
        profile.red_flags.answers = no.clone();
    }
    let end = START.checked_add((7 * WEEKS).days()).unwrap();
    // The plan's items as the calendar has them: most are the adapted plan's too.
    let plans = Standing::compute(catalog, &profile, &JournalState::default(), end).plans;
    let open = OpenProfile::create(paths, profile).unwrap();
    let mut text = header_line();
    for n in 0..7 * WEEKS {
        if person.stops.is_some_and(|s| n >= s) {
            break;
        }
        let date = START.checked_add(n.days()).unwrap();
        if person.answered && n % 7 == 0 {
            text.push_str(&format_record(&Record::Screened {
                date,
                answers: no.clone(),
            }));
        }
        let items = plans
            .iter()
            .filter_map(|w| w.day(date))
            .flat_map(|d| &d.items);
        for (i, item) in items.enumerate() {
            if (i + n as usize) % 10 < person.keen {
                text.push_str(&format_record(&Record::Done {
                    date,
                    item: item.exercise.to_string(),
                    sets: None,
                }));
            }
        }
        let during = (person.pain)(n);
        text.push_str(&format_record(&Record::Pain {
            date,
            item: None,
            report: PainReport {
                during: Some(during),
                swelling: (person.swelling_on == Some(n)).then_some(true),
                ..PainReport::default()
            },
        }));
        text.push_str(&format_record(&Record::Pain {
            date,
            item: None,
            report: PainReport {
                morning: Some(during.saturating_sub(1)),
                ..PainReport::default()
            },
        }));
    }
    std::fs::write(open.journal.path(), text).unwrap();
}

fn folder() -> (tempfile::TempDir, Paths, Catalog) {
    let tmp = tempfile::tempdir().unwrap();
    let paths = Paths::resolve(Some(tmp.path().to_path_buf()), None);
    let catalog = Catalog::builtin().unwrap();
    for person in &PEOPLE {
        make(&paths, &catalog, person);
    }
    (tmp, paths, catalog)
}

#[test]
fn a_row_from_the_saved_progression_is_the_row_from_every_week() {
    let (_tmp, paths, catalog) = folder();
    let last = START.checked_add((7 * WEEKS + 3).days()).unwrap();
    // Day by day over the last weeks, then back a few weeks with the newest checkpoint.
    let mut days: Vec<Date> = (0..40)
        .map(|n| last.checked_sub(n.days()).unwrap())
        .rev()
        .collect();
    days.extend([last.checked_sub(23.days()).unwrap(), START, last]);
    for person in &PEOPLE {
        let open = OpenProfile::open(&paths, person.name).unwrap();
        let (profile, journal) = (&open.profile, open.journal.state());
        let mut memo = rehab_planner::progress::Memo::default();
        let mut checkpoints = 0;
        for &today in &days {
            let slow = ClinicRow::of(&catalog, profile, journal, today);
            let (fast, newer) = ClinicRow::recent(&catalog, profile, journal, today, &memo);
            assert_eq!(fast, slow, "{} on {today}", person.name);
            if let Some(newer) = newer {
                checkpoints += 1;
                memo = newer;
            }
        }
        assert!(
            checkpoints > 0,
            "{}: no checkpoint was ever kept",
            person.name
        );
    }
}

#[test]
fn the_overview_is_the_same_without_caches_and_through_them() {
    let (tmp, paths, catalog) = folder();
    let today = START.checked_add((7 * WEEKS + 2).days()).unwrap();
    let slow = clinic_rows(
        PEOPLE
            .iter()
            .map(|p| {
                let open = OpenProfile::open(&paths, p.name).unwrap();
                ClinicRow::of(&catalog, &open.profile, open.journal.state(), today)
            })
            .collect(),
    );
    let profiles = tmp.path().join("profiles");
    for person in &PEOPLE {
        for cache in [CACHE_FILE, PROGRESS_FILE] {
            let _ = std::fs::remove_file(profiles.join(person.name).join(cache));
        }
    }
    let first = clinic_overview(&paths, &catalog, today).unwrap();
    assert_eq!(first, slow);
    for person in &PEOPLE {
        assert!(
            profiles.join(person.name).join(PROGRESS_FILE).exists(),
            "{}: the first look kept no progression",
            person.name
        );
    }
    assert_eq!(clinic_overview(&paths, &catalog, today).unwrap(), slow);
    // The rows are not all alike: the comparison covers more than one kind of row.
    let concerns: std::collections::BTreeSet<_> = slow.iter().map(|r| r.concerns.clone()).collect();
    assert!(concerns.len() >= 3, "{slow:#?}");
}
