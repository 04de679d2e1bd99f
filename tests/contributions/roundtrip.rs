//! The happy paths: a workbook filled in with openpyxl and a contribution file, each taken in,
//! reviewed beside the current answers, accepted (whole or in part) or set aside.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use serde_json::json;
use yardstick::contributions::{self, Decision, RequestFormat};
use yardstick::store::{audit, evidence, load_assessment};

use crate::common::*;

#[test]
fn a_workbook_filled_in_with_openpyxl_is_taken_in_and_accepted_for_the_built_in_checklist() {
    let db = new_db();
    let assessment = assessment(&db.conn, "2026/27", &default_source());
    let checklist = checklist(&db.conn, assessment.id);
    let request = request(&db.conn, assessment.id, &["end-to-end", "promotion"]);
    assert_eq!(
        request.question_ids,
        ["promotion", "end-to-end"],
        "checklist order"
    );
    let sent = export(&db, &request, RequestFormat::Xlsx, "request.xlsx");
    let returned = db.path("returned.xlsx");
    let promotion = checklist.question("promotion").unwrap();
    let levels = checklist.levels_of(promotion);
    let edits = json!([
        cell("Questions", "F2", &levels[3].label),
        cell(
            "Questions",
            "H2",
            "Every letter now gives the web address first."
        ),
        cell("Questions", "I2", "high"),
        cell("Questions", "J2", &levels[4].label),
        cell("Questions", "K2", "Channel shift report, March 2027"),
        cell(
            "Questions",
            "L2",
            "https://example.org/channel-shift\nhttps://example.org/letters"
        ),
        cell("Questions", "F3", &levels[1].label),
    ]);
    if fill(&sent, &returned, edits).is_none() {
        return;
    }
    let before_answers = load_assessment(&db.conn, assessment.id).unwrap().answers;
    let imported = contributions::import_files(
        &db.conn,
        std::slice::from_ref(&returned),
        Some(assessment.id),
    )
    .expect("a filled workbook is taken in");
    assert_eq!(imported.len(), 1);
    assert_eq!(imported[0].answered, 2);
    assert_eq!(
        load_assessment(&db.conn, assessment.id).unwrap().answers,
        before_answers,
        "nothing changes in the assessment until the lead accepts"
    );

    let listed = contributions::list_contributions(&db.conn, assessment.id).unwrap();
    assert_eq!(listed.len(), 1);
    let contribution = &listed[0];
    let promotion_answer = &contribution.answers[0];
    assert_eq!(promotion_answer.contributed.question_id, "promotion");
    assert_eq!(promotion_answer.contributed.level, Some(3));
    assert_eq!(promotion_answer.contributed.target_level, Some(4));
    assert_eq!(promotion_answer.contributed.links.len(), 2);
    assert_eq!(promotion_answer.decision, Decision::Pending);

    let accepted =
        contributions::accept(&db.conn, contribution.id, Some(&["promotion".to_string()])).unwrap();
    assert_eq!(accepted.answers[0].decision, Decision::Accepted);
    assert_eq!(accepted.answers[1].decision, Decision::Pending);
    let detail = load_assessment(&db.conn, assessment.id).unwrap();
    let answer = detail
        .answers
        .iter()
        .find(|a| a.question_id == "promotion")
        .unwrap();
    assert_eq!(answer.level, Some(3));
    assert_eq!(answer.target_level, Some(4));
    assert_eq!(
        answer.rationale,
        "Every letter now gives the web address first."
    );
    assert!(
        detail.answers.iter().all(|a| a.question_id != "end-to-end"),
        "the question not accepted is untouched"
    );
    let evidence = evidence::list_evidence(&db.conn, assessment.id).unwrap();
    let attribution = contribution.attribution();
    assert!(attribution.starts_with("from Sam Patel, Customer Services, "));
    assert_eq!(evidence.len(), 3, "one note and two links");
    assert!(
        evidence.iter().all(|e| e.note.contains(&attribution)),
        "{evidence:?}"
    );
    let trail = audit::list_events(&db.conn, assessment.id).unwrap();
    assert!(trail
        .iter()
        .any(|e| e.what == format!("promotion: contribution {} accepted", contribution.id)));

    contributions::set_aside(&db.conn, contribution.id, "Contact centre figures disagree").unwrap();
    let listed = contributions::list_contributions(&db.conn, assessment.id).unwrap();
    assert_eq!(listed[0].answers[1].decision, Decision::SetAside);
    assert_eq!(listed[0].decision_note, "Contact centre figures disagree");
    assert!(audit::list_events(&db.conn, assessment.id)
        .unwrap()
        .iter()
        .any(|e| e.new_value.as_deref() == Some("Contact centre figures disagree")));
    let by_question = contributions::contributors_by_question(&db.conn, assessment.id).unwrap();
    assert_eq!(
        by_question.get("promotion").unwrap(),
        &vec!["Sam Patel (Customer Services)".to_string()]
    );
    assert!(!by_question.contains_key("end-to-end"));
    // The report's method section names who contributed to which question.
    let report = yardstick::report::build_report(
        &db.conn,
        assessment.id,
        &yardstick::report::ReportOptions {
            compare_with: Vec::new(),
            protective_marking: None,
            exported_at: chrono::Utc::now(),
        },
    )
    .unwrap();
    assert_eq!(
        report.method.contributors,
        vec![format!(
            "Sam Patel (Customer Services): {} {}",
            promotion.code, promotion.title
        )]
    );
    let pdf = yardstick::report::render(&report).expect("the report renders");
    if let Some(text) = pdf_text(&db, &pdf) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("Contributions"), "{text}");
        assert!(text.contains("Sam Patel (Customer Services)"), "{text}");
    }
}

