//! Malformed and hostile import files. Each must be refused with an error that names the file
//! and the place (a JSON path, or a line and column), and the database — every row of every
//! table, and the evidence folder — must be exactly as it was.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use yardstick::exchange::{self, ImportOptions};
use yardstick::store::evidence;
use yardstick::ErrorKind;

use crate::common::{dump, example_db, export, new_db, write_json, Db};

/// A valid document to break: the example council's draft with an embedded attachment,
/// renamed so it does not clash with the example council already in the target database.
fn base_document() -> Value {
    let (source, ids) = example_db();
    let draft = *ids.last().unwrap();
    let original = source.dir.path().join("minutes.txt");
    std::fs::write(&original, b"Minutes of the digital board").unwrap();
    evidence::add_file(&source.conn, draft, "promotion", &original, "Board minutes").unwrap();
    let mut document = export(&source.conn, draft, true);
    document["organisation"]["name"] = json!("Peer Borough Council");
    document
}

fn file_evidence_index(document: &Value) -> usize {
    document["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .position(|e| e["kind"] == "file")
        .expect("the base document has a file")
}

enum Body {
    Edit(fn(&mut Value)),
    Raw(fn(&Value) -> Vec<u8>),
    /// Writes the file itself (for sizes and kinds of file that are not bytes in memory).
    Make(fn(&Path) -> PathBuf),
}

struct Case {
    name: &'static str,
    body: Body,
    /// Each must appear in the message: the place, and what is wrong.
    expect: &'static [&'static str],
}

