//! The set-up form: start date, days, run days, equipment, minutes, cross-training, with
//! defaults so Enter alone accepts it.

use jiff::ToSpan;

use super::{App, Effect, Screen, View};
use crate::catalog::Equipment;
use crate::plan::{Day, RunningNow, Settings};
use crate::profile::Profile;
use crate::tui::action::Action;

/// The set-up form's fields, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupField {
    Start,
    Days,
    RunDays,
    Equipment,
    Minutes,
    CrossTraining,
    /// How the person runs now: not said, not running now, or 1-7 runs a week.
    RunsNow,
    /// Minutes per run now, for someone who runs now.
    RunMinutesNow,
}

impl SetupField {
    /// The rows, top to bottom.
    pub const ALL: [SetupField; 8] = [
        SetupField::Start,
        SetupField::Days,
        SetupField::RunDays,
        SetupField::Equipment,
        SetupField::Minutes,
        SetupField::CrossTraining,
        SetupField::RunsNow,
        SetupField::RunMinutesNow,
    ];

    /// The row's label.
    pub fn label(self) -> &'static str {
        match self {
            SetupField::Start => "Start date",
            SetupField::Days => "Training days a week",
            SetupField::RunDays => "Run days",
            SetupField::Equipment => "Equipment at hand",
            SetupField::Minutes => "Minutes per session",
            SetupField::CrossTraining => "Cross-training",
            SetupField::RunsNow => "Runs a week now",
            SetupField::RunMinutesNow => "Minutes per run now",
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
    /// A condition chosen on the screens before, saved with its answers when the form is.
    pub draft: Option<Draft>,
    /// What the start as now set would count as missed, or leave out, on days already over:
    /// said on the form before Enter moves it (issue 27).
    pub start_move: Vec<String>,
}

/// A condition chosen (first run, or a change of condition) and the red-flag answers given for
/// it, waiting for the set-up form to save them.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub condition: String,
    pub answers: std::collections::BTreeMap<String, bool>,
}

impl SetupForm {
    /// The row the cursor is on.
    pub fn field(&self) -> SetupField {
        SetupField::ALL[self.field.min(SetupField::ALL.len() - 1)]
    }
}

impl App {
    pub(super) fn setup_form(&self, draft: Option<Draft>) -> SetupForm {
        let mut settings = self
            .loaded
            .profile
            .as_ref()
            .map_or_else(|| Settings::new(self.ctx.today), |p| p.settings.clone());
        let condition = draft
            .as_ref()
            .map(|d| d.condition.as_str())
            .or(self.loaded.profile.as_ref().map(|p| p.condition.as_str()))
            .and_then(|c| self.ctx.catalog.condition(c));
        let mut cross_options = vec![String::new()];
        for phase in condition.map(|c| c.phases.as_slice()).unwrap_or_default() {
            for id in &phase.cross_training {
                if !cross_options.iter().any(|o| o == id) {
                    cross_options.push(id.to_string());
                }
            }
        }
        let cross = settings
            .cross_training
            .first()
            .and_then(|c| cross_options.iter().position(|o| o == c))
            .unwrap_or(0);
        if self.loaded.profile.is_none() {
            settings.start = crate::plan::program_start(self.ctx.today);
        }
        SetupForm {
            settings,
            field: 0,
            sub: 0,
            cross_options,
            cross,
            draft,
            start_move: Vec::new(),
        }
    }

