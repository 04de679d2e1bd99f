//! Native open and save dialogs, shown from Rust so the webview needs no file-system or dialog
//! permission: it asks for "attach files" and Rust decides what to show and what to accept.
//!
//! Debug builds read scripted answers from the file named by `YARDSTICK_TEST_DIALOG_ANSWERS`
//! (one answer per line: a path, several paths separated by tabs for a dialog that picks
//! several files, or `cancel` for a cancelled dialog), because WebDriver cannot reach a GTK
//! dialog. Release builds always show the real dialog.

use std::path::{Path, PathBuf};

use tauri::AppHandle;
use tauri_plugin_dialog::{DialogExt, FilePath};

pub struct FileFilter<'a> {
    pub name: &'a str,
    pub extensions: &'a [&'a str],
}

pub fn pick_files(app: &AppHandle, title: &str, filter: Option<FileFilter>) -> Vec<PathBuf> {
    if let Some(answer) = scripted_answer() {
        return answer
            .map(|line| {
                line.to_string_lossy()
                    .split('\t')
                    .map(PathBuf::from)
                    .collect()
            })
            .unwrap_or_default();
    }
    let mut dialog = app.dialog().file().set_title(title);
    if let Some(filter) = filter {
        dialog = dialog.add_filter(filter.name, filter.extensions);
    }
    dialog
        .blocking_pick_files()
        .unwrap_or_default()
        .into_iter()
        .filter_map(into_path)
        .collect()
}

pub fn pick_file(app: &AppHandle, title: &str, filter: FileFilter) -> Option<PathBuf> {
    if let Some(answer) = scripted_answer() {
        return answer;
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.name, filter.extensions)
        .blocking_pick_file()
        .and_then(into_path)
}

pub fn save_file(
    app: &AppHandle,
    title: &str,
    default_name: &str,
    filter: FileFilter,
) -> Option<PathBuf> {
    if let Some(answer) = scripted_answer() {
        return answer;
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(default_name)
        .add_filter(filter.name, filter.extensions)
        .blocking_save_file()
        .and_then(into_path)
}

/// The chosen path with `extension` added when the user typed a name without it, so the
/// file opens in the right app.
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    match path.extension() {
        Some(existing) if existing.eq_ignore_ascii_case(extension) => path,
        _ => append_extension(&path, extension),
    }
}

/// `report` → `report.csv`, `report.v2` → `report.v2.csv`: a dot the user typed stays.
fn append_extension(path: &Path, extension: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(extension);
    path.with_file_name(name)
}

fn into_path(path: FilePath) -> Option<PathBuf> {
    path.into_path().ok()
}

/// `Some(None)` for a scripted cancel, `Some(Some(path))` for a scripted choice, `None` when
/// no script is in use.
#[cfg(debug_assertions)]
fn scripted_answer() -> Option<Option<PathBuf>> {
    let script = std::env::var_os("YARDSTICK_TEST_DIALOG_ANSWERS")?;
    let text = std::fs::read_to_string(&script).unwrap_or_default();
    let mut lines = text.lines();
    let first = lines.next().map(str::trim).unwrap_or("cancel").to_string();
    let rest: Vec<&str> = lines.collect();
    let _ = std::fs::write(&script, rest.join("\n"));
    Some((first != "cancel" && !first.is_empty()).then(|| PathBuf::from(first)))
}

#[cfg(not(debug_assertions))]
fn scripted_answer() -> Option<Option<PathBuf>> {
    None
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    #[test]
    fn a_saved_file_always_ends_in_its_format_extension_so_it_opens_in_the_right_app() {
        let same = super::with_extension(PathBuf::from("/tmp/a.JSON"), "json");
        assert_eq!(same, Path::new("/tmp/a.JSON"));
        let added = super::with_extension(PathBuf::from("/tmp/a"), "pdf");
        assert_eq!(added, Path::new("/tmp/a.pdf"));
        let kept = super::with_extension(PathBuf::from("/tmp/St. Albans 2026"), "csv");
        assert_eq!(kept, Path::new("/tmp/St. Albans 2026.csv"));
    }
}
