//! Attached files: copied into the evidence folder by hash, deduplicated, independent of the
//! original, and reported (never a crash) when the stored copy has gone.

use yardstick::store::evidence::{self, EvidenceKind};
use yardstick::store::load_assessment;
use yardstick::store::snapshots::sha256_hex;
use yardstick::ErrorKind;

use crate::common::{assessment, new_db, END_TO_END, PROMOTION};

#[test]
fn an_attached_file_is_copied_by_hash_and_survives_the_original_being_deleted() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let original = db.dir.path().join("Channel shift report.pdf");
    let content = b"%PDF-1.4 pretend report";
    std::fs::write(&original, content).unwrap();

    let item = evidence::add_file(&db.conn, a.id, PROMOTION, &original, "Q1 figures").unwrap();
    let file = item.file.expect("a file item has file details");
    assert_eq!(item.kind, EvidenceKind::File);
    // Name, size, type and hash are what the UI and the report show.
    assert_eq!(file.name, "Channel shift report.pdf");
    assert_eq!(file.size, content.len() as u64);
    assert_eq!(file.media_type, "application/pdf");
    assert_eq!(file.sha256, sha256_hex(content));
    let stored = db.dir.path().join("evidence").join(&file.sha256);
    assert_eq!(
        std::fs::read(&stored).unwrap(),
        content,
        "the copy is byte for byte the original"
    );

    std::fs::remove_file(&original).unwrap();
    // Moving or deleting the original must not break the evidence.
    assert!(
        !load_assessment(&db.conn, a.id).unwrap().evidence[0]
            .file
            .as_ref()
            .unwrap()
            .missing
    );

    let again = db.dir.path().join("copy.pdf");
    std::fs::write(&again, content).unwrap();
    evidence::add_file(&db.conn, a.id, END_TO_END, &again, "").unwrap();
    let files = std::fs::read_dir(db.dir.path().join("evidence"))
        .unwrap()
        .count();
    assert_eq!(files, 1, "the same content attached twice is stored once");
}

#[test]
fn a_missing_stored_file_is_reported_not_a_crash() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2026/27");
    let original = db.dir.path().join("minutes.docx");
    std::fs::write(&original, b"minutes").unwrap();
    let item = evidence::add_file(&db.conn, a.id, PROMOTION, &original, "").unwrap();
    std::fs::remove_file(db.dir.path().join("evidence").join(sha256_hex(b"minutes"))).unwrap();

    // One lost file must not stop the whole assessment from opening.
    let detail = load_assessment(&db.conn, a.id).expect("the assessment still loads");
    assert!(
        detail.evidence[0].file.as_ref().unwrap().missing,
        "the item is flagged as missing"
    );
    let error = evidence::stored_file_path(&db.conn, item.id).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert!(
        error.to_string().contains("attach the file again"),
        "the message says what to do: {error}"
    );
    evidence::remove_evidence(&db.conn, item.id)
        .expect("a missing file can be removed from the list");
}
