use std::collections::BTreeMap;

use jiff::civil::{Date, date};

use super::*;
use crate::catalog::FlagLevel;
use crate::journal::{PainReport, Record, SkipReason};
use crate::plan::Settings;

const TODAY: Date = date(2026, 11, 25);

fn catalog() -> Catalog {
    Catalog::builtin().expect("the built-in library loads")
}

fn id_of(catalog: &Catalog, level: FlagLevel) -> String {
    catalog
        .red_flags
        .iter()
        .find(|f| f.level == level)
        .map(|f| f.id.to_string())
        .expect("a flag at that level")
}

/// A seven-day pfps profile from 2 November, its answers given on `on` with `yes` raised.
fn answered(catalog: &Catalog, on: Date, yes: &[&str]) -> (Profile, Vec<Record>) {
    let mut settings = Settings::new(date(2026, 11, 2));
    settings.days_per_week = 7;
    let mut p = Profile::new("me", "pfps", settings);
    let answers: BTreeMap<String, bool> = catalog
        .red_flags
        .iter()
        .map(|f| (f.id.to_string(), yes.contains(&f.id.as_str())))
        .collect();
    p.red_flags.answered_on = Some(on);
    p.red_flags.answers = answers.clone();
    (p, vec![Record::Screened { date: on, answers }])
}

fn gate_of(catalog: &Catalog, p: &Profile, records: &[Record]) -> Gate {
    gate(catalog, p, &JournalState::replay(records), TODAY)
}

#[test]
fn a_question_never_answered_holds_the_plan() {
    let c = catalog();
    let fresh = Profile::new("me", "pfps", Settings::new(date(2026, 11, 2)));
    let g = gate_of(&c, &fresh, &[]);
    assert!(matches!(&g, Gate::Unanswered { unanswered } if unanswered.len() == c.red_flags.len()));
    // One question the library added after the answers were given: still unanswered.
    let (mut p, records) = answered(&c, date(2026, 11, 23), &[]);
    let newest = c.red_flags.last().expect("questions").id.to_string();
    p.red_flags.answers.remove(&newest);
    let g = gate_of(&c, &p, &records);
    assert_eq!(
        g,
        Gate::Unanswered {
            unanswered: vec![newest]
        }
    );
    assert!(!g.allows_plan());
    assert!(g.refusal().is_some_and(|r| r.contains("rehab screen")));
}

#[test]
fn stop_holds_until_a_clinician_records_an_assessment_after_it() {
    let c = catalog();
    let stop = id_of(&c, FlagLevel::Stop);
    let (p, records) = answered(&c, date(2026, 11, 23), &[&stop]);
    let g = gate_of(&c, &p, &records);
    assert_eq!(g.kind(), "stop");
    // The message names the care to seek, and who lifts it.
    let message = &c.red_flag(&stop).expect("flag").message;
    let refusal = g.refusal().expect("held");
    assert!(refusal.contains(message.as_str()), "{refusal}");
    assert!(refusal.contains("does not lift"), "{refusal}");
    assert!(
        !refusal.contains("--assessed-on"),
        "a clinician's step: {refusal}"
    );

    // The person answers "no" to everything the next day: still held.
    let (p_no, no_again) = answered(&c, date(2026, 11, 24), &[]);
    let mut said_no = records.clone();
    said_no.extend(no_again);
    assert_eq!(gate_of(&c, &p_no, &said_no).kind(), "stop");

    // A clinician's assessment dated after the answer lifts it.
    said_no.push(Record::Assessed {
        date: date(2026, 11, 24),
        by: Some("Dr K".into()),
    });
    assert!(gate_of(&c, &p_no, &said_no).allows_plan());
}

#[test]
fn every_hold_stands_through_later_clear_answers() {
    let c = catalog();
    for id in [
        "locked-knee",
        "hot-swollen-knee",
        "calf-clot-signs",
        "under-16",
        "recent-surgery-or-injection",
        "bone-stress-signs",
        "cannot-bear-weight-or-hip-pain",
    ] {
        let (_, mut records) = answered(&c, date(2026, 11, 23), &[id]);
        let (p, clear) = answered(&c, date(2026, 11, 23), &[]);
        records.extend(clear);
        let g = gate_of(&c, &p, &records);
        assert!(g.needs_clinician(), "{id}: {g:?}");
        // An assessment written the same day but before the answers does not lift it.
        let mut early = vec![Record::Assessed {
            date: date(2026, 11, 23),
            by: Some("Dr K".into()),
        }];
        early.extend(records.clone());
        assert!(gate_of(&c, &p, &early).needs_clinician(), "{id}");
        records.push(Record::Assessed {
            date: date(2026, 11, 23),
            by: Some("Dr K".into()),
        });
        assert!(gate_of(&c, &p, &records).allows_plan(), "{id}");
    }
}

