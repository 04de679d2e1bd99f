//! `yardstick checklist validate` and `list`, run as a user would run them.

use std::process::{Command, Output};

use super::fixture;

fn yardstick(data_dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yardstick"))
        .arg("--db")
        .arg(data_dir.join("yardstick.sqlite3"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn validate_exits_zero_for_valid_files() {
    let data = tempfile::tempdir().unwrap();
    let shipped = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/checklists/digital-best-practice.toml"
    );
    let output = yardstick(data.path(), &["checklist", "validate", shipped]);
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("7 questions"));
}

#[test]
fn validate_exits_one_and_prints_every_problem_located() {
    let data = tempfile::tempdir().unwrap();
    let valid = fixture("fixtures/small-valid.toml");
    let broken = fixture("broken/several-problems.toml");
    let output = yardstick(
        data.path(),
        &[
            "checklist",
            "validate",
            valid.to_str().unwrap(),
            broken.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let located: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("several-problems.toml:"))
        .collect();
    assert_eq!(located.len(), 3, "{stderr}");
    assert!(located[0].ends_with("several-problems.toml:41:8: `text` in [questions.recommendation] is empty; write the text between the quotes"));
    assert!(stderr.contains("1 of 2 checklist file(s) have problems"));
}

#[test]
fn list_shows_builtin_and_user_checklists() {
    let data = tempfile::tempdir().unwrap();
    let user_dir = data.path().join("checklists");
    std::fs::create_dir_all(&user_dir).unwrap();
    std::fs::copy(
        fixture("fixtures/small-valid.toml"),
        user_dir.join("small.toml"),
    )
    .unwrap();
    std::fs::write(user_dir.join("broken.toml"), "id = 1\n").unwrap();
    let output = yardstick(data.path(), &["checklist", "list"]);
    assert!(
        output.status.success(),
        "a broken user file does not make listing fail"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let default_row = stdout
        .lines()
        .find(|l| l.starts_with("digital-best-practice"))
        .unwrap();
    assert!(
        default_row.contains("1.0")
            && default_row.contains(" 7 ")
            && default_row.contains("built-in")
    );
    assert!(stdout
        .lines()
        .any(|l| l.starts_with("small ") && l.contains("added")));
    assert!(String::from_utf8_lossy(&output.stderr).contains("broken.toml:1:6:"));
}
