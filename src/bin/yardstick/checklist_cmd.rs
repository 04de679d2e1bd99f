//! `yardstick checklist …`: checking checklist files before adding them, and listing the
//! checklists the app can use. Problems go to stderr as `FILE:LINE:COLUMN: message`, the
//! form editors and CI logs recognise, so a council can fix a file line by line.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use yardstick::checklist::{self, ChecklistOrigin, LoadedChecklist};

#[derive(Subcommand)]
pub enum ChecklistCommand {
    /// Check checklist files; print every problem as FILE:LINE:COLUMN: message and exit 1 if
    /// any file has one.
    Validate {
        /// The checklist files (.toml) to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the checklists available: built in, and those added to the data folder.
    List,
}

pub fn run(command: ChecklistCommand, db_path: &Path) -> Result<(), yardstick::Error> {
    match command {
        ChecklistCommand::Validate { files } => validate(&files),
        ChecklistCommand::List => {
            list(&yardstick::paths::data_dir_for(db_path));
            Ok(())
        }
    }
}

fn validate(files: &[PathBuf]) -> Result<(), yardstick::Error> {
    let mut broken = 0;
    for path in files {
        match checklist::validate_checklist_file(path) {
            Ok(loaded) => println!("{}: valid ({})", path.display(), describe(&loaded)),
            Err(report) => {
                broken += 1;
                eprintln!("{report}");
            }
        }
    }
    if broken == 0 {
        return Ok(());
    }
    Err(yardstick::Error::InvalidInput(format!(
        "{broken} of {} checklist file(s) have problems; fix each one at the line and column shown, then run this again",
        files.len()
    )))
}

fn list(data_dir: &Path) {
    let (checklists, reports) = checklist::available_checklists(data_dir);
    // Ids may be up to 64 characters; the column is as wide as the longest, so rows line up.
    let width = checklists
        .iter()
        .map(|c| c.checklist.id.chars().count())
        .max()
        .unwrap_or(0)
        .max(28);
    println!(
        "{:<width$}  {:<8}  {:>9}  {:<10}  title",
        "id", "version", "questions", "origin"
    );
    for loaded in &checklists {
        let c = &loaded.checklist;
        let origin = match &loaded.origin {
            ChecklistOrigin::BuiltIn => "built-in",
            ChecklistOrigin::UserFile(_) => "added",
        };
        println!(
            "{:<width$}  {:<8}  {:>9}  {:<10}  {}",
            c.id,
            c.version,
            c.questions.len(),
            origin,
            c.title
        );
    }
    let dir = data_dir.join(checklist::USER_CHECKLIST_DIR);
    println!(
        "\nTo add a checklist, put its .toml file in {}.",
        dir.display()
    );
    if !reports.is_empty() {
        eprintln!("\nThese checklist files were skipped because they have problems:");
        for report in &reports {
            eprintln!("{report}");
        }
    }
}

fn describe(loaded: &LoadedChecklist) -> String {
    let c = &loaded.checklist;
    format!(
        "\"{}\" version {}, {} questions",
        c.id,
        c.version,
        c.questions.len()
    )
}