/// The PDF's text as poppler's `pdftotext` reads it; `None` (after saying so) without it.
fn pdf_text(db: &Db, pdf: &[u8]) -> Option<String> {
    let path = db.path("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    match Command::new("pdftotext").arg(&path).arg("-").output() {
        Ok(output) if output.status.success() => {
            Some(String::from_utf8_lossy(&output.stdout).into_owned())
        }
        _ => {
            eprintln!("SKIPPED: pdftotext (poppler-utils) not found; the PDF text was not checked");
            None
        }
    }
}

#[test]
fn a_grouped_checklist_workbook_offers_each_scale_and_not_applicable() {
    let db = new_db();
    let assessment = assessment(&db.conn, "2026/27", &grouped_source());
    let checklist = checklist(&db.conn, assessment.id);
    let with_na = checklist
        .questions
        .iter()
        .find(|q| q.not_applicable)
        .expect("the grouped fixture has a question that may not apply");
    let other_scale = checklist
        .questions
        .iter()
        .find(|q| q.scale != with_na.scale)
        .expect("the grouped fixture has two scales");
    let request = request(
        &db.conn,
        assessment.id,
        &[with_na.id.as_str(), other_scale.id.as_str()],
    );
    let sent = export(&db, &request, RequestFormat::Xlsx, "request.xlsx");
    let returned = db.path("returned.xlsx");
    let row_na = request
        .question_ids
        .iter()
        .position(|q| *q == with_na.id)
        .unwrap()
        + 2;
    let row_other = request
        .question_ids
        .iter()
        .position(|q| *q == other_scale.id)
        .unwrap()
        + 2;
    let other_label = &checklist.levels_of(other_scale).last().unwrap().label;
    let edits = json!([
        cell("Questions", &format!("F{row_na}"), "Not applicable"),
        cell("Questions", &format!("G{row_na}"), "We hold no such assets"),
        cell("Questions", &format!("F{row_other}"), other_label),
        cell(
            "Questions",
            &format!("H{row_other}"),
            "Checked with the service owner"
        ),
    ]);
    if fill(&sent, &returned, edits).is_none() {
        return;
    }
    let imported = contributions::import_files(&db.conn, &[returned], None).unwrap();
    contributions::accept(&db.conn, imported[0].contribution_id, None).unwrap();
    let detail = load_assessment(&db.conn, assessment.id).unwrap();
    let na = detail
        .answers
        .iter()
        .find(|a| a.question_id == with_na.id)
        .unwrap();
    assert_eq!(na.not_applicable.as_deref(), Some("We hold no such assets"));
    assert_eq!(na.level, None);
    let other = detail
        .answers
        .iter()
        .find(|a| a.question_id == other_scale.id)
        .unwrap();
    assert_eq!(other.level, Some(checklist.max_level_of(other_scale)));
    // The report's method section speaks the framework's own word for its questions.
    let report = yardstick::report::build_report(
        &db.conn,
        assessment.id,
        &yardstick::report::ReportOptions {
            compare_with: Vec::new(),
            protective_marking: None,
            exported_at: chrono::Utc::now(),
        },
    )
    .unwrap();
    let pdf = yardstick::report::render(&report).expect("the report renders");
    if let Some(text) = pdf_text(&db, &pdf) {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains("contributed answers and evidence to these outcomes"),
            "{text}"
        );
    }
}

