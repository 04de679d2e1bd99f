//! Generators of large and hostile inputs (issue #12), shared by the test suites and the
//! benchmarks so both measure the same files. Each suite includes this file with `#[path]`.
#![allow(dead_code)]

use std::fmt::Write;

const LEVELS: &str = r#"
[[levels]]
level = 0
label = "Not started"
meaning = "Nothing yet."

[[levels]]
level = 1
label = "Started"
meaning = "Something."

[[levels]]
level = 2
label = "Done"
meaning = "Everything."
"#;

/// A valid checklist with `count` questions (at most 999), ids `q1`, `q2`…, each question's
/// "why it matters" padded with `padding` more characters.
pub fn checklist_with_questions(count: usize, padding: usize) -> String {
    let why = format!("It counts.{}", " And more.".repeat(padding / 10));
    let mut text = String::from(
        "id = \"big\"\nversion = \"1.0\"\ntitle = \"Big checklist\"\nsummary = \"Many questions.\"\n\n[source]\ntitle = \"Tests\"\nauthor = \"Tests\"\ndate = \"2026-01-01\"\nurl = \"https://example.org/\"\nnotes = \"Generated.\"\n",
    );
    text.push_str(LEVELS);
    for n in 1..=count {
        let _ = write!(
            text,
            "\n[[questions]]\nid = \"q{n}\"\nnumber = {n}\ntitle = \"Question {n}\"\nquestion = \"Is {n} done?\"\nwhy_it_matters = \"{why}\"\ndescriptors = [\"No.\", \"Partly.\", \"Yes.\"]\nevidence_prompts = [\"A note.\"]\nprovenance = \"published\"\n\n[questions.recommendation]\ntitle = \"Do {n}\"\ntext = \"Do it.\"\n"
        );
    }
    text.push_str("\n[overall_recommendation]\ntitle = \"Do all\"\ntext = \"Do everything.\"\n");
    text
}

/// A checklist of about `bytes` bytes made of repeated, incomplete `[[questions]]` tables:
/// every one is a problem to locate, the shape that once took 36 s for 280 KB.
pub fn repeated_questions_checklist(bytes: usize) -> String {
    let mut text = String::from("id = \"broken\"\nversion = \"1.0\"\ntitle = \"Broken\"\n");
    while text.len() < bytes {
        text.push_str("[[questions]]\nid = \"x\"\n");
    }
    text
}

/// Every file under `dir` with its bytes, to show that a refused operation changed nothing.
pub fn snapshot_dir(
    dir: &std::path::Path,
) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut found = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("readable folder") {
            let path = entry.expect("entry").path();
            let kind = std::fs::symlink_metadata(&path)
                .expect("metadata")
                .file_type();
            if kind.is_dir() {
                pending.push(path);
            } else if kind.is_file() {
                found.insert(path.clone(), std::fs::read(&path).expect("readable file"));
            }
        }
    }
    found
}
