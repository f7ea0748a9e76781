//! Pop-ups: help (generated from the keymap), exercise detail, skip reason, pain, countdown.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::picker::row;
use super::widgets::block;
use crate::catalog::Exercise;
use crate::plan::StepKind;
use crate::tui::action::Action;
use crate::tui::app::overlays_reasons;
use crate::tui::app::{App, Overlay, PainField, PainForm, TimerState};

/// Draws an overlay centred over `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, overlay: &Overlay) {
    let (w, h) = match overlay {
        Overlay::Help => (area.width.saturating_sub(2), 22),
        Overlay::Detail { .. } => (area.width.saturating_sub(2), area.height.saturating_sub(2)),
        Overlay::Skip { .. } => (52, 10),
        Overlay::Pain(_) => (56, 12),
        // With a figure, the countdown draws it moving under the steps.
        Overlay::Timer(t) if app.context().catalog.figure(&t.item).is_some() => (72, 20),
        Overlay::Timer(_) => (64, 10),
        Overlay::Text { lines, .. } => {
            let w = area.width.saturating_sub(8).min(72);
            // Each line wrapped to the box, a border and a closing hint around them.
            let rows: usize = lines
                .iter()
                .map(|l| {
                    Paragraph::new(l.as_str())
                        .wrap(Wrap { trim: true })
                        .line_count(w.saturating_sub(2))
                })
                .sum();
            (w, u16::try_from(rows + lines.len() + 3).unwrap_or(u16::MAX))
        }
    };
    let rect = area.centered(
        ratatui::layout::Constraint::Length(w.min(area.width)),
        ratatui::layout::Constraint::Length(h.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    match overlay {
        Overlay::Help => help(frame, rect, app),
        Overlay::Detail {
            exercise,
            scroll,
            dose,
        } => match app.context().catalog.exercise(exercise) {
            Some(e) => {
                // The item's dose when opened from a day, else the exercise's page as this
                // person reads it (a clinician's change, their pain limits).
                let (e, page_dose, page_origin) = crate::profile::exercise_page(
                    &app.context().catalog,
                    app.loaded().profile.as_ref(),
                    e,
                );
                let (dose, origin) = match dose {
                    Some(d) => (d.0.clone(), d.1.clone()),
                    None => (page_dose, page_origin),
                };
                detail(frame, rect, app, &e, &dose, &origin, *scroll)
            }
            None => frame.render_widget(
                Paragraph::new(format!("`{exercise}` is not in the library."))
                    .block(block(app, "Exercise")),
                rect,
            ),
        },
        Overlay::Skip {
            item,
            selected,
            other,
            ..
        } => skip(frame, rect, app, item, *selected, other.as_ref()),
        Overlay::Pain(form) => pain(frame, rect, app, form),
        Overlay::Timer(timer) => countdown(frame, rect, app, timer),
        Overlay::Text { title, lines } => text(frame, rect, app, title, lines),
    }
}

/// Words to read in full, a blank line between each, wrapped to the box.
fn text(frame: &mut Frame, rect: Rect, app: &App, title: &str, lines: &[String]) {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push(Line::raw(""));
        }
        out.push(Line::raw(crate::text::clean(l).into_owned()));
    }
    let close = app
        .context()
        .keymap
        .key_for(&Action::Back, app.context().theme.ascii);
    out.push(Line::raw(""));
    out.push(Line::styled(
        format!("{close} closes"),
        app.context().theme.dim(),
    ));
    frame.render_widget(
        Paragraph::new(out)
            .wrap(Wrap { trim: true })
            .block(block(app, title)),
        rect,
    );
}

