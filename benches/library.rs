//! Targets on the 2-core machine: built-in library ready < 5 ms, a 12-week program < 1 ms,
//! a 5,000-exercise user library loaded and validated < 100 ms.

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use rehab_planner::catalog::{Catalog, SourceText};
use rehab_planner::plan::{Overrides, Settings, build_program};

/// A clinic file with `n` exercises, each progressing to the next.
fn generated_library(n: usize, source: &str) -> SourceText {
    let mut text = String::from("(\n    exercises: [\n");
    for i in 0..n {
        let progression = if i + 1 < n {
            format!("Some(\"gen-{}\")", i + 1)
        } else {
            "None".into()
        };
        let _ = writeln!(
            text,
            "        (id: \"gen-{i}\", name: \"Generated {i}\", kind: Strength, targets: [\"hips\"], \
             dose: (sets: 3, work: Reps(10), per_side: true, tempo: Some(\"2-0-2\"), rest_s: 60, frequency: PerWeek(3)), \
             steps: [\"One.\", \"Two.\", \"Three.\"], cues: [\"Slowly.\"], progression: {progression}, \
             source: \"{source}\", evidence: C, dose_origin: AppDefault),"
        );
    }
    text.push_str("    ],\n)\n");
    SourceText::new("generated.ron", text)
}

fn benches(c: &mut Criterion) {
    c.bench_function("load and validate the built-in library", |b| {
        b.iter(|| black_box(Catalog::builtin().expect("built-in")))
    });

    let catalog = Catalog::builtin().expect("built-in");
    let settings = Settings::new(date(2026, 11, 23));
    for condition in ["pfps", "patellar-tendinopathy"] {
        let condition = catalog.condition(condition).expect("condition");
        c.bench_function(
            &format!("build a 12-week program ({})", condition.id),
            |b| {
                b.iter(|| {
                    black_box(
                        build_program(&catalog, condition, &settings, &Overrides::default(), 12)
                            .expect("plan"),
                    )
                })
            },
        );
    }

    let file = generated_library(5_000, &catalog.sources[0].key);
    let mut group = c.benchmark_group("user library");
    group.sample_size(20);
    group.bench_function("load and validate 5,000 exercises", |b| {
        b.iter(|| {
            let loaded = Catalog::load(std::slice::from_ref(&file)).expect("built-in");
            assert!(loaded.problems.is_empty(), "{:?}", loaded.problems.first());
            black_box(loaded)
        })
    });
    group.finish();
}

criterion_group!(library, benches);
criterion_main!(library);
