//! First run and the red-flag questions: welcome -> condition picker (or the symptom helper) ->
//! red flags -> set-up. No plan is built while a stop or an unassessed block stands.

use std::collections::BTreeMap;

use super::{App, Effect, Screen, View};
use crate::catalog::FlagLevel;
use crate::journal::Record;
use crate::tui::action::Action;
use crate::{screening, triage};

impl App {
    pub(super) fn update_onboarding(&mut self, action: Action) -> Vec<Effect> {
        let screen = std::mem::replace(&mut self.screen, Screen::Welcome);
        let (screen, effects) = self.step(screen, action);
        self.screen = screen;
        effects
    }

    fn step(&mut self, screen: Screen, action: Action) -> (Screen, Vec<Effect>) {
        let none = Vec::new();
        match (screen, action) {
            (Screen::Welcome, Action::Select) => (Screen::Picker { selected: 0 }, none),
            (Screen::Picker { selected }, a) => self.picker(selected, a),
            (
                Screen::Symptoms {
                    question,
                    selected,
                    answers,
                },
                a,
            ) => self.symptoms(question, selected, answers, a),
            (Screen::Suggestions { ranked, selected }, a) => {
                let n = ranked.len();
                match a {
                    Action::Up => (
                        Screen::Suggestions {
                            ranked,
                            selected: selected.saturating_sub(1),
                        },
                        none,
                    ),
                    Action::Down => (
                        Screen::Suggestions {
                            ranked,
                            selected: (selected + 1).min(n.saturating_sub(1)),
                        },
                        none,
                    ),
                    Action::Select => match ranked.get(selected) {
                        Some(s) => (self.choose(s.condition.clone()), none),
                        None => (Screen::Picker { selected: 0 }, none),
                    },
                    Action::Back => (
                        Screen::Picker {
                            selected: self.catalog.conditions.len(),
                        },
                        none,
                    ),
                    _ => (Screen::Suggestions { ranked, selected }, none),
                }
            }
            (
                Screen::RedFlags {
                    selected,
                    answers,
                    reopened,
                },
                a,
            ) => self.red_flags(selected, answers, reopened, a),
            (
                Screen::FlagResult {
                    screening,
                    answers,
                    assessed,
                    reopened,
                },
                a,
            ) => match a {
                Action::Tick if screening.level == Some(FlagLevel::Block) => (
                    Screen::FlagResult {
                        screening,
                        answers,
                        assessed: !assessed,
                        reopened,
                    },
                    none,
                ),
                Action::Select if screening.allows_plan() || assessed => {
                    self.flags_settled(answers, assessed, reopened)
                }
                Action::Select => {
                    self.fail("no plan until this is resolved; Esc changes the answers, q quits");
                    (
                        Screen::FlagResult {
                            screening,
                            answers,
                            assessed,
                            reopened,
                        },
                        none,
                    )
                }
                Action::Back => {
                    let flags = &self.catalog.red_flags;
                    let answers: Vec<bool> = flags
                        .iter()
                        .map(|f| answers.get(&f.id) == Some(&true))
                        .collect();
                    // Back on the first "yes": the answer the person most likely wants to change.
                    let selected = answers.iter().position(|yes| *yes).unwrap_or(0);
                    (
                        Screen::RedFlags {
                            selected,
                            answers,
                            reopened,
                        },
                        none,
                    )
                }
                _ => (
                    Screen::FlagResult {
                        screening,
                        answers,
                        assessed,
                        reopened,
                    },
                    none,
                ),
            },
            (Screen::Setup(form), a) => self.setup(form, a),
            (screen, _) => (screen, none),
        }
    }

    fn picker(&mut self, selected: usize, action: Action) -> (Screen, Vec<Effect>) {
        // The rows: each condition, then "Not sure?".
        let last = self.catalog.conditions.len();
        let screen = match action {
            Action::Up => Screen::Picker {
                selected: selected.saturating_sub(1),
            },
            Action::Down => Screen::Picker {
                selected: (selected + 1).min(last),
            },
            Action::Select if selected == last && self.catalog.symptom_questions.is_empty() => {
                Screen::Suggestions {
                    ranked: triage::rank(&self.catalog, &BTreeMap::new()),
                    selected: 0,
                }
            }
            Action::Select if selected == last => Screen::Symptoms {
                question: 0,
                selected: 0,
                answers: BTreeMap::new(),
            },
            Action::Select => match self.catalog.conditions.get(selected) {
                Some(c) => self.choose(c.id.clone()),
                None => Screen::Picker { selected },
            },
            Action::Back if self.profile.is_some() => Screen::Main,
            Action::Back => Screen::Welcome,
            _ => Screen::Picker { selected },
        };
        (screen, Vec::new())
    }

