//! `yardstick export` and `yardstick import`, run as a user would.

use crate::run_cli::{ok, yardstick};

#[test]
fn export_and_import_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mine.sqlite3");
    ok(&db, &["example-data"]);
    let json = dir.path().join("latest.json");
    let said = ok(
        &db,
        &[
            "export",
            "3",
            "--format",
            "json",
            "--out",
            json.to_str().unwrap(),
            "--with-files",
        ],
    );
    assert!(said.contains("latest.json"), "{said}");

    let csv = dir.path().join("latest.csv");
    let said = ok(
        &db,
        &[
            "export",
            "3",
            "--format",
            "csv",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    // The second file's name is not typed by the user, so the command must say it.
    assert!(said.contains("latest-actions.csv"), "{said}");
    assert!(dir.path().join("latest-actions.csv").is_file());

    let refused = yardstick(&db, &["import", json.to_str().unwrap()]);
    assert!(!refused.status.success(), "a clash is refused by default");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("--on-conflict copy"), "{stderr}");

    let said = ok(
        &db,
        &["import", json.to_str().unwrap(), "--on-conflict", "skip"],
    );
    assert!(said.starts_with("Nothing was imported"), "{said}");
    let said = ok(
        &db,
        &[
            "import",
            json.to_str().unwrap(),
            "--on-conflict",
            "copy",
            "--as-peer",
        ],
    );
    // A peer's assessment goes under a peer organisation, never my own, so it cannot clash
    // with my own assessment of the same name and period (issue #12).
    assert!(
        said.starts_with("Imported") && said.contains("peer") && !said.contains("(copy)"),
        "{said}"
    );

    let other = dir.path().join("peer.sqlite3");
    let said = ok(&other, &["import", json.to_str().unwrap(), "--as-peer"]);
    assert!(
        said.contains("Imported the 2026/27 assessment of Example District Council (id ")
            && said.contains("as a peer council's assessment, read only"),
        "{said}"
    );
}

#[test]
fn a_broken_file_fails_with_its_place_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("mine.sqlite3");
    let file = dir.path().join("broken.json");
    std::fs::write(
        &file,
        br#"{"format": "yardstick-assessment", "formatVersion": 7}"#,
    )
    .unwrap();
    let out = yardstick(&db, &["import", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("broken.json")
            && stderr.contains("formatVersion")
            && stderr.contains("newer"),
        "{stderr}"
    );
}
