//! The watch-file readers on files the tests write: the same activity as GPX, TCX and FIT
//! gives the same figures; watch quirks (no cadence, a paused timer, a local offset, several
//! activities in a file, a run across midnight) and broken files.

use crate::runs_support;

use jiff::civil::date;
use jiff::tz::{Offset, TimeZone};
use rehab_planner::journal::ActivityKind;
use rehab_planner::runs::{Activity, parse};
use runs_support::{Act, fit, gpx, tcx};

fn all_three(acts: &[Act]) -> Vec<(&'static str, Vec<Activity>)> {
    vec![
        (
            "gpx",
            parse("a.gpx", gpx(acts).as_bytes()).expect("gpx reads"),
        ),
        (
            "tcx",
            parse("a.tcx", tcx(acts).as_bytes()).expect("tcx reads"),
        ),
        ("fit", parse("a.fit", &fit(acts)).expect("fit reads")),
    ]
}

fn near(got: u32, want: f64, within: f64) -> bool {
    (f64::from(got) - want).abs() <= within
}

#[test]
fn one_run_reads_the_same_in_every_format() {
    let mut run = Act::run("2026-12-07T07:00:00Z", 40);
    run.climb_m = 30.0;
    for (format, acts) in all_three(&[run.clone()]) {
        assert_eq!(acts.len(), 1, "{format}");
        let a = &acts[0];
        assert_eq!(a.kind, Some(ActivityKind::Run), "{format}");
        assert_eq!(a.start, run.start, "{format}");
        assert!(near(a.moving_s, 2400.0, 5.0), "{format}: {}", a.moving_s);
        assert!(
            near(a.distance_m, run.distance_m(), 15.0),
            "{format}: {}",
            a.distance_m
        );
        assert!(near(a.ascent_m, 30.0, 3.0), "{format}: {}", a.ascent_m);
        assert!(near(a.descent_m, 30.0, 3.0), "{format}: {}", a.descent_m);
        // 85 strides a minute is 170 steps.
        assert_eq!(a.cadence, Some(170), "{format}");
    }
}

#[test]
fn missing_cadence_is_none_not_zero() {
    let mut run = Act::run("2026-12-07T07:00:00Z", 20);
    run.strides = None;
    for (format, acts) in all_three(&[run]) {
        assert_eq!(acts[0].cadence, None, "{format}");
    }
}

#[test]
fn a_paused_timer_is_not_moving_time() {
    let mut run = Act::run("2026-12-07T07:00:00Z", 30);
    run.pause_s = 600;
    for (format, acts) in all_three(&[run.clone()]) {
        assert!(
            near(acts[0].moving_s, 1800.0, 5.0),
            "{format}: {}",
            acts[0].moving_s
        );
        assert!(near(acts[0].distance_m, run.distance_m(), 15.0), "{format}");
    }
}

#[test]
fn several_activities_in_one_file_each_with_its_kind() {
    let run = Act::run("2026-12-07T07:00:00Z", 25);
    let mut ride = Act::run("2026-12-07T17:00:00Z", 45);
    ride.sport = Some("cycling");
    ride.speed_mps = 7.0;
    for (format, acts) in all_three(&[run, ride]) {
        let kinds: Vec<_> = acts.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            [Some(ActivityKind::Run), Some(ActivityKind::Cycle)],
            "{format}"
        );
        assert!(
            near(acts[1].distance_m, 45.0 * 60.0 * 7.0, 20.0),
            "{format}"
        );
    }
}

#[test]
fn a_run_across_midnight_belongs_to_the_day_it_started() {
    // 23:40 local (+01:00) on the 7th, 40 minutes: it ends on the 8th.
    let mut run = Act::run("2026-12-07T22:40:00Z", 40);
    run.offset = Some(Offset::constant(1));
    let utc = TimeZone::UTC;
    for (format, acts) in all_three(&[run]) {
        let a = &acts[0];
        match format {
            // GPX and TCX write the offset: the file's own local date wins over `utc`.
            "gpx" | "tcx" => assert_eq!(a.local_date(&utc), date(2026, 12, 7), "{format}"),
            // FIT times are UTC: the zone given decides.
            _ => {
                assert_eq!(a.local_date(&utc), date(2026, 12, 7), "{format}");
                let paris = TimeZone::fixed(Offset::constant(2));
                assert_eq!(a.local_date(&paris), date(2026, 12, 8), "{format}");
            }
        }
    }
}

#[test]
fn utc_times_take_the_zone_given() {
    let run = Act::run("2026-12-07T23:30:00Z", 20);
    let acts = parse("a.gpx", gpx(&[run]).as_bytes()).expect("reads");
    let east = TimeZone::fixed(Offset::constant(3));
    assert_eq!(acts[0].local_date(&TimeZone::UTC), date(2026, 12, 7));
    assert_eq!(acts[0].local_date(&east), date(2026, 12, 8));
}

#[test]
fn an_unknown_sport_is_read_but_has_no_kind() {
    let mut other = Act::run("2026-12-07T07:00:00Z", 20);
    other.sport = Some("yoga");
    let acts = parse("a.gpx", gpx(&[other.clone()]).as_bytes()).expect("reads");
    assert_eq!((acts[0].kind, acts[0].sport.as_str()), (None, "yoga"));
    other.sport = None;
    let acts = parse("a.gpx", gpx(&[other]).as_bytes()).expect("reads");
    assert_eq!(acts[0].kind, None);
}

#[test]
fn a_truncated_xml_file_is_refused_with_its_name_and_line() {
    let text = gpx(&[Act::run("2026-12-07T07:00:00Z", 20)]);
    let cut = &text[..text.len() / 2];
    let err = parse("morning.gpx", cut.as_bytes()).expect_err("refused");
    assert_eq!(err.file, "morning.gpx");
    let line = cut.lines().count();
    assert!(err.at.starts_with(&format!("line {line},")), "{err}");
    assert!(err.to_string().contains("cut short"), "{err}");

    let text = tcx(&[Act::run("2026-12-07T07:00:00Z", 20)]);
    let broken = text.replacen("<Time>", "<Time>not-a-time", 3);
    let err = parse("x.tcx", broken.as_bytes()).expect_err("refused");
    assert!(err.message.contains("not a time"), "{err}");
    assert!(err.at.starts_with("line "), "{err}");
    let mismatched = text.replacen("</Lap>", "</Lapp>", 1);
    assert!(parse("x.tcx", mismatched.as_bytes()).is_err());
}

#[test]
fn a_truncated_or_corrupt_fit_file_is_refused() {
    let bytes = fit(&[Act::run("2026-12-07T07:00:00Z", 20)]);
    let cut = &bytes[..bytes.len() - 40];
    let err = parse("watch.fit", cut).expect_err("refused");
    assert_eq!(err.at, format!("byte {}", cut.len()));
    assert!(err.message.contains("cut short"), "{err}");
    let mut flipped = bytes.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x5a;
    let err = parse("watch.fit", &flipped).expect_err("refused");
    assert!(err.to_string().starts_with("watch.fit: byte "), "{err}");
}

#[test]
fn other_bytes_are_not_a_watch_file() {
    let err = parse("notes.txt", b"hello").expect_err("refused");
    assert!(err.message.contains("not a GPX, TCX or FIT"), "{err}");
    let err = parse("evil\u{1b}[2J.gpx", b"hello").expect_err("refused");
    assert!(!err.to_string().contains('\u{1b}'));
}
