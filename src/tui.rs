//! The full-screen app. This file is the loop: the only place that reads the terminal and
//! performs effects. Keys become actions in the keymap, actions become effects in `App::update`
//! (pure), effects are performed here, and their results return as actions.
//!
//! ```text
//! stdin bytes -> input::parse_keys -> keymap.resolve -> Action -> app.update -> Vec<Effect>
//!             (a paste -> Action::Paste, in a text field only)
//! Effect::Append -> journal append + fsync -> Action::Recorded -> redraw
//! ```

pub mod action;
pub mod app;
pub mod disk;
pub mod field;
pub mod input;
pub mod keymap;
pub mod screens;
pub mod theme;
pub mod ui;

use std::io::{BufWriter, Read, Stdout};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use ratatui::crossterm::event::KeyEvent;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;

use crate::context::{Ctx, Failure, Global, finish};
use crate::store::{OpenProfile, StoreError};
use action::Action;
use app::{App, Effect};
use disk::Disk;
use keymap::Keymap;
use theme::Theme;

/// What wakes the loop.
enum Wake {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    Resize,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT.
    Signal(i32),
    /// SIGTSTP: stop as a terminal program does.
    Suspend,
    /// Standard input ended or failed: the terminal is gone.
    HungUp,
}

/// What is wrong with a key file's text, one problem a line, each starting "LINE:COLUMN:":
/// the file does not load, or a key is given to two actions. Empty when it is fine. For
/// `rehab doctor`, which asks here rather than reaching into the keymap: the command line sits
/// below the app and may use only this top level of it.
pub fn key_file_problems(text: &str) -> Vec<String> {
    match Keymap::with_overrides_checked(text) {
        Ok((_, conflicts)) => conflicts,
        Err(e) => vec![e],
    }
}

/// Opens the app for the profile in `global`, on `today`. Returns the exit status.
pub fn run(global: &Global, today: Date) -> ExitCode {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return finish(Err(Failure::usage(
            "the full-screen app needs a terminal; the subcommands work without one (see `rehab --help`)",
        )));
    }
    if theme::is_dumb(std::env::var("TERM").ok().as_deref()) {
        return finish(Err(Failure::usage(
            "this terminal (TERM=dumb) cannot show the full-screen app, which needs a terminal \
             that can move the cursor; run it in a full-screen terminal (set TERM, like \
             TERM=xterm), or use the subcommands, which work here (see `rehab --help`)",
        )));
    }
    if let Err(f) = crate::context::clock_is_plausible(today) {
        return finish(Err(f));
    }
    // A year of journal is thousands of lines: read it on the second core while the library
    // parses, so the first frame comes sooner.
    let opening = {
        let paths = match crate::context::session_paths(global) {
            Ok((paths, _)) => paths,
            Err(f) => return finish(Err(f)),
        };
        let name = global.profile.clone();
        std::thread::spawn(move || OpenProfile::open(&paths, &name))
    };
    let ctx = match Ctx::load(global, today) {
        Ok(ctx) => ctx,
        Err(f) => return finish(Err(f)),
    };
    ctx.warn_library_problems();
    let keymap = match load_keymap(&ctx) {
        Ok(k) => k,
        Err(f) => return finish(Err(f)),
    };
    let theme = Theme::for_terminal(ctx.color, ctx.ascii);
    let catalog = std::sync::Arc::new(ctx.catalog);
    let mut disk = Disk::new(ctx.paths.clone(), catalog.clone()).locked(ctx.lock.clone());
    let mut app = App::new(catalog, keymap, theme, today, ctx.profile);
    if let Some(lock) = ctx.lock.clone() {
        app = app.with_lock(lock);
    }
    // Signals are caught from here on; the threads that wait on them and on keys start once the
    // first frame is out (a key pressed meanwhile waits in the terminal).
    // SIGTSTP (a `kill -TSTP`, or ^Z where the terminal sends it) is caught too, so the app can
    // put the terminal back before it stops.
    let signals = match Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH, SIGTSTP]) {
        Ok(signals) => signals,
        Err(e) => return finish(Err(Failure::data(format!("cannot watch for signals: {e}")))),
    };
    let mut terminal = match open_terminal() {
        Ok(t) => t,
        Err(e) => {
            restore_terminal();
            let message = format!(
                "cannot open the full-screen app here ({e}); the subcommands work without a terminal, see `rehab --help`"
            );
            return finish(Err(Failure::data(message)));
        }
    };
    // Everything that does not need the journal is done by now, the terminal included.
    let opened = opening.join().unwrap_or_else(|_| {
        Err(StoreError::Invalid(
            "the profile could not be read (the reader stopped)".into(),
        ))
    });
    for action in disk.open_at_start(&app.loaded().profile_name, opened) {
        // Loading asks nothing of the disk today; an effect it did ask would be performed.
        for effect in app.update(action) {
            disk.perform(effect);
        }
    }

    let outcome = event_loop(
        &mut terminal,
        &mut app,
        &mut disk,
        signals,
        global.today.is_some(),
    );
    // Whatever the buffer still holds goes out before the terminal is given back.
    drop(terminal);
    restore_terminal();
    match outcome {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(signal)) => ExitCode::from(128u8.saturating_add(signal as u8)),
        Err(e) => finish(Err(Failure::data(format!("terminal error: {e}")))),
    }
}

