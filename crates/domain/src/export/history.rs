//! A profile's logged weeks, as the printed plan shows them.

use super::model::{PainPoint, WeekHistory};
use crate::journal::WeekSummary;

/// Adherence and pain per logged week; weeks with nothing logged are left out.
pub fn history_from(summaries: &[WeekSummary]) -> Vec<WeekHistory> {
    summaries
        .iter()
        .filter(|s| s.logged)
        .map(|s| WeekHistory {
            week: s.week,
            monday: s.monday,
            adherence_pct: s.adherence_pct,
            pain: s
                .days
                .iter()
                .map(|d| PainPoint {
                    date: d.date,
                    during: d.worst_during,
                    morning: d.worst_morning,
                })
                .collect(),
        })
        .collect()
}