/// ```text
/// +- Keys (Esc closes) ------------------------------------------------+
/// | Everywhere                         | Week view                     |
/// |      ↑ k  up                       |   [ PageUp  week before       |
/// | ...                                | Countdown (t)                 |
/// | Plan items                         |    Space  pause / go on       |
/// |    Space  tick / untick            | ...                           |
/// +--------------------------------------------------------------------+
/// ```
/// Every key comes from the keymap, so a remapped key shows as it is bound.
fn help(frame: &mut Frame, rect: Rect, app: &App) {
    let t = &app.context().theme;
    let sections = help_sections(app);
    let outer = block(app, "Keys (Esc closes)");
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    let [left, right] = inner.layout(&ratatui::layout::Layout::horizontal([
        ratatui::layout::Constraint::Ratio(1, 2),
        ratatui::layout::Constraint::Ratio(1, 2),
    ]));
    let column = |sections: &[HelpSection], width: u16| -> Vec<Line<'static>> {
        let ellipsis = if t.ascii { "..." } else { "…" };
        let mut lines = Vec::new();
        for (i, (title, rows)) in sections.iter().enumerate() {
            if i > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(title.to_string(), t.title()));
            for (keys, what) in rows {
                let keys = super::list_detail::cut(keys, 11, ellipsis);
                let pad = 11usize.saturating_sub(super::list_detail::width_of(&keys));
                let room = usize::from(width).saturating_sub(13);
                lines.push(Line::from(vec![
                    Span::styled(format!("{}{keys}  ", " ".repeat(pad)), t.key()),
                    Span::raw(super::list_detail::cut(what, room, ellipsis)),
                ]));
            }
        }
        lines
    };
    let (first, second) = sections.split_at(2.min(sections.len()));
    frame.render_widget(Paragraph::new(column(first, left.width)), left);
    frame.render_widget(Paragraph::new(column(second, right.width)), right);
}