#[test]
fn a_new_week_asks_the_questions_again_before_any_item() {
    let c = catalog();
    // Answered in week 3; today is Wednesday of week 4.
    let (p, records) = answered(&c, date(2026, 11, 20), &[]);
    let g = gate_of(&c, &p, &records);
    assert_eq!(
        g,
        Gate::WeeklyDue {
            last: date(2026, 11, 20)
        }
    );
    let standing = Standing::compute(&c, &p, &JournalState::replay(&records), TODAY);
    assert!(standing.day(TODAY).items.is_empty());
    // Answered on Monday of this week: the plan is back.
    let (p, again) = answered(&c, date(2026, 11, 23), &[]);
    let mut records = records;
    records.extend(again);
    let standing = Standing::compute(&c, &p, &JournalState::replay(&records), TODAY);
    assert!(!standing.day(TODAY).items.is_empty());
    // Week 1 runs on the answers given at set-up, even from the week before the start.
    let mut p1 = p.clone();
    p1.red_flags.answered_on = Some(date(2026, 10, 30));
    let week1 = JournalState::replay(&[Record::Screened {
        date: date(2026, 10, 30),
        answers: p1.red_flags.answers.clone(),
    }]);
    assert!(gate(&c, &p1, &week1, date(2026, 11, 4)).allows_plan());
}

#[test]
fn a_second_warning_sign_within_14_days_needs_a_clinician() {
    let c = catalog();
    let swelling = |d: Date| Record::Pain {
        date: d,
        item: None,
        report: PainReport {
            swelling: Some(true),
            ..PainReport::default()
        },
    };
    let (p, mut records) = answered(&c, date(2026, 11, 23), &[]);
    records.push(swelling(date(2026, 11, 12)));
    records.push(swelling(date(2026, 11, 24)));
    // 12 days apart: see a clinician, whatever is answered.
    let (p2, clear) = answered(&c, date(2026, 11, 24), &[]);
    records.extend(clear);
    let g = gate_of(&c, &p2, &records);
    assert_eq!(
        g,
        Gate::Escalated {
            first: date(2026, 11, 12),
            second: date(2026, 11, 24)
        }
    );
    assert!(!g.allows_plan());
    // An assessment after the second lifts it.
    records.push(Record::Assessed {
        date: date(2026, 11, 25),
        by: Some("B. Physio".into()),
    });
    assert!(gate_of(&c, &p2, &records).allows_plan());
    // 15 days apart is two separate events: answering again is enough.
    let (_, mut apart) = answered(&c, date(2026, 11, 23), &[]);
    apart.push(swelling(date(2026, 11, 9)));
    apart.push(swelling(date(2026, 11, 24)));
    let (_, clear) = answered(&c, date(2026, 11, 24), &[]);
    apart.extend(clear);
    assert!(gate_of(&c, &p, &apart).allows_plan());
}

#[test]
fn advice_goes_once_a_clinician_has_seen_the_knee() {
    let c = catalog();
    let advise = id_of(&c, FlagLevel::Advise);
    let (p, mut records) = answered(&c, date(2026, 11, 23), &[&advise]);
    let message = c.red_flag(&advise).expect("flag").message.to_string();
    let g = gate_of(&c, &p, &records);
    assert!(g.lines().iter().any(|l| l.text == message));
    records.push(Record::Assessed {
        date: date(2026, 11, 24),
        by: Some("J. Physio".into()),
    });
    let g = gate_of(&c, &p, &records);
    assert!(g.allows_plan());
    assert!(
        g.lines().iter().all(|l| l.text != message),
        "{:?}",
        g.lines()
    );
}

