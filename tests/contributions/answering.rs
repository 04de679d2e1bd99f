//! The colleague's side, across two real databases: the lead's request file is opened in the
//! colleague's Yardstick, answered with a file attached, saved, and taken back into the
//! lead's database, where accepting it puts the file in the evidence with its attribution.

use yardstick::contributions::answering::{self, ContributionAnswerInput};
use yardstick::contributions::{self, RequestFormat};
use yardstick::store::answers::Confidence;
use yardstick::store::evidence::{self, EvidenceKind};
use yardstick::ErrorKind;

use crate::common::*;

fn answered(level: u8) -> ContributionAnswerInput {
    ContributionAnswerInput {
        level: Some(level),
        rationale: "The contact centre handles 40% of calls through the web chat.".into(),
        confidence: Some(Confidence::Medium),
        target_level: Some(3),
        evidence_notes: "Channel shift report, March".into(),
        links: vec!["https://intranet.example.gov.uk/channel-shift".into()],
        ..Default::default()
    }
}

#[test]
fn a_request_is_answered_in_another_yardstick_with_a_file_and_accepted_with_its_attribution() {
    let lead = new_db();
    let assessment = assessment(&lead.conn, "2026/27", &default_source());
    let request = request(
        &lead.conn,
        assessment.id,
        &["end-to-end", "assisted-digital"],
    );
    let sent = export(&lead, &request, RequestFormat::Json, "request.json");

    let colleague = new_db();
    let opened = answering::open_request(&colleague.conn, &sent).expect("the request opens");
    assert!(!opened.already_open);
    let again = answering::open_request(&colleague.conn, &sent).unwrap();
    assert_eq!(
        (again.id, again.already_open),
        (opened.id, true),
        "opening it twice keeps the first"
    );
    let shown = answering::get_answering(&colleague.conn, opened.id).unwrap();
    let asked: Vec<&str> = shown
        .questions
        .iter()
        .map(|q| q.question_id.as_str())
        .collect();
    assert_eq!(
        asked,
        ["end-to-end", "assisted-digital"],
        "only the questions asked"
    );
    assert_eq!(shown.questions[0].levels.len(), 5);
    assert_eq!(shown.contributor, "Sam Patel");

    // Refusals name the field and save nothing.
    let before = dump(&colleague.conn);
    let not_applicable = ContributionAnswerInput {
        not_applicable: Some("We have no such service".into()),
        ..Default::default()
    };
    let refused = answering::save_answer(&colleague.conn, opened.id, "end-to-end", &not_applicable)
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::InvalidInput);
    assert!(refused.to_string().contains("not applicable"), "{refused}");
    let mut bad_link = answered(2);
    bad_link.links = vec!["file:///C:/secret.docx".into()];
    let refused =
        answering::save_answer(&colleague.conn, opened.id, "end-to-end", &bad_link).unwrap_err();
    assert_eq!(refused.field(), Some(yardstick::Field::Link), "{refused}");
    let off_scale = ContributionAnswerInput {
        level: Some(9),
        ..Default::default()
    };
    assert!(answering::save_answer(&colleague.conn, opened.id, "end-to-end", &off_scale).is_err());
    assert!(
        answering::save_answer(&colleague.conn, opened.id, "promotion", &answered(1)).is_err(),
        "a question not asked cannot be answered"
    );
    assert_eq!(dump(&colleague.conn), before, "nothing was saved");

    let saved =
        answering::save_answer(&colleague.conn, opened.id, "end-to-end", &answered(2)).unwrap();
    assert_eq!(saved.answer.level, Some(2));
    let report = colleague.path("Channel shift report.pdf");
    std::fs::write(&report, b"%PDF-1.4 channel shift figures").unwrap();
    let attached = answering::attach_files(
        &colleague.conn,
        opened.id,
        "end-to-end",
        std::slice::from_ref(&report),
    )
    .unwrap();
    assert_eq!(attached[0].name, "Channel shift report.pdf");
    let summary = answering::list_answering(&colleague.conn).unwrap();
    assert_eq!((summary[0].answered, summary[0].questions), (1, 2));

    // Never written over the colleague's own database.
    let over_database = colleague.path("yardstick.sqlite3");
    assert!(answering::export_contribution(&colleague.conn, opened.id, &over_database).is_err());
    let returned = colleague.path("Contribution from Sam Patel.json");
    answering::export_contribution(&colleague.conn, opened.id, &returned).unwrap();
    std::fs::remove_file(&report).unwrap();

    // Back at the lead's: taken in, nothing changed until accepted.
    let answers_before = yardstick::store::load_assessment(&lead.conn, assessment.id)
        .unwrap()
        .answers;
    let imported = contributions::import_files(
        &lead.conn,
        std::slice::from_ref(&returned),
        Some(assessment.id),
    )
    .unwrap();
    assert_eq!(imported[0].answered, 1);
    let listed = contributions::list_contributions(&lead.conn, assessment.id).unwrap();
    assert_eq!(
        listed[0].answers[0].contributed.files[0].name,
        "Channel shift report.pdf"
    );
    assert_eq!(
        yardstick::store::load_assessment(&lead.conn, assessment.id)
            .unwrap()
            .answers,
        answers_before,
        "nothing changes until the lead accepts"
    );
    contributions::accept(&lead.conn, imported[0].contribution_id, None).unwrap();
    let items = evidence::list_evidence(&lead.conn, assessment.id).unwrap();
    let file = items
        .iter()
        .find(|e| e.kind == EvidenceKind::File)
        .expect("the attached file is evidence now");
    assert_eq!(file.question_id, "end-to-end");
    assert!(
        file.note
            .starts_with("File from Sam Patel, Customer Services, "),
        "{}",
        file.note
    );
    let stored = evidence::stored_file_path(&lead.conn, file.id).unwrap();
    assert_eq!(
        std::fs::read(stored).unwrap(),
        b"%PDF-1.4 channel shift figures",
        "the lead has the colleague's bytes, not a pointer to their disk"
    );
    assert!(items.iter().any(|e| e
        .note
        .starts_with("Channel shift report, March (from Sam Patel")));
}

