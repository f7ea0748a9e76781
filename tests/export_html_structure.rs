//! The HTML parsed back: one grid per week, a tick box per prescribed session, a card per
//! exercise, nothing that runs or fetches.

use crate::export_support;

use std::collections::BTreeSet;

use rehab_planner::export;
use scraper::{Html, Selector};

fn select(selector: &str) -> Selector {
    Selector::parse(selector).expect("a valid selector")
}

#[test]
fn one_grid_per_week_with_a_box_per_session() {
    for weeks in [1, 3, 5] {
        let input = export_support::input(weeks);
        let doc = Html::parse_document(&export::html(&input));
        let grids: Vec<_> = doc.select(&select("section.week")).collect();
        assert_eq!(grids.len(), weeks as usize, "grids for {weeks} weeks");
        for (grid, week) in grids.iter().zip(&input.weeks) {
            assert_eq!(
                grid.value().attr("data-week"),
                Some(week.state.week.to_string().as_str())
            );
            let prescribed: u32 = week
                .days
                .iter()
                .flat_map(|d| &d.items)
                .map(|i| i.sessions)
                .sum();
            let boxes = grid.select(&select("span.box")).count() as u32;
            assert_eq!(boxes, prescribed, "tick boxes in week {}", week.state.week);
            // Day by day: column d of the grid holds that day's sessions.
            for (d, day) in week.days.iter().enumerate() {
                let wanted: u32 = day.items.iter().map(|i| i.sessions).sum();
                let got: usize = grid
                    .select(&select("tr.exercise"))
                    .filter_map(|row| row.select(&select("td.day")).nth(d))
                    .map(|cell| cell.select(&select("span.box")).count())
                    .sum();
                assert_eq!(got as u32, wanted, "week {} day {d}", week.state.week);
            }
            let pain_rows = grid.select(&select("tfoot tr.pain")).count();
            assert_eq!(pain_rows, 2, "pain during and next-morning rows");
        }
    }
}

#[test]
fn twice_daily_items_get_two_boxes() {
    let input = export_support::input(1);
    let doc = Html::parse_document(&export::html(&input));
    let row = doc
        .select(&select("tr.exercise"))
        .find(|r| r.text().any(|t| t.contains("Wall-sit hold")))
        .expect("the twice-daily row");
    let per_day: Vec<usize> = row
        .select(&select("td.day"))
        .map(|c| c.select(&select("span.box")).count())
        .collect();
    assert!(per_day.contains(&2), "{per_day:?}");
    assert!(per_day.iter().all(|&n| n == 0 || n == 2), "{per_day:?}");
}

#[test]
fn a_card_per_exercise_with_steps_and_source() {
    let input = export_support::input(3);
    let scheduled: BTreeSet<&str> = input
        .weeks
        .iter()
        .flat_map(|w| &w.days)
        .flat_map(|d| &d.items)
        .map(|i| i.exercise.as_str())
        .collect();
    let doc = Html::parse_document(&export::html(&input));
    let cards: Vec<_> = doc.select(&select("article.card")).collect();
    assert_eq!(cards.len(), scheduled.len());
    let mut titles = BTreeSet::new();
    for card in &cards {
        let title: String = card
            .select(&select("h3"))
            .next()
            .expect("a title")
            .text()
            .collect();
        titles.insert(title);
        assert!(card.select(&select("ol.steps li")).count() >= 3);
        let source: String = card
            .select(&select("p.source"))
            .flat_map(|p| p.text())
            .collect();
        assert!(source.contains("Evidence grade"), "{source}");
    }
    for id in scheduled {
        let name = &input
            .exercises
            .iter()
            .find(|e| e.id == id)
            .expect("on a card")
            .name;
        assert!(titles.iter().any(|t| t.contains(name.as_str())), "{name}");
    }
    let defaults = doc
        .select(&select("article.card .origin"))
        .filter(|o| o.text().any(|t| t.contains("our default dose")))
        .count();
    let app_default = input
        .exercises
        .iter()
        .filter(|e| e.dose_origin == rehab_planner::catalog::DoseOrigin::AppDefault)
        .count();
    assert_eq!(defaults, app_default);
}

#[test]
fn self_contained_no_scripts_no_fetches() {
    let html = export::html(&export_support::input_with_history());
    let doc = Html::parse_document(&html);
    for tag in ["script", "link", "img", "iframe", "object", "embed"] {
        assert_eq!(doc.select(&select(tag)).count(), 0, "<{tag}> found");
    }
    let references: Vec<_> = doc.select(&select("[src], [href]")).collect();
    assert!(references.is_empty(), "external references: {references:?}");
    assert!(!html.contains("@import") && !html.contains("url("));
    assert!(html.contains("@media print"));
    assert_eq!(doc.select(&select("section.stop li")).count(), 2);
    assert_eq!(doc.select(&select("figure.pain-chart svg")).count(), 1);
    assert_eq!(doc.select(&select("table.adherence tbody tr")).count(), 2);
}
