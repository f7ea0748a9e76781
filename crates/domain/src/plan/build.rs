//! Builds one week (or a run of weeks) from the catalog, a condition, settings and overrides.
//!
//! Deterministic by construction: no clock, no randomness, no hash-map iteration order.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use super::minutes::item_minutes;
use super::model::*;
use crate::catalog::{
    Catalog, Condition, Dose, Equipment, Exercise, Frequency, Kind, Phase, RunMode, Work,
};

/// Settings the builder cannot work with.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("training days must be 3-7 a week, not {0}")]
    DaysPerWeek(u8),
    #[error("minutes per session must be 10-240, not {0}")]
    Minutes(u32),
    #[error("running now: {0}")]
    RunningNow(String),
    #[error("week numbers start at 1")]
    WeekZero,
    #[error("condition `{0}` has no phases")]
    NoPhases(String),
    #[error(
        "week {0} is past the last week a program may have ({max}, about twenty years); \
         start a new profile for a new program",
        max = MAX_WEEKS
    )]
    TooManyWeeks(u32),
}

/// The most weeks a program runs, and so the most any command works out: a rehab program lasts
/// months, and this bound (not the date asked about) caps what a plan or a replay costs.
pub const MAX_WEEKS: u32 = 1044;

/// The most weeks one print or report covers, and the longest a phase may last: a year. More
/// is almost surely a typo.
pub const MAX_PRINTED_WEEKS: u32 = 52;

/// The first and last dates rehab accepts from a flag, a variable or the clock. Outside them a
/// date is a typo or a wrong clock, and it is refused before any work is done.
pub const FIRST_DATE: Date = Date::constant(2000, 1, 1);
pub const LAST_DATE: Date = Date::constant(2100, 12, 31);

/// Whether `date` lies in the accepted window; the error says which window.
pub fn check_plausible(date: Date) -> Result<Date, String> {
    if (FIRST_DATE..=LAST_DATE).contains(&date) {
        Ok(date)
    } else {
        Err(format!(
            "{date} is not a plausible date; rehab takes dates from {FIRST_DATE} to {LAST_DATE}"
        ))
    }
}

/// Refuses a week past [`MAX_WEEKS`] before anything is built for it.
pub fn check_week(week: u32) -> Result<u32, PlanError> {
    if week > MAX_WEEKS {
        Err(PlanError::TooManyWeeks(week))
    } else {
        Ok(week)
    }
}

pub use super::week::monday_of;

impl Settings {
    /// The Monday of program week `week` (1-based).
    pub fn monday_of_week(&self, week: u32) -> Date {
        monday_of(self.start)
            .checked_add((i64::from(week.max(1)) - 1).saturating_mul(7).days())
            .unwrap_or(self.start)
    }

    /// The ranges every plan needs, the one rule for the builder, profile files and
    /// prescription files alike.
    pub fn check(&self) -> Result<(), PlanError> {
        if !(3..=7).contains(&self.days_per_week) {
            return Err(PlanError::DaysPerWeek(self.days_per_week));
        }
        if !(10..=240).contains(&self.minutes) {
            return Err(PlanError::Minutes(self.minutes));
        }
        if let Some(now) = self.running_now {
            now.check().map_err(PlanError::RunningNow)?;
        }
        Ok(())
    }

    /// The field a failed [`Settings::check`] is about, as a file names it.
    pub fn field_of(error: &PlanError) -> &'static str {
        match error {
            PlanError::Minutes(_) => "minutes",
            PlanError::RunningNow(_) => "running_now",
            _ => "days_per_week",
        }
    }
}

/// Weeks run Monday to Sunday, so a program starts on a Monday: the first on or after `date`.
/// A start mid-week would leave week 1 short of its training days, or empty on a Sunday.
pub fn program_start(date: Date) -> Date {
    let ahead = (7 - i64::from(date.weekday().to_monday_zero_offset())) % 7;
    date.checked_add(ahead.days()).unwrap_or(date)
}

/// How far back a new start may lie: a clinician entering a patient who began months ago.
const START_YEARS_BACK: i64 = 2;

/// A start date as a person gives it, checked against today and moved to its Monday. Dates far
/// from today are typos (1026 for 2026) and would make every command replay centuries of weeks.
pub fn check_start(date: Date, today: Date) -> Result<Date, String> {
    let earliest = today.checked_sub(START_YEARS_BACK.years()).unwrap_or(today);
    let latest = today.checked_add(1.year()).unwrap_or(today);
    if date < earliest || date > latest {
        return Err(format!(
            "the start {date} is too far from today ({today}); give a date from {earliest} to {latest}"
        ));
    }
    Ok(program_start(date))
}

/// Cross-training never falls on more days than this in one week.
const MAX_CROSS_TRAINING: u32 = 4;
/// Walk-run sessions a week at most.
const MAX_WALK_RUNS: usize = 4;

/// The calendar schedule for week `week`: phase by typical length, one walk-run level a week.
/// The pain-monitored progression replaces this with states derived from the journal.
pub fn scheduled_state(
    condition: &Condition,
    overrides: &Overrides,
    week: u32,
    previous: Option<&WeekPlan>,
) -> WeekState {
    let mut phase = 0;
    let mut first_week_of_phase = 1;
    for (i, p) in condition.phases.iter().enumerate() {
        phase = i;
        if week < first_week_of_phase + p.weeks || i + 1 == condition.phases.len() {
            break;
        }
        first_week_of_phase += p.weeks;
    }
    if let Some(pinned) = overrides.pinned_phase {
        let pinned = (pinned.max(1) as usize - 1).min(condition.phases.len().saturating_sub(1));
        if pinned != phase {
            phase = pinned;
            first_week_of_phase = week;
        }
    }
    let week_in_phase = week.saturating_sub(first_week_of_phase) + 1;
    let walk_run_level = match condition.phases.get(phase).map(|p| p.run.mode) {
        Some(RunMode::WalkRun) => Some(overrides.pinned_walk_run_level.unwrap_or(week_in_phase)),
        _ => None,
    };
    let mut state = WeekState {
        week,
        phase,
        week_in_phase,
        walk_run_level,
        regressions: BTreeMap::new(),
        previous_run_minutes: previous.map_or(0, |w| w.run_minutes),
        run_minutes_two_weeks_ago: previous.map_or(0, |w| w.state.previous_run_minutes),
        heavy_sunday_before: previous.is_some_and(|w| w.ends_heavy),
        entry_amounts: BTreeMap::new(),
    };
    if let Some(previous) = previous {
        state.carry_amounts(previous);
    }
    state
}

