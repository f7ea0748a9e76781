//! Week: every week of the programme, past, this one and coming, a day at a time.

use crate::tui::action::Action;
use crate::tui::app::views::{ViewCx, ViewState};
use crate::tui::app::{App, Effect};

/// Where the Week view is: which programme week, which day, which item of that day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekCursor {
    /// The programme week shown (1-based): past, this one or coming.
    pub week: u32,
    /// 0 (Monday) to 6.
    pub day: usize,
    pub item: usize,
}

impl Default for WeekCursor {
    fn default() -> Self {
        WeekCursor {
            week: 1,
            day: 0,
            item: 0,
        }
    }
}

impl App {
    /// The week the Week view shows (past, this one or coming), when it is built.
    pub fn shown_week(&self) -> Option<&crate::plan::WeekPlan> {
        let n = self.views.week.week;
        self.plans().iter().find(|w| w.state.week == n)
    }

    /// How many items each day of the shown week has (none when it is not built).
    fn day_item_counts(&self) -> [usize; 7] {
        let mut counts = [0; 7];
        if let Some(week) = self.shown_week() {
            for (count, day) in counts.iter_mut().zip(&week.days) {
                *count = day.items.len();
            }
        }
        counts
    }

    /// The last week the Week view goes to: the programme's end, or this week when later.
    pub fn last_week(&self) -> u32 {
        self.programme_weeks().max(self.current_week())
    }

    /// The Week view's cursor moved to another week: the standing is worked out to it when it
    /// is not yet (a coming week, or one before those worked out), and Up from a Monday lands
    /// on the last item of the Sunday before.
    pub(in crate::tui::app) fn week_moved(&mut self) {
        if self.shown_week().is_none() {
            self.rebuild();
        }
        if self.views.week.item == usize::MAX {
            let counts = self.day_item_counts();
            self.views.week.item = counts[self.views.week.day.min(6)].saturating_sub(1);
        }
    }
}

impl ViewState for WeekCursor {
    /// No text field: every key is a command.
    fn typing(&self) -> bool {
        false
    }

    fn update(&mut self, cx: &mut ViewCx<'_>, action: Action) -> Vec<Effect> {
        let app = cx.app();
        let last = app.last_week();
        let shown = self.week;
        let go_to = |c: &mut WeekCursor, week: u32, day: usize| {
            c.week = week.clamp(1, last);
            c.day = day;
            c.item = 0;
        };
        let c = self;
        match action {
            // Past Monday goes to the week before, past Sunday to the week after.
            Action::Left if c.day == 0 && c.week > 1 => go_to(c, c.week - 1, 6),
            Action::Right if c.day == 6 && c.week < last => go_to(c, c.week + 1, 0),
            Action::Left => go_to(c, c.week, c.day.saturating_sub(1)),
            Action::Right => go_to(c, c.week, (c.day + 1).min(6)),
            // Down and Up read the days as they are listed, top to bottom: through the
            // selected day's items, then on to the next day (its first item) or back to the
            // day before (its last item), across weeks as Right and Left do.
            Action::Down | Action::Up => {
                let down = action == Action::Down;
                let items = |c: &WeekCursor, counts: &[usize; 7]| counts[c.day.min(6)];
                // The shown week's counts: the cursor has not moved yet.
                let counts = app.day_item_counts();
                let n = items(c, &counts);
                if down && c.item + 1 < n {
                    c.item += 1;
                } else if !down && c.item > 0 && n > 0 {
                    c.item = c.item.min(n) - 1;
                } else if down && c.day == 6 && c.week < last {
                    go_to(c, c.week + 1, 0);
                } else if down && c.day < 6 {
                    go_to(c, c.week, c.day + 1);
                } else if !down && c.day == 0 && c.week > 1 {
                    go_to(c, c.week - 1, 6);
                    // Its last item, once the app knows that week (`App::week_moved`).
                    c.item = usize::MAX;
                } else if !down && c.day > 0 {
                    go_to(c, c.week, c.day - 1);
                    c.item = items(c, &counts).saturating_sub(1);
                }
            }
            Action::PrevWeek => go_to(c, c.week.saturating_sub(1), c.day),
            Action::NextWeek => go_to(c, c.week + 1, c.day),
            Action::ThisWeek => {
                let (week, day) = (app.current_week(), crate::plan::Day::of(app.ctx.today));
                go_to(c, week, day.index());
            }
            Action::Edit => cx.open_settings(),
            _ => {}
        }
        if c.week != shown {
            cx.week_moved();
            return Vec::new();
        }
        let Some(week) = app.shown_week().filter(|_| app.plan_allowed()) else {
            return Vec::new();
        };
        let day = &week.days[c.day.min(6)];
        let n = day.items.len();
        let sel = c.item.min(n.saturating_sub(1));
        match action {
            Action::Up | Action::Down => c.item = sel,
            Action::Left | Action::Right | Action::Edit => {}
            _ => {
                if let Some(item) = day.items.get(sel) {
                    return cx.item_action(day.date, item, action);
                }
            }
        }
        Vec::new()
    }
}
