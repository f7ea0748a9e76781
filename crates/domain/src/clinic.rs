//! A clinic server over OpenSSH: one system account, and in its `authorized_keys` one line per
//! patient key whose forced command runs `rehab --locked NAME`, the way gitolite hosts git.
//!
//! Pure, like the domain below it: [`lock`] is the one policy of a locked session (what it may
//! do, which commands it may give on the ssh line, where it may write), and [`keys`] reads and
//! writes `authorized_keys` lines as text, and [`sshd`] is the server's sshd drop-in.
//! `store::authorized_keys` does the file I/O; the CLI and the app only ask these and show the
//! answer.

pub mod keys;
pub mod lock;
pub mod sshd;

pub use keys::{KeyLine, PublicKey};
pub use lock::{Act, Lock, Refusal};
