//! First run and the red-flag questions: welcome -> condition picker (or the symptom helper) ->
//! red flags -> set-up. No plan is built while a stop or an unassessed block stands.

use std::collections::BTreeMap;

use jiff::ToSpan;

use super::{App, Effect, Screen, View};
use crate::catalog::{Equipment, FlagLevel};
use crate::journal::Record;
use crate::plan::{Day, Settings};
use crate::profile::Profile;
use crate::tui::action::Action;
use crate::{screening, triage};

/// The set-up form's fields, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupField {
    Start,
    Days,
    RunDays,
    Equipment,
    Minutes,
    CrossTraining,
}

impl SetupField {
    pub const ALL: [SetupField; 6] = [
        SetupField::Start,
        SetupField::Days,
        SetupField::RunDays,
        SetupField::Equipment,
        SetupField::Minutes,
        SetupField::CrossTraining,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SetupField::Start => "Start date",
            SetupField::Days => "Training days a week",
            SetupField::RunDays => "Run days",
            SetupField::Equipment => "Equipment at hand",
            SetupField::Minutes => "Minutes per session",
            SetupField::CrossTraining => "Cross-training",
        }
    }
}

/// The set-up form: the settings being edited, with defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct SetupForm {
    pub settings: Settings,
    /// Index into [`SetupField::ALL`].
    pub field: usize,
    /// Cursor inside a multi-choice row (run days, equipment).
    pub sub: usize,
    /// Cross-training choices: "" (no preference) then the condition's options.
    pub cross_options: Vec<String>,
    pub cross: usize,
}

impl SetupForm {
    pub fn field(&self) -> SetupField {
        SetupField::ALL[self.field.min(SetupField::ALL.len() - 1)]
    }
}

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
                    let answers = flags
                        .iter()
                        .map(|f| answers.get(&f.id) == Some(&true))
                        .collect();
                    (
                        Screen::RedFlags {
                            selected: 0,
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
                let mut effects = vec![
                    Effect::SaveProfile(Box::new(profile)),
                    Effect::Append(record),
                ];
                if assessed {
                    effects.push(Effect::Append(Record::Assessed { date: self.today }));
                }
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

    pub(super) fn setup_form(&self) -> SetupForm {
        let mut settings = self
            .profile
            .as_ref()
            .map_or_else(|| Settings::new(self.today), |p| p.settings.clone());
        let condition = self
            .draft_condition
            .as_deref()
            .or(self.profile.as_ref().map(|p| p.condition.as_str()))
            .and_then(|c| self.catalog.condition(c));
        let mut cross_options = vec![String::new()];
        for phase in condition.map(|c| c.phases.as_slice()).unwrap_or_default() {
            for id in &phase.cross_training {
                if !cross_options.contains(id) {
                    cross_options.push(id.clone());
                }
            }
        }
        let cross = settings
            .cross_training
            .first()
            .and_then(|c| cross_options.iter().position(|o| o == c))
            .unwrap_or(0);
        if self.profile.is_none() {
            settings.start = self.today;
        }
        SetupForm {
            settings,
            field: 0,
            sub: 0,
            cross_options,
            cross,
        }
    }

    fn setup(&mut self, mut form: SetupForm, action: Action) -> (Screen, Vec<Effect>) {
        let last = SetupField::ALL.len() - 1;
        let field = form.field();
        let s = &mut form.settings;
        match (action.clone(), field) {
            (Action::Up, _) => {
                form.field = form.field.saturating_sub(1);
                form.sub = 0;
            }
            (Action::Down, _) => {
                form.field = (form.field + 1).min(last);
                form.sub = 0;
            }
            (Action::Left | Action::Right, field) => {
                let step: i32 = if action == Action::Left { -1 } else { 1 };
                match field {
                    SetupField::Start => {
                        s.start = s
                            .start
                            .checked_add(i64::from(step).days())
                            .unwrap_or(s.start)
                    }
                    SetupField::Days => {
                        s.days_per_week = (s.days_per_week as i32 + step).clamp(3, 7) as u8
                    }
                    SetupField::RunDays => form.sub = (form.sub as i32 + step).clamp(0, 6) as usize,
                    SetupField::Equipment => {
                        form.sub = (form.sub as i32 + step)
                            .clamp(0, Equipment::ALL.len() as i32 - 1)
                            as usize
                    }
                    SetupField::Minutes => {
                        s.minutes = (s.minutes as i32 + 5 * step).clamp(10, 240) as u32
                    }
                    SetupField::CrossTraining => {
                        let n = form.cross_options.len() as i32;
                        form.cross = (form.cross as i32 + step).rem_euclid(n.max(1)) as usize;
                    }
                }
            }
            (Action::Tick, SetupField::RunDays) => {
                toggle(&mut s.run_days, Day::from_index(form.sub))
            }
            (Action::Tick, SetupField::Equipment) => {
                if let Some(e) = Equipment::ALL.get(form.sub) {
                    toggle(&mut s.equipment, *e);
                }
            }
            (Action::Select, _) => return self.accept_setup(form),
            (Action::Back, _) => {
                return match self.profile {
                    Some(_) if self.draft_condition.is_none() => (Screen::Main, Vec::new()),
                    _ => (Screen::Picker { selected: 0 }, Vec::new()),
                };
            }
            _ => {}
        }
        (Screen::Setup(form), Vec::new())
    }

    fn accept_setup(&mut self, form: SetupForm) -> (Screen, Vec<Effect>) {
        let mut settings = form.settings.clone();
        settings.run_days.sort();
        settings.equipment.sort();
        settings.cross_training = form
            .cross_options
            .get(form.cross)
            .filter(|c| !c.is_empty())
            .cloned()
            .into_iter()
            .collect();
        let mut effects = Vec::new();
        let profile = match (self.profile.clone(), self.draft_condition.take()) {
            (Some(mut p), condition) => {
                p.settings = settings;
                if let Some(c) = condition {
                    p.condition = c;
                    p.red_flags.answers = std::mem::take(&mut self.draft_flags);
                    p.red_flags.answered_on = Some(self.today);
                }
                p
            }
            (None, condition) => {
                let condition = condition.unwrap_or_default();
                let mut p = Profile::new(self.profile_name.clone(), condition, settings);
                p.red_flags.answers = std::mem::take(&mut self.draft_flags);
                p.red_flags.answered_on = Some(self.today);
                if std::mem::take(&mut self.draft_flags_assessed) {
                    p.red_flags.assessed_by_clinician = Some(self.today);
                }
                effects.push(Effect::Append(Record::Screened {
                    date: self.today,
                    answers: p.red_flags.answers.clone(),
                }));
                p
            }
        };
        effects.insert(0, Effect::SaveProfile(Box::new(profile)));
        self.view = View::Today;
        (Screen::Setup(form), effects)
    }
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|x| *x == value) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(value),
    }
}