    pub(super) fn setup(&mut self, mut form: SetupForm, action: Action) -> (Screen, Vec<Effect>) {
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
                    // A week at a time: programs start on a Monday, within the sane window.
                    SetupField::Start => {
                        let moved = crate::plan::program_start(s.start)
                            .checked_add((7 * i64::from(step)).days())
                            .unwrap_or(s.start);
                        if let Ok(start) = crate::plan::check_start(moved, self.ctx.today) {
                            s.start = start;
                        }
                        form.start_move = self.start_move_said(&form.settings);
                    }
                    SetupField::Days => {
                        s.days_per_week = (s.days_per_week as i32 + step).clamp(3, 7) as u8
                    }
                    // 0-6 the days, 7 "none": a person who does not run.
                    SetupField::RunDays => form.sub = (form.sub as i32 + step).clamp(0, 7) as usize,
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
                    SetupField::RunsNow => {
                        s.running_now = runs_now_step(s.running_now, step);
                        // Saying how one runs now says one runs.
                        s.no_running &= s.running_now.is_none();
                    }
                    SetupField::RunMinutesNow => {
                        if let Some(RunningNow::Runs { minutes, .. }) = &mut s.running_now {
                            let range = RunningNow::MINUTES;
                            *minutes = (*minutes as i32 + 5 * step)
                                .clamp(*range.start() as i32, *range.end() as i32)
                                as u32;
                        }
                    }
                }
            }
            (Action::Tick, SetupField::RunDays) if form.sub == 7 => {
                s.no_running = !s.no_running;
            }
            (Action::Tick, SetupField::RunDays) => {
                toggle(&mut s.run_days, Day::from_index(form.sub));
                s.no_running = false;
            }
            (Action::Tick, SetupField::Equipment) => {
                if let Some(e) = Equipment::ALL.get(form.sub) {
                    toggle(&mut s.equipment, *e);
                }
            }
            (Action::Select, _) => return self.accept_setup(form),
            (Action::Back, _) => {
                return match self.loaded.profile {
                    Some(_) if form.draft.is_none() => (Screen::Main, Vec::new()),
                    _ => (Screen::Picker { selected: 0 }, Vec::new()),
                };
            }
            _ => {}
        }
        (Screen::Setup(form), Vec::new())
    }

    /// What moving the profile's start to `settings.start` would do to days already over.
    fn start_move_said(&self, settings: &Settings) -> Vec<String> {
        let Some(before) = &self.loaded.profile else {
            return Vec::new();
        };
        let mut after = before.clone();
        after.change_settings(settings.clone(), self.ctx.today);
        crate::session::start_move(
            &self.ctx.catalog,
            before,
            &after,
            &self.loaded.journal,
            self.ctx.today,
        )
        .lines()
    }

    /// From when the form's settings would plan, for an existing profile: said on the form.
    pub fn setup_applies_text(&self, form: &SetupForm) -> Option<String> {
        let mut p = self
            .loaded
            .profile
            .clone()
            .filter(|_| form.draft.is_none())?;
        p.change_settings(form.settings.clone(), self.ctx.today)
            .applies_text(self.ctx.today)
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
        let today = self.ctx.today;
        let settings_patch = |condition: Option<String>| crate::profile::Patch {
            condition,
            ..crate::profile::Patch::settings(settings.clone(), today)
        };
        let change = match (self.loaded.profile.is_some(), form.draft.clone()) {
            (true, None) => crate::session::Change::patch(settings_patch(None), Vec::new()),
            (exists, draft) => {
                let Draft { condition, answers } = draft.unwrap_or_else(|| Draft {
                    condition: String::new(),
                    answers: Default::default(),
                });
                // The answers are a record like any other, in the same change: a new profile
                // is made first (a journal lives in its folder), then the store writes the
                // screening to the journal and then to the profile. A crash between them
                // leaves a profile that asks the questions again.
                let records =
                    match crate::session::answer_screen(&self.ctx.catalog, &answers, today) {
                        Ok(written) => written.records,
                        Err(refusal) => {
                            self.fail(refusal.to_string());
                            return (Screen::Setup(form), Vec::new());
                        }
                    };
                if exists {
                    crate::session::Change::patch(settings_patch(Some(condition)), records)
                } else {
                    let name = self.loaded.profile_name.clone();
                    crate::session::Change::create(
                        Profile::new(name, condition, settings.clone()),
                        records,
                    )
                }
            }
        };
        let effects = vec![Effect::Change(Box::new(change))];
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

/// One step along "not said", "not running now", 1 to 7 runs a week (30 minutes each until the
/// minutes row says otherwise).
fn runs_now_step(now: Option<RunningNow>, step: i32) -> Option<RunningNow> {
    let position = match now {
        None => 0,
        Some(RunningNow::NotNow) => 1,
        Some(RunningNow::Runs { per_week, .. }) => 1 + i32::from(per_week),
    };
    let last = 1 + i32::from(*RunningNow::PER_WEEK.end());
    let minutes = match now {
        Some(RunningNow::Runs { minutes, .. }) => minutes,
        _ => 30,
    };
    match (position + step).clamp(0, last) {
        0 => None,
        1 => Some(RunningNow::NotNow),
        n => Some(RunningNow::Runs {
            per_week: (n - 1) as u8,
            minutes,
        }),
    }
}
