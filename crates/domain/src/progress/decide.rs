//! The weekly decision (clinical basis §1.1): progress, hold, step back or see a clinician, with
//! the numbers and the rule that produced it.

use serde::{Deserialize, Serialize};

use super::classify::{Colour, SessionReview};
use super::log::{DayLog, Status};
use crate::catalog::PainRules;
use crate::plan::WeekPlan;

/// What the end of a week decides for the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Progress,
    Hold,
    StepBack,
    SeeClinician,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Progress => "progressed",
            Verdict::Hold => "held",
            Verdict::StepBack => "stepped back",
            Verdict::SeeClinician => "see a clinician",
        }
    }
}

/// The rule that decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// Every progress condition met.
    AllMet,
    NoLogs,
    /// One or more progress conditions failed with no red session.
    Unmet,
    /// A single red session: held, the painful part eased.
    OneRed,
    RedSessions,
    RedTwoWeeks,
    RedFlag,
    StepBackTwice,
    MorningRising,
    NoImprovement,
}

/// The week's numbers the rules read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WeekNumbers {
    pub logged_days: u32,
    /// Non-optional planned items due (one per exercise per day): all of them once the week
    /// is over, those due so far while it runs.
    pub prescribed: u32,
    /// Done counts 2, partial 1.
    pub done_halves: u32,
    pub green: u32,
    pub amber: u32,
    pub red: u32,
    /// Median of each session's worst pain during (exercise or run).
    pub median_pain: Option<f32>,
    pub median_morning: Option<f32>,
    /// Judged while the week ran: `prescribed` is what was due so far.
    #[serde(default)]
    pub so_far: bool,
}

impl WeekNumbers {
    /// Adherence in whole percent, by the one rounding every figure uses; `None` when nothing
    /// was prescribed.
    pub fn adherence_pct(&self) -> Option<u32> {
        self.adherence().pct()
    }

    /// The week's one adherence figure, as every view shows it.
    pub fn adherence(&self) -> crate::journal::Adherence {
        crate::journal::Adherence {
            halves: self.done_halves,
            due: self.prescribed,
            so_far: self.so_far,
        }
    }

    /// The week's pain level for the improvement check: the higher of the two medians.
    pub fn pain_level(&self) -> Option<f32> {
        match (self.median_pain, self.median_morning) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }
}

/// Counts the week's numbers from its plan, its logged days and their reviews. With `today`
/// inside the week the adherence is the share of what was due so far (see
/// [`crate::journal::adherence`]); otherwise the whole week's.
pub fn numbers(
    plan: &WeekPlan,
    days: &[&DayLog],
    reviews: &[SessionReview],
    today: Option<jiff::civil::Date>,
) -> WeekNumbers {
    // One count for every adherence figure: the journal's tally, fed from the engine's log.
    let planned = plan.days.iter().flat_map(|d| {
        d.items
            .iter()
            .filter(|i| !i.optional)
            .map(move |i| (d.date, i.exercise.as_str()))
    });
    let logged = days.iter().flat_map(|d| {
        d.items.iter().map(move |i| {
            let halves = match i.status {
                Status::Done => 2,
                Status::Partial => 1,
                Status::Skipped => 0,
            };
            (d.date, &*i.exercise, halves)
        })
    });
    let adherence = crate::journal::adherence::tally(planned, logged, today);
    let pains: Vec<u8> = days
        .iter()
        .filter_map(|d| {
            let items = d.items.iter().filter_map(|i| i.pain);
            items.chain(d.pain_during).chain(d.run_pain).max()
        })
        .collect();
    let mornings: Vec<u8> = days.iter().filter_map(|d| d.pain_next_morning).collect();
    let count = |c: Colour| reviews.iter().filter(|r| r.colour == c).count() as u32;
    WeekNumbers {
        logged_days: days.iter().filter(|d| d.is_logged()).count() as u32,
        prescribed: adherence.due,
        done_halves: adherence.halves,
        so_far: adherence.so_far,
        green: count(Colour::Green),
        amber: count(Colour::Amber),
        red: count(Colour::Red),
        median_pain: median(&pains),
        median_morning: median(&mornings),
    }
}

pub fn median(scores: &[u8]) -> Option<f32> {
    let mut sorted = scores.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f32::from(sorted[n / 2])),
        _ => Some((f32::from(sorted[n / 2 - 1]) + f32::from(sorted[n / 2])) / 2.0),
    }
}

/// What the rule needs to know about the weeks before.
#[derive(Debug, Clone, Default)]
pub struct Before {
    /// 1-based week being decided.
    pub week: u32,
    pub last_verdict: Option<Verdict>,
    pub last_red: u32,
    /// Median morning pain one and two weeks back.
    pub morning_1: Option<f32>,
    pub morning_2: Option<f32>,
    /// Pain level of the first logged week.
    pub first_pain: Option<f32>,
    pub review_week: u32,
    /// Highest weekly median pain that still allows progress.
    pub progress_median: u8,
}