/// The state of the week after `previous` if that week goes well: the next dose step, the next
/// walk-run level, and the next phase once this one's typical weeks are done (its exit checks
/// passed). A printed plan shows the weeks ahead this way, marked as depending on how each week
/// goes; for a profile with nothing logged it matches the calendar schedule.
pub fn going_well(
    catalog: &Catalog,
    condition: &Condition,
    overrides: &Overrides,
    previous: &WeekPlan,
) -> WeekState {
    let this = &previous.state;
    let mut next = this.clone();
    next.week = this.week + 1;
    next.week_in_phase = this.week_in_phase + 1;
    let typical = condition.phases.get(this.phase).map_or(1, |p| p.weeks);
    if overrides.pinned_phase.is_none()
        && this.week_in_phase >= typical
        && this.phase + 1 < condition.phases.len()
    {
        next.phase = this.phase + 1;
        next.week_in_phase = 1;
    }
    let walk_run = condition
        .phases
        .get(next.phase)
        .is_some_and(|p| p.run.mode == RunMode::WalkRun);
    next.walk_run_level = match (walk_run, overrides.pinned_walk_run_level) {
        (false, _) => None,
        (true, Some(pinned)) => Some(pinned),
        (true, None) if next.phase != this.phase => Some(1),
        (true, None) => Some(
            this.walk_run_level
                .map_or(next.week_in_phase, |l| l + 1)
                .min(catalog.top_walk_run_level().max(1)),
        ),
    };
    next.previous_run_minutes = previous.run_minutes;
    next.run_minutes_two_weeks_ago = this.previous_run_minutes;
    next.heavy_sunday_before = previous.ends_heavy;
    next.carry_amounts(previous);
    next
}

/// Weeks 1..=weeks on the calendar schedule.
pub fn build_program(
    catalog: &Catalog,
    condition: &Condition,
    settings: &Settings,
    overrides: &Overrides,
    weeks: u32,
) -> Result<Program, PlanError> {
    check_week(weeks)?;
    let mut built: Vec<WeekPlan> = Vec::with_capacity(weeks as usize);
    for week in 1..=weeks {
        let state = scheduled_state(condition, overrides, week, built.last());
        built.push(build_week(catalog, condition, settings, overrides, &state)?);
    }
    Ok(Program {
        condition: condition.id.to_string(),
        weeks: built,
    })
}

/// One exercise resolved for this week, before it is placed on days.
struct Chosen<'a> {
    exercise: &'a Exercise,
    dose: Dose,
    replaces: Option<String>,
    reason: Option<String>,
    /// A regression after pain chose it.
    eased: bool,
    origin: ItemOrigin,
    /// Minutes for one session of `dose`, worked out once for every day it is placed on.
    minutes: u32,
}

/// Builds the week described by `state`, as it is shown: a week that does not fit also says
/// what a training day more would need ([`WeekFit::with_a_day_more`]).
pub fn build_week(
    catalog: &Catalog,
    condition: &Condition,
    settings: &Settings,
    overrides: &Overrides,
    state: &WeekState,
) -> Result<WeekPlan, PlanError> {
    let mut week = build_week_unshown(catalog, condition, settings, overrides, state)?;
    // A week that does not fit says what a training day more would need, from the week built
    // that way, so the choice is offered only where it helps.
    if let Some(fit) = &mut week.does_not_fit
        && settings.days_per_week < 7
    {
        let mut more = settings.clone();
        more.days_per_week += 1;
        let need = build_week_unshown(catalog, condition, &more, overrides, state)?
            .does_not_fit
            .map_or(0, |f| f.need());
        fit.with_a_day_more = (need < fit.need()).then_some(need);
    }
    Ok(week)
}

