//! `yardstick compare` as a user runs it: an aligned table by default, CSV a spreadsheet can
//! open, JSON for scripts, and clear refusals.

use super::common::*;

fn ids_args(ids: &[i64]) -> Vec<String> {
    ids.iter().map(i64::to_string).collect()
}

#[test]
fn the_table_is_aligned_and_says_what_changed_in_words() {
    let db = new_db();
    let ids = example(&db.path);
    let mut args = vec!["compare".to_string()];
    args.extend(ids_args(&ids).into_iter().rev());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ok(&db.path, &args);
    assert!(
        out.starts_with("Example District Council, 2024/25 to 2026/27"),
        "{out}"
    );
    let lines: Vec<&str> = out.lines().collect();
    let header = lines
        .iter()
        .find(|l| l.starts_with("Question"))
        .expect("header");
    // Columns line up: every period's level starts under its heading, whatever the title's
    // length, or a reader would misread one year's level as another's.
    let column = header.find("2025/26").unwrap();
    let column = header[..column].chars().count();
    for line in lines
        .iter()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
    {
        let cell: String = line.chars().skip(column).take(3).collect();
        assert!(
            cell.starts_with(|c: char| c.is_ascii_digit()),
            "misaligned: {line:?}"
        );
    }
    assert!(
        out.contains("up 1 level"),
        "changes in words, not only symbols"
    );
    assert!(
        out.contains("↑ up  → no change  ↓ down"),
        "the symbols are explained"
    );
    assert!(
        out.contains("Between 2025/26 and 2026/27,"),
        "a plain summary"
    );
    assert!(out.contains("Actions from earlier assessments"));
}

#[test]
fn csv_opens_in_a_spreadsheet_with_one_row_per_question() {
    let db = new_db();
    let ids = example(&db.path);
    let mut args = vec!["compare".to_string()];
    args.extend(ids_args(&ids));
    args.extend(["--format".to_string(), "csv".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = ok(&db.path, &args);
    let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
    // Header, seven questions, overall maturity.
    assert_eq!(lines.len(), 9, "{out}");
    assert_eq!(
        lines[0],
        "Question id,Number,Question,2024/25,2025/26,2026/27,Latest change,Trend"
    );
    // A title with a comma is quoted, or the columns would shift in the spreadsheet.
    assert!(
        out.contains("\"User-centred, mobile-ready services\""),
        "{out}"
    );
    assert!(lines[8].contains("Overall maturity (mean)"));
}

#[test]
fn json_carries_the_whole_comparison_in_camel_case() {
    let db = new_db();
    let ids = example(&db.path);
    let mut args = vec!["compare".to_string()];
    args.extend(ids_args(&ids));
    args.extend(["--format".to_string(), "json".to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let value: serde_json::Value = serde_json::from_str(&ok(&db.path, &args)).expect("JSON");
    // The desktop compare screen reads these names; a rename would break it silently.
    assert_eq!(value["kind"], "same_organisation");
    assert_eq!(value["periods"].as_array().unwrap().len(), 3);
    assert_eq!(value["periods"][0]["assessmentId"], ids[0]);
    assert_eq!(value["questions"].as_array().unwrap().len(), 7);
    assert!(value["questions"][0]["cells"][1]["change"]["text"].is_string());
    assert!(value["latestCounts"]["improved"].is_u64());
}

#[test]
fn mixed_organisations_need_peer_and_one_assessment_is_explained() {
    let db = new_db();
    let ids = example(&db.path);
    let other = ok(
        &db.path,
        &[
            "new",
            "--org",
            "Other Borough Council",
            "--period",
            "2026/27",
        ],
    );
    let other = other.trim();
    let latest = ids[2].to_string();
    let out = yardstick(&db.path, &["compare", &latest, other]);
    assert!(!out.status.success(), "refused without --peer");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--peer"),
        "the refusal says how to ask: {stderr}"
    );
    let peer = ok(&db.path, &["compare", &latest, other, "--peer"]);
    assert!(peer.starts_with("Peer comparison"), "{peer}");
    let single = ok(&db.path, &["compare", &latest]);
    assert!(single.contains("Nothing to compare"), "{single}");
}
