//! Export → import into an empty database → export gives the same document, apart from the
//! `exported` block: for the example council, for attached files with and without their
//! bytes, and for generated assessments (proptest).

use proptest::prelude::*;
use yardstick::exchange::{self, ImportOptions, ImportOutcome};
use yardstick::store::actions::{self, ActionInput, ActionStatus};
use yardstick::store::answers::{self, AnswerInput, Confidence};
use yardstick::store::assessments::{self, NewAssessment};
use yardstick::store::evidence;
use yardstick::store::organisations::{self, OrganisationKind};
use yardstick::store::Connection;

use crate::common::{dump, example_db, export, new_db, portable, write_json};

/// Imports `document` into `target` and returns the new assessment's export.
fn through(
    target: &Connection,
    dir: &std::path::Path,
    document: &serde_json::Value,
    with_files: bool,
) -> serde_json::Value {
    let file = write_json(dir, "exported.json", document);
    let outcome = exchange::import_json_file(target, &file, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("a fresh export imports: {e}"));
    assert!(
        matches!(outcome, ImportOutcome::Imported { peer: false, .. }),
        "{outcome:?}"
    );
    export(target, outcome.assessment_id(), with_files)
}

#[test]
fn every_example_assessment_survives_a_round_trip() {
    let (source, ids) = example_db();
    let target = new_db();
    for id in ids {
        let first = export(&source.conn, id, false);
        let second = through(&target.conn, target.dir.path(), &first, false);
        // The whole record (timestamps, sign-off, flags) must survive, or a colleague's copy
        // would silently differ from the original.
        assert_eq!(portable(first), portable(second), "assessment {id}");
    }
}

#[test]
fn bytes_in_memory_import_as_the_file_would() {
    let (source, ids) = example_db();
    let (by_file, by_bytes) = (new_db(), new_db());
    let id = *ids.first().unwrap();
    let bytes = exchange::export_json(&source.conn, id, &Default::default()).unwrap();
    let file = by_file.dir.path().join("exported.json");
    std::fs::write(&file, &bytes).unwrap();
    let options = ImportOptions::default();
    exchange::import_json_file(&by_file.conn, &file, &options).unwrap();
    exchange::import_json_bytes(&by_bytes.conn, "exported.json", &bytes, &options).unwrap();
    // One code path: the fuzzer drives the bytes entry point, so it must store exactly what
    // an import of the same file stores.
    assert_eq!(
        portable(export(&by_file.conn, 1, false)),
        portable(export(&by_bytes.conn, 1, false)),
        "the bytes and the file import store the same assessment"
    );
}

#[test]
fn attached_files_travel_embedded_and_are_stored_by_hash() {
    let (source, ids) = example_db();
    let draft = *ids.last().unwrap();
    let original = source.dir.path().join("Digital strategy.pdf");
    std::fs::write(&original, b"%PDF-1.4 a small strategy document").unwrap();
    let added =
        evidence::add_file(&source.conn, draft, "promotion", &original, "Strategy").unwrap();
    let sha = added.file.unwrap().sha256;

    let first = export(&source.conn, draft, true);
    assert!(
        first.to_string().contains("\"content\""),
        "--with-files embeds the file's bytes"
    );
    let target = new_db();
    let second = through(&target.conn, target.dir.path(), &first, true);
    assert_eq!(portable(first), portable(second));
    let stored = target.dir.path().join("evidence").join(&sha);
    assert_eq!(
        std::fs::read(stored).unwrap(),
        b"%PDF-1.4 a small strategy document",
        "the imported file is kept under its hash like any attachment"
    );
}

#[test]
fn files_listed_without_their_bytes_import_as_missing() {
    let (source, ids) = example_db();
    let draft = *ids.last().unwrap();
    let original = source.dir.path().join("survey.csv");
    std::fs::write(&original, b"q,a\r\n1,2\r\n").unwrap();
    evidence::add_file(&source.conn, draft, "end-to-end", &original, "").unwrap();

    let first = export(&source.conn, draft, false);
    let target = new_db();
    let second = through(&target.conn, target.dir.path(), &first, false);
    assert_eq!(
        portable(first),
        portable(second),
        "name, size, type and hash are kept"
    );
    let detail = yardstick::store::load_assessment(&target.conn, 1).unwrap();
    let file = detail.evidence.iter().find_map(|e| e.file.clone()).unwrap();
    // The app must offer to attach it again rather than pretend the file is there.
    assert!(
        file.missing,
        "a file exported without its bytes is shown as missing"
    );
}

