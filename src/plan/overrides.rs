//! A clinician's dose change written as text, `clamshell=3x15`: the command line and the app's
//! Profiles form read it the same way.

use crate::catalog::{Catalog, Dose};

/// Parses `ID=SETSxAMOUNT` into the exercise's own dose with those sets and that amount (reps,
/// seconds or minutes, in the exercise's unit); frequency, tempo and rest stay as they were.
pub fn parse_dose_change(catalog: &Catalog, text: &str) -> Result<(String, Dose), String> {
    let form = "write it as ID=SETSxAMOUNT, like clamshell=3x15";
    let (id, amounts) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}`: {form}"))?;
    let id = id.trim();
    let exercise = catalog.find_exercise(id)?;
    let (sets, amount) = amounts
        .trim()
        .split_once(['x', 'X'])
        .and_then(|(s, a)| Some((s.trim().parse::<u32>().ok()?, a.trim().parse::<u32>().ok()?)))
        .ok_or_else(|| format!("`{text}`: {form}"))?;
    let mut dose = exercise.dose.clone();
    dose.sets = sets;
    dose.work = dose.work.with_amount(amount);
    if let Some(problem) = crate::catalog::dose_problem(&dose) {
        return Err(format!("`{text}`: {problem}"));
    }
    Ok((id.to_string(), dose))
}

/// The text form of a dose change, as [`parse_dose_change`] reads it.
pub fn dose_change_text(id: &str, dose: &Dose) -> String {
    format!("{id}={}x{}", dose.sets, dose.work.amount())
}

/// What a clinician's added or replacing exercises meet in the condition's avoid-early rules,
/// in plain words: the plan keeps such an exercise out until the phase the rule allows it.
pub fn avoid_early_notes(
    catalog: &Catalog,
    condition: &crate::catalog::Condition,
    overrides: &super::Overrides,
) -> Vec<String> {
    let mut ids: Vec<&str> = overrides.added.iter().map(String::as_str).collect();
    ids.extend(overrides.replaced.values().map(String::as_str));
    let mut notes = Vec::new();
    for id in ids {
        if let Some(rule) = super::avoided(condition, id, 0) {
            let name = catalog.exercise(id).map_or(id, |e| e.name.as_str());
            notes.push(format!(
                "{name} is on {}'s avoid-early list ({}): it is scheduled from phase {} only.",
                condition.name, rule.text, rule.until_phase
            ));
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Work;

    #[test]
    fn a_dose_change_keeps_the_unit_and_frequency() {
        let catalog = Catalog::builtin().expect("built-in library");
        let e = &catalog.exercises[0];
        let (id, dose) = parse_dose_change(&catalog, &format!("{}=2x7", e.id)).expect("parses");
        assert_eq!(id, e.id);
        assert_eq!((dose.sets, dose.work.amount()), (2, 7));
        assert_eq!(
            std::mem::discriminant(&dose.work),
            std::mem::discriminant(&e.dose.work)
        );
        assert_eq!(dose.frequency, e.dose.frequency);
        assert_eq!(dose_change_text(&id, &dose), format!("{}=2x7", e.id));
    }

    #[test]
    fn bad_changes_say_why() {
        let catalog = Catalog::builtin().expect("built-in library");
        let e = &catalog.exercises[0];
        let err = |t: &str| parse_dose_change(&catalog, t).expect_err(t);
        assert!(err("clamshell").contains("ID=SETSxAMOUNT"));
        assert!(err(&format!("{}=three", e.id)).contains("ID=SETSxAMOUNT"));
        assert!(err(&format!("{}=0x10", e.id)).contains("0 sets"));
        assert!(err("clamshel=3x10").contains("Did you mean `clamshell`"));
        let hold = catalog
            .exercises
            .iter()
            .find(|e| matches!(e.dose.work, Work::Hold(_)))
            .expect("a hold");
        assert!(err(&format!("{}=3x1200", hold.id)).contains("1200 hold seconds"));
    }
}
