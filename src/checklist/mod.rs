//! Checklists as data: the TOML format a checklist is written in, the reader and validator
//! that turn a file into a [`Checklist`] or a located list of every problem in it, the
//! built-in checklists embedded in the binaries, and the user's own checklist files.
//!
//! The format is documented in `docs/checklist-format.md`. Reading happens in two passes over
//! one parse: `parse` checks the file's shape (TOML syntax, known keys, types, required text)
//! and `validate` checks the rules that keep results comparable (ids, levels, numbering).

mod builtin;
mod files;
mod install;
mod model;
mod parse;
mod problem;
mod reader;
mod suggest;
mod validate;
pub mod version;

pub use builtin::{builtin_checklists, builtin_file_names, builtin_problems};
pub use files::{
    available_checklists, find_checklist, find_checklist_version, load_checklist_file,
    validate_checklist_file, ChecklistOrigin, LoadedChecklist, USER_CHECKLIST_DIR,
};
pub use install::install_user_checklist;
pub use model::*;
pub use problem::{line_and_column, Problem, ValidationReport};
pub use validate::{is_slug, MAX_LEVELS, MIN_LEVELS};

/// The id of the checklist a new assessment uses unless the user picks another.
pub const DEFAULT_CHECKLIST_ID: &str = "digital-best-practice";

/// The largest checklist file accepted: far above any real checklist (the default one is
/// tens of kilobytes), small enough that a wrong file picked by mistake is refused quickly.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// Parses and validates checklist `text`. `file_label` names the file in problem messages
/// (usually its path). Returns the checklist, or a report of every problem found.
pub fn parse_checklist(file_label: &str, text: &str) -> Result<Checklist, ValidationReport> {
    if text.len() > MAX_FILE_BYTES {
        return Err(too_big(file_label, text.len() as u64));
    }
    let mut out = problem::Collector::new(file_label, text);
    if let Some((checklist, spans)) = parse::read(text, &mut out) {
        validate::check(&checklist, &spans, &mut out);
        if out.is_empty() {
            return Ok(checklist);
        }
    }
    Err(out.into_report())
}

fn too_big(file_label: &str, bytes: u64) -> ValidationReport {
    ValidationReport::single(
        file_label,
        1,
        1,
        format!(
            "the file is {bytes} bytes, but a checklist file may be at most 1 MiB ({MAX_FILE_BYTES} bytes); check that this is the checklist you meant"
        ),
    )
}