#[test]
fn a_block_lifts_only_for_an_assessment_after_the_answers() {
    let c = catalog();
    let block = id_of(&c, FlagLevel::Block);
    let on = date(2026, 11, 23);
    let assessed = |d: Date| Record::Assessed {
        date: d,
        by: Some("Dr K".into()),
    };
    let (p, records) = answered(&c, on, &[&block]);
    assert_eq!(gate_of(&c, &p, &records).kind(), "block");

    // Dated the day before: does not count, and the refusal says why.
    let mut before = records.clone();
    before.push(assessed(date(2026, 11, 22)));
    let g = gate_of(&c, &p, &before);
    assert_eq!(g.kind(), "block");
    assert!(
        g.refusal()
            .is_some_and(|r| r.contains("came before these answers"))
    );

    // The same day, written after the answers: a visit after answering counts.
    let mut same_day_after = records.clone();
    same_day_after.push(assessed(on));
    assert_eq!(gate_of(&c, &p, &same_day_after).kind(), "open");

    // The same day, written before the answers: the "yes" came after the visit.
    let mut same_day_before = vec![assessed(on)];
    same_day_before.extend(records.clone());
    assert_eq!(gate_of(&c, &p, &same_day_before).kind(), "block");

    // A later day lifts it, and the lifting is said with the clinician's name.
    let mut later = records;
    later.push(assessed(date(2026, 11, 24)));
    let g = gate_of(&c, &p, &later);
    assert!(g.allows_plan());
    assert!(g.lines().iter().any(|l| l.text.contains("Dr K")));
}

#[test]
fn a_warning_sign_after_the_answers_pauses_until_answered_again() {
    let c = catalog();
    let (p, mut records) = answered(&c, date(2026, 11, 23), &[]);
    assert!(gate_of(&c, &p, &records).allows_plan());
    records.push(Record::Pain {
        date: date(2026, 11, 23),
        item: None,
        report: PainReport {
            limp: Some(true),
            ..PainReport::default()
        },
    });
    // Logged the same day as the answers, but after them: the plan pauses that day.
    assert_eq!(
        gate_of(&c, &p, &records),
        Gate::Rescreen {
            logged_on: date(2026, 11, 23)
        }
    );
    // Answered again: open.
    let (p, again) = answered(&c, date(2026, 11, 24), &[]);
    records.extend(again);
    assert!(gate_of(&c, &p, &records).allows_plan());
}

#[test]
fn advice_keeps_the_plan_with_a_standing_line() {
    let c = catalog();
    let advise = id_of(&c, FlagLevel::Advise);
    let (p, records) = answered(&c, date(2026, 11, 23), &[&advise]);
    let standing = Standing::compute(&c, &p, &JournalState::replay(&records), TODAY);
    assert!(standing.allows_plan());
    assert!(!standing.day(TODAY).items.is_empty());
    assert_eq!(standing.lines[0].urgency, Urgency::Advise);
}

#[test]
fn a_closed_gate_leaves_every_day_empty_and_refuses_ticks_but_takes_notes() {
    let c = catalog();
    let block = id_of(&c, FlagLevel::Block);
    let (p, records) = answered(&c, date(2026, 11, 23), &[&block]);
    let journal = JournalState::replay(&records);
    let standing = Standing::compute(&c, &p, &journal, TODAY);
    assert!(standing.day(TODAY).items.is_empty());
    assert!(standing.week_holding(TODAY).is_some(), "the week is built");
    let refused = standing.tick(&c, &p, TODAY, &["1".into()], None);
    assert!(matches!(refused, Err(Refusal::Gate(_))), "{refused:?}");
    let skip = standing.skip(&c, &p, TODAY, "quad-set", SkipReason::Time);
    assert!(matches!(skip, Err(Refusal::Gate(_))));
    assert!(standing.note(TODAY, "knee felt odd").is_ok());
    let pain = PainInput {
        during: Some(2),
        ..PainInput::default()
    };
    assert!(standing.log_pain(&c, &p, &pain).is_ok());
    let for_item = PainInput {
        item: Some("1".into()),
        ..pain
    };
    assert!(matches!(
        standing.log_pain(&c, &p, &for_item),
        Err(Refusal::Gate(_))
    ));
}