    fn symptoms(
        &mut self,
        question: usize,
        selected: usize,
        mut answers: BTreeMap<String, String>,
        action: Action,
    ) -> (Screen, Vec<Effect>) {
        let questions = &self.catalog.symptom_questions;
        let Some(q) = questions.get(question) else {
            let ranked = triage::rank(&self.catalog, &answers);
            return (
                Screen::Suggestions {
                    ranked,
                    selected: 0,
                },
                Vec::new(),
            );
        };
        let n = q.answers.len();
        let screen = match action {
            Action::Up => Screen::Symptoms {
                question,
                selected: selected.saturating_sub(1),
                answers,
            },
            Action::Down => Screen::Symptoms {
                question,
                selected: (selected + 1).min(n.saturating_sub(1)),
                answers,
            },
            Action::Select | Action::Tick => {
                if let Some(a) = q.answers.get(selected) {
                    answers.insert(q.id.clone(), a.id.clone());
                }
                if question + 1 >= questions.len() {
                    let ranked = triage::rank(&self.catalog, &answers);
                    Screen::Suggestions {
                        ranked,
                        selected: 0,
                    }
                } else {
                    Screen::Symptoms {
                        question: question + 1,
                        selected: 0,
                        answers,
                    }
                }
            }
            Action::Back if question == 0 => Screen::Picker {
                selected: self.catalog.conditions.len(),
            },
            Action::Back => Screen::Symptoms {
                question: question - 1,
                selected: 0,
                answers,
            },
            _ => Screen::Symptoms {
                question,
                selected,
                answers,
            },
        };
        (screen, Vec::new())
    }

    /// A condition was chosen: on first run the red flags come next; with a profile, the set-up.
    fn choose(&mut self, condition: String) -> Screen {
        self.draft_condition = Some(condition);
        Screen::RedFlags {
            selected: 0,
            answers: vec![false; self.catalog.red_flags.len()],
            reopened: false,
        }
    }

    fn red_flags(
        &mut self,
        selected: usize,
        mut answers: Vec<bool>,
        reopened: bool,
        action: Action,
    ) -> (Screen, Vec<Effect>) {
        let n = answers.len();
        let screen = match action {
            Action::Up => Screen::RedFlags {
                selected: selected.saturating_sub(1),
                answers,
                reopened,
            },
            Action::Down => Screen::RedFlags {
                selected: (selected + 1).min(n.saturating_sub(1)),
                answers,
                reopened,
            },
            Action::Tick | Action::Left | Action::Right => {
                if let Some(a) = answers.get_mut(selected) {
                    *a = !*a;
                }
                Screen::RedFlags {
                    selected,
                    answers,
                    reopened,
                }
            }
            Action::Select => {
                let answers: BTreeMap<String, bool> = self
                    .catalog
                    .red_flags
                    .iter()
                    .zip(&answers)
                    .map(|(f, yes)| (f.id.clone(), *yes))
                    .collect();
                let screening = screening::assess(&self.catalog, &answers);
                if screening.level.is_none() {
                    return self.flags_settled(answers, false, reopened);
                }
                Screen::FlagResult {
                    screening,
                    answers,
                    assessed: false,
                    reopened,
                }
            }
            Action::Back if reopened => Screen::Main,
            Action::Back => Screen::Picker { selected: 0 },
            _ => Screen::RedFlags {
                selected,
                answers,
                reopened,
            },
        };
        (screen, Vec::new())
    }

    /// The answers allow a plan: save them to the profile, or go on to the set-up on first run.
    fn flags_settled(
        &mut self,
        answers: BTreeMap<String, bool>,
        assessed: bool,
        reopened: bool,
    ) -> (Screen, Vec<Effect>) {
        let record = Record::Screened {
            date: self.today,
            answers: answers.clone(),
        };
        let assessed_on = assessed.then_some(self.today);
        match (&self.profile, reopened) {
            (Some(profile), _) if reopened || self.draft_condition.is_none() => {
                let mut profile = profile.clone();
                profile.red_flags.answers = answers;
                profile.red_flags.answered_on = Some(self.today);
                profile.red_flags.assessed_by_clinician = assessed_on;
                // Journal lines first, then the profile: a crash between them loses no answer.
                let mut effects = vec![Effect::Append(record)];
                if assessed {
                    effects.push(Effect::Append(Record::Assessed { date: self.today }));
                }
                effects.push(Effect::SaveProfile(Box::new(profile)));
                self.view = View::Today;
                (Screen::Main, effects)
            }
            _ => {
                self.draft_flags = answers;
                if assessed {
                    self.draft_flags_assessed = true;
                }
                (Screen::Setup(self.setup_form()), Vec::new())
            }
        }
    }
}
