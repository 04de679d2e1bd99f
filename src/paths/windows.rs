//! Windows' rules for file names and paths, as pure functions over strings so that they are
//! tested on every platform: most users run Yardstick on Windows, but the tests run on Linux.
//! The file-name rule in `crate::files` and the database checks in `crate::store` call these.

/// Characters Windows refuses anywhere in a file name (besides control characters).
pub const FORBIDDEN_CHARACTERS: [char; 9] = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// The longest path (in UTF-16 units, without the terminating NUL) that every Windows program
/// opens: MAX_PATH is 260 including the NUL. Rust's own file calls go beyond it, but SQLite's
/// Windows layer, Explorer and Office do not.
pub const MAX_PATH_UNITS: usize = 259;

const DEVICE_NAMES: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// Whether Windows treats `name` as a device (CON, PRN, AUX, NUL, COM1–9, LPT1–9), whatever
/// its extension or case: writing `aux.pdf` opens the auxiliary device, not a file.
pub fn is_reserved_device_name(name: &str) -> bool {
    // Windows ignores the extension and trailing spaces and dots of the stem.
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.trim_end_matches([' ', '.']).to_ascii_uppercase();
    if DEVICE_NAMES.contains(&stem.as_str()) {
        return true;
    }
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix).is_some_and(|n| {
            matches!(
                n,
                "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
            )
        })
    };
    numbered("COM") || numbered("LPT")
}

/// Whether `name` ends in a dot or space, which Windows silently strips, so the file written
/// is not the file named (and two names can land on one file).
pub fn has_trailing_dot_or_space(name: &str) -> bool {
    name.ends_with(['.', ' '])
}

/// Whether `path` is on a network share written as a UNC path (`\\server\share\…`,
/// `//server/share/…` or `\\?\UNC\server\…`). A mapped drive letter cannot be told from its
/// text; `crate::store` asks Windows about those.
pub fn is_unc_path(path: &str) -> bool {
    let unified = path.replace('/', "\\");
    if let Some(verbatim) = unified.strip_prefix("\\\\?\\") {
        return verbatim.len() >= 4 && verbatim[..4].eq_ignore_ascii_case("UNC\\");
    }
    if unified.starts_with("\\\\.\\") {
        return false;
    }
    unified
        .strip_prefix("\\\\")
        .is_some_and(|rest| rest.split('\\').next().is_some_and(|host| !host.is_empty()))
}

/// Whether `path` is longer than the classic Windows limit that SQLite and Office still obey.
pub fn is_too_long(path: &str) -> bool {
    path.encode_utf16().count() > MAX_PATH_UNITS
}

/// The drive-letter root of `path` (`C:\`) when it starts with one, for asking Windows what
/// kind of drive it is.
pub fn drive_root(path: &str) -> Option<String> {
    let mut chars = path.chars();
    match (chars.next(), chars.next()) {
        (Some(letter), Some(':')) if letter.is_ascii_alphabetic() => {
            Some(format!("{}:\\", letter.to_ascii_uppercase()))
        }
        _ => None,
    }
}

/// Whether an OS error code means another program holds the file open: on Windows
/// ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33). Excel and PDF readers keep the
/// files they show open this way, so overwriting an export a colleague is looking at fails.
pub fn is_sharing_violation(windows_error_code: i32) -> bool {
    matches!(windows_error_code, 32 | 33)
}

/// Whether an OS error code is Windows' ERROR_ACCESS_DENIED (5): what renaming over a file
/// that another program holds open gives, as well as what a read-only file gives, so
/// `crate::files` asks the file which it is.
pub fn is_access_denied(windows_error_code: i32) -> bool {
    windows_error_code == 5
}

