//! Reads the journal's replayed state as the engine's input, so the rules never depend on how
//! the journal stores things.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;

use super::log::{DayLog, ItemLog, Log, PhaseExit, Status};
use crate::catalog::{Catalog, FlagLevel};
use crate::journal::{self, ItemStatus, JournalState, Pain};

/// The criteria id the journal records when the return-to-run entry criteria are met.
pub const RUN_ENTRY_CRITERIA: &str = "return-to-run";

/// The criteria id the journal records when a phase's exit criteria are met (1-based phase):
/// `phase-2-exit`.
pub fn phase_exit_criteria(phase: u32) -> String {
    format!("phase-{phase}-exit")
}

/// The criteria id of one of a phase's exit checks (both 1-based): `phase-2-exit-1`. The
/// engine reads only [`phase_exit_criteria`]; the session records that once every check is met.
pub fn phase_check_criteria(phase: u32, check: usize) -> String {
    format!("phase-{phase}-exit-{check}")
}

fn phase_of_criteria(id: &str) -> Option<u32> {
    id.strip_prefix("phase-")?
        .strip_suffix("-exit")?
        .parse()
        .ok()
        .filter(|&n| n > 0)
}

/// The engine's view of the journal. The library tells which items are runs (their pain is read
/// against the running ceiling) and how serious each red-flag answer is.
pub fn log_from_journal(state: &JournalState, catalog: &Catalog) -> Log {
    log_from_journal_since(state, catalog, None)
}

/// As [`log_from_journal`], with only the days from `since` on (when given): the engine starting
/// from a checkpoint reads no day before it. The milestones are all there.
pub fn log_from_journal_since(state: &JournalState, catalog: &Catalog, since: Option<Date>) -> Log {
    let from = since.unwrap_or(Date::MIN);
    let mut runs = Runs::default();
    let mut days: BTreeMap<Date, DayLog> = state
        .days
        .range(from..)
        .map(|(date, day)| (*date, day_log(*date, day, catalog, &mut runs)))
        .collect();
    for (date, answers) in state.screenings.iter().filter(|(d, _)| *d >= from) {
        let raised = answers.iter().any(|(id, yes)| {
            // An unknown id counts as serious: better a needless "see a clinician" than none.
            *yes && catalog
                .red_flag(id)
                .is_none_or(|f| f.level >= FlagLevel::Block)
        });
        if raised {
            days.entry(*date)
                .or_insert_with(|| DayLog::new(*date))
                .red_flag = true;
        }
    }
    let mut phase_exits: Vec<PhaseExit> = state
        .criteria_met
        .iter()
        .filter_map(|(id, date)| {
            phase_of_criteria(id).map(|phase| PhaseExit { phase, date: *date })
        })
        .collect();
    phase_exits.sort_by_key(|e| (e.phase, e.date));
    Log {
        days: days.into_values().collect(),
        phase_exits,
        run_entry: state.criteria_met.get(RUN_ENTRY_CRITERIA).copied(),
        assessed: state.assessments.clone(),
        ran: ran_since(state, from),
    }
}

/// The watch's runs from `from` on, in date order.
fn ran_since(state: &JournalState, from: Date) -> Vec<(Date, u32)> {
    let mut ran: Vec<(Date, u32)> = state
        .activities
        .iter()
        .filter(|a| a.kind == journal::ActivityKind::Run && a.date >= from)
        .map(|a| (a.date, a.moving_s))
        .collect();
    ran.sort_by_key(|(d, _)| *d);
    ran
}

/// Which item ids are runs, remembered by the id's shared copy: the journal's state holds one
/// copy of each id, so years of days name a few dozen of them, each looked up once.
#[derive(Default)]
struct Runs(Vec<(*const u8, bool)>);

impl Runs {
    fn is_run(&mut self, catalog: &Catalog, id: &Arc<str>) -> bool {
        let key = id.as_ptr();
        if let Some(&(_, run)) = self.0.iter().find(|(k, _)| *k == key) {
            return run;
        }
        let run = catalog
            .exercise(id)
            .is_some_and(|e| e.kind == crate::catalog::Kind::Run);
        // Ids are shared, so this stays small; a state built without sharing only looks up more.
        if self.0.len() < 256 {
            self.0.push((key, run));
        }
        run
    }
}

fn day_log(date: Date, day: &journal::DayLog, catalog: &Catalog, runs: &mut Runs) -> DayLog {
    let mut log = DayLog::new(date);
    for (id, status) in &day.items {
        log.items.push(ItemLog {
            exercise: id.clone(),
            status: match status {
                ItemStatus::Done { sets: None } => Status::Done,
                // The journal writes sets only when fewer than prescribed.
                ItemStatus::Done { sets: Some(_) } => Status::Partial,
                ItemStatus::Skipped(_) => Status::Skipped,
            },
            pain: day.item_pain.get(id).and_then(|p| p.during),
        });
    }
    // Pain logged for an item with no tick means it was at least started.
    for (id, pain) in &day.item_pain {
        if !day.items.contains_key(id) {
            log.items.push(ItemLog {
                exercise: id.clone(),
                status: Status::Partial,
                pain: pain.during,
            });
        }
    }
    let all_pain: Vec<&Pain> = day.pain.iter().chain(day.item_pain.values()).collect();
    let session = day.pain.unwrap_or_default();
    // One catalog look-up per item (a year of journal is thousands of items at every start).
    let (mut ran, mut exercised, mut run_scored) = (false, false, false);
    for item in &log.items {
        let run = runs.is_run(catalog, &item.exercise);
        let done = item.status != Status::Skipped;
        ran |= run && done;
        exercised |= !run && done;
        run_scored |= run && item.pain.is_some();
    }
    log.pain_during = session.during.filter(|_| exercised || !ran);
    // The session score says "during exercise or running": on a day with a run and no separate
    // run score it is read against the (lower) running ceiling too.
    log.run_pain = session.during.filter(|_| ran && !run_scored);
    log.pain_next_morning = all_pain.iter().filter_map(|p| p.morning).max();
    log.swelling = all_pain.iter().any(|p| p.swelling);
    log.limp = all_pain.iter().any(|p| p.limp);
    log.sharp = all_pain.iter().any(|p| p.sharp);
    log
}
