//! Pop-ups over a view: help, an exercise's detail, skip reasons, the pain form, the countdown.

use super::{App, Effect, Screen};
use crate::catalog::Dose;
use crate::catalog::limits::MAX_PAIN;
use crate::journal::SkipReason;
use crate::plan::{Step, StepKind, dose_steps};
use crate::session::PainInput;
use crate::tui::action::Action;

/// What is drawn over the current screen; Esc closes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// An exercise in full; `scroll` lines down. Opened from a day's item, `dose` is that
    /// item's dose and where it comes from, shown instead of the library's.
    Detail {
        exercise: String,
        scroll: u16,
        dose: Option<Box<(crate::catalog::Dose, crate::plan::ItemOrigin)>>,
    },
    /// Choosing why an item was skipped; `other` is the reason being typed once "other" is
    /// chosen.
    Skip {
        date: jiff::civil::Date,
        item: String,
        selected: usize,
        other: Option<crate::tui::field::TextField>,
    },
    Pain(PainForm),
    Timer(TimerState),
    /// Words to read in full (an exit check, a list of criteria); Enter or Esc closes.
    Text {
        title: String,
        lines: Vec<String>,
    },
}

impl Overlay {
    /// Whether the overlay takes text (the skip reason "other" being typed).
    pub fn typing(&self) -> bool {
        matches!(self, Overlay::Skip { other: Some(_), .. })
    }
}

/// The skip reasons in the order shown.
pub const SKIP_REASONS: [SkipReason; 4] = [
    SkipReason::Pain,
    SkipReason::Time,
    SkipReason::Equipment,
    SkipReason::Other,
];

/// The pain form's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PainField {
    During,
    Morning,
    Swelling,
    Limp,
    Sharp,
}

impl PainField {
    /// The rows, top to bottom.
    pub const ALL: [PainField; 5] = [
        PainField::During,
        PainField::Morning,
        PainField::Swelling,
        PainField::Limp,
        PainField::Sharp,
    ];

    /// The row's label.
    pub fn label(self) -> &'static str {
        match self {
            PainField::During => "Pain during exercise today",
            // The words every view uses for this score; it is kept under yesterday's session.
            PainField::Morning => "Next morning, after yesterday",
            PainField::Swelling => "Swelling",
            PainField::Limp => "Limp",
            PainField::Sharp => "Sharp or stabbing pain",
        }
    }
}

/// Pain for one day, being filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PainForm {
    pub date: jiff::civil::Date,
    pub field: usize,
    pub during: Option<u8>,
    pub morning: Option<u8>,
    pub swelling: bool,
    pub limp: bool,
    pub sharp: bool,
}

/// A countdown through one session of a dose, step by step ([`crate::plan::dose_steps`]: the
/// same steps Today's minutes add up). The loop sends a tick each second it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimerState {
    pub label: String,
    /// The item timed, and the day it is on (where the tick at the end goes).
    pub date: jiff::civil::Date,
    pub item: String,
    pub steps: Vec<Step>,
    /// The step under way; `steps.len()` once every step is done.
    pub at: usize,
    pub left_s: u32,
    pub running: bool,
}

impl TimerState {
    /// A running countdown at the first step of the dose.
    pub fn new(label: String, date: jiff::civil::Date, item: String, dose: &Dose) -> TimerState {
        let steps = dose_steps(dose);
        let left_s = steps.first().map_or(0, |s| s.seconds);
        TimerState {
            label,
            date,
            item,
            steps,
            at: 0,
            left_s,
            running: true,
        }
    }

    /// The step under way (none once finished).
    pub fn step(&self) -> Option<&Step> {
        self.steps.get(self.at)
    }

    /// The step after this one.
    pub fn next_step(&self) -> Option<&Step> {
        self.steps.get(self.at + 1)
    }

    /// Every step is done.
    pub fn finished(&self) -> bool {
        self.at >= self.steps.len()
    }

    /// The number of sets in the dose.
    pub fn sets(&self) -> u32 {
        self.steps.first().map_or(1, |s| s.sets)
    }

    /// Moves to the next step (the person finished early, or time is up).
    pub fn skip(&mut self) {
        self.at = (self.at + 1).min(self.steps.len());
        self.left_s = self.step().map_or(0, |s| s.seconds);
        if self.finished() {
            self.running = false;
        }
    }

    /// Starts this step again, or the one before when this one has not begun.
    pub fn back(&mut self) {
        let full = self.step().map_or(0, |s| s.seconds);
        if (self.left_s >= full || self.finished()) && self.at > 0 {
            self.at -= 1;
        }
        self.left_s = self.step().map_or(0, |s| s.seconds);
    }

    /// Space: pause or go on (nothing once finished).
    pub fn toggle(&mut self) {
        self.running = !self.running && !self.finished();
    }