/// The week [`build_week`] builds, without looking at a day more: `with_a_day_more` is always
/// `None`. For weeks worked out only for what they decide or schedule and never shown (the
/// weeks a progression walks through to reach the ones asked about, a trial week built to see
/// what easing would change), where building the week a second time would double the cost.
pub fn build_week_unshown(
    catalog: &Catalog,
    condition: &Condition,
    settings: &Settings,
    overrides: &Overrides,
    state: &WeekState,
) -> Result<WeekPlan, PlanError> {
    settings.check()?;
    if state.week == 0 {
        return Err(PlanError::WeekZero);
    }
    let phase = condition
        .phases
        .get(state.phase.min(condition.phases.len().saturating_sub(1)))
        .ok_or_else(|| PlanError::NoPhases(condition.id.to_string()))?;
    let monday = settings.monday_of_week(state.week);
    let mut notes = Vec::new();
    let mut chosen = choose_exercises(catalog, phase, settings, overrides, state, &mut notes);
    // The condition's limits hold whatever chose the exercise: the phase, a stand-in, an easier
    // step or a clinician's override.
    chosen.retain(|c| {
        if let Some(rule) = avoided(condition, &c.exercise.id, state.phase) {
            notes.push(format!(
                "{} is left out until phase {}: {}",
                c.exercise.name, rule.until_phase, rule.text
            ));
            return false;
        }
        if !within_bend(c.exercise, phase) {
            notes.push(format!(
                "{} is left out: it bends the knee further than this phase's {} degrees.",
                c.exercise.name,
                phase.max_knee_bend.unwrap_or_default()
            ));
            return false;
        }
        true
    });

    let runs = settings.runs(overrides, phase.run.exercise.as_deref());
    let shape = run_shape(phase, settings, state, runs);
    let run_days = if shape.is_some() {
        run_days(phase, settings)
    } else {
        Vec::new()
    };
    if !runs && phase.run.mode != RunMode::None {
        notes.push(
            "No running in this plan: walking, cycling or swimming give the aerobic work.".into(),
        );
    } else if runs && shape.is_none() && phase.run.mode != RunMode::None {
        notes.push(
            "Not running now: walking, cycling or swimming take the runs' place in this phase; \
             running comes back through the walk-run levels after the return-to-running checks."
                .into(),
        );
    }
    let training = exercise_days(settings.days_per_week as usize, &run_days);
    let heavy_sessions = chosen
        .iter()
        .filter(|c| is_heavy(c))
        .map(|c| per_week(&c.dose))
        .max()
        .unwrap_or(0);
    let strength_days = strength_days(
        heavy_sessions,
        &training,
        &run_days,
        state.heavy_sunday_before,
        &mut notes,
    );

    let mut days: Vec<Vec<PlanItem>> = vec![Vec::new(); 7];
    // Fixed first (daily protocols, heavy days, hops), then the rest packed around them.
    let mut to_pack: Vec<&Chosen> = Vec::new();
    for c in &chosen {
        let on: Vec<usize> = match c.dose.frequency {
            // A daily protocol is daily: every day of the week, not only the training days.
            Frequency::Daily(_) => (0..7).collect(),
            Frequency::PerWeek(k) if is_heavy(c) => spread(&strength_days, k as usize),
            // Hops and skipping a day apart, on days without heavy strength work where the
            // week allows (clinical basis 5.3).
            Frequency::PerWeek(k) if c.exercise.kind == Kind::Plyometric => {
                pick_days(k as usize, &training, &strength_days, true)
                    .or_else(|| pick_days(k as usize, &training, &strength_days, false))
                    .unwrap_or_default()
            }
            // Warm-ups go with the runs (placed below).
            Frequency::PerWeek(_) if c.exercise.kind == Kind::WarmUp => Vec::new(),
            Frequency::PerWeek(_) => {
                to_pack.push(c);
                Vec::new()
            }
        };
        for d in on {
            days[d].push(item(c, slot_of(c.exercise.kind), None));
        }
    }
    // The longest first, so the short ones fill the gaps.
    to_pack.sort_by_key(|c| std::cmp::Reverse(c.minutes));
    for c in to_pack {
        let k = per_week(&c.dose);
        let slot = slot_of(c.exercise.kind);
        // Stretches go after the runs; the rest to the exercise days without a run first.
        let (candidates, preferred): (Vec<usize>, Vec<usize>) =
            if slot == Slot::Stretch && !run_days.is_empty() {
                let mut all: Vec<usize> = training.iter().chain(&run_days).copied().collect();
                all.sort_unstable();
                all.dedup();
                (all, run_days.clone())
            } else {
                let off_run: Vec<usize> = training
                    .iter()
                    .copied()
                    .filter(|d| !run_days.contains(d))
                    .collect();
                (training.clone(), off_run)
            };
        let need = c.minutes;
        for d in pack_days(k, &candidates, &preferred, &days, need, settings.minutes) {
            days[d].push(item(c, slot, None));
        }
    }
    let run_minutes = match shape {
        Some(shape) => {
            let runs = Runs {
                catalog,
                condition,
                phase,
                settings,
                state,
                shape,
            };
            runs.place(&run_days, &mut days, &mut notes)
        }
        None => 0,
    };
    place_warm_ups(&chosen, &mut days);
    // A program that starts mid-week plans nothing before its first day.
    let open: Vec<usize> = (0..7)
        .filter(|&i| monday.checked_add((i as i64).days()).unwrap_or(monday) >= settings.start)
        .collect();
    for (i, day) in days.iter_mut().enumerate() {
        if !open.contains(&i) {
            day.clear();
        }
    }
    let movable = |id: &str| {
        chosen.iter().any(|c| {
            c.exercise.id == id
                && !is_heavy(c)
                && c.exercise.kind != Kind::Plyometric
                && matches!(c.dose.frequency, Frequency::PerWeek(_))
        })
    };
    rebalance(&mut days, &training, &open, settings.minutes, movable);
    // Aerobic sessions in place of the runs a non-runner would have had.
    let in_place_of_runs = if shape.is_some() {
        0
    } else {
        run_days_anyway(phase, settings).len() as u32
    };
    place_cross_training(
        catalog,
        phase,
        settings,
        &run_days,
        &open,
        in_place_of_runs,
        &mut days,
    );

    let mut day_plans = Vec::with_capacity(7);
    let mut time = TimeReport::default();
    for (i, items) in days.into_iter().enumerate() {
        let date = monday.checked_add((i as i64).days()).unwrap_or(monday);
        let mut items = fit_budget(items, settings.minutes, date, &mut time);
        let rank = |id: &str| chosen.iter().position(|c| c.exercise.id == id);
        let run_day = items.iter().any(|i| i.slot == Slot::Run);
        items.sort_by_key(|i| (session_rank(i.slot, run_day), rank(&i.exercise)));
        day_plans.push(DayPlan { date, items });
    }
    notes.extend(time.notes(catalog, settings.minutes));
    let does_not_fit = time.fit(catalog, settings);
    state_frequencies(&mut day_plans);
    if runs && !phase.run.text.is_empty() {
        let fill = crate::catalog::limits::Fill::for_plan(
            catalog,
            Some(condition),
            overrides.ceiling_exercise,
            overrides.ceiling_running,
        );
        notes.push(format!("Running: {}", fill.text(&phase.run.text, true)));
    }
    let ends_heavy = heavy_days_in(&day_plans, &chosen).contains(&6);
    Ok(WeekPlan {
        state: state.clone(),
        monday,
        phase_name: phase.name_for(runs).to_string(),
        days: day_plans,
        run_minutes,
        ends_heavy,
        notes,
        does_not_fit,
    })
}

fn choose_exercises<'a>(
    catalog: &'a Catalog,
    phase: &Phase,
    settings: &Settings,
    overrides: &Overrides,
    state: &WeekState,
    notes: &mut Vec<String>,
) -> Vec<Chosen<'a>> {
    let prescribed = phase
        .exercises
        .iter()
        .filter(|p| p.from_week.is_none_or(|w| w <= state.week_in_phase))
        .map(|p| (p.exercise.as_str(), p.dose.as_ref(), Some(p)))
        .chain(overrides.added.iter().map(|id| (id.as_str(), None, None)));
    let mut chosen: Vec<Chosen> = Vec::new();
    for (id, phase_dose, prescription) in prescribed {
        if overrides.removed.iter().any(|r| r == id) || chosen.iter().any(|c| c.exercise.id == id) {
            continue;
        }
        let Some(mut exercise) = catalog.exercise(id) else {
            continue;
        };
        let mut replaces = None;
        let mut reason = None;
        let mut eased = false;
        if let Some(other) = overrides.replaced.get(id).and_then(|o| catalog.exercise(o)) {
            replaces = Some(id.to_string());
            reason = Some("replaced by your clinician".to_string());
            exercise = other;
        }
        let steps = state
            .regressions
            .get(exercise.id.as_str())
            .copied()
            .unwrap_or(0);
        for _ in 0..steps {
            match exercise
                .regression
                .as_deref()
                .and_then(|r| catalog.exercise(r))
            {
                Some(easier) => {
                    replaces.get_or_insert_with(|| id.to_string());
                    reason = Some("eased one step after a painful session".to_string());
                    eased = true;
                    exercise = easier;
                }
                None => break,
            }
        }
        // Equipment missing but found at home (the bottom stair for a step): the exercise stays
        // and its dose says what to use.
        let on_stair = exercise.bottom_stair
            && !has_equipment(exercise, settings)
            && exercise
                .equipment
                .iter()
                .all(|e| *e == Equipment::Step || settings.has(*e));
        if on_stair {
            notes.push(format!(
                "{}: no step at hand, so use the bottom stair.",
                exercise.name
            ));
        } else if !has_equipment(exercise, settings) {
            let taken = |id: &str| chosen.iter().any(|c: &Chosen| c.exercise.id == id);
            match stand_in(catalog, exercise, settings, phase).filter(|s| !taken(&s.id)) {
                Some(sub) => {
                    notes.push(format!(
                        "{} needs {}; {} takes its place.",
                        exercise.name,
                        needs(exercise),
                        sub.name
                    ));
                    replaces.get_or_insert_with(|| id.to_string());
                    reason = Some(format!("no {} at hand", needs(exercise)));
                    exercise = sub;
                }
                None => {
                    notes.push(format!(
                        "{} needs {} and has no stand-in; left out.",
                        exercise.name,
                        needs(exercise)
                    ));
                    continue;
                }
            }
        }
        // A home stand-in on the same rep-max schedule as the exercise it replaces (a split
        // squat for the gym's heavy slow lifts) follows the phase's dose as the lift itself
        // would, in its own form (per side, its tempo): it never restarts its schedule.
        let same_schedule = replaces.as_deref().is_some_and(|old| {
            !eased
                && catalog
                    .exercise(old)
                    .is_some_and(|o| !o.schedule.is_empty() && same_blocks(o, exercise))
        });
        let follows_phase = replaces.is_none() || same_schedule;
        let base = match overrides.doses.get(exercise.id.as_str()) {
            Some(dose) => dose.clone(),
            None if follows_phase => match phase_dose {
                Some(phase) if same_schedule => {
                    let mut own = exercise.dose.clone();
                    own.sets = phase.sets;
                    own.work = phase.work;
                    own.frequency = phase.frequency;
                    own.weight = phase.weight;
                    own
                }
                Some(phase) => phase.clone(),
                None => exercise.dose.clone(),
            },
            None => exercise.dose.clone(),
        };
        let ladder = prescription.filter(|p| !p.ladder.is_empty() && follows_phase);
        let dose = if overrides.doses.contains_key(exercise.id.as_str()) {
            base
        } else if let Some(p) = ladder {
            climbed(p, base, state.week_in_phase)
        } else {
            let entry = state.entry_amounts.get(exercise.id.as_str()).copied();
            // A phase's own dose replaces the exercise's rep-max schedule (6RM kept after it).
            let schedule = !(follows_phase && phase_dose.is_some());
            progressed(exercise, base, state.week_in_phase, entry, schedule)
        };
        let mut dose = seated_within(exercise, phase, dose);
        if on_stair {
            let on = "on the bottom stair";
            dose.how = Some(match dose.how.take() {
                Some(how) if !how.is_empty() => format!("{how}, {on}").into(),
                _ => on.into(),
            });
        }
        let origin = if overrides.doses.contains_key(exercise.id.as_str()) {
            ItemOrigin::Clinician(overrides.dose_set.get(exercise.id.as_str()).cloned())
        } else {
            // The phase's word on where its dose comes from (its own dose, or the exercise's
            // dose borrowed from another condition's trial), for the exercise it names.
            match prescription.filter(|_| follows_phase) {
                Some(p) => ItemOrigin::Library(
                    p.origin
                        .clone()
                        .unwrap_or_else(|| exercise.dose_origin.clone()),
                ),
                None => ItemOrigin::Library(exercise.dose_origin.clone()),
            }
        };
        chosen.push(Chosen {
            exercise,
            minutes: item_minutes(&dose),
            dose,
            replaces,
            reason,
            eased,
            origin,
        });
    }
    chosen
}