/// The keymap with the user's partial file laid over it; a bad file is an error naming it, and
/// a conflict it settled (a key given to two actions) is a warning naming its place. The file
/// is read by the store's rule: a regular file (or a link to one) of at most 64 KiB.
fn load_keymap(ctx: &Ctx) -> Result<Keymap, Failure> {
    let path = ctx.paths.keymap_file();
    let shown = crate::text::path(&path);
    match crate::store::files::read_text(&path, crate::store::files::Limit::Keymap) {
        Ok(Some(text)) => {
            let (map, conflicts) = Keymap::with_overrides_checked(&text)
                .map_err(|e| Failure::data(format!("{shown}:{e}")))?;
            for conflict in conflicts {
                crate::context::warn(&format!("{shown}:{conflict}"));
            }
            Ok(map)
        }
        Ok(None) => Ok(Keymap::default()),
        Err(e) => Err(Failure::data(format!(
            "cannot read {shown}: {}",
            crate::store::describe_io(&e)
        ))),
    }
}

/// The app's terminal: its output goes through one buffer, so a frame leaves in one write
/// (standard output alone sends it in 1 KiB pieces).
type AppTerminal = ratatui::Terminal<ratatui::backend::CrosstermBackend<BufWriter<Stdout>>>;

/// Raw mode and the alternate screen, as `ratatui::try_init` sets them, and bracketed paste
/// (so a pasted line arrives as text, its line break not pressing Enter), with a panic hook
/// that restores the terminal before the panic message prints.
fn open_terminal() -> std::io::Result<AppTerminal> {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        report(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen,
        ratatui::crossterm::event::EnableBracketedPaste
    )?;
    let out = BufWriter::with_capacity(64 * 1024, std::io::stdout());
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(out))
}

/// Gives the terminal back as it was: `ratatui::restore` does not know about bracketed paste,
/// which left on would wrap the shell's next paste in markers.
fn restore_terminal() {
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
}

fn spawn_signal_thread(mut signals: Signals, tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let wake = match signal {
                SIGWINCH => Wake::Resize,
                SIGTSTP => Wake::Suspend,
                _ => Wake::Signal(signal),
            };
            if tx.send(wake).is_err() {
                break;
            }
        }
    });
}

/// Reads standard input until it ends; end-of-file or an error (a dropped SSH link) is reported
/// once and the thread stops, so nothing spins.
fn spawn_input_thread(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || read_input(std::io::stdin(), &tx));
}

/// Turns bytes into key wakes until the input ends, then reports the hang-up once and returns.
fn read_input(input: impl Read + Send, tx: &mpsc::Sender<Wake>) {
    use ratatui::crossterm::event::Event;
    input::read_keys(input, |event| match event {
        Event::Key(key) => tx.send(Wake::Key(key)).is_ok(),
        Event::Paste(text) => tx.send(Wake::Paste(text)).is_ok(),
        _ => true,
    });
    let _ = tx.send(Wake::HungUp);
}