    /// Which of a figure's `positions` key positions the countdown shows now: during a set of
    /// reps it goes out to the last position and back once a rep, at the rep's tempo; a hold
    /// or a timed set stays in the last (held) position; getting ready, letting go and resting
    /// stay in the first. A function of the countdown's state alone, so the figure moves only
    /// when a tick changes that state (never while paused or idle).
    pub fn pose(&self, positions: usize) -> usize {
        let last = positions.saturating_sub(1);
        let Some(step) = self.step() else {
            return 0;
        };
        match step.kind {
            StepKind::Reps(n) if last > 0 && n > 0 => {
                let rep_s = (step.seconds / n).max(1);
                let elapsed = step.seconds.saturating_sub(self.left_s);
                // Out and back: 0, 1, .., last, .., 1, then the next rep starts at 0.
                let cycle = 2 * last as u32;
                let into = (elapsed % rep_s) * cycle;
                // Rounded to the nearest position, so a rep's middle second shows the end.
                let at = ((2 * into + rep_s) / (2 * rep_s)) % cycle;
                let at = at as usize;
                if at <= last { at } else { cycle as usize - at }
            }
            StepKind::Hold { .. } | StepKind::Timed => last,
            _ => 0,
        }
    }

    /// One second passed. Returns true when a step just ended (time for the bell: the person
    /// doing a wall sit is not looking at the screen).
    pub fn tick(&mut self) -> bool {
        if !self.running || self.finished() {
            self.running = false;
            return false;
        }
        self.left_s = self.left_s.saturating_sub(1);
        if self.left_s > 0 {
            return false;
        }
        self.skip();
        // A zero-second step (a dose with no amount) is passed over.
        while !self.finished() && self.left_s == 0 {
            self.skip();
        }
        true
    }
}

impl App {
    /// The red-flag questions again, with the profile's last answers filled in.
    pub(crate) fn red_flags_again(&self) -> Screen {
        let answers = self
            .ctx
            .catalog
            .red_flags
            .iter()
            .map(|flag| {
                self.loaded
                    .profile
                    .as_ref()
                    .and_then(|p| p.red_flags.answers.get(flag.id.as_str()))
                    == Some(&true)
            })
            .collect();
        Screen::RedFlags {
            selected: 0,
            answers,
            seen: 1,
            reopened: true,
            choosing: None,
        }
    }

    /// Whether a countdown is running, so the loop knows to send ticks.
    pub fn timer_running(&self) -> bool {
        matches!(&self.overlay, Some(Overlay::Timer(t)) if t.running)
    }

    pub(super) fn update_overlay(&mut self, action: Action) -> Vec<Effect> {
        let Some(overlay) = self.overlay.take() else {
            return Vec::new();
        };
        if let Overlay::Skip {
            date,
            item,
            selected,
            other: Some(_),
        } = &overlay
            && action == Action::Back
        {
            // Esc while typing the reason goes back to the list of reasons.
            self.overlay = Some(Overlay::Skip {
                date: *date,
                item: item.clone(),
                selected: *selected,
                other: None,
            });
            return Vec::new();
        }
        if action == Action::Back || (action == Action::Help && overlay == Overlay::Help) {
            return Vec::new();
        }
        if action == Action::Quit {
            return self.update(Action::ForceQuit);
        }
        let mut effects = Vec::new();
        self.overlay = match overlay {
            Overlay::Help => Some(Overlay::Help),
            Overlay::Detail {
                exercise,
                scroll,
                dose,
            } => match action {
                Action::Down => Some(Overlay::Detail {
                    exercise,
                    scroll: scroll
                        .saturating_add(1)
                        .min(self.views.detail_most.get().unwrap_or(u16::MAX)),
                    dose,
                }),
                Action::Up => Some(Overlay::Detail {
                    exercise,
                    scroll: scroll.saturating_sub(1),
                    dose,
                }),
                Action::Select => None,
                _ => Some(Overlay::Detail {
                    exercise,
                    scroll,
                    dose,
                }),
            },
            Overlay::Skip {
                date,
                item,
                selected,
                other,
            } => self.skip_key(date, item, selected, other, action, &mut effects),
            Overlay::Pain(form) => self.pain_form(form, action, &mut effects),
            Overlay::Timer(t) => self.timer_key(t, action, &mut effects),
            // Reading records nothing: Space does nothing here, Enter closes.
            Overlay::Text { .. } if action == Action::Select => None,
            text @ Overlay::Text { .. } => Some(text),
        };
        effects
    }

