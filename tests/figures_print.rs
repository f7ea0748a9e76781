//! Figures in print: every card of a printed plan shows its exercise's key positions as inline
//! SVG that needs no other file and no colour; the SVG of a few figures is pinned by snapshots.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use rehab_planner::catalog::Catalog;
use rehab_planner::figure::svg;
use scraper::{Html, Selector};

fn select(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn plan_html(condition: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("rehab")
        .unwrap()
        .env("REHAB_DATA_DIR", dir.path())
        .env("REHAB_LIBRARY", dir.path().join("library"))
        .args([
            "plan",
            "--condition",
            condition,
            "--weeks",
            "12",
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_card_in_a_printed_plan_has_its_figure() {
    for condition in rehab_planner::catalog::CONDITION_IDS {
        let doc = Html::parse_document(&plan_html(condition));
        let cards: Vec<_> = doc.select(&select("article.card")).collect();
        assert!(!cards.is_empty(), "{condition}: no cards");
        for card in cards {
            let title: String = card.select(&select("h3")).next().unwrap().text().collect();
            let drawings: Vec<_> = card.select(&select("div.figure figure svg")).collect();
            assert!(!drawings.is_empty(), "{condition}: {title} has no figure");
            let captions = card.select(&select("div.figure figcaption")).count();
            assert_eq!(
                captions,
                drawings.len(),
                "{condition}: {title}: a caption per position"
            );
            for svg in drawings {
                let html = svg.html();
                // Self-contained and greyscale: no links, no images, only black, grey and white.
                assert!(
                    !html.contains("href") && !html.contains("<image"),
                    "{title}"
                );
                for colour in html.split('#').skip(1).map(|c| &c[..c.find('"').unwrap()]) {
                    let c = colour.to_ascii_lowercase();
                    let grey = match c.len() {
                        3 => c[0..1] == c[1..2] && c[1..2] == c[2..3],
                        6 => c[0..2] == c[2..4] && c[2..4] == c[4..6],
                        _ => false,
                    };
                    assert!(grey, "{title}: colour #{c} is not a grey");
                }
                // Legible on A4 and Letter: at least 12 mm high.
                let height: f32 = svg
                    .value()
                    .attr("height")
                    .unwrap()
                    .trim_end_matches("mm")
                    .parse()
                    .unwrap();
                assert!(height >= 12.0, "{title}: {height} mm high");
            }
        }
    }
}

#[test]
fn figure_svg_snapshots() {
    let catalog = Catalog::builtin().unwrap();
    for id in [
        "clamshell",
        "glute-bridge",
        "step-down",
        "terminal-knee-extension",
    ] {
        let f = catalog.figure(id).unwrap();
        insta::assert_snapshot!(format!("svg_{id}"), svg::poses_html(f, 168.0, 36.0));
    }
}

#[test]
fn the_contact_sheet_draws_every_exercise() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("rehab")
        .unwrap()
        .env("REHAB_DATA_DIR", dir.path())
        .env("REHAB_LIBRARY", dir.path().join("library"))
        .args(["figures", "--format", "html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc = Html::parse_document(&String::from_utf8(out.stdout).unwrap());
    let catalog = Catalog::builtin().unwrap();
    let entries: Vec<_> = doc.select(&select("section.entry")).collect();
    assert_eq!(entries.len(), catalog.exercises.len());
    for entry in entries {
        assert!(
            entry.select(&select("svg")).next().is_some(),
            "{}",
            entry.html()
        );
    }
}
