//! One-file backups (issue #12): database, evidence files and user checklists in one archive
//! with a manifest of hashes, verified on restore; automatic backups that keep the newest
//! few; unused evidence files cleared only once a backup holds them.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use yardstick::store::archive::{self, AutomaticBackup};
use yardstick::store::{assessments, evidence};
use yardstick::ErrorKind;

use crate::common::{assessment, new_db, snapshot_dir, TestDb, PROMOTION};

const CHECKLIST: &str = "id = \"mine\"\n# not validated by a backup, only carried\n";

/// A database with one attached file and one user checklist; returns the file's stored path.
fn filled() -> (TestDb, PathBuf) {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let original = db.dir.path().join("minutes.txt");
    std::fs::write(&original, b"minutes of the board").unwrap();
    let item = evidence::add_file(&db.conn, a.id, PROMOTION, &original, "").unwrap();
    std::fs::create_dir_all(db.dir.path().join("checklists")).unwrap();
    std::fs::write(db.dir.path().join("checklists/mine.toml"), CHECKLIST).unwrap();
    let stored = evidence::stored_file_path(&db.conn, item.id).unwrap();
    (db, stored)
}

#[test]
fn an_archive_brings_back_the_database_its_evidence_files_and_checklists() {
    let (mut db, stored) = filled();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("all.ysbackup");
    let manifest = archive::write_archive(&db.conn, &file, "manual").unwrap();
    assert_eq!(
        manifest.entries.len(),
        3,
        "database, one file, one checklist"
    );

    std::fs::remove_file(&stored).unwrap();
    std::fs::remove_file(db.dir.path().join("checklists/mine.toml")).unwrap();
    assessment(&db.conn, "Later Council", "2026/27");
    let kept = archive::restore_archive(&mut db.conn, &file).unwrap();

    // Restoring only the database once left every attachment showing "File missing".
    assert!(stored.is_file(), "the evidence file is back");
    assert_eq!(
        std::fs::read_to_string(db.dir.path().join("checklists/mine.toml")).unwrap(),
        CHECKLIST,
        "the user's checklist is back"
    );
    assert_eq!(assessments::list_summaries(&db.conn).unwrap().len(), 1);
    assert!(kept.is_file(), "the replaced database is kept");
}

