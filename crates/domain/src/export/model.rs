//! What a printed plan holds, gathered once from the catalog and the built weeks so that each
//! format only lays it out.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::catalog::{
    Catalog, Ceilings, Check, Condition, Dose, Education, Exercise, FlagLevel, RedFlag, Source,
    WalkRunLevel,
};
use crate::plan::WeekPlan;

/// Who the plan is for and who wrote it. Every field is optional on paper.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Patient {
    pub name: Option<String>,
    pub clinician: Option<String>,
    pub clinic: Option<String>,
    pub notes: Option<String>,
}

/// One week's guidance beside the grid: the phase's goal, running and cross-training.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekGuidance {
    pub phase_goal: String,
    /// The walk-run level scheduled this week, with its pattern.
    pub walk_run: Option<WalkRunLevel>,
    /// Cross-training choices of the phase, by name.
    pub cross_training: Vec<String>,
    /// The builder's notes for the week (running text, swaps, what did not fit).
    pub notes: Vec<String>,
    /// For a profile: the decision of the week before, which shaped this one.
    pub shaped_by: Option<String>,
}

/// Pain logged on one day (0-10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PainPoint {
    pub date: Date,
    pub during: Option<u8>,
    pub morning: Option<u8>,
}

/// One logged week of a profile's journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekHistory {
    pub week: u32,
    pub monday: Date,
    /// Share of prescribed sessions done, when any were prescribed.
    pub adherence_pct: Option<u32>,
    pub pain: Vec<PainPoint>,
}

/// What the weekly review decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Progress,
    Hold,
    StepBack,
    SeeClinician,
}

impl Decision {
    pub fn label(self) -> &'static str {
        match self {
            Decision::Progress => "progress",
            Decision::Hold => "hold",
            Decision::StepBack => "step back",
            Decision::SeeClinician => "see a clinician",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekDecision {
    pub week: u32,
    pub decision: Decision,
    pub reason: String,
}

/// Everything a printed plan shows. Build it with [`ExportInput::assemble`]; a profile adds
/// `history` and `decisions` afterwards.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportInput {
    /// The date printed on the plan (today, injected).
    pub date: Date,
    pub patient: Patient,
    pub condition: Condition,
    pub weeks: Vec<WeekPlan>,
    /// One per entry of `weeks`.
    pub guidance: Vec<WeekGuidance>,
    /// The exercises scheduled, in card order (the order they first appear in the grids).
    pub exercises: Vec<Exercise>,
    /// Red flags that mean stop and call (levels Stop and Block).
    pub red_flags: Vec<RedFlag>,
    /// The pain rules in plain words.
    pub pain_rules: Vec<String>,
    /// The numbers the pain rules name (`{amber}`, `{adherence}` ...).
    pub pain_numbers: Option<crate::catalog::PainRules>,
    pub ceilings: Ceilings,
    /// Every source the handout cites (cards, then education), in order of first citation.
    pub sources: Vec<Source>,
    /// Names of exercises mentioned but not on a card (progressions, replaced ones), by id.
    pub other_names: BTreeMap<String, String>,
    pub history: Option<Vec<WeekHistory>>,
    pub decisions: Vec<WeekDecision>,
    /// For a profile: lines that stand beside the plan (advice answers, a clinician's review
    /// due, running paused), as `session::Standing` gives them.
    pub standing: Vec<String>,
    /// The condition's education section, when the library has one.
    pub education: Option<Education>,
    /// Red-flag ids with their statement for the stop box (`None`: screening-only, left out).
    /// A flag not listed prints its question and what to do.
    pub flag_statements: BTreeMap<String, Option<String>>,
    /// The exit checks of each phase the printed weeks cover.
    pub exit_checks: Vec<PhaseCheckList>,
    /// The return-to-running checks (shared ones first, then the condition's own).
    pub run_checks: Vec<Check>,
    /// How the plan is laid out.
    pub options: PrintOptions,
    /// The person runs (false: no running limit in the pain rules).
    pub runs: bool,
    /// The figure of each card's exercise, by id (an exercise without one has no drawing).
    pub figures: BTreeMap<String, crate::figure::Figure>,
}

/// Choices a clinician makes when printing; the default is the patient's full handout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PrintOptions {
    /// The one-page sheet for the fridge (each week's grid, the pain rules and the stop box)
    /// instead of the full handout.
    pub sheet: bool,
    /// The clinician note (what did not fit, what was left out), on its own page at the end.
    /// Off unless asked for: the handout goes to the patient, who would print every page.
    pub clinician_note: bool,
}

