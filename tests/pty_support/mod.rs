//! A program in a pseudo-terminal of 80x24, its screen read through vt100 as a person sees
//! it, for the tests that drive the real binary. Waits for screen text against a deadline;
//! never sleeps a fixed time.

#![allow(dead_code, clippy::unwrap_used)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

pub const DEADLINE: Duration = Duration::from_secs(30);

pub struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Set when the reader has seen the end of the program's output.
    drained: Arc<std::sync::atomic::AtomicBool>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    /// Starts `cmd` in a new 80x24 pseudo-terminal.
    pub fn spawn(cmd: CommandBuilder) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let child = pair.slave.spawn_command(cmd).expect("spawn the program");
        // The child holds the slave now; keeping ours open would hide its exit from the reader.
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let drained = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (s, r, d) = (screen.clone(), raw.clone(), drained.clone());
        // Drained on a thread so the program never blocks on a full pty buffer.
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
            d.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        let writer = pair.master.take_writer().expect("writer");
        Pty {
            screen,
            raw,
            drained,
            writer,
            child,
            master: pair.master,
        }
    }

    /// The terminal (and the screen read from it) takes a new size.
    pub fn resize(&self, rows: u16, cols: u16) {
        self.screen.lock().unwrap().set_size(
            std::num::NonZeroU16::new(rows).unwrap(),
            std::num::NonZeroU16::new(cols).unwrap(),
        );
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "`{text}` did not appear within {DEADLINE:?}; screen:\n{}",
            self.contents()
        );
    }

    pub fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("`{text}` stayed on screen; screen:\n{}", self.contents());
    }

    /// Whether the program has the alternate screen, and hides the cursor, just now.
    pub fn screen_modes(&self) -> (bool, bool) {
        let parser = self.screen.lock().unwrap();
        (
            parser.screen().alternate_screen(),
            parser.screen().hide_cursor(),
        )
    }

    /// Bytes the program has written so far.
    pub fn written(&self) -> usize {
        self.raw.lock().unwrap().len()
    }

    pub fn has_exited(&mut self) -> bool {
        self.child.try_wait().unwrap().is_some()
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the program to end: its status, every byte it wrote, and whether the screen
    /// was still on the alternate screen (the terminal not restored).
    pub fn finish(mut self) -> (portable_pty::ExitStatus, Vec<u8>, bool) {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(start.elapsed() < DEADLINE, "the program did not exit");
            std::thread::sleep(Duration::from_millis(20));
        };
        // Let the reader drain the last bytes (the alternate-screen exit, or all of a plain
        // program's output): until it reaches the end of the output, a while at most.
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if self.drained.load(std::sync::atomic::Ordering::SeqCst) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let alternate = self.screen.lock().unwrap().screen().alternate_screen();
        let raw = self.raw.lock().unwrap().clone();
        (status, raw, alternate)
    }
}

/// A program a test left running (it failed on the way) is ended with it.
impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
