//! Hostile text from a user library file and from the command line: escaped in HTML and
//! Markdown, stripped of control characters everywhere.

use crate::export_support;

use rehab_planner::catalog::SourceText;
use rehab_planner::export::{self, Patient};
use scraper::{Html, Selector};

const EVIL_NAME: &str = "<script>alert(\"x\")</script> & Sons \u{1b}[2J\u{7}\u{9b}31m";

/// A user library file whose exercise names and steps carry markup and terminal escapes.
fn evil_library() -> SourceText {
    let ron = r#"(
    exercises: [(
        id: "fx-evil", name: "NAME", kind: Strength, targets: ["<b>quads</b>"],
        dose: (sets: 2, work: Reps(8), frequency: PerWeek(3), how: Some("<i>5 kg</i> | heavy")),
        steps: ["<img src=x onerror=alert(1)> stand", "sit & rise ESC]0;titleBEL", "[link](http://x) *bold* | pipe"],
        source: "FX-GUIDE", evidence: C, dose_origin: AppDefault,
    )],
    conditions: [(
        id: "fx-evil-knee", name: "Evil & <knee>", aliases: [], summary: "s", where_it_hurts: "w",
        symptoms: [], evidence: "e", red_flags: [], avoid_early: [],
        ceilings: (exercise: 3, running: 2, progress_median: 2), review_week: 6,
        run_guidance: "r <u>", sources: ["FX-GUIDE"],
        phases: [(name: "One </td>", goal: "g", weeks: 2, exercises: [(exercise: "fx-evil")],
            cross_training: [], run: (mode: None, text: "none"), exit_criteria: ["x"])],
    )],
)"#
        .replace("NAME", &EVIL_NAME.replace('"', "\\\""))
        .replace("ESC", "\u{1b}")
        .replace("BEL", "\u{7}");
    SourceText::new("evil.ron", ron)
}

fn evil_input() -> rehab_planner::export::ExportInput {
    let catalog = export_support::catalog_with(&[evil_library()]);
    let mut input = export_support::input_for(&catalog, "fx-evil-knee", 1);
    input.patient = Patient {
        name: Some("Jane \u{1b}[31m<Doe> & co".into()),
        clinician: Some("Dr \u{7}Who".into()),
        clinic: None,
        notes: Some("line one\nline two \u{1b}[2J".into()),
    };
    // The catalog cleans at load; the export must also clean text that did not come from it.
    input.exercises[0]
        .cues
        .push("cue with escape \u{1b}[5m".into());
    input
}

fn has_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n')
}

#[test]
fn html_escapes_markup_and_drops_control_characters() {
    let html = export::html(&evil_input());
    assert!(!has_control(&html), "control characters in HTML");
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script tag got through");
    assert!(!lower.contains("<img"), "an img tag got through");
    assert!(!lower.contains("<b>quads"), "markup got through");
    assert!(html.contains("&lt;script&gt;"));
    assert!(html.contains("&amp; Sons"));
    let doc = Html::parse_document(&html);
    let title: String = doc
        .select(&Selector::parse("article.card h3").expect("selector"))
        .next()
        .expect("a card")
        .text()
        .collect();
    assert!(
        title.contains("<script>alert(\"x\")</script> & Sons [2J31m"),
        "{title}"
    );
    // The grid stays one table even with `</td>` in a phase name.
    assert_eq!(
        doc.select(&Selector::parse("table.grid").expect("selector"))
            .count(),
        1
    );
}

#[test]
fn markdown_escapes_markup_and_drops_control_characters() {
    let md = export::markdown(&evil_input());
    assert!(!has_control(&md));
    assert!(md.contains("\\<script\\>"), "script not escaped");
    assert!(md.contains("\\<img"), "img not escaped");
    // The only raw `<` are our own line breaks and the sources' autolinks.
    for (at, _) in md.match_indices('<') {
        let rest = &md[at..];
        let escaped = md[..at].ends_with('\\');
        assert!(
            escaped || rest.starts_with("<br>") || rest.starts_with("<https://"),
            "raw markup at {}",
            &rest[..rest.len().min(30)]
        );
    }
    assert!(md.contains("\\[link\\](http://x) \\*bold\\* \\| pipe"));
    assert!(md.contains("\\<Doe\\> \\& co"));
    // Every table row keeps its ten cells: a `|` in a name is escaped.
    for line in md
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains("☐") && !l.ends_with("\\_\\_\\_\\_\\_\\_ |"))
    {
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 11, "{line}");
    }
}

#[test]
fn text_drops_control_characters_in_both_modes() {
    for ascii in [false, true] {
        let text = export::text(&evil_input(), ascii);
        assert!(
            !has_control(&text),
            "control characters in text (ascii {ascii})"
        );
        assert!(
            text.contains("<script>alert"),
            "text keeps the words as written"
        );
        assert!(text.contains("line one line two [2J"));
    }
}

#[test]
fn wide_and_long_names_keep_text_within_80_columns() {
    let ron = r#"(
    exercises: [(
        id: "fx-wide", name: "膝のストレッチ体操とても長い名前の運動です本当に長い", kind: Stretch,
        targets: ["knee"], dose: (sets: 1, work: Hold(30), frequency: PerWeek(3)),
        steps: ["一歩目。", "二歩目。", "三歩目。"],
        source: "FX-GUIDE", evidence: C, dose_origin: AppDefault,
    )],
    conditions: [(
        id: "fx-wide-knee", name: "A condition with a name far too long to fit on one line of any printed plan at all",
        aliases: [], summary: "s", where_it_hurts: "w", symptoms: [], evidence: "e", red_flags: [],
        avoid_early: [], ceilings: (exercise: 3, running: 2, progress_median: 2), review_week: 6,
        run_guidance: "r", sources: ["FX-GUIDE"],
        phases: [(name: "One", goal: "g", weeks: 2, exercises: [(exercise: "fx-wide")],
            cross_training: [], run: (mode: None, text: "none"), exit_criteria: ["x"])],
    )],
)"#;
    let catalog = export_support::catalog_with(&[SourceText::new("wide.ron", ron)]);
    let input = export_support::input_for(&catalog, "fx-wide-knee", 2);
    for ascii in [false, true] {
        let text = export::text(&input, ascii);
        for line in text.lines() {
            let width = textwrap::core::display_width(line);
            assert!(width <= export::TEXT_WIDTH, "{width} columns: {line}");
        }
    }
}
