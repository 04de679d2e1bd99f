//! User checklists in `<data dir>/checklists/`: valid ones are offered beside the built-in
//! ones, broken ones are reported without hiding the rest, and lookups by id find the newest
//! version.

use std::fs;
use std::path::Path;

use yardstick::checklist::{
    available_checklists, find_checklist, find_checklist_version, load_checklist_file,
    ChecklistOrigin, DEFAULT_CHECKLIST_ID,
};
use yardstick::ErrorKind;

use super::fixture;

fn small_valid() -> String {
    fs::read_to_string(fixture("fixtures/small-valid.toml")).unwrap()
}

fn add_user_file(data_dir: &Path, name: &str, text: &str) {
    let dir = data_dir.join("checklists");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn no_user_folder_means_only_the_builtins() {
    let data = tempfile::tempdir().unwrap();
    let (checklists, reports) = available_checklists(data.path());
    assert!(reports.is_empty());
    assert!(checklists
        .iter()
        .all(|c| c.origin == ChecklistOrigin::BuiltIn));
    assert!(checklists
        .iter()
        .any(|c| c.checklist.id == DEFAULT_CHECKLIST_ID));
}

#[test]
fn valid_user_files_are_added_and_broken_ones_reported() {
    let data = tempfile::tempdir().unwrap();
    add_user_file(data.path(), "small.toml", &small_valid());
    add_user_file(data.path(), "broken.toml", "id = \"x\"\nversion = \n");
    add_user_file(
        data.path(),
        "notes.txt",
        "not a checklist, and not a .toml file",
    );
    let (checklists, reports) = available_checklists(data.path());
    let user: Vec<_> = checklists
        .iter()
        .filter(|c| matches!(c.origin, ChecklistOrigin::UserFile(_)))
        .collect();
    assert_eq!(user.len(), 1);
    assert_eq!(user[0].checklist.id, "small");
    assert_eq!(
        reports.len(),
        1,
        "only the broken .toml is reported: {reports:?}"
    );
    assert!(reports[0].file().ends_with("broken.toml"));
}

#[test]
fn a_copy_of_a_builtin_is_not_listed_twice() {
    let data = tempfile::tempdir().unwrap();
    let builtin = find_checklist(data.path(), DEFAULT_CHECKLIST_ID).unwrap();
    add_user_file(data.path(), "copy.toml", &builtin.source_text);
    let (checklists, reports) = available_checklists(data.path());
    let count = checklists
        .iter()
        .filter(|c| c.checklist.id == DEFAULT_CHECKLIST_ID)
        .count();
    assert_eq!(count, 1);
    assert!(reports.is_empty());
}

#[test]
fn an_edited_builtin_with_the_same_version_is_refused() {
    // Two different texts under one id and version would make stored results ambiguous.
    let data = tempfile::tempdir().unwrap();
    let builtin = find_checklist(data.path(), DEFAULT_CHECKLIST_ID).unwrap();
    let edited = builtin
        .source_text
        .replace("title = \"Promotion\"", "title = \"Marketing\"");
    add_user_file(data.path(), "edited.toml", &edited);
    let (_, reports) = available_checklists(data.path());
    assert_eq!(reports.len(), 1);
    assert!(reports[0]
        .to_string()
        .contains("give this file a higher `version`"));
}

#[test]
fn find_returns_the_newest_version_and_can_find_an_exact_one() {
    let data = tempfile::tempdir().unwrap();
    let text = small_valid();
    add_user_file(
        data.path(),
        "a.toml",
        &text.replace("version = \"1.0\"", "version = \"1.10\""),
    );
    add_user_file(
        data.path(),
        "b.toml",
        &text.replace("version = \"1.0\"", "version = \"1.9\""),
    );
    let newest = find_checklist(data.path(), "small").unwrap();
    assert_eq!(
        newest.checklist.version, "1.10",
        "versions compare as numbers, not text"
    );
    let older = find_checklist_version(data.path(), "small", "1.9").unwrap();
    assert!(matches!(older.origin, ChecklistOrigin::UserFile(ref p) if p.ends_with("b.toml")));
}

#[test]
fn an_unknown_id_is_not_found_with_a_hint() {
    let data = tempfile::tempdir().unwrap();
    let error = find_checklist(data.path(), "nope").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert!(error.to_string().contains("put its .toml file in"));
}

#[test]
fn loading_names_the_file_and_keeps_the_error_kind() {
    let missing = load_checklist_file(Path::new("/nonexistent/x.toml")).unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::Io);
    assert!(missing.to_string().contains("/nonexistent/x.toml"));
    let broken = load_checklist_file(&fixture("broken/weight-zero.toml")).unwrap_err();
    assert_eq!(broken.kind(), ErrorKind::InvalidInput);
    assert!(
        broken.full_text().contains("weight-zero.toml:51:10:"),
        "{broken}"
    );
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_fine() {
    let data = tempfile::tempdir().unwrap();
    let text = format!("\u{feff}{}", small_valid().replace('\n', "\r\n"));
    add_user_file(data.path(), "windows.toml", &text);
    let loaded = load_checklist_file(&data.path().join("checklists/windows.toml")).unwrap();
    assert_eq!(loaded.checklist.questions.len(), 2);
}
