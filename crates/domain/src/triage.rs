//! The symptom helper: answers to the library's questions -> conditions ranked by how well they
//! fit, with the features that decided it. It says "might be", never a diagnosis.

use std::collections::BTreeMap;

use crate::catalog::Catalog;

/// Points for a matching key feature and for any other listed feature.
const KEY_POINTS: u32 = 2;
const OTHER_POINTS: u32 = 1;

/// One condition's fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub condition: String,
    pub score: u32,
    /// The matching features, key features first.
    pub reasons: Vec<String>,
}

/// Ranks every condition by the answers (question id -> answer id), best first; ties keep the
/// library's order. Conditions that match nothing score 0 and come last.
pub fn rank(catalog: &Catalog, answers: &BTreeMap<String, String>) -> Vec<Suggestion> {
    let mut ranked: Vec<Suggestion> = catalog
        .conditions
        .iter()
        .map(|c| {
            let mut matched: Vec<_> = c
                .symptoms
                .iter()
                .filter(|s| {
                    answers
                        .get(s.question.as_str())
                        .is_some_and(|a| *a == s.answer)
                })
                .collect();
            matched.sort_by_key(|s| !s.key);
            Suggestion {
                condition: c.id.to_string(),
                score: matched
                    .iter()
                    .map(|s| if s.key { KEY_POINTS } else { OTHER_POINTS })
                    .sum(),
                reasons: matched.iter().map(|s| s.text.to_string()).collect(),
            }
        })
        .collect();
    ranked.sort_by_key(|s| std::cmp::Reverse(s.score));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Condition, Symptom, SymptomAnswer, SymptomQuestion};

    fn condition(id: &str, symptoms: Vec<(&str, &str, bool)>) -> Condition {
        let mut c = Catalog::builtin().expect("built-in library").conditions[0].clone();
        c.id = id.into();
        c.symptoms = symptoms
            .into_iter()
            .map(|(q, a, key)| Symptom {
                question: q.into(),
                answer: a.into(),
                key,
                text: format!("{q}={a}").into(),
            })
            .collect();
        c
    }

    fn catalog() -> Catalog {
        let question = |id: &str, answers: &[&str]| SymptomQuestion {
            id: id.into(),
            text: id.into(),
            answers: answers
                .iter()
                .map(|a| SymptomAnswer {
                    id: (*a).into(),
                    text: (*a).into(),
                })
                .collect(),
        };
        Catalog {
            symptom_questions: vec![
                question("where", &["front", "outside"]),
                question("when", &["stairs", "mid-run"]),
            ],
            conditions: vec![
                condition(
                    "pfps",
                    vec![("where", "front", true), ("when", "stairs", false)],
                ),
                condition(
                    "itbs",
                    vec![("where", "outside", true), ("when", "mid-run", true)],
                ),
            ],
            ..Catalog::default()
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(q, a)| ((*q).into(), (*a).into()))
            .collect()
    }

    #[test]
    fn key_features_score_two_and_others_one() {
        let ranked = rank(
            &catalog(),
            &answers(&[("where", "front"), ("when", "stairs")]),
        );
        assert_eq!(ranked[0].condition, "pfps");
        assert_eq!(ranked[0].score, 3);
        assert_eq!(ranked[0].reasons, vec!["where=front", "when=stairs"]);
        assert_eq!(ranked[1].score, 0);
    }

    #[test]
    fn best_fit_comes_first_and_reasons_put_key_features_first() {
        let ranked = rank(
            &catalog(),
            &answers(&[("where", "outside"), ("when", "mid-run")]),
        );
        assert_eq!(ranked[0].condition, "itbs");
        assert_eq!(ranked[0].score, 4);
        let none = rank(&catalog(), &BTreeMap::new());
        assert!(none.iter().all(|s| s.score == 0 && s.reasons.is_empty()));
    }
}
