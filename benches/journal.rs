//! Targets: loading a profile with ten years of daily records (about 45,000 journal lines) in
//! under 50 ms; one check-off, fsync included, in under 5 ms. Issue 19 adds where that profile
//! stands after ten years (`session::Standing`, the pain-monitored progression over every week)
//! and the whole of `rehab today` before printing: open, then stand; its target is 10 ms, met
//! through the journal's cache and the saved progression (the last case). A load just after a
//! write checks the cache by hashing the journal; one after it has settled, by its stamp.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::ToSpan;
use jiff::civil::Date;
use rehab_planner::catalog::Catalog;
use rehab_planner::journal::{PainReport, Record, format_record, header_line};
use rehab_planner::paths::Paths;
use rehab_planner::plan::Settings;
use rehab_planner::profile::Profile;
use rehab_planner::session::Standing;
use rehab_planner::store::OpenProfile;

const ITEMS: [&str; 10] = [
    "quad-set",
    "straight-leg-raise",
    "clamshell",
    "side-lying-hip-abduction",
    "bridge",
    "wall-sit",
    "step-down",
    "calf-raise",
    "hamstring-stretch",
    "walk-run",
];

/// Ten years of a keen person's days: ten ticks, two pain scores and now and then a note.
fn ten_years(start: Date) -> String {
    let mut text = header_line();
    let mut lines = 0;
    for day in 0..3650 {
        let date = start.checked_add(day.days()).unwrap();
        for item in ITEMS {
            text.push_str(&format_record(&Record::Done {
                date,
                item: (*item).into(),
                sets: (day % 5 == 0).then_some(2),
            }));
            lines += 1;
        }
        text.push_str(&format_record(&Record::Pain {
            date,
            item: None,
            report: PainReport {
                during: Some((day % 4) as u8),
                ..PainReport::default()
            },
        }));
        // The next-morning score, logged the following day.
        text.push_str(&format_record(&Record::Pain {
            date,
            item: None,
            report: PainReport {
                morning: Some((day % 3) as u8),
                ..PainReport::default()
            },
        }));
        lines += 2;
        if day % 3 == 0 {
            text.push_str(&format_record(&Record::Note {
                date,
                text: "felt fine, knee a little stiff on the stairs".into(),
            }));
            lines += 1;
        }
    }
    assert!((44_000..46_000).contains(&lines), "{lines} lines");
    text
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let paths = Paths::resolve(Some(tmp.path().to_path_buf()), None);
    let start = Date::constant(2016, 1, 4);
    let catalog = Catalog::builtin().unwrap();
    // The red-flag questions unanswered hold the plan, but every week is worked out all the same.
    let open =
        OpenProfile::create(&paths, Profile::new("me", "pfps", Settings::new(start))).unwrap();
    std::fs::write(open.journal.path(), ten_years(start)).unwrap();
    let cache = open.dir.join(rehab_planner::store::cache::CACHE_FILE);
    let progress = open.dir.join(rehab_planner::store::cache::PROGRESS_FILE);

    c.bench_function(
        "load a profile with 45,000 journal lines, without its cache (which it then writes)",
        |b| {
            b.iter_batched(
                || {
                    let _ = std::fs::remove_file(&cache);
                },
                |()| black_box(OpenProfile::open(&paths, "me").unwrap()),
                criterion::BatchSize::PerIteration,
            )
        },
    );
    c.bench_function("load a profile with 45,000 journal lines", |b| {
        b.iter(|| black_box(OpenProfile::open(&paths, "me").unwrap()))
    });
    // The journal written a moment ago: its stamp is not trusted, so every byte the cache
    // covers is hashed again (the first start after a change, at worst).
    let mut writer = OpenProfile::open(&paths, "me").unwrap();
    let note = Record::Note {
        date: start,
        text: "x".into(),
    };
    c.bench_function(
        "load a profile with 45,000 journal lines just after a check-off (hashed, not stamped)",
        |b| {
            b.iter_batched(
                || {
                    writer
                        .apply(&rehab_planner::session::Change::records(vec![note.clone()]))
                        .unwrap()
                },
                |_| black_box(OpenProfile::open(&paths, "me").unwrap()),
                criterion::BatchSize::PerIteration,
            )
        },
    );
    let today = start.checked_add(3650.days()).unwrap();
    let loaded = OpenProfile::open(&paths, "me").unwrap();
    c.bench_function("where a profile stands after ten years (Standing)", |b| {
        b.iter(|| {
            black_box(Standing::compute(
                &catalog,
                &loaded.profile,
                loaded.journal.state(),
                today,
            ))
        })
    });
    c.bench_function(
        "rehab today after ten years, before printing (open + Standing)",
        |b| {
            b.iter(|| {
                let open = OpenProfile::open(&paths, "me").unwrap();
                black_box(Standing::compute(
                    &catalog,
                    &open.profile,
                    open.journal.state(),
                    today,
                ))
            })
        },
    );

    c.bench_function(
        "rehab today after ten years, through the caches (open + OpenProfile::standing)",
        |b| {
            b.iter(|| {
                let open = OpenProfile::open(&paths, "me").unwrap();
                let standing = open.standing(&catalog, (today, today));
                black_box((open, standing))
            })
        },
    );
    assert!(progress.exists(), "the progression was saved");

    let mut open = OpenProfile::open(&paths, "me").unwrap();
    let tick = Record::Done {
        date: Date::constant(2026, 1, 5),
        item: "quad-set".into(),
        sets: None,
    };
    c.bench_function("one check-off (append + fsync)", |b| {
        b.iter(|| {
            open.apply(&rehab_planner::session::Change::records(vec![tick.clone()]))
                .unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
