//! A scripted journal for the follow-up report's tests.
#![allow(clippy::unwrap_used, dead_code)]

use std::collections::BTreeMap;

use jiff::civil::Date;

use rehab_planner::catalog::Catalog;
use rehab_planner::journal::{JournalState, PainReport, Record, SkipReason};
use rehab_planner::plan::Settings;
use rehab_planner::profile::{Patient, Profile};
use rehab_planner::session::Standing;

pub fn d(text: &str) -> Date {
    text.parse().unwrap()
}

/// A pfps profile from Monday 2 November 2026, four days a week, with a clinician's pin and
/// dose; three weeks of logs: week 1 all done, week 2 partly done and skipped, week 3 a painful
/// week with rising mornings; a re-screen with an advice answer, an assessment, notes.
pub fn scripted() -> (Catalog, Profile, JournalState, Date) {
    let catalog = Catalog::builtin().unwrap();
    let mut profile = Profile::new("anna", "pfps", Settings::new(d("2026-11-02")));
    profile.patient = Some(Patient {
        name: Some("A. Runner".into()),
        clinician: Some("B. Physio".into()),
        clinic: Some("Riverside <Physio> & Co".into()),
        notes: None,
    });
    profile.overrides.ceiling_exercise = Some(3);
    let all_no: BTreeMap<String, bool> = catalog
        .red_flags
        .iter()
        .map(|f| (f.id.to_string(), false))
        .collect();
    let all_no_again = all_no.clone();
    let all_no_again_profile = all_no.clone();
    let mut advise = all_no.clone();
    advise.insert("recent-surgery-or-injection".into(), true);
    profile.red_flags.answered_on = Some(d("2026-11-16"));
    profile.red_flags.answers = advise.clone();

    let today = d("2026-11-25");
    let mut records = vec![Record::Screened {
        date: d("2026-11-01"),
        answers: all_no,
    }];
    // The plan as it stands with no logs gives the items of weeks 1-3 (the logs of a week only
    // shape the weeks after it, so week by week is enough).
    for week in 1..=3u32 {
        let journal = JournalState::replay(&records);
        let standing = Standing::weeks(&catalog, &profile, &journal, today, week);
        let plan = standing.plans.last().unwrap().clone();
        for (n, day) in plan.days.iter().enumerate() {
            if day.items.is_empty() {
                continue;
            }
            for (i, item) in day.items.iter().enumerate() {
                let record = match (week, i % 4) {
                    (1, _) => Record::Done {
                        date: day.date,
                        item: item.exercise.clone(),
                        sets: None,
                    },
                    (2, 0) => Record::Skipped {
                        date: day.date,
                        item: item.exercise.clone(),
                        reason: SkipReason::Time,
                    },
                    (2, 1) if item.dose.sets > 1 => Record::Done {
                        date: day.date,
                        item: item.exercise.clone(),
                        sets: Some(1),
                    },
                    (3, 3) => Record::Skipped {
                        date: day.date,
                        item: item.exercise.clone(),
                        reason: SkipReason::Pain,
                    },
                    _ => Record::Done {
                        date: day.date,
                        item: item.exercise.clone(),
                        sets: None,
                    },
                };
                records.push(record);
            }
            let during = [1, 2, 4][week as usize - 1] + (n as u8 % 2);
            records.push(Record::Pain {
                date: day.date,
                item: None,
                report: PainReport {
                    during: Some(during),
                    morning: Some(week as u8 - 1 + (n as u8 % 2)),
                    ..PainReport::default()
                },
            });
        }
        if week == 2 {
            records.push(Record::Note {
                date: d("2026-11-11"),
                text: "Stairs <b>hurt</b> | after *work*".into(),
            });
        }
    }
    records.push(Record::Screened {
        date: d("2026-11-16"),
        answers: advise,
    });
    records.push(Record::Assessed {
        date: d("2026-11-18"),
        by: Some("B. Physio".into()),
    });
    // This week's questions, answered on its Monday.
    records.push(Record::Screened {
        date: d("2026-11-23"),
        answers: all_no_again,
    });
    profile.red_flags.answered_on = Some(d("2026-11-23"));
    profile.red_flags.answers = all_no_again_profile;
    let journal = JournalState::replay(&records);
    (catalog, profile, journal, today)
}

/// Every red-flag question's id, in the library's order (to answer them all by flag).
pub fn red_flag_ids() -> Vec<String> {
    rehab_planner::catalog::Catalog::builtin()
        .unwrap()
        .red_flags
        .into_iter()
        .map(|f| f.id.into_string())
        .collect()
}

/// Every file under `dir` with its bytes; lock files left out (a reader may make one).
pub fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            out.extend(snapshot(&p));
        } else if !p.ends_with(".lock") {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out.sort();
    out
}