#[test]
fn ticks_check_the_day_the_number_and_the_sets() {
    let c = catalog();
    let (p, records) = answered(&c, date(2026, 11, 23), &[]);
    let journal = JournalState::replay(&records);
    let standing = Standing::compute(&c, &p, &journal, TODAY);
    let day = standing.day(TODAY);
    let first = day.items.first().expect("items today");
    let tomorrow = date(2026, 11, 26);
    assert!(matches!(
        standing.tick(&c, &p, tomorrow, &["1".into()], None),
        Err(Refusal::NotYet { .. })
    ));
    assert!(matches!(
        standing.tick(&c, &p, date(2026, 11, 1), &["quad-set".into()], None),
        Err(Refusal::BeforeStart { .. })
    ));
    let count = day.items.len();
    assert!(matches!(
        standing.tick(&c, &p, TODAY, &[(count + 1).to_string()], None),
        Err(Refusal::NoSuchNumber { .. })
    ));
    let too_many = Some(first.dose.sets + 1);
    assert!(matches!(
        standing.tick(&c, &p, TODAY, &["1".into()], too_many),
        Err(Refusal::Sets(_))
    ));
    // Every set is a full tick.
    let all = standing
        .tick(&c, &p, TODAY, &["1".into()], Some(first.dose.sets))
        .expect("ticked");
    assert_eq!(
        all.records,
        vec![Record::Done {
            date: TODAY,
            item: first.exercise.clone(),
            sets: None
        }]
    );
    let typo = standing.tick(&c, &p, TODAY, &["quad-se".into()], None);
    let Err(Refusal::UnknownItem { suggestion, .. }) = typo else {
        panic!("{typo:?}")
    };
    assert!(suggestion.contains("quad-set"), "{suggestion}");
}

#[test]
fn pain_goes_to_the_right_day_and_over_the_ceiling_is_said_at_once() {
    let c = catalog();
    let (p, records) = answered(&c, date(2026, 11, 23), &[]);
    let standing = Standing::compute(&c, &p, &JournalState::replay(&records), TODAY);
    let ceiling = c.condition("pfps").expect("pfps").ceilings.exercise;
    let input = PainInput {
        during: Some(ceiling + 1),
        morning: Some(1),
        ..PainInput::default()
    };
    let (written, said) = standing.log_pain(&c, &p, &input).expect("logged");
    let dates: Vec<Date> = written.records.iter().map(Record::date).collect();
    assert_eq!(dates, vec![TODAY, date(2026, 11, 24)]);
    assert_eq!(said.over_ceiling, Some((ceiling + 1, ceiling)));
    assert!(
        written
            .said
            .iter()
            .any(|l| l.contains(&format!("over your ceiling of {ceiling}")))
    );
    // At the ceiling: nothing more to say.
    let fine = PainInput {
        during: Some(ceiling),
        ..PainInput::default()
    };
    assert_eq!(
        standing
            .log_pain(&c, &p, &fine)
            .expect("logged")
            .1
            .over_ceiling,
        None
    );
    // Nothing given: refused.
    assert!(matches!(
        standing.log_pain(&c, &p, &PainInput::default()),
        Err(Refusal::Empty(_))
    ));
}

#[test]
fn a_lower_score_later_never_hides_the_worst_of_the_day() {
    let pain = |during: u8| Record::Pain {
        date: TODAY,
        item: None,
        report: PainReport {
            during: Some(during),
            ..PainReport::default()
        },
    };
    let state = JournalState::replay(&[pain(4), pain(2)]);
    assert_eq!(
        state.day(TODAY).and_then(|d| d.pain).and_then(|p| p.during),
        Some(4)
    );
}

#[test]
fn answers_must_cover_every_question_and_only_known_ones() {
    let c = catalog();
    let mut answers: BTreeMap<String, bool> = c
        .red_flags
        .iter()
        .map(|f| (f.id.to_string(), false))
        .collect();
    assert!(answer_screen(&c, &answers, TODAY).is_ok());
    let last = c.red_flags.last().expect("questions").id.to_string();
    answers.remove(&last);
    assert_eq!(
        answer_screen(&c, &answers, TODAY),
        Err(Refusal::Unanswered(vec![last.clone()]))
    );
    answers.insert(last, false);
    answers.insert("no-such-question".into(), true);
    assert!(matches!(
        answer_screen(&c, &answers, TODAY),
        Err(Refusal::Invalid(_))
    ));
}

#[test]
fn assessments_need_a_name_and_cannot_be_dated_ahead() {
    assert!(matches!(
        record_assessment(TODAY, date(2026, 11, 26), None),
        Err(Refusal::NotYet { .. })
    ));
    // No name, or a blank one: refused, with the field to fill in.
    for by in [None, Some("  ")] {
        assert!(matches!(
            record_assessment(TODAY, TODAY, by),
            Err(Refusal::Invalid(why)) if why.contains("Assessed by")
        ));
    }
    let written = record_assessment(TODAY, TODAY, Some(" Dr K ")).expect("recorded");
    assert_eq!(
        written.records,
        vec![Record::Assessed {
            date: TODAY,
            by: Some("Dr K".into())
        }]
    );
}