/// Draws the first frame, starts the threads that wait on keys and `signals`, and runs until
/// quit; `Some(signal)` when a signal ended it. `pinned` is true when the date was given on the
/// command line; otherwise the app follows the clock past midnight.
fn event_loop(
    terminal: &mut AppTerminal,
    app: &mut App,
    disk: &mut Disk,
    signals: Signals,
    pinned: bool,
) -> std::io::Result<Option<i32>> {
    terminal.draw(|f| ui::render(f, app))?;
    // Once the first frame is up: the progression's memo the app worked out goes beside the
    // journal for the next start (the disk writes it only when it changed).
    disk.keep_memo(&app.loaded().memo);
    let (tx, rx) = mpsc::channel();
    spawn_signal_thread(signals, tx.clone());
    spawn_input_thread(tx);
    let mut next_tick: Option<Instant> = None;
    // The second of two keys read as one (an unbound Alt key: Esc, then the key), handled
    // after the first has acted, as if it came next.
    let mut replay: Option<KeyEvent> = None;
    loop {
        // Idle means blocked here: no timeout unless a countdown runs, and one wake at midnight
        // so an app left open turns to the new day.
        let midnight = if pinned { None } else { next_midnight() };
        let wake_at = next_tick.into_iter().chain(midnight).min();
        let wake = match replay.take() {
            Some(key) => Some(Wake::Key(key)),
            None => match wake_at {
                Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                    Ok(w) => Some(w),
                    Err(mpsc::RecvTimeoutError::Timeout) => None,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
                },
                None => match rx.recv() {
                    Ok(w) => Some(w),
                    Err(_) => return Ok(None),
                },
            },
        };
        let mut pending = Vec::new();
        // Before a key is acted on: a tick after midnight belongs to the new day.
        if !pinned
            && let now = jiff::Zoned::now().date()
            && now != app.context().today
        {
            pending.push(Action::NewDay(now));
        }
        match wake {
            None if next_tick.is_some_and(|t| Instant::now() >= t) => {
                next_tick = next_tick.map(|t| t + Duration::from_secs(1));
                pending.push(Action::TimerTick);
            }
            None => {}
            Some(Wake::Signal(s)) => return Ok(Some(s)),
            Some(Wake::Suspend) => {
                suspend(terminal)?;
                pending.push(Action::Resize);
            }
            // Raw mode turns ^Z into a key: it suspends, as in any terminal program.
            Some(Wake::Key(key)) if is_suspend_key(&key) => {
                suspend(terminal)?;
                pending.push(Action::Resize);
            }
            // The terminal is gone: every tick is already on disk, so just leave.
            Some(Wake::HungUp) => return Ok(Some(SIGHUP)),
            Some(Wake::Resize) => {
                terminal.autoresize()?;
                pending.push(Action::Resize);
            }
            Some(Wake::Key(key)) => pending.extend(key_actions(app, disk, key, &mut replay)),
            // Pasted text goes into a text field; elsewhere it is not a string of commands.
            Some(Wake::Paste(text)) => {
                pending.extend(disk.notice_changes());
                if app.typing() {
                    pending.push(Action::Paste(text));
                }
            }
        }
        if pending.is_empty() {
            continue;
        }
        let turn = act(app, disk, pending);
        for _ in 0..turn.bells {
            ring_bell(terminal)?;
        }
        if turn.quit {
            return Ok(None);
        }
        next_tick = match (app.timer_running(), next_tick) {
            (true, None) => Some(Instant::now() + Duration::from_secs(1)),
            (true, t) => t,
            (false, _) => None,
        };
        terminal.draw(|f| ui::render(f, app))?;
        disk.keep_memo(&app.loaded().memo);
    }
}

/// What the actions between two frames ask of the terminal.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Turn {
    pub quit: bool,
    pub bells: usize,
}

