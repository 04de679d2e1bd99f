//! The CSV export: byte-order mark, CRLF, quoting, the formula-injection guard, and what
//! LibreOffice makes of the files (converted headless to xlsx and ods, and back to CSV, so we
//! see that formula-like text stayed text).

use std::path::Path;
use std::process::Command;

use yardstick::exchange;
use yardstick::store::actions::{self, ActionInput, ActionStatus};
use yardstick::store::answers::{self, AnswerInput};

use crate::common::{example_db, new_db, Db};

/// Rationales a hostile or careless colleague might type, one per question, and what a
/// spreadsheet must show for each: the text itself, never a computed result.
const AWKWARD: [(&str, &str); 7] = [
    ("=1+1", "'=1+1"),
    ("+44 1632 960000", "'+44 1632 960000"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    (
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "'=HYPERLINK(\"http://evil.example\",\"click\")",
    ),
    ("\t=1+1", "'\t=1+1"),
    (
        "Plain, with \"quotes\", commas,\nand a line break — café",
        "Plain, with \"quotes\", commas,\nand a line break — café",
    ),
];

fn awkward_db() -> (Db, i64) {
    let (db, ids) = example_db();
    let draft = *ids.last().unwrap();
    let questions: Vec<String> = yardstick::store::load_assessment(&db.conn, draft)
        .unwrap()
        .checklist
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    for (question, (rationale, _)) in questions.iter().zip(AWKWARD) {
        let mut input = answers::get_answer(&db.conn, draft, question)
            .unwrap()
            .map(|a| AnswerInput::from(&a))
            .unwrap_or_default();
        input.rationale = rationale.to_string();
        answers::save_answer(&db.conn, draft, question, &input).unwrap();
    }
    let action = ActionInput {
        question_id: None,
        title: "=cmd|' /C calc'!A0".into(),
        owner: "@owner".into(),
        due_date: None,
        status: ActionStatus::InProgress,
        notes: "-notes".into(),
    };
    actions::add_action(&db.conn, draft, &action).unwrap();
    (db, draft)
}

/// Reads CSV as RFC 4180 (quotes, doubled quotes, line breaks inside quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[test]
fn csv_files_are_utf8_with_bom_crlf_and_a_row_per_question() {
    let (db, ids) = example_db();
    let (answers, actions) = exchange::export_csv(&db.conn, ids[2]).unwrap();
    for (name, bytes) in [("answers", &answers), ("actions", &actions)] {
        // Without the BOM, Excel reads UTF-8 as a legacy code page and mangles "—" and "é".
        assert!(
            bytes.starts_with(b"\xef\xbb\xbf"),
            "{name} starts with a BOM"
        );
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert!(
            text.ends_with("\r\n"),
            "{name} ends its last record with CRLF"
        );
        let bare_lf = text
            .match_indices('\n')
            .filter(|(i, _)| !text[..*i].ends_with('\r'))
            .count();
        assert_eq!(
            bare_lf, 0,
            "{name}: every record ends with CRLF (the example has no line breaks in text)"
        );
    }
    let rows = parse_csv(std::str::from_utf8(&answers[3..]).unwrap());
    assert_eq!(
        rows[0],
        [
            "Code",
            "Question id",
            "Theme",
            "Question",
            "Level",
            "Level label",
            "Target level",
            "Confidence",
            "Rationale",
            "Evidence items",
            "Open actions",
            "Not applicable because"
        ]
    );
    assert_eq!(
        rows.len(),
        8,
        "a header and one row per question of the checklist"
    );
    assert!(
        rows[1..].iter().all(|r| r.len() == 12),
        "every row has every column"
    );
    let actions_rows = parse_csv(std::str::from_utf8(&actions[3..]).unwrap());
    let stored = yardstick::store::load_assessment(&db.conn, ids[2])
        .unwrap()
        .actions
        .len();
    assert_eq!(
        actions_rows.len(),
        stored + 1,
        "a header and one row per action"
    );
}

#[test]
fn formula_like_text_is_escaped_and_quoting_is_exact() {
    let (db, draft) = awkward_db();
    let (answers, actions) = exchange::export_csv(&db.conn, draft).unwrap();
    let rows = parse_csv(std::str::from_utf8(&answers[3..]).unwrap());
    for (row, (_, shown)) in rows[1..].iter().zip(AWKWARD) {
        assert_eq!(row[8], shown, "the rationale column of question {}", row[0]);
    }
    let actions = parse_csv(std::str::from_utf8(&actions[3..]).unwrap());
    let overall = actions.iter().find(|r| r[3].starts_with("'=cmd")).unwrap();
    assert_eq!(
        overall[3], "'=cmd|' /C calc'!A0",
        "a DDE payload in a title stays text"
    );
    assert_eq!(overall[4], "'@owner");
    assert_eq!(overall[7], "'-notes");
}

fn soffice() -> Option<&'static str> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("SKIPPED: LibreOffice (soffice) is not installed; scripts/install-deps.sh test installs libreoffice-calc-nogui.");
    }
    found.then_some("soffice")
}

