//! Broken checklist files: each must be refused with every problem it has (and no others),
//! at the line and column a user would go to, with a message that says what to fix. These
//! messages are what a council sees when its own checklist is wrong, so they are asserted.

use yardstick::checklist::{parse_checklist, validate_checklist_file, ValidationReport};

use super::fixture;

/// One expected problem: line, column and a fragment of the message that carries the fix.
type Expected = (usize, usize, &'static str);

fn report_for(name: &str) -> ValidationReport {
    let path = fixture(&format!("broken/{name}.toml"));
    match validate_checklist_file(&path) {
        Ok(_) => panic!("{name}.toml was accepted, but it is broken on purpose"),
        Err(report) => report,
    }
}

fn assert_problems(name: &str, expected: &[Expected]) {
    let report = report_for(name);
    let found: Vec<(usize, usize, &str)> = report
        .problems
        .iter()
        .map(|p| (p.line, p.column, p.message.as_str()))
        .collect();
    assert_eq!(
        found.len(),
        expected.len(),
        "{name}: expected {} problem(s), got:\n{report}",
        expected.len()
    );
    for ((line, column, message), (want_line, want_column, fragment)) in found.iter().zip(expected)
    {
        assert_eq!(
            (*line, *column),
            (*want_line, *want_column),
            "{name}: wrong place for {message:?}"
        );
        assert!(
            message.contains(fragment),
            "{name}: message {message:?} should contain {fragment:?}"
        );
    }
    for problem in &report.problems {
        assert!(
            problem.file.ends_with(&format!("{name}.toml")),
            "every problem names its file: {problem}"
        );
    }
}

macro_rules! broken {
    ($($test:ident: $file:literal => [$($expected:expr),+ $(,)?];)+) => {
        $(
            #[test]
            fn $test() {
                assert_problems($file, &[$($expected),+]);
            }
        )+

        /// Every fixture name with a case above.
        const CASES: &[&str] = &[$($file),+];
    };
}

broken! {
    not_toml: "not-toml-unclosed-string" => [(4, 25, "not valid TOML")];
    duplicate_key: "duplicate-key" => [(4, 1, "`version` is written twice in the same table")];
    typo_gets_a_suggestion: "unknown-key-typo" => [(36, 1, "unknown key `evidence_promts` in [[questions]]; did you mean `evidence_prompts`?")];
    unknown_key_lists_allowed_keys: "unknown-key-no-suggestion" => [(6, 1, "unknown key `colour` in the top level of the file; the keys allowed here are `id`")];
    typo_in_source: "unknown-key-in-source" => [(9, 1, "did you mean `author`?")];
    missing_checklist_id: "missing-checklist-id" => [(1, 1, "has no `id`; add a line such as `id = ")];
    missing_why_it_matters: "missing-why-it-matters" => [(43, 1, "[[questions]] has no `why_it_matters`; add a line")];
    missing_question_recommendation: "missing-question-recommendation" => [(29, 1, "has no `recommendation`; add a [questions.recommendation] table")];
    missing_overall_recommendation: "missing-overall-recommendation" => [(1, 1, "has no `overall_recommendation`")];
    empty_recommendation: "empty-recommendation-text" => [(57, 8, "`text` in [questions.recommendation] is empty")];
    blank_overall_title: "blank-overall-title" => [(60, 9, "`title` in [overall_recommendation] is empty")];
    number_in_quotes: "number-as-text" => [(45, 10, "`number` in [[questions]] must be a whole number without quotes, but here it is text")];
    descriptors_not_a_list: "descriptors-not-a-list" => [(35, 15, "must be a list of text")];
    weight_zero: "weight-zero" => [(51, 10, "`weight` in [[questions]] is 0, but it must be between 1 and 100")];
    weight_negative: "weight-negative" => [(51, 10, "is -3, but it must be between 1 and 100")];
    level_out_of_range: "level-out-of-range" => [(25, 9, "`level` in [[levels]] is 9, but it must be between 0 and 6")];
    levels_not_contiguous: "levels-not-contiguous" => [(20, 9, "this is level number 1 in order, but it says `level = 3`")];
    too_few_levels: "too-few-levels" => [(15, 9, "the scale has 1 level, but it must have between 2 and 7")];
    too_many_levels: "too-many-levels" => [
        (15, 9, "the scale has 8 levels, but it must have between 2 and 7"),
        (50, 9, "`level` in [[levels]] is 7"),
    ];
    missing_descriptor: "missing-descriptor" => [(35, 15, "question \"first\" has 2 descriptors, but the scale has 3 levels")];
    extra_descriptor: "extra-descriptor" => [(49, 15, "has 4 descriptors, but the scale has 3 levels; write one descriptor per level, lowest level first, and remove the extra ones")];
    empty_descriptor: "empty-descriptor" => [(35, 31, "item 2 of `descriptors` in [[questions]] is empty")];
    duplicate_question_id: "duplicate-question-id" => [(44, 6, "the question id \"first\" is used by an earlier question too")];
    question_numbers_in_sequence: "question-number-out-of-order" => [(45, 10, "this is question 2 in order, but it says `number = 3`")];
    replaces_itself: "replaces-itself" => [(53, 13, "question \"second\" says it replaces itself")];
    replaces_a_current_question: "replaces-current-question" => [(53, 13, "\"first\" is still a question in this checklist")];
    replaces_listed_twice: "replaces-twice" => [(53, 27, "`replaces` lists \"old-second\" twice")];
    question_id_not_a_slug: "question-id-not-slug" => [(30, 6, "the question id \"First thing\" is not a valid id; use lowercase letters")];
    checklist_id_not_a_slug: "checklist-id-not-slug" => [(2, 6, "the checklist id \"small_checklist\" is not a valid id")];
    version_not_numeric: "version-not-numeric" => [(3, 11, "the version \"v1\" is not numbers separated by dots")];
    unknown_provenance: "unknown-provenance" => [(37, 14, "must be \"published\", \"partly-published\" or \"reconstructed\"")];
    no_evidence_prompts: "empty-evidence-prompts" => [(36, 20, "`evidence_prompts` in [[questions]] is an empty list")];
    duplicate_level_label: "duplicate-level-label" => [(26, 9, "two levels are labelled \"Started\"")];
    no_questions: "no-questions" => [(1, 1, "the file has no [[questions]] tables")];
    unquoted_date: "date-not-quoted" => [(10, 8, "`date` in [source] must be text in double quotes, but here it is a date")];
    levels_written_as_one_table: "levels-as-table" => [(14, 1, "must be a series of [[levels]] tables, but here it is a table")];
    not_utf8_points_at_the_byte: "not-utf8" => [(5, 14, "the file is not UTF-8 text")];
    every_problem_not_just_the_first: "several-problems" => [
        (41, 8, "`text` in [questions.recommendation] is empty"),
        (45, 10, "this is question 2 in order, but it says `number = 5`"),
        (51, 1, "unknown key `wieght` in [[questions]]; did you mean `weight`?"),
    ];
}

#[test]
fn every_broken_fixture_has_a_test() {
    // A fixture without a case here would be an untested claim about the validator.
    for entry in std::fs::read_dir(fixture("broken")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            CASES.contains(&name.as_str()),
            "broken/{name}.toml has no case in broken!"
        );
    }
    assert!(CASES.len() >= 25);
}

