//! Every way a returned file can be wrong is refused with a message naming the place, and
//! the database is left exactly as it was (compared row by row).

use std::path::PathBuf;

use serde_json::json;
use yardstick::contributions::{self, RequestFormat};
use yardstick::store::assessments;
use yardstick::ErrorKind;

use crate::common::*;

/// A database with a draft of the built-in checklist, a request for two questions written as
/// a workbook, and a filled copy made with `edits` (valid answers in row 2 unless overridden).
struct Case {
    db: Db,
    assessment_id: i64,
    sent: PathBuf,
}

fn case() -> Case {
    let db = new_db();
    let assessment = assessment(&db.conn, "2026/27", &default_source());
    let request = request(&db.conn, assessment.id, &["promotion", "end-to-end"]);
    let sent = export(&db, &request, RequestFormat::Xlsx, "request.xlsx");
    Case {
        db,
        assessment_id: assessment.id,
        sent,
    }
}

impl Case {
    fn filled(&self, edits: serde_json::Value) -> Option<PathBuf> {
        let mut all = vec![
            cell("Questions", "F2", "Embedded"),
            cell("Questions", "H2", "Letters give the web address first"),
        ];
        all.extend(edits.as_array().unwrap().iter().cloned());
        let target = self.db.path("returned.xlsx");
        fill(&self.sent, &target, serde_json::Value::Array(all))?;
        Some(target)
    }

    /// Imports `file` expecting a refusal; returns the message and every listed problem, and
    /// checks that nothing in the database changed.
    fn refused(&self, file: &PathBuf, assessment: Option<i64>) -> String {
        let before = dump(&self.db.conn);
        let error =
            contributions::import_files(&self.db.conn, std::slice::from_ref(file), assessment)
                .expect_err("the file must be refused");
        assert_eq!(dump(&self.db.conn), before, "nothing written on a refusal");
        error.full_text()
    }
}

#[test]
fn free_text_instead_of_the_drop_down_is_refused_by_row_and_column() {
    let case = case();
    let Some(file) = case.filled(json!([
        cell("Questions", "F2", "Pretty good"),
        cell("Questions", "I2", "very"),
        cell("Questions", "J3", "Amazing"),
    ])) else {
        return;
    };
    let message = case.refused(&file, None);
    assert!(message.contains("3 problems"), "{message}");
    assert!(message.contains("sheet Questions, row 2, column F (Your level): \"Pretty good\" is not on the drop-down"), "{message}");
    assert!(
        message.contains("row 2, column I (Confidence)"),
        "{message}"
    );
    assert!(
        message.contains("row 3, column J (Target level)"),
        "{message}"
    );
}

#[test]
fn a_formula_is_refused() {
    let case = case();
    let Some(file) = case.filled(json!([cell("Questions", "H3", "=HYPERLINK(\"http://x\")")]))
    else {
        return;
    };
    let message = case.refused(&file, None);
    assert!(
        message.contains("row 3, column H (Rationale): holds a formula"),
        "{message}"
    );
}

#[test]
fn moved_columns_are_refused() {
    let case = case();
    let Some(file) =
        case.filled(json!([{ "op": "swap_columns", "sheet": "Questions", "a": 8, "b": 9 }]))
    else {
        return;
    };
    let message = case.refused(&file, None);
    assert!(
        message.contains("row 1, column H (Rationale): the heading reads \"Confidence\""),
        "{message}"
    );
}

#[test]
fn moved_rows_are_refused() {
    let case = case();
    let Some(file) = case.filled(json!([
        cell("Questions", "A2", "2"),
        cell("Questions", "M2", "end-to-end"),
    ])) else {
        return;
    };
    let message = case.refused(&file, None);
    assert!(
        message.contains("row 2, column A (Code): this row should be"),
        "{message}"
    );
}