/// One phase's exit checks, for a clinician to tick at a visit.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseCheckList {
    /// 1-based.
    pub phase: usize,
    pub name: String,
    pub checks: Vec<Check>,
}

/// One exercise row of a week grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridRow {
    /// 1-based card number (index into `exercises` plus one).
    pub card: usize,
    /// The dose of its first session this week.
    pub dose: Dose,
    /// Per day: the sessions prescribed (0 when not scheduled) and that day's work when it
    /// differs from `dose` (cross-training trimmed to the day's minutes).
    pub days: [(u32, Option<String>); 7],
    /// The exercise it stands in for, by name, and why.
    pub stands_in: Option<(String, String)>,
    pub optional: bool,
    /// Where the dose comes from.
    pub origin: crate::plan::ItemOrigin,
}

impl ExportInput {
    /// For a person who does not run: no return-to-running checks (single-leg hops and the
    /// like) among the things to do.
    pub fn without_running(&mut self) {
        self.run_checks.clear();
        self.runs = false;
        for list in &mut self.exit_checks {
            list.checks.retain(|c| !c.running);
            if let Some(phase) = self.condition.phases.get(list.phase - 1) {
                list.name = phase.name_for(false).to_string();
            }
        }
        self.exit_checks.retain(|l| !l.checks.is_empty());
        // Running load, step rate and running shoes are a runner's topics.
        if let Some(e) = &mut self.education {
            e.topics.retain(|t| {
                !matches!(
                    t.about,
                    crate::catalog::About::Load
                        | crate::catalog::About::Cadence
                        | crate::catalog::About::Footwear
                )
            });
        }
        for (week, guidance) in self.weeks.iter().zip(&mut self.guidance) {
            if let Some(phase) = self.condition.phases.get(week.state.phase) {
                guidance.phase_goal = phase.goal_for(false).to_string();
            }
        }
    }