/// A heading and its rows of (keys, what they do).
type HelpSection = (&'static str, Vec<(String, String)>);

/// The help overlay's sections: keys everywhere, on plan items, in the Week view, in the
/// countdown, in lists. Every key is the one bound now.
pub fn help_sections(app: &App) -> Vec<HelpSection> {
    use crate::tui::keymap::Keymap;
    let ascii = app.context().theme.ascii;
    // All the keys of each bindable action, in the keymap's help order.
    let bound: Vec<(Action, String)> = Keymap::bindable()
        .into_iter()
        .zip(app.context().keymap.help_rows(ascii))
        .map(|(a, (keys, _))| (a, keys))
        .collect();
    let keys = |a: &Action| {
        bound
            .iter()
            .find(|(b, _)| b == a)
            .map_or_else(String::new, |(_, k)| k.clone())
    };
    let rows = |actions: &[(Action, &str)]| -> Vec<(String, String)> {
        actions
            .iter()
            .map(|(a, what)| {
                let what = if what.is_empty() { a.describe() } else { what };
                let k = match a {
                    Action::Sets(_) => "0-9".to_string(),
                    Action::ForceQuit => "^C".to_string(),
                    a => keys(a),
                };
                (k, what.to_string())
            })
            .filter(|(k, _)| !k.is_empty())
            .collect()
    };
    use Action::*;
    vec![
        (
            "Everywhere",
            rows(&[
                (Up, ""),
                (Down, ""),
                (Left, ""),
                (Right, ""),
                (Select, ""),
                (Back, ""),
                (NextView, ""),
                (PrevView, ""),
                (Help, ""),
                (Quit, ""),
                (ForceQuit, ""),
            ]),
        ),
        (
            "Plan items (Today, Week)",
            rows(&[
                (Tick, "tick / untick"),
                (Sets(0), "sets done (partial)"),
                (Skip, ""),
                (Timer, "countdown"),
                (Pain, ""),
                (Edit, "edit the plan settings"),
            ]),
        ),
        (
            "Week view",
            rows(&[
                (PrevWeek, "week before"),
                (NextWeek, "week after"),
                (ThisWeek, "back to this week"),
            ]),
        ),
        (
            "Countdown",
            rows(&[
                (Tick, "pause / go on"),
                (Right, "next step"),
                (Left, "this step again"),
                (Select, "tick it, once finished"),
                (Sets(0), "sets done, then close"),
                (Back, "close"),
            ]),
        ),
        (
            "Safety questions",
            rows(&[(Yes, "yes, then the next"), (New, "no, then the next")]),
        ),
        (
            "Library, Profiles, History",
            rows(&[
                (Search, ""),
                (New, "new"),
                (Write, "write prescription/report"),
                (Import, "import a prescription"),
            ]),
        ),
    ]
}

/// ```text
/// +- Quad set ---------------------------------------+
/// | kind, dose, dose origin                          |
/// | Steps 1. 2. 3.  Cues  Cautions                   |
/// | Progression / regression, source and grade       |
/// +--------------------------------------------------+
/// ```
fn detail(
    frame: &mut Frame,
    rect: Rect,
    app: &App,
    e: &Exercise,
    dose: &crate::catalog::Dose,
    origin: &crate::plan::ItemOrigin,
    scroll: u16,
) {
    let t = &app.context().theme;
    let frame_block = block(app, &e.name);
    let inner = frame_block.inner(rect);
    let (drawing, text_area) = figure_layout(app, e, inner);
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Dose: ", t.title()),
            Span::raw(dose.describe()),
        ]),
        Line::raw(format!(
            "{}; {}; for the {}",
            e.kind.label(),
            origin.describe(),
            e.targets.join(", ")
        )),
    ];
    if !e.equipment.is_empty() {
        let eq: Vec<&str> = e.equipment.iter().map(|q| q.label()).collect();
        lines.push(Line::raw(format!("Equipment: {}", eq.join(", "))));
    }
    let section =
        |lines: &mut Vec<Line>, title: &str, items: &[crate::catalog::Text], numbered: bool| {
            if items.is_empty() {
                return;
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(title.to_string(), t.title()));
            for (i, s) in items.iter().enumerate() {
                let lead = if numbered {
                    format!("{}. ", i + 1)
                } else {
                    "- ".into()
                };
                // Wrapped under the text, not under the number or the dash.
                let width = usize::from(text_area.width);
                lines.extend(
                    super::list_detail::wrap_hanging(&lead, s, width)
                        .into_iter()
                        .map(Line::raw),
                );
            }
        };
    section(&mut lines, "Steps", &e.steps, true);
    section(&mut lines, "Cues", &e.cues, false);
    section(&mut lines, "Cautions", &e.cautions, false);
    let links = [&e.progression, &e.when_easy, &e.regression, &e.when_painful];
    if links.iter().any(|l| l.is_some()) {
        lines.push(Line::raw(""));
        lines.push(Line::styled("When it gets easy / when it hurts", t.title()));
    }
    if let Some(p) = &e.progression {
        lines.push(Line::raw(format!("Harder: {}", app.name_of(p))));
    }
    if let Some(w) = &e.when_easy {
        lines.push(Line::raw(format!("Easy? {w}")));
    }
    if let Some(r) = &e.regression {
        lines.push(Line::raw(format!("Easier: {}", app.name_of(r))));
    }
    if let Some(w) = &e.when_painful {
        lines.push(Line::raw(format!("Hurts? {w}")));
    }
    lines.push(Line::raw(""));
    let source = app
        .context()
        .catalog
        .source(&e.source)
        .map_or(e.source.clone(), |s| {
            format!("{} ({}) {}", s.authors, s.year, s.title).into()
        });
    lines.push(Line::from(vec![
        Span::styled("Source: ", t.title()),
        Span::raw(source),
    ]));
    lines.push(Line::from(vec![
        Span::styled("Evidence: ", t.title()),
        Span::raw(e.evidence.describe()),
    ]));
    frame.render_widget(frame_block, rect);
    if let Some((area, f)) = drawing {
        figure(frame, area, app, f);
    }

    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    // Scrolled no further than the last line needs; the bar sits on the frame's right edge.
    let total = text.line_count(text_area.width);
    let most = u16::try_from(total.saturating_sub(usize::from(text_area.height))).unwrap_or(0);
    let scroll = scroll.min(most);
    app.views().detail_most.set(Some(most));
    frame.render_widget(text.scroll((scroll, 0)), text_area);
    let bar = Rect {
        x: rect.right().saturating_sub(1),
        width: 1,
        ..text_area
    };
    super::widgets::scrollbar_at(frame, bar, app, total, usize::from(scroll));
}