/// The condition's avoid-early rule that keeps `exercise` out of the 0-based `phase`, if any.
pub fn avoided<'a>(
    condition: &'a Condition,
    exercise: &str,
    phase: usize,
) -> Option<&'a crate::catalog::Avoid> {
    condition
        .avoid_early
        .iter()
        .find(|a| (phase as u32) + 1 < a.until_phase && a.exercises.iter().any(|e| e == exercise))
}

/// The phase's dose on the ladder rung for this week in the phase.
fn climbed(p: &crate::catalog::Prescription, mut dose: Dose, week_in_phase: u32) -> Dose {
    let step = (week_in_phase.saturating_sub(1) / p.every_weeks.max(1)) as usize;
    // Each rung changes one thing and keeps the ones before it.
    for rung in p.ladder.iter().take(step + 1) {
        if let Some(sets) = rung.sets {
            dose.sets = sets;
        }
        if let Some(amount) = rung.amount {
            dose.work = dose.work.with_amount(amount);
        }
        if let Some(words) = &rung.load {
            crate::catalog::model::read_load_words(&mut dose, words);
        }
        dose.weight = rung.weight.or(dose.weight);
        dose.knee_bend = rung.knee_bend.or(dose.knee_bend);
        dose.step_cm = rung.step_cm.or(dose.step_cm);
        dose.hold_each_s = rung.hold_each_s.or(dose.hold_each_s);
    }
    dose
}

/// The week's dose: the load block for this week, or the weekly step applied and capped.
fn progressed(
    exercise: &Exercise,
    mut dose: Dose,
    week_in_phase: u32,
    entry: Option<u32>,
    schedule: bool,
) -> Dose {
    if let Some(block) = exercise
        .schedule
        .iter()
        .rev()
        .filter(|_| schedule)
        .find(|b| b.from_week <= week_in_phase)
    {
        dose.work = Work::Reps(block.reps);
        dose.weight = Some(crate::catalog::Weight::RepMax);
        return dose;
    }
    if let Some(step) = &exercise.weekly {
        let steps = (week_in_phase.saturating_sub(1)) / step.every_weeks.max(1);
        // Where the phase before left it, when that was more: no drop at a phase change.
        let start = dose.work.amount().max(entry.unwrap_or(0));
        let amount = start
            .saturating_add(step.add.saturating_mul(steps))
            .min(step.cap.max(start));
        dose.work = dose.work.with_amount(amount);
    }
    dose
}

/// Whether two exercises share one rep-max schedule (the same blocks from the same weeks).
fn same_blocks(a: &Exercise, b: &Exercise) -> bool {
    a.schedule.len() == b.schedule.len()
        && a.schedule
            .iter()
            .zip(&b.schedule)
            .all(|(x, y)| (x.from_week, x.reps) == (y.from_week, y.reps))
}

fn has_equipment(exercise: &Exercise, settings: &Settings) -> bool {
    exercise.equipment.iter().all(|e| settings.has(*e))
}

fn needs(exercise: &Exercise) -> String {
    let list: Vec<&str> = exercise.equipment.iter().map(|e| e.label()).collect();
    list.join(" and ")
}

/// Whether an exercise stays within the phase's knee-bend limit (a phase without one takes all;
/// a higher seat brings a sit to stand within it).
fn within_bend(exercise: &Exercise, phase: &Phase) -> bool {
    match (exercise.knee_bend, phase.max_knee_bend) {
        (Some(bend), Some(max)) => bend <= max || exercise.seat_sets_bend,
        _ => true,
    }
}

/// The dose bent no further than the phase allows, for an exercise whose seat sets the bend.
fn seated_within(exercise: &Exercise, phase: &Phase, mut dose: Dose) -> Dose {
    if let (true, Some(max)) = (exercise.seat_sets_bend, phase.max_knee_bend) {
        let bend = dose.knee_bend.or(exercise.knee_bend);
        if bend.is_none_or(|b| b > max) {
            dose.knee_bend = Some(max);
            dose.how = Some("from a seat high enough to keep the knee bend within the dose".into());
        }
    }
    dose
}

