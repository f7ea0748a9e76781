//! The library's data types, exactly as written in RON.
//!
//! Every RON library file (built-in or a clinic's own) has the shape of [`LibraryFile`]; every
//! section is optional so a user file can add one exercise without repeating the rest.

use serde::{Deserialize, Serialize};

// The library's string type lives apart from the catalog, so the figures (which the catalog
// holds) can use it without importing the catalog back. (build.rs, which includes this file,
// names a plain `String` so.)
pub use crate::library_text::Text;

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
    /// What a printed plan tells the patient about each condition.
    #[serde(default)]
    pub education: Vec<Education>,
    /// The stop box of a printed plan: each red flag as a statement for the patient.
    #[serde(default)]
    pub flag_statements: Vec<FlagStatement>,
    /// The return-to-running checks a clinician ticks at a visit.
    #[serde(default)]
    pub return_to_run_checks: Option<RunChecks>,
    /// Drawings of exercises, keyed by exercise id (see `crate::figure`).
    #[serde(default)]
    pub figures: Vec<crate::figure::Figure>,
}

/// A citation the library points to by `key`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub key: Text,
    pub authors: Text,
    /// The year published, or `"n.d."` for an undated page (then say when it was read).
    pub year: Year,
    pub title: Text,
    /// Journal, publisher or site.
    pub published: Text,
    /// The main link: PubMed, PMC, the publisher or the guideline body, never a document mirror.
    pub url: Text,
    /// When an undated page was read ("2026-11-29").
    #[serde(default)]
    pub read_on: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A source's year: a number, or "n.d." (no date) for a page that gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Year {
    Dated(u16),
    Undated,
}

impl std::fmt::Display for Year {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Year::Dated(y) => write!(f, "{y}"),
            Year::Undated => f.write_str("n.d."),
        }
    }
}

impl Serialize for Year {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A binary form (the library read at build time) cannot tell a number from a string
        // without being told: there, a year is an optional number.
        if !s.is_human_readable() {
            let year = match self {
                Year::Dated(y) => Some(*y),
                Year::Undated => None,
            };
            return year.serialize(s);
        }
        match self {
            Year::Dated(y) => s.serialize_u16(*y),
            Year::Undated => s.serialize_str("n.d."),
        }
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Year, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Year;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a year such as 2019, or \"n.d.\" for an undated page")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Year, E> {
                u16::try_from(v)
                    .map(Year::Dated)
                    .map_err(|_| E::custom(format!("year {v} is out of range")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Year, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("year {v} is out of range")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Year, E> {
                if v == "n.d." {
                    Ok(Year::Undated)
                } else {
                    Err(E::custom(format!(
                        "year `{v}`: write a number, or \"n.d.\" for an undated page"
                    )))
                }
            }
        }
        if !d.is_human_readable() {
            return Ok(Option::<u16>::deserialize(d)?.map_or(Year::Undated, Year::Dated));
        }
        d.deserialize_any(V)
    }
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
    /// Energy-storage drills (skipping, hops, bounding): on days without heavy strength work.
    Plyometric,
    WarmUp,
    CrossTraining,
    Run,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Strength,
        Kind::Isometric,
        Kind::Eccentric,
        Kind::Mobility,
        Kind::Stretch,
        Kind::SoftTissue,
        Kind::Balance,
        Kind::Plyometric,
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
            Kind::Plyometric => "plyometric",
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DoseOrigin {
    /// The dose a trial gave (the exercise's or the prescription's source).
    Trial,
    /// A published protocol's dose.
    Protocol,
    /// Borrowed from another condition's trial or protocol, named by its source key: grade C.
    Adapted(Text),
    AppDefault,
}

impl DoseOrigin {
    /// "dose from a trial", "dose adapted from [FRED00]", "our default dose".
    pub fn describe(&self) -> String {
        match self {
            DoseOrigin::Trial => "dose from a trial".into(),
            DoseOrigin::Protocol => "dose from a published protocol".into(),
            DoseOrigin::Adapted(key) => format!("dose adapted from [{key}]"),
            DoseOrigin::AppDefault => "our default dose".into(),
        }
    }
}

/// The work in one set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum Frequency {
    /// Sessions per week (1-7).
    PerWeek(u32),
    /// Sessions per day, every day (1-3).
    Daily(u32),
}

/// The weight lifted in each rep.
// `BodyWeight` reads as the words a clinic's RON author writes.
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub enum Weight {
    /// Body weight only.
    BodyWeight,
    /// An elastic band (how strong goes in the dose's words).
    Band,
    /// The heaviest weight that can be lifted exactly the set's reps (at 15 reps, the 15RM):
    /// the weight follows the reps, so a change of reps never leaves a contradicting load.
    RepMax,
    /// A fixed weight in kilograms.
    Kg(u32),
}