/// Where the figure goes in the detail: tall figures (standing) beside the text at full
/// height, wide ones (lying) above it; none when the exercise has no figure or room is short.
fn figure_layout<'a>(
    app: &'a App,
    e: &Exercise,
    inner: Rect,
) -> (Option<(Rect, &'a crate::figure::Figure)>, Rect) {
    use ratatui::layout::{Constraint, Layout};
    let Some(f) = app.context().catalog.figure(&e.id) else {
        return (None, inner);
    };
    if inner.height < 16 || inner.width < 60 {
        return (None, inner);
    }
    let scene = crate::figure::scene(f);
    let (_, h) = scene.size();
    let total: f32 = scene
        .panels
        .iter()
        .map(|p| p.x_range.1 - p.x_range.0 + 6.0)
        .sum();
    let beside = (total * f32::from(inner.height - 1) * 2.0 / h.max(1.0)).ceil() + 2.0;
    if beside <= f32::from(inner.width) * 0.58 {
        let [left, rest] =
            Layout::horizontal([Constraint::Length(beside as u16), Constraint::Fill(1)])
                .spacing(1)
                .areas(inner);
        (Some((left, f)), rest)
    } else {
        // No taller than the drawing is at the scale the width allows, and its caption.
        let gaps = 6.0 * scene.panels.len().saturating_sub(1) as f32;
        let scale = crate::figure::text::fit(
            scene.total_width() + gaps,
            h,
            usize::from(inner.width.saturating_sub(2)),
            usize::from(FIGURE_ROWS - 1),
        );
        let rows = ((h * scale / 2.0).ceil() as u16 + 1).clamp(2, FIGURE_ROWS);
        let [top, rest] =
            Layout::vertical([Constraint::Length(rows), Constraint::Fill(1)]).areas(inner);
        (Some((top, f)), rest)
    }
}

/// Rows the exercise figure takes at the top of the detail: the drawing and its captions.
const FIGURE_ROWS: u16 = 9;

/// The exercise's key positions side by side: braille dots on a canvas, or plain characters in
/// ASCII mode. Drawn only when the overlay is, so nothing is written while the app is idle.
fn figure(frame: &mut Frame, area: Rect, app: &App, f: &crate::figure::Figure) {
    draw_scene(frame, area, app, f, &crate::figure::scene(f));
}

/// One key position of the figure, drawn over the width all of them span, so the body stays
/// in place from one position to the next while the countdown moves it.
fn pose_scene(f: &crate::figure::Figure, pose: usize) -> crate::figure::Scene {
    let mut scene = crate::figure::scene(f);
    let span = scene
        .panels
        .iter()
        .map(|p| p.x_range)
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let at = pose.min(scene.panels.len().saturating_sub(1));
    if let Some(mut panel) = (at < scene.panels.len()).then(|| scene.panels.swap_remove(at))
        && let Some(span) = span
    {
        panel.x_range = span;
        // The arrow from the position before says where it went; moving, the body says it.
        panel
            .shapes
            .retain(|s| !matches!(s, crate::figure::Shape::Arrow(..)));
        scene.panels = vec![panel];
    }
    scene
}

fn draw_scene(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    f: &crate::figure::Figure,
    scene: &crate::figure::Scene,
) {
    use crate::figure::{Shape, Stroke};
    use ratatui::style::Color;
    use ratatui::symbols::Marker;
    use ratatui::widgets::canvas::{Canvas, Circle, Line as CLine};

    let rows = usize::from(area.height);
    if app.context().theme.ascii {
        let lines: Vec<Line> =
            crate::figure::text::render(scene, usize::from(area.width), rows, true)
                .into_iter()
                .map(|l| Line::raw(format!(" {l}")))
                .collect();
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    // Panels side by side at one scale, a cell being about twice as tall as wide.
    let draw_rows = area.height.saturating_sub(1);
    let (_, h) = scene.size();
    let gap = 6.0;
    let widths: Vec<f32> = scene
        .panels
        .iter()
        .map(|p| p.x_range.1 - p.x_range.0)
        .collect();
    let total: f32 = widths.iter().sum::<f32>() + gap * (widths.len().saturating_sub(1)) as f32;
    let cells_per_cm = crate::figure::text::fit(
        total,
        h,
        usize::from(area.width.saturating_sub(2)),
        usize::from(draw_rows),
    );
    let cols = ((total * cells_per_cm).ceil() as u16).clamp(1, area.width);
    // Only the rows the drawing needs at this scale: the canvas stretches its bounds over
    // whatever it is given, so a spare row would draw the figure taller than it is.
    let draw_rows = ((h * cells_per_cm / 2.0).ceil() as u16).clamp(1, draw_rows);
    let canvas_area = Rect::new(area.x + 1, area.y, cols, draw_rows);
    let (y0, _) = scene.y_range;
    let y1 = y0 + f32::from(draw_rows) * 2.0 / cells_per_cm;
    let x_span = f64::from(cols) / f64::from(cells_per_cm);
    let colour = |s: Stroke| match (app.context().theme.color, s) {
        (true, Stroke::Other | Stroke::Prop | Stroke::Water) => Color::DarkGray,
        _ => Color::Reset,
    };
    let mut offsets = Vec::new();
    let mut at = 0.0f32;
    for w in &widths {
        offsets.push(at);
        at += w + gap;
    }
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds([0.0, x_span])
        .y_bounds([f64::from(y0), f64::from(y1)])
        .paint(|ctx| {
            for (panel, off) in scene.panels.iter().zip(&offsets) {
                let x = |v: f32| f64::from(v - panel.x_range.0 + off);
                for shape in &panel.shapes {
                    match *shape {
                        // A gap where a nearer limb crosses: dots cannot be erased, and the
                        // nearer limb is drawn over it anyway.
                        Shape::Line(_, _, Stroke::Gap) => {}
                        Shape::Line(a, b, st) => ctx.draw(&CLine::new(
                            x(a.x),
                            f64::from(a.y),
                            x(b.x),
                            f64::from(b.y),
                            colour(st),
                        )),
                        Shape::Arrow(a, b) => ctx.draw(&CLine::new(
                            x(a.x),
                            f64::from(a.y) + 6.0,
                            x(b.x),
                            f64::from(b.y) + 6.0,
                            Color::Reset,
                        )),
                        Shape::Circle(c, r, st) => ctx.draw(&Circle {
                            x: x(c.x),
                            y: f64::from(c.y),
                            radius: f64::from(r),
                            color: colour(st),
                        }),
                        Shape::Mark(c, _) => {
                            for r in [1.5, 3.0] {
                                ctx.draw(&Circle {
                                    x: x(c.x),
                                    y: f64::from(c.y),
                                    radius: r,
                                    color: Color::Reset,
                                });
                            }
                        }
                    }
                }
            }
        });
    frame.render_widget(canvas, canvas_area);
    // Each position's name under its drawing.
    let mut caption = String::new();
    for (panel, (off, w)) in scene.panels.iter().zip(offsets.iter().zip(&widths)) {
        let start = (off * cells_per_cm).round() as usize + 1;
        let width = ((w * cells_per_cm).round() as usize).max(1);
        let pad = start.saturating_sub(caption.chars().count());
        caption.push_str(&" ".repeat(pad));
        let name: String = panel.name.chars().take(width).collect();
        caption.push_str(&format!("{name:^width$}"));
    }
    if f.legs == crate::figure::Legs::One && caption.chars().count() + 21 <= usize::from(area.width)
    {
        caption.push_str("  (dot: working knee)");
    }
    let caption: String = caption.chars().take(usize::from(area.width)).collect();
    frame.render_widget(
        Paragraph::new(Line::styled(caption, app.context().theme.dim())),
        Rect::new(area.x, area.y + draw_rows, area.width, 1),
    );
}

fn skip(
    frame: &mut Frame,
    rect: Rect,
    app: &App,
    item: &str,
    selected: usize,
    other: Option<&crate::tui::field::TextField>,
) {
    let t = &app.context().theme;
    let width = usize::from(rect.width.saturating_sub(2));
    let mut lines: Vec<Line> =
        super::list_detail::wrap_hanging("", &format!("Why skip {}?", app.name_of(item)), width)
            .into_iter()
            .map(Line::raw)
            .collect();
    lines.push(Line::raw(""));
    for (i, r) in overlays_reasons().iter().enumerate() {
        lines.push(row(app, i == selected, r.label().to_string()));
    }
    if let Some(text) = other {
        lines.push(Line::raw(""));
        lines.push(text.line("Reason: ", width, t.ellipsis()));
    }
    frame.render_widget(Paragraph::new(lines).block(block(app, "Skip")), rect);
}

/// ```text
/// +- Pain today --------------------------------+
/// | > Pain during exercise (0-10)   < 3 >       |
/// |   Pain next morning (0-10)      < - >       |
/// |   Swelling [ ]  Limp [ ]  Sharp [ ]         |
/// +---------------------------------------------+
/// ```
fn pain(frame: &mut Frame, rect: Rect, app: &App, f: &PainForm) {
    let t = &app.context().theme;
    let mut lines = vec![
        Line::raw(format!("Pain, {} (0 none, 10 worst)", f.date)),
        Line::raw(""),
    ];
    for (i, field) in PainField::ALL.iter().enumerate() {
        let value = match field {
            PainField::During => format!("< {} >", f.during.map_or("-".into(), |v| v.to_string())),
            PainField::Morning => {
                format!("< {} >", f.morning.map_or("-".into(), |v| v.to_string()))
            }
            PainField::Swelling => yes_no(f.swelling),
            PainField::Limp => yes_no(f.limp),
            PainField::Sharp => yes_no(f.sharp),
        };
        lines.push(row(
            app,
            i == f.field,
            format!("{:<30} {value}", field.label()),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Digits or arrows set a score; Enter saves.",
        t.dim(),
    ));
    frame.render_widget(Paragraph::new(lines).block(block(app, "Log pain")), rect);
}

fn yes_no(on: bool) -> String {
    if on {
        "[x] yes".into()
    } else {
        "[ ] no".into()
    }
}

/// ```text
/// +- Countdown ----------------------------------------------+
/// | Quad set                                                  |
/// |                                                           |
/// | set 2 of 3, left side - hold 4 of 10, 10 s       0:07     |
/// | ##########..........                                      |
/// | next: let go, 3 s                                         |
/// |                                                           |
/// | Space pause  -> next step  <- again  Esc close            |
/// +-----------------------------------------------------------+
/// ```
fn countdown(frame: &mut Frame, rect: Rect, app: &App, timer: &TimerState) {
    let t = &app.context().theme;
    let key = |a: Action| app.context().keymap.key_for(&a, t.ascii);
    let mut lines = vec![Line::styled(timer.label.clone(), t.title()), Line::raw("")];
    match timer.step() {
        None => {
            let sets = timer.sets();
            lines.push(Line::styled(
                format!(
                    "Finished: all {sets} set{} done.",
                    if sets == 1 { "" } else { "s" }
                ),
                t.done(),
            ));
            lines.push(Line::raw(format!(
                "{} ticks it; a digit saves fewer sets done.",
                key(Action::Select)
            )));
            lines.push(Line::raw(format!(
                "{} closes without ticking.",
                key(Action::Back)
            )));
        }
        Some(step) => {
            // Getting into position names its own side; the rest say where they are.
            let mut head = String::new();
            if step.kind != StepKind::Ready {
                head = format!("set {} of {}", step.set, step.sets);
                if let Some(side) = step.side {
                    head.push_str(&format!(", {} side", side.label()));
                }
                head.push_str(" - ");
            }
            let paused = if timer.running { "" } else { "  (paused)" };
            lines.push(Line::from(vec![
                Span::raw(head),
                Span::styled(
                    step.text(),
                    if step.is_work() {
                        t.warn()
                    } else {
                        Style::new()
                    },
                ),
                Span::raw(format!(
                    "   {}:{:02}{paused}",
                    timer.left_s / 60,
                    timer.left_s % 60
                )),
            ]));
            let width = (rect.width as usize).saturating_sub(4).min(40);
            let filled = (timer.left_s as usize * width) / step.seconds.max(1) as usize;
            lines.push(Line::styled(
                format!(
                    "{}{}",
                    t.bar_full().repeat(filled.min(width)),
                    t.bar_empty().repeat(width - filled.min(width))
                ),
                t.done(),
            ));
            let next = timer.next_step().map_or("next: the end".to_string(), |n| {
                let side = match (n.side, step.side) {
                    (Some(s), Some(now)) if s != now && n.kind != StepKind::Ready => {
                        format!(" ({} side)", s.label())
                    }
                    _ => String::new(),
                };
                format!("next: {}{side}", n.text())
            });
            lines.push(Line::styled(next, t.dim()));
            lines.push(Line::raw(""));
            // The keys are on the hint bar; here, what the person does.
            let how = match step.kind {
                StepKind::Reps(_) => format!(
                    "Count them at your own pace; {} when the set is done.",
                    key(Action::Right)
                ),
                _ => "The bell rings as each step ends.".to_string(),
            };
            lines.push(Line::styled(how, t.dim()));
        }
    }
    let outer = block(app, "Countdown");
    let inner = outer.inner(rect);
    frame.render_widget(outer, rect);
    // The figure under the words, in the position the countdown is at.
    let text_rows = (lines.len() as u16).min(inner.height);
    let text_cols =
        u16::try_from(lines.iter().map(Line::width).max().unwrap_or(0) + 2).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines),
        Rect::new(inner.x, inner.y, inner.width, text_rows),
    );
    let below = Rect::new(
        inner.x,
        inner.y + text_rows,
        inner.width,
        inner.height - text_rows,
    );
    let Some(f) = app.context().catalog.figure(&timer.item) else {
        return;
    };
    let scene = pose_scene(f, timer.pose(f.positions.len()));
    // Under the words, or (a standing figure is tall) beside them at the full height, where
    // it is drawn larger; none when neither gives it room to be read.
    let beside = Rect::new(
        inner.x + text_cols.min(inner.width),
        inner.y,
        inner.width.saturating_sub(text_cols),
        inner.height,
    );
    let (w, h) = scene.size();
    let scale = |r: Rect| {
        crate::figure::text::fit(
            w,
            h,
            usize::from(r.width.saturating_sub(2)),
            usize::from(r.height.saturating_sub(1)),
        )
    };
    let area = if scale(beside) > scale(below) * 1.15 {
        beside
    } else {
        below
    };
    if (w * scale(area)) as usize >= crate::figure::text::MIN_COLS {
        draw_scene(frame, area, app, f, &scene);
    }
}