#[test]
fn a_cell_over_the_text_limit_is_refused_and_the_echo_is_cut_short() {
    let case = case();
    let long = "x".repeat(50_001);
    let Some(file) = case.filled(json!([cell("Questions", "K2", &long)])) else {
        return;
    };
    let message = case.refused(&file, None);
    assert!(
        message.contains("row 2, column K (Evidence notes): the text fills a spreadsheet cell's limit of 32767 characters"),
        "{message}"
    );
    assert!(message.len() < 2_000, "values are not echoed in full");
}

#[test]
fn an_altered_hidden_sheet_is_refused() {
    let case = case();
    let Some(file) = case.filled(json!([
        cell("Yardstick", "B5", "9.9"),
        cell("Yardstick", "B10", "promotion"),
    ])) else {
        return;
    };
    let message = case.refused(&file, None);
    assert!(
        message.contains("sheet Yardstick, row 5, column B: the hidden sheet was altered"),
        "{message}"
    );
    assert!(
        message.contains("its list of questions is not the one asked"),
        "{message}"
    );
}

#[test]
fn a_workbook_for_another_assessment_is_refused() {
    let case = case();
    let Some(file) = case.filled(json!([])) else {
        return;
    };
    let other = assessment(&case.db.conn, "2027/28", &default_source());
    let message = case.refused(&file, Some(other.id));
    assert!(
        message.contains(&format!("not assessment {}", other.id)),
        "{message}"
    );
}

#[test]
fn a_workbook_from_another_database_is_refused() {
    let case = case();
    let Some(file) = case.filled(json!([])) else {
        return;
    };
    let elsewhere = new_db();
    assessment(&elsewhere.conn, "2026/27", &default_source());
    let before = dump(&elsewhere.conn);
    let error = contributions::import_files(&elsewhere.conn, &[file], None).unwrap_err();
    assert_eq!(dump(&elsewhere.conn), before);
    assert!(
        error
            .full_text()
            .contains("which this database did not make"),
        "{}",
        error.full_text()
    );
}

#[test]
fn a_contribution_for_a_final_assessment_is_refused_and_so_is_accepting_one() {
    let case = case();
    let Some(file) = case.filled(json!([])) else {
        return;
    };
    let imported =
        contributions::import_files(&case.db.conn, std::slice::from_ref(&file), None).unwrap();
    let second = case
        .filled(json!([cell("Questions", "H3", "Another")]))
        .unwrap();
    assessments::finalise(&case.db.conn, case.assessment_id, "Chief Executive").unwrap();
    let message = case.refused(&second, None);
    assert!(message.contains("which is final"), "{message}");
    let before = dump(&case.db.conn);
    let error =
        contributions::accept(&case.db.conn, imported[0].contribution_id, None).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Locked);
    let error =
        contributions::set_aside(&case.db.conn, imported[0].contribution_id, "No").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert_eq!(dump(&case.db.conn), before);
}

#[test]
fn the_same_file_twice_and_one_bad_file_among_good_ones_write_nothing() {
    let case = case();
    let Some(good) = case.filled(json!([])) else {
        return;
    };
    contributions::import_files(&case.db.conn, std::slice::from_ref(&good), None).unwrap();
    let message = case.refused(&good, None);
    assert!(message.contains("already been taken in"), "{message}");
    let fresh = case.db.path("fresh.xlsx");
    fill(
        &case.sent,
        &fresh,
        json!([cell("Questions", "H2", "Fresh")]),
    )
    .unwrap();
    let bad = case.db.path("bad.xlsx");
    fill(
        &case.sent,
        &bad,
        json!([cell("Questions", "F2", "Nonsense")]),
    )
    .unwrap();
    let before = dump(&case.db.conn);
    let error = contributions::import_files(&case.db.conn, &[fresh, bad], None).unwrap_err();
    assert_eq!(dump(&case.db.conn), before, "all or none");
    assert!(
        error.full_text().contains("bad.xlsx"),
        "{}",
        error.full_text()
    );
}

