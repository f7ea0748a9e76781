//! Pop-ups over a view: help, an exercise's detail, skip reasons, the pain form, the countdown.

use super::{App, Effect, Screen};
use crate::journal::SkipReason;
use crate::session::PainInput;
use crate::tui::action::Action;

/// What is drawn over the current screen; Esc closes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help,
    /// An exercise in full; `scroll` lines down.
    Detail {
        exercise: String,
        scroll: u16,
    },
    /// Choosing why an item was skipped.
    Skip {
        date: jiff::civil::Date,
        item: String,
        selected: usize,
    },
    Pain(PainForm),
    Timer(TimerState),
}

impl Overlay {
    /// No overlay takes text.
    pub fn typing(&self) -> bool {
        false
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
            PainField::Morning => "This morning, after yesterday",
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

/// A countdown for holds, timed sets and rests. The loop sends a tick each second it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimerState {
    pub label: String,
    /// Seconds per phase: work then rest, repeated `sets` times.
    pub work_s: u32,
    pub rest_s: u32,
    pub sets: u32,
    pub set: u32,
    pub resting: bool,
    pub left_s: u32,
    pub running: bool,
}

impl TimerState {
    /// A running countdown at the start of the first set.
    pub fn new(label: String, work_s: u32, rest_s: u32, sets: u32) -> TimerState {
        TimerState {
            label,
            work_s,
            rest_s,
            sets: sets.max(1),
            set: 1,
            resting: false,
            left_s: work_s,
            running: true,
        }
    }

    /// A single rest countdown (between sets of reps, which the person counts).
    pub fn rest(label: String, rest_s: u32) -> TimerState {
        TimerState {
            resting: true,
            left_s: rest_s,
            ..TimerState::new(label, 0, rest_s, 1)
        }
    }

    /// The last set is done.
    pub fn finished(&self) -> bool {
        self.left_s == 0 && !self.resting && self.set >= self.sets
    }

    /// One second passed. Returns true when a hold or a rest just ended (time for the bell:
    /// the person doing a wall sit is not looking at the screen).
    pub fn tick(&mut self) -> bool {
        if !self.running || self.finished() {
            self.running = false;
            return false;
        }
        self.left_s = self.left_s.saturating_sub(1);
        if self.left_s > 0 {
            return false;
        }
        if self.resting {
            self.resting = false;
            if self.set >= self.sets {
                // A rest on its own ends the timer.
                self.running = false;
                return true;
            }
            self.set += 1;
            self.left_s = self.work_s;
        } else if self.set < self.sets {
            if self.rest_s > 0 {
                self.resting = true;
                self.left_s = self.rest_s;
            } else {
                self.set += 1;
                self.left_s = self.work_s;
            }
        } else {
            self.running = false;
        }
        true
    }
}

impl App {
    /// The red-flag questions again, with the profile's last answers filled in.
    pub(crate) fn red_flags_again(&self) -> Screen {
        let answers = self
            .catalog
            .red_flags
            .iter()
            .map(|flag| {
                self.profile
                    .as_ref()
                    .and_then(|p| p.red_flags.answers.get(&flag.id))
                    == Some(&true)
            })
            .collect();
        Screen::RedFlags {
            selected: 0,
            answers,
            seen: 1,
            reopened: true,
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
        if action == Action::Back || (action == Action::Help && overlay == Overlay::Help) {
            return Vec::new();
        }
        if action == Action::Quit {
            return self.update(Action::ForceQuit);
        }
        let mut effects = Vec::new();
        self.overlay = match overlay {
            Overlay::Help => Some(Overlay::Help),
            Overlay::Detail { exercise, scroll } => match action {
                Action::Down => Some(Overlay::Detail {
                    exercise,
                    scroll: scroll.saturating_add(1),
                }),
                Action::Up => Some(Overlay::Detail {
                    exercise,
                    scroll: scroll.saturating_sub(1),
                }),
                Action::Select => None,
                _ => Some(Overlay::Detail { exercise, scroll }),
            },
            Overlay::Skip {
                date,
                item,
                selected,
            } => match action {
                Action::Up => Some(Overlay::Skip {
                    date,
                    item,
                    selected: selected.saturating_sub(1),
                }),
                Action::Down => Some(Overlay::Skip {
                    date,
                    item,
                    selected: (selected + 1).min(SKIP_REASONS.len() - 1),
                }),
                Action::Select | Action::Tick => {
                    let reason = SKIP_REASONS[selected.min(SKIP_REASONS.len() - 1)];
                    effects
                        .extend(self.run_command(|s, c, p, _| s.skip(c, p, date, &item, reason)));
                    None
                }
                _ => Some(Overlay::Skip {
                    date,
                    item,
                    selected,
                }),
            },
            Overlay::Pain(form) => self.pain_form(form, action, &mut effects),
            Overlay::Timer(mut t) => match action {
                Action::Tick => {
                    t.running = !t.running && !t.finished();
                    Some(Overlay::Timer(t))
                }
                Action::Select => None,
                _ => Some(Overlay::Timer(t)),
            },
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
                (Some(n), true) => Some((n + 1).min(10)),
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
            (Action::Sets(n), PainField::During) => f.during = Some(n.min(10) as u8),
            (Action::Sets(n), PainField::Morning) => f.morning = Some(n.min(10) as u8),
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
                    date: (f.date != self.today).then_some(f.date),
                    item: None,
                };
                let (Some(standing), Some(profile)) = (&self.standing, &self.profile) else {
                    self.fail("no profile is open, so nothing was saved");
                    return None;
                };
                match standing.log_pain(&self.catalog, profile, &input) {
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
}
