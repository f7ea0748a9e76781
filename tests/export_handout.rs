//! What the printed handout must and must not hold, over the shipped library: no planner note
//! in the patient's part, every condition's education with a source for every statement, the stop
//! box as statements without screening-only items, and sources that stand up (a year or "n.d.",
//! a main link that is not a document mirror).

use crate::export_support;

use rehab_planner::catalog::{About, CONDITION_IDS, Catalog, Equipment, Year};
use rehab_planner::export::{self, ExportInput, Format};
use rehab_planner::plan::{Overrides, build_program};

fn catalog() -> Catalog {
    Catalog::builtin().expect("the built-in library")
}

/// Twelve weeks of a shipped condition with little time and little equipment, so the builder
/// has plenty to say about what did not fit and what was left out.
fn tight_plan(catalog: &Catalog, id: &str) -> ExportInput {
    let condition = catalog.condition(id).expect("a shipped condition");
    let mut settings = export_support::settings();
    settings.minutes = 20;
    settings.equipment = vec![Equipment::Band];
    let program = build_program(catalog, condition, &settings, &Overrides::default(), 12)
        .expect("the plan builds");
    ExportInput::assemble(
        catalog,
        condition,
        program.weeks,
        export_support::PRINTED_ON,
        export_support::patient(),
    )
}

/// Text with markup escapes and line wrapping taken out, so a sentence is found however it was
/// laid out.
fn flat(text: &str) -> String {
    text.replace('\\', "")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// HTML with its tags taken out.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn no_printed_plan_contains_a_planner_note() {
    let catalog = catalog();
    let mut noted = 0;
    for id in CONDITION_IDS {
        let mut input = tight_plan(&catalog, id);
        let notes: Vec<String> = input
            .weeks
            .iter()
            .flat_map(|w| w.notes.iter())
            .filter(|n| !n.starts_with("Walk-run level ") && !n.starts_with("Running: "))
            .map(|n| flat(n))
            .collect();
        noted += notes.len();
        for clinician_note in [true, false] {
            input.options.clinician_note = clinician_note;
            for format in Format::ALL {
                let printed = export::render(&input, format, false);
                let (patient, clinician) = match printed
                    .find("Clinician note")
                    .or_else(|| printed.find("CLINICIAN NOTE"))
                {
                    Some(at) => printed.split_at(at),
                    None => (printed.as_str(), ""),
                };
                assert_eq!(
                    clinician.is_empty(),
                    !clinician_note || notes.is_empty(),
                    "{id} {format:?}: clinician note shown = {clinician_note}"
                );
                let patient = flat(patient);
                for note in &notes {
                    assert!(
                        !patient.contains(note.as_str()),
                        "{id} {format:?}: planner note in the patient's plan: {note}"
                    );
                }
                if clinician_note {
                    let clinician = flat(clinician);
                    for note in &notes {
                        assert!(
                            clinician.contains(note.as_str()),
                            "{id} {format:?}: note missing from the clinician note: {note}"
                        );
                    }
                }
            }
        }
    }
    assert!(
        noted > 0,
        "the tight plans produced no planner notes to look for"
    );
}

/// A plan as assembled (what the app's Export view and `rehab plan` print unless told) has no
/// clinician note in any format, even when the builder had notes to give.
#[test]
fn the_default_handout_has_no_clinician_note() {
    let catalog = catalog();
    for id in CONDITION_IDS {
        let input = tight_plan(&catalog, id);
        assert!(
            !input.clinician_note().is_empty(),
            "{id}: no notes to leave out"
        );
        for format in Format::ALL {
            let printed = export::render(&input, format, false).to_lowercase();
            assert!(
                !printed.contains("clinician note"),
                "{id} {format:?}: the clinician note is printed by default"
            );
        }
    }
}

