//! Checklist files on disk: reading one safely (size limit before reading it whole, UTF-8
//! checked with the place it fails), the user's own checklists in `<data dir>/checklists/`,
//! and finding a checklist by id among the built-in and user ones.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::model::Checklist;
use super::problem::{line_and_column, ValidationReport};
use super::{builtin, parse_checklist, too_big, version, MAX_FILE_BYTES};

/// The folder, inside the data directory, that holds the user's own checklist files.
pub const USER_CHECKLIST_DIR: &str = "checklists";

/// A valid checklist together with the exact text it was read from, so an assessment can
/// keep the checklist it was made with even if the file later changes.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedChecklist {
    pub checklist: Checklist,
    pub source_text: String,
    /// Lowercase hex SHA-256 of `source_text`'s bytes.
    pub sha256: String,
    pub origin: ChecklistOrigin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChecklistOrigin {
    /// Embedded in the app from `checklists/`.
    BuiltIn,
    /// A file the user added, with its path.
    UserFile(PathBuf),
}

/// Parses `text` and wraps the valid checklist with its source and hash.
pub(crate) fn loaded(
    label: &str,
    text: &str,
    origin: ChecklistOrigin,
) -> Result<LoadedChecklist, ValidationReport> {
    let checklist = parse_checklist(label, text)?;
    Ok(LoadedChecklist {
        checklist,
        source_text: text.to_owned(),
        sha256: format!("{:x}", Sha256::digest(text.as_bytes())),
        origin,
    })
}

/// Why a file could not be loaded: it could not be read at all, or it was read and is wrong.
enum Failure {
    Unreadable(std::io::Error),
    Invalid(ValidationReport),
}

/// Reads and validates the checklist file at `path`. Problems name the file as the path
/// was given.
pub fn load_checklist_file(path: &Path) -> Result<LoadedChecklist, crate::Error> {
    load(path).map_err(|failure| match failure {
        Failure::Unreadable(source) => crate::Error::io(
            format!("Could not read the checklist file {}", path.display()),
            source,
        ),
        Failure::Invalid(report) => report.into(),
    })
}

/// Like [`load_checklist_file`], but a file that cannot be read is reported as a problem at
/// line 1, column 1, so a caller checking many files can print every failure the same way.
pub fn validate_checklist_file(path: &Path) -> Result<LoadedChecklist, ValidationReport> {
    load(path).map_err(|failure| match failure {
        Failure::Unreadable(source) => ValidationReport::single(
            &path.display().to_string(),
            1,
            1,
            format!(
                "the file could not be read ({source}); check the path and that you may open it"
            ),
        ),
        Failure::Invalid(report) => report,
    })
}

fn load(path: &Path) -> Result<LoadedChecklist, Failure> {
    let label = path.display().to_string();
    let text = read_text(path, &label)?;
    let origin = ChecklistOrigin::UserFile(path.to_path_buf());
    loaded(&label, &text, origin).map_err(Failure::Invalid)
}

/// Reads at most one byte more than the limit, so a huge file (or one that grows while being
/// read) is refused without loading it whole.
fn read_text(path: &Path, label: &str) -> Result<String, Failure> {
    // Looked at before opening: opening a FIFO waits for a writer that never comes.
    let metadata = fs::metadata(path).map_err(Failure::Unreadable)?;
    if !metadata.is_file() {
        let message = if metadata.is_dir() {
            "this is a folder, not a checklist file; name a .toml file instead"
        } else {
            "this is a special file (such as a pipe or a device), not a checklist file; name a .toml file instead"
        };
        return Err(Failure::Invalid(ValidationReport::single(
            label, 1, 1, message,
        )));
    }
    let file = fs::File::open(path).map_err(Failure::Unreadable)?;
    if metadata.len() > MAX_FILE_BYTES as u64 {
        return Err(Failure::Invalid(too_big(label, metadata.len())));
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    let limit = MAX_FILE_BYTES as u64 + 1;
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(Failure::Unreadable)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Failure::Invalid(too_big(label, bytes.len() as u64)));
    }
    String::from_utf8(bytes)
        .map_err(|e| Failure::Invalid(not_utf8(label, e.as_bytes(), e.utf8_error())))
}

fn not_utf8(label: &str, bytes: &[u8], error: std::str::Utf8Error) -> ValidationReport {
    let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
    let (line, column) = line_and_column(valid, valid.len());
    ValidationReport::single(
        label,
        line,
        column,
        "the file is not UTF-8 text (there is an unreadable byte here); save it as UTF-8 in your editor, or retype the character at this place",
    )
}

