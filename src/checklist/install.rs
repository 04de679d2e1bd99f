//! Adding a user's checklist file: validate it where it is, then copy it into
//! `<data dir>/checklists/` so the app no longer depends on the original file.

use std::fs;
use std::path::Path;

use super::files::{validate_checklist_file, ChecklistOrigin, LoadedChecklist};
use super::{available_checklists, ValidationReport, USER_CHECKLIST_DIR};
use crate::Error;

/// Validates `source` and copies it in as `<id>-<version>.toml`. A file that is not valid is
/// refused with the validator's report and nothing is copied. Adding the same checklist
/// version again with different content is refused, because assessments compare results by
/// (id, version).
pub fn install_user_checklist(data_dir: &Path, source: &Path) -> Result<LoadedChecklist, Error> {
    let loaded = validate_checklist_file(source).map_err(report_error)?;
    let (existing, _) = available_checklists(data_dir);
    let same_version = existing.iter().find(|known| {
        known.checklist.id == loaded.checklist.id
            && known.checklist.version == loaded.checklist.version
    });
    if let Some(known) = same_version {
        if known.sha256 == loaded.sha256 {
            return Ok(known.clone());
        }
        return Err(Error::Conflict(format!(
            "{} is checklist \"{}\" version {}, which Yardstick already has with different content. Give the file a new `version` and add it again.",
            source.display(),
            loaded.checklist.id,
            loaded.checklist.version
        )));
    }
    let dir = data_dir.join(USER_CHECKLIST_DIR);
    fs::create_dir_all(&dir)
        .map_err(|e| Error::io(format!("Could not create the folder {}", dir.display()), e))?;
    let file_name = format!(
        "{}-{}.toml",
        loaded.checklist.id,
        safe_version(&loaded.checklist.version)
    );
    let destination = dir.join(file_name);
    crate::files::write_atomically(&destination, loaded.source_text.as_bytes())?;
    Ok(LoadedChecklist {
        origin: ChecklistOrigin::UserFile(destination),
        ..loaded
    })
}

fn report_error(report: ValidationReport) -> Error {
    Error::from(report).on(crate::Field::File)
}

/// Versions are free text; keep only what is safe in a file name on every system.
fn safe_version(version: &str) -> String {
    version
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::builtin_checklists;

    fn builtin_text() -> String {
        builtin_checklists()[0].source_text.clone()
    }

    #[test]
    fn a_valid_file_is_copied_in_and_listed_so_the_original_can_be_moved() {
        let data = tempfile::tempdir().unwrap();
        let original = data.path().join("mine.toml");
        let text = builtin_text().replacen("id = \"digital-best-practice\"", "id = \"our-own\"", 1);
        fs::write(&original, &text).unwrap();
        let installed = install_user_checklist(data.path(), &original).unwrap();
        fs::remove_file(&original).unwrap();
        let (available, problems) = available_checklists(data.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert!(available.iter().any(|c| c.checklist.id == "our-own"));
        assert!(matches!(installed.origin, ChecklistOrigin::UserFile(_)));
    }

    #[test]
    fn an_invalid_file_is_refused_with_the_validators_located_message_and_nothing_copied() {
        let data = tempfile::tempdir().unwrap();
        let original = data.path().join("broken.toml");
        fs::write(&original, "id = \"x\"\nversoin = 1\n").unwrap();
        let error = install_user_checklist(data.path(), &original).unwrap_err();
        assert!(error.to_string().contains("broken.toml"), "{error}");
        assert!(
            error
                .problem_list()
                .iter()
                .all(|p| p.contains("broken.toml:")),
            "each problem is located as FILE:LINE:COLUMN, listed apart for the app: {:?}",
            error.problem_list()
        );
        assert_eq!(error.field(), Some(crate::Field::File));
        assert!(!data.path().join(USER_CHECKLIST_DIR).exists());
    }

    #[test]
    fn the_same_id_and_version_with_other_content_is_refused_to_keep_comparisons_honest() {
        let data = tempfile::tempdir().unwrap();
        let original = data.path().join("changed.toml");
        let text = builtin_text().replacen("Promotion", "Publicity", 1);
        fs::write(&original, text).unwrap();
        let error = install_user_checklist(data.path(), &original).unwrap_err();
        assert!(matches!(error, Error::Conflict(_)), "{error}");
    }
}
