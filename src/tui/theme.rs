//! Colour, NO_COLOR and ASCII symbol sets. State is always carried by a symbol or by bold /
//! reverse as well, so nothing depends on colour alone.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// Whether the terminal named by `term` (`$TERM`) and `colorterm` (`$COLORTERM`) shows the
/// colour codes the app writes. The terminal library writes every colour, even the basic
/// eight, as a 256-colour code (`ESC[38;5;Nm`), so a terminal that does not claim 256 colours
/// (`linux`, `vt100`, `xterm`, `screen`, `ansi`) gets none: state is carried by symbols, bold
/// and reverse as well, so nothing is lost but the tint.
pub fn shows_colour(term: Option<&str>, colorterm: Option<&str>) -> bool {
    if colorterm.is_some_and(|c| matches!(c, "truecolor" | "24bit")) {
        return true;
    }
    let Some(term) = term else {
        return false;
    };
    ["256color", "256colour", "direct", "truecolor"]
        .iter()
        .any(|tag| term.contains(tag))
        || [
            "alacritty",
            "xterm-kitty",
            "wezterm",
            "foot",
            "xterm-ghostty",
            "contour",
        ]
        .iter()
        .any(|name| term.starts_with(name))
}

/// Whether `TERM` says the terminal cannot draw a full screen at all (`dumb`, or empty).
pub fn is_dumb(term: Option<&str>) -> bool {
    term.is_some_and(|t| t.trim().is_empty() || t == "dumb")
}

/// How the app draws: colours or not, Unicode or ASCII.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub ascii: bool,
}

impl Theme {
    /// A theme; `color` false for NO_COLOR, `ascii` true for ASCII-only output.
    pub fn new(color: bool, ascii: bool) -> Theme {
        Theme { color, ascii }
    }

    /// A theme for this terminal: colour only when asked for (`color`) and the terminal shows
    /// it (see [`shows_colour`]).
    pub fn for_terminal(color: bool, ascii: bool) -> Theme {
        let term = std::env::var("TERM").ok();
        let colorterm = std::env::var("COLORTERM").ok();
        Theme::new(
            color && shows_colour(term.as_deref(), colorterm.as_deref()),
            ascii,
        )
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Box borders: rounded, or `+ - |`.
    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::ROUNDED
        }
    }

    /// The selected row: reversed, which survives NO_COLOR.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Titles and headings.
    pub fn title(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Done items and good news.
    pub fn done(&self) -> Style {
        self.fg(Color::Green)
    }

    /// Partly done items.
    pub fn partial(&self) -> Style {
        self.fg(Color::Yellow)
    }

    /// Skipped items.
    pub fn skipped(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// Secondary text.
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Advice and cautions.
    pub fn warn(&self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Errors and stop / block messages.
    pub fn danger(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Key names in hints and help.
    pub fn key(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// Today, in calendars.
    pub fn today(&self) -> Style {
        self.fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Item states: done, partly done, skipped, not yet.
    pub fn tick_done(&self) -> &'static str {
        if self.ascii { "[x]" } else { "[✓]" }
    }
    /// The mark of a partly done item.
    pub fn tick_partial(&self) -> &'static str {
        if self.ascii { "[~]" } else { "[◐]" }
    }
    /// The mark of a skipped item.
    pub fn tick_skipped(&self) -> &'static str {
        if self.ascii { "[-]" } else { "[–]" }
    }
    /// The mark of an item not yet done.
    pub fn tick_open(&self) -> &'static str {
        "[ ]"
    }

    /// A radio button, chosen or not.
    pub fn radio(&self, on: bool) -> &'static str {
        match (on, self.ascii) {
            (true, true) => "(*)",
            (true, false) => "(●)",
            (false, _) => "( )",
        }
    }

    /// The pointer before the selected row.
    /// Where text goes on out of view.
    pub fn ellipsis(&self) -> &'static str {
        if self.ascii { "..." } else { "…" }
    }

    pub fn pointer(&self) -> &'static str {
        if self.ascii { ">" } else { "›" }
    }

    /// A filled cell of a progress bar.
    pub fn bar_full(&self) -> &'static str {
        if self.ascii { "#" } else { "█" }
    }
    /// An empty cell of a progress bar.
    pub fn bar_empty(&self) -> &'static str {
        if self.ascii { "." } else { "░" }
    }

    /// Heatmap cells by share done: none planned, 0, <50%, <100%, 100%.
    pub fn heat(&self, share: Option<f32>) -> &'static str {
        match (share, self.ascii) {
            (None, _) => " ",
            (Some(s), true) if s <= 0.0 => ".",
            (Some(s), true) if s < 0.5 => "-",
            (Some(s), true) if s < 1.0 => "+",
            (Some(_), true) => "#",
            (Some(s), false) if s <= 0.0 => "·",
            (Some(s), false) if s < 0.5 => "░",
            (Some(s), false) if s < 1.0 => "▒",
            (Some(_), false) => "█",
        }
    }

    /// The sign before a warning.
    pub fn warn_sign(&self) -> &'static str {
        if self.ascii { "!" } else { "⚠" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_what_the_terminal_claims() {
        for term in [
            "xterm-256color",
            "screen-256color",
            "tmux-256color",
            "xterm-direct",
        ] {
            assert!(shows_colour(Some(term), None), "{term}");
        }
        for term in [
            "linux", "vt100", "vt220", "xterm", "screen", "ansi", "dumb", "",
        ] {
            assert!(!shows_colour(Some(term), None), "{term}");
        }
        assert!(!shows_colour(None, None));
        assert!(shows_colour(Some("xterm"), Some("truecolor")));
        assert!(is_dumb(Some("dumb")) && is_dumb(Some("")));
        assert!(!is_dumb(Some("vt100")) && !is_dumb(None));
    }
}