/// A dose: sets of work, how often, and everything that sets how hard it is. Each number a
/// person reads about an exercise lives in one of these fields; the words (`how`) hold none
/// of them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Hash)]
#[serde(from = "DoseFile")]
pub struct Dose {
    pub sets: u32,
    pub work: Work,
    pub per_side: bool,
    /// Seconds lowering-pause-lifting, for example "3-0-3".
    pub tempo: Option<Text>,
    /// Rest between sets, in seconds.
    pub rest_s: u32,
    pub frequency: Frequency,
    pub weight: Option<Weight>,
    /// Each rep is held this long (quad sets, shallow wall sits), in seconds.
    pub hold_each_s: Option<u32>,
    /// The deepest knee bend asked, in degrees (0 = straight).
    pub knee_bend: Option<u32>,
    /// The step or box height, in centimetres.
    pub step_cm: Option<u32>,
    /// Effort out of 10 (lowest, highest), for aerobic work.
    pub effort: Option<(u8, u8)>,
    /// How to do it in a few words ("flat route", "float belt"): never a number a field holds.
    pub how: Option<Text>,
}

impl Dose {
    /// A dose of `sets` x `work`, `frequency`, with nothing else set.
    pub fn new(sets: u32, work: Work, frequency: Frequency) -> Dose {
        Dose {
            sets,
            work,
            per_side: false,
            tempo: None,
            rest_s: 0,
            frequency,
            weight: None,
            hold_each_s: None,
            knee_bend: None,
            step_cm: None,
            effort: None,
            how: None,
        }
    }
}

/// A dose as written in RON. `load` is the words older files used for the weight, the hold, the
/// bend and the step; reading moves what it can recognise into those fields and keeps the rest
/// as `how`, so a profile or a clinic's library written before them still opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DoseFile {
    sets: u32,
    work: Work,
    #[serde(default)]
    per_side: bool,
    #[serde(default)]
    tempo: Option<Text>,
    #[serde(default)]
    rest_s: u32,
    frequency: Frequency,
    #[serde(default)]
    weight: Option<Weight>,
    #[serde(default)]
    hold_each_s: Option<u32>,
    #[serde(default)]
    knee_bend: Option<u32>,
    #[serde(default)]
    step_cm: Option<u32>,
    #[serde(default)]
    effort: Option<(u8, u8)>,
    #[serde(default)]
    how: Option<Text>,
    #[serde(default)]
    load: Option<Text>,
}

impl From<DoseFile> for Dose {
    fn from(f: DoseFile) -> Dose {
        let mut dose = Dose {
            sets: f.sets,
            work: f.work,
            per_side: f.per_side,
            tempo: f.tempo,
            rest_s: f.rest_s,
            frequency: f.frequency,
            weight: f.weight,
            hold_each_s: f.hold_each_s,
            knee_bend: f.knee_bend,
            step_cm: f.step_cm,
            effort: f.effort,
            how: f.how,
        };
        if let Some(words) = f.load {
            read_load_words(&mut dose, &words);
        }
        dose
    }
}

/// A dose as written: the old `load` words are never written back (a file for people to read
/// has no empty field for them); the built-in library's bytes keep every field in place.
impl Serialize for Dose {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let file = DoseFile::from(self.clone());
        if !s.is_human_readable() {
            return file.serialize(s);
        }
        DoseOut {
            sets: file.sets,
            work: file.work,
            per_side: file.per_side,
            tempo: file.tempo,
            rest_s: file.rest_s,
            frequency: file.frequency,
            weight: file.weight,
            hold_each_s: file.hold_each_s,
            knee_bend: file.knee_bend,
            step_cm: file.step_cm,
            effort: file.effort,
            how: file.how,
        }
        .serialize(s)
    }
}

/// [`DoseFile`] without the old words, as a person's file shows a dose.
#[derive(Serialize)]
#[serde(rename = "DoseFile")]
struct DoseOut {
    sets: u32,
    work: Work,
    per_side: bool,
    tempo: Option<Text>,
    rest_s: u32,
    frequency: Frequency,
    weight: Option<Weight>,
    hold_each_s: Option<u32>,
    knee_bend: Option<u32>,
    step_cm: Option<u32>,
    effort: Option<(u8, u8)>,
    how: Option<Text>,
}

