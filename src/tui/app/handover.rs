//! Handing a plan over and bringing the progress back, in the app: the Profiles view writes and
//! imports prescription files, the History view writes the follow-up report. Every check and every text is `handover`'s (the
//! command line's own); this file only holds what is being typed and turns it into effects.

use super::{App, Effect, View};
use crate::handover::{Imported, Prescription};
use crate::tui::action::Action;
use crate::tui::field::{Edit, TextField};

pub use crate::handover::REPORT_WEEKS;
pub use crate::tui::action::FileKind;

/// A file path being typed, and what it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileField {
    /// `None` for a prescription to import; else the file to write.
    pub write: Option<FileKind>,
    pub path: TextField,
    /// A watch's file or folder to import runs from (History), not a prescription.
    pub runs: bool,
}

/// A prescription file read and checked, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// The path as typed.
    pub file: String,
    /// The file's text, checked again as the name changes.
    pub text: String,
    /// The profile name to import as (the file's own unless changed).
    pub name: TextField,
    /// The profile it creates, or every problem (`file:line:column: ...` with hints).
    pub checked: Result<Imported, String>,
}

impl App {
    /// Opens the path field to write the open profile's prescription or report.
    pub(super) fn open_write(&mut self, kind: FileKind) {
        let Some(p) = &self.loaded.profile else {
            self.fail("no profile is open, so there is nothing to write");
            return;
        };
        let path = match kind {
            FileKind::Prescription => format!("{}.rx.ron", p.name),
            FileKind::Report => format!("rehab-report-{}-{}.html", p.name, self.ctx.today),
        };
        // Suggested, selected: typing replaces it, an arrow keeps it to change.
        *self.file_field() = Some(FileField {
            write: Some(kind),
            path: TextField::prefilled(&path),
            runs: false,
        });
    }

    /// Opens the path field for a prescription file to import.
    pub(super) fn open_import(&mut self) {
        *self.file_field() = Some(FileField {
            write: None,
            path: TextField::new(),
            runs: false,
        });
    }

    /// Opens the path field for a watch's file or folder to import runs from (History).
    pub(super) fn open_runs_import(&mut self) {
        *self.file_field() = Some(FileField {
            write: None,
            path: TextField::new(),
            runs: true,
        });
    }

    /// The runs field's path completed, when the field still holds what was completed.
    pub(super) fn path_completed(&mut self, typed: &str, completed: Option<String>) {
        let Some(field) = self.views.history.report.as_mut().filter(|f| f.runs) else {
            return;
        };
        if field.path.text() != typed {
            return;
        }
        match completed {
            Some(text) => field.path = TextField::with_text(&text),
            None => self.say("no folder or GPX, TCX or FIT file starts so"),
        }
    }

    /// A watch's files read: the new activities and their ticks saved, and what was found said
    /// on the status line (refused files first). The path field closes unless a file was
    /// refused, so its path can be corrected.
    pub(super) fn runs_read(
        &mut self,
        files: &[crate::runs::FileRead],
        tz: &jiff::tz::TimeZone,
    ) -> Vec<Effect> {
        let (Some(profile), Some(standing)) =
            (self.loaded.profile.clone(), self.loaded.standing.as_ref())
        else {
            self.fail("no profile is open to import runs into");
            return Vec::new();
        };
        let (written, counts) =
            standing.import_activities(&profile, &self.loaded.journal, files, tz, None);
        let summary = written.said.last().cloned().unwrap_or_default();
        if counts.refused > 0 {
            let refused = written
                .said
                .iter()
                .find(|l| l.starts_with("refused"))
                .cloned()
                .unwrap_or_default();
            self.fail(format!("{summary}. {refused}"));
        } else {
            self.views.history.report = None;
            self.say(format!("runs: {summary}"));
        }
        // One write for the whole import: a failed write leaves none of it.
        match written.records.is_empty() {
            true => Vec::new(),
            false => vec![Effect::AppendAll(written.records)],
        }
    }

    /// The path field of the view on screen: History types the report's, Profiles a
    /// prescription's.
    fn file_field(&mut self) -> &mut Option<FileField> {
        match self.view {
            View::History => &mut self.views.history.report,
            _ => &mut self.views.profiles.file,
        }
    }

    /// A key while a file path is typed: Enter writes or reads, Esc cancels.
    pub(super) fn update_file_field(&mut self, action: Action) -> Vec<Effect> {
        let Some(field) = self.file_field() else {
            return Vec::new();
        };
        if field.path.edit(&action) != Edit::Other {
            return Vec::new();
        }
        match action {
            // Tab (Down while typing) completes a watch file's path from its folder.
            Action::Down if field.runs => {
                return vec![Effect::CompletePath(field.path.text().to_string())];
            }
            Action::Back => *self.file_field() = None,
            Action::Select if field.path.text().trim().is_empty() => {
                self.fail("type the file's path first; Esc cancels");
            }
            Action::Select => {
                let field = field.clone();
                let path = field.path.text().trim().to_string();
                let effect = match field.write {
                    None if field.runs => Some(Effect::ReadRuns(path)),
                    None => Some(Effect::ReadPrescription(path)),
                    Some(FileKind::Prescription) => self.prescription_effect(path),
                    Some(FileKind::Report) => self.report_effect(path),
                };
                // The field stays until the file is written or read, so a refused path can be
                // corrected.
                return effect.into_iter().collect();
            }
            _ => {}
        }
        Vec::new()
    }

