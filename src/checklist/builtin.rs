//! The checklists that ship inside the binaries, embedded from `checklists/` at compile time so
//! the app works with no files beside it. They are parsed once and kept. A test checks that
//! every file in `checklists/` is listed here and valid; should one still fail, it is left out
//! and its problems are reported rather than taking the app down.

use std::sync::OnceLock;

use super::files::{loaded, ChecklistOrigin, LoadedChecklist};
use super::problem::ValidationReport;

/// Every file in `checklists/`, by the path it has in the repository (used as its label in
/// problem messages).
/// The digital checklist must stay first: it is the default for new assessments.
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "checklists/digital-best-practice.toml",
        include_str!("../../checklists/digital-best-practice.toml"),
    ),
    (
        "checklists/local-government-digital-service-standard.toml",
        include_str!("../../checklists/local-government-digital-service-standard.toml"),
    ),
];

struct Builtins {
    valid: Vec<LoadedChecklist>,
    problems: Vec<ValidationReport>,
}

fn builtins() -> &'static Builtins {
    static BUILTINS: OnceLock<Builtins> = OnceLock::new();
    BUILTINS.get_or_init(|| {
        let mut valid = Vec::new();
        let mut problems = Vec::new();
        for (label, text) in BUILTIN_FILES {
            match loaded(label, text, ChecklistOrigin::BuiltIn) {
                Ok(checklist) => valid.push(checklist),
                Err(report) => problems.push(report),
            }
        }
        Builtins { valid, problems }
    })
}

/// The built-in checklists, already validated, in the order listed in `BUILTIN_FILES`.
pub fn builtin_checklists() -> Vec<LoadedChecklist> {
    builtins().valid.clone()
}

/// Problems in built-in checklists (empty in any released build; the tests guarantee it).
pub fn builtin_problems() -> Vec<ValidationReport> {
    builtins().problems.clone()
}

/// The repository paths of the embedded files, so a test can check none is missing.
pub fn builtin_file_names() -> impl Iterator<Item = &'static str> {
    BUILTIN_FILES.iter().map(|(label, _)| *label)
}
