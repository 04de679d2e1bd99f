//! The store on hostile and unlucky input (issue #12, defects 6, 7 and 8): another program's
//! file is identified before any pragma touches it, stored hashes never become paths, counts
//! are limited, single-line fields refuse control characters, and nothing is ever written
//! over the database's own companion files.

use yardstick::store::actions::{self, ActionInput, ActionStatus};
use yardstick::store::validate::{MAX_ACTIONS_PER_QUESTION, MAX_EVIDENCE_PER_QUESTION};
use yardstick::store::{self, backup, evidence, organisations, Connection};
use yardstick::ErrorKind;

use crate::common::{assessment, new_db, PROMOTION};

#[test]
fn another_programs_database_is_refused_without_a_single_byte_changing() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let error = store::open(&other).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
    // The defect: pragmas ran first and switched the file to WAL for good.
    assert_eq!(
        std::fs::read(&other).unwrap(),
        before,
        "the file is byte for byte as it was"
    );
    assert!(
        !dir.path().join("other.sqlite3-wal").exists(),
        "no WAL file was started beside it"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_given_as_the_database_is_refused_without_opening_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("db.sqlite3");
    if !std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        return;
    }
    // Opening a FIFO blocks until something writes to it.
    let error = store::open(&fifo).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
}

#[test]
fn a_stored_hash_that_is_a_path_never_becomes_one() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let original = db.dir.path().join("minutes.txt");
    std::fs::write(&original, b"minutes").unwrap();
    let item = evidence::add_file(&db.conn, a.id, PROMOTION, &original, "").unwrap();
    db.conn
        .execute(
            "UPDATE evidence SET file_sha256 = '../../../../etc/passwd' WHERE id = ?1",
            [item.id],
        )
        .unwrap();
    let loaded = evidence::get_evidence(&db.conn, item.id).unwrap();
    assert!(
        loaded.file.unwrap().missing,
        "a hash that is not hex is no file of ours"
    );
    // Export and "open file" go through here: it must not hand out /etc/passwd.
    let error = evidence::stored_file_path(&db.conn, item.id).unwrap_err();
    assert!(!error.to_string().contains("passwd"), "{error}");
}

#[test]
fn evidence_and_actions_per_question_are_limited_with_a_clear_message() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    for n in 0..MAX_EVIDENCE_PER_QUESTION {
        evidence::add_note(&db.conn, a.id, PROMOTION, &format!("note {n}")).unwrap();
    }
    let error = evidence::add_note(&db.conn, a.id, PROMOTION, "one too many").unwrap_err();
    // Without a limit, two million notes made the report take 8.6 GB.
    assert_eq!(error.kind(), ErrorKind::InvalidInput);
    assert!(
        error.to_string().contains("the most it can hold"),
        "{error}"
    );
    for n in 0..MAX_ACTIONS_PER_QUESTION {
        actions::add_action(&db.conn, a.id, &overall_action(&format!("action {n}"))).unwrap();
    }
    let error = actions::add_action(&db.conn, a.id, &overall_action("one too many")).unwrap_err();
    assert!(
        error.to_string().contains("overall recommendation"),
        "{error}"
    );
}

fn overall_action(title: &str) -> ActionInput {
    ActionInput {
        question_id: None,
        title: title.into(),
        owner: String::new(),
        due_date: None,
        status: ActionStatus::Open,
        notes: String::new(),
    }
}

#[test]
fn names_refuse_control_characters_and_nul() {
    let db = new_db();
    for name in ["Test\0shire", "Evil\u{1b}[2J Council", "Two\nlines"] {
        let error = organisations::create_organisation(
            &db.conn,
            name,
            organisations::OrganisationKind::Other,
            None,
        )
        .unwrap_err();
        // These end text early or rewrite the terminal when the name is printed.
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{name:?}: {error}");
    }
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let error =
        evidence::add_link(&db.conn, a.id, PROMOTION, "https://a.example/\0x", "").unwrap_err();
    assert_eq!(
        error.kind(),
        ErrorKind::InvalidInput,
        "NUL in a link: {error}"
    );
}

#[test]
fn a_backup_onto_the_databases_companion_files_is_refused() {
    let db = new_db();
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.path.clone().into_os_string();
        name.push(suffix);
        let error = backup::backup(&db.conn, std::path::Path::new(&name)).unwrap_err();
        // Replacing the -wal file under a live connection broke every other connection.
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{suffix}: {error}");
    }
    assert_eq!(backup::integrity(&db.conn), Ok(()));
}

#[test]
fn a_writer_waits_its_turn_rather_than_failing_after_a_few_seconds() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let other = store::open(&db.path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let path = db.path.clone();
    let writer = std::thread::spawn(move || {
        let conn = store::open(&path).unwrap();
        evidence::add_note(&conn, a.id, PROMOTION, "saved after the wait").map(|_| ())
    });
    // Longer than the old 5 s timeout: a second window holding the lock that long made a
    // save fail, though it would have succeeded a moment later.
    std::thread::sleep(std::time::Duration::from_secs(6));
    other.execute_batch("COMMIT").unwrap();
    let saved = writer.join().unwrap();
    assert!(saved.is_ok(), "the save waited and succeeded: {saved:?}");
}
