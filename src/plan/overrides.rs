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

/// A clinician's overrides as given (by the command line's flags or the app's form), before
/// they are checked. Empty lists and `None` mean "not given".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OverrideChange {
    /// 1-based; 0 clears the pin.
    pub pin_phase: Option<u32>,
    /// 0 clears the pin.
    pub pin_level: Option<u32>,
    pub ceiling_exercise: Option<u8>,
    pub ceiling_running: Option<u8>,
    pub add: Vec<String>,
    pub remove: Vec<String>,
    /// `OLD=NEW` each.
    pub replace: Vec<String>,
    /// `ID=SETSxAMOUNT` each.
    pub doses: Vec<String>,
}

/// Which part of a change was wrong, to name the flag or the form's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverridePart {
    PinPhase,
    PinLevel,
    Ceiling,
    Add,
    Remove,
    Replace,
    Dose,
}

/// Applies a change onto `overrides`, every value checked the same way for every front end:
/// pins within the condition's phases and the walk-run levels, ceilings 0-10, exercise ids
/// known (with the closest suggested), `OLD=NEW` pairs, doses, and lists without repeats (an
/// exercise added is no longer removed, and the other way round). Nothing changes on an error.
pub fn apply_override_change(
    catalog: &Catalog,
    condition: &crate::catalog::Condition,
    overrides: &mut super::Overrides,
    change: &OverrideChange,
) -> Result<(), (OverridePart, String)> {
    let mut o = overrides.clone();
    let phases = condition.phases.len() as u32;
    match change.pin_phase {
        Some(0) => o.pinned_phase = None,
        Some(n) if n > phases => {
            return Err((
                OverridePart::PinPhase,
                format!("the phase pin takes 1-{phases} for this condition (0 clears), not {n}"),
            ));
        }
        Some(n) => o.pinned_phase = Some(n),
        None => {}
    }
    let top = catalog.top_walk_run_level();
    match change.pin_level {
        Some(0) => o.pinned_walk_run_level = None,
        Some(n) if n > top => {
            return Err((
                OverridePart::PinLevel,
                format!("the walk-run level pin takes 1-{top} (0 clears), not {n}"),
            ));
        }
        Some(n) => o.pinned_walk_run_level = Some(n),
        None => {}
    }
    for c in [change.ceiling_exercise, change.ceiling_running]
        .into_iter()
        .flatten()
    {
        if c > 10 {
            return Err((
                OverridePart::Ceiling,
                format!("a pain ceiling is 0-10, not {c}"),
            ));
        }
    }
    if change.ceiling_exercise.is_some() {
        o.ceiling_exercise = change.ceiling_exercise;
    }
    if change.ceiling_running.is_some() {
        o.ceiling_running = change.ceiling_running;
    }
    let known = |part: OverridePart, id: &str| -> Result<String, (OverridePart, String)> {
        catalog
            .find_exercise(id.trim())
            .map(|e| e.id.to_string())
            .map_err(|e| (part, e))
    };
    for id in &change.add {
        let id = known(OverridePart::Add, id)?;
        o.removed.retain(|r| *r != id);
        if !o.added.contains(&id) {
            o.added.push(id);
        }
    }
    for id in &change.remove {
        let id = known(OverridePart::Remove, id)?;
        o.added.retain(|a| *a != id);
        if !o.removed.contains(&id) {
            o.removed.push(id);
        }
    }
    for pair in &change.replace {
        let Some((old, new)) = pair.split_once('=') else {
            return Err((
                OverridePart::Replace,
                format!("write each as OLD=NEW, not `{}`", crate::text::clean(pair)),
            ));
        };
        let (old, new) = (
            known(OverridePart::Replace, old)?,
            known(OverridePart::Replace, new)?,
        );
        o.replaced.insert(old, new);
    }
    for text in &change.doses {
        let (id, dose) = parse_dose_change(catalog, text).map_err(|e| (OverridePart::Dose, e))?;
        o.doses.insert(id, dose);
    }
    if let Some(p) = override_problems(catalog, condition, &o).into_iter().next() {
        return Err((p.part, p.message));
    }
    *overrides = o;
    Ok(())
}

/// One thing wrong with a clinician's overrides: the part, the field of the profile's
/// overrides it sits in, the exercise it is about (to find it in a file), why, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideProblem {
    pub part: OverridePart,
    pub field: &'static str,
    pub id: Option<String>,
    pub message: String,
    pub hint: &'static str,
}

