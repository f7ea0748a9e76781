//! From a week's decision to the next week's phase, dose step and eased exercises.

use jiff::civil::Date;

use super::classify::SessionReview;
use super::decide::Verdict;
use super::log::Log;
use super::outcome::{Decision, Flag};
use crate::catalog::{Catalog, Condition};
use crate::plan::{Overrides, PlanItem, Settings, Slot, WeekPlan, WeekState, build_week_unshown};

/// What a week's log moves the next week to (phase and dose step; runs are done separately).
pub struct Advance<'a> {
    pub catalog: &'a Catalog,
    pub condition: &'a Condition,
    pub overrides: &'a Overrides,
    pub settings: &'a Settings,
    pub log: &'a Log,
    pub sunday: Date,
}

impl Advance<'_> {
    pub fn next_state(
        &self,
        this: &WeekState,
        plan: &WeekPlan,
        sessions: &[SessionReview],
        decision: &mut Decision,
        flags: &mut Vec<Flag>,
    ) -> WeekState {
        let mut next = this.clone();
        next.week = this.week + 1;
        self.ease(&mut next, plan, sessions, decision, flags);
        let phases = &self.condition.phases;
        let phase_no = this.phase as u32 + 1;
        let has_next_phase = this.phase + 1 < phases.len();
        // The dose step when the week stays in its phase.
        next.week_in_phase = match decision.verdict {
            Verdict::Progress => this.week_in_phase + 1,
            Verdict::StepBack => this.week_in_phase.saturating_sub(1).max(1),
            Verdict::Hold | Verdict::SeeClinician => this.week_in_phase,
        };
        if decision.verdict == Verdict::StepBack {
            decision.next.push(if this.week_in_phase > 1 {
                "one dose step down".into()
            } else {
                "already at the phase's first dose; it stays".into()
            });
        }
        if decision.verdict == Verdict::Progress {
            if has_next_phase && self.log.phase_exit_met(phase_no, self.sunday) {
                next.phase = this.phase + 1;
            } else {
                let typical = phases.get(this.phase).map_or(1, |p| p.weeks);
                if has_next_phase && this.week_in_phase >= typical {
                    flags.push(Flag::AwaitingExit(phase_no));
                }
            }
        }
        if let Some(pinned) = self.pinned_phase()
            && pinned != next.phase
        {
            decision
                .overrides
                .push(format!("phase pinned to {} by your clinician", pinned + 1));
            next.phase = pinned;
        }
        if next.phase != this.phase {
            next.week_in_phase = 1;
            let name = phases.get(next.phase).map_or("", |p| p.name.as_str());
            decision
                .next
                .push(format!("phase {} ({name}) starts", next.phase + 1));
        } else if decision.verdict == Verdict::Progress {
            decision.next.push("next dose step".into());
        }
        next
    }

    fn pinned_phase(&self) -> Option<usize> {
        let last = self.condition.phases.len().saturating_sub(1);
        self.overrides
            .pinned_phase
            .map(|p| (p.max(1) as usize - 1).min(last))
    }

    /// A red session on an exercise drops it one regression step next week; a week that
    /// progresses lifts every eased exercise one step back up.
    fn ease(
        &self,
        next: &mut WeekState,
        plan: &WeekPlan,
        sessions: &[SessionReview],
        decision: &mut Decision,
        flags: &mut Vec<Flag>,
    ) {
        if decision.verdict == Verdict::Progress {
            next.regressions.values_mut().for_each(|n| *n -= 1);
            next.regressions.retain(|_, n| *n > 0);
        }
        let mut eased: Vec<String> = Vec::new();
        let mut no_easier: Vec<String> = Vec::new();
        for (logged, painful) in sessions.iter().flat_map(|s| {
            let painful = s.painful_exercises.iter().map(|e| (e, true));
            painful.chain(s.eased_after_warning.iter().map(|e| (e, false)))
        }) {
            let key = self.regression_key(plan, logged);
            if eased.contains(&key) {
                continue;
            }
            eased.push(key.clone());
            let mut trial = next.clone();
            *trial.regressions.entry(key.clone()).or_default() += 1;
            if self.changes(&trial, &key, logged) {
                next.regressions = trial.regressions;
                let name = self
                    .catalog
                    .exercise(&key)
                    .map_or(key.as_str(), |e| &e.name);
                decision.next.push(format!("{name} eased one step"));
            } else if painful {
                no_easier.push(logged.clone());
            }
        }
        if !no_easier.is_empty() {
            flags.push(Flag::NoEasierVersion(no_easier));
        }
    }

    /// Section 1.1's same-session rule: an exercise red in a session is eased one step from its
    /// very next session, in this week too, not only from next Monday. Days after each red
    /// session take the item the eased state schedules; runs keep their own rules.
    pub fn ease_within_week(
        &self,
        this: &WeekState,
        plan: &mut WeekPlan,
        sessions: &[SessionReview],
    ) {
        let mut trial = this.clone();
        for session in sessions.iter().filter(|s| !s.to_ease().is_empty()) {
            let mut keys: Vec<String> = Vec::new();
            for logged in session.to_ease() {
                let key = self.regression_key(plan, logged);
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            for key in &keys {
                *trial.regressions.entry(key.clone()).or_default() += 1;
            }
            let Ok(eased) = build_week_unshown(
                self.catalog,
                self.condition,
                self.settings,
                self.overrides,
                &trial,
            ) else {
                continue;
            };
            for (day, eased_day) in plan.days.iter_mut().zip(&eased.days) {
                if day.date <= session.date {
                    continue;
                }
                for item in day.items.iter_mut().filter(|i| i.slot != Slot::Run) {
                    let key = self.stands_for(item);
                    if !keys.contains(&key) {
                        continue;
                    }
                    if let Some(easier) = eased_day
                        .items
                        .iter()
                        .find(|i| self.stands_for(i) == key && i.exercise != item.exercise)
                    {
                        *item = easier.clone();
                        item.eased = true;
                        item.reason = Some(format!(
                            "eased one step after a painful session on {}",
                            session.date
                        ));
                    } else if lighter_dose(&mut item.dose) {
                        // No easier exercise: §1.2's regress step on the dose instead.
                        item.minutes = crate::plan::item_minutes(&item.dose);
                        item.eased = true;
                        item.reason = Some(format!(
                            "eased one step (a lighter dose) after a painful session on {}",
                            session.date
                        ));
                    }
                }
            }
        }
    }

    /// Whether the week built from `trial` schedules something other than `logged` for `key`:
    /// an exercise with no easier version, or an equipment stand-in the builder does not ease,
    /// stays the same, and saying "eased" would be untrue.
    fn changes(&self, trial: &WeekState, key: &str, logged: &str) -> bool {
        let Ok(week) = build_week_unshown(
            self.catalog,
            self.condition,
            self.settings,
            self.overrides,
            trial,
        ) else {
            return false;
        };
        week.days
            .iter()
            .flat_map(|d| &d.items)
            .find(|i| self.stands_for(i) == key)
            .is_some_and(|i| i.exercise != logged)
    }

    /// The id the plan builder looks regressions up by for an item: the prescribed exercise, or
    /// the clinician's replacement for it.
    fn stands_for(&self, item: &PlanItem) -> String {
        let base = item.replaces.as_ref().unwrap_or(&item.exercise);
        self.overrides
            .replaced
            .get(base)
            .unwrap_or(base)
            .to_string()
    }

    /// The id the plan builder looks regressions up by for a logged exercise.
    fn regression_key(&self, plan: &WeekPlan, logged: &str) -> String {
        plan.days
            .iter()
            .flat_map(|d| &d.items)
            .find(|i| i.exercise == logged)
            .map_or_else(|| logged.to_string(), |i| self.stands_for(i))
    }
}

/// §1.2's regress step on a dose: one set fewer, or with one set, 3 reps or 10 seconds less.
/// False when the dose is already as light as it goes.
fn lighter_dose(dose: &mut crate::catalog::Dose) -> bool {
    use crate::catalog::Work;
    if dose.sets > 1 {
        dose.sets -= 1;
        return true;
    }
    let lighter = match dose.work {
        Work::Reps(n) if n > 3 => Work::Reps(n - 3),
        Work::Hold(s) if s > 10 => Work::Hold(s - 10),
        Work::Seconds(s) if s > 10 => Work::Seconds(s - 10),
        Work::Minutes(m) if m > 5 => Work::Minutes(m - 5),
        _ => return false,
    };
    dose.work = lighter;
    true
}
