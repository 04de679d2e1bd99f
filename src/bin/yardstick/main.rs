//! The `yardstick` command line: the same core as the desktop app, for scripting, checks and
//! people who prefer a terminal. `--db PATH` or `YARDSTICK_DB` picks the database file.

use std::path::PathBuf;
use std::process::ExitCode;

mod checklist_cmd;
mod compare_out;
mod contributions_cmd;
mod exchange_cmd;
mod report_cmd;
mod store_cmd;

use clap::{Parser, Subcommand};
use yardstick::Field;

#[derive(Parser)]
#[command(
    name = "yardstick",
    version,
    about = "Self-assessments for councils: the digital best-practice checklist, the Local Government Digital Service Standard, or any checklist you add"
)]
struct Cli {
    /// The database file (default: YARDSTICK_DB, else the app's data folder).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check checklist files, or list the checklists available.
    #[command(subcommand)]
    Checklist(checklist_cmd::ChecklistCommand),
    #[command(flatten)]
    Store(store_cmd::StoreCommand),
    #[command(flatten)]
    Report(report_cmd::ReportCommand),
    #[command(flatten)]
    Exchange(exchange_cmd::ExchangeCommand),
    #[command(flatten)]
    Contributions(contributions_cmd::ContributionsCommand),
}

fn main() -> ExitCode {
    quiet_on_broken_pipe();
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "yardstick: {}",
                yardstick::text::for_terminal(&error.full_text(), true)
            );
            if let Some(hint) = error.field().and_then(option_hint) {
                eprintln!("{hint}");
            }
            ExitCode::FAILURE
        }
    }
}

/// The core says which input an error is about; only the CLI knows what its option is called.
fn option_hint(field: Field) -> Option<&'static str> {
    match field {
        Field::AllowPeer => Some("To compare them as peers, add --peer."),
        Field::OnConflict => Some(
            "To keep both, add --on-conflict copy; to keep only the one you have, add --on-conflict skip.",
        ),
        Field::Comparison => Some("Name fewer assessment ids."),
        Field::Checklist => Some("`yardstick checklist list` shows the checklists there are."),
        Field::Organisation | Field::PreviousAssessment => {
            Some("`yardstick list` shows the assessments there are.")
        }
        _ => None,
    }
}

/// `yardstick show 3 | head` closes the pipe before everything is printed, and Rust's
/// `println!` then panics. The reader chose to stop reading: end quietly, as other tools do.
fn quiet_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("Broken pipe") || message.contains("os error 232") {
            std::process::exit(0);
        }
        default(info);
    }));
}

fn run(cli: Cli) -> Result<(), yardstick::Error> {
    let db_path = resolve_db_path(cli.db)?;
    match cli.command {
        Command::Checklist(command) => checklist_cmd::run(command, &db_path)?,
        Command::Store(command) => store_cmd::run(command, &db_path)?,
        Command::Report(command) => report_cmd::run(command, &db_path)?,
        Command::Exchange(command) => exchange_cmd::run(command, &db_path)?,
        Command::Contributions(command) => contributions_cmd::run(command, &db_path)?,
    }
    Ok(())
}

fn resolve_db_path(explicit: Option<PathBuf>) -> Result<PathBuf, yardstick::Error> {
    explicit.or_else(yardstick::paths::database_path).ok_or_else(|| {
        yardstick::Error::InvalidInput(
            "Could not work out where to keep the database: HOME is not set. Pass --db PATH or set YARDSTICK_DB.".into(),
        )
    })
}
