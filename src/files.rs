//! Writing the files users ask for (reports, exports, added checklists) so that an
//! interrupted write never leaves half a file under the name they chose.

use std::path::{Path, PathBuf};

use crate::paths::windows::{
    has_trailing_dot_or_space, is_access_denied, is_reserved_device_name, is_sharing_violation,
    FORBIDDEN_CHARACTERS,
};
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
    refuse_unsafe_output_name(path, &name.to_string_lossy())?;
    let mut temporary_name = std::ffi::OsString::from(".");
    temporary_name.push(name);
    temporary_name.push(".partial");
    let temporary: PathBuf = path.with_file_name(temporary_name);
    std::fs::write(&temporary, bytes)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            write_error(path, e)
        })
}

/// Refuses to write a file whose name Windows forbids, on every platform: on Windows
/// `aux.pdf` goes to a device and `report.` silently becomes `report`, and a file written
/// elsewhere under such a name cannot be copied to a council laptop.
fn refuse_unsafe_output_name(path: &Path, name: &str) -> Result<()> {
    match unsafe_file_name(name) {
        Some(why) => Err(Error::InvalidInput(format!(
            "Nothing was written to {} because {why}. Choose a different file name.",
            path.display()
        ))),
        None => Ok(()),
    }
}

/// The error for a failed write of `path`. When another program holds the file open (Excel
/// showing last year's CSV, a PDF reader showing the report) Windows refuses the write; say
/// so and what to do, instead of "The process cannot access the file" with an error number.
pub fn write_error(path: &Path, error: std::io::Error) -> Error {
    if cfg!(windows) && is_held_open(path, &error) {
        held_open(path)
    } else {
        Error::io(format!("Could not write {}", path.display()), error)
    }
}

/// Writing a file another program holds gives a sharing violation, but renaming over it (as
/// [`write_atomically`] does) gives "access denied", as a read-only file would. On access
/// denied the file itself is asked: opening it to append (which changes nothing) reports the
/// sharing violation when a program holds it.
fn is_held_open(path: &Path, error: &std::io::Error) -> bool {
    match error.raw_os_error() {
        Some(code) if is_sharing_violation(code) => true,
        Some(code) if is_access_denied(code) => std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .err()
            .and_then(|probe| probe.raw_os_error())
            .is_some_and(is_sharing_violation),
        _ => false,
    }
}

/// The message for a file another program holds open, on every platform so it is tested.
pub fn held_open(path: &Path) -> Error {
    Error::Locked(format!(
        "Could not write {} because another program has it open (for example Excel or a PDF reader). Close it there, or choose a different file name, and try again.",
        path.display()
    ))
}

/// The name a save dialog suggests for a file about one assessment:
/// `Yardstick - <organisation> - <period>.<extension>`, with the period's slash (2026/27) and
/// any other character a file system refuses made a hyphen.
pub fn suggested_name(organisation: &str, period: &str, extension: &str) -> String {
    let name = format!("Yardstick - {organisation} - {period}.{extension}");
    name.chars()
        .map(|c| match c {
            c if FORBIDDEN_CHARACTERS.contains(&c) || c.is_control() => '-',
            c => c,
        })
        .collect()
}

/// Why `name` is not a plain file name, if it is not. The one rule for the names of attached
/// files and archived checklists: applied when a file is attached, exported, imported or
/// restored, so a name that leaves the app always comes back in.
pub fn unsafe_file_name(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        Some("it is empty")
    } else if name.contains(['/', '\\']) {
        Some("it contains a folder separator")
    } else if name == "." || name == ".." {
        Some("it names a folder")
    } else if name.chars().any(char::is_control) {
        Some("it contains control characters")
    } else if name.len() > 255 {
        Some("it is longer than 255 bytes")
    } else if name.contains(':') {
        Some("it contains a colon, which names a drive or stream on Windows")
    } else if name != name.trim() {
        Some("it starts or ends with a space")
    } else if name.contains(FORBIDDEN_CHARACTERS) {
        Some("it contains one of < > \" | ? *, which Windows does not allow in file names")
    } else if has_trailing_dot_or_space(name) {
        Some("it ends with a dot, which Windows removes")
    } else if is_reserved_device_name(name) {
        Some("Windows reserves it for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9)")
    } else {
        None
    }
}

/// A name that passes [`unsafe_file_name`], made from `name`: its last path component,
/// without control characters, other characters Windows forbids made hyphens, trimmed of
/// spaces and trailing dots, cut to 100 characters, and a device name (`aux.pdf`) prefixed
/// with an underscore so it is an ordinary file on Windows too.
pub fn plain_file_name(name: &str) -> String {
    let last = name
        .rsplit(['/', '\\', ':'])
        .find(|part| !part.trim().is_empty() && part.trim() != "." && part.trim() != "..")
        .unwrap_or("attachment");
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| {
            if FORBIDDEN_CHARACTERS.contains(&c) {
                '-'
            } else {
                c
            }
        })
        .take(100)
        .collect();
    match clean.trim().trim_end_matches(['.', ' ']) {
        "" => "attachment".to_string(),
        trimmed if is_reserved_device_name(trimmed) => format!("_{trimmed}"),
        trimmed => trimmed.to_string(),
    }
}