#[test]
fn accepting_a_question_not_in_the_contribution_changes_nothing() {
    let case = case();
    let Some(file) = case.filled(json!([])) else {
        return;
    };
    let imported = contributions::import_files(&case.db.conn, &[file], None).unwrap();
    let before = dump(&case.db.conn);
    let error = contributions::accept(
        &case.db.conn,
        imported[0].contribution_id,
        Some(&["digital-skills".to_string()]),
    )
    .unwrap_err();
    assert!(error.to_string().contains("does not answer"), "{error}");
    assert_eq!(dump(&case.db.conn), before);
}

/// The contribution-file refusals: a question not asked, another checklist version, another
/// assessment named, a level off the scale, a broken link.
#[test]
fn a_contribution_file_out_of_shape_is_refused_with_every_problem() {
    let db = new_db();
    let assessment = assessment(&db.conn, "2026/27", &default_source());
    let request = request(&db.conn, assessment.id, &["promotion"]);
    let sent = export(&db, &request, RequestFormat::Json, "request.json");
    let mut document: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&sent).unwrap()).unwrap();
    document["request"]["checklist"]["version"] = json!("2.0");
    document["request"]["assessmentId"] = json!(assessment.id + 1);
    document["questions"][0]["answer"] = json!({ "level": 9, "links": ["javascript:alert(1)"] });
    let mut not_asked = document["questions"][0].clone();
    not_asked["questionId"] = json!("end-to-end");
    document["questions"]
        .as_array_mut()
        .unwrap()
        .push(not_asked);
    let returned = db.path("returned.json");
    std::fs::write(&returned, serde_json::to_vec(&document).unwrap()).unwrap();
    let before = dump(&db.conn);
    let message = contributions::import_files(&db.conn, std::slice::from_ref(&returned), None)
        .unwrap_err()
        .full_text();
    assert_eq!(dump(&db.conn), before);
    for expected in [
        "request.checklist.version: the file says \"2.0\"",
        "request.assessmentId",
        "questions[0] (promotion).answer.level: 9 is not on this question's scale",
        "answer.links[0]",
        "questions[1] (end-to-end): this question was not asked",
    ] {
        assert!(message.contains(expected), "{expected} in {message}");
    }
    // A field the format does not have is refused, not ignored.
    document["surprise"] = json!(true);
    std::fs::write(&returned, serde_json::to_vec(&document).unwrap()).unwrap();
    let message = contributions::import_files(&db.conn, &[returned], None)
        .unwrap_err()
        .full_text();
    assert!(message.contains("unknown field"), "{message}");
    assert_eq!(dump(&db.conn), before);
}

#[test]
fn a_request_for_a_final_assessment_or_an_unknown_question_is_refused() {
    let db = new_db();
    let assessment = assessment(&db.conn, "2026/27", &default_source());
    let before = dump(&db.conn);
    let ids = vec!["promotionn".to_string()];
    let error = contributions::create_request(
        &db.conn,
        &contributions::NewRequest {
            assessment_id: assessment.id,
            question_ids: &ids,
            contributor: "Sam Patel",
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("Did you mean \"promotion\""),
        "{error}"
    );
    assert_eq!(dump(&db.conn), before);
    assessments::finalise(&db.conn, assessment.id, "Chief Executive").unwrap();
    let before = dump(&db.conn);
    let ids = vec!["promotion".to_string()];
    let error = contributions::create_request(
        &db.conn,
        &contributions::NewRequest {
            assessment_id: assessment.id,
            question_ids: &ids,
            contributor: "Sam Patel",
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert_eq!(dump(&db.conn), before);
}

#[test]
fn a_request_is_never_written_over_the_database() {
    let case = case();
    let database = case.db.path("yardstick.sqlite3");
    let before = std::fs::read(&database).unwrap();
    let error = contributions::check_output(&case.db.conn, &database).unwrap_err();
    assert!(error
        .to_string()
        .contains("the database Yardstick is using"));
    assert_eq!(std::fs::read(&database).unwrap(), before);
}
