//! The app's whole vocabulary: every key resolves to one of these, and the loop feeds results of
//! effects back as these too.

use std::sync::Arc;

use crate::journal::{JournalState, Record};
use crate::profile::Profile;

/// Something the person asked for, or something the loop reports back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave the app (not from a text field).
    Quit,
    /// Ctrl-C: leave from anywhere. Not remappable.
    ForceQuit,
    Up,
    Down,
    Left,
    Right,
    /// Enter: choose, confirm, open.
    Select,
    /// Esc: go back or close.
    Back,
    NextView,
    PrevView,
    /// The Week view's week before, the week after, and back to this week.
    PrevWeek,
    NextWeek,
    ThisWeek,
    /// Space: tick or untick, or toggle a yes/no or a choice.
    Tick,
    /// Set the sets done of the selected item (a digit key).
    Sets(u32),
    Skip,
    Timer,
    Pain,
    Help,
    /// Start typing a search.
    Search,
    /// Create something (a profile); on the safety questions, "no" and on to the next.
    New,
    /// On the safety questions: "yes" and on to the next.
    Yes,
    /// Edit the selected thing.
    Edit,
    /// Write a file: the open profile's prescription (Profiles) or its follow-up report
    /// (History).
    Write,
    /// Import a prescription file (Profiles).
    Import,
    /// A typed character in a text field.
    Input(char),
    /// Backspace in a text field.
    Erase,
    /// Ctrl-W in a text field: deletes the word before the cursor (and the spaces after it).
    EraseWord,
    /// Ctrl-U in a text field: clears the line before the cursor, as in a shell.
    ClearLine,
    /// Delete in a text field: the character under the cursor.
    Delete,
    /// Home or Ctrl-A in a text field: the cursor to the start.
    LineStart,
    /// End or Ctrl-E in a text field: the cursor to the end.
    LineEnd,
    /// Text pasted into the terminal (bracketed paste), typed into a text field as it is.
    Paste(String),
    /// The terminal changed size; nothing to change in state, only redraw.
    Resize,
    /// One second of a running countdown passed (sent by the loop, which owns the clock).
    TimerTick,
    /// The clock passed midnight while the app was open: today is now this date.
    NewDay(jiff::civil::Date),
    /// An effect failed; the message is shown, nothing else changes.
    Failed(String),
    /// The printable plan was written here.
    Exported(String),
    /// A record is on disk (written by us, or noticed from another process).
    Recorded(Record),
    /// Records written together in one write (an import): applied without a word each, as the
    /// import has said what it did.
    RecordedAll(Vec<Record>),
    /// A change is on disk: the profile as the store wrote it, and the records it added.
    Changed(Box<Profile>, Vec<Record>),
    /// A profile and its journal were (re)loaded, with what the progression worked out before
    /// (opaque: passed back to it, so years of weeks are not walked at every rebuild).
    Loaded(Box<Profile>, Arc<JournalState>, crate::progress::Memo),
    /// The open profile or its journal changed on disk (another session wrote): take them,
    /// staying on this screen.
    ChangedElsewhere(Box<Profile>, Arc<JournalState>),
    /// The names of the profiles in the data folder.
    ProfilesListed(Vec<String>),
    /// A profile or its journal did not load: every write is refused until a restart.
    LoadFailed {
        file: String,
        message: String,
    },
    /// Every profile in the data folder, as the clinician's overview lists them.
    ClinicRows(Vec<crate::handover::ClinicRow>),
    /// A file the app wrote (a prescription, a report) is at this path.
    Written(FileKind, String),
    /// A prescription file's text, read for an import: (the path as typed, its text).
    PrescriptionRead(String, String),
    /// A watch's files read for a runs import (History), with the zone their UTC times are
    /// put on the local day in.
    RunsRead(Vec<crate::runs::FileRead>, jiff::tz::TimeZone),
    /// The runs import field's path, completed (`None`: nothing to add).
    PathCompleted(String, Option<String>),
    /// A prescription was imported as this profile.
    Imported {
        name: String,
        /// An existing profile's plan settings were replaced (its journal and answers kept).
        replaced: bool,
        /// The file's assessment was recorded in the journal.
        assessment: bool,
    },
}

impl Action {
    /// The words in the help overlay and the hint bar.
    pub fn describe(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::ForceQuit => "quit from anywhere",
            Action::Up => "up",
            Action::Down => "down",
            Action::Left => "left / previous day",
            Action::Right => "right / next day",
            Action::Select => "open / choose",
            Action::Back => "back / close",
            Action::NextView => "next view",
            Action::PrevView => "previous view",
            Action::PrevWeek => "week before (Week view)",
            Action::NextWeek => "week after (Week view)",
            Action::ThisWeek => "back to this week (Week view)",
            Action::Tick => "tick / toggle",
            Action::Sets(_) => "sets done (partial)",
            Action::Skip => "skip with a reason",
            Action::Timer => "countdown timer",
            Action::Pain => "log pain",
            Action::Help => "help",
            Action::Search => "search",
            Action::New => "new / no (safety questions)",
            Action::Yes => "yes (safety questions)",
            Action::Edit => "edit",
            Action::Write => "write a prescription / report",
            Action::Import => "import a prescription",
            Action::Input(_) | Action::Erase => "type",
            Action::EraseWord => "delete a word (in a text field)",
            Action::ClearLine => "delete to the start (in a text field)",
            Action::Delete => "delete the character under the cursor (in a text field)",
            Action::LineStart => "cursor to the start (in a text field)",
            Action::LineEnd => "cursor to the end (in a text field)",
            Action::Paste(_) => "paste (in a text field)",
            _ => "",
        }
    }

    /// A short word for the hint bar.
    pub fn hint(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Select => "open",
            Action::Back => "back",
            Action::NextView => "view",
            Action::Tick => "tick",
            Action::Sets(_) => "sets",
            Action::Skip => "skip",
            Action::Timer => "timer",
            Action::Pain => "pain",
            Action::Help => "help",
            Action::Search => "search",
            Action::New => "new",
            Action::Yes => "yes",
            Action::Edit => "edit",
            Action::Write => "write",
            Action::Import => "import",
            Action::Left | Action::Right => "day",
            Action::PrevWeek | Action::NextWeek => "week",
            Action::ThisWeek => "this week",
            Action::Up | Action::Down => "move",
            _ => self.describe(),
        }
    }
}

/// A file the app writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Prescription,
    Report,
}

impl FileKind {
    /// The words for it on the status line.
    pub fn what(self) -> &'static str {
        match self {
            FileKind::Prescription => "prescription",
            FileKind::Report => "follow-up report",
        }
    }
}