/// The files SQLite keeps beside a database while it is open. Writing over any of them breaks
/// every connection to the database, so none may be the target of a backup, export or report.
pub const DATABASE_COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Whether `target` is the database at `database` or one of its companion files, comparing
/// real locations (so `./a/../db.sqlite3` or a link to it counts) even when `target` does not
/// exist yet.
pub fn is_database_or_companion(database: &Path, target: &Path) -> bool {
    let (Some(database), Some(target)) = (resolved(database), resolved(target)) else {
        return false;
    };
    std::iter::once(String::new())
        .chain(DATABASE_COMPANIONS.iter().map(|s| s.to_string()))
        .any(|suffix| {
            let mut name = database.clone().into_os_string();
            name.push(&suffix);
            name == target.as_os_str()
        })
}

/// Refuses to write `target` when it is the database or one of its companion files.
pub fn refuse_database_target(database: &Path, target: &Path) -> Result<()> {
    if is_database_or_companion(database, target) {
        return Err(Error::InvalidInput(format!(
            "{} is the database Yardstick is using (or a file SQLite keeps beside it), so nothing was written there. Choose a different file name.",
            target.display()
        )));
    }
    Ok(())
}

/// The absolute, link-free form of `path`; for a file not yet there, its folder's real form
/// joined with its name.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Some(real);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
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
    fn the_database_and_its_companions_are_recognised_even_before_they_exist() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("y.sqlite3");
        std::fs::write(&db, b"").unwrap();
        // Writing over the -wal file corrupts what other connections see.
        assert!(is_database_or_companion(
            &db,
            &dir.path().join("y.sqlite3-wal")
        ));
        assert!(is_database_or_companion(
            &db,
            &dir.path().join(".").join("y.sqlite3")
        ));
        assert!(!is_database_or_companion(
            &db,
            &dir.path().join("y.sqlite3.bak")
        ));
        assert!(refuse_database_target(&db, &db).is_err());
    }

    #[test]
    fn names_windows_forbids_are_refused_by_the_one_rule() {
        // Each of these exports fine from Linux but cannot be written on a council laptop.
        for name in [
            "CON",
            "aux.pdf",
            "com1.csv",
            "report.",
            "report. ",
            "a<b.pdf",
            "a>b",
            "a\"b",
            "a|b",
            "what?.pdf",
            "star*.pdf",
            "C:evil",
        ] {
            assert!(unsafe_file_name(name).is_some(), "{name:?}");
        }
        // Ordinary names, non-ASCII ones included, must keep passing.
        for name in [
            "report.pdf",
            "Cyngor Sir Ynys Môn – 2026.pdf",
            "CONSOLE.txt",
            ".hidden",
        ] {
            assert_eq!(unsafe_file_name(name), None, "{name:?}");
        }
    }

    #[test]
    fn names_windows_forbids_are_mapped_to_ones_it_accepts() {
        // A mapped name keeps as much of the original as possible so people recognise it.
        assert_eq!(plain_file_name("aux.pdf"), "_aux.pdf");
        assert_eq!(plain_file_name("CON"), "_CON");
        assert_eq!(plain_file_name("report..."), "report");
        assert_eq!(plain_file_name("what?.pdf"), "what-.pdf");
        assert_eq!(plain_file_name("a<b>c|d*e\"f.pdf"), "a-b-c-d-e-f.pdf");
        assert_eq!(
            plain_file_name(r"C:\Users\Siân\Documents\plan.docx"),
            "plan.docx"
        );
    }

    #[test]
    fn exports_under_names_windows_forbids_are_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["aux.pdf", "CON.csv", "report.", "what?.json"] {
            let path = dir.path().join(name);
            let error = write_atomically(&path, b"%PDF").unwrap_err();
            // On Windows the report would go to a device or under another name; say why.
            assert_eq!(error.kind(), crate::ErrorKind::InvalidInput, "{name}");
            assert!(error.to_string().contains("different file name"), "{error}");
            assert!(
                std::fs::read_dir(dir.path()).unwrap().next().is_none(),
                "{name}"
            );
        }
        write_atomically(&dir.path().join("Yardstick - Môn - 2026-27.pdf"), b"%PDF").unwrap();
    }

    #[test]
    fn a_file_open_in_another_program_gets_a_message_saying_what_to_do() {
        let error = held_open(Path::new(r"C:\Users\sian\Yardstick - 2026-27.csv"));
        // The UI branches on the kind: "locked" invites trying again, not reporting a bug.
        assert_eq!(error.kind(), crate::ErrorKind::Locked);
        // The user must learn which file and what to do, not a raw OS error number.
        let message = error.to_string();
        assert!(message.contains("Yardstick - 2026-27.csv"), "{message}");
        assert!(message.contains("Close it"), "{message}");
        assert!(!message.contains("os error"), "{message}");
    }

    #[test]
    fn every_name_made_plain_passes_the_one_rule() {
        for name in [
            "CON",
            "aux.pdf",
            "x. . .",
            "???",
            "a\nb.pdf",
            "../../etc/passwd",
            "C:evil",
            " x ",
            "",
            "..",
            "\u{0}",
        ] {
            let plain = plain_file_name(name);
            // A name that exports but will not import strands the file on one machine.
            assert_eq!(unsafe_file_name(&plain), None, "{name:?} -> {plain:?}");
        }
        assert_eq!(plain_file_name("report.pdf"), "report.pdf");
    }

    #[test]
    fn a_missing_folder_is_an_io_error_naming_the_file_and_nothing_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder").join("report.pdf");
        let error = write_atomically(&path, b"x").unwrap_err();
        assert!(error.to_string().contains("report.pdf"), "{error}");
    }
}