#[test]
fn a_file_over_one_mebibyte_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let padding = format!("# {}\n", "x".repeat(1000)).repeat(1100);
    std::fs::write(&path, padding).unwrap();
    let report = validate_checklist_file(&path).unwrap_err();
    assert_eq!(report.problems.len(), 1);
    let problem = &report.problems[0];
    assert_eq!((problem.line, problem.column), (1, 1));
    assert!(problem.message.contains("at most 1 MiB"), "{problem}");
}

#[test]
fn text_over_one_mebibyte_is_refused_by_the_parser_too() {
    // Text can arrive without a file (pasted, or read by the app), so the limit is not only
    // enforced when reading from disk.
    let text = "#".repeat(1024 * 1024 + 1);
    let report = parse_checklist("pasted", &text).unwrap_err();
    assert!(report
        .to_string()
        .starts_with("pasted:1:1: the file is 1048577 bytes"));
}

#[test]
fn a_missing_file_is_reported_not_panicked_on() {
    let report = validate_checklist_file(&fixture("broken/no-such-file.toml")).unwrap_err();
    assert!(report
        .to_string()
        .contains("no-such-file.toml:1:1: the file could not be read"));
}

#[test]
fn the_report_prints_one_located_problem_per_line() {
    let report = report_for("several-problems");
    let text = report.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].ends_with("several-problems.toml:41:8: `text` in [questions.recommendation] is empty; write the text between the quotes"));
    let error: yardstick::Error = report.into();
    assert_eq!(error.kind(), yardstick::ErrorKind::InvalidInput);
    assert_eq!(
        error.problem_list(),
        lines,
        "the app lists the same located problems, one per item, without splitting a message"
    );
    assert!(error.to_string().contains("3 problems"), "{error}");
}