/// Everything wrong with a finished set of overrides, by the one rule every door applies (the
/// command line's flags, the app's form and an imported prescription): pins within the
/// condition's phases and the library's walk-run levels, ceilings 0-10, every exercise known,
/// doses counted in the exercise's own unit and within the dose limits, and every exercise put
/// in one the condition's limits let in (in the pinned phase when one is pinned, else in some
/// phase).
pub fn override_problems(
    catalog: &Catalog,
    condition: &crate::catalog::Condition,
    o: &super::Overrides,
) -> Vec<OverrideProblem> {
    let mut problems = Vec::new();
    let mut say = |part, field, id: Option<&str>, message: String, hint| {
        problems.push(OverrideProblem {
            part,
            field,
            id: id.map(str::to_string),
            message,
            hint,
        })
    };
    let phases = condition.phases.len() as u32;
    if let Some(n) = o.pinned_phase.filter(|n| !(1..=phases).contains(n)) {
        say(
            OverridePart::PinPhase,
            "pinned_phase",
            None,
            format!(
                "the phase pin takes 1-{phases} for {}, not {n}",
                condition.name
            ),
            "pin a phase the condition has, or remove the pin",
        );
    }
    let top = catalog.top_walk_run_level();
    if let Some(n) = o.pinned_walk_run_level.filter(|n| !(1..=top).contains(n)) {
        say(
            OverridePart::PinLevel,
            "pinned_walk_run_level",
            None,
            format!("the walk-run level pin takes 1-{top}, not {n}"),
            "pin a level the library has, or remove the pin",
        );
    }
    for (field, ceiling) in [
        ("ceiling_exercise", o.ceiling_exercise),
        ("ceiling_running", o.ceiling_running),
    ] {
        if let Some(v) = ceiling.filter(|&v| v > 10) {
            say(
                OverridePart::Ceiling,
                field,
                None,
                format!("a pain ceiling is 0-10, not {v}"),
                "pain is scored 0-10",
            );
        }
    }
    const UNKNOWN_HINT: &str = "`rehab exercises` lists the ids this library has; a clinic's own \
                                exercises must be in this machine's library folder too (`rehab \
                                paths`)";
    let ids = o
        .added
        .iter()
        .map(|id| (OverridePart::Add, "added", id))
        .chain(
            o.removed
                .iter()
                .map(|id| (OverridePart::Remove, "removed", id)),
        )
        .chain(
            o.replaced
                .iter()
                .flat_map(|(old, new)| [old, new])
                .map(|id| (OverridePart::Replace, "replaced", id)),
        )
        .chain(o.doses.keys().map(|id| (OverridePart::Dose, "doses", id)));
    for (part, field, id) in ids {
        if let Err(message) = catalog.find_exercise(id) {
            say(part, field, Some(id), message, UNKNOWN_HINT);
        }
    }
    for (id, dose) in &o.doses {
        let Some(exercise) = catalog.exercise(id) else {
            continue;
        };
        let unit = |w: &crate::catalog::Work| std::mem::discriminant(w);
        let problem = if unit(&dose.work) != unit(&exercise.dose.work) {
            Some(format!(
                "the dose for `{}` is counted as {}, but the exercise is counted as {}",
                crate::text::clean(id),
                dose.work.describe(),
                exercise.dose.work.describe()
            ))
        } else {
            crate::catalog::dose_problem(dose)
                .map(|p| format!("the dose for `{}`: {p}", crate::text::clean(id)))
        };
        if let Some(message) = problem {
            say(
                OverridePart::Dose,
                "doses",
                Some(id),
                message,
                "a dose is changed with `rehab profile set --dose ID=SETSxAMOUNT`",
            );
        }
    }
    let added = o
        .added
        .iter()
        .map(|id| (OverridePart::Add, "added", id, "added"));
    let replacing = o.replaced.values().map(|id| {
        (
            OverridePart::Replace,
            "replaced",
            id,
            "put in as a replacement",
        )
    });
    for (part, field, id, how) in added.chain(replacing) {
        let Some(exercise) = catalog.exercise(id) else {
            continue;
        };
        if let Some(message) = broken_limit(condition, exercise, o.pinned_phase, how) {
            say(
                part,
                field,
                Some(id),
                message,
                "the plan would never schedule it; take it out, or pin a phase that allows it",
            );
        }
    }
    problems
}

