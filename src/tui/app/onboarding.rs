//! First run and the red-flag questions: welcome -> condition picker (or the symptom helper) ->
//! red flags -> set-up. No plan is built while a stop or an unassessed block stands.

use std::collections::BTreeMap;

use super::{App, Draft, Effect, Screen, View};
use crate::catalog::FlagLevel;
use crate::tui::action::Action;
use crate::{screening, session, triage};

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
                            selected: self.ctx.catalog.conditions.len(),
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
                    seen,
                    reopened,
                    choosing,
                },
                a,
            ) => self.red_flags(selected, answers, seen, reopened, choosing, a),
            (
                Screen::FlagResult {
                    screening,
                    answers,
                    reopened,
                    choosing,
                },
                a,
            ) => match a {
                Action::Select if self.first_run(choosing.as_deref()) => {
                    if screening.level == Some(FlagLevel::Stop) {
                        self.fail("no plan while this stands; Esc changes the answers, q quits");
                        let screen = Screen::FlagResult {
                            screening,
                            answers,
                            reopened,
                            choosing,
                        };
                        return (screen, none);
                    }
                    // A "see a clinician first" answer still gets a profile, on hold, so the
                    // assessment can be recorded in it later.
                    let draft = choosing.map(|condition| Draft { condition, answers });
                    (Screen::Setup(self.setup_form(draft)), none)
                }
                // The answers were saved when given; Today shows where that leaves the plan.
                Action::Select => {
                    self.view = View::Today;
                    (Screen::Main, none)
                }
                Action::Back => {
                    let flags = &self.ctx.catalog.red_flags;
                    let answers: Vec<bool> = flags
                        .iter()
                        .map(|f| answers.get(f.id.as_str()) == Some(&true))
                        .collect();
                    // Back on the first "yes": the answer the person most likely wants to change.
                    let selected = answers.iter().position(|yes| *yes).unwrap_or(0);
                    let seen = answers.len();
                    (
                        Screen::RedFlags {
                            selected,
                            answers,
                            seen,
                            reopened,
                            choosing,
                        },
                        none,
                    )
                }
                _ => (
                    Screen::FlagResult {
                        screening,
                        answers,
                        reopened,
                        choosing,
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
        let last = self.ctx.catalog.conditions.len();
        let screen = match action {
            Action::Up => Screen::Picker {
                selected: selected.saturating_sub(1),
            },
            Action::Down => Screen::Picker {
                selected: (selected + 1).min(last),
            },
            Action::Select if selected == last && self.ctx.catalog.symptom_questions.is_empty() => {
                Screen::Suggestions {
                    ranked: triage::rank(&self.ctx.catalog, &BTreeMap::new()),
                    selected: 0,
                }
            }
            Action::Select if selected == last => Screen::Symptoms {
                question: 0,
                selected: None,
                answers: BTreeMap::new(),
            },
            Action::Select => match self.ctx.catalog.conditions.get(selected) {
                Some(c) => self.choose(c.id.to_string()),
                None => Screen::Picker { selected },
            },
            Action::Back if self.loaded.profile.is_some() => Screen::Main,
            Action::Back => Screen::Welcome,
            _ => Screen::Picker { selected },
        };
        (screen, Vec::new())
    }

    /// One symptom question. `selected` is the person's choice: none until they make one, so
    /// Enter alone never answers for them.
    fn symptoms(
        &mut self,
        question: usize,
        selected: Option<usize>,
        mut answers: BTreeMap<String, String>,
        action: Action,
    ) -> (Screen, Vec<Effect>) {
        let questions = &self.ctx.catalog.symptom_questions;
        let Some(q) = questions.get(question) else {
            let ranked = triage::rank(&self.ctx.catalog, &answers);
            return (
                Screen::Suggestions {
                    ranked,
                    selected: 0,
                },
                Vec::new(),
            );
        };
        let n = q.answers.len();
        let stay = |selected, answers| Screen::Symptoms {
            question,
            selected,
            answers,
        };
        let screen = match action {
            Action::Up => stay(
                Some(selected.map_or(0, |s: usize| s.saturating_sub(1))),
                answers,
            ),
            Action::Down => stay(
                Some(selected.map_or(0, |s| (s + 1).min(n.saturating_sub(1)))),
                answers,
            ),
            // A digit chooses that option (1 is the first).
            Action::Sets(d) if (1..=n).contains(&(d as usize)) => {
                stay(Some(d as usize - 1), answers)
            }
            Action::Select | Action::Tick => {
                let Some(a) = selected.and_then(|s| q.answers.get(s)) else {
                    self.say("choose one: move to an answer with the arrows (or type its number), then Enter");
                    return (stay(None, answers), Vec::new());
                };
                answers.insert(q.id.to_string(), a.id.to_string());
                if question + 1 >= questions.len() {
                    let ranked = triage::rank(&self.ctx.catalog, &answers);
                    Screen::Suggestions {
                        ranked,
                        selected: 0,
                    }
                } else {
                    // The next question as it was answered before (after Esc), else unchosen.
                    let selected = chosen(&questions[question + 1], &answers);
                    Screen::Symptoms {
                        question: question + 1,
                        selected,
                        answers,
                    }
                }
            }
            Action::Back if question == 0 => Screen::Picker {
                selected: self.ctx.catalog.conditions.len(),
            },
            Action::Back => Screen::Symptoms {
                question: question - 1,
                selected: chosen(&questions[question - 1], &answers),
                answers,
            },
            _ => stay(selected, answers),
        };
        (screen, Vec::new())
    }

    /// A condition was chosen: the red flags come next.
    fn choose(&mut self, condition: String) -> Screen {
        Screen::RedFlags {
            selected: 0,
            answers: vec![false; self.ctx.catalog.red_flags.len()],
            seen: 1,
            reopened: false,
            choosing: Some(condition),
        }
    }

    /// No profile yet, or a new condition chosen: answers wait for the set-up to be saved.
    pub fn first_run(&self, choosing: Option<&str>) -> bool {
        self.loaded.profile.is_none() || choosing.is_some()
    }

    fn red_flags(
        &mut self,
        selected: usize,
        mut answers: Vec<bool>,
        seen: usize,
        reopened: bool,
        choosing: Option<String>,
        action: Action,
    ) -> (Screen, Vec<Effect>) {
        let n = answers.len();
        let moved = |selected: usize, answers: Vec<bool>| Screen::RedFlags {
            selected,
            answers,
            seen: seen.max(selected + 1).min(n),
            reopened,
            choosing: choosing.clone(),
        };
        let screen = match action {
            Action::Up => moved(selected.saturating_sub(1), answers),
            Action::Down => moved((selected + 1).min(n.saturating_sub(1)), answers),
            Action::Tick | Action::Left | Action::Right => {
                if let Some(a) = answers.get_mut(selected) {
                    *a = !*a;
                }
                moved(selected, answers)
            }
            // y and n answer the question shown and show the next one.
            Action::Yes | Action::New => {
                if let Some(a) = answers.get_mut(selected) {
                    *a = action == Action::Yes;
                }
                moved((selected + 1).min(n.saturating_sub(1)), answers)
            }
            // Every question is read before any answer counts: Enter walks to the next unseen.
            Action::Select if seen < n => {
                let after = n - seen - 1;
                self.say(match after {
                    0 => "the last question: Enter saves the answers".to_string(),
                    _ => format!("{after} more question(s) after this one; each is shown first"),
                });
                moved(seen, answers)
            }
            Action::Select => return self.flags_given(&answers, reopened, choosing.clone()),
            Action::Back if reopened => Screen::Main,
            Action::Back => Screen::Picker { selected: 0 },
            _ => moved(selected, answers),
        };
        (screen, Vec::new())
    }

    /// Every question seen and answered: saved at once when the profile exists (quitting
    /// loses nothing), then the outcome.
    fn flags_given(
        &mut self,
        given: &[bool],
        reopened: bool,
        choosing: Option<String>,
    ) -> (Screen, Vec<Effect>) {
        let answers: BTreeMap<String, bool> = self
            .ctx
            .catalog
            .red_flags
            .iter()
            .zip(given)
            .map(|(f, yes)| (f.id.to_string(), *yes))
            .collect();
        let screening = screening::assess(&self.ctx.catalog, &answers);
        let mut effects = Vec::new();
        if !self.first_run(choosing.as_deref()) && self.loaded.profile.is_some() {
            match session::answer_screen(&self.ctx.catalog, &answers, self.ctx.today) {
                // The store writes the journal line, then the profile's latest answers
                // (`Profile::follow`): one change, in the order that loses nothing.
                Ok(written) => effects.extend(written.records.into_iter().map(Effect::Append)),
                Err(refusal) => {
                    self.fail(refusal.to_string());
                    return (Screen::Main, effects);
                }
            }
            if screening.level.is_none() {
                self.view = View::Today;
                return (Screen::Main, effects);
            }
        } else if screening.level.is_none() {
            let draft = choosing.map(|condition| Draft { condition, answers });
            return (Screen::Setup(self.setup_form(draft)), effects);
        }
        let screen = Screen::FlagResult {
            screening,
            answers,
            reopened,
            choosing,
        };
        (screen, effects)
    }
}

/// The option already chosen for a question, if any.
fn chosen(
    question: &crate::catalog::SymptomQuestion,
    answers: &BTreeMap<String, String>,
) -> Option<usize> {
    let given = answers.get(question.id.as_str())?;
    question.answers.iter().position(|a| a.id.as_str() == given)
}
