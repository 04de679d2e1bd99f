//! A grouped framework (checklist format 2) through the command line, on a real database:
//! a target profile to start from, levels by label on each outcome's own scale, "not
//! applicable" with a reason, results by counts per group, and refusals that change nothing.

use std::path::{Path, PathBuf};

use crate::run_cli::{ok, yardstick};

fn with_grouped_framework(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir.join("checklists")).unwrap();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/checklist/fixtures/grouped-framework.toml"
        ),
        dir.join("checklists/grouped.toml"),
    )
    .unwrap();
    dir.join("y.sqlite3")
}

fn new_assessment(db: &Path) -> String {
    ok(
        db,
        &[
            "new",
            "--org",
            "Ashford Borough Council",
            "--period",
            "2026/27",
            "--checklist",
            "grouped-framework-test",
            "--scope",
            "Council tax service",
            "--profile",
            "baseline",
        ],
    )
    .trim()
    .to_string()
}

fn failure(db: &Path, args: &[&str]) -> String {
    let out = yardstick(db, args);
    assert!(!out.status.success(), "{args:?} should fail");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_grouped_framework_is_assessed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = with_grouped_framework(dir.path());
    let id = new_assessment(&db);
    ok(
        &db,
        &[
            "answer",
            &id,
            "a1-a",
            "--level",
            "Achieved",
            "--rationale",
            "Board minutes",
        ],
    );
    ok(
        &db,
        &["answer", &id, "a1-b", "--level", "partially achieved"],
    );
    ok(&db, &["answer", &id, "a1-c", "--level", "0"]);
    ok(
        &db,
        &[
            "answer",
            &id,
            "a3-a",
            "--not-applicable",
            "--reason",
            "The service holds no such assets",
        ],
    );
    let show = ok(&db, &["show", &id]);
    assert!(show.contains("Target profile: Baseline"), "{show}");
    assert!(show.contains("Scope: Council tax service"));
    assert!(
        show.contains("Overall: 1 of 38 outcomes meet their target"),
        "{show}"
    );
    assert!(show.contains("By level: Not achieved 1, Partially achieved 1, Achieved 1"));
    assert!(show.contains("Not applicable: 1"));
    assert!(show.contains("  A1 Governance: 1 of 3 outcomes meet their target"));
    assert!(show.contains("A3.a. Asset management: outcome a [a3-a]\n   Not applicable: The service holds no such assets"));
    // The profile set the target of an outcome nobody has answered yet, on its own scale.
    assert!(show.contains("A2.c. Risk management: outcome c [a2-c]\n   Level: not assessed\n   Target: 1 Achieved"), "{show}");
    // Changing one's mind: a level replaces "not applicable".
    ok(&db, &["answer", &id, "a3-a", "--level", "Achieved"]);
    assert!(!ok(&db, &["show", &id]).contains("Not applicable: The service"));
}

#[test]
fn wrong_answers_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = with_grouped_framework(dir.path());
    let id = new_assessment(&db);
    let before = ok(&db, &["show", &id, "--json"]);
    let off_scale = failure(
        &db,
        &["answer", &id, "a1-c", "--level", "Partially achieved"],
    );
    assert!(
        off_scale.contains("is not a level on the scale of outcome A1.c. Give a number or a label: 0 \"Not achieved\", 1 \"Achieved\""),
        "{off_scale}"
    );
    let not_allowed = failure(
        &db,
        &["answer", &id, "a1-a", "--not-applicable", "--reason", "x"],
    );
    assert!(
        not_allowed.contains("Outcome A1.a cannot be marked not applicable"),
        "{not_allowed}"
    );
    let blank = failure(
        &db,
        &["answer", &id, "a3-a", "--not-applicable", "--reason", "  "],
    );
    assert!(
        blank.contains("a not-applicable answer needs a reason"),
        "{blank}"
    );
    let no_reason = failure(&db, &["answer", &id, "a3-a", "--not-applicable"]);
    assert!(no_reason.contains("--reason"), "{no_reason}");
    let typo = failure(&db, &["answer", &id, "a1_a", "--level", "0"]);
    assert!(typo.contains("Did you mean \"a1-a\"?"), "{typo}");
    let profile = failure(
        &db,
        &[
            "new",
            "--org",
            "Ashford Borough Council",
            "--period",
            "2027/28",
            "--checklist",
            "grouped-framework-test",
            "--profile",
            "gold",
        ],
    );
    assert!(profile.contains("has no target profile \"gold\". Choose one of \"baseline\" (Baseline), \"enhanced\" (Enhanced)."), "{profile}");
    assert_eq!(ok(&db, &["show", &id, "--json"]), before, "nothing changed");
    assert_eq!(
        ok(&db, &["list"]).lines().count(),
        2,
        "no second assessment was started"
    );
}