/// Why an exercise a clinician put in can never be scheduled under the condition's limits.
fn broken_limit(
    condition: &crate::catalog::Condition,
    exercise: &crate::catalog::Exercise,
    pinned: Option<u32>,
    how: &str,
) -> Option<String> {
    let keeps_out = |index: usize| -> Option<String> {
        let phase = condition.phases.get(index)?;
        if let Some(rule) = super::avoided(condition, &exercise.id, index) {
            return Some(format!(
                "it is on {}'s avoid-early list until phase {} ({})",
                condition.name, rule.until_phase, rule.text
            ));
        }
        match (exercise.knee_bend, phase.max_knee_bend) {
            (Some(bend), Some(max)) if bend > max => Some(format!(
                "it bends the knee to {bend} degrees, past phase {}'s limit of {max}",
                index + 1
            )),
            _ => None,
        }
    };
    let name = crate::text::clean(&exercise.name);
    let id = crate::text::clean(&exercise.id);
    match pinned {
        Some(n) if n >= 1 && (n as usize) <= condition.phases.len() => {
            let why = keeps_out(n as usize - 1)?;
            Some(format!(
                "{name} (`{id}`) is {how}, but the plan is pinned in phase {n}, which keeps it \
                 out: {why}"
            ))
        }
        Some(_) => None,
        None => {
            let reasons: Vec<String> = (0..condition.phases.len())
                .map(keeps_out)
                .collect::<Option<Vec<_>>>()?;
            let last = reasons.last()?;
            Some(format!(
                "{name} (`{id}`) is {how}, but no phase of {} lets it in: {last}",
                condition.name
            ))
        }
    }
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

    #[test]
    fn one_rule_checks_and_deduplicates_every_override() {
        use super::{OverrideChange, OverridePart, apply_override_change};
        let catalog = Catalog::builtin().expect("built-in library");
        let condition = catalog.condition("pfps").expect("pfps");
        let mut o = crate::plan::Overrides::default();
        let change = OverrideChange {
            add: vec!["clamshell".into(), "clamshell".into()],
            remove: vec!["calf-stretch".into()],
            ..OverrideChange::default()
        };
        apply_override_change(&catalog, condition, &mut o, &change).expect("valid");
        assert_eq!(o.added, vec!["clamshell"]);
        // Removing what was added takes it out of the added list: never both.
        let change = OverrideChange {
            remove: vec!["clamshell".into()],
            ..OverrideChange::default()
        };
        apply_override_change(&catalog, condition, &mut o, &change).expect("valid");
        assert!(o.added.is_empty());
        assert_eq!(o.removed, vec!["calf-stretch", "clamshell"]);
        // Each bad value names its part, and nothing changes.
        let before = o.clone();
        for (change, part) in [
            (
                OverrideChange {
                    pin_phase: Some(9),
                    ..Default::default()
                },
                OverridePart::PinPhase,
            ),
            (
                OverrideChange {
                    pin_level: Some(99),
                    ..Default::default()
                },
                OverridePart::PinLevel,
            ),
            (
                OverrideChange {
                    ceiling_running: Some(11),
                    ..Default::default()
                },
                OverridePart::Ceiling,
            ),
            (
                OverrideChange {
                    add: vec!["quad-se".into()],
                    ..Default::default()
                },
                OverridePart::Add,
            ),
            (
                OverrideChange {
                    replace: vec!["clamshell".into()],
                    ..Default::default()
                },
                OverridePart::Replace,
            ),
            (
                OverrideChange {
                    doses: vec!["clamshell=x".into()],
                    ..Default::default()
                },
                OverridePart::Dose,
            ),
        ] {
            let err = apply_override_change(&catalog, condition, &mut o, &change).expect_err("bad");
            assert_eq!(err.0, part, "{}", err.1);
            assert_eq!(o, before);
        }
    }

    #[test]
    fn an_exercise_the_pinned_phase_keeps_out_is_refused_by_the_same_rule_as_an_import() {
        let catalog = Catalog::builtin().expect("built-in library");
        let condition = catalog.condition("pfps").expect("pfps");
        let mut o = crate::plan::Overrides::default();
        let change = OverrideChange {
            pin_phase: Some(1),
            add: vec!["pogo-hops".into()],
            ..OverrideChange::default()
        };
        let (part, message) =
            apply_override_change(&catalog, condition, &mut o, &change).expect_err("kept out");
        assert_eq!(part, OverridePart::Add);
        assert!(message.contains("pinned in phase 1"), "{message}");
        assert!(message.contains("avoid-early list"), "{message}");
        assert_eq!(o, crate::plan::Overrides::default(), "nothing changed");
        // Without the pin a later phase lets it in: accepted, and the note says when.
        let change = OverrideChange {
            add: vec!["pogo-hops".into()],
            ..OverrideChange::default()
        };
        apply_override_change(&catalog, condition, &mut o, &change).expect("a later phase");
        assert!(override_problems(&catalog, condition, &o).is_empty());
        assert_eq!(avoid_early_notes(&catalog, condition, &o).len(), 1);
    }
}
