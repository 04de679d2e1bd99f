//! The CLI commands for exchange: `export` writes an assessment as JSON (optionally with its
//! attached files) or as two CSV files; `import` reads a JSON export, as the user's own
//! assessment or as a peer's. The format and every rule live in `yardstick::exchange`.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use yardstick::exchange::{self, ExportOptions, ImportOptions, OnConflict};
use yardstick::{store, Error, Result};

#[derive(Subcommand)]
pub enum ExchangeCommand {
    /// Export an assessment as JSON (the documented exchange format) or CSV.
    Export {
        id: i64,
        #[arg(long, value_enum)]
        format: Format,
        /// The file to write. For CSV, the actions go beside it in FILE-actions.csv.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// JSON only: embed attached files so the one file carries everything.
        #[arg(long)]
        with_files: bool,
    },
    /// Import an assessment from a JSON export.
    Import {
        file: PathBuf,
        /// Store it as a peer council's assessment: read-only, for comparison.
        #[arg(long)]
        as_peer: bool,
        /// If the organisation already has an assessment for that period: keep both (copy)
        /// or keep only the existing one (skip). Without it, the import is refused.
        #[arg(long, value_enum, value_name = "copy|skip")]
        on_conflict: Option<Conflict>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Conflict {
    Copy,
    Skip,
}

pub fn run(command: ExchangeCommand, db_path: &Path) -> Result<()> {
    let conn = store::open(db_path)?;
    match command {
        ExchangeCommand::Export {
            id,
            format,
            out,
            with_files,
        } => match format {
            Format::Json => {
                yardstick::files::refuse_database_target(db_path, &out)?;
                let bytes = exchange::export_json(&conn, id, &ExportOptions { with_files })?;
                yardstick::files::write_atomically(&out, &bytes)?;
                println!("Wrote assessment {id} to {}.", out.display());
            }
            Format::Csv => {
                if with_files {
                    return Err(Error::InvalidInput(
                        "--with-files works with --format json only: a CSV cannot carry files."
                            .into(),
                    ));
                }
                let (answers, actions) = exchange::export_csv(&conn, id)?;
                let actions_path = exchange::csv_actions_path(&out);
                yardstick::files::refuse_database_target(db_path, &out)?;
                yardstick::files::refuse_database_target(db_path, &actions_path)?;
                yardstick::files::write_atomically(&out, &answers)?;
                yardstick::files::write_atomically(&actions_path, &actions)?;
                println!(
                    "Wrote the answers of assessment {id} to {} and its actions to {}.",
                    out.display(),
                    actions_path.display()
                );
            }
        },
        ExchangeCommand::Import {
            file,
            as_peer,
            on_conflict,
        } => {
            let on_conflict = match on_conflict {
                None => OnConflict::Refuse,
                Some(Conflict::Copy) => OnConflict::Copy,
                Some(Conflict::Skip) => OnConflict::Skip,
            };
            let outcome = exchange::import_json_file(
                &conn,
                &file,
                &ImportOptions {
                    as_peer,
                    on_conflict,
                },
            )?;
            println!("{outcome}");
        }
    }
    Ok(())
}
