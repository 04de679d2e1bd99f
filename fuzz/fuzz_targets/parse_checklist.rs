//! Feeds arbitrary bytes to the checklist reader. Whatever the input, `parse_checklist` must
//! return a checklist or a report — never panic, hang or overflow — and every reported
//! problem must point inside the text (line and column from 1, line within the file).

#![no_main]

use libfuzzer_sys::fuzz_target;
use yardstick::checklist::parse_checklist;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_checklist("fuzz.toml", text) {
        Ok(checklist) => {
            // A checklist that passes validation keeps the promises the engine relies on.
            assert!((2..=7).contains(&checklist.levels.len()));
            for question in &checklist.questions {
                assert_eq!(question.descriptors.len(), checklist.levels.len());
            }
        }
        Err(report) => {
            assert!(!report.problems.is_empty());
            let lines = text.split('\n').count();
            for problem in &report.problems {
                assert!(problem.line >= 1 && problem.line <= lines, "{problem}");
                assert!(problem.column >= 1, "{problem}");
            }
        }
    }
});
