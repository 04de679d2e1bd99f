//! CSV export for spreadsheets: one file with a row per question, one with a row per action.
//! Both are UTF-8 with a byte-order mark (so Excel does not guess a legacy code page), CRLF
//! line ends and RFC 4180 quoting. Text that a spreadsheet would run as a formula (starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with an apostrophe, so a
//! rationale such as `=HYPERLINK(...)` written by someone else stays text.

use rusqlite::Connection;

use crate::checklist::Question;
use crate::store::actions::{Action, ActionStatus};
use crate::store::{self, AssessmentDetail};
use crate::Result;

const BOM: &[u8] = "\u{feff}".as_bytes();

/// The answers CSV and the actions CSV of assessment `id`.
pub fn export_csv(conn: &Connection, id: i64) -> Result<(Vec<u8>, Vec<u8>)> {
    let detail = store::load_assessment(conn, id)?;
    Ok((answers_csv(&detail), actions_csv(&detail)))
}

fn answers_csv(detail: &AssessmentDetail) -> Vec<u8> {
    let mut out = Table::new(&[
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
        "Not applicable because",
    ]);
    let checklist = &detail.checklist;
    for question in &checklist.questions {
        let answer = detail.answers.iter().find(|a| a.question_id == question.id);
        let level = answer.and_then(|a| a.level);
        let label = match (answer, level) {
            (None, _) => "Not started".to_string(),
            (Some(a), None) if a.not_applicable.is_some() => "Not applicable".to_string(),
            (Some(_), None) => "Not assessed".to_string(),
            (Some(_), Some(level)) => checklist
                .level_of(question, level)
                .map_or_else(String::new, |l| l.label.clone()),
        };
        let evidence = detail
            .evidence
            .iter()
            .filter(|e| e.question_id == question.id)
            .count();
        let open = detail
            .actions
            .iter()
            .filter(|a| a.question_id.as_deref() == Some(question.id.as_str()))
            .filter(|a| a.status.is_outstanding())
            .count();
        out.row(&[
            &question.code,
            &question.id,
            &question.title,
            &question.question,
            &number(level),
            &label,
            &number(answer.and_then(|a| a.target_level)),
            answer.and_then(|a| a.confidence).map_or("", |c| c.as_str()),
            answer.map_or("", |a| a.rationale.as_str()),
            &evidence.to_string(),
            &open.to_string(),
            answer
                .and_then(|a| a.not_applicable.as_deref())
                .unwrap_or(""),
        ]);
    }
    out.finish()
}

fn actions_csv(detail: &AssessmentDetail) -> Vec<u8> {
    let mut out = Table::new(&[
        "Question number",
        "Question id",
        "Theme",
        "Action",
        "Owner",
        "Due date",
        "Status",
        "Notes",
    ]);
    for action in &detail.actions {
        let question: Option<&Question> = action
            .question_id
            .as_deref()
            .and_then(|id| detail.checklist.question(id));
        out.row(&[
            &question.map_or_else(String::new, |q| q.number.to_string()),
            action.question_id.as_deref().unwrap_or(""),
            question.map_or("Overall", |q| q.title.as_str()),
            &action.title,
            &action.owner,
            action.due_date.as_deref().unwrap_or(""),
            status_label(action),
            &action.notes,
        ]);
    }
    out.finish()
}

fn number(value: Option<u8>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

fn status_label(action: &Action) -> &'static str {
    match action.status {
        ActionStatus::Open => "Open",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Done => "Done",
        ActionStatus::Dropped => "Dropped",
    }
}

/// A CSV file being written: header first, then rows.
struct Table(Vec<u8>);

impl Table {
    fn new(header: &[&str]) -> Self {
        let mut table = Table(BOM.to_vec());
        table.row(header);
        table
    }

    fn row(&mut self, cells: &[&str]) {
        for (index, cell) in cells.iter().enumerate() {
            if index > 0 {
                self.0.push(b',');
            }
            self.0.extend_from_slice(escape(cell).as_bytes());
        }
        self.0.extend_from_slice(b"\r\n");
    }

    fn finish(self) -> Vec<u8> {
        self.0
    }
}

/// One cell: guarded against formula injection, then quoted if it holds a comma, quote,
/// line break or edge space (doubling any quotes).
pub(crate) fn escape(cell: &str) -> String {
    let guarded = crate::text::formula_safe(cell);
    let needs_quotes = guarded.contains([',', '"', '\r', '\n'])
        || guarded.starts_with(' ')
        || guarded.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded.into_owned()
    }
}