/// Runs one headless conversion with its own profile folder (so parallel runs do not share
/// a lock) and returns the converted file.
fn convert(
    soffice: &str,
    work: &Path,
    input: &Path,
    to: &str,
    infilter: Option<&str>,
) -> std::path::PathBuf {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        work.join("profile").display()
    );
    let out = work.join(to.split(':').next().unwrap());
    let mut command = Command::new(soffice);
    command.arg(&profile).arg("--headless").arg("--norestore");
    if let Some(filter) = infilter {
        command.arg(format!("--infilter={filter}"));
    }
    let output = command
        .arg("--convert-to")
        .arg(to)
        .arg("--outdir")
        .arg(&out)
        .arg(input)
        .output()
        .expect("soffice runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "soffice --convert-to {to} {}: {stderr}",
        input.display()
    );
    assert!(
        !stderr.to_lowercase().contains("error"),
        "LibreOffice reported a problem converting {}: {stderr}",
        input.display()
    );
    let stem = input.file_stem().unwrap().to_string_lossy();
    let extension = to.split(':').next().unwrap();
    let converted = out.join(format!("{stem}.{extension}"));
    assert!(
        std::fs::metadata(&converted).is_ok_and(|m| m.len() > 0),
        "LibreOffice wrote {}",
        converted.display()
    );
    converted
}

#[test]
fn libreoffice_opens_both_csv_files_and_formula_like_text_stays_text() {
    let Some(soffice) = soffice() else { return };
    let (db, draft) = awkward_db();
    let work = new_db();
    let (answers, actions) = exchange::export_csv(&db.conn, draft).unwrap();
    let answers_path = work.dir.path().join("answers.csv");
    let actions_path = work.dir.path().join("answers-actions.csv");
    std::fs::write(&answers_path, answers).unwrap();
    std::fs::write(&actions_path, actions).unwrap();
    // Comma-separated, double-quoted, UTF-8 (76), from line 1: what the import dialog detects.
    let csv_in = Some("CSV:44,34,76,1");
    for input in [&answers_path, &actions_path] {
        convert(soffice, work.dir.path(), input, "ods", csv_in);
    }
    let xlsx = convert(soffice, work.dir.path(), &answers_path, "xlsx", csv_in);
    let back = convert(
        soffice,
        work.dir.path(),
        &xlsx,
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        None,
    );
    let rows = parse_csv(&std::fs::read_to_string(back).unwrap());
    assert_eq!(
        rows[0][0], "Code",
        "the BOM is read as the encoding mark, not as text"
    );
    for (row, (_, shown)) in rows[1..].iter().zip(AWKWARD) {
        // A formula would have come back as its result (2, 1, …); text comes back as typed.
        assert_eq!(
            row[8], shown,
            "LibreOffice keeps question {}'s rationale as text",
            row[0]
        );
    }
    assert_eq!(
        rows.len(),
        8,
        "LibreOffice sees one row per question, line breaks and all"
    );
}

#[test]
fn the_csv_of_an_empty_assessment_lists_every_question_as_not_started() {
    let db = new_db();
    let organisation = yardstick::store::organisations::create_organisation(
        &db.conn,
        "Empty Council",
        yardstick::store::organisations::OrganisationKind::County,
        None,
    )
    .unwrap();
    let source = yardstick::checklist::builtin_checklists()
        .remove(0)
        .source_text;
    let id = yardstick::store::assessments::create_assessment(
        &db.conn,
        &yardstick::store::assessments::NewAssessment {
            organisation_id: organisation.id,
            period: "2026/27",
            assessor: "",
            checklist_source: &source,
            scope: "",
            from: None,
            profile: None,
        },
    )
    .unwrap()
    .id;
    let (answers, actions) = exchange::export_csv(&db.conn, id).unwrap();
    let rows = parse_csv(std::str::from_utf8(&answers[3..]).unwrap());
    assert!(
        rows[1..]
            .iter()
            .all(|r| r[5] == "Not started" && r[4].is_empty()),
        "{rows:?}"
    );
    assert_eq!(
        parse_csv(std::str::from_utf8(&actions[3..]).unwrap()).len(),
        1,
        "just the header"
    );
}
