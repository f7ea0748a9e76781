//! Issue 31: a far date costs what the program's own weeks cost, never more. `rehab today`,
//! `done` and `history` run as a person runs them (the binary, a year-old profile), for a day
//! in the program, for the latest day the program's weeks allow (its worst case), and for a
//! date in year 9999 and a clock there (refused before any file is read). The targets: the
//! 9999 cases no slower than the day in the program, and the worst case bounded by MAX_WEEKS.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};

fn rehab(dir: &Path, today: &str, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rehab"))
        .env("REHAB_DATA_DIR", dir.join("data"))
        .env("REHAB_LIBRARY", dir.join("library"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("REHAB_TODAY", today)
        .env_remove("REHAB_PROFILE")
        .args(args)
        .output()
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let today = "2026-11-25";
    let made = rehab(
        dir,
        today,
        &[
            "profile",
            "new",
            "me",
            "--condition",
            "pfps",
            "--start",
            "2025-11-24",
        ],
    );
    assert!(made.status.success());
    let list = rehab(dir, today, &["screen", "--list"]);
    let ids: Vec<String> = String::from_utf8(list.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert!(
        rehab(dir, today, &["screen", "--no", &ids.join(",")])
            .status
            .success()
    );
    // The last Monday the program's weeks reach, from its start on 2025-11-24.
    let last = jiff::civil::Date::constant(2025, 11, 24)
        .checked_add(jiff::Span::new().weeks(i64::from(rehab_planner::plan::MAX_WEEKS) - 1))
        .unwrap()
        .to_string();
    let mut group = c.benchmark_group("far dates");
    group.sample_size(10);
    for (name, args) in [
        ("today", &["today"][..]),
        ("done", &["done", "1"]),
        ("history", &["history"]),
    ] {
        group.bench_function(format!("{name}, a day in the program"), |b| {
            b.iter(|| rehab(dir, today, args))
        });
        group.bench_function(
            format!("{name}, the program's last week (worst case)"),
            |b| b.iter(|| rehab(dir, &last, args)),
        );
        group.bench_function(format!("{name}, the clock at 9999-12-31 (refused)"), |b| {
            b.iter(|| {
                let out = rehab(dir, "9999-12-31", args);
                assert!(!out.status.success());
                out
            })
        });
        if name != "history" {
            let mut dated = args.to_vec();
            dated.extend(["--date", "9999-12-31"]);
            group.bench_function(format!("{name} --date 9999-12-31 (refused)"), |b| {
                b.iter(|| {
                    let out = rehab(dir, today, &dated);
                    assert!(!out.status.success());
                    out
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
