//! Headless Chromium prints the HTML plan at A4 and at US Letter with its default header and
//! footer left on, as a browser prints by default; `pdftotext` then shows every exercise name, no
//! `file://` path or time stamp (the plan leaves no room for them), no card or week grid running
//! over a page break, and the one-page sheet on one page.
//!
//! Without chromium or pdftotext the test says why and passes, except under CI=true where the
//! tools are installed by `.ci/run` and their absence is a failure.

use crate::export_support;
use crate::print_support;

use std::path::Path;
use std::process::Command;

use rehab_planner::export::{self, ExportInput, Paper};

use print_support::{print_to_pdf, tools};

/// The PDF's text, one entry per page, whitespace collapsed so wrapped names still match.
fn pages(pdftotext: &Path, pdf: &Path) -> Vec<String> {
    let out = Command::new(pdftotext)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(|page| page.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|page| !page.is_empty())
        .collect()
}

/// Pages on which `needle` appears, in order, once per appearance.
fn pages_of(pages: &[String], needle: &str) -> Vec<usize> {
    pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| std::iter::repeat_n(i + 1, p.matches(needle).count()))
        .collect()
}

/// Whether `text` holds what Chromium's default header prints: a date such as `11/29/26,` or a
/// clock time such as `5:34 PM`.
fn has_time(text: &str) -> bool {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| {
        let time = digit(i)
            && b[i + 1..].starts_with(b":")
            && digit(i + 2)
            && digit(i + 3)
            && (b[i + 4..].starts_with(b" AM") || b[i + 4..].starts_with(b" PM"));
        // "11/29/26," : a two-digit year after a slash, then a comma, a month/day before it.
        let date = b[i] == b'/'
            && digit(i + 1)
            && digit(i + 2)
            && b[i + 3..].starts_with(b",")
            && b[i.saturating_sub(3)..i].contains(&b'/');
        time || date
    })
}

/// Prints `input` and returns its pages, after checking the paper size and that the browser's
/// header and footer are not on them.
fn printed(input: &ExportInput, paper: Paper, size: &str) -> Option<Vec<String>> {
    let print_support::Tools {
        chromium,
        pdftotext,
        pdfinfo,
    } = tools()?;
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("plan.html");
    let pdf = dir.path().join("plan.pdf");
    std::fs::write(&html, export::html_for_paper(input, Some(paper))).expect("write html");
    print_to_pdf(&chromium, &html, &pdf, &dir.path().join("profile"));
    // To look at the pages: REHAB_PRINT_KEEP=DIR keeps the PDFs (`pdftoppm -png` them).
    if let Some(keep) = std::env::var_os("REHAB_PRINT_KEEP") {
        let to = Path::new(&keep).join(format!("plan-{paper:?}.pdf"));
        std::fs::copy(&pdf, &to).expect("keep the PDF");
    }

    let info = Command::new(pdfinfo)
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(
        info.contains(size),
        "{paper:?}: page size is not {size}:\n{info}"
    );

    let pages = pages(&pdftotext, &pdf);
    for (n, page) in pages.iter().enumerate() {
        assert!(
            !page.contains("file://"),
            "{paper:?}: page {} shows the browser's file path",
            n + 1
        );
        assert!(
            !has_time(page),
            "{paper:?}: page {} shows a time stamp: {page}",
            n + 1
        );
    }
    Some(pages)
}

fn check(input: &ExportInput, paper: Paper, size: &str) {
    if let Some(pages) = printed(input, paper, size) {
        check_pages(input, paper, pages);
    }
}

/// No card or week grid of `input` runs over a page break on the printed `pages`.
fn check_pages(input: &ExportInput, paper: Paper, pages: Vec<String>) {
    // The clinician note, on its own last pages, names weeks too.
    let pages: Vec<String> = pages
        .into_iter()
        .take_while(|p| !p.starts_with("Clinician note"))
        .collect();
    let all = pages.join(" ");
    for (i, e) in input.exercises.iter().enumerate() {
        let n = i + 1;
        assert!(
            all.contains(e.name.as_str()),
            "{paper:?}: `{}` is not in the PDF",
            e.name
        );
        let start = pages_of(&pages, &format!("Card {n}: "));
        let end = pages_of(&pages, &format!("Source for card {n}: "));
        assert_eq!(start.len(), 1, "{paper:?}: card {n} title found {start:?}");
        assert_eq!(start, end, "{paper:?}: card {n} is split across pages");
    }
    let titles: Vec<usize> = input
        .weeks
        .iter()
        .flat_map(|w| pages_of(&pages, &format!("Week {}: ", w.state.week)))
        .collect();
    let last_rows = pages_of(&pages, "Next-morning pain (0-10)");
    assert_eq!(
        titles.len(),
        input.weeks.len(),
        "{paper:?}: week titles {titles:?}"
    );
    assert_eq!(
        titles, last_rows,
        "{paper:?}: a week grid is split across pages"
    );
}

#[test]
fn prints_on_a4_without_splitting_cards_or_grids() {
    check(&export_support::input_with_history(), Paper::A4, "pts (A4)");
}

#[test]
fn prints_on_letter_without_splitting_cards_or_grids() {
    check(
        &export_support::input(5),
        Paper::Letter,
        "612 x 792 pts (letter)",
    );
}

