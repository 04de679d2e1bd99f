//! Schema versions: every released schema (a fixture database per version under
//! tests/fixtures) opens and upgrades with its data intact; newer and foreign files are
//! refused untouched.

use std::path::{Path, PathBuf};

use yardstick::store::{
    self, assessments, backup, load_assessment, Connection, APPLICATION_ID, SCHEMA_VERSION,
};
use yardstick::ErrorKind;

fn fixtures() -> Vec<(i64, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut found: Vec<(i64, PathBuf)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_str()?;
            let version = name
                .strip_prefix("schema-v")?
                .strip_suffix(".sqlite3")?
                .parse()
                .ok()?;
            Some((version, path))
        })
        .collect();
    found.sort();
    found
}

#[test]
fn there_is_a_fixture_for_every_released_schema_version() {
    let versions: Vec<i64> = fixtures().iter().map(|(v, _)| *v).collect();
    // Without a fixture per version, an upgrade path could break unnoticed.
    assert_eq!(
        versions,
        (1..=SCHEMA_VERSION).collect::<Vec<_>>(),
        "add tests/fixtures/schema-vN.sqlite3 when a migration ships"
    );
}

#[test]
fn every_fixture_opens_upgrades_and_keeps_its_data() {
    for (version, fixture) in fixtures() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("yardstick.sqlite3");
        std::fs::copy(&fixture, &path).unwrap();
        let conn = store::open(&path).unwrap_or_else(|e| panic!("schema {version} must open: {e}"));
        let now: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            now, SCHEMA_VERSION,
            "schema {version} is brought up to date"
        );
        assert_eq!(
            backup::integrity(&conn),
            Ok(()),
            "the upgraded file is sound"
        );
        let (summaries, grouped): (Vec<_>, Vec<_>) = assessments::list_summaries(&conn)
            .unwrap()
            .into_iter()
            .partition(|s| s.checklist_id == "digital-best-practice");
        if version >= 5 {
            // Schema 5 adds not-applicable answers and target profiles: its fixture holds a
            // grouped framework's assessment with both.
            assert_eq!(grouped.len(), 1, "schema {version}: the grouped assessment");
            let detail = load_assessment(&conn, grouped[0].id).unwrap();
            assert_eq!(detail.assessment.profile_id, "baseline");
            assert_eq!(detail.assessment.scope, "Council tax service");
            let not_applicable: Vec<_> = detail
                .answers
                .iter()
                .filter_map(|a| a.not_applicable.as_deref())
                .collect();
            assert_eq!(not_applicable, vec!["The service holds no such assets"]);
            if version >= 6 {
                // Schema 6 adds contributions: its fixture holds a returned workbook for two
                // questions, one answer accepted and one still pending.
                let contributions =
                    yardstick::contributions::list_contributions(&conn, grouped[0].id).unwrap();
                assert_eq!(contributions.len(), 1, "schema {version}: the contribution");
                let decisions: Vec<_> = contributions[0]
                    .answers
                    .iter()
                    .map(|a| (a.contributed.question_id.as_str(), a.decision))
                    .collect();
                assert_eq!(
                    decisions,
                    vec![
                        ("a2-a", yardstick::contributions::Decision::Accepted),
                        ("a2-b", yardstick::contributions::Decision::Pending)
                    ]
                );
                assert_eq!(contributions[0].request.contributor, "Sam Patel");
            }
            assert_eq!(detail.results.overall.not_applicable, 1);
            // Schema 6's fixture accepted one contributed answer, which meets its target.
            let meeting = if version >= 6 { 2 } else { 1 };
            assert_eq!(
                detail.results.overall.headline,
                format!("{meeting} of 38 outcomes meet their target")
            );
        } else {
            assert!(grouped.is_empty());
        }
        // The fixtures hold the example council: its three years must survive every upgrade.
        assert_eq!(
            summaries.len(),
            3,
            "schema {version}: every assessment survives"
        );
        for summary in &summaries {
            // Schema 4 keeps the checklist on each assessment and its title on the snapshot,
            // filled in from the stored checklist files for older databases.
            assert_eq!(
                (
                    summary.checklist_id.as_str(),
                    summary.checklist_title.as_str(),
                    summary.scope.as_str()
                ),
                (
                    "digital-best-practice",
                    "Digital best practice checklist",
                    ""
                ),
                "schema {version}: the checklist each assessment used is known"
            );
            let detail =
                load_assessment(&conn, summary.id).expect("each assessment loads after upgrade");
            assert_eq!(
                detail.answers.len(),
                7,
                "schema {version}: every answer survives"
            );
        }
        let levels: Vec<Option<u8>> = summaries.iter().rev().map(|s| s.overall_level).collect();
        assert_eq!(
            levels,
            vec![Some(1), Some(2), Some(3)],
            "scores are unchanged by the upgrade"
        );
        if version < SCHEMA_VERSION {
            let backup = dir
                .path()
                .join(format!("yardstick.sqlite3.schema-{version}.bak"));
            assert!(
                backup.is_file(),
                "a copy is kept before upgrading schema {version}"
            );
        }
    }
}

