//! The library's data types, exactly as written in RON.
//!
//! Every RON library file (built-in or a clinic's own) has the shape of [`LibraryFile`]; every
//! section is optional so a user file can add one exercise without repeating the rest.

use serde::{Deserialize, Serialize};

/// One RON library file: any subset of the sections.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryFile {
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub exercises: Vec<Exercise>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub red_flags: Vec<RedFlag>,
    #[serde(default)]
    pub symptom_questions: Vec<SymptomQuestion>,
    #[serde(default)]
    pub walk_run: Vec<WalkRunLevel>,
    #[serde(default)]
    pub return_to_run: Option<ReturnToRun>,
    #[serde(default)]
    pub pain_rules: Option<PainRules>,
}

/// A citation the library points to by `key`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub key: String,
    pub authors: String,
    pub year: u16,
    pub title: String,
    /// Journal, publisher or site.
    pub published: String,
    pub url: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// What kind of work an exercise is; drives ordering and spacing in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Strength,
    Isometric,
    Eccentric,
    Mobility,
    Stretch,
    SoftTissue,
    Balance,
    WarmUp,
    CrossTraining,
    Run,
}

impl Kind {
    pub const ALL: [Kind; 10] = [
        Kind::Strength,
        Kind::Isometric,
        Kind::Eccentric,
        Kind::Mobility,
        Kind::Stretch,
        Kind::SoftTissue,
        Kind::Balance,
        Kind::WarmUp,
        Kind::CrossTraining,
        Kind::Run,
    ];

    /// The kebab-case name used on the command line and in printed plans.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Strength => "strength",
            Kind::Isometric => "isometric",
            Kind::Eccentric => "eccentric",
            Kind::Mobility => "mobility",
            Kind::Stretch => "stretch",
            Kind::SoftTissue => "soft-tissue",
            Kind::Balance => "balance",
            Kind::WarmUp => "warm-up",
            Kind::CrossTraining => "cross-training",
            Kind::Run => "run",
        }
    }
}

/// Equipment an exercise needs. An exercise with an empty list needs none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Equipment {
    Band,
    /// A step, box or decline board.
    Step,
    FoamRoller,
    /// Machines and free weights (leg press, squat rack, elliptical, rower).
    Gym,
    Pool,
    Bike,
}

impl Equipment {
    pub const ALL: [Equipment; 6] = [
        Equipment::Band,
        Equipment::Step,
        Equipment::FoamRoller,
        Equipment::Gym,
        Equipment::Pool,
        Equipment::Bike,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Equipment::Band => "band",
            Equipment::Step => "step",
            Equipment::FoamRoller => "foam-roller",
            Equipment::Gym => "gym",
            Equipment::Pool => "pool",
            Equipment::Bike => "bike",
        }
    }
}

/// How strong the evidence behind an exercise or dose is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Grade {
    /// Guideline, consensus, meta-analysis or several trials.
    A,
    /// A single or small trial, cohort or case series with outcomes.
    B,
    /// Protocol convention, expert opinion or our own default.
    C,
}

/// Where a dose comes from, so the app can say "our default" honestly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DoseOrigin {
    Trial,
    Protocol,
    AppDefault,
}

impl DoseOrigin {
    pub fn label(self) -> &'static str {
        match self {
            DoseOrigin::Trial => "dose from a trial",
            DoseOrigin::Protocol => "dose from a published protocol",
            DoseOrigin::AppDefault => "our default dose",
        }
    }
}

/// The work in one set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Work {
    Reps(u32),
    /// A held position, in seconds.
    Hold(u32),
    /// Timed work that is not a hold (rolling, balance drills), in seconds.
    Seconds(u32),
    Minutes(u32),
}

impl Work {
    /// The number inside, whatever the unit.
    pub fn amount(self) -> u32 {
        match self {
            Work::Reps(n) | Work::Hold(n) | Work::Seconds(n) | Work::Minutes(n) => n,
        }
    }

    /// The same unit with another amount.
    pub fn with_amount(self, n: u32) -> Work {
        match self {
            Work::Reps(_) => Work::Reps(n),
            Work::Hold(_) => Work::Hold(n),
            Work::Seconds(_) => Work::Seconds(n),
            Work::Minutes(_) => Work::Minutes(n),
        }
    }
}

/// How often the dose is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Frequency {
    /// Sessions per week (1-7).
    PerWeek(u32),
    /// Sessions per day, every day (1-3).
    Daily(u32),
}

/// A dose: sets of work, how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dose {
    pub sets: u32,
    pub work: Work,
    #[serde(default)]
    pub per_side: bool,
    /// Seconds lowering-pause-lifting, for example "3-0-3".
    #[serde(default)]
    pub tempo: Option<String>,
    /// Rest between sets, in seconds.
    #[serde(default)]
    pub rest_s: u32,
    pub frequency: Frequency,
    /// Load in words ("15RM", "5 kg backpack", "light band").
    #[serde(default)]
    pub load: Option<String>,
}

/// How the dose grows week by week while the exercise stays the same.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyStep {
    /// Added to the work amount (reps, seconds or minutes) each step.
    pub add: u32,
    /// Weeks between steps (one variable changes per step).
    #[serde(default = "one")]
    pub every_weeks: u32,
    /// The work amount is never raised past this.
    pub cap: u32,
}

fn one() -> u32 {
    1
}

/// One block of a repetition-maximum schedule (heavy slow resistance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadBlock {
    /// First week of the block, counted from the week the exercise starts (1-based).
    pub from_week: u32,
    pub reps: u32,
    pub load: String,
}

