//! A throwaway clinic server for the ssh tests: a data folder with patients, a key each,
//! `rehab clinic authorize` lines in an authorized_keys file, and a real sshd on 127.0.0.1 on
//! a free high port with its own host key and config. sshd stops when the server is dropped,
//! whether the test passed or panicked.
//!
//! Without sshd, ssh or ssh-keygen the tests say why and pass, except under CI (the `CI`
//! variable set), where they fail: `.ci/run` installs openssh-server and openssh-client.
#![allow(dead_code, clippy::unwrap_used)]

use crate::pty_support::Pty;

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const DEADLINE: Duration = Duration::from_secs(30);

pub const REHAB: &str = env!("CARGO_BIN_EXE_rehab");

/// sshd, or `None` (after saying why) when the tools are missing outside CI.
fn sshd_binary() -> Option<PathBuf> {
    let on_path = |name: &str| {
        std::env::var_os("PATH").and_then(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(name))
                .find(|f| f.is_file())
        })
    };
    // sshd wants to be started by its absolute path (it re-executes itself).
    let sshd = ["/usr/sbin/sshd", "/usr/local/sbin/sshd"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .or_else(|| on_path("sshd"));
    match (sshd, on_path("ssh"), on_path("ssh-keygen")) {
        (Some(sshd), Some(_), Some(_)) => Some(sshd),
        _ if crate::tui_common::under_ci() => {
            panic!(
                "sshd, ssh or ssh-keygen is missing; CI must have them (.ci/run installs \
                 openssh-server and openssh-client)"
            )
        }
        _ => {
            eprintln!(
                "clinic ssh test skipped: sshd, ssh or ssh-keygen missing \
                 (apt-get install openssh-server openssh-client)"
            );
            None
        }
    }
}