/// An alternative that fits the equipment and the phase's limits, else the first easier
/// exercise down the chain that does.
fn stand_in<'a>(
    catalog: &'a Catalog,
    exercise: &Exercise,
    settings: &Settings,
    phase: &Phase,
) -> Option<&'a Exercise> {
    let fits = |e: &Exercise| has_equipment(e, settings) && within_bend(e, phase);
    let alternative = exercise
        .alternatives
        .iter()
        .filter_map(|a| catalog.exercise(a))
        .find(|a| fits(a));
    if alternative.is_some() {
        return alternative;
    }
    let mut current = exercise;
    let mut guard = 0;
    while let Some(easier) = current
        .regression
        .as_deref()
        .and_then(|r| catalog.exercise(r))
    {
        if fits(easier) {
            return Some(easier);
        }
        current = easier;
        guard += 1;
        if guard > 16 {
            break;
        }
    }
    None
}

/// Heavy or eccentric strength work needs a day between sessions unless its protocol is daily.
fn is_heavy(c: &Chosen) -> bool {
    matches!(c.exercise.kind, Kind::Strength | Kind::Eccentric)
        && matches!(c.dose.frequency, Frequency::PerWeek(_))
}

fn per_week(dose: &Dose) -> usize {
    match dose.frequency {
        Frequency::PerWeek(k) => k as usize,
        Frequency::Daily(_) => 7,
    }
}

fn slot_of(kind: Kind) -> Slot {
    match kind {
        Kind::WarmUp => Slot::WarmUp,
        Kind::SoftTissue => Slot::SoftTissue,
        Kind::Stretch => Slot::Stretch,
        Kind::CrossTraining => Slot::CrossTraining,
        Kind::Run => Slot::Run,
        Kind::Strength
        | Kind::Isometric
        | Kind::Eccentric
        | Kind::Mobility
        | Kind::Balance
        | Kind::Plyometric => Slot::Main,
    }
}

fn item(c: &Chosen, slot: Slot, walk_run_level: Option<u32>) -> PlanItem {
    PlanItem {
        exercise: c.exercise.id.as_str().to_owned(),
        slot,
        minutes: c.minutes,
        sessions: match c.dose.frequency {
            Frequency::Daily(n) => n,
            Frequency::PerWeek(_) => 1,
        },
        dose: c.dose.clone(),
        replaces: c.replaces.clone(),
        reason: c.reason.clone(),
        optional: c.exercise.optional,
        walk_run_level,
        eased: c.eased,
        origin: c.origin.clone(),
    }
}

/// Run days for the phase: the person's own (Tue/Thu/Sat when none), no two in a row for walk-run.
fn run_days(phase: &Phase, settings: &Settings) -> Vec<usize> {
    if phase.run.mode == RunMode::None || phase.run.exercise.is_none() {
        return Vec::new();
    }
    run_days_anyway(phase, settings)
}

/// The run days the phase would hold for a runner, whether or not this person runs.
fn run_days_anyway(phase: &Phase, settings: &Settings) -> Vec<usize> {
    if phase.run.mode == RunMode::None || phase.run.exercise.is_none() {
        return Vec::new();
    }
    let mut wanted: Vec<usize> = settings.run_days.iter().map(|d| d.index()).collect();
    wanted.sort_unstable();
    wanted.dedup();
    if wanted.is_empty() {
        wanted = vec![1, 3, 5];
    }
    let mut days: Vec<usize> = Vec::new();
    for d in wanted {
        let clashes =
            days.last().is_some_and(|&last| d == last + 1) || (d == 6 && days.first() == Some(&0));
        if !clashes && days.len() < MAX_WALK_RUNS {
            days.push(d);
        }
    }
    // No more runs a week than the person runs now.
    match settings.running_now {
        Some(RunningNow::Runs { per_week, .. }) => spread(&days, usize::from(per_week.max(1))),
        _ => days,
    }
}

/// The week's training days for exercises: `n` days, the days without a run first (a run is a
/// session of its own), chosen to put the fewest days back to back; run days only when the
/// days without one run out.
fn exercise_days(n: usize, run_days: &[usize]) -> Vec<usize> {
    let free: Vec<usize> = (0..7).filter(|d| !run_days.contains(d)).collect();
    let mut days = if n >= free.len() {
        free.clone()
    } else {
        least_back_to_back(n, &free, 0)
    };
    if days.len() < n {
        let more = least_back_to_back(n - days.len(), run_days, run_bits(&days));
        days.extend(more);
    }
    days.sort_unstable();
    days
}

/// `n` of `others` that, with the days in `taken`, put the fewest days back to back (Sunday
/// then the next Monday counts, but less), Sunday last among equals, earliest first.
fn least_back_to_back(n: usize, others: &[usize], taken: u8) -> Vec<usize> {
    weekday_choices(others, n.min(others.len()))
        .map(|(chosen, bits)| {
            let bits = bits | taken;
            let within = (bits & (bits >> 1)).count_ones();
            let across = u32::from(bits & 0x40 != 0 && bits & 0x01 != 0);
            // Sunday last among equals: heavy work on it meets next Monday's.
            let sunday = chosen.contains(&6);
            (within + across, sunday, within, chosen)
        })
        .min()
        .map(|(_, _, _, chosen)| chosen)
        .unwrap_or_default()
}

/// `k` days of `candidates` for an item of `need` minutes: the fewest minutes over `budget`
/// first, then on `preferred` days, then the lightest days (the least work already on them, so
/// a week's work spreads over all its training days), then a day apart, earliest.
fn pack_days(
    k: usize,
    candidates: &[usize],
    preferred: &[usize],
    days: &[Vec<PlanItem>],
    need: u32,
    budget: u32,
) -> Vec<usize> {
    let k = k.min(candidates.len());
    let loads: Vec<u32> = days.iter().map(|d| exercise_minutes(d)).collect();
    // (minutes over, days off the preferred, work on the days, heaviest day, back-to-back pairs)
    type Score = (u32, usize, u32, u32, usize);
    let mut best: Option<(Score, Vec<usize>)> = None;
    for (picked, bits) in weekday_choices(candidates, k) {
        let over: u32 = picked
            .iter()
            .map(|&d| (loads[d] + need).saturating_sub(budget))
            .sum();
        let off = picked.iter().filter(|d| !preferred.contains(d)).count();
        let adjacent = back_to_back(bits);
        let heaviest = picked.iter().map(|&d| loads[d]).max().unwrap_or(0);
        let total: u32 = picked.iter().map(|&d| loads[d]).sum();
        let score = (over, off, total, heaviest, adjacent);
        // Masks run in increasing order: the first best holds the earliest days.
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, picked));
        }
    }
    best.map(|(_, d)| d).unwrap_or_default()
}

/// Where a slot sits in a day's list: on a run day the exercises first, then the run session
/// (its warm-up, the run, the stretches after it); cross-training, a session of its own, last.
fn session_rank(slot: Slot, run_day: bool) -> u8 {
    match (slot, run_day) {
        (Slot::WarmUp, false) => 0,
        (Slot::Main, _) => 1,
        (Slot::SoftTissue, _) => 2,
        (Slot::WarmUp, true) => 3,
        (Slot::Run, _) => 4,
        (Slot::Stretch, _) => 5,
        (Slot::CrossTraining, _) => 6,
    }
}