    fn pain_form(
        &mut self,
        mut f: PainForm,
        action: Action,
        effects: &mut Vec<Effect>,
    ) -> Option<Overlay> {
        let field = PainField::ALL[f.field.min(PainField::ALL.len() - 1)];
        let bump = |v: Option<u8>, up: bool| -> Option<u8> {
            match (v, up) {
                (None, true) => Some(0),
                (None, false) => None,
                (Some(0), false) => None,
                (Some(n), true) => Some((n + 1).min(MAX_PAIN)),
                (Some(n), false) => Some(n - 1),
            }
        };
        match (action.clone(), field) {
            (Action::Up, _) => f.field = f.field.saturating_sub(1),
            (Action::Down, _) => f.field = (f.field + 1).min(PainField::ALL.len() - 1),
            (Action::Left | Action::Right, PainField::During) => {
                f.during = bump(f.during, action == Action::Right)
            }
            (Action::Left | Action::Right, PainField::Morning) => {
                f.morning = bump(f.morning, action == Action::Right)
            }
            (Action::Sets(n), PainField::During) => {
                f.during = Some(n.min(u32::from(MAX_PAIN)) as u8)
            }
            (Action::Sets(n), PainField::Morning) => {
                f.morning = Some(n.min(u32::from(MAX_PAIN)) as u8)
            }
            (Action::Tick | Action::Left | Action::Right, PainField::Swelling) => {
                f.swelling = !f.swelling
            }
            (Action::Tick | Action::Left | Action::Right, PainField::Limp) => f.limp = !f.limp,
            (Action::Tick | Action::Left | Action::Right, PainField::Sharp) => f.sharp = !f.sharp,
            (Action::Select, _) => {
                let input = PainInput {
                    during: f.during,
                    morning: f.morning,
                    swelling: f.swelling,
                    limp: f.limp,
                    sharp: f.sharp,
                    // Today's form: the session rule splits the morning score to yesterday.
                    date: (f.date != self.ctx.today).then_some(f.date),
                    item: None,
                };
                let (Some(standing), Some(profile)) = (&self.loaded.standing, &self.loaded.profile)
                else {
                    self.fail("no profile is open, so nothing was saved");
                    return None;
                };
                match standing.log_pain(&self.ctx.catalog, profile, &input) {
                    Ok((written, said)) => {
                        effects.extend(written.records.into_iter().map(Effect::Append));
                        // Beyond "saved": over the ceiling, or the plan pausing.
                        let extra: Vec<String> = written
                            .said
                            .into_iter()
                            .filter(|l| !l.starts_with("pain logged"))
                            .collect();
                        self.after_save = (!extra.is_empty()).then(|| extra.join(" "));
                        if said.rescreen {
                            self.screen = self.red_flags_again();
                        }
                        return None;
                    }
                    Err(refusal) => {
                        self.fail(refusal.to_string());
                        return Some(Overlay::Pain(f));
                    }
                }
            }
            _ => {}
        }
        Some(Overlay::Pain(f))
    }

    /// A key in the countdown: Space pauses, Right and Left step, Enter ticks once finished,
    /// a digit records that many sets.
    fn timer_key(
        &mut self,
        mut t: TimerState,
        action: Action,
        effects: &mut Vec<Effect>,
    ) -> Option<Overlay> {
        match action {
            Action::Tick => t.toggle(),
            Action::Right => t.skip(),
            Action::Left => t.back(),
            Action::Select if t.finished() => {
                let (date, id) = (t.date, t.item.clone());
                effects.extend(
                    self.run_command(|s, c, p, _| {
                        s.tick(c, p, date, std::slice::from_ref(&id), None)
                    }),
                );
                return None;
            }
            Action::Sets(n) if n > 0 => {
                let (date, id) = (t.date, t.item.clone());
                let sets = Some(n.min(t.sets()));
                effects.extend(
                    self.run_command(|s, c, p, _| {
                        s.tick(c, p, date, std::slice::from_ref(&id), sets)
                    }),
                );
                return None;
            }
            _ => {}
        }
        Some(Overlay::Timer(t))
    }

    /// A key in the skip pop-up: choose a reason; "other" asks for a few words, saved as the
    /// day's note beside the skip.
    fn skip_key(
        &mut self,
        date: jiff::civil::Date,
        item: String,
        selected: usize,
        other: Option<crate::tui::field::TextField>,
        action: Action,
        effects: &mut Vec<Effect>,
    ) -> Option<Overlay> {
        let last = SKIP_REASONS.len() - 1;
        let reason = SKIP_REASONS[selected.min(last)];
        let mut other = other;
        let mut selected = selected;
        if let Some(text) = &mut other
            && text.edit(&action) != crate::tui::field::Edit::Other
        {
            return Some(Overlay::Skip {
                date,
                item,
                selected,
                other,
            });
        }
        match (&mut other, action) {
            (Some(text), Action::Select) => {
                let text = text.text().trim().to_string();
                effects.extend(self.run_command(|s, c, p, _| {
                    let mut written = s.skip(c, p, date, &item, reason)?;
                    if !text.is_empty() {
                        let name = c.exercise(&item).map_or(item.as_str(), |e| e.name.as_str());
                        let note = s.note(date, &format!("skipped {name}: {text}"))?;
                        written.records.extend(note.records);
                    }
                    Ok(written)
                }));
                return None;
            }
            (Some(_), _) => {}
            (None, Action::Up) => selected = selected.saturating_sub(1),
            (None, Action::Down) => selected = (selected + 1).min(last),
            (None, Action::Select | Action::Tick) if reason == SkipReason::Other => {
                other = Some(crate::tui::field::TextField::new());
            }
            (None, Action::Select | Action::Tick) => {
                effects.extend(self.run_command(|s, c, p, _| s.skip(c, p, date, &item, reason)));
                return None;
            }
            (None, _) => {}
        }
        Some(Overlay::Skip {
            date,
            item,
            selected,
            other,
        })
    }
}
