//! Shared set-up: databases in temporary folders, assessments of the built-in and the
//! grouped checklist, requests, a dump of every table for "nothing changed" checks, and the
//! openpyxl script that fills a workbook.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;
use yardstick::checklist::{builtin_checklists, Checklist, DEFAULT_CHECKLIST_ID};
use yardstick::contributions::{self, ContributionRequest, NewRequest, RequestFormat};
use yardstick::store::assessments::{self, Assessment, NewAssessment};
use yardstick::store::organisations::{self, OrganisationKind};
use yardstick::store::{self, snapshots, Connection};

pub use crate::dump::dump;

pub struct Db {
    pub dir: TempDir,
    pub conn: Connection,
}

impl Db {
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

pub fn new_db() -> Db {
    let dir = tempfile::tempdir().expect("temporary folder");
    let conn = store::open(&dir.path().join("yardstick.sqlite3")).expect("a new database opens");
    Db { dir, conn }
}

pub fn default_source() -> String {
    builtin_checklists()
        .into_iter()
        .find(|c| c.checklist.id == DEFAULT_CHECKLIST_ID)
        .expect("built in")
        .source_text
}

pub fn grouped_source() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/checklist/fixtures/grouped-framework.toml"),
    )
    .expect("the grouped fixture")
}

pub fn assessment(conn: &Connection, period: &str, source: &str) -> Assessment {
    let organisation = match organisations::find_by_name(conn, "Example District Council").unwrap()
    {
        Some(found) => found,
        None => organisations::create_organisation(
            conn,
            "Example District Council",
            OrganisationKind::District,
            None,
        )
        .unwrap(),
    };
    assessments::create_assessment(
        conn,
        &NewAssessment {
            organisation_id: organisation.id,
            period,
            assessor: "Alex Lead",
            checklist_source: source,
            scope: "",
            from: None,
            profile: None,
        },
    )
    .expect("assessment")
}

pub fn checklist(conn: &Connection, assessment_id: i64) -> Checklist {
    snapshots::assessment_checklist(conn, assessment_id).unwrap()
}

pub fn request(conn: &Connection, assessment_id: i64, questions: &[&str]) -> ContributionRequest {
    let ids: Vec<String> = questions.iter().map(|q| q.to_string()).collect();
    contributions::create_request(
        conn,
        &NewRequest {
            assessment_id,
            question_ids: &ids,
            contributor: "Sam Patel",
            team: "Customer Services",
            due_date: Some("2027-03-31"),
            note: "Please answer by the end of the month.",
        },
    )
    .expect("request")
}

pub fn export(
    db: &Db,
    request: &ContributionRequest,
    format: RequestFormat,
    name: &str,
) -> PathBuf {
    let path = db.path(name);
    contributions::export_request(&db.conn, request.id, format, &path).expect("export");
    path
}

/// A Python with openpyxl: the one on PATH, else the system's (Debian's python3-openpyxl,
/// which scripts/install-deps.sh test installs).
pub fn python_with_openpyxl() -> Option<&'static str> {
    ["python3", "/usr/bin/python3"].into_iter().find(|python| {
        Command::new(python)
            .args(["-c", "import openpyxl"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Fills `source` with `edits` (see fill.py) into `target`, as a colleague would; `None`
/// (after saying so) when openpyxl cannot be found.
pub fn fill(source: &Path, target: &Path, edits: serde_json::Value) -> Option<()> {
    let Some(python) = python_with_openpyxl() else {
        eprintln!("SKIPPED: python3 with openpyxl not found; run `scripts/install-deps.sh test` (installs python3-openpyxl)");
        return None;
    };
    let edits_path = target.with_extension("edits.json");
    std::fs::write(&edits_path, serde_json::to_vec(&edits).unwrap()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contributions/fill.py");
    let output = Command::new(python)
        .arg(script)
        .arg(source)
        .arg(target)
        .arg(&edits_path)
        .output()
        .expect("python runs");
    assert!(
        output.status.success(),
        "fill.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(())
}

pub fn cell(sheet: &str, cell: &str, value: &str) -> serde_json::Value {
    serde_json::json!({ "sheet": sheet, "cell": cell, "value": value })
}