#[test]
fn a_damaged_attachment_in_a_returned_file_is_refused_and_nothing_is_written() {
    let lead = new_db();
    let assessment = assessment(&lead.conn, "2026/27", &default_source());
    let request = request(&lead.conn, assessment.id, &["end-to-end"]);
    let sent = export(&lead, &request, RequestFormat::Json, "request.json");
    let mut document: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&sent).unwrap()).unwrap();
    document["questions"][0]["answer"] = serde_json::json!({
        "level": 2,
        "files": [
            { "name": "../../evil.exe", "mediaType": "application/pdf", "size": 3,
              "sha256": "0000000000000000000000000000000000000000000000000000000000000000",
              "content": "YWJj" },
            { "name": "no-bytes.pdf", "mediaType": "application/pdf", "size": 3,
              "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" }
        ]
    });
    let returned = lead.path("returned.json");
    std::fs::write(&returned, serde_json::to_vec(&document).unwrap()).unwrap();
    let before = dump(&lead.conn);
    let error = contributions::import_files(&lead.conn, &[returned], None).unwrap_err();
    let problems = error.problem_list().join("\n");
    assert!(
        problems.contains("questions[0] (end-to-end).answer.files[0].name"),
        "{problems}"
    );
    assert!(
        problems.contains("files[0].content"),
        "the hash is checked: {problems}"
    );
    assert!(
        problems.contains("files[1].content"),
        "missing bytes are named: {problems}"
    );
    assert_eq!(dump(&lead.conn), before);
    let evidence_dir = lead.path("evidence");
    assert!(
        !evidence_dir.exists() || std::fs::read_dir(&evidence_dir).unwrap().next().is_none(),
        "no file was kept from a refused contribution"
    );
}

#[test]
fn a_broken_request_file_is_refused_with_its_place() {
    let colleague = new_db();
    let path = colleague.path("request.json");
    std::fs::write(
        &path,
        b"{\"format\": \"yardstick-contribution\", \"formatVersion\": 1, \"request\": 3}",
    )
    .unwrap();
    let before = dump(&colleague.conn);
    let error = answering::open_request(&colleague.conn, &path).unwrap_err();
    assert!(error.to_string().contains("request.json"), "{error}");
    assert!(error.to_string().contains("at request"), "{error}");
    let exchange_file = colleague.path("assessment.json");
    std::fs::write(&exchange_file, b"{\"format\": \"yardstick-assessment\"}").unwrap();
    let error = answering::open_request(&colleague.conn, &exchange_file).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("is not a Yardstick contribution file"),
        "{error}"
    );
    assert_eq!(dump(&colleague.conn), before);
}
