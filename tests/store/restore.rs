//! Restore that cannot lose data (issue #12, defects 1 and 5): every replaced database is kept
//! as a new timestamped safety copy, a safety copy can itself be restored, and a file that is
//! empty, foreign, damaged or carries objects of its own is refused before anything changes.

use std::path::Path;

use yardstick::store::answers::{self, AnswerInput};
use yardstick::store::{self, assessments, backup, evidence, Connection, APPLICATION_ID};
use yardstick::ErrorKind;

use crate::common::{assessment, new_db, snapshot_dir, PROMOTION};

fn set_level(conn: &Connection, id: i64, level: u8) {
    let input = AnswerInput {
        level: Some(level),
        ..Default::default()
    };
    answers::save_answer(conn, id, PROMOTION, &input).unwrap();
}

fn level(conn: &Connection, id: i64) -> Option<u8> {
    answers::get_answer(conn, id, PROMOTION)
        .unwrap()
        .and_then(|a| a.level)
}

#[test]
fn undoing_a_restore_by_restoring_its_safety_copy_brings_the_original_back() {
    let mut db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    set_level(&db.conn, a.id, 1);
    let backup_a = db.dir.path().join("a.sqlite3");
    backup::backup(&db.conn, &backup_a).unwrap();
    set_level(&db.conn, a.id, 4);

    let first = backup::restore(&mut db.conn, &backup_a).unwrap();
    assert_eq!(level(&db.conn, a.id), Some(1), "backup A is now live");
    let second = backup::restore(&mut db.conn, &first).unwrap();
    // The defect: the safety copy was overwritten with A before it was read, losing level 4.
    assert_eq!(
        level(&db.conn, a.id),
        Some(4),
        "restoring the safety copy undoes the restore"
    );
    assert_ne!(first, second, "each restore keeps its own safety copy");
    let kept = Connection::open(&second).unwrap();
    assert_eq!(
        level(&kept, a.id),
        Some(1),
        "what the second restore replaced (backup A's data) is kept too"
    );
    let kept_first = Connection::open(&first).unwrap();
    assert_eq!(
        level(&kept_first, a.id),
        Some(4),
        "the first safety copy still holds the original"
    );
}

#[test]
fn two_restores_in_a_row_keep_two_safety_copies() {
    let mut db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    set_level(&db.conn, a.id, 2);
    let backup_file = db.dir.path().join("b.sqlite3");
    backup::backup(&db.conn, &backup_file).unwrap();
    set_level(&db.conn, a.id, 3);
    let first = backup::restore(&mut db.conn, &backup_file).unwrap();
    let second = backup::restore(&mut db.conn, &backup_file).unwrap();
    // With one fixed name, the second restore overwrote the only copy of level 3.
    assert!(first.is_file() && second.is_file() && first != second);
    assert_eq!(level(&Connection::open(&first).unwrap(), a.id), Some(3));
    let name = first.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("yardstick.sqlite3.before-restore-") && name.ends_with(".bak"),
        "the name says what it is and when: {name}"
    );
}

/// Files a hostile or unlucky user might offer to restore, each with why it must be refused.
fn hostile_files(dir: &Path, conn: &Connection) -> Vec<(std::path::PathBuf, &'static str)> {
    let mut files = Vec::new();
    for version in [1, 2] {
        let empty = dir.join(format!("empty-schema-{version}.sqlite3"));
        Connection::open(&empty)
            .unwrap()
            .execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {version};"
            ))
            .unwrap();
        files.push((empty, "an empty file with our marks has none of our tables"));
    }
    let trigger = dir.join("trigger.sqlite3");
    backup::backup(conn, &trigger).unwrap();
    Connection::open(&trigger)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER wipe AFTER UPDATE ON answer BEGIN
                UPDATE assessment SET status = 'draft'; DELETE FROM action; END;",
        )
        .unwrap();
    files.push((
        trigger,
        "a trigger would run inside the user's database later",
    ));
    let view = dir.join("view.sqlite3");
    backup::backup(conn, &view).unwrap();
    Connection::open(&view)
        .unwrap()
        .execute_batch("CREATE VIEW v AS SELECT 1; CREATE TABLE extra (x);")
        .unwrap();
    files.push((view, "extra views and tables are not ours"));
    let passwd = dir.join("passwd.sqlite3");
    backup::backup(conn, &passwd).unwrap();
    Connection::open(&passwd)
        .unwrap()
        .execute_batch("UPDATE evidence SET file_sha256 = '/etc/passwd' WHERE kind = 'file';")
        .unwrap();
    files.push((
        passwd,
        "a stored hash that is a path would be read by an export",
    ));
    let fifo = dir.join("fifo.sqlite3");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        files.push((fifo, "opening a FIFO hangs"));
    }
    files
}

#[test]
fn hostile_restore_files_are_refused_and_leave_every_file_byte_for_byte_unchanged() {
    let mut db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    set_level(&db.conn, a.id, 3);
    let attached = db.dir.path().join("minutes.txt");
    std::fs::write(&attached, b"minutes").unwrap();
    evidence::add_file(&db.conn, a.id, PROMOTION, &attached, "").unwrap();
    std::fs::create_dir_all(db.dir.path().join("checklists")).unwrap();
    std::fs::write(
        db.dir.path().join("checklists/mine.toml"),
        "id = \"mine\"\n",
    )
    .unwrap();
    let offered = tempfile::tempdir().unwrap();
    let files = hostile_files(offered.path(), &db.conn);
    // A checkpoint now, so the comparison is not upset by SQLite tidying its own WAL.
    db.conn
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let before = snapshot_dir(db.dir.path());
    for (file, why) in files {
        let error = backup::restore(&mut db.conn, &file).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{why}: {error}");
        assert!(
            error.to_string().contains("Nothing has been changed"),
            "the user is told their data is safe: {error}"
        );
        assert_eq!(
            snapshot_dir(db.dir.path()),
            before,
            "{why}: the database, evidence and checklists folders are untouched"
        );
    }
    // The live database still works after every refusal.
    assert_eq!(level(&db.conn, a.id), Some(3));
    drop(db.conn);
    let reopened = store::open(&db.path).unwrap();
    assert_eq!(assessments::list_summaries(&reopened).unwrap().len(), 1);
}

#[test]
fn an_older_schema_backup_is_upgraded_in_a_scratch_copy_and_restores() {
    let mut db = new_db();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3");
    let offered = tempfile::tempdir().unwrap();
    let old = offered.path().join("old.sqlite3");
    std::fs::copy(&fixture, &old).unwrap();
    let before = std::fs::read(&old).unwrap();
    backup::restore(&mut db.conn, &old).unwrap();
    // The example council's three years must arrive, at the current schema.
    assert_eq!(assessments::list_summaries(&db.conn).unwrap().len(), 3);
    assert_eq!(
        std::fs::read(&old).unwrap(),
        before,
        "the backup offered is only read, never upgraded in place"
    );
    let leftovers: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("restore-check"))
        .collect();
    assert!(leftovers.is_empty(), "the scratch copy is cleared away");
}
