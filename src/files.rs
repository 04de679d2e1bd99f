//! Writing the files users ask for (reports, exports, added checklists) so that an
//! interrupted write never leaves half a file under the name they chose.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Writes `bytes` to a temporary file beside `path` and renames it into place (a rename
/// within one folder is atomic), removing the temporary file if anything fails.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path.file_name().ok_or_else(|| {
        Error::InvalidInput(format!(
            "{} is not a file name. Choose a file, not a folder.",
            path.display()
        ))
    })?;
    let mut temporary_name = std::ffi::OsString::from(".");
    temporary_name.push(name);
    temporary_name.push(".partial");
    let temporary: PathBuf = path.with_file_name(temporary_name);
    std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            Error::io(format!("Could not write {}", path.display()), e)
        })
}

/// The name a save dialog suggests for a file about one assessment:
/// `Yardstick - <organisation> - <period>.<extension>`, with the period's slash (2026/27) and
/// any other character a file system refuses made a hyphen.
pub fn suggested_name(organisation: &str, period: &str, extension: &str) -> String {
    let name = format!("Yardstick - {organisation} - {period}.{extension}");
    name.chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_suggested_name_is_readable_and_safe_on_every_file_system() {
        assert_eq!(
            suggested_name("Example District Council", "2026/27", "pdf"),
            "Yardstick - Example District Council - 2026-27.pdf"
        );
        assert_eq!(
            suggested_name("A:B", "2026/27", "csv"),
            "Yardstick - A-B - 2026-27.csv"
        );
    }

    #[test]
    fn writes_the_whole_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.pdf");
        write_atomically(&path, b"%PDF-1.7").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_an_io_error_naming_the_file_and_nothing_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("report.pdf");
        let error = write_atomically(&path, b"x").unwrap_err();
        assert!(error.to_string().contains("report.pdf"), "{error}");
    }
}
