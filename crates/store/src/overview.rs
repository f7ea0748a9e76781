//! The clinician's overview read from a data folder: every profile opened and its row worked
//! out, through the caches beside each journal, which it brings up to date. Nothing a person
//! wrote is changed.

use std::sync::atomic::{AtomicUsize, Ordering};

use jiff::civil::Date;

use super::data_error::StoreError;
use super::profile::{OpenProfile, list_profiles};
use crate::catalog::Catalog;
use crate::handover::{ClinicRow, clinic_rows};
use crate::paths::Paths;

/// The overview's rows, those needing attention first (the rows of `rehab clinic` and of the
/// app's Clinic view).
pub fn clinic_overview(
    paths: &Paths,
    catalog: &Catalog,
    today: Date,
) -> Result<Vec<ClinicRow>, StoreError> {
    let names = list_profiles(paths)?;
    let row = |name: &String| match OpenProfile::open(paths, name) {
        Ok(open) => {
            let (row, newer) = ClinicRow::recent(
                catalog,
                &open.profile,
                open.journal.state(),
                today,
                &open.memo(),
            );
            if let Some(newer) = newer {
                open.keep_memo(&newer);
            }
            row
        }
        Err(_) => ClinicRow::broken(name),
    };
    // Profiles are independent: a first look at a clinic's worth, with no caches yet, works
    // out a year of weeks for each, and the processors share that out.
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(names.len().div_ceil(8))
        .max(1);
    let next = AtomicUsize::new(0);
    let mut rows: Vec<(usize, ClinicRow)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(name) = names.get(i) else {
                            return done;
                        };
                        done.push((i, row(name)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    rows.sort_by_key(|(i, _)| *i);
    Ok(clinic_rows(rows.into_iter().map(|(_, r)| r).collect()))
}