/// The shipped library's own plans, four weeks of each condition, alternating the paper.
#[test]
fn prints_the_shipped_library_without_splitting_cards_or_grids() {
    let catalog = rehab_planner::catalog::Catalog::builtin().expect("the built-in library");
    for (i, id) in rehab_planner::catalog::CONDITION_IDS.iter().enumerate() {
        let condition = catalog.condition(id).expect("a shipped condition");
        let mut settings = export_support::settings();
        settings.equipment = vec![
            rehab_planner::catalog::Equipment::Band,
            rehab_planner::catalog::Equipment::Step,
        ];
        let program = rehab_planner::plan::build_program(
            &catalog,
            condition,
            &settings,
            &rehab_planner::plan::Overrides::default(),
            4,
        )
        .expect("the plan builds");
        let input = ExportInput::assemble(
            &catalog,
            condition,
            program.weeks,
            export_support::PRINTED_ON,
            rehab_planner::export::Patient::default(),
        );
        if i % 2 == 0 {
            check(&input, Paper::A4, "pts (A4)");
        } else {
            check(&input, Paper::Letter, "612 x 792 pts (letter)");
        }
    }
}

/// The one-page sheet of each shipped condition's first week fits one page on A4 and on Letter.
#[test]
fn the_sheet_is_one_page_on_a4_and_letter() {
    let catalog = rehab_planner::catalog::Catalog::builtin().expect("the built-in library");
    for id in rehab_planner::catalog::CONDITION_IDS {
        let condition = catalog.condition(id).expect("a shipped condition");
        let program = rehab_planner::plan::build_program(
            &catalog,
            condition,
            &export_support::settings(),
            &rehab_planner::plan::Overrides::default(),
            1,
        )
        .expect("the plan builds");
        let mut input = ExportInput::assemble(
            &catalog,
            condition,
            program.weeks,
            export_support::PRINTED_ON,
            export_support::patient(),
        );
        input.options.sheet = true;
        for (paper, size) in [
            (Paper::A4, "pts (A4)"),
            (Paper::Letter, "612 x 792 pts (letter)"),
        ] {
            let Some(pages) = printed(&input, paper, size) else {
                return;
            };
            assert_eq!(
                pages.len(),
                1,
                "{id} {paper:?}: the sheet has {} pages",
                pages.len()
            );
            let page = &pages[0];
            for needle in [
                "Week 1: ",
                "Pain rules",
                "STOP AND CALL",
                "Next-morning pain",
            ] {
                assert!(
                    page.to_uppercase().contains(&needle.to_uppercase()),
                    "{id} {paper:?}: no `{needle}`"
                );
            }
        }
    }
}

#[test]
fn the_header_check_knows_chromiums_header_from_plan_text() {
    assert!(has_time("11/29/26, 5:34 PM file:///tmp/plan.html"));
    assert!(has_time("Date 11/29/26, then"));
    assert!(!has_time("American Family Physician 99(2):88-94"));
    assert!(!has_time(
        "https://example.org/2014/06/05/ask pain 3/10, 2/10"
    ));
}

/// The most pages a 4-week handout may take (issue 29): a physiotherapist hands over a few
/// pages, not twenty.
const MAX_HANDOUT_PAGES: usize = 6;

/// Every shipped condition's 4-week handout at the default settings (as `rehab plan
/// --condition ID --weeks 4` prints it) fits the page ceiling on A4 and on Letter, splits no
/// card or week grid, and carries none of the clinician note.
#[test]
fn a_four_week_handout_fits_six_pages_without_the_clinician_note() {
    let catalog = rehab_planner::catalog::Catalog::builtin().expect("the built-in library");
    for id in rehab_planner::catalog::CONDITION_IDS {
        let condition = catalog.condition(id).expect("a shipped condition");
        let settings = rehab_planner::plan::Settings::new(export_support::settings().start);
        let program = rehab_planner::plan::build_program(
            &catalog,
            condition,
            &settings,
            &rehab_planner::plan::Overrides::default(),
            4,
        )
        .expect("the plan builds");
        let input = ExportInput::assemble(
            &catalog,
            condition,
            program.weeks,
            export_support::PRINTED_ON,
            export_support::patient(),
        );
        // The builder's notes that the clinician note would carry; none may reach the paper.
        let notes: Vec<String> = input
            .clinician_note()
            .iter()
            .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        for (paper, size) in [
            (Paper::A4, "pts (A4)"),
            (Paper::Letter, "612 x 792 pts (letter)"),
        ] {
            let Some(pages) = printed(&input, paper, size) else {
                return;
            };
            assert!(
                pages.len() <= MAX_HANDOUT_PAGES,
                "{id} {paper:?}: {} pages, more than {MAX_HANDOUT_PAGES}",
                pages.len()
            );
            let all = pages.join(" ");
            assert!(
                !all.contains("Clinician note"),
                "{id} {paper:?}: the clinician note is printed"
            );
            for note in &notes {
                // The note's own words, less its "Weeks 1-4: " lead.
                let words = note.split_once(": ").map_or(note.as_str(), |(_, w)| w);
                assert!(
                    !all.contains(words),
                    "{id} {paper:?}: a planner note is printed: {words}"
                );
            }
            check_pages(&input, paper, pages);
        }
    }
}