    /// Gathers a plan's contents. The weeks come from `plan::build_program` or `build_week`.
    pub fn assemble(
        catalog: &Catalog,
        condition: &Condition,
        weeks: Vec<WeekPlan>,
        date: Date,
        patient: Patient,
    ) -> ExportInput {
        let mut exercises: Vec<Exercise> = Vec::new();
        for week in &weeks {
            for id in row_order(week) {
                if !exercises.iter().any(|e| e.id == id)
                    && let Some(e) = catalog.exercise(&id)
                {
                    exercises.push(e.clone());
                }
            }
        }
        let guidance = weeks
            .iter()
            .map(|w| week_guidance(catalog, condition, w))
            .collect();
        let red_flags: Vec<RedFlag> = catalog
            .red_flags
            .iter()
            .filter(|f| f.level >= FlagLevel::Block)
            .cloned()
            .collect();
        let pain_rules = catalog
            .pain_rules
            .as_ref()
            .map(|r| r.text.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        // Only the keys the handout prints (on a card or beside an education statement): a
        // reference list longer than what it backs is a list to skip.
        let mut keys: Vec<&str> = exercises.iter().map(|e| e.source.as_str()).collect();
        let education = catalog.education(&condition.id).cloned();
        if let Some(e) = &education {
            keys.extend(
                e.topics
                    .iter()
                    .flat_map(|t| &t.says)
                    .flat_map(|s| s.sources.iter().map(crate::catalog::Text::as_str)),
            );
        }
        let mut sources: Vec<Source> = Vec::new();
        for key in keys {
            if !sources.iter().any(|s| s.key == key)
                && let Some(s) = catalog.source(key)
            {
                sources.push(s.clone());
            }
        }
        let mut other_names = BTreeMap::new();
        let mentioned = exercises
            .iter()
            .flat_map(|e| [&e.progression, &e.regression])
            .flatten()
            .map(crate::catalog::Text::as_str)
            .chain(weeks.iter().flat_map(|w| {
                w.days
                    .iter()
                    .flat_map(|d| d.items.iter().filter_map(|i| i.replaces.as_deref()))
            }));
        for id in mentioned {
            if let Some(e) = catalog.exercise(id) {
                other_names.insert(id.to_string(), e.name.to_string());
            }
        }
        let exit_checks = exit_checks(condition, education.as_ref(), &weeks);
        let mut run_checks: Vec<Check> = catalog
            .return_to_run_checks
            .iter()
            .flat_map(|r| r.checks.iter().cloned())
            .collect();
        if !run_checks.is_empty()
            && let Some(e) = &education
        {
            run_checks.extend(e.run_checks.iter().cloned());
        }
        let figures = exercises
            .iter()
            .filter_map(|e| catalog.figure(&e.id).map(|f| (e.id.to_string(), f.clone())))
            .collect();
        let flag_statements = catalog
            .flag_statements
            .iter()
            .map(|s| (s.flag.to_string(), s.says.as_ref().map(ToString::to_string)))
            .collect();
        ExportInput {
            date,
            patient,
            condition: condition.clone(),
            weeks,
            guidance,
            exercises,
            red_flags,
            pain_rules,
            pain_numbers: catalog.pain_rules.clone(),
            ceilings: condition.ceilings,
            sources,
            other_names,
            history: None,
            decisions: Vec::new(),
            standing: Vec::new(),
            education,
            flag_statements,
            exit_checks,
            run_checks,
            options: PrintOptions::default(),
            runs: true,
            figures,
        }
    }
}

/// The exit checks of every phase the weeks cover: from the education file where it restates
/// them, else each criterion as written with no separate pass mark.
fn exit_checks(
    condition: &Condition,
    education: Option<&Education>,
    weeks: &[WeekPlan],
) -> Vec<PhaseCheckList> {
    let mut phases: Vec<usize> = weeks.iter().map(|w| w.state.phase).collect();
    phases.sort_unstable();
    phases.dedup();
    phases
        .into_iter()
        .filter_map(|i| {
            let phase = condition.phases.get(i)?;
            let listed = education.and_then(|e| {
                e.exit_checks
                    .iter()
                    .find(|p| p.phase as usize == i + 1)
                    .map(|p| p.checks.clone())
            });
            let checks = listed.unwrap_or_else(|| {
                phase
                    .exit_criteria
                    .iter()
                    .map(|c| Check {
                        test: c.clone(),
                        pass: Default::default(),
                        running: false,
                    })
                    .collect()
            });
            (!checks.is_empty()).then(|| PhaseCheckList {
                phase: i + 1,
                name: phase.name.to_string(),
                checks,
            })
        })
        .collect()
}

/// Exercise ids of a week in session order: by slot, then the day and place they first appear.
pub(super) fn row_order(week: &WeekPlan) -> Vec<String> {
    let mut seen: Vec<(crate::plan::Slot, usize, String)> = Vec::new();
    for (d, day) in week.days.iter().enumerate() {
        for (i, item) in day.items.iter().enumerate() {
            if !seen.iter().any(|(_, _, id)| *id == item.exercise) {
                seen.push((item.slot, d * 100 + i, item.exercise.clone()));
            }
        }
    }
    seen.sort();
    seen.into_iter().map(|(_, _, id)| id).collect()
}

fn week_guidance(catalog: &Catalog, condition: &Condition, week: &WeekPlan) -> WeekGuidance {
    let phase = condition.phases.get(week.state.phase);
    WeekGuidance {
        phase_goal: phase.map(|p| p.goal.to_string()).unwrap_or_default(),
        // The level actually scheduled (the builder clamps to the library's levels).
        walk_run: week
            .days
            .iter()
            .flat_map(|d| &d.items)
            .find_map(|i| i.walk_run_level)
            .and_then(|l| catalog.walk_run_level(l))
            .cloned(),
        cross_training: phase
            .map(|p| {
                p.cross_training
                    .iter()
                    .map(|id| {
                        catalog
                            .exercise(id)
                            .map_or(id.to_string(), |e| e.name.to_string())
                    })
                    .collect()
            })
            .unwrap_or_default(),
        notes: week.notes.clone(),
        shaped_by: None,
    }
}
