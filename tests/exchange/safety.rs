//! Import on hostile files (issue #12, defects 2, 3, 4, 6 and 8): problem lists and quoted
//! values stay short, work stays linear, counts are limited, peers stay apart from the user's
//! own organisation, and text and times are tidied or refused.

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use yardstick::exchange::{self, ImportOptions, OnConflict};
use yardstick::store::assessments::{self, NewAssessment};
use yardstick::store::organisations::{self, OrganisationKind};
use yardstick::ErrorKind;

use crate::common::{dump, example_db, export, new_db, write_json, Db};
use crate::hostile_files::{checklist_with_questions, snapshot_dir};

/// An export of a draft whose checklist has `questions` questions.
fn big_export(questions: usize) -> Value {
    let db = new_db();
    let org =
        organisations::create_organisation(&db.conn, "Big Council", OrganisationKind::Other, None)
            .unwrap();
    let source = checklist_with_questions(questions, 0);
    let a = assessments::create_assessment(
        &db.conn,
        &NewAssessment {
            organisation_id: org.id,
            period: "2026/27",
            assessor: "",
            checklist_source: &source,
            scope: "",
            from: None,
            profile: None,
        },
    )
    .unwrap();
    export(&db.conn, a.id, false)
}

fn answer(question_id: &str) -> Value {
    json!({"questionId": question_id, "level": 1, "rationale": "", "confidence": null,
           "targetLevel": null, "carriedForward": false, "updatedAt": "2026-04-01T09:30:00.000Z"})
}

