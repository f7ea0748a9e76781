//! What the engine hands back for each week, and the lines screens and printouts show.

use serde::{Deserialize, Serialize};

use super::classify::SessionReview;
use super::decide::{Rule, Verdict, WeekNumbers};
use crate::plan::WeekPlan;

/// The end-of-week decision, with the numbers and the rule that produced it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub verdict: Verdict,
    pub rule: Rule,
    /// The numbers against the rule, in plain words ("adherence 62%, needs 80%").
    pub reason: String,
    /// Clinician overrides that changed the result, in plain words.
    pub overrides: Vec<String>,
    /// What changes next week because of it ("phase 2 (Load) starts").
    pub next: Vec<String>,
    /// What changed within the week itself (the same-session rule after a red run).
    #[serde(default)]
    pub within: Vec<String>,
}

impl Decision {
    /// "held: adherence 62%, needs 80%", with "; override applies: ..." when one did.
    pub fn text(&self) -> String {
        let mut text = format!("{}: {}", self.verdict.label(), self.reason);
        if !self.overrides.is_empty() {
            text.push_str("; override applies: ");
            text.push_str(&self.overrides.join("; "));
        }
        if !self.within.is_empty() {
            text.push_str("; this week: ");
            text.push_str(&self.within.join("; "));
        }
        text
    }
}

/// Something the person should see beside the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Flag {
    /// No running this week, and why.
    RunningPaused(String),
    /// A week decided "see a clinician" (its Monday) and no assessment is recorded since: the
    /// banner stays.
    ClinicianDue(jiff::civil::Date),
    /// Sharp pain or new swelling was logged: ask the red-flag questions again.
    ReopenRedFlags(jiff::civil::Date),
    /// Walk-run is due but its entry criteria are not recorded as met.
    AwaitingRunEntry,
    /// The phase's typical length is done but its exit criteria are not recorded (1-based phase).
    AwaitingExit(u32),
    /// Running time this week is more than the warning rise over two weeks.
    FortnightRise { from: u32, to: u32, pct: u32 },
    /// A painful exercise cannot be eased: no easier version in the library, or an equipment
    /// stand-in the plan builder does not ease.
    NoEasierVersion(Vec<String>),
}

impl Flag {
    pub fn text(&self) -> String {
        match self {
            Flag::RunningPaused(why) => format!("running paused: {why}"),
            Flag::ClinicianDue(since) => format!(
                "see a clinician (since the week of {since}); running resumes once they record their assessment"
            ),
            // A dated record of what happened: whether the questions still need answering is
            // the gate's to say, and only while it stands.
            Flag::ReopenRedFlags(date) => format!(
                "sharp pain, new swelling or a limp logged on {date}; the safety questions were asked again"
            ),
            Flag::AwaitingRunEntry => {
                "walk-run starts once the return-to-run entry criteria are recorded as met".into()
            }
            Flag::AwaitingExit(phase) => {
                format!("phase {phase} moves on once its exit criteria are recorded as met")
            }
            Flag::FortnightRise { from, to, pct } => format!(
                "running time rises from {from} to {to} min over two weeks, more than {pct}%: injury risk rises"
            ),
            Flag::NoEasierVersion(ids) => match ids.as_slice() {
                [one] => {
                    format!("{one} has no easier version here; keep it under the pain ceiling")
                }
                many => format!(
                    "{} have no easier version here; keep them under the pain ceiling",
                    many.join(", ")
                ),
            },
        }
    }
}

/// One week walked from the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekOutcome {
    /// The week's plan as adapted from the weeks before.
    pub plan: WeekPlan,
    /// The continuous runs of this week's phase up to the week's end, done in full within the
    /// pain rule (the phase's exit checks read them); empty for a week walked through unshown.
    #[serde(default)]
    pub long_runs: PhaseRuns,
    /// Each logged session's classification, in date order.
    pub sessions: Vec<SessionReview>,
    pub numbers: WeekNumbers,
    /// The decision at the end of this week, which shapes the next one.
    pub decision: Decision,
    pub flags: Vec<Flag>,
}

impl WeekOutcome {
    pub fn week(&self) -> u32 {
        self.plan.state.week
    }