#[test]
fn a_database_from_a_newer_yardstick_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    drop(store::open(&path).unwrap());
    let future = SCHEMA_VERSION + 1;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", future)
        .unwrap();
    let before = std::fs::read(&path).unwrap();

    let error = store::open(&path).unwrap_err();
    // Opening a newer file with old code could corrupt data the user cannot get back.
    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert!(
        error.to_string().contains("newer version of Yardstick"),
        "the message says why and what to do: {error}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is not modified"
    );
}

#[test]
fn other_files_are_refused_without_being_changed() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other-app.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE notes (text TEXT);")
        .unwrap();
    let error = store::open(&other).unwrap_err();
    // Creating Yardstick tables inside another program's database would damage it.
    assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
    let tables: i64 = Connection::open(&other)
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1, "no Yardstick tables were added");

    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "this is not a database, just some text that is long enough",
    )
    .unwrap();
    assert_eq!(
        store::open(&text).unwrap_err().kind(),
        ErrorKind::InvalidInput,
        "a text file is not a database"
    );
}

#[test]
fn a_new_database_is_marked_as_yardstick_and_uses_durable_settings() {
    let dir = tempfile::tempdir().unwrap();
    let conn = store::open(&dir.path().join("new.sqlite3")).unwrap();
    let pragma = |name: &str| -> i64 {
        conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(
        pragma("application_id"),
        i64::from(APPLICATION_ID),
        "restore uses this to recognise our files"
    );
    // synchronous=FULL (2): a save the UI reported must survive a power cut.
    assert_eq!(pragma("synchronous"), 2);
    assert_eq!(
        pragma("foreign_keys"),
        1,
        "deleting an organisation must not leave orphans"
    );
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn schema_3_moves_a_peers_assessment_out_of_my_own_organisation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("yardstick.sqlite3");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v2.sqlite3");
    std::fs::copy(&fixture, &path).unwrap();
    // What schema 2 allowed: a peer's file with my council's name landed in my organisation,
    // and an organisation made by a peer import held only peers' assessments.
    Connection::open(&path)
        .unwrap()
        .execute_batch(
            "INSERT INTO assessment (organisation_id, period, assessor, status, checklist_snapshot_id,
                                     question_count, created_at, updated_at, peer_source)
             SELECT organisation_id, '2030/31', '', 'draft', checklist_snapshot_id, question_count,
                    created_at, updated_at, 'peer.json' FROM assessment ORDER BY id LIMIT 1;
             UPDATE assessment SET previous_id = last_insert_rowid() WHERE period = '2025/26';
             INSERT INTO organisation (name, kind, created_at, updated_at)
             VALUES ('Peer Only Council', 'other', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
             INSERT INTO assessment (organisation_id, period, assessor, status, checklist_snapshot_id,
                                     question_count, created_at, updated_at, peer_source)
             SELECT (SELECT id FROM organisation WHERE name = 'Peer Only Council'), '2024/25', '',
                    'draft', checklist_snapshot_id, question_count, created_at, updated_at, 'only.json'
               FROM assessment ORDER BY id LIMIT 1;",
        )
        .unwrap();
    let conn = store::open(&path).unwrap();
    let own = store::organisations::find_by_name(&conn, "Example District Council")
        .unwrap()
        .expect("my organisation survives");
    let mine = assessments::list_for_organisation(&conn, own.id).unwrap();
    // The peer's must leave my history, or it becomes my "previous year".
    assert_eq!(mine.len(), 3, "only my own three years remain mine");
    assert!(
        mine.iter().all(|a| !a.peer),
        "no peer's assessment in my organisation"
    );
    let summaries = assessments::list_summaries(&conn).unwrap();
    assert_eq!(summaries.len(), 5, "no assessment is lost in the move");
    let peer = summaries.iter().find(|s| s.period == "2030/31").unwrap();
    assert_ne!(
        peer.organisation_id, own.id,
        "it moved to a peer organisation"
    );
    assert_eq!(
        peer.organisation, "Example District Council",
        "keeping its name"
    );
    assert!(
        mine.iter().all(|a| a.previous_id != Some(peer.id)),
        "none of mine counts the peer's as its previous year"
    );
    assert!(
        store::organisations::find_by_name(&conn, "Peer Only Council")
            .unwrap()
            .is_none(),
        "an organisation made by a peer import is a peer's, not mine"
    );
    assert_eq!(backup::integrity(&conn), Ok(()));
}