/// Why a database cannot safely live at `path` on Windows, if it cannot, as a message for the
/// user. `on_network_drive` is Windows' answer for a mapped drive letter, which the path's
/// text cannot show.
pub fn database_location_problem(path: &str, on_network_drive: bool) -> Option<String> {
    if is_unc_path(path) || on_network_drive {
        Some(format!(
            "{path} is on a network drive. SQLite cannot lock a database safely there, so two people (or a dropped connection) could corrupt it. Keep the database on this computer, for example in your Documents folder, and put backups (yardstick backup) on the network drive instead."
        ))
    } else if is_too_long(path) {
        Some(format!(
            "The database path is {} characters long; Windows programs can open at most {MAX_PATH_UNITS}. Choose a shorter folder or file name: {path}",
            path.encode_utf16().count()
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_names_are_recognised_with_any_extension_or_case() {
        // Writing "aux.pdf" on Windows sends the report to a device and loses it.
        for name in [
            "CON",
            "con",
            "aux.pdf",
            "Nul.txt",
            "PRN.tar.gz",
            "COM1",
            "lpt9.csv",
            "CON .txt",
            "com¹",
        ] {
            assert!(is_reserved_device_name(name), "{name}");
        }
        // Names that merely contain a device name are ordinary files and must stay allowed.
        for name in [
            "CONSOLE.pdf",
            "aux-report.pdf",
            "COM0",
            "COM10",
            "LPT",
            "x.con",
        ] {
            assert!(!is_reserved_device_name(name), "{name}");
        }
    }

    #[test]
    fn trailing_dots_and_spaces_are_noticed() {
        // Windows strips them, so "report." and "report" would be one file.
        assert!(has_trailing_dot_or_space("report."));
        assert!(has_trailing_dot_or_space("report "));
        assert!(!has_trailing_dot_or_space("report.pdf"));
    }

    #[test]
    fn unc_paths_in_every_spelling_are_network_paths() {
        // SQLite's locking is unreliable on shares, so each spelling must be caught.
        for path in [
            r"\\fileserver\council$\yardstick.sqlite3",
            "//fileserver/share/y.sqlite3",
            r"\\?\UNC\fileserver\share\y.sqlite3",
            r"\\?\unc\fileserver\share\y.sqlite3",
        ] {
            assert!(is_unc_path(path), "{path}");
        }
        // Local paths, including verbatim and device forms, must not be refused as network.
        for path in [
            r"C:\Users\Siân\AppData\Roaming\uk.org.yardstick\yardstick.sqlite3",
            r"\\?\C:\data\y.sqlite3",
            r"\\.\C:\data\y.sqlite3",
            "/home/user/y.sqlite3",
            r"relative\y.sqlite3",
        ] {
            assert!(!is_unc_path(path), "{path}");
        }
    }

    #[test]
    fn long_paths_are_counted_in_utf16_units_as_windows_counts_them() {
        // The limit is Windows', measured in UTF-16 units, not bytes: "é" is 2 bytes, 1 unit.
        let just_fits = format!(r"C:\{}", "é".repeat(MAX_PATH_UNITS - 3));
        assert!(!is_too_long(&just_fits));
        assert!(is_too_long(&format!("{just_fits}x")));
    }

    #[test]
    fn a_database_on_a_share_or_beyond_max_path_is_refused_with_what_to_do() {
        // Two laptops writing one SQLite file over SMB is how council data gets corrupted.
        let unc = database_location_problem(r"\\fs01\data\y.sqlite3", false).unwrap();
        assert!(
            unc.contains("network drive") && unc.contains("Documents"),
            "{unc}"
        );
        // A mapped drive letter is just as unsafe; only Windows can tell us it is one.
        assert!(database_location_problem(r"Z:\y.sqlite3", true).is_some());
        // SQLite's Windows layer cannot open a path past MAX_PATH; say so before it fails.
        let long = format!(r"C:\{}\y.sqlite3", "a".repeat(300));
        assert!(database_location_problem(&long, false)
            .unwrap()
            .contains("shorter"));
        // The default location, with a non-ASCII user name, must open.
        let local = r"C:\Users\Siân Ó Brien\AppData\Roaming\uk.org.yardstick\yardstick.sqlite3";
        assert_eq!(database_location_problem(local, false), None);
    }

    #[test]
    fn drive_roots_are_found_only_for_drive_letter_paths() {
        // Only a drive letter can be asked about; a UNC path is already known to be network.
        assert_eq!(drive_root(r"z:\share\y.sqlite3").as_deref(), Some(r"Z:\"));
        assert_eq!(drive_root(r"\\server\share"), None);
        assert_eq!(drive_root("/home/y"), None);
    }

    #[test]
    fn only_sharing_and_lock_violations_mean_the_file_is_open_elsewhere() {
        // Telling "close it in Excel" for a missing folder would send the user the wrong way.
        assert!(is_sharing_violation(32));
        assert!(is_sharing_violation(33));
        assert!(!is_sharing_violation(2));
        assert!(!is_sharing_violation(5));
        // Access denied alone is ambiguous (read-only file or held open) and is only a hint.
        assert!(is_access_denied(5) && !is_access_denied(32));
    }
}