/// One exercise or activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub targets: Vec<String>,
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    pub dose: Dose,
    #[serde(default)]
    pub weekly: Option<WeeklyStep>,
    #[serde(default)]
    pub schedule: Vec<LoadBlock>,
    pub steps: Vec<String>,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub cautions: Vec<String>,
    /// The next harder exercise.
    #[serde(default)]
    pub progression: Option<String>,
    /// The next easier exercise.
    #[serde(default)]
    pub regression: Option<String>,
    /// Stand-ins, tried in order, when the equipment is missing.
    #[serde(default)]
    pub alternatives: Vec<String>,
    /// How to make it harder or easier in words, when there is no linked exercise.
    #[serde(default)]
    pub when_easy: Option<String>,
    #[serde(default)]
    pub when_painful: Option<String>,
    pub source: String,
    #[serde(default)]
    pub see_also: Vec<String>,
    pub evidence: Grade,
    pub dose_origin: DoseOrigin,
    /// Comfort-only work that never counts toward progress (foam rolling the lateral thigh).
    #[serde(default)]
    pub optional: bool,
}

/// Which question a symptom answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomQuestion {
    pub id: String,
    pub text: String,
    pub answers: Vec<SymptomAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomAnswer {
    pub id: String,
    pub text: String,
}

/// One feature of a condition, tied to an answer of the symptom helper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Symptom {
    pub question: String,
    pub answer: String,
    /// Key features score 2, others 1.
    #[serde(default)]
    pub key: bool,
    /// The feature in plain words, shown as the reason for a suggestion.
    pub text: String,
}

/// Things to avoid while in the early phases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Avoid {
    pub text: String,
    /// Exercises that must not be scheduled before `until_phase`.
    #[serde(default)]
    pub exercises: Vec<String>,
    /// 1-based phase number from which the avoided exercises are allowed again.
    pub until_phase: u32,
}

/// Pain ceilings (0-10) for one condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ceilings {
    /// Highest acceptable pain during exercise.
    pub exercise: u8,
    /// Highest acceptable pain during a run.
    pub running: u8,
    /// Highest weekly median pain during that still allows progress.
    pub progress_median: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunMode {
    /// No running in this phase.
    None,
    /// Running only as the pain rules allow; nothing is scheduled.
    PainLimited,
    /// The walk-run return levels.
    WalkRun,
    /// Continuous running, raised by the weekly ceiling.
    Continuous,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunGuidance {
    pub mode: RunMode,
    pub text: String,
    /// The Run exercise scheduled on run days (for WalkRun and Continuous).
    #[serde(default)]
    pub exercise: Option<String>,
}

/// One exercise in a phase, with that phase's dose when it differs from the exercise's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prescription {
    pub exercise: String,
    #[serde(default)]
    pub dose: Option<Dose>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub name: String,
    pub goal: String,
    /// Typical length in weeks.
    pub weeks: u32,
    pub exercises: Vec<Prescription>,
    /// Cross-training exercise ids, in order of preference.
    pub cross_training: Vec<String>,
    /// Cross-training sessions a week.
    #[serde(default = "two")]
    pub cross_training_per_week: u32,
    pub run: RunGuidance,
    pub exit_criteria: Vec<String>,
    #[serde(default)]
    pub cautions: Vec<String>,
}

fn two() -> u32 {
    2
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub where_it_hurts: String,
    pub symptoms: Vec<Symptom>,
    pub evidence: String,
    /// Ids of the red-flag questions that matter most for this condition.
    pub red_flags: Vec<String>,
    pub avoid_early: Vec<Avoid>,
    pub ceilings: Ceilings,
    /// Week by which no meaningful improvement means "see a clinician".
    pub review_week: u32,
    pub run_guidance: String,
    pub sources: Vec<String>,
    pub phases: Vec<Phase>,
}

/// What a "yes" to a red-flag question means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FlagLevel {
    /// Plan allowed, with a lasting banner.
    Advise,
    /// No plan until a clinician has assessed the knee.
    Block,
    /// Seek care now; no plan.
    Stop,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedFlag {
    pub id: String,
    pub question: String,
    pub level: FlagLevel,
    /// What the person sees after answering yes.
    pub message: String,
    pub source: String,
}

/// One walk-run return level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WalkRunLevel {
    pub level: u32,
    pub repeats: u32,
    pub walk_min: u32,
    pub run_min: u32,
    pub total_min: u32,
    pub text: String,
}

impl WalkRunLevel {
    /// Minutes actually running in one session.
    pub fn running_minutes(&self) -> u32 {
        self.repeats * self.run_min
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnToRun {
    /// Entry criteria, all required.
    pub criteria: Vec<String>,
    pub rules: Vec<String>,
    pub source: String,
}

/// The pain-monitoring numbers the progression rules read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PainRules {
    /// Pain during above this is amber.
    pub amber_above: u8,
    /// Next-morning pain this far above baseline is red.
    pub morning_red_rise: u8,
    /// Morning scores that make the baseline (median).
    pub baseline_days: u32,
    pub progress_min_adherence_pct: u32,
    /// Red sessions in a week that step the week back.
    pub regress_red_sessions: u32,
    /// Weekly continuous running time rises by at most this.
    pub running_weekly_rise_pct: u32,
    /// Warn when running rises more than this over two weeks.
    pub running_fortnight_warn_pct: u32,
    /// Passes of a walk-run level before moving up.
    pub level_passes: u32,
    pub max_levels_per_week: u32,
    /// Fall in weekly pain (0-10 points) that counts as meaningful improvement by the review week.
    #[serde(default = "improvement_points")]
    pub improvement_points: u8,
    /// The rules in plain words, for screens and printed plans.
    pub text: Vec<String>,
    pub source: String,
}

fn improvement_points() -> u8 {
    2
}
