//! Headless Chromium prints the HTML follow-up report of a scripted journal: at most two pages,
//! with every section and exercise on them and no browser header or footer; and the figure sheet
//! without them too.
//!
//! Without chromium or the poppler tools the test says why and passes, except under CI=true.
#![allow(clippy::unwrap_used)]

use crate::handover_support;
use crate::print_support;

use std::process::Command;

use rehab_planner::export::Format;
use rehab_planner::handover::{assemble_report, render_report};

/// Prints `html` with Chromium's default header and footer left on, as a browser prints by
/// default; the page count and the text with whitespace collapsed, or None (after saying why)
/// without the tools outside CI.
fn print(html_text: &str) -> Option<(u32, String)> {
    let print_support::Tools {
        chromium,
        pdftotext,
        pdfinfo,
    } = print_support::tools()?;
    let tmp = tempfile::tempdir().unwrap();
    let html = tmp.path().join("report.html");
    let pdf = tmp.path().join("report.pdf");
    std::fs::write(&html, html_text).unwrap();
    print_support::print_to_pdf(&chromium, &html, &pdf, &tmp.path().join("chrome"));
    let info = String::from_utf8(Command::new(pdfinfo).arg(&pdf).output().unwrap().stdout).unwrap();
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let text = Command::new(pdftotext)
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8_lossy(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some((pages, text))
}

#[test]
fn the_html_report_prints_on_one_or_two_pages() {
    let (catalog, profile, journal, today) = handover_support::scripted();
    let report = assemble_report(&catalog, &profile, &journal, today, 4);
    let Some((pages, text)) = print(&render_report(&report, Format::Html, false)) else {
        return;
    };
    assert!((1..=2).contains(&pages), "{pages} pages");
    // The browser's header and footer (the file's path, the date) have no room on the page.
    assert!(!text.contains("file://"), "the report prints its file path");
    for heading in [
        "Follow-up report",
        "Weeks",
        "Pain by day",
        "Red-flag answers",
        "Exit criteria still open",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    for e in &report.exercises {
        assert!(text.contains(&e.name), "{} missing:\n{text}", e.name);
    }
}

/// The figure sheet (`rehab figures --format html`) prints without the browser's file path.
#[test]
fn the_figure_sheet_prints_without_the_browsers_header() {
    let catalog = rehab_planner::catalog::Catalog::builtin().unwrap();
    let entries: Vec<_> = catalog
        .exercises
        .iter()
        .map(|e| (e.name.as_str(), e.id.as_str(), catalog.figure(&e.id)))
        .collect();
    let Some((_, text)) = print(&rehab_planner::figure::svg::contact_sheet(&entries)) else {
        return;
    };
    assert!(
        !text.contains("file://"),
        "the figure sheet prints its file path"
    );
    assert!(text.contains("Exercise figures"), "{text}");
}