impl From<Dose> for DoseFile {
    fn from(d: Dose) -> DoseFile {
        DoseFile {
            sets: d.sets,
            work: d.work,
            per_side: d.per_side,
            tempo: d.tempo,
            rest_s: d.rest_s,
            frequency: d.frequency,
            weight: d.weight,
            hold_each_s: d.hold_each_s,
            knee_bend: d.knee_bend,
            step_cm: d.step_cm,
            effort: d.effort,
            how: d.how,
            load: None,
        }
    }
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
    /// Reps at the rep-maximum weight for these reps ([`Weight::RepMax`]).
    pub reps: u32,
    /// Words older files gave the block ("15RM"); not shown: the weight follows the reps.
    #[serde(default)]
    pub load: Option<Text>,
}

/// One exercise or activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: Text,
    pub name: Text,
    pub kind: Kind,
    pub targets: Vec<Text>,
    #[serde(default)]
    pub equipment: Vec<Equipment>,
    /// The bottom stair does as its step: without a step it stays in the plan, done there.
    #[serde(default)]
    pub bottom_stair: bool,
    pub dose: Dose,
    #[serde(default)]
    pub weekly: Option<WeeklyStep>,
    #[serde(default)]
    pub schedule: Vec<LoadBlock>,
    pub steps: Vec<Text>,
    #[serde(default)]
    pub cues: Vec<Text>,
    #[serde(default)]
    pub cautions: Vec<Text>,
    /// The next harder exercise.
    #[serde(default)]
    pub progression: Option<Text>,
    /// The next easier exercise.
    #[serde(default)]
    pub regression: Option<Text>,
    /// Stand-ins, tried in order, when the equipment is missing.
    #[serde(default)]
    pub alternatives: Vec<Text>,
    /// How to make it harder or easier in words, when there is no linked exercise.
    #[serde(default)]
    pub when_easy: Option<Text>,
    #[serde(default)]
    pub when_painful: Option<Text>,
    pub source: Text,
    #[serde(default)]
    pub see_also: Vec<Text>,
    pub evidence: Grade,
    pub dose_origin: DoseOrigin,
    /// Comfort-only work that never counts toward progress (foam rolling the lateral thigh).
    #[serde(default)]
    pub optional: bool,
    /// The deepest loaded knee bend the exercise asks, in degrees (0 = straight), where it
    /// matters: a phase with a knee-bend limit never takes it as a stand-in or an override.
    #[serde(default)]
    pub knee_bend: Option<u32>,
    /// A higher seat keeps the bend within a phase's limit (sit to stand): the exercise stays
    /// in such a phase, its dose bent no further than the limit.
    #[serde(default)]
    pub seat_sets_bend: bool,
}

/// Which question a symptom answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomQuestion {
    pub id: Text,
    pub text: Text,
    pub answers: Vec<SymptomAnswer>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymptomAnswer {
    pub id: Text,
    pub text: Text,
}

/// One feature of a condition, tied to an answer of the symptom helper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Symptom {
    pub question: Text,
    pub answer: Text,
    /// Key features score 2, others 1.
    #[serde(default)]
    pub key: bool,
    /// The feature in plain words, shown as the reason for a suggestion.
    pub text: Text,
}

/// Things to avoid while in the early phases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Avoid {
    pub text: Text,
    /// Exercises that must not be scheduled before `until_phase`.
    #[serde(default)]
    pub exercises: Vec<Text>,
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
    /// When pain after a run must have settled.
    #[serde(default)]
    pub running_settles: Settles,
}

/// When pain after a piece of work must be back to where it was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Settles {
    /// Back to the usual level within about an hour (kneecap pain while running).
    WithinAnHour,
    #[default]
    ByNextMorning,
}

impl Settles {
    pub fn words(self) -> &'static str {
        match self {
            Settles::WithinAnHour => "within about an hour",
            Settles::ByNextMorning => "by the next morning",
        }
    }
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
    pub text: Text,
    /// The Run exercise scheduled on run days (WalkRun, Continuous, and PainLimited: runs the
    /// pain rules allow, ticked and counted like any item).
    #[serde(default)]
    pub exercise: Option<Text>,
    /// The run item's dose in this phase, when it differs from the exercise's own (its `load`
    /// carries the phase's rule in a few words).
    #[serde(default)]
    pub dose: Option<Dose>,
    /// For a person who runs now: this phase's runs start at this share of their usual run, in
    /// percent (clinical basis 5: about two thirds for runner's knee); the whole run when unset.
    #[serde(default)]
    pub from_usual_pct: Option<u32>,
}

