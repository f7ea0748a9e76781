//! What the plan builder produces, and the settings and overrides it takes.

use std::collections::BTreeMap;

use jiff::civil::{Date, Weekday};

use serde::{Deserialize, Serialize};

use crate::catalog::{Dose, DoseOrigin, Equipment};

/// A day of the week, Monday first, as written in profiles and on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    pub const ALL: [Day; 7] = [
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];

    /// 0 for Monday .. 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(i: usize) -> Day {
        Day::ALL[i % 7]
    }

    pub fn of(date: Date) -> Day {
        Day::from_index(date.weekday().to_monday_zero_offset() as usize)
    }

    pub fn weekday(self) -> Weekday {
        match self {
            Day::Mon => Weekday::Monday,
            Day::Tue => Weekday::Tuesday,
            Day::Wed => Weekday::Wednesday,
            Day::Thu => Weekday::Thursday,
            Day::Fri => Weekday::Friday,
            Day::Sat => Weekday::Saturday,
            Day::Sun => Weekday::Sunday,
        }
    }

    pub fn short(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self.index()]
    }

    /// Parses `mon`, `Monday`, `tue` ... (case-insensitive).
    pub fn parse(text: &str) -> Option<Day> {
        let t = text.trim().to_ascii_lowercase();
        Day::ALL.into_iter().find(|d| {
            t.len() >= 3
                && d.short().to_ascii_lowercase().starts_with(&t[..3])
                && d.weekday_name().starts_with(&t)
        })
    }

    fn weekday_name(self) -> &'static str {
        [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ][self.index()]
    }
}

/// A person's plan settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The first day of the program; weeks start on the Monday on or before it.
    pub start: Date,
    /// Training days a week (3-7).
    pub days_per_week: u8,
    /// Days the person runs when the phase allows running.
    #[serde(default)]
    pub run_days: Vec<Day>,
    /// Equipment at hand; empty means none.
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    /// Minutes available per session.
    pub minutes: u32,
    /// Preferred cross-training exercise ids, best first.
    #[serde(default)]
    pub cross_training: Vec<String>,
    /// The person does not run (`--run-days none`): no run items on any day and no
    /// return-to-running checks; aerobic work comes from cross-training instead.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_running: bool,
    /// How the person runs now, when they said: phase 1's running starts from a share of it.
    /// Older profiles have none and keep the phase's own run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub running_now: Option<RunningNow>,
}

/// Plan settings a profile had before a change (issue 27, "days done are history"): a change
/// applies from a Monday ([`change_applies_from`]) and the weeks before it keep being built from
/// the settings they had, so their items, ticks and adherence never move.
///
/// Why a list of earlier settings beside the current ones, read per week, rather than a journal
/// record: the weeks are built from the profile alone, so the profile file is the one place that
/// must hold what a week was built from; and the journal stays a log of what the person did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct EarlierSettings {
    /// The Monday the next settings took over: these were in force on the days before it.
    pub until: Date,
    /// Their `start` is not read: the program's weeks are always counted from the current start.
    pub settings: Settings,
}

/// The first day a settings change made on `today` plans: the Monday on or after it. A week is
/// built from one set of settings (its strength days, its minutes, its runs), so a change never
/// splits a week, and the days of this week keep what they had.
pub fn change_applies_from(today: Date) -> Date {
    super::build::program_start(today)
}

/// The settings in force on `date`: the first of `earlier` (oldest first) whose `until` is after
/// it, else `current`; with `current`'s start either way, as weeks are counted from it.
pub fn settings_on<'a>(
    current: &'a Settings,
    earlier: &'a [EarlierSettings],
    date: Date,
) -> std::borrow::Cow<'a, Settings> {
    match earlier.iter().find(|e| date < e.until) {
        Some(e) if e.settings.start == current.start => std::borrow::Cow::Borrowed(&e.settings),
        Some(e) => std::borrow::Cow::Owned(Settings {
            start: current.start,
            ..e.settings.clone()
        }),
        None => std::borrow::Cow::Borrowed(current),
    }
}

/// How a person runs at the moment, asked at set-up ("does not run" is [`Settings::no_running`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum RunningNow {
    /// Runs a week and minutes per run, as they run now.
    Runs { per_week: u8, minutes: u32 },
    /// A runner who is not running at the moment: running comes back through the walk-run levels.
    NotNow,
}

