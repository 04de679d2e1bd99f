//! The `yardstick` CLI over the store, run as a user (or a later check) would run it.

use crate::run_cli::{ok, yardstick};
use std::path::Path;

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(db, args)).expect("valid JSON")
}

#[test]
fn example_data_shows_three_years_of_improvement() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    let ids: Vec<i64> = ok(&db, &["example-data"])
        .lines()
        .map(|l| l.trim().parse().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "one id per year, printed for scripts");

    let list = json(&db, &["list", "--json"]);
    let rows: Vec<(String, String, i64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["period"].as_str().unwrap().into(),
                r["status"].as_str().unwrap().into(),
                r["overallLevel"].as_i64().unwrap(),
            )
        })
        .collect();
    // The example exists to show comparison: each year must visibly improve on the last.
    assert_eq!(
        rows,
        vec![
            ("2026/27".into(), "draft".into(), 3),
            ("2025/26".into(), "final".into(), 2),
            ("2024/25".into(), "final".into(), 1)
        ]
    );
    let table = ok(&db, &["list"]);
    assert!(
        table.contains("Example District Council") && table.contains("7/7"),
        "the table shows who and progress:\n{table}"
    );
    let again = yardstick(&db, &["example-data"]);
    assert!(
        !again.status.success(),
        "loading the example twice is refused rather than duplicated"
    );

    let shown = json(&db, &["show", &ids[0].to_string(), "--json"]);
    assert_eq!(shown["organisation"]["name"], "Example District Council");
    assert_eq!(
        shown["answers"].as_array().unwrap().len(),
        7,
        "every question has a realistic answer"
    );
    assert!(
        !shown["evidence"].as_array().unwrap().is_empty()
            && !shown["actions"].as_array().unwrap().is_empty()
    );
    assert!(
        ok(&db, &["show", &ids[0].to_string()]).contains("Promotion"),
        "the text view names the questions"
    );
}

#[test]
fn new_answer_finalise_and_reopen_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    let id = ok(&db, &["new", "--org", "Testshire", "--period", "2026/27"])
        .trim()
        .to_string();
    ok(
        &db,
        &[
            "answer",
            &id,
            "promotion",
            "--level",
            "3",
            "--rationale",
            "Campaigns are planned",
            "--confidence",
            "high",
            "--target",
            "4",
        ],
    );
    ok(&db, &["answer", &id, "promotion", "--level", "2"]);
    let answer = &json(&db, &["show", &id, "--json"])["answers"][0];
    assert_eq!(answer["level"], 2);
    // Changing only the level from the CLI must not wipe the rationale typed earlier.
    assert_eq!(answer["rationale"], "Campaigns are planned");
    assert_eq!(answer["targetLevel"], 4);

    ok(&db, &["finalise", &id, "--approver", "Tom Hughes"]);
    let refused = yardstick(&db, &["answer", &id, "promotion", "--level", "4"]);
    assert!(
        !refused.status.success(),
        "a final assessment refuses changes with a non-zero exit"
    );
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("final") && stderr.contains("Reopen"),
        "errors go to stderr and say what to do: {stderr}"
    );
    assert!(refused.stdout.is_empty(), "nothing misleading on stdout");
    ok(&db, &["reopen", &id, "--reason", "Typo in the rationale"]);
    ok(&db, &["answer", &id, "promotion", "--level", "4"]);

    let next = ok(
        &db,
        &[
            "new",
            "--org",
            "testshire",
            "--period",
            "2027/28",
            "--from",
            &id,
        ],
    )
    .trim()
    .to_string();
    let carried = json(&db, &["show", &next, "--json"]);
    assert_eq!(
        carried["organisation"]["name"], "Testshire",
        "the organisation is matched regardless of case"
    );
    assert_eq!(
        carried["answers"][0]["carriedForward"], true,
        "--from carries answers as drafts to review"
    );

    let bad = yardstick(&db, &["new", "--org", "Testshire", "--period", "2027/29"]);
    assert!(
        !bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("2027/28"),
        "a bad period is explained"
    );
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    let backup = dir.path().join("backup.sqlite3");
    ok(&db, &["example-data"]);
    ok(&db, &["backup", backup.to_str().unwrap()]);
    ok(&db, &["new", "--org", "Testshire", "--period", "2026/27"]);
    ok(&db, &["restore", backup.to_str().unwrap()]);
    // After a restore, the list is exactly what was backed up.
    assert_eq!(json(&db, &["list", "--json"]).as_array().unwrap().len(), 3);
    let bad = yardstick(
        &db,
        &[
            "restore",
            db.with_file_name("missing.sqlite3").to_str().unwrap(),
        ],
    );
    assert!(
        !bad.status.success(),
        "restoring a missing file fails loudly"
    );
}