/// One exercise in a phase, with that phase's dose when it differs from the exercise's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prescription {
    pub exercise: Text,
    #[serde(default)]
    pub dose: Option<Dose>,
    /// The dose's ladder inside this phase: rung N applies from the phase's week
    /// `1 + N * every_weeks` (a held week stays on its rung; a step back goes down one).
    #[serde(default)]
    pub ladder: Vec<Rung>,
    #[serde(default = "one")]
    pub every_weeks: u32,
    /// The phase's week the exercise starts in (a new drill one at a time); from the first
    /// week when not given.
    #[serde(default)]
    pub from_week: Option<u32>,
    /// Where this phase's dose or ladder comes from, when it has one: the exercise's own
    /// `dose_origin` speaks only for the exercise's own dose.
    #[serde(default)]
    pub origin: Option<DoseOrigin>,
}

/// One step of a phase's dose ladder: what changes from the phase's dose (one variable a step).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rung {
    #[serde(default)]
    pub sets: Option<u32>,
    /// Reps, seconds or minutes, in the dose's own unit.
    #[serde(default)]
    pub amount: Option<u32>,
    #[serde(default)]
    pub weight: Option<Weight>,
    #[serde(default)]
    pub knee_bend: Option<u32>,
    #[serde(default)]
    pub step_cm: Option<u32>,
    #[serde(default)]
    pub hold_each_s: Option<u32>,
    /// Words older files used for the rung's load, read as a dose's `load` words are.
    #[serde(default)]
    pub load: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub name: Text,
    pub goal: Text,
    /// Typical length in weeks.
    pub weeks: u32,
    pub exercises: Vec<Prescription>,
    /// Cross-training exercise ids, in order of preference.
    pub cross_training: Vec<Text>,
    /// Cross-training sessions a week.
    #[serde(default = "two")]
    pub cross_training_per_week: u32,
    pub run: RunGuidance,
    /// The deepest loaded knee bend this phase allows (degrees), when it sets one.
    #[serde(default)]
    pub max_knee_bend: Option<u32>,
    pub exit_criteria: Vec<Text>,
    #[serde(default)]
    pub cautions: Vec<Text>,
    /// The phase's name and goal for someone who does not run, where the phase is about
    /// running: their week is the strength work with walking, cycling or swimming.
    #[serde(default)]
    pub without_running: Option<PhaseWords>,
}

/// A phase's name and goal in other words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseWords {
    pub name: Text,
    pub goal: Text,
}

impl Phase {
    /// The phase's name for this person: its own, or its words for someone who does not run.
    pub fn name_for(&self, runs: bool) -> &Text {
        match (&self.without_running, runs) {
            (Some(w), false) => &w.name,
            _ => &self.name,
        }
    }

    /// The phase's goal for this person.
    pub fn goal_for(&self, runs: bool) -> &Text {
        match (&self.without_running, runs) {
            (Some(w), false) => &w.goal,
            _ => &self.goal,
        }
    }
}

fn two() -> u32 {
    2
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: Text,
    pub name: Text,
    pub aliases: Vec<Text>,
    pub summary: Text,
    pub where_it_hurts: Text,
    pub symptoms: Vec<Symptom>,
    pub evidence: Text,
    /// Ids of the red-flag questions that matter most for this condition.
    pub red_flags: Vec<Text>,
    pub avoid_early: Vec<Avoid>,
    pub ceilings: Ceilings,
    /// Week by which no meaningful improvement means "see a clinician".
    pub review_week: u32,
    pub run_guidance: Text,
    pub sources: Vec<Text>,
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
    pub id: Text,
    pub question: Text,
    pub level: FlagLevel,
    /// What the person sees after answering yes.
    pub message: Text,
    pub source: Text,
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
    pub text: Text,
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
    pub criteria: Vec<Text>,
    pub rules: Vec<Text>,
    pub source: Text,
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
    pub text: Vec<Text>,
    pub source: Text,
}

fn improvement_points() -> u8 {
    2
}

/// One topic of a condition's education section, in the order a printed plan shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum About {
    /// What the condition is, in plain words.
    WhatItIs,
    /// How much pain is fine, and what to do when it is passed.
    Pain,
    /// What to do in a flare-up.
    FlareUp,
    /// Running volume, the weekly ceiling, surfaces, hills, splitting runs.
    Load,
    /// Step rate.
    Cadence,
    /// When to replace shoes; what the evidence does and does not say.
    Footwear,
    /// Ice (and what it does not do) for pain and swelling.
    Swelling,
    /// When to call a clinician.
    WhenToCall,
}