impl RunningNow {
    /// Runs a week people give (1-7) and minutes per run (5-240).
    pub const PER_WEEK: std::ops::RangeInclusive<u8> = 1..=7;
    pub const MINUTES: std::ops::RangeInclusive<u32> = 5..=240;

    /// Parses `3x30` (runs a week x minutes) or `none` (not running now).
    pub fn parse(text: &str) -> Result<RunningNow, String> {
        let t = text.trim().to_ascii_lowercase();
        if t == "none" {
            return Ok(RunningNow::NotNow);
        }
        let wrong =
            || format!("`{text}` is not runs a week x minutes per run (like 3x30), or none");
        let (n, m) = t.split_once('x').ok_or_else(wrong)?;
        let per_week: u8 = n.trim().parse().map_err(|_| wrong())?;
        let minutes: u32 = m.trim().parse().map_err(|_| wrong())?;
        let ran = RunningNow::Runs { per_week, minutes };
        ran.check().map(|_| ran)
    }

    /// The ranges a profile or prescription file must keep too.
    pub fn check(self) -> Result<(), String> {
        match self {
            RunningNow::Runs { per_week, minutes } => {
                if !Self::PER_WEEK.contains(&per_week) {
                    return Err(format!("runs a week must be 1-7, not {per_week}"));
                }
                if !Self::MINUTES.contains(&minutes) {
                    return Err(format!("minutes per run must be 5-240, not {minutes}"));
                }
                Ok(())
            }
            RunningNow::NotNow => Ok(()),
        }
    }

    /// "3 runs a week of 30 min", "not running now".
    pub fn describe(self) -> String {
        match self {
            RunningNow::Runs { per_week, minutes } => format!(
                "{per_week} run{} a week of {minutes} min",
                if per_week == 1 { "" } else { "s" }
            ),
            RunningNow::NotNow => "not running now".into(),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Settings {
    /// Sensible defaults: start this week, 4 days, runs Tue/Thu/Sat, no equipment, 30 minutes.
    pub fn new(start: Date) -> Self {
        Settings {
            start,
            days_per_week: 4,
            run_days: vec![Day::Tue, Day::Thu, Day::Sat],
            equipment: Vec::new(),
            minutes: 30,
            cross_training: Vec::new(),
            no_running: false,
            running_now: None,
        }
    }

    /// Whether this person runs: not when they said they do not, nor when the phase's run
    /// exercise was removed for them.
    pub fn runs(&self, overrides: &Overrides, run_exercise: Option<&str>) -> bool {
        !self.no_running && run_exercise.is_none_or(|id| !overrides.removed.iter().any(|r| r == id))
    }

    pub fn has(&self, equipment: Equipment) -> bool {
        self.equipment.contains(&equipment)
    }
}

/// A physiotherapist's changes to a person's plan; they always win over the builder's choices.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Keep the person in this phase (1-based).
    #[serde(default)]
    pub pinned_phase: Option<u32>,
    /// Keep the walk-run level here.
    #[serde(default)]
    pub pinned_walk_run_level: Option<u32>,
    /// A changed dose for an exercise id.
    #[serde(default)]
    pub doses: BTreeMap<String, Dose>,
    /// Exercises added to every phase.
    #[serde(default)]
    pub added: Vec<String>,
    /// Exercises never scheduled.
    #[serde(default)]
    pub removed: Vec<String>,
    /// Exercise id -> the exercise scheduled in its place.
    #[serde(default)]
    pub replaced: BTreeMap<String, String>,
    /// Who changed a dose, and when, by exercise id.
    #[serde(default)]
    pub dose_set: BTreeMap<String, SetBy>,
    /// Changed pain ceilings (exercise, running).
    #[serde(default)]
    pub ceiling_exercise: Option<u8>,
    #[serde(default)]
    pub ceiling_running: Option<u8>,
}

impl Overrides {
    pub fn is_empty(&self) -> bool {
        self == &Overrides::default()
    }
}

/// Who made a change to a person's plan, and on which day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(deny_unknown_fields)]
pub struct SetBy {
    /// The clinician's name, when the profile or the change gave one.
    #[serde(default)]
    pub by: Option<String>,
    pub on: Date,
}

/// Where a plan item's dose comes from: the library (a trial, a protocol, adapted, our
/// default) or a clinician for this person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemOrigin {
    Library(DoseOrigin),
    Clinician(Option<SetBy>),
}

impl Default for ItemOrigin {
    fn default() -> Self {
        ItemOrigin::Library(DoseOrigin::AppDefault)
    }
}

impl ItemOrigin {
    /// "dose from a trial", "dose set by B. Physio on 2026-12-01".
    pub fn describe(&self) -> String {
        match self {
            ItemOrigin::Library(o) => o.describe(),
            ItemOrigin::Clinician(Some(SetBy { by: Some(by), on })) => {
                format!("dose set by {by} on {on}")
            }
            ItemOrigin::Clinician(Some(SetBy { by: None, on })) => {
                format!("dose set by your clinician on {on}")
            }
            ItemOrigin::Clinician(None) => "dose set by your clinician".into(),
        }
    }
}

/// Where one week stands: which phase, how far into it, and the adjustments from the pain log.
/// The time-based program derives these from the calendar; the pain-monitored progression
/// derives them from what was logged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekState {
    /// 1-based week of the program.
    pub week: u32,
    /// 0-based phase index.
    pub phase: usize,
    /// 1-based week inside the phase (drives weekly dose steps and load blocks).
    pub week_in_phase: u32,
    /// Walk-run level for the week, when the phase uses walk-run.
    pub walk_run_level: Option<u32>,
    /// Exercise id -> regression steps to take (a red session drops one step).
    pub regressions: BTreeMap<String, u32>,
    /// Continuous running minutes planned last week (for the weekly rise ceiling).
    pub previous_run_minutes: u32,
    /// Continuous running minutes planned two weeks ago (for the fortnight warning).
    pub run_minutes_two_weeks_ago: u32,
    /// Last week ended with heavy work on Sunday, so this Monday takes none.
    #[serde(default)]
    pub heavy_sunday_before: bool,
    /// Exercise id -> the work amount it reached in the phase before this one: a new phase
    /// carries a weekly-stepped exercise on from there instead of starting it lower again.
    #[serde(default)]
    pub entry_amounts: BTreeMap<String, u32>,
}