#[test]
fn an_import_that_is_refused_leaves_no_trace() {
    let (source, ids) = example_db();
    let document = export(&source.conn, ids[0], false);
    let file = write_json(source.dir.path(), "again.json", &document);
    let before = dump(&source.conn);
    let error =
        exchange::import_json_file(&source.conn, &file, &ImportOptions::default()).unwrap_err();
    assert_eq!(error.kind(), yardstick::ErrorKind::Conflict);
    assert_eq!(
        before,
        dump(&source.conn),
        "a refused import changes nothing"
    );
}

/// Question index, level, target, confidence, rationale.
type GeneratedAnswer = (usize, Option<u8>, Option<u8>, Option<Confidence>, String);
/// Question index (none for overall), title, owner, due date, status.
type GeneratedAction = (Option<usize>, String, String, Option<String>, ActionStatus);

/// One generated assessment: answers, notes, links and actions with awkward text.
#[derive(Debug, Clone)]
struct Generated {
    answers: Vec<GeneratedAnswer>,
    notes: Vec<(usize, String)>,
    links: Vec<(usize, String)>,
    actions: Vec<GeneratedAction>,
    approver: Option<String>,
}

fn text() -> impl Strategy<Value = String> {
    // Formula-like starts, quotes, commas, line breaks, tabs and non-ASCII text all cross
    // JSON and must come back exactly.
    "[a-zA-Z0-9 =+@,;\"'\t\n\u{e9}\u{2013}\u{1F600}-]{0,40}"
}

/// As [`text`], without line breaks and tabs: for the fields shown as one line (an owner's
/// name), which refuse control characters.
fn line() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 =+@,;\"'\u{e9}\u{2013}\u{1F600}-]{0,40}"
}

fn word() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9 ,'=-]{0,20}[A-Za-z0-9]"
}

fn confidence() -> impl Strategy<Value = Option<Confidence>> {
    prop_oneof![
        Just(None),
        Just(Some(Confidence::Low)),
        Just(Some(Confidence::Medium)),
        Just(Some(Confidence::High))
    ]
}

fn status() -> impl Strategy<Value = ActionStatus> {
    prop_oneof![
        Just(ActionStatus::Open),
        Just(ActionStatus::InProgress),
        Just(ActionStatus::Done),
        Just(ActionStatus::Dropped)
    ]
}

fn generated() -> impl Strategy<Value = Generated> {
    (
        prop::collection::vec(
            (
                0usize..7,
                prop::option::of(0u8..=4),
                prop::option::of(0u8..=4),
                confidence(),
                text(),
            ),
            0..7,
        ),
        prop::collection::vec((0usize..7, word()), 0..4),
        prop::collection::vec((0usize..7, "[a-z]{1,12}"), 0..3),
        prop::collection::vec(
            (
                prop::option::of(0usize..7),
                word(),
                line(),
                prop::option::of((2020u32..2030, 1u32..13, 1u32..29)),
                status(),
            ),
            0..4,
        ),
        prop::option::of(word()),
    )
        .prop_map(|(answers, notes, links, actions, approver)| Generated {
            answers,
            notes,
            links: links
                .into_iter()
                .map(|(q, host)| (q, format!("https://{host}.example.gov.uk/page?a=1&b=2")))
                .collect(),
            actions: actions
                .into_iter()
                .map(|(q, title, owner, due, status)| {
                    (
                        q,
                        title,
                        owner,
                        due.map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
                        status,
                    )
                })
                .collect(),
            approver,
        })
}