#[test]
fn counts_leave_out_optional_work_and_name_partial_and_skipped() {
    let c = catalog();
    let (p, records) = answered(&c, date(2026, 11, 23), &[]);
    let standing = Standing::compute(&c, &p, &JournalState::replay(&records), TODAY);
    let mut day = standing.day(TODAY);
    assert!(day.items.len() >= 3, "needs three items today");
    day.items.truncate(3);
    day.items[2].optional = false;
    day.items[1].dose.sets = 3;
    let mut log = crate::journal::DayLog::default();
    let id = |i: usize| std::sync::Arc::<str>::from(day.items[i].exercise.as_str());
    log.items
        .insert(id(0), crate::journal::ItemStatus::Done { sets: None });
    log.items
        .insert(id(1), crate::journal::ItemStatus::Done { sets: Some(2) });
    log.items
        .insert(id(2), crate::journal::ItemStatus::Skipped(SkipReason::Time));
    let counts = DayCounts::of(&day, Some(&log));
    assert_eq!((counts.done, counts.partly), (1, 1));
    assert_eq!(counts.skipped, 1);
    assert_eq!(counts.planned, 3);
    assert!(counts.to_string().contains("1 skipped"), "{counts}");
    // An optional item is not counted.
    day.items[2].optional = true;
    assert_eq!(DayCounts::of(&day, Some(&log)).planned, 2);
}

#[test]
fn the_program_week_has_a_case_for_before_the_start() {
    let p = Profile::new("me", "pfps", Settings::new(date(2026, 11, 4)));
    assert_eq!(
        ProgramWeek::of(&p.settings, date(2026, 11, 1)),
        ProgramWeek::BeforeStart {
            starts: date(2026, 11, 4)
        }
    );
    assert_eq!(
        ProgramWeek::of(&p.settings, date(2026, 11, 1)).or_first(),
        1
    );
    assert_eq!(
        ProgramWeek::of(&p.settings, date(2026, 11, 9)),
        ProgramWeek::Week(2)
    );
}

/// Section 1.1: a red session on an exercise eases it one step at its next session, in the
/// same week, on the screens and in `done`.
#[test]
fn a_red_exercise_is_eased_at_its_very_next_session() {
    let c = catalog();
    let (p, mut records) = answered(&c, date(2026, 11, 23), &[]);
    let standing = Standing::compute(&c, &p, &JournalState::replay(&records), TODAY);
    let week = standing.week_holding(TODAY).expect("week 4").clone();
    // An exercise with an easier version, on a day up to today and again later that week.
    let (first_day, item) = week
        .days
        .iter()
        .filter(|d| d.date <= TODAY)
        .find_map(|d| {
            d.items
                .iter()
                .filter(|i| i.slot == crate::plan::Slot::Main && !i.optional)
                .find(|i| {
                    c.exercise(&i.exercise)
                        .is_some_and(|e| e.regression.is_some())
                        && week.days.iter().any(|later| {
                            later.date > d.date
                                && later.items.iter().any(|l| l.exercise == i.exercise)
                        })
                })
                .map(|i| (d.date, i.exercise.clone()))
        })
        .expect("an easable exercise scheduled twice this week");
    let ceiling = c.condition("pfps").expect("pfps").ceilings.exercise;
    records.push(Record::Done {
        date: first_day,
        item: item.clone(),
        sets: None,
    });
    records.push(Record::Pain {
        date: first_day,
        item: Some(item.clone()),
        report: PainReport {
            during: Some(ceiling + 2),
            ..PainReport::default()
        },
    });
    let after = Standing::compute(&c, &p, &JournalState::replay(&records), TODAY);
    let eased_week = after.week_holding(TODAY).expect("week 4");
    let later = eased_week
        .days
        .iter()
        .find(|d| {
            d.date > first_day
                && week
                    .day(d.date)
                    .is_some_and(|w| w.items.iter().any(|i| i.exercise == item))
        })
        .expect("a later session");
    let easier = c
        .exercise(&item)
        .and_then(|e| e.regression.clone())
        .expect("regression");
    assert!(
        later.items.iter().any(|i| i.exercise == easier
            && i.reason
                .as_deref()
                .is_some_and(|r| r.contains("painful session"))),
        "{:?}",
        later.items
    );
    assert!(!later.items.iter().any(|i| i.exercise == item));
    // The red day itself keeps what was done.
    let same = eased_week.day(first_day).expect("the red day");
    assert!(same.items.iter().any(|i| i.exercise == item));
}