impl WeekState {
    /// The state for the week after `plan`: entry amounts taken afresh when the phase changes.
    pub fn carry_amounts(&mut self, plan: &WeekPlan) {
        if self.phase == plan.state.phase {
            self.entry_amounts = plan.state.entry_amounts.clone();
            return;
        }
        self.entry_amounts = plan
            .days
            .iter()
            .flat_map(|d| &d.items)
            .map(|i| (i.exercise.clone(), i.dose.work.amount()))
            .collect();
    }
}

/// Where an item sits in a day's session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Slot {
    WarmUp,
    Main,
    SoftTissue,
    Stretch,
    CrossTraining,
    Run,
}

/// One thing to do on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    /// The exercise actually scheduled.
    pub exercise: String,
    pub slot: Slot,
    /// That week's dose.
    pub dose: Dose,
    /// Minutes for one session of it.
    pub minutes: u32,
    /// Sessions of it today (2 for twice-daily protocols).
    pub sessions: u32,
    /// The exercise it stands in for (missing equipment, a regression after pain, an override).
    pub replaces: Option<String>,
    /// Why it stands in, in plain words.
    pub reason: Option<String>,
    /// Comfort-only work that never counts toward progress.
    pub optional: bool,
    /// Walk-run level, for run items.
    pub walk_run_level: Option<u32>,
    /// Made easier than the plan because of pain (the same-session rule, a red run, a day with
    /// a warning sign): what Today says beside the items, whatever `reason` words it.
    #[serde(default)]
    pub eased: bool,
    /// Where the dose comes from.
    #[serde(default)]
    pub origin: ItemOrigin,
}

/// One day: items in session order, or none for a rest day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayPlan {
    pub date: Date,
    pub items: Vec<PlanItem>,
}

impl DayPlan {
    pub fn is_rest(&self) -> bool {
        self.items.is_empty()
    }

    pub fn minutes(&self) -> u32 {
        self.items.iter().map(|i| i.minutes).sum()
    }

