//! Shared set-up: a fresh database file in its own temporary folder, the default checklist,
//! and a draft assessment to work on.

use std::path::PathBuf;

use tempfile::TempDir;
use yardstick::checklist::{builtin_checklists, DEFAULT_CHECKLIST_ID};
use yardstick::store::assessments::{self, Assessment, NewAssessment};
use yardstick::store::organisations::{self, OrganisationKind};
use yardstick::store::{self, Connection};

pub struct TestDb {
    pub dir: TempDir,
    pub path: PathBuf,
    pub conn: Connection,
}

pub fn new_db() -> TestDb {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("yardstick.sqlite3");
    let conn = store::open(&path).expect("a new database opens");
    TestDb { dir, path, conn }
}

pub fn default_checklist_source() -> String {
    builtin_checklists()
        .into_iter()
        .find(|c| c.checklist.id == DEFAULT_CHECKLIST_ID)
        .expect("the default checklist is built in")
        .source_text
}

/// A draft assessment of the default checklist for `org` (created if needed).
pub fn assessment(conn: &Connection, org: &str, period: &str) -> Assessment {
    let organisation = match organisations::find_by_name(conn, org).expect("query") {
        Some(found) => found,
        None => organisations::create_organisation(conn, org, OrganisationKind::District, None)
            .expect("organisation"),
    };
    let source = default_checklist_source();
    assessments::create_assessment(
        conn,
        &NewAssessment {
            organisation_id: organisation.id,
            period,
            assessor: "Test Assessor",
            checklist_source: &source,
            scope: "",
            from: None,
            profile: None,
        },
    )
    .expect("assessment")
}

pub const PROMOTION: &str = "promotion";
pub const END_TO_END: &str = "end-to-end";

/// Every file under `dir` with its bytes (shared with the other suites).
pub use crate::hostile_files::snapshot_dir;
