//! The red-flag screen: yes answers -> the highest level among them, and the flags behind it.

use std::collections::BTreeMap;

use crate::catalog::{Catalog, FlagLevel, RedFlag};

/// The outcome of a screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Screening {
    /// `None` when no flag was raised.
    pub level: Option<FlagLevel>,
    /// The flags answered yes at that level, in library order.
    pub flags: Vec<RedFlag>,
    /// Flags answered yes at a lower level (shown as advice beside the main message).
    pub lesser: Vec<RedFlag>,
}

impl Screening {
    /// Whether a plan may be built: clear, or advice only.
    pub fn allows_plan(&self) -> bool {
        matches!(self.level, None | Some(FlagLevel::Advise))
    }
}

/// Assesses answers (red-flag id -> yes). Unknown ids are ignored; unanswered means no.
pub fn assess(catalog: &Catalog, answers: &BTreeMap<String, bool>) -> Screening {
    let raised: Vec<&RedFlag> = catalog
        .red_flags
        .iter()
        .filter(|f| answers.get(f.id.as_str()) == Some(&true))
        .collect();
    let level = raised.iter().map(|f| f.level).max();
    let (flags, lesser) = raised
        .into_iter()
        .cloned()
        .partition(|f| Some(f.level) == level);
    Screening {
        level,
        flags,
        lesser,
    }
}

/// Whether a blocked plan may go ahead: every flag is Block (never Stop) and a clinician has
/// assessed the knee since the answers were given.
pub fn cleared_by_assessment(screening: &Screening, assessed: bool) -> bool {
    screening.allows_plan() || (assessed && screening.level == Some(FlagLevel::Block))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flag(id: &str, level: FlagLevel) -> RedFlag {
        RedFlag {
            id: id.into(),
            question: id.into(),
            level,
            message: format!("{id} message").into(),
            source: "X".into(),
        }
    }

    fn catalog() -> Catalog {
        Catalog {
            red_flags: vec![
                flag("hot", FlagLevel::Stop),
                flag("locked", FlagLevel::Block),
                flag("gives-way", FlagLevel::Block),
                flag("long-pain", FlagLevel::Advise),
            ],
            ..Catalog::default()
        }
    }

    fn yes(ids: &[&str]) -> BTreeMap<String, bool> {
        let mut answers: BTreeMap<String, bool> = catalog()
            .red_flags
            .iter()
            .map(|f| (f.id.to_string(), false))
            .collect();
        for id in ids {
            answers.insert((*id).into(), true);
        }
        answers
    }

    #[test]
    fn all_no_is_clear() {
        let s = assess(&catalog(), &yes(&[]));
        assert_eq!(s.level, None);
        assert!(s.allows_plan());
    }

    #[test]
    fn the_highest_level_wins_and_names_its_flags() {
        let s = assess(&catalog(), &yes(&["long-pain", "locked", "gives-way"]));
        assert_eq!(s.level, Some(FlagLevel::Block));
        assert_eq!(
            s.flags.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(),
            ["locked", "gives-way"]
        );
        assert_eq!(s.lesser.len(), 1);
        assert!(!s.allows_plan());
        assert!(cleared_by_assessment(&s, true));
        assert!(!cleared_by_assessment(&s, false));
    }

    #[test]
    fn stop_is_never_cleared_by_an_assessment_answer() {
        let s = assess(&catalog(), &yes(&["hot", "long-pain"]));
        assert_eq!(s.level, Some(FlagLevel::Stop));
        assert!(!cleared_by_assessment(&s, true));
    }

    #[test]
    fn advice_lets_the_plan_go_ahead() {
        let s = assess(&catalog(), &yes(&["long-pain"]));
        assert_eq!(s.level, Some(FlagLevel::Advise));
        assert!(s.allows_plan());
    }
}
