//! Where things live: config, data and the user library, with command-line and environment
//! overrides applied.

use std::path::PathBuf;

/// The resolved folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config: PathBuf,
    pub data: PathBuf,
    pub library: PathBuf,
}

impl Paths {
    /// Platform folders (`~/.config/rehab-planner`, `~/.local/share/rehab-planner` on Linux),
    /// with `data` and `library` overrides winning. With no home folder the current folder is used.
    pub fn resolve(data: Option<PathBuf>, library: Option<PathBuf>) -> Paths {
        let dirs = directories::ProjectDirs::from("", "", "rehab-planner");
        let config = dirs.as_ref().map_or_else(
            || PathBuf::from(".rehab-planner"),
            |d| d.config_dir().to_path_buf(),
        );
        let default_data = dirs.as_ref().map_or_else(
            || PathBuf::from(".rehab-planner"),
            |d| d.data_dir().to_path_buf(),
        );
        Paths {
            library: library.unwrap_or_else(|| config.join("library")),
            data: data.unwrap_or(default_data),
            config,
        }
    }

    /// The folder of one profile.
    pub fn profile_dir(&self, name: &str) -> PathBuf {
        self.data.join("profiles").join(name)
    }

    /// The optional key-binding file.
    pub fn keymap_file(&self) -> PathBuf {
        self.config.join("keys.ron")
    }
}
