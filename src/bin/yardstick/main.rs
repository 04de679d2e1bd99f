//! The `yardstick` command line: the same core as the desktop app, for scripting, checks and
//! people who prefer a terminal. `--db PATH` or `YARDSTICK_DB` picks the database file.

use std::path::PathBuf;
use std::process::ExitCode;

mod checklist_cmd;

use clap::{Parser, Subcommand};
use yardstick::store;

#[derive(Parser)]
#[command(name = "yardstick", version, about = "Digital best-practice self-assessments for councils")]
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
    /// List every assessment in the database.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("yardstick: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), yardstick::Error> {
    let db_path = resolve_db_path(cli.db)?;
    match cli.command {
        Command::Checklist(command) => checklist_cmd::run(command, &db_path)?,
        Command::List { json } => {
            let conn = store::open(&db_path)?;
            let summaries = store::assessments::list_summaries(&conn)?;
            if json {
                println!("{}", to_json(&summaries)?);
            } else if summaries.is_empty() {
                println!("No assessments yet in {}.", db_path.display());
            } else {
                for s in summaries {
                    println!(
                        "{:>4}  {:<32}  {:<8}  {:<6}  {}/{}",
                        s.id, s.organisation, s.period, s.status, s.answered, s.question_count
                    );
                }
            }
        }
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

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, yardstick::Error> {
    serde_json::to_string_pretty(value)
        .map_err(|e| yardstick::Error::Internal(format!("Could not write JSON: {e}")))
}