/// The running sshd; dropping it stops it.
struct Sshd {
    child: Child,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A clinic server with its patients.
pub struct Server {
    // sshd first: it stops before the folder it reads goes.
    sshd: Option<Sshd>,
    pub dir: tempfile::TempDir,
    pub data: PathBuf,
    pub keys_file: PathBuf,
    pub port: u16,
    user: String,
}

/// Monday of this week: a start every test day is inside of, whatever today is.
pub fn this_monday() -> jiff::civil::Date {
    let today = jiff::Zoned::now().date();
    let back = i64::from(today.weekday().to_monday_zero_offset());
    today.checked_sub(jiff::Span::new().days(back)).unwrap()
}

fn run_ok(cmd: &mut Command) -> Output {
    let out = cmd.stdin(Stdio::null()).output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// An ed25519 key pair without a passphrase at `path` (and `path.pub`).
fn keygen(path: &Path, comment: &str) {
    run_ok(
        Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f"])
            .arg(path),
    );
}

impl Server {
    /// Patients `names` with the red flags answered, a key each authorized for their profile,
    /// a key `clinician` with no forced command, and sshd listening. `None` when skipped.
    pub fn start(names: &[&str]) -> Option<Server> {
        Server::start_with(names, b"")
    }

    /// As [`Server::start`], with `before` already in the authorized_keys file.
    pub fn start_with(names: &[&str], before: &[u8]) -> Option<Server> {
        let sshd = sshd_binary()?;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let keys_file = dir.path().join("authorized_keys");
        std::fs::write(&keys_file, before).unwrap();
        std::fs::create_dir(dir.path().join("keys")).unwrap();
        let user = String::from_utf8(run_ok(Command::new("id").arg("-un")).stdout)
            .unwrap()
            .trim()
            .to_string();
        let mut server = Server {
            sshd: None,
            dir,
            data,
            keys_file,
            port: 0,
            user,
        };
        // The clinician logs in with a plain key: a full login that runs rehab unlocked.
        let clinician = server.keygen("clinician");
        let mut lines = std::fs::read(&server.keys_file).unwrap();
        lines.extend_from_slice(&std::fs::read(clinician).unwrap());
        std::fs::write(&server.keys_file, lines).unwrap();
        let no = crate::handover_support::red_flag_ids().join(",");
        let start = this_monday().to_string();
        for name in names {
            server.add_patient(name, &start, &no);
        }
        server.sshd = Some(server.start_sshd(&sshd));
        Some(server)
    }

    fn add_patient(&self, name: &str, start: &str, no: &str) {
        run_ok(self.rehab().args([
            "profile",
            "new",
            name,
            "--condition",
            "pfps",
            "--start",
            start,
            "--days",
            "7",
        ]));
        run_ok(self.rehab().args(["--profile", name, "screen", "--no", no]));
        let key = self.keygen(name);
        run_ok(self.rehab().args([
            "clinic",
            "authorize",
            name,
            "--key",
            key.to_str().unwrap(),
            "--authorized-keys",
            self.keys_file.to_str().unwrap(),
        ]));
    }

    /// A new key pair `keys/NAME`; returns the public key's path.
    fn keygen(&self, name: &str) -> PathBuf {
        let key = self.key(name);
        keygen(&key, &format!("{name}@test"));
        key.with_extension("pub")
    }

    pub fn key(&self, name: &str) -> PathBuf {
        self.dir.path().join("keys").join(name)
    }

    fn start_sshd(&mut self, binary: &Path) -> Sshd {
        let d = self.dir.path();
        let host_key = d.join("host_ed25519");
        keygen(&host_key, "host");
        // sshd as root wants its privilege-separation folder (made at boot on a real server).
        let _ = std::fs::create_dir_all("/run/sshd");
        // The free port is found by binding port 0; sshd takes it a moment later.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        self.port = port;
        let config = d.join("sshd_config");
        // StrictModes is off only because the files live in a world-writable /tmp; the
        // README's server keeps it on. AcceptEnv lets the client's variables through, the
        // worst an administrator could set, so the test sees rehab itself ignore them.
        std::fs::write(
            &config,
            format!(
                "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nPidFile {}\n\
                 AuthorizedKeysFile {}\nStrictModes no\nUsePAM no\n\
                 PasswordAuthentication no\nKbdInteractiveAuthentication no\n\
                 PubkeyAuthentication yes\nPermitRootLogin prohibit-password\n\
                 AcceptEnv LANG LC_* REHAB_* XDG_* NO_COLOR\nPrintMotd no\nPrintLastLog no\n\
                 MaxStartups 100\nLogLevel ERROR\n",
                host_key.display(),
                d.join("sshd.pid").display(),
                self.keys_file.display()
            ),
        )
        .unwrap();
        let log = std::fs::File::create(d.join("sshd.log")).unwrap();
        let child = Command::new(binary)
            .args(["-D", "-e", "-f", config.to_str().unwrap()])
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let mut sshd = Sshd { child };
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = sshd.child.try_wait().unwrap() {
                panic!("sshd stopped ({status}): {}", self.sshd_log());
            }
            assert!(started.elapsed() < DEADLINE, "sshd did not listen");
            std::thread::sleep(Duration::from_millis(20));
        }
        sshd
    }

    pub fn sshd_log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    /// rehab unlocked on the server's data folder, as the clinician runs it locally.
    pub fn rehab(&self) -> Command {
        let mut cmd = Command::new(REHAB);
        cmd.arg("--data-dir")
            .arg(&self.data)
            .arg("--library")
            .arg(self.dir.path().join("library"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("LC_ALL", "C.UTF-8")
            .env_remove("REHAB_PROFILE")
            .env_remove("REHAB_DATA_DIR")
            .env_remove("REHAB_LIBRARY")
            .env_remove("REHAB_TODAY");
        cmd
    }

    /// `ssh -tt` with `key`, the options `extra` and the remote `command` (none: the app).
    pub fn ssh_command(&self, key: &str, extra: &[&str], command: &[&str]) -> Command {
        let mut cmd = Command::new("ssh");
        cmd.args(["-F", "/dev/null", "-i"])
            .arg(self.key(key))
            .args([
                "-p",
                &self.port.to_string(),
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
                "-o",
                "GlobalKnownHostsFile=/dev/null",
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "BatchMode=yes",
                "-o",
                "LogLevel=ERROR",
                "-o",
                "ConnectTimeout=10",
            ])
            .args(extra)
            .arg(format!("{}@127.0.0.1", self.user));
        // ssh reads options after the destination too: `--` keeps the command's own.
        if !command.is_empty() {
            cmd.arg("--");
        }
        cmd.args(command)
            .env("LC_ALL", "C.UTF-8")
            .env_remove("REHAB_PROFILE")
            .env_remove("REHAB_DATA_DIR");
        cmd
    }

    /// Runs `ssh -tt ...` to its end (at most [`DEADLINE`]): status, output (standard output
    /// and error, as a terminal shows them).
    pub fn ssh(&self, key: &str, extra: &[&str], command: &[&str]) -> (i32, String) {
        let mut tt = vec!["-tt"];
        tt.extend_from_slice(extra);
        // A connection the busy test machine dropped before any login is tried again, twice
        // at most; anything after the login (rehab's own answer, a refusal) counts as it came.
        let mut attempt = 0;
        loop {
            let (code, out) = run(self.ssh_command(key, &tt, command));
            let dropped = code == 255
                && [
                    "Connection refused",
                    "Connection reset",
                    "Connection closed",
                    "kex_exchange_identification",
                ]
                .iter()
                .any(|sign| out.contains(sign));
            attempt += 1;
            if !dropped || attempt == 3 {
                return (code, out);
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// The full-screen app over `ssh -tt` in a pseudo-terminal of 80x24.
    pub fn app(&self, key: &str) -> Pty {
        let cmd = self.ssh_command(key, &["-tt"], &[]);
        pty(&cmd)
    }

    /// The journal of profile `name`, as text ("" when none).
    pub fn journal(&self, name: &str) -> String {
        std::fs::read_to_string(self.data.join("profiles").join(name).join("journal.ron"))
            .unwrap_or_default()
    }
}

/// Runs `cmd` with no input to its end: exit code and output.
pub fn run(mut cmd: Command) -> (i32, String) {
    finish(spawn(&mut cmd))
}

/// Starts `cmd` with no input and its output piped, for [`finish`].
pub fn spawn(cmd: &mut Command) -> Child {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for `child` (killing it after [`DEADLINE`]) and returns its exit code and output.
pub fn finish(mut child: Child) -> (i32, String) {
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = out.read_to_string(&mut text);
        let mut e = String::new();
        let _ = err.read_to_string(&mut e);
        text + &e
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("ssh did not end within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let text = reader.join().unwrap();
    (status.code().unwrap_or(-1), text.replace('\r', ""))
}

/// `cmd` (an ssh session) in a pseudo-terminal of 80x24.
fn pty(cmd: &Command) -> Pty {
    let mut builder = portable_pty::CommandBuilder::new(cmd.get_program());
    builder.args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => builder.env(k, v),
            None => builder.env_remove(k),
        }
    }
    builder.env("TERM", "xterm-256color");
    Pty::spawn(builder)
}