fn build(conn: &Connection, generated: &Generated) -> i64 {
    let organisation = organisations::create_organisation(
        conn,
        "Generated Borough Council",
        OrganisationKind::LondonBorough,
        Some("E09000001"),
    )
    .unwrap();
    let source = yardstick::checklist::builtin_checklists()
        .remove(0)
        .source_text;
    let id = assessments::create_assessment(
        conn,
        &NewAssessment {
            organisation_id: organisation.id,
            period: "2025/26",
            assessor: "Prop Tester",
            checklist_source: &source,
            scope: "",
            from: None,
            profile: None,
        },
    )
    .unwrap()
    .id;
    let questions: Vec<String> = yardstick::store::load_assessment(conn, id)
        .unwrap()
        .checklist
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    for (q, level, target, confidence, rationale) in &generated.answers {
        let input = AnswerInput {
            level: *level,
            rationale: rationale.clone(),
            confidence: *confidence,
            target_level: *target,
            not_applicable: None,
        };
        answers::save_answer(conn, id, &questions[*q], &input).unwrap();
    }
    for (q, note) in &generated.notes {
        evidence::add_note(conn, id, &questions[*q], note).unwrap();
    }
    for (q, url) in &generated.links {
        evidence::add_link(conn, id, &questions[*q], url, "a link").unwrap();
    }
    for (q, title, owner, due_date, status) in &generated.actions {
        let input = ActionInput {
            question_id: q.map(|q| questions[q].clone()),
            title: title.clone(),
            owner: owner.clone(),
            due_date: due_date.clone(),
            status: *status,
            notes: String::new(),
        };
        actions::add_action(conn, id, &input).unwrap();
    }
    if let Some(approver) = &generated.approver {
        assessments::finalise(conn, id, approver).unwrap();
    }
    id
}

proptest! {
    // Each case writes two database files with durable commits; a modest number of cases
    // keeps the suite quick while still covering many shapes of assessment.
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_assessments_survive_a_round_trip(generated in generated()) {
        let source = new_db();
        let id = build(&source.conn, &generated);
        let first = export(&source.conn, id, false);
        let target = new_db();
        let second = through(&target.conn, target.dir.path(), &first, false);
        prop_assert_eq!(portable(first), portable(second));
    }
}

#[test]
fn a_grouped_framework_with_not_applicable_answers_and_a_profile_survives_a_round_trip() {
    // Format 2's additions (a profile, a not-applicable reason, levels on several scales)
    // must travel in the file, or a colleague's copy would lose why an outcome was left out.
    use yardstick::store::start::{start_assessment, OrganisationChoice, StartAssessment};
    let source = new_db();
    let checklists = source.dir.path().join("checklists");
    std::fs::create_dir(&checklists).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/checklist/fixtures/grouped-framework.toml"
        ),
        checklists.join("grouped.toml"),
    )
    .unwrap();
    let request = StartAssessment {
        organisation: OrganisationChoice::Named {
            name: "Ashford Borough Council".into(),
        },
        period: "2026/27".into(),
        assessor: Some("Sam Okafor".into()),
        checklist_id: Some("grouped-framework-test".into()),
        checklist_version: None,
        scope: Some("Council tax service".into()),
        profile: Some("enhanced".into()),
        from_assessment_id: None,
    };
    let id = start_assessment(&source.conn, source.dir.path(), &request)
        .unwrap()
        .id;
    let not_applicable = AnswerInput {
        rationale: "Checked with the service manager.".into(),
        target_level: Some(2),
        not_applicable: Some("The service holds no such assets.".into()),
        ..AnswerInput::default()
    };
    answers::save_answer(&source.conn, id, "a3-a", &not_applicable).unwrap();
    let two_level = AnswerInput {
        level: Some(1),
        rationale: "Board minutes".into(),
        ..AnswerInput::default()
    };
    answers::save_answer(&source.conn, id, "a1-c", &two_level).unwrap();
    let first = export(&source.conn, id, false);
    assert_eq!(first["assessment"]["profile"], "enhanced");
    let target = new_db();
    let second = through(&target.conn, target.dir.path(), &first, false);
    assert_eq!(portable(first), portable(second.clone()));
    let answer = second["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["questionId"] == "a3-a")
        .unwrap()
        .clone();
    assert_eq!(answer["notApplicable"], "The service holds no such assets.");
    assert!(answer["level"].is_null());
}

#[test]
fn a_not_applicable_answer_where_the_checklist_forbids_it_is_refused_by_place() {
    let (source, ids) = example_db();
    let mut document = export(&source.conn, ids[0], false);
    document["answers"][0]["notApplicable"] = "No reason to do it".into();
    document["answers"][0]["level"] = serde_json::Value::Null;
    let target = new_db();
    let before = dump(&target.conn);
    let file = write_json(target.dir.path(), "edited.json", &document);
    let error = exchange::import_json_file(&target.conn, &file, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(error.contains("answers[0].notApplicable"), "{error}");
    assert!(
        error.contains("may not be marked not applicable"),
        "{error}"
    );
    assert_eq!(dump(&target.conn), before, "nothing was written");
}