fn run_bits(days: &[usize]) -> u8 {
    days.iter().fold(0u8, |bits, d| bits | 1 << d)
}

/// Picks `n` of `candidates`, fewest on `avoid` days first, then fewest back-to-back pairs (the
/// week wraps), then earliest. With `strict`, back-to-back pairs are not allowed at all.
fn pick_days(n: usize, candidates: &[usize], avoid: &[usize], strict: bool) -> Option<Vec<usize>> {
    let n = n.min(candidates.len());
    let mut best: Option<((usize, usize), Vec<usize>)> = None;
    // Weekdays as bits (Monday = bit 0), so a choice is scored without building a list; this
    // runs for every week of the program at each start.
    let avoid_bits = avoid.iter().fold(0u8, |bits, d| bits | 1 << d);
    for mask in 0u32..(1 << candidates.len()) {
        if mask.count_ones() as usize != n {
            continue;
        }
        let chosen = || {
            (0..candidates.len())
                .filter(move |i| mask & (1 << i) != 0)
                .map(|i| candidates[i])
        };
        let bits = chosen().fold(0u8, |bits, d| bits | 1 << d);
        let on_avoided = (bits & avoid_bits).count_ones() as usize;
        let adjacent = back_to_back(bits);
        if strict && adjacent > 0 {
            continue;
        }
        let score = (on_avoided, adjacent);
        if best.as_ref().is_some_and(|(s, _)| score > *s) {
            continue;
        }
        let days: Vec<usize> = chosen().collect();
        // Masks run in increasing order, so the first best is also the earliest days.
        if best
            .as_ref()
            .is_none_or(|(s, d)| score < *s || (score == *s && days < *d))
        {
            best = Some((score, days));
        }
    }
    best.map(|(_, days)| days)
}

/// Days for heavy work: as many as asked with a rest day between, preferring days without a run,
/// never the Monday after a heavy Sunday, and Sunday last (it meets next Monday).
fn strength_days(
    sessions: usize,
    training: &[usize],
    run_days: &[usize],
    heavy_sunday_before: bool,
    notes: &mut Vec<String>,
) -> Vec<usize> {
    let open: Vec<usize> = training
        .iter()
        .copied()
        .filter(|&d| !(heavy_sunday_before && d == 0))
        .collect();
    let mut avoid = run_days.to_vec();
    avoid.push(6);
    for n in (1..=sessions.min(open.len())).rev() {
        if let Some(days) = pick_days(n, &open, &avoid, true) {
            if n < sessions {
                notes.push(format!("Strength work fits {n} of {sessions} sessions with a rest day between; add a training day for more."));
            }
            return days;
        }
    }
    Vec::new()
}

/// The weekdays (0 = Monday) that hold heavy strength work.
fn heavy_days_in(days: &[DayPlan], chosen: &[Chosen]) -> Vec<usize> {
    days.iter()
        .enumerate()
        .filter(|(_, d)| {
            d.items.iter().any(|i| {
                chosen
                    .iter()
                    .any(|c| c.exercise.id == i.exercise && is_heavy(c))
            })
        })
        .map(|(i, _)| i)
        .collect()
}

/// `k` of `days`, evenly spaced.
fn spread(days: &[usize], k: usize) -> Vec<usize> {
    if k >= days.len() {
        return days.to_vec();
    }
    (0..k).map(|i| days[i * days.len() / k]).collect()
}

/// How this week's runs go for this person, or `None` for no runs: the phase's own way for a
/// profile that never said how it runs now; from the person's usual run for someone running now
/// (a walk-run phase goes on continuously when the week before held running); walk-run levels
/// for someone not running now (clinical basis 1.4), who has no runs where the phase only
/// allows running within the pain rules.
fn run_shape(phase: &Phase, settings: &Settings, state: &WeekState, runs: bool) -> Option<RunMode> {
    if !runs || phase.run.mode == RunMode::None || phase.run.exercise.is_none() {
        return None;
    }
    let mode = phase.run.mode;
    match settings.running_now {
        None => Some(mode),
        Some(RunningNow::Runs { .. }) => Some(match mode {
            RunMode::WalkRun if state.previous_run_minutes > 0 => RunMode::Continuous,
            mode => mode,
        }),
        Some(RunningNow::NotNow) => match mode {
            RunMode::PainLimited => None,
            _ => Some(RunMode::WalkRun),
        },
    }
}

/// What placing a week's runs needs.
struct Runs<'a> {
    catalog: &'a Catalog,
    condition: &'a Condition,
    phase: &'a Phase,
    settings: &'a Settings,
    state: &'a WeekState,
    shape: RunMode,
}