/// A key as the loop takes it: another session's records first (shown before anything is
/// based on them), then the key's action. An Alt key bound to nothing is Esc now and the key
/// next, left in `replay` for the loop to take as the next key.
pub fn key_actions(
    app: &App,
    disk: &mut Disk,
    key: KeyEvent,
    replay: &mut Option<KeyEvent>,
) -> Vec<Action> {
    let mut pending: Vec<Action> = disk.notice_changes().into_iter().collect();
    let key = match app.context().keymap.unbound_alt(&key, app.typing()) {
        Some([esc, then]) => {
            *replay = Some(then);
            esc
        }
        None => key,
    };
    pending.extend(app.context().keymap.resolve(&key, app.typing()));
    pending
}

/// The loop's work between two frames, which tests drive too: the actions in order through
/// the app, each effect performed by the disk and its answer acted on after the actions
/// already waiting. Stops at the first quit.
pub fn act(app: &mut App, disk: &mut Disk, mut pending: Vec<Action>) -> Turn {
    let mut turn = Turn::default();
    pending.reverse();
    while let Some(action) = pending.pop() {
        for effect in app.update(action) {
            match effect {
                Effect::Quit => {
                    turn.quit = true;
                    return turn;
                }
                Effect::Bell => turn.bells += 1,
                effect => {
                    if let Some(result) = disk.perform(effect) {
                        pending.insert(0, result);
                    }
                }
            }
        }
    }
    turn
}

fn is_suspend_key(key: &KeyEvent) -> bool {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};
    key.code == KeyCode::Char('z') && key.modifiers == KeyModifiers::CONTROL
}

/// Puts the terminal back as it was (main screen, cooked mode, cursor shown), stops the
/// process as ^Z would, and when the shell continues it (`fg`) takes the screen again and
/// draws it whole. SIGSTOP, not SIGTSTP, because SIGTSTP is caught here.
fn suspend(terminal: &mut AppTerminal) -> std::io::Result<()> {
    use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
    use ratatui::crossterm::{cursor, execute, terminal as term};
    execute!(
        std::io::stdout(),
        DisableBracketedPaste,
        term::LeaveAlternateScreen,
        cursor::Show
    )?;
    term::disable_raw_mode()?;
    let _ = signal_hook::low_level::raise(SIGSTOP);
    term::enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        term::EnterAlternateScreen,
        EnableBracketedPaste,
        term::Clear(term::ClearType::All)
    )?;
    // A blank frame makes ratatui's last frame match the cleared screen, so the next one is
    // drawn whole. (`Terminal::clear` would ask the terminal where its cursor is.)
    terminal.draw(|_| {})?;
    Ok(())
}

/// The terminal's bell: the one sound a terminal can make, over SSH too (the terminal may show
/// it as a flash, or be set to keep quiet).
fn ring_bell(terminal: &mut AppTerminal) -> std::io::Result<()> {
    use std::io::Write;
    let out = terminal.backend_mut();
    out.write_all(b"\x07")?;
    out.flush()
}

/// Just after the next local midnight, or `None` when the clock cannot say.
fn next_midnight() -> Option<Instant> {
    let now = jiff::Zoned::now();
    let tomorrow = now
        .date()
        .tomorrow()
        .ok()?
        .to_zoned(now.time_zone().clone())
        .ok()?;
    let wait = std::time::Duration::try_from(tomorrow.duration_since(&now)).ok()?;
    Some(Instant::now() + wait + Duration::from_secs(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_of_input_is_reported_once_and_the_reader_stops() {
        let (tx, rx) = mpsc::channel();
        // Keys, then end-of-file: a dropped terminal. The call must return (not spin).
        read_input(&b"j\x1b[A\x1b[200~x\x1b[201~"[..], &tx);
        drop(tx);
        let wakes: Vec<Wake> = rx.iter().collect();
        assert_eq!(wakes.len(), 4);
        assert!(matches!(wakes[0], Wake::Key(_)));
        assert!(matches!(&wakes[2], Wake::Paste(text) if text == "x"));
        assert!(matches!(wakes[3], Wake::HungUp));
    }

    #[test]
    fn a_read_error_is_a_hang_up_too() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::from_raw_os_error(5))
            }
        }
        let (tx, rx) = mpsc::channel();
        read_input(Broken, &tx);
        drop(tx);
        let wakes: Vec<Wake> = rx.iter().collect();
        assert!(matches!(wakes.as_slice(), [Wake::HungUp]));
    }
}
