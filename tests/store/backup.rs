//! Backup and restore of the whole database with SQLite's online backup API.

use yardstick::store::answers::{self, AnswerInput};
use yardstick::store::{self, assessments, backup, Connection, SCHEMA_VERSION};
use yardstick::ErrorKind;

use crate::common::{assessment, new_db, TestDb, PROMOTION};

/// A new database with one assessment whose first question is at `level`.
fn answered(level: u8) -> (TestDb, assessments::Assessment) {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let input = AnswerInput {
        level: Some(level),
        ..Default::default()
    };
    answers::save_answer(&db.conn, a.id, PROMOTION, &input).unwrap();
    (db, a)
}

fn level(conn: &Connection, id: i64) -> Option<u8> {
    answers::get_answer(conn, id, PROMOTION)
        .unwrap()
        .and_then(|a| a.level)
}

#[test]
fn a_backup_restores_the_database_as_it_was() {
    let (mut db, a) = answered(2);
    let file = db.dir.path().join("backups").join("before-changes.sqlite3");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    backup::backup(&db.conn, &file).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    // A half-written backup under a temporary name would be mistaken for a real one later.
    assert_eq!(
        leftovers,
        vec![std::ffi::OsString::from("before-changes.sqlite3")],
        "only the finished backup remains"
    );

    answers::save_answer(
        &db.conn,
        a.id,
        PROMOTION,
        &AnswerInput {
            level: Some(4),
            ..Default::default()
        },
    )
    .unwrap();
    assessment(&db.conn, "Another Council", "2026/27");
    let kept = backup::restore(&mut db.conn, &file).unwrap();

    // The point of a backup: after restoring, the data is exactly what was backed up.
    assert_eq!(level(&db.conn, a.id), Some(2));
    assert_eq!(
        assessments::list_summaries(&db.conn).unwrap().len(),
        1,
        "later additions are gone"
    );
    assert!(
        kept.is_file() && kept.parent() == Some(db.dir.path()),
        "the replaced data is kept beside the database in case the wrong file was chosen"
    );
    drop(db.conn);
    let reopened = store::open(&db.path).unwrap();
    assert_eq!(
        level(&reopened, a.id),
        Some(2),
        "the restore is on disk, not just in the open connection"
    );
    assert_eq!(backup::integrity(&reopened), Ok(()));
}

#[test]
fn restore_refuses_files_that_are_not_sound_yardstick_databases_and_changes_nothing() {
    let (mut db, a) = answered(3);

    let text = db.dir.path().join("notes.sqlite3");
    std::fs::write(
        &text,
        "not a database at all, but plenty of bytes to look like a header....",
    )
    .unwrap();
    let other = db.dir.path().join("other.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;")
        .unwrap();
    let newer = db.dir.path().join("newer.sqlite3");
    backup::backup(&db.conn, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let missing = db.dir.path().join("nope.sqlite3");

    let cases = [
        (&text, ErrorKind::InvalidInput),
        (&other, ErrorKind::InvalidInput),
        (&newer, ErrorKind::Conflict),
        (&missing, ErrorKind::NotFound),
    ];
    for (file, kind) in cases {
        let error = backup::restore(&mut db.conn, file).unwrap_err();
        assert_eq!(error.kind(), kind, "{}: {error}", file.display());
        assert!(
            error.to_string().contains("Nothing has been changed") || kind == ErrorKind::NotFound,
            "the user is told their data is safe: {error}"
        );
        // Restoring the wrong file must never cost the user their current data.
        assert_eq!(
            level(&db.conn, a.id),
            Some(3),
            "{} left the current data alone",
            file.display()
        );
    }
    assert_eq!(backup::integrity(&db.conn), Ok(()));
}

#[test]
fn backing_up_onto_the_open_database_is_refused() {
    let db = new_db();
    let error = backup::backup(&db.conn, &db.path).unwrap_err();
    // Overwriting the live file with itself mid-write could corrupt it.
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
}