    /// What the day's items take, twice-daily protocols counted twice.
    pub fn total_minutes(&self) -> u32 {
        self.items
            .iter()
            .map(|i| i.minutes * i.sessions.max(1))
            .sum()
    }

    /// The day's rehab exercises in minutes: what the minutes per session are for. Runs with
    /// their warm-ups and cross-training are sessions of their own (issue 27).
    pub fn exercise_minutes(&self) -> u32 {
        exercise_minutes(&self.items)
    }

    /// The day's own sessions besides the exercises: a run with its warm-up, cross-training.
    pub fn other_session_minutes(&self) -> u32 {
        self.total_minutes() - self.exercise_minutes()
    }

    /// The day's time in one short phrase, exercises and other sessions apart:
    /// "63 min: 28 exercises + 35 run", "28 min of exercises", or `None` on a rest day.
    pub fn time_summary(&self) -> Option<String> {
        let exercises = self.exercise_minutes();
        let other = self.other_session_minutes();
        let kind = if self.has_run() {
            "run"
        } else {
            "cross-training"
        };
        match (exercises, other) {
            (0, 0) => None,
            (e, 0) => Some(format!("{e} min of exercises")),
            (0, o) => Some(format!("{o} min of {kind}")),
            (e, o) => Some(format!("{} min: {e} exercises + {o} {kind}", e + o)),
        }
    }

    pub fn has_run(&self) -> bool {
        self.items.iter().any(|i| i.slot == Slot::Run)
    }
}

/// Minutes of rehab exercises among `items`: runs, a run day's warm-ups and cross-training are
/// sessions of their own and count apart. The one rule for the budget, the builder's and the
/// views'.
pub fn exercise_minutes(items: &[PlanItem]) -> u32 {
    let run_day = items.iter().any(|i| i.slot == Slot::Run);
    items
        .iter()
        .filter(|i| is_exercise(i, run_day))
        .map(|i| i.minutes * i.sessions.max(1))
        .sum()
}

/// Whether an item counts toward the minutes per session on its day.
pub fn is_exercise(item: &PlanItem, run_day: bool) -> bool {
    match item.slot {
        Slot::Run | Slot::CrossTraining => false,
        Slot::WarmUp => !run_day,
        Slot::Main | Slot::SoftTissue | Slot::Stretch => true,
    }
}

/// How far past the person's minutes a day may go before it is said to them, in percent.
pub const OVERRUN_MARGIN_PCT: u32 = 10;

/// The most minutes a day may take without an overrun line: the minutes set plus the margin.
pub fn within_margin(budget: u32) -> u32 {
    budget + budget * OVERRUN_MARGIN_PCT / 100
}

/// One Monday-to-Sunday week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekPlan {
    pub state: WeekState,
    pub monday: Date,
    pub phase_name: String,
    /// Seven days, Monday first.
    pub days: Vec<DayPlan>,
    /// Continuous running minutes in the week (walk-run weeks count 0).
    pub run_minutes: u32,
    /// Things the person should know: dropped items, equipment swaps, running guidance.
    pub notes: Vec<String>,
    /// Heavy strength work falls on the Sunday (next week's Monday then takes none).
    #[serde(default)]
    pub ends_heavy: bool,
    /// The week's exercises do not fit the minutes set, when they do not.
    #[serde(default)]
    pub does_not_fit: Option<WeekFit>,
}

/// A week whose exercises cannot fit the minutes per session: what it needs and the choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeekFit {
    /// The minutes per session set.
    pub budget: u32,
    /// Days whose exercises that cannot be shortened pass the minutes (beyond the margin),
    /// with the minutes they need.
    pub days: Vec<(Date, u32)>,
    /// What the week needs with one more training day, when that is less: the choice is
    /// offered only then.
    #[serde(default)]
    pub with_a_day_more: Option<u32>,
    /// Names of the items left out to fit, so the person sees what goes.
    pub left_out: Vec<String>,
}