impl Runs<'_> {
    /// The run exercise: the phase's own, but a walk-run session for walk-run levels and a run
    /// for continuous running, from the phases before or any condition's walk-run phase.
    fn exercise(&self) -> Option<&Exercise> {
        let own = self.phase.run.exercise.as_deref()?;
        // This condition's phases first, then the library's.
        let find = |mode: RunMode| {
            self.condition
                .phases
                .iter()
                .chain(self.catalog.conditions.iter().flat_map(|c| c.phases.iter()))
                .filter(|p| p.run.mode == mode)
                .find_map(|p| p.run.exercise.as_deref())
                .and_then(|id| self.catalog.exercise(id))
        };
        let swapped = (self.shape != self.phase.run.mode)
            .then(|| find(self.shape))
            .flatten();
        swapped.or_else(|| self.catalog.exercise(own))
    }

    /// The person's usual run in minutes, when they run now.
    fn usual(&self) -> Option<u32> {
        match self.settings.running_now {
            Some(RunningNow::Runs { minutes, .. }) => Some(minutes),
            _ => None,
        }
    }

    /// Where running starts for someone running now: the phase's share of their usual run.
    fn share_of_usual(&self, usual: u32) -> u32 {
        let pct = self.phase.run.from_usual_pct.unwrap_or(100).min(100);
        (usual * pct / 100).max(5.min(usual))
    }

    /// The weekly rise ceiling in percent (clinical basis 1.3).
    fn rise_pct(&self) -> u32 {
        self.catalog
            .pain_rules
            .as_ref()
            .map_or(10, |r| r.running_weekly_rise_pct)
    }

    fn rise(&self, previous: u32) -> u32 {
        previous + previous * self.rise_pct() / 100
    }

    /// Run items on run days; returns the week's continuous running minutes (walk-run weeks and
    /// runs as the pain allows count 0, unless they start from the person's usual run).
    fn place(
        &self,
        run_days: &[usize],
        days: &mut [Vec<PlanItem>],
        notes: &mut Vec<String>,
    ) -> u32 {
        let Some(run) = self.exercise() else {
            return 0;
        };
        if run_days.is_empty() {
            return 0;
        }
        let (catalog, state) = (self.catalog, self.state);
        let runs = run_days.len() as u32;
        let previous = state.previous_run_minutes;
        let (dose, level, weekly) = match self.shape {
            RunMode::WalkRun => {
                let top = catalog.top_walk_run_level().max(1);
                // A phase of continuous running taken through walk-run climbs a level a week.
                let level = state
                    .walk_run_level
                    .unwrap_or(state.week_in_phase)
                    .clamp(1, top);
                let Some(l) = catalog.walk_run_level(level) else {
                    return 0;
                };
                let mut dose = run.dose.clone();
                dose.sets = 1;
                dose.work = Work::Minutes(l.total_min);
                notes.push(format!("Walk-run level {level}: {}", l.text));
                (dose, Some(level), 0)
            }
            RunMode::Continuous => {
                let first = run.dose.work.amount();
                let start = match self.usual() {
                    Some(usual) => first.min(self.share_of_usual(usual)).max(1),
                    None => first,
                } * runs;
                let cap = run
                    .weekly
                    .as_ref()
                    .map_or(u32::MAX, |w| w.cap.saturating_mul(runs));
                let weekly = match previous {
                    0 => start,
                    prev => self.rise(prev).min(cap).max(prev.min(cap)),
                };
                let per_run = (weekly / runs).max(1);
                let mut dose = run.dose.clone();
                dose.sets = 1;
                dose.work = Work::Minutes(per_run);
                (dose, None, per_run * runs)
            }
            RunMode::PainLimited => {
                let mut dose = self
                    .phase
                    .run
                    .dose
                    .clone()
                    .unwrap_or_else(|| run.dose.clone());
                dose.sets = 1;
                match self.usual() {
                    // Runs as the pain rules allow: the phase's dose, no weekly arithmetic.
                    None => (dose, None, 0),
                    // From a share of the usual run, up at most the weekly rise, never past it.
                    Some(usual) => {
                        let per_run = match previous {
                            0 => self.share_of_usual(usual),
                            prev => self.rise(prev) / runs,
                        }
                        .clamp(1, usual);
                        dose.work = Work::Minutes(per_run);
                        if previous == 0 {
                            notes.push(format!(
                                "Runs start at {per_run} min, from your usual {usual} min, and \
                                 grow by at most {}% a week when the week goes well; never \
                                 longer than your usual run.",
                                self.rise_pct()
                            ));
                        }
                        (dose, None, per_run * runs)
                    }
                }
            }
            RunMode::None => return 0,
        };
        let origin = ItemOrigin::Library(run.dose_origin.clone());
        let chosen = Chosen {
            exercise: run,
            minutes: item_minutes(&dose),
            dose,
            replaces: None,
            reason: None,
            eased: false,
            origin,
        };
        for &d in run_days {
            days[d].push(item(&chosen, Slot::Run, level));
        }
        weekly
    }
}

/// Warm-up drills go with the runs, first on each run day, whatever their own frequency; in a
/// week without runs they go before the heavy sessions instead.
fn place_warm_ups(chosen: &[Chosen], days: &mut [Vec<PlanItem>]) {
    let warm_ups: Vec<&Chosen> = chosen
        .iter()
        .filter(|c| c.exercise.kind == Kind::WarmUp)
        .collect();
    let week_runs = days.iter().any(|d| d.iter().any(|i| i.slot == Slot::Run));
    for day in days.iter_mut() {
        day.retain(|i| i.slot != Slot::WarmUp);
        let needs_warm_up = if week_runs {
            day.iter().any(|i| i.slot == Slot::Run)
        } else {
            day.iter().any(|i| {
                chosen
                    .iter()
                    .any(|c| c.exercise.id == i.exercise && is_heavy(c))
            })
        };
        if needs_warm_up {
            for c in &warm_ups {
                day.push(item(c, Slot::WarmUp, None));
            }
        }
    }
}

/// Each weekly item's dose says how often it is scheduled this week, so its card says what the
/// week holds (warm-ups go with the runs, time may leave a session out) rather than the
/// library's number.
fn state_frequencies(days: &mut [DayPlan]) {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for item in days.iter().flat_map(|d| &d.items) {
        if matches!(item.dose.frequency, Frequency::PerWeek(_)) {
            *counts.entry(item.exercise.clone()).or_default() += 1;
        }
    }
    for item in days.iter_mut().flat_map(|d| &mut d.items) {
        if let (Frequency::PerWeek(_), Some(&n)) = (item.dose.frequency, counts.get(&item.exercise))
        {
            item.dose.frequency = Frequency::PerWeek(n);
        }
    }
}

/// Minutes a day's exercises take against the minutes per session (twice-daily protocols
/// count twice; runs and cross-training are sessions of their own).
fn load(day: &[PlanItem]) -> u32 {
    exercise_minutes(day)
}

/// Moves work that may go on any day (not heavy, not hops, not daily, not runs) from days over
/// the minutes to the lightest training day that has room for it and does not hold it yet.
fn rebalance(
    days: &mut [Vec<PlanItem>],
    training: &[usize],
    open: &[usize],
    budget: u32,
    movable: impl Fn(&str) -> bool,
) {
    for from in 0..days.len() {
        // Latest items first: the day's first items are its core order.
        let mut i = days[from].len();
        while i > 0 && load(&days[from]) > budget {
            i -= 1;
            let item = &days[from][i];
            if !matches!(item.slot, Slot::Main | Slot::Stretch | Slot::SoftTissue)
                || !movable(&item.exercise)
            {
                continue;
            }
            let need = item.minutes * item.sessions.max(1);
            let target = training
                .iter()
                .copied()
                .filter(|&d| d != from && open.contains(&d))
                .filter(|&d| !days[d].iter().any(|x| x.exercise == item.exercise))
                .filter(|&d| load(&days[d]) + need <= budget)
                .min_by_key(|&d| (load(&days[d]), d));
            if let Some(to) = target {
                let moved = days[from].remove(i);
                days[to].push(moved);
                days[to].sort_by_key(|x| x.slot);
            }
        }
    }
}