    /// The prescription file of the open profile, checked as the receiving side will check it
    /// (as `rehab profile export` does), so no file goes out that cannot come in.
    fn prescription_effect(&mut self, path: String) -> Option<Effect> {
        let profile = self.loaded.profile.as_ref()?;
        let prescription = Prescription::of(profile, &self.loaded.journal, self.ctx.today);
        let text = crate::handover::format_prescription(&prescription);
        let checked = crate::handover::check_prescription(
            &self.ctx.catalog,
            &prescription,
            None,
            &text,
            &path,
            self.ctx.today,
        );
        if let Err(e) = checked {
            let first = e.problems.first().map(|p| p.message.clone());
            self.fail(format!(
                "not written: this profile cannot be handed over as it is ({}); e edits it",
                crate::text::clean(&first.unwrap_or_default())
            ));
            return None;
        }
        Some(Effect::WriteFile {
            kind: FileKind::Prescription,
            path,
            contents: text,
        })
    }

    /// The follow-up report of the open profile over the last [`REPORT_WEEKS`] weeks, in the
    /// format the path's extension names (as `rehab report -o PATH`).
    fn report_effect(&mut self, path: String) -> Option<Effect> {
        let profile = self.loaded.profile.as_ref()?;
        let report = crate::handover::assemble_report(
            &self.ctx.catalog,
            profile,
            &self.loaded.journal,
            self.ctx.today,
            REPORT_WEEKS,
        );
        let format = crate::export::Format::for_path(std::path::Path::new(&path));
        let contents = crate::handover::render_report(&report, format, self.ctx.theme.ascii);
        Some(Effect::WriteFile {
            kind: FileKind::Report,
            path,
            contents,
        })
    }

    /// A prescription file's text came back: parse and check it, and show what it creates.
    pub(super) fn prescription_read(&mut self, file: String, text: &str) {
        let name = crate::handover::parse_prescription(text, &file)
            .map(|p| p.name)
            .unwrap_or_default();
        let mut preview = ImportPreview {
            file,
            text: text.to_string(),
            name: TextField::prefilled(&name),
            checked: Err(String::new()),
        };
        self.check_import(&mut preview);
        *self.file_field() = None;
        self.view = View::Profiles;
        self.views.profiles.import = Some(preview);
    }

    /// Checks the previewed file as its current name, as `rehab profile import --as NAME`.
    fn check_import(&self, preview: &mut ImportPreview) {
        preview.checked = crate::handover::parse_prescription(&preview.text, &preview.file)
            .and_then(|p| {
                crate::handover::check_prescription(
                    &self.ctx.catalog,
                    &p,
                    Some(preview.name.text()),
                    &preview.text,
                    &preview.file,
                    self.ctx.today,
                )
            })
            .map_err(|e| e.to_string());
    }

    /// Whether a profile of this name exists already (an import then replaces its plan).
    pub fn profile_exists(&self, name: &str) -> bool {
        self.loaded.profiles.iter().any(|n| n == name)
    }

    /// A key on the import preview: type another name, Enter imports, Esc cancels.
    pub(super) fn update_import(&mut self, action: Action) -> Vec<Effect> {
        let Some(mut preview) = self.views.profiles.import.take() else {
            return Vec::new();
        };
        match preview.name.edit_only(&action, super::views::is_name_char) {
            Edit::Other => {}
            Edit::Changed => self.check_import(&mut preview),
            Edit::Moved => {}
            Edit::Refused(_) => {
                // A paste may have brought letters along with the refused character.
                self.check_import(&mut preview);
                self.fail("a profile name takes letters, digits, - and _ only");
            }
        }
        match action {
            Action::Back => return Vec::new(),
            Action::Select => match &preview.checked {
                Ok(imported) => {
                    let force = self.profile_exists(&imported.profile.name);
                    return vec![Effect::Import {
                        imported: Box::new(imported.clone()),
                        force,
                    }];
                }
                Err(_) => self.fail("not imported: the file has problems (listed above)"),
            },
            _ => {}
        }
        self.views.profiles.import = Some(preview);
        Vec::new()
    }

    /// The import is on disk: the profile is listed, the cursor on it, ready to open.
    pub(super) fn imported(&mut self, name: String, replaced: bool, assessment: bool) {
        if !self.profile_exists(&name) {
            self.loaded.profiles.push(name.clone());
            self.loaded.profiles.sort();
        }
        self.views.profiles.selected = self
            .loaded
            .profiles
            .iter()
            .position(|n| *n == name)
            .unwrap_or(0);
        self.views.profiles.import = None;
        let done = if replaced {
            format!("replaced the plan settings of {name} (journal and answers kept)")
        } else {
            format!("imported {name}")
        };
        let assessed = if assessment {
            "; the clinician's assessment is recorded"
        } else {
            ""
        };
        let open = self
            .ctx
            .keymap
            .key_for(&Action::Select, self.ctx.theme.ascii);
        self.say(format!("{done}{assessed}. {open} opens it"));
    }
}