/// The built-in checklists followed by the valid user checklists in
/// `<data_dir>/checklists/*.toml` (sorted by file name), and a report for every user file
/// that is broken. A broken file never hides the others.
pub fn available_checklists(data_dir: &Path) -> (Vec<LoadedChecklist>, Vec<ValidationReport>) {
    let mut checklists = builtin::builtin_checklists();
    let mut reports = builtin::builtin_problems();
    let dir = data_dir.join(USER_CHECKLIST_DIR);
    let paths = match user_files(&dir) {
        Ok(paths) => paths,
        Err(report) => {
            reports.push(report);
            Vec::new()
        }
    };
    for path in paths {
        match validate_checklist_file(&path) {
            Ok(user) => match clash(&checklists, &user) {
                Clash::None => checklists.push(user),
                Clash::SameText => {}
                Clash::Different(report) => reports.push(report),
            },
            Err(report) => reports.push(report),
        }
    }
    (checklists, reports)
}

/// The `.toml` files directly in `dir`, sorted; no folder at all means no user checklists.
fn user_files(dir: &Path) -> Result<Vec<PathBuf>, ValidationReport> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            let message =
                format!("the checklist folder could not be read ({e}); check that you may open it");
            return Err(ValidationReport::single(
                &dir.display().to_string(),
                1,
                1,
                message,
            ));
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("toml"))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

enum Clash {
    None,
    /// An exact copy of a checklist already loaded (e.g. the built-in one saved for editing).
    SameText,
    Different(ValidationReport),
}

/// Two different files claiming the same id and version would make stored results
/// ambiguous, so the later one is refused.
fn clash(loaded: &[LoadedChecklist], new: &LoadedChecklist) -> Clash {
    // Versions are compared as numbers, as "the newest" is: "01.0" is "1.0" and "1", so a
    // user file written that way clashes with the built-in one rather than shadowing it.
    let same = |c: &&LoadedChecklist| {
        c.checklist.id == new.checklist.id
            && version::compare(&c.checklist.version, &new.checklist.version).is_eq()
    };
    match loaded.iter().find(same) {
        None => Clash::None,
        Some(existing) if existing.sha256 == new.sha256 => Clash::SameText,
        Some(existing) => {
            let label = match &new.origin {
                ChecklistOrigin::UserFile(path) => path.display().to_string(),
                ChecklistOrigin::BuiltIn => String::from("built-in"),
            };
            let message = format!(
                "checklist \"{}\" version \"{}\" already exists ({}), with different content; give this file a higher `version`, or a new `id` if it is a different checklist",
                new.checklist.id,
                new.checklist.version,
                describe_origin(&existing.origin)
            );
            Clash::Different(ValidationReport::single(&label, 1, 1, message))
        }
    }
}

fn describe_origin(origin: &ChecklistOrigin) -> String {
    match origin {
        ChecklistOrigin::BuiltIn => String::from("it is built in"),
        ChecklistOrigin::UserFile(path) => format!("in {}", path.display()),
    }
}

/// The newest version of the checklist `id`, built-in or user-added.
pub fn find_checklist(data_dir: &Path, id: &str) -> Result<LoadedChecklist, crate::Error> {
    let (checklists, reports) = available_checklists(data_dir);
    checklists
        .into_iter()
        .filter(|c| c.checklist.id == id)
        .max_by(|a, b| version::compare(&a.checklist.version, &b.checklist.version))
        .ok_or_else(|| not_found(data_dir, &format!("\"{id}\""), &reports))
}

/// Exactly version `version` of the checklist `id`, e.g. the one an assessment was made with.
pub fn find_checklist_version(
    data_dir: &Path,
    id: &str,
    version: &str,
) -> Result<LoadedChecklist, crate::Error> {
    let (checklists, reports) = available_checklists(data_dir);
    checklists
        .into_iter()
        .find(|c| c.checklist.id == id && c.checklist.version == version)
        .ok_or_else(|| {
            not_found(
                data_dir,
                &format!("\"{id}\" version \"{version}\""),
                &reports,
            )
        })
}

fn not_found(data_dir: &Path, what: &str, reports: &[ValidationReport]) -> crate::Error {
    let dir = data_dir.join(USER_CHECKLIST_DIR);
    let mut message = format!(
        "There is no checklist {what}. To add it, put its .toml file in {}.",
        dir.display()
    );
    if !reports.is_empty() {
        let files: Vec<&str> = reports.iter().map(ValidationReport::file).collect();
        message.push_str(&format!(
            " These checklist files have problems and were skipped: {}. Check them with \"Add a checklist…\" to see why.",
            files.join(", ")
        ));
    }
    crate::Error::NotFound(message)
}