/// Cross-training on the days without a run with the most room (rest days first when the
/// training days are full), a day apart where the week allows, in the person's chosen kind
/// first. `extra` sessions stand in for the runs of a person who does not run.
fn place_cross_training(
    catalog: &Catalog,
    phase: &Phase,
    settings: &Settings,
    run_days: &[usize],
    open: &[usize],
    extra: u32,
    days: &mut [Vec<PlanItem>],
) {
    let fits = |id: &str| catalog.exercise(id).filter(|e| has_equipment(e, settings));
    let preferred = settings
        .cross_training
        .iter()
        .filter(|id| phase.cross_training.iter().any(|c| c == *id))
        .find_map(|id| fits(id));
    let Some(choice) = preferred.or_else(|| phase.cross_training.iter().find_map(|id| fits(id)))
    else {
        return;
    };
    let chose = preferred.is_some();
    // A chosen kind comes at least once a week; a non-runner's aerobic work takes the runs' place.
    let per_week = phase
        .cross_training_per_week
        .max(u32::from(chose))
        .max(extra);
    let wanted = per_week.min(MAX_CROSS_TRAINING) as usize;
    let free: Vec<usize> = open
        .iter()
        .copied()
        .filter(|d| !run_days.contains(d))
        .collect();
    if wanted == 0 || free.is_empty() {
        return;
    }
    let session = item_minutes(&choice.dose);
    // Emptiest days first; among equals, days a day apart and earliest.
    let room = |d: usize| settings.minutes.saturating_sub(load(&days[d]));
    let mut best: Option<((u32, usize, u32), Vec<usize>)> = None;
    let n = wanted.min(free.len());
    for (picked, bits) in weekday_choices(&free, n) {
        let adjacent = back_to_back(bits);
        // Sessions that would be shortened below their own length, and how much room is missing.
        let short: u32 = picked
            .iter()
            .map(|&d| session.saturating_sub(room(d)))
            .sum();
        let busy: u32 = picked.iter().map(|&d| load(&days[d])).sum();
        let score = (short, adjacent, busy);
        if best.as_ref().is_none_or(|(s, _)| score < *s) {
            best = Some((score, picked));
        }
    }
    let chosen = Chosen {
        exercise: choice,
        minutes: session,
        dose: choice.dose.clone(),
        replaces: None,
        reason: None,
        eased: false,
        origin: ItemOrigin::Library(choice.dose_origin.clone()),
    };
    for d in best.map(|(_, d)| d).unwrap_or_default() {
        days[d].push(item(&chosen, Slot::CrossTraining, None));
    }
}

/// What the time budget did to a week, said once rather than day by day.
#[derive(Default)]
struct TimeReport {
    /// Days whose exercises that cannot be shortened need more than the minutes set (beyond
    /// the margin): (date, minutes).
    over: Vec<(Date, u32)>,
    /// Items left out to fit the minutes: (exercise id, how many days).
    left_out: Vec<(String, u32)>,
}

impl TimeReport {
    fn name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
        catalog.exercise(id).map_or(id, |e| e.name.as_str())
    }

    /// The week's fit, when it does not.
    fn fit(&self, catalog: &Catalog, settings: &Settings) -> Option<WeekFit> {
        if self.over.is_empty() {
            return None;
        }
        Some(WeekFit {
            budget: settings.minutes,
            days: self.over.clone(),
            with_a_day_more: None,
            left_out: self
                .left_out
                .iter()
                .map(|(id, _)| Self::name(catalog, id).to_string())
                .collect(),
        })
    }

    /// The clinician's note: what was left out (the overrun is the week's own line).
    fn notes(&self, catalog: &Catalog, budget: u32) -> Vec<String> {
        let mut notes = Vec::new();
        if !self.left_out.is_empty() {
            let names: Vec<String> = self
                .left_out
                .iter()
                .map(|(id, n)| {
                    format!(
                        "{} ({})",
                        Self::name(catalog, id),
                        crate::text::count(*n, "day", "days")
                    )
                })
                .collect();
            notes.push(format!(
                "Left out to fit {budget} min: {}. More minutes per session bring them back.",
                names.join(", ")
            ));
        }
        notes
    }
}

/// Fits a day's exercises into the minutes per session. The phase's core exercises always stay
/// (a day past the margin is reported instead); comfort work gives way first, then stretches
/// and warm-ups. Runs with their warm-ups and cross-training are sessions of their own: they
/// stay whole and do not count against the minutes (issue 27).
fn fit_budget(
    mut items: Vec<PlanItem>,
    budget: u32,
    date: Date,
    report: &mut TimeReport,
) -> Vec<PlanItem> {
    let run_day = items.iter().any(|i| i.slot == Slot::Run);
    let counted = |i: &PlanItem| is_exercise(i, run_day);
    let must_stay = |i: &PlanItem| !counted(i) || (i.slot == Slot::Main && !i.optional);
    let priority = |i: &PlanItem| match i.slot {
        Slot::WarmUp => 0,
        Slot::Stretch => 1,
        _ => 2,
    };
    let minutes_of = |i: &PlanItem| i.minutes * i.sessions.max(1);
    let core: u32 = items
        .iter()
        .filter(|i| counted(i) && must_stay(i))
        .map(minutes_of)
        .sum();
    if core > within_margin(budget) {
        report.over.push((date, core));
    }
    let mut used = core;
    let mut order: Vec<usize> = (0..items.len())
        .filter(|&i| !must_stay(&items[i]))
        .collect();
    order.sort_by_key(|&i| (priority(&items[i]), i));
    let mut keep: Vec<bool> = items.iter().map(must_stay).collect();
    for i in order {
        let item = &mut items[i];
        let minutes = minutes_of(item);
        if minutes <= budget.saturating_sub(used) {
            used += minutes;
            keep[i] = true;
        } else if !item.optional {
            match report
                .left_out
                .iter_mut()
                .find(|(id, _)| *id == item.exercise)
            {
                Some((_, n)) => *n += 1,
                None => report.left_out.push((item.exercise.clone(), 1)),
            }
        }
    }
    items
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(i, _)| i)
        .collect()
}

/// Each choice of `n` of the weekdays in `from` (Monday = 0), as a list and as weekday bits
/// (Monday = bit 0), in increasing mask order: among equal scores the first holds the earliest.
fn weekday_choices(from: &[usize], n: usize) -> impl Iterator<Item = (Vec<usize>, u8)> + '_ {
    (0u32..(1 << from.len()))
        .filter(move |mask| mask.count_ones() as usize == n)
        .map(move |mask| {
            let picked: Vec<usize> = (0..from.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| from[i])
                .collect();
            let bits = picked.iter().fold(0u8, |b, d| b | 1 << d);
            (picked, bits)
        })
}

/// Chosen weekdays (as bits, Monday = bit 0) that follow one another, Sunday then Monday too.
fn back_to_back(bits: u8) -> usize {
    (bits & bits.rotate_right(1) & 0x7f).count_ones() as usize
        + usize::from(bits & 0x40 != 0 && bits & 0x01 != 0)
}

#[cfg(test)]
mod tests {
    use super::pick_days;

    #[test]
    fn sunday_and_monday_count_as_back_to_back() {
        // Strict: no two chosen days in a row, Sunday (6) then Monday (0) included.
        assert_eq!(pick_days(2, &[0, 6], &[], true), None);
        assert_eq!(pick_days(2, &[0, 2, 6], &[], true), Some(vec![0, 2]));
        assert_eq!(pick_days(4, &[0, 2, 4, 6], &[], true), None);
        // Not strict: the fewest days in a row, then the fewest avoided days, earliest first.
        assert_eq!(pick_days(2, &[0, 1, 3], &[], false), Some(vec![0, 3]));
        assert_eq!(pick_days(2, &[0, 2, 4], &[0], false), Some(vec![2, 4]));
        assert_eq!(pick_days(3, &[0, 1, 2], &[], false), Some(vec![0, 1, 2]));
    }
}