    /// The line for `rehab history` and the Program view: "week 3: held: adherence 62%, needs 80%".
    pub fn decision_line(&self) -> String {
        format!("week {}: {}", self.week(), self.decision.text())
    }

    /// Whether the week is over on `today`: before then its decision is only "so far".
    pub fn is_complete(&self, today: jiff::civil::Date) -> bool {
        self.plan.days.last().is_some_and(|d| d.date < today)
    }

    /// [`decision_line`](Self::decision_line), marked "so far, if it ended today" while the week
    /// is still running.
    pub fn decision_line_on(&self, today: jiff::civil::Date) -> String {
        if self.is_complete(today) {
            self.decision_line()
        } else {
            // Judged on what was due so far, the figure every view shows for the week.
            format!(
                "week {} (so far, if it ended today): {}",
                self.week(),
                self.decision.text()
            )
        }
    }
}

/// The plan for one week with the decision that shaped it (the previous week's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdaptedWeek {
    pub plan: WeekPlan,
    /// `None` for week 1, which follows the plan as written.
    pub because: Option<Decision>,
    pub flags: Vec<Flag>,
}

impl AdaptedWeek {
    /// Lines to print above the plan: why it looks as it does, then the flags.
    pub fn header_lines(&self) -> Vec<String> {
        let week = self.plan.state.week;
        let mut lines = vec![match &self.because {
            Some(d) => format!("week {week}, after week {}: {}", week - 1, d.text()),
            None => format!("week {week}: the starting plan"),
        }];
        if let Some(d) = &self.because {
            lines.extend(d.next.iter().map(|n| format!("  {n}")));
        }
        lines.extend(self.flags.iter().map(|f| format!("! {}", f.text())));
        lines
    }
}

/// The continuous runs of one phase done in full within the pain rule, by their minutes: how
/// many, and the latest few dates. Bounded, however long the phase lasts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PhaseRuns {
    pub(super) phase: usize,
    /// Minutes -> (how many runs that long, the latest dates, oldest first).
    pub(super) by_minutes: std::collections::BTreeMap<u32, (u32, Vec<jiff::civil::Date>)>,
}

impl PhaseRuns {
    /// Dates kept for each length of run: more than any exit check asks for.
    const LATEST: usize = 8;

    pub(super) fn add(&mut self, date: jiff::civil::Date, minutes: u32) {
        let (count, dates) = self.by_minutes.entry(minutes).or_default();
        *count += 1;
        dates.push(date);
        if dates.len() > Self::LATEST {
            dates.remove(0);
        }
    }

    /// The runs of `minutes` or longer: how many, and the latest dates (up to eight), oldest
    /// first.
    pub fn at_least(&self, minutes: u32) -> (u32, Vec<jiff::civil::Date>) {
        let mut count = 0;
        let mut dates = Vec::new();
        for (n, d) in self.by_minutes.range(minutes..).map(|(_, v)| v) {
            count += n;
            dates.extend_from_slice(d);
        }
        dates.sort_unstable();
        let skip = dates.len().saturating_sub(Self::LATEST);
        (count, dates.split_off(skip))
    }
}

#[cfg(test)]
mod phase_runs_tests {
    use super::PhaseRuns;
    use jiff::ToSpan;
    use jiff::civil::date;

    #[test]
    fn a_long_phase_keeps_its_count_and_only_its_latest_dates() {
        let mut runs = PhaseRuns::default();
        let start = date(2026, 1, 1);
        // 100 runs of 30 min, with a 20-min run every tenth day among them.
        for d in 0..100 {
            let day = start.checked_add(d.days()).expect("a date");
            runs.add(day, if d % 10 == 0 { 20 } else { 30 });
        }
        let (n, dates) = runs.at_least(25);
        assert_eq!(n, 90);
        let last = start.checked_add(99.days()).expect("a date");
        assert_eq!(dates.len(), 8);
        assert_eq!(dates.last(), Some(&last));
        assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
        let (n, dates) = runs.at_least(20);
        assert_eq!(n, 100);
        assert_eq!(dates.len(), 8);
        assert_eq!(runs.at_least(31), (0, Vec::new()));
        // However long the phase, what is kept stays small.
        assert!(runs.by_minutes.values().all(|(_, d)| d.len() <= 8));
    }
}