fn case(name: &'static str, body: Body, expect: &'static [&'static str]) -> Case {
    Case { name, body, expect }
}

fn cases() -> Vec<Case> {
    use Body::*;
    vec![
        case(
            "wrong type: level as text",
            Edit(|d| d["answers"][3]["level"] = json!("three")),
            &["answers[3].level", "expected a whole number from 0 to 255"],
        ),
        case(
            "wrong type: answers is an object",
            Edit(|d| d["answers"] = json!({"promotion": 2})),
            &["at answers", "expected a sequence"],
        ),
        case(
            "wrong type: organisation name a number",
            Edit(|d| d["organisation"]["name"] = json!(42)),
            &["organisation.name", "expected a string"],
        ),
        case(
            "missing field: organisation name",
            Edit(|d| {
                d["organisation"].as_object_mut().unwrap().remove("name");
            }),
            &["at organisation", "missing field `name`"],
        ),
        case(
            "missing field: the checklist",
            Edit(|d| {
                d.as_object_mut().unwrap().remove("checklist");
            }),
            &["missing field `checklist`"],
        ),
        case(
            "unknown field",
            Edit(|d| d["assessment"]["score"] = json!(100)),
            &["assessment.score", "unknown field `score`"],
        ),
        case(
            "newer format version",
            Edit(|d| d["formatVersion"] = json!(2)),
            &["formatVersion", "version 2", "newer"],
        ),
        case(
            "format version as text",
            Edit(|d| d["formatVersion"] = json!("1")),
            &["formatVersion", "whole number 1"],
        ),
        case(
            "another format",
            Edit(|d| d["format"] = json!("spreadsheet")),
            &["at format", "\"spreadsheet\""],
        ),
        case(
            "no format at all",
            Raw(|_| br#"{"hello": "world"}"#.to_vec()),
            &["at format", "not a Yardstick assessment export"],
        ),
        case(
            "duplicate question ids",
            Edit(|d| d["answers"][1]["questionId"] = d["answers"][0]["questionId"].clone()),
            &["answers[1].questionId", "answered twice", "answers[0]"],
        ),
        case(
            "unknown question id",
            Edit(|d| d["answers"][0]["questionId"] = json!("promotoin")),
            &["answers[0].questionId", "\"promotoin\" is not a question"],
        ),
        case(
            "level above the scale",
            Edit(|d| d["answers"][2]["level"] = json!(9)),
            &["answers[2].level", "0 to 4"],
        ),
        case(
            "target level above the scale",
            Edit(|d| d["answers"][4]["targetLevel"] = json!(5)),
            &["answers[4].targetLevel", "0 to 4"],
        ),
        case(
            "level beyond a byte",
            Edit(|d| d["answers"][2]["level"] = json!(300)),
            &["answers[2].level", "300"],
        ),
        case(
            "negative level",
            Edit(|d| d["answers"][0]["level"] = json!(-1)),
            &["answers[0].level", "-1"],
        ),
        case(
            "truncated JSON",
            Raw(|d| {
                let text = serde_json::to_vec(d).unwrap();
                text[..text.len() / 2].to_vec()
            }),
            &["line 1, column", "ends too soon"],
        ),
        case(
            "empty file",
            Raw(|_| Vec::new()),
            &["line 1, column 0", "ends too soon"],
        ),
        case(
            "not JSON at all",
            Raw(|_| b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec()),
            &["line 1, column 1", "not valid JSON"],
        ),
        case(
            "trailing garbage",
            Raw(|d| {
                let mut text = serde_json::to_vec(d).unwrap();
                text.extend_from_slice(b" {}");
                text
            }),
            &["trailing characters"],
        ),
        case(
            "invalid UTF-8 in a string",
            Raw(|d| {
                let mut bytes = serde_json::to_vec(d).unwrap();
                let at = bytes
                    .windows(13)
                    .position(|w| w == b"Board minutes")
                    .unwrap();
                bytes[at + 5] = 0xff;
                bytes
            }),
            &["line 1, column", "not valid JSON"],
        ),
        case(
            "wrong sha256 of an embedded file",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i]["file"]["sha256"] = json!("0".repeat(64));
            }),
            &[".file.content", "does not match its SHA-256"],
        ),
        case(
            "embedded file that is not base64",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i]["file"]["content"] = json!("not base64 at all!");
            }),
            &[".file.content", "not valid base64"],
        ),
        case(
            "embedded file of the wrong size",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i]["file"]["size"] = json!(3);
            }),
            &[".file.content", "holds 28 bytes"],
        ),
        case(
            "attachment name with ../",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i]["file"]["name"] = json!("../../etc/passwd");
            }),
            &[
                ".file.name",
                "../../etc/passwd",
                "folder separator",
                "\"passwd\"",
            ],
        ),
        case(
            "attachment name with Windows folders",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i]["file"]["name"] = json!("..\\..\\Windows\\win.ini");
            }),
            &[".file.name", "folder separator"],
        ),
        case(
            "attachment name with a drive",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i]["file"]["name"] = json!("C:autoexec.bat");
            }),
            &[".file.name", "colon"],
        ),
        case(
            "attachment name that is ..",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i]["file"]["name"] = json!("..");
            }),
            &[".file.name", "names a folder"],
        ),
        case(
            "attachment over 100 MiB",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i]["file"]["size"] = json!(200u64 << 20);
            }),
            &[".file.size", "100 MiB"],
        ),
        case(
            "sha256 that is not a hash",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i]["file"]["sha256"] = json!("../evidence");
            }),
            &[".file.sha256", "64 lower-case"],
        ),
        case(
            "file evidence without a file",
            Edit(|d| {
                let i = file_evidence_index(d);
                d["evidence"][i].as_object_mut().unwrap().remove("file");
            }),
            &["evidence[", "must have a \"file\""],
        ),
        case(
            "link to javascript:",
            Edit(|d| {
                let i = d["evidence"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .position(|e| e["kind"] == "link")
                    .unwrap();
                d["evidence"][i]["url"] = json!("javascript:alert(1)");
            }),
            &[".url", "https://"],
        ),
        case(
            "checklist changed after export",
            Edit(|d| {
                let s = d["checklist"]["source"].as_str().unwrap().replacen(
                    "Promotion",
                    "Publicity",
                    1,
                );
                d["checklist"]["source"] = json!(s);
            }),
            &["checklist.sha256", "does not match"],
        ),
        case(
            "checklist that is not a checklist",
            Edit(|d| {
                d["checklist"]["source"] = json!("id = [");
                d["checklist"]["sha256"] =
                    json!(yardstick::store::snapshots::sha256_hex(b"id = ["));
            }),
            &["checklist.source", "not valid"],
        ),
        case(
            "period that is not a financial year",
            Edit(|d| d["assessment"]["period"] = json!("2025-26")),
            &["assessment.period", "2026/27"],
        ),
        case(
            "final without sign-off",
            Edit(|d| d["assessment"]["status"] = json!("final")),
            &["- signOff: ", "no sign-off"],
        ),
        case(
            "impossible due date",
            Edit(|d| d["actions"][0]["dueDate"] = json!("2026-02-30")),
            &["actions[0].dueDate", "not a date"],
        ),
        case(
            "empty action title",
            Edit(|d| d["actions"][0]["title"] = json!("   ")),
            &["actions[0].title", "Enter the action title"],
        ),
        case(
            "timestamp that is not a time",
            Edit(|d| d["answers"][0]["updatedAt"] = json!("yesterday")),
            &["answers[0].updatedAt", "RFC 3339"],
        ),
        case(
            "bad GSS code",
            Edit(|d| d["organisation"]["gssCode"] = json!("DROP TABLE")),
            &["organisation.gssCode", "eight digits"],
        ),
        case(
            "rationale over the text limit",
            Edit(|d| d["answers"][0]["rationale"] = json!("x".repeat(50_001))),
            &["answers[0].rationale", "limit is 50000"],
        ),
        case(
            "unknown organisation kind",
            Edit(|d| d["organisation"]["kind"] = json!("empire")),
            &["organisation.kind", "unknown variant `empire`"],
        ),
        case(
            "deeply nested value",
            Raw(|_| {
                nested(br#"{"format": "yardstick-assessment", "formatVersion": 1, "organisation": {"name": "#, 100_000)
            }),
            &["organisation.name", "line 1, column", "expected a string"],
        ),
        case(
            "deeply nested format",
            Raw(|_| nested(br#"{"format": "#, 100_000)),
            &["line 1, column", "nested far deeper"],
        ),
        case(
            "deeply nested document",
            Raw(|_| nested(b"", 1_000_000)),
            &["line 1, column", "nested far deeper"],
        ),
        case(
            "deeply nested unknown field",
            Raw(|_| {
                nested(
                    br#"{"format": "yardstick-assessment", "formatVersion": 1, "extra": "#,
                    100_000,
                )
            }),
            &["line 1, column", "unknown field `extra`"],
        ),
        case(
            "a file over 200 MiB",
            Make(|dir| {
                let path = dir.join("huge.json");
                std::fs::File::create(&path)
                    .unwrap()
                    .set_len((200 << 20) + 1)
                    .unwrap();
                path
            }),
            &["huge.json", "at most 200 MiB"],
        ),
        case(
            "a folder",
            Make(|dir| {
                let path = dir.join("folder.json");
                std::fs::create_dir(&path).unwrap();
                path
            }),
            &["folder.json", "is a folder"],
        ),
    ]
}

/// `prefix` followed by `depth` opening brackets and their closers.
fn nested(prefix: &[u8], depth: usize) -> Vec<u8> {
    let mut bytes = prefix.to_vec();
    bytes.extend(std::iter::repeat_n(b'[', depth));
    bytes.extend(std::iter::repeat_n(b']', depth));
    // Close whatever objects the prefix opened.
    let open = prefix.iter().filter(|b| **b == b'{').count();
    bytes.extend(std::iter::repeat_n(b'}', open));
    bytes
}

fn target_db() -> Db {
    let db = new_db();
    yardstick::example_data::load_example_data(&db.conn).unwrap();
    db
}

#[test]
fn the_base_document_imports_so_each_case_fails_only_for_its_fault() {
    let db = target_db();
    let file = write_json(db.dir.path(), "base.json", &base_document());
    exchange::import_json_file(&db.conn, &file, &ImportOptions::default())
        .unwrap_or_else(|e| panic!("the unbroken document imports: {e}"));
}

#[test]
fn every_hostile_file_is_refused_with_a_located_error_and_nothing_changes() {
    let cases = cases();
    assert!(cases.len() >= 25, "issue #8 asks for at least 25 cases");
    let base = base_document();
    let db = target_db();
    let mut failures = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let before = dump(&db.conn);
        let path = match &case.body {
            Body::Edit(edit) => {
                let mut document = base.clone();
                edit(&mut document);
                write_json(db.dir.path(), &format!("case-{index}.json"), &document)
            }
            Body::Raw(make) => {
                let path = db.dir.path().join(format!("case-{index}.json"));
                std::fs::write(&path, make(&base)).unwrap();
                path
            }
            Body::Make(make) => make(db.dir.path()),
        };
        let result = exchange::import_json_file(&db.conn, &path, &ImportOptions::default());
        let message = match result {
            Ok(outcome) => {
                failures.push(format!("{}: was imported ({outcome:?})", case.name));
                continue;
            }
            Err(error) => {
                if error.kind() != ErrorKind::InvalidInput {
                    failures.push(format!(
                        "{}: kind {:?}, not invalid_input: {error}",
                        case.name,
                        error.kind()
                    ));
                }
                error.to_string()
            }
        };
        // The user must be told which file, where in it, and what is wrong.
        let file_name = path.file_name().unwrap().to_string_lossy().into_owned();
        for expected in std::iter::once(file_name.as_str()).chain(case.expect.iter().copied()) {
            if !message.contains(expected) {
                failures.push(format!(
                    "{}: message lacks {expected:?}:\n    {message}",
                    case.name
                ));
            }
        }
        if dump(&db.conn) != before {
            failures.push(format!("{}: the database changed", case.name));
        }
        if case.name == "a file over 200 MiB" {
            std::fs::remove_file(&path).unwrap();
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