#[test]
fn every_condition_has_its_education_and_every_statement_names_a_source() {
    let catalog = catalog();
    for id in CONDITION_IDS {
        let education = catalog
            .education(id)
            .expect("education for every condition");
        for about in About::ALL {
            assert!(
                education
                    .topics
                    .iter()
                    .any(|t| t.about == about && !t.says.is_empty()),
                "{id}: nothing on {about:?}"
            );
        }
        let input = tight_plan(&catalog, id);
        let html = flat(&strip_tags(&export::html(&input)));
        // Text wraps at hyphens too: compare it with every space taken out.
        let squeeze = |t: &str| flat(t).replace(' ', "");
        let text = squeeze(&export::text(&input, false));
        assert!(
            html.contains("About your knee"),
            "{id}: no education section"
        );
        let mut words = 0;
        // The statements as printed: their pain limits filled from the plan's ceilings.
        let filled = input.with_limits();
        let education = filled.education.as_ref().expect("education printed");
        assert!(
            education
                .topics
                .iter()
                .flat_map(|t| &t.says)
                .all(|s| !s.text.contains('{')),
            "{id}: a placeholder printed unfilled"
        );
        for t in &education.topics {
            for s in &t.says {
                assert!(!s.sources.is_empty(), "{id}: `{}` names no source", s.text);
                for key in &s.sources {
                    assert!(catalog.source(key).is_some(), "{id}: unknown source {key}");
                    assert!(
                        input.sources.iter().any(|src| src.key == *key),
                        "{id}: {key} is cited but not in the printed source list"
                    );
                }
                let cited = format!("{} [{}]", s.text, s.sources.join(", "));
                assert!(html.contains(&flat(&cited)), "{id}: HTML lacks `{cited}`");
                assert!(
                    text.contains(&squeeze(&cited)),
                    "{id}: text lacks `{cited}`"
                );
                words += s.text.split_whitespace().count();
            }
        }
        // One page or less: about 450 words of statements at most.
        assert!(words <= 450, "{id}: education is {words} words");
        // The checks a clinician ticks: every phase's exit checks and the return-to-run list.
        assert!(html.contains("Return-to-running checks"), "{id}");
        assert!(html.contains("Pass mark"), "{id}");
    }
}

#[test]
fn the_stop_box_speaks_to_the_patient_in_statements() {
    let catalog = catalog();
    for id in CONDITION_IDS {
        let input = tight_plan(&catalog, id);
        for group in input.flag_groups() {
            for line in &group.flags {
                assert!(
                    !line.contains('?'),
                    "{id}: a question in the stop box: {line}"
                );
            }
        }
        for format in Format::ALL {
            let printed = export::render(&input, format, false).to_lowercase();
            assert!(
                !printed.contains("under 16"),
                "{id} {format:?}: age limit printed"
            );
            assert!(
                printed.contains("get care today if the knee is hot, red and swollen"),
                "{id} {format:?}"
            );
        }
    }
}

/// Hosts that copy documents; they may be a second link in a note, never the main one.
const MIRRORS: [&str; 9] = [
    "scribd.com",
    "studylib.net",
    "docslib.org",
    "coek.info",
    "kakbik.info",
    "vdocuments",
    "1library",
    "dokumen.pub",
    "youtube-mirror",
];

#[test]
fn printed_sources_have_a_year_or_nd_and_no_mirror_as_the_main_link() {
    let catalog = catalog();
    for id in CONDITION_IDS {
        let input = tight_plan(&catalog, id);
        let text = export::text(&input, false);
        let sources = &text[text.find("SOURCES").expect("a source list")..];
        let sources = flat(sources);
        for s in &input.sources {
            let host = s
                .url
                .split("://")
                .nth(1)
                .and_then(|rest| rest.split('/').next())
                .unwrap_or("");
            assert!(
                !MIRRORS.iter().any(|m| host.contains(m)),
                "[{}]: main link {} is a document mirror",
                s.key,
                s.url
            );
            assert!(
                s.url.starts_with("https://")
                    || s.url.starts_with("http://")
                    || s.url.starts_with("none"),
                "[{}]: main link `{}`",
                s.key,
                s.url
            );
            let printed_year = match s.year {
                Year::Dated(y) => y.to_string(),
                Year::Undated => {
                    let read = s
                        .read_on
                        .as_deref()
                        .expect("an undated source says when it was read");
                    format!("n.d., read {read}")
                }
            };
            let entry = flat(&format!("[{}] {} ({printed_year}).", s.key, s.authors));
            assert!(sources.contains(&entry), "{id}: `{entry}` is not printed");
        }
    }
}
