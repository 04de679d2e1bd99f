//! Checklists on hostile input (issue #12, defects 3 and 8): problems are located in linear
//! time and listed up to a bound, a user file cannot shadow a built-in one by writing its
//! version differently, and a special file in the checklists folder is reported, not opened.

use std::fs;
use std::time::{Duration, Instant};

use yardstick::checklist::{
    available_checklists, builtin_checklists, find_checklist, parse_checklist, DEFAULT_CHECKLIST_ID,
};

use crate::hostile_files::repeated_questions_checklist;

#[test]
fn a_checklist_full_of_problems_is_located_in_linear_time_and_listed_briefly() {
    let text = repeated_questions_checklist(900 * 1024);
    let started = Instant::now();
    let report = parse_checklist("big.toml", &text).unwrap_err();
    let took = started.elapsed();
    // 280 KB of this once took 36 s: every problem rescanned the text for its line.
    assert!(took < Duration::from_secs(5), "validated in {took:?}");
    assert!(
        report.problems.len() <= 51,
        "at most 50 problems and a count of the rest, not {}",
        report.problems.len()
    );
    let last = report.problems.last().unwrap();
    assert!(
        last.message.starts_with("and ") && last.message.contains("more problems"),
        "the rest are counted: {last}"
    );
    let first = &report.problems[0];
    assert!(first.line >= 1 && first.column >= 1, "{first}");
}

#[test]
fn the_listed_problems_are_the_first_in_the_file_with_their_real_lines() {
    let text = repeated_questions_checklist(4 * 1024);
    let report = parse_checklist("some.toml", &text).unwrap_err();
    let lines: Vec<usize> = report.problems.iter().map(|p| p.line).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    // People fix a file from the top; an unordered list sends them back and forth.
    assert_eq!(lines, sorted, "problems come in file order");
    for problem in report.problems.iter().take(50) {
        let line = text.lines().nth(problem.line - 1).unwrap_or("");
        assert!(
            problem.column <= line.chars().count() + 1,
            "{problem} is on a real line and column"
        );
    }
}

#[test]
fn a_user_checklist_cannot_shadow_a_builtin_by_writing_its_version_differently() {
    let builtin = builtin_checklists()
        .into_iter()
        .find(|c| c.checklist.id == DEFAULT_CHECKLIST_ID)
        .unwrap();
    let version = builtin.checklist.version.clone();
    let padded = format!("0{version}");
    let text = builtin.source_text.replacen(
        &format!("version = \"{version}\""),
        &format!("version = \"{padded}\""),
        1,
    );
    let text = text.replacen("title = \"", "title = \"Tampered ", 1);
    assert_ne!(text, builtin.source_text, "the test changed the file");
    let data = tempfile::tempdir().unwrap();
    fs::create_dir_all(data.path().join("checklists")).unwrap();
    fs::write(data.path().join("checklists/shadow.toml"), text).unwrap();
    let (_, reports) = available_checklists(data.path());
    // "01.0" is the same version as "1.0"; a different text under it would silently win.
    assert!(
        reports
            .iter()
            .any(|r| r.to_string().contains("already exists")),
        "the clash is reported: {reports:?}"
    );
    let found = find_checklist(data.path(), DEFAULT_CHECKLIST_ID).unwrap();
    assert_eq!(found.sha256, builtin.sha256, "the built-in one is used");
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_checklists_folder_is_reported_not_opened() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().join("checklists");
    fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let path = data.path().to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(available_checklists(&path).1.len());
    });
    // Opening a FIFO waits for a writer: `checklist list` and `new` hung for ever.
    let reports = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("listing checklists does not hang on a FIFO");
    assert_eq!(reports, 1, "the FIFO is reported as not a checklist file");
}