impl WeekFit {
    /// One fit for a run of weeks: every weekday any of them names, each at its most minutes,
    /// and everything left out in any of them.
    pub fn merged<'a>(fits: impl IntoIterator<Item = &'a WeekFit>) -> Option<WeekFit> {
        let mut fits = fits.into_iter();
        let mut all = fits.next()?.clone();
        for fit in fits {
            all.budget = all.budget.max(fit.budget);
            all.with_a_day_more = match (all.with_a_day_more, fit.with_a_day_more) {
                (Some(a), Some(b)) => Some(a.max(b)),
                _ => None,
            };
            for &(date, need) in &fit.days {
                let day = super::Day::of(date);
                match all.days.iter_mut().find(|(d, _)| super::Day::of(*d) == day) {
                    Some((_, most)) => *most = (*most).max(need),
                    None => all.days.push((date, need)),
                }
            }
            for name in &fit.left_out {
                if !all.left_out.contains(name) {
                    all.left_out.push(name.clone());
                }
            }
        }
        all.days.sort_by_key(|(d, _)| super::Day::of(*d).index());
        Some(all)
    }

    /// The most minutes any day needs.
    pub fn need(&self) -> u32 {
        self.days.iter().map(|(_, m)| *m).max().unwrap_or(0)
    }

    /// Said once, first, on Today, by `rehab today` and on the printed plan.
    pub fn line(&self) -> String {
        self.line_for("This week", false)
    }

    /// The line for `subject` ("This week", "Weeks 3-5"); `plural` when it names weeks.
    pub fn line_for(&self, subject: &str, plural: bool) -> String {
        let days: Vec<&str> = self
            .days
            .iter()
            .map(|(d, _)| super::Day::of(*d).short())
            .collect();
        let need = self.need();
        // Round the suggestion up to five minutes: people set minutes in fives.
        let enough = need.div_ceil(5) * 5;
        let mut choices = vec![format!("allow {enough} min")];
        if let Some(then) = self.with_a_day_more {
            choices.push(if then <= within_margin(self.budget) {
                "add a training day".to_string()
            } else {
                format!("add a training day (then up to {then} min)")
            });
        }
        choices.push("ask your clinician what can wait".to_string());
        let on = match days.len() {
            7 => "every day".to_string(),
            _ => format!("on {}", crate::text::join_and(&days)),
        };
        let mut line = format!(
            "{subject} {} up to {need} min of exercises {on}, more than your {} min a session. \
             Choose: {}.",
            if plural { "need" } else { "needs" },
            self.budget,
            crate::text::join_or(&choices),
        );
        if !self.left_out.is_empty() {
            line.push_str(&format!(" Left out to fit: {}.", self.left_out.join(", ")));
        }
        line
    }
}

impl WeekPlan {
    pub fn day(&self, date: Date) -> Option<&DayPlan> {
        self.days.iter().find(|d| d.date == date)
    }

    /// Gives back the room its lists grew into while being built: years of weeks are kept.
    pub fn shrink_to_fit(&mut self) {
        for day in &mut self.days {
            day.items.shrink_to_fit();
        }
        self.notes.shrink_to_fit();
    }
}

/// A run of weeks through the phases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Program {
    pub condition: String,
    pub weeks: Vec<WeekPlan>,
}

/// Which week of the program a date falls in, with "before the start" as its own case rather
/// than a 0 or a 1 standing in for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProgramWeek {
    /// The program starts on `starts` (its first Monday holds the start date).
    BeforeStart { starts: Date },
    /// 1-based.
    Week(u32),
}

/// How days a week, run days and daily exercises combine, said the same at set-up, in
/// `profile show` and in the README.
pub const HOW_DAYS_COMBINE: &str = "Training days are for your exercises, days without a run \
     first; runs and cross-training are sessions of their own. Daily exercises come every day.";

impl ProgramWeek {
    pub fn of(settings: &Settings, date: Date) -> ProgramWeek {
        match super::week::week_number(settings.start, date) {
            Some(n) if n > 0 => ProgramWeek::Week(n),
            _ => ProgramWeek::BeforeStart {
                starts: settings.start,
            },
        }
    }

    /// The week number, or `None` before the start.
    pub fn number(self) -> Option<u32> {
        match self {
            ProgramWeek::Week(n) => Some(n),
            ProgramWeek::BeforeStart { .. } => None,
        }
    }

    /// The week a printout shows by default: this one, or the first before the start.
    pub fn or_first(self) -> u32 {
        self.number().unwrap_or(1)
    }
}
