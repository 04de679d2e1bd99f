//! Organisations: unique names, kinds and GSS codes, and deletion that says what goes.

use yardstick::store::answers::{self, AnswerInput};
use yardstick::store::organisations::{self, DeletionCounts, OrganisationKind};
use yardstick::store::{assessments, evidence};
use yardstick::ErrorKind;

use crate::common::{assessment, new_db, PROMOTION};

#[test]
fn names_are_unique_regardless_of_case_and_gss_codes_are_checked() {
    let db = new_db();
    let org = organisations::create_organisation(
        &db.conn,
        "  Testshire  ",
        OrganisationKind::County,
        Some("e10000999"),
    )
    .unwrap();
    assert_eq!(org.name, "Testshire", "surrounding spaces are trimmed");
    assert_eq!(
        org.gss_code.as_deref(),
        Some("E10000999"),
        "GSS codes are stored upper case"
    );
    // Two "Testshire"s would split one council's history between them.
    let duplicate =
        organisations::create_organisation(&db.conn, "TESTSHIRE", OrganisationKind::County, None)
            .unwrap_err();
    assert_eq!(duplicate.kind(), ErrorKind::Conflict);
    let bad_code = organisations::create_organisation(
        &db.conn,
        "Other",
        OrganisationKind::Other,
        Some("12345"),
    )
    .unwrap_err();
    assert_eq!(bad_code.kind(), ErrorKind::InvalidInput);
    let renamed = organisations::update_organisation(
        &db.conn,
        org.id,
        "Testshire County Council",
        OrganisationKind::County,
        None,
    )
    .unwrap();
    assert_eq!(renamed.name, "Testshire County Council");
    assert_eq!(renamed.gss_code, None, "the code can be cleared");
}

#[test]
fn deleting_an_organisation_reports_and_removes_everything_it_holds() {
    let db = new_db();
    let a = assessment(&db.conn, "Testshire", "2025/26");
    assessment(&db.conn, "Testshire", "2026/27");
    let keep = assessment(&db.conn, "Keepshire", "2026/27");
    answers::save_answer(
        &db.conn,
        a.id,
        PROMOTION,
        &AnswerInput {
            level: Some(1),
            ..Default::default()
        },
    )
    .unwrap();
    evidence::add_note(&db.conn, a.id, PROMOTION, "note").unwrap();
    assessments::finalise(&db.conn, a.id, "Approver").unwrap();

    let expected = DeletionCounts {
        assessments: 2,
        answers: 1,
        evidence: 1,
        actions: 0,
    };
    // The confirmation page shows these counts; they must match what is actually removed.
    assert_eq!(
        organisations::deletion_counts(&db.conn, a.organisation_id).unwrap(),
        expected
    );
    assert_eq!(
        organisations::delete_organisation(&db.conn, a.organisation_id).unwrap(),
        expected
    );
    let left: Vec<i64> = assessments::list_summaries(&db.conn)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(
        left,
        vec![keep.id],
        "only the other organisation's assessment remains"
    );
    let orphans: i64 = db
        .conn
        .query_row(
            "SELECT COUNT(*) FROM answer WHERE assessment_id = ?1",
            [a.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "answers go with their assessment");
}