/// Imports `document` and expects a refusal that leaves every file of the data folder (the
/// database, the evidence folder, the checklists folder) byte for byte as it was.
fn refused(db: &Db, document: &Value, name: &str) -> String {
    let offered = tempfile::tempdir().unwrap();
    let file = write_json(offered.path(), name, document);
    let checklists = db.dir.path().join("checklists");
    std::fs::create_dir_all(&checklists).unwrap();
    std::fs::write(checklists.join("mine.toml"), "id = \"mine\"\n").unwrap();
    db.conn
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let before = dump(&db.conn);
    let bytes = snapshot_dir(db.dir.path());
    let error = exchange::import_json_file(&db.conn, &file, &ImportOptions::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
    assert_eq!(before, dump(&db.conn), "a refused import changes nothing");
    assert_eq!(
        bytes,
        snapshot_dir(db.dir.path()),
        "not one byte of the data folder changed"
    );
    error.to_string()
}

#[test]
fn unknown_question_ids_against_a_big_checklist_give_a_short_message_quickly() {
    let mut document = big_export(999);
    let answers: Vec<Value> = (0..999).map(|n| answer(&format!("nope-{n}"))).collect();
    document["answers"] = json!(answers);
    let db = new_db();
    let started = Instant::now();
    let message = refused(&db, &document, "unknown.json");
    // Each problem once listed all 999 ids: 1.3 MB of input took 1.3 GB.
    assert!(
        message.len() < 40_000,
        "the message is bounded: {} bytes",
        message.len()
    );
    assert!(
        message.contains("999 problems") && message.contains("and 949 more"),
        "the count is exact though the list is short: {}",
        &message[..300]
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "refused in {:?}",
        started.elapsed()
    );
}

#[test]
fn a_huge_field_is_quoted_short() {
    let (db, ids) = example_db();
    let mut document = export(&db.conn, ids[0], false);
    document["organisation"]["name"] = json!("Another Council");
    document["assessment"]["period"] = json!("x".repeat(1_000_000));
    let message = refused(&db, &document, "huge.json");
    // A 40 MB field once came back as a 40 MB error message.
    assert!(message.len() < 2_000, "{} bytes", message.len());
}

#[test]
fn more_answers_or_evidence_than_the_checklist_has_room_for_are_refused_at_once() {
    let (db, ids) = example_db();
    let mut document = export(&db.conn, ids[0], false);
    document["organisation"]["name"] = json!("Another Council");
    let answers: Vec<Value> = (0..5000).map(|_| answer("promotion")).collect();
    document["answers"] = json!(answers);
    let message = refused(&db, &document, "answers.json");
    assert!(message.contains("5000 answers"), "says how many: {message}");

    let mut document = export(&db.conn, ids[0], false);
    document["organisation"]["name"] = json!("Another Council");
    let note = json!({"questionId": "promotion", "kind": "note", "note": "n", "url": null,
                      "file": null, "createdAt": "2026-04-01T09:30:00.000Z"});
    document["evidence"] = json!(vec![note; 20_000]);
    let started = Instant::now();
    let message = refused(&db, &document, "notes.json");
    // Two million notes once imported, and the report then took 8.6 GB.
    assert!(message.contains("evidence items"), "{message}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_peer_with_my_name_stays_apart_from_my_organisation_and_can_be_removed() {
    let (db, ids) = example_db();
    let own = organisations::find_by_name(&db.conn, "Example District Council")
        .unwrap()
        .unwrap();
    let mut document = export(&db.conn, ids[0], false);
    document["assessment"]["period"] = json!("2030/31");
    let file = write_json(db.dir.path(), "peer.json", &document);
    let options = ImportOptions {
        as_peer: true,
        on_conflict: OnConflict::Refuse,
    };
    let id = exchange::import_json_file(&db.conn, &file, &options)
        .unwrap()
        .assessment_id();
    let peer = assessments::get_assessment(&db.conn, id).unwrap();
    // The defect: it landed in my organisation and became my "previous year".
    assert_ne!(peer.organisation_id, own.id, "a peer's lives apart");
    assert_eq!(
        assessments::list_for_organisation(&db.conn, own.id)
            .unwrap()
            .len(),
        ids.len(),
        "my history holds only my own assessments"
    );
    let mine = assessments::create_assessment(
        &db.conn,
        &NewAssessment {
            organisation_id: own.id,
            period: "2030/31",
            assessor: "",
            checklist_source: document["checklist"]["source"].as_str().unwrap(),
            scope: "",
            from: None,
            profile: None,
        },
    );
    assert!(
        mine.is_ok(),
        "the peer's period does not block my own: {mine:?}"
    );
    assert!(
        organisations::list_organisations(&db.conn)
            .unwrap()
            .iter()
            .all(|o| o.id != peer.organisation_id),
        "peers are not offered as my organisations"
    );
    assessments::delete_assessment(&db.conn, id).unwrap();
    assert!(
        organisations::get_organisation(&db.conn, peer.organisation_id).is_err(),
        "an emptied peer organisation goes with its last assessment"
    );
    assert!(organisations::get_organisation(&db.conn, own.id).is_ok());
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let (source, ids) = example_db();
    let mut document = export(&source.conn, ids[0], false);
    document["organisation"]["name"] = json!("Bom Council");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(serde_json::to_vec(&document).unwrap());
    let file = source.dir.path().join("bom.json");
    std::fs::write(&file, bytes).unwrap();
    // Windows editors add one; refusing it made a good file look broken.
    exchange::import_json_file(&source.conn, &file, &ImportOptions::default()).unwrap();
}

#[test]
fn times_outside_a_sane_range_and_control_characters_are_refused() {
    let (db, ids) = example_db();
    let base = export(&db.conn, ids[0], false);
    type Edit = (&'static str, fn(&mut Value));
    let edits: [Edit; 4] = [
        ("year 10000", |d| {
            d["assessment"]["createdAt"] = json!("9999-12-31T23:59:59-23:59")
        }),
        ("control character", |d| {
            d["organisation"]["name"] = json!("Evil\u{1b}[2J Council")
        }),
        ("NUL", |d| d["answers"][0]["rationale"] = json!("a\u{0}b")),
        ("control character", |d| {
            d["actions"][0]["owner"] = json!("Line\nbreak")
        }),
    ];
    for (why, edit) in edits {
        let mut document = base.clone();
        document["organisation"]["name"] = json!("Another Council");
        edit(&mut document);
        let message = refused(&db, &document, "bad.json");
        // Each is named, so the sender knows what to fix; "+10000-…" once stored and then
        // could not be imported again.
        assert!(message.contains(why), "{why}: {message}");
    }
}

#[test]
fn a_file_name_that_exports_also_imports() {
    let (db, ids) = example_db();
    let draft = *ids.last().unwrap();
    let original = db.dir.path().join("minutes.txt");
    std::fs::write(&original, b"minutes").unwrap();
    let item =
        yardstick::store::evidence::add_file(&db.conn, draft, "promotion", &original, "").unwrap();
    // As an older version stored it: a name with a line break and a colon.
    db.conn
        .execute(
            "UPDATE evidence SET file_name = 'board\nminutes: final.txt' WHERE id = ?1",
            [item.id],
        )
        .unwrap();
    let document = export(&db.conn, draft, true);
    let mine = new_db();
    let file = write_json(mine.dir.path(), "named.json", &document);
    // It exported, then would not import: the two sides used different rules for names.
    let imported = exchange::import_json_file(&mine.conn, &file, &ImportOptions::default());
    assert!(imported.is_ok(), "{imported:?}");
}

#[cfg(unix)]
#[test]
fn a_fifo_offered_for_import_is_refused_without_being_opened() {
    let db = new_db();
    let fifo = db.dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let result = exchange::import_json_file(&db.conn, &fifo, &ImportOptions::default());
        let _ = tx.send(result.map(|_| ()).map_err(|e| e.to_string()));
    });
    // Opening a FIFO waits for a writer that never comes.
    let result = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the import does not hang");
    let message = result.unwrap_err();
    assert!(message.contains("special file"), "{message}");
}