#[test]
fn a_contribution_file_round_trips() {
    let db = new_db();
    let assessment = assessment(&db.conn, "2026/27", &default_source());
    let request = request(&db.conn, assessment.id, &["promotion", "end-to-end"]);
    let sent = export(&db, &request, RequestFormat::Json, "request.json");
    let mut document: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&sent).unwrap()).unwrap();
    assert_eq!(document["format"], "yardstick-contribution");
    assert_eq!(document["questions"].as_array().unwrap().len(), 2);
    assert!(document["questions"][0]["answer"].is_null());
    document["questions"][1]["answer"] = json!({
        "level": 2, "rationale": "Two services end to end", "confidence": "medium",
        "targetLevel": 3, "evidenceNotes": "Service map", "links": ["https://example.org/map"]
    });
    let returned = db.path("returned.json");
    std::fs::write(&returned, serde_json::to_vec_pretty(&document).unwrap()).unwrap();
    let imported = contributions::import_files(&db.conn, &[returned], Some(assessment.id)).unwrap();
    assert_eq!(
        imported[0].answered, 1,
        "the unanswered question is not a contribution"
    );
    let contribution = contributions::accept(&db.conn, imported[0].contribution_id, None).unwrap();
    assert_eq!(contribution.answers.len(), 1);
    let detail = load_assessment(&db.conn, assessment.id).unwrap();
    let answer = detail
        .answers
        .iter()
        .find(|a| a.question_id == "end-to-end")
        .unwrap();
    assert_eq!((answer.level, answer.target_level), (Some(2), Some(3)));
    assert_eq!(answer.rationale, "Two services end to end");
}

/// The workbook LibreOffice reads is the workbook written: each sheet converted to CSV holds
/// the headings, the questions and the hidden identity.
#[test]
fn libreoffice_reads_the_workbook_as_written() {
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("SKIPPED: LibreOffice (soffice) not found; `scripts/install-deps.sh test` installs libreoffice-calc-nogui");
        return;
    }
    let db = new_db();
    let assessment = assessment(&db.conn, "2026/27", &default_source());
    let checklist = checklist(&db.conn, assessment.id);
    let request = request(&db.conn, assessment.id, &["promotion", "end-to-end"]);
    let sent = export(&db, &request, RequestFormat::Xlsx, "request.xlsx");
    let out = db.path("csv");
    let profile = db.path("lo-profile");
    let output = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to"])
        // Every sheet to its own file (the last token, -1), UTF-8 (76), comma and quote.
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(&out)
        .arg(&sent)
        .output()
        .expect("soffice runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read = |sheet: &str| -> Vec<Vec<String>> {
        let text = std::fs::read_to_string(out.join(format!("request-{sheet}.csv")))
            .unwrap_or_else(|e| panic!("LibreOffice wrote no {sheet} sheet: {e}"));
        parse_csv(&text)
    };
    let questions = read("Questions");
    assert_eq!(
        questions[0],
        yardstick::contributions::workbook::COLUMNS.map(String::from)
    );
    for (row, id) in request.question_ids.iter().enumerate() {
        let question = checklist.question(id).unwrap();
        let cells = &questions[row + 1];
        assert_eq!(cells[0], question.code);
        assert_eq!(cells[1], question.title);
        assert_eq!(cells[2], question.question);
        assert_eq!(cells[3], question.why_it_matters);
        assert!(cells[4].contains(&checklist.levels_of(question)[0].label));
        assert_eq!(cells[12], question.id);
        assert!(cells[5..12].iter().all(String::is_empty));
    }
    let identity = read("Yardstick");
    assert_eq!(identity[1][1], request.request_key);
    assert_eq!(identity[5][1], request.checklist_sha256);
}

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\n', false) => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Figures: every question of the grouped checklist asked, written, filled and read back.
#[test]
fn a_large_workbook_is_written_and_read_quickly() {
    let db = new_db();
    let assessment = assessment(&db.conn, "2026/27", &grouped_source());
    let ids: Vec<String> = checklist(&db.conn, assessment.id)
        .questions
        .iter()
        .map(|q| q.id.clone())
        .collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let request = request(&db.conn, assessment.id, &refs);
    let started = Instant::now();
    let sent = export(&db, &request, RequestFormat::Xlsx, "request.xlsx");
    let written = started.elapsed();
    let size = std::fs::metadata(&sent).unwrap().len();
    let returned = db.path("returned.xlsx");
    if fill(&sent, &returned, json!([cell("Questions", "H2", "Seen")])).is_none() {
        return;
    }
    let started = Instant::now();
    contributions::import_files(&db.conn, std::slice::from_ref(&returned), None).unwrap();
    eprintln!(
        "{} questions: workbook {size} bytes, written in {written:?}; filled one read back and stored in {:?}",
        request.question_ids.len(),
        started.elapsed()
    );
    assert!(Path::new(&returned).exists());
}