#[test]
fn a_mistyped_question_id_gets_a_did_you_mean_and_a_short_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    let id = ok(&db, &["new", "--org", "Testshire", "--period", "2026/27"]);
    let out = yardstick(&db, &["answer", id.trim(), "end-to-edn", "--level", "2"]);
    assert!(!out.status.success());
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("Did you mean \"end-to-end\"?"),
        "{message}"
    );
    assert!(
        message.contains("Its questions are: promotion,"),
        "{message}"
    );
    let far = yardstick(&db, &["answer", id.trim(), "zzzzzzzzzzzz", "--level", "2"]);
    assert!(
        !String::from_utf8_lossy(&far.stderr).contains("Did you mean"),
        "no guess when nothing is close"
    );
}

#[test]
fn notes_links_files_and_actions_can_be_added_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("y.sqlite3");
    let id = ok(&db, &["new", "--org", "Testshire", "--period", "2026/27"]);
    let id = id.trim();
    ok(
        &db,
        &[
            "note",
            id,
            "promotion",
            "The web team reviews the A to Z every quarter.",
        ],
    );
    ok(
        &db,
        &[
            "link",
            id,
            "promotion",
            "https://example.org/dashboard",
            "--description",
            "Channel shift dashboard",
        ],
    );
    let report = dir.path().join("channel-shift.txt");
    std::fs::write(&report, "Avoidable contact fell 12%.\n").unwrap();
    let attached = ok(&db, &["attach", id, "end-to-end", report.to_str().unwrap()]);
    assert_eq!(attached.lines().count(), 1, "one id per file attached");
    ok(
        &db,
        &[
            "action",
            id,
            "--question",
            "promotion",
            "--title",
            "Publish the digital plan",
            "--owner",
            "Head of Digital",
            "--due",
            "2027-03-31",
        ],
    );
    ok(
        &db,
        &[
            "action",
            id,
            "--title",
            "Review the checklist with the management team",
            "--status",
            "in_progress",
        ],
    );

    let shown = json(&db, &["show", id, "--json"]);
    let evidence = shown["evidence"].as_array().unwrap();
    assert_eq!(evidence.len(), 3, "{shown}");
    assert!(
        evidence
            .iter()
            .any(|e| e["url"] == "https://example.org/dashboard"),
        "{shown}"
    );
    let actions = shown["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 2);
    assert!(
        actions
            .iter()
            .any(|a| a["questionId"].is_null() && a["status"] == "in_progress"),
        "{shown}"
    );

    // Refusals say what is wrong and change nothing.
    let bad_link = yardstick(&db, &["link", id, "promotion", "javascript:alert(1)"]);
    assert!(!bad_link.status.success());
    let missing = yardstick(
        &db,
        &[
            "attach",
            id,
            "promotion",
            dir.path().join("nope.pdf").to_str().unwrap(),
        ],
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.pdf"));
    let typo = yardstick(&db, &["note", id, "promtion", "x"]);
    assert!(String::from_utf8_lossy(&typo.stderr).contains("Did you mean \"promotion\"?"));
    let again = json(&db, &["show", id, "--json"]);
    assert_eq!(
        again["evidence"].as_array().unwrap().len(),
        3,
        "nothing half-added"
    );
}
