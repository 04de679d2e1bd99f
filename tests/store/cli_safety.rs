//! The CLI on the safety defects of issue #12: one assessment can be deleted, stored text is
//! printed without terminal escape sequences, a closed pipe is not a crash, and nothing is
//! written over the database or its companion files.

use std::io::Read;
use std::process::{Command, Stdio};

use crate::run_cli::{ok, yardstick};

#[test]
fn one_assessment_can_be_deleted_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    ok(&db, &["example-data"]);
    let id = ok(&db, &["new", "--org", "Testshire", "--period", "2026/27"]);
    let out = ok(&db, &["delete", id.trim()]);
    // Before, nothing could remove a single assessment, so a mistaken one stayed for ever.
    assert!(out.contains("Deleted assessment"), "{out}");
    let list = ok(&db, &["list"]);
    assert!(!list.contains("Testshire"), "it is gone: {list}");
}

#[test]
fn stored_text_is_printed_without_escape_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    let id = ok(&db, &["new", "--org", "Testshire", "--period", "2026/27"]);
    // As an import or a restored file could leave it, past today's validation.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE organisation SET name = 'Evil\u{1b}[2J\u{1b}]0;pwned\u{7} Council'",
            [],
        )
        .unwrap();
    for args in [vec!["list"], vec!["show", id.trim()]] {
        let out = ok(&db, &args);
        // ESC sequences let a file clear the screen or retitle the window of whoever lists it.
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains("Evil"), "the words themselves are kept: {out}");
    }
}

#[test]
fn show_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    let ids = ok(&db, &["example-data"]);
    let id = ids.lines().last().unwrap().trim().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_yardstick"))
        .args(["--db", db.to_str().unwrap(), "show", &id])
        .env_remove("YARDSTICK_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `yardstick show 3 | head -1`: read one byte, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
}

#[test]
fn exports_reports_and_backups_onto_the_database_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    let ids = ok(&db, &["example-data"]);
    let id = ids.lines().next().unwrap().trim();
    let before = ok(&db, &["list", "--json"]);
    let wal = dir.path().join("y.sqlite3-wal");
    let export_to = |out| vec!["export", id, "--format", "json", "--out", out];
    let targets = [
        export_to(db.to_str().unwrap()),
        export_to(wal.to_str().unwrap()),
        vec!["report", id, "--out", db.to_str().unwrap()],
        vec!["backup", wal.to_str().unwrap()],
    ];
    for args in targets {
        let out = yardstick(&db, &args);
        // `export --out` onto the live database once replaced it with JSON.
        assert!(!out.status.success(), "{args:?} is refused");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("database Yardstick is using"),
            "{args:?}: {stderr}"
        );
    }
    assert_eq!(
        ok(&db, &["list", "--json"]),
        before,
        "the database still works, unchanged"
    );
}

#[test]
fn a_database_that_no_longer_opens_can_still_be_restored_into() {
    let (dir, db, backup) = example_with_backup();
    // A database this version cannot open (here: marked as from a newer Yardstick).
    yardstick::store::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    assert!(!yardstick(&db, &["list"]).status.success());
    // Before, restore needed the database to open first, so nothing could rescue it.
    let said = ok(&db, &["restore", backup.to_str().unwrap()]);
    assert!(said.contains("kept in"), "{said}");
    assert_eq!(
        ok(&db, &["list"]).lines().count(),
        4,
        "header and three years"
    );
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.contains("before-restore") && name.ends_with(".bak")
        })
        .collect();
    // Its -wal and -shm files, if any, travel with it under the same name.
    assert_eq!(kept.len(), 1, "the unusable file is kept, not deleted");
}

#[test]
fn restore_leaves_another_programs_file_alone() {
    let (dir, _db, backup) = example_with_backup();
    let other = dir.path().join("other.sqlite3");
    yardstick::store::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (text TEXT);")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let out = yardstick(&other, &["restore", backup.to_str().unwrap()]);
    assert!(
        !out.status.success(),
        "nothing is restored over a file that is not ours"
    );
    assert_eq!(
        std::fs::read(&other).unwrap(),
        before,
        "and it is not changed"
    );
}

/// A database of the example council in a temp folder, and a backup archive of it beside it.
fn example_with_backup() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    ok(&db, &["example-data"]);
    let backup = dir.path().join("all.ysbackup");
    ok(&db, &["backup", backup.to_str().unwrap()]);
    (dir, db, backup)
}
