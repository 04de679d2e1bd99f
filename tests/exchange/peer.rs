//! Same organisation and period already present (refuse, copy, skip), and peer imports:
//! stored read-only, labelled, and still removable.

use yardstick::exchange::{self, ImportOptions, ImportOutcome, OnConflict};
use yardstick::store::answers::{self, AnswerInput};
use yardstick::store::{assessments, evidence};
use yardstick::ErrorKind;

use crate::common::{dump, example_db, export, new_db, write_json};

fn options(as_peer: bool, on_conflict: OnConflict) -> ImportOptions {
    ImportOptions {
        as_peer,
        on_conflict,
    }
}

#[test]
fn a_clash_is_refused_with_the_choices_explained() {
    let (db, ids) = example_db();
    let file = write_json(db.dir.path(), "2024.json", &export(&db.conn, ids[0], false));
    let before = dump(&db.conn);
    let error = exchange::import_json_file(&db.conn, &file, &ImportOptions::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert_eq!(
        error.field(),
        Some(yardstick::Field::OnConflict),
        "the app offers its copy/skip choice and the CLI names its option from this field"
    );
    let message = error.to_string();
    for expected in [
        "2024.json",
        "2024/25",
        "Example District Council",
        "import it as a copy",
        "skip it",
        "nothing was imported",
    ] {
        assert!(
            message.contains(expected),
            "the refusal says {expected:?}: {message}"
        );
    }
    assert_eq!(before, dump(&db.conn));
}

#[test]
fn skip_keeps_the_existing_assessment_and_writes_nothing() {
    let (db, ids) = example_db();
    let file = write_json(db.dir.path(), "2024.json", &export(&db.conn, ids[0], false));
    let before = dump(&db.conn);
    let outcome =
        exchange::import_json_file(&db.conn, &file, &options(false, OnConflict::Skip)).unwrap();
    assert_eq!(
        outcome,
        ImportOutcome::Skipped {
            existing_id: ids[0],
            organisation: "Example District Council".into(),
            period: "2024/25".into()
        }
    );
    assert_eq!(
        before,
        dump(&db.conn),
        "a skipped import writes nothing, not even an audit row"
    );
}

#[test]
fn copy_keeps_both_under_a_copy_of_the_organisation() {
    let (db, ids) = example_db();
    let file = write_json(db.dir.path(), "2024.json", &export(&db.conn, ids[0], false));
    let first =
        exchange::import_json_file(&db.conn, &file, &options(false, OnConflict::Copy)).unwrap();
    let second =
        exchange::import_json_file(&db.conn, &file, &options(false, OnConflict::Copy)).unwrap();
    let names: Vec<String> = [&first, &second]
        .iter()
        .map(|o| match o {
            ImportOutcome::Copied {
                organisation,
                existing_id,
                ..
            } => {
                assert_eq!(*existing_id, ids[0]);
                organisation.clone()
            }
            other => panic!("expected a copy, got {other:?}"),
        })
        .collect();
    assert_eq!(
        names,
        [
            "Example District Council (copy)",
            "Example District Council (copy 2)"
        ]
    );
    assert!(
        first
            .to_string()
            .contains("already has a 2024/25 assessment"),
        "{first}"
    );
    let copy = export(&db.conn, first.assessment_id(), false);
    let mut original = export(&db.conn, ids[0], false);
    original["organisation"]["name"] = copy["organisation"]["name"].clone();
    assert_eq!(
        crate::common::portable(original),
        crate::common::portable(copy),
        "the copy holds the same assessment"
    );
}

#[test]
fn a_peer_assessment_is_labelled_read_only_and_removable() {
    let (source, ids) = example_db();
    let file = write_json(
        source.dir.path(),
        "example-district-2025.json",
        &export(&source.conn, ids[1], false),
    );
    let mine = new_db();
    let outcome =
        exchange::import_json_file(&mine.conn, &file, &options(true, OnConflict::Refuse)).unwrap();
    assert!(
        matches!(outcome, ImportOutcome::Imported { peer: true, .. }),
        "{outcome:?}"
    );
    assert!(
        outcome
            .to_string()
            .contains("as a peer council's assessment, read only"),
        "{outcome}"
    );
    let id = outcome.assessment_id();

    let assessment = assessments::get_assessment(&mine.conn, id).unwrap();
    assert!(assessment.peer, "screens label it as a peer's");
    assert_eq!(
        assessment.peer_source.as_deref(),
        Some("example-district-2025.json")
    );
    let summary = assessments::list_summaries(&mine.conn).unwrap().remove(0);
    assert!(
        summary.peer && summary.peer_source.is_some(),
        "the home list labels it too"
    );

    // A peer's record is theirs: every edit is refused with `locked`, final or not.
    let before = dump(&mine.conn);
    let locked = [
        answers::save_answer(&mine.conn, id, "promotion", &AnswerInput::default()).map(|_| ()),
        evidence::add_note(&mine.conn, id, "promotion", "mine now").map(|_| ()),
        assessments::reopen(&mine.conn, id, "to change it").map(|_| ()),
        evidence::add_link(&mine.conn, id, "promotion", "https://example.org/", "").map(|_| ()),
    ];
    for result in locked {
        let error = result.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Locked, "{error}");
        assert!(
            error
                .to_string()
                .contains("is a peer's, imported from example-district-2025.json"),
            "{error}"
        );
    }
    assert_eq!(before, dump(&mine.conn));
    assessments::delete_assessment(&mine.conn, id).expect("a peer's copy can be removed");
}

#[test]
fn a_draft_peer_assessment_cannot_be_signed_off_either() {
    let (source, ids) = example_db();
    let file = write_json(
        source.dir.path(),
        "draft.json",
        &export(&source.conn, ids[2], false),
    );
    let mine = new_db();
    let id = exchange::import_json_file(&mine.conn, &file, &options(true, OnConflict::Refuse))
        .unwrap()
        .assessment_id();
    let error = assessments::finalise(&mine.conn, id, "Me").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Locked);
}