fn raw_archive(path: &Path, entries: &[(&str, &[u8])]) {
    use sha2::{Digest, Sha256};
    let mut bytes = b"Yardstick backup v1\n\0\0\0\0".to_vec();
    let mut listed = Vec::new();
    for (name, content) in entries {
        bytes.extend_from_slice(content);
        let sha: String = Sha256::digest(content)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        listed.push(serde_json::json!({"path": name, "size": content.len(), "sha256": sha}));
    }
    let manifest = serde_json::json!({"format": "yardstick-backup", "createdAt": "x",
                                      "reason": "manual", "entries": listed});
    let json = serde_json::to_vec(&manifest).unwrap();
    bytes.extend_from_slice(&json);
    bytes.extend_from_slice(&(json.len() as u64).to_le_bytes());
    bytes.extend_from_slice(b"YSEND001");
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn damaged_truncated_and_hostile_archives_change_nothing() {
    let (mut db, _) = filled();
    let out = tempfile::tempdir().unwrap();
    let good = out.path().join("good.ysbackup");
    archive::write_archive(&db.conn, &good, "manual").unwrap();
    let bytes = std::fs::read(&good).unwrap();
    let flipped = out.path().join("flipped.ysbackup");
    let mut damaged = bytes.clone();
    damaged[200] ^= 0xff;
    std::fs::write(&flipped, damaged).unwrap();
    let cut = out.path().join("cut.ysbackup");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let escape = out.path().join("escape.ysbackup");
    raw_archive(
        &escape,
        &[
            ("database.sqlite3", b"x"),
            ("checklists/../../evil.toml", b"x"),
        ],
    );
    let no_database = out.path().join("empty.ysbackup");
    raw_archive(&no_database, &[("checklists/a.toml", b"x")]);
    let bad_database = out.path().join("bad-db.ysbackup");
    // An archive whose database is refused must not have added its evidence files either.
    let extra: &[u8] = b"a file the live evidence folder does not have";
    let extra_name = format!(
        "evidence/{}",
        yardstick::store::snapshots::sha256_hex(extra)
    );
    raw_archive(
        &bad_database,
        &[
            ("database.sqlite3", b"not a database at all"),
            (&extra_name, extra),
        ],
    );

    db.conn
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let before = snapshot_dir(db.dir.path());
    for file in [flipped, cut, escape, no_database, bad_database] {
        let error = archive::restore_archive(&mut db.conn, &file).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
        assert!(
            error.to_string().contains("Nothing has been changed"),
            "{error}"
        );
        // A bad backup must cost nothing: database, evidence and checklists are as they were.
        assert_eq!(snapshot_dir(db.dir.path()), before, "{}", file.display());
    }
}

#[test]
fn automatic_backups_are_daily_at_most_always_at_sign_off_and_only_the_newest_are_kept() {
    let (db, _) = filled();
    let first = archive::automatic_backup(&db.conn, AutomaticBackup::Daily, 2).unwrap();
    assert!(first.is_some(), "the first start of the day backs up");
    let again = archive::automatic_backup(&db.conn, AutomaticBackup::Daily, 2).unwrap();
    assert_eq!(again, None, "a second start the same day does not");
    for _ in 0..3 {
        let made = archive::automatic_backup(&db.conn, AutomaticBackup::SignOff, 2).unwrap();
        assert!(made.is_some(), "sign-off always backs up");
    }
    let kept = std::fs::read_dir(db.dir.path().join(archive::BACKUP_DIR))
        .unwrap()
        .count();
    // Without pruning, a backup per sign-off would fill the disk over the years.
    assert_eq!(kept, 2, "only the newest two are kept");
}

#[test]
fn an_unused_evidence_file_is_cleared_only_once_a_backup_holds_it() {
    let (db, stored) = filled();
    let id: i64 = db
        .conn
        .query_row("SELECT id FROM evidence", [], |r| r.get(0))
        .unwrap();
    evidence::remove_evidence(&db.conn, id).unwrap();
    let old = SystemTime::now() - Duration::from_secs(2 * 60 * 60);
    std::fs::File::options()
        .write(true)
        .open(&stored)
        .unwrap()
        .set_modified(old)
        .unwrap();
    assert_eq!(archive::clear_unused_evidence(&db.conn).unwrap(), 0);
    assert!(stored.is_file(), "no backup holds it yet, so it stays");
    let backup = archive::automatic_backup(&db.conn, AutomaticBackup::SignOff, 5)
        .unwrap()
        .unwrap();
    assert!(!stored.is_file(), "cleared once a backup holds it");
    let manifest = archive::read_manifest(&backup).unwrap();
    assert!(
        manifest
            .entries
            .iter()
            .any(|e| e.path.starts_with("evidence/")),
        "the backup really holds it"
    );
}

#[test]
fn signing_off_makes_a_backup_that_holds_the_signed_off_record() {
    // Sign-off is the moment a record matters most; the app and the CLI both sign off through
    // `sign_off`, so both leave a backup behind.
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let signed = archive::sign_off(&db.conn, a.id, "Chief Executive").unwrap();
    assert_eq!(
        signed.assessment.status,
        assessments::AssessmentStatus::Final
    );
    let path = PathBuf::from(signed.backup.expect("a sign-off backup is made"));
    assert!(path.starts_with(db.dir.path().join(archive::BACKUP_DIR)));
    assert!(archive::is_archive(&path));
    assert_eq!(signed.backup_problem, None);
}

#[test]
fn restore_from_takes_an_archive_or_a_bare_database_copy_alike() {
    // Settings offers one "Restore a backup…" for both kinds of file.
    let (db, _) = filled();
    let mut conn = db.conn;
    let archive_file = db.dir.path().join("all.ysbackup");
    archive::write_archive(&conn, &archive_file, "manual").unwrap();
    let copy = db.dir.path().join("copy.sqlite3");
    yardstick::store::backup::backup(&conn, &copy).unwrap();
    for source in [&archive_file, &copy] {
        let kept = archive::restore_from(&mut conn, source).unwrap();
        assert!(
            kept.exists(),
            "the replaced database is kept at {}",
            kept.display()
        );
        assert_eq!(assessments::list_summaries(&conn).unwrap().len(), 1);
    }
}

#[test]
fn an_empty_database_gets_no_daily_backup_so_a_first_start_stays_quick() {
    let db = new_db();
    let made = archive::automatic_backup(&db.conn, AutomaticBackup::Daily, 2).unwrap();
    assert_eq!(made, None, "nothing to keep yet");
}