/// The weekly rule. Returns the verdict, the rule and the reason in plain words.
pub fn decide(
    n: &WeekNumbers,
    reviews: &[SessionReview],
    before: &Before,
    rules: &PainRules,
) -> (Verdict, Rule, String) {
    if let Some(r) = reviews
        .iter()
        .find(|r| r.causes.contains(&super::classify::Cause::RedFlag))
    {
        let reason = format!("red-flag answer logged on {}", r.date);
        return (Verdict::SeeClinician, Rule::RedFlag, reason);
    }
    if n.logged_days == 0 {
        let reason = "no logs this week; a week without logs never progresses".to_string();
        return (Verdict::Hold, Rule::NoLogs, reason);
    }
    let steps_back = n.red >= rules.regress_red_sessions || (n.red > 0 && before.last_red > 0);
    let mut escalate: Vec<(Rule, String)> = Vec::new();
    if let (Some(now), Some(m1), Some(m2)) = (n.median_morning, before.morning_1, before.morning_2)
        && now > m1
        && m1 > m2
    {
        let reason = format!("morning pain rose two weeks running ({m2} → {m1} → {now})");
        escalate.push((Rule::MorningRising, reason));
    }
    if steps_back && before.last_verdict == Some(Verdict::StepBack) {
        escalate.push((Rule::StepBackTwice, "stepped back two weeks running".into()));
    }
    if before.week >= before.review_week
        && let (Some(now), Some(first)) = (n.pain_level(), before.first_pain)
        && now > f32::from(rules.amber_above)
        && first - now < f32::from(rules.improvement_points)
    {
        let reason = format!(
            "no meaningful improvement by week {} (pain {now}, first week {first}; needs a fall of {})",
            before.review_week, rules.improvement_points
        );
        escalate.push((Rule::NoImprovement, reason));
    }
    if let Some((rule, _)) = escalate.first() {
        let reasons: Vec<String> = escalate.iter().map(|(_, r)| r.clone()).collect();
        return (Verdict::SeeClinician, *rule, reasons.join("; "));
    }
    if n.red >= rules.regress_red_sessions {
        let reason = format!(
            "{} red sessions ({}); {} or more in a week step it back",
            n.red,
            red_causes(reviews),
            rules.regress_red_sessions
        );
        return (Verdict::StepBack, Rule::RedSessions, reason);
    }
    if n.red > 0 && before.last_red > 0 {
        let reason = format!("red sessions two weeks running ({})", red_causes(reviews));
        return (Verdict::StepBack, Rule::RedTwoWeeks, reason);
    }
    if n.red > 0 {
        let sessions = if n.red == 1 { "session" } else { "sessions" };
        let reason = format!(
            "{} red {sessions} ({}); progress needs none",
            n.red,
            red_causes(reviews)
        );
        return (Verdict::Hold, Rule::OneRed, reason);
    }
    let mut unmet = Vec::new();
    let adherence = n.adherence_pct();
    if adherence.is_some_and(|pct| pct < rules.progress_min_adherence_pct) {
        // The same words as the week's adherence everywhere ("adherence so far 62%").
        unmet.push(format!(
            "{}, needs {}%",
            n.adherence().text(),
            rules.progress_min_adherence_pct
        ));
    }
    if let Some(pain) = n.median_pain
        && pain > f32::from(before.progress_median)
    {
        unmet.push(format!(
            "median pain {pain}, needs {} or less",
            before.progress_median
        ));
    }
    if let (Some(now), Some(last)) = (n.median_morning, before.morning_1)
        && now > last
    {
        unmet.push(format!("morning pain {now}, up from {last} last week"));
    }
    if !unmet.is_empty() {
        return (Verdict::Hold, Rule::Unmet, unmet.join("; "));
    }
    let mut met = vec![];
    if adherence.is_some() {
        met.push(n.adherence().text());
    }
    met.push("no red sessions".into());
    if let Some(pain) = n.median_pain {
        met.push(format!("median pain {pain}"));
    }
    if let Some(m) = n.median_morning {
        met.push(format!("morning pain {m}"));
    }
    (Verdict::Progress, Rule::AllMet, met.join(", "))
}

fn red_causes(reviews: &[SessionReview]) -> String {
    reviews
        .iter()
        .filter(|r| r.colour == Colour::Red)
        .map(|r| {
            let causes: Vec<String> = r.causes.iter().map(|c| c.text()).collect();
            format!("{}: {}", r.date, causes.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}