impl About {
    /// Every topic a built-in condition's education must have.
    pub const ALL: [About; 8] = [
        About::WhatItIs,
        About::Pain,
        About::FlareUp,
        About::Load,
        About::Cadence,
        About::Footwear,
        About::Swelling,
        About::WhenToCall,
    ];

    /// The heading printed above the topic.
    pub fn heading(self) -> &'static str {
        match self {
            About::WhatItIs => "What it is",
            About::Pain => "How much pain is fine",
            About::FlareUp => "If it flares up",
            About::Load => "Running load",
            About::Cadence => "Step rate",
            About::Footwear => "Shoes",
            About::Swelling => "Swelling and ice",
            About::WhenToCall => "When to call",
        }
    }
}

/// One sentence of education, with the sources that back it (at least one key).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub text: Text,
    pub sources: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub about: About,
    pub says: Vec<Statement>,
}

/// One check a clinician ticks at a visit: what is tested and the pass mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub test: Text,
    pub pass: Text,
    /// A check only a runner takes (a run, the return-to-running checks): left out for
    /// someone who does not run.
    #[serde(default)]
    pub running: bool,
}

/// The exit checks of one phase (1-based), in the words of its `exit_criteria`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseChecks {
    pub phase: u32,
    pub checks: Vec<Check>,
}

/// A condition's education section for printed plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Education {
    /// The condition id.
    pub condition: Text,
    pub topics: Vec<Topic>,
    /// Each phase's exit criteria as checks; a phase left out prints its criteria as written.
    #[serde(default)]
    pub exit_checks: Vec<PhaseChecks>,
    /// Return-to-running checks only this condition has (after the shared ones).
    #[serde(default)]
    pub run_checks: Vec<Check>,
}

/// A red flag as a statement for the stop box of a printed plan. `says: None` marks a
/// screening-only question (an age limit) that the printed box leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagStatement {
    pub flag: Text,
    pub says: Option<Text>,
}

/// The shared return-to-running checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunChecks {
    pub checks: Vec<Check>,
    pub source: Text,
}

/// Reads the words older files wrote as a dose's `load` into its fields: "15RM", "5 kg",
/// "body weight", "hold each 10 s", "10 cm step", "0-60 degrees", "effort 5-6/10". A
/// part about pain is dropped (the condition's pain limit applies); any other part is kept, in
/// order, as the dose's words.
pub(crate) fn read_load_words(dose: &mut Dose, words: &str) {
    let mut kept: Vec<&str> = Vec::new();
    for part in words
        .split([';', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let lower = part.to_ascii_lowercase();
        let numbers = numbers_in(&lower);
        let mut recognised = false;
        if let Some(at) = lower.find("rm")
            && lower[..at]
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
        {
            dose.weight = Some(Weight::RepMax);
            recognised = true;
        } else if let Some(at) = lower.find(" kg")
            && let Some(kg) = numbers_in(&lower[..at]).last()
        {
            dose.weight = Some(Weight::Kg(*kg));
            recognised = true;
        } else if lower.starts_with("body weight") {
            dose.weight = Some(Weight::BodyWeight);
            recognised = lower.trim_start_matches("body weight").trim().is_empty();
        }
        if let Some(at) = lower.find("hold each")
            && let Some(s) = numbers_in(&lower[at..]).first()
        {
            dose.hold_each_s = Some(*s);
            recognised = true;
        }
        if let Some(at) = lower.find(" cm")
            && let Some(cm) = numbers_in(&lower[..at]).last()
        {
            dose.step_cm = Some(*cm);
            recognised = true;
        }
        if let Some(at) = lower.find("degrees")
            && let Some(bend) = numbers_in(&lower[..at]).last()
        {
            dose.knee_bend = Some(*bend);
            recognised = true;
        }
        if lower.contains("/10") {
            if lower.contains("effort") || lower.contains("easy") {
                let lo = numbers.first().copied().unwrap_or(0);
                let hi = numbers
                    .iter()
                    .rev()
                    .find(|n| **n != 10)
                    .copied()
                    .unwrap_or(lo);
                dose.effort = Some((lo.min(10) as u8, hi.min(10) as u8));
            }
            recognised = true;
        }
        if lower.contains("pain") || lower.starts_with("settled") {
            recognised = true;
        }
        if !recognised {
            kept.push(part);
        }
    }
    if !kept.is_empty() {
        dose.how = Some(kept.join("; ").into());
    }
}

/// The whole numbers in a text, in order ("0-40 degrees" gives 0 and 40).
fn numbers_in(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}
