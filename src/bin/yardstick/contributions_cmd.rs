//! `yardstick request` and `yardstick contributions …`: asking colleagues for answers with a
//! workbook or a contribution file, taking what comes back in, and the lead's review. Every
//! rule lives in `yardstick::contributions`.

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};
use yardstick::contributions::{self, Decision, NewRequest, RequestFormat};
use yardstick::{store, Result};

#[derive(Subcommand)]
pub enum ContributionsCommand {
    /// Ask a colleague for answers to some questions of a draft assessment: writes an Excel
    /// workbook or a Yardstick contribution file to send them.
    Request {
        /// The assessment id.
        id: i64,
        /// The question ids to ask about, separated by commas.
        #[arg(long, value_delimiter = ',', required = true, value_name = "ID,ID")]
        questions: Vec<String>,
        /// The colleague's name.
        #[arg(long, value_name = "NAME")]
        to: String,
        /// Their team or service.
        #[arg(long, value_name = "TEAM", default_value = "")]
        team: String,
        /// When you need it back, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<String>,
        /// A note for them, shown on the workbook's instructions.
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
        #[arg(long, value_enum)]
        format: Format,
        /// Where to write the workbook or file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Take in returned workbooks and contribution files, and review them.
    #[command(subcommand)]
    Contributions(Review),
}

#[derive(Subcommand)]
pub enum Review {
    /// Take in returned workbooks (.xlsx) and contribution files (.json): all of them, or,
    /// if any has a problem, none.
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Refuse a file that is for any other assessment.
        #[arg(long, value_name = "ID")]
        assessment: Option<i64>,
    },
    /// The contributions taken in for an assessment, each answer beside the current one.
    List { id: i64 },
    /// Accept a contribution, whole or for the questions named.
    Accept {
        contribution_id: i64,
        #[arg(long, value_delimiter = ',', value_name = "ID,ID")]
        questions: Option<Vec<String>>,
    },
    /// Set aside what is still pending in a contribution, with a note saying why.
    SetAside {
        contribution_id: i64,
        #[arg(long, value_name = "TEXT")]
        note: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Xlsx,
    Json,
}

pub fn run(command: ContributionsCommand, db_path: &Path) -> Result<()> {
    let conn = store::open(db_path)?;
    match command {
        ContributionsCommand::Request {
            id,
            questions,
            to,
            team,
            due,
            note,
            format,
            out,
        } => {
            let format = match format {
                Format::Xlsx => RequestFormat::Xlsx,
                Format::Json => RequestFormat::Json,
            };
            let request = contributions::make_request(
                &conn,
                &NewRequest {
                    assessment_id: id,
                    question_ids: &questions,
                    contributor: &to,
                    team: &team,
                    due_date: due.as_deref(),
                    note: &note,
                },
                format,
                &out,
            )?;
            println!(
                "Request {} to {} for {} question{} of assessment {id} written to {}.",
                request.id,
                request.contributor,
                request.question_ids.len(),
                if request.question_ids.len() == 1 {
                    ""
                } else {
                    "s"
                },
                out.display()
            );
        }
        ContributionsCommand::Contributions(Review::Import { files, assessment }) => {
            for imported in contributions::import_files(&conn, &files, assessment)? {
                println!("{imported}");
            }
        }
        ContributionsCommand::Contributions(Review::List { id }) => {
            let all = contributions::list_contributions(&conn, id)?;
            if all.is_empty() {
                println!("No contributions have been taken in for assessment {id}.");
            }
            for contribution in all {
                println!(
                    "Contribution {} {} ({}), received {}",
                    contribution.id,
                    contribution.attribution(),
                    contribution.source_name,
                    contribution.received_at
                );
                if !contribution.decision_note.is_empty() {
                    println!("  Set aside: {}", contribution.decision_note);
                }
                for answer in &contribution.answers {
                    let given = &answer.contributed;
                    let current = answer
                        .current
                        .as_ref()
                        .map(|a| describe(a.level, a.not_applicable.as_deref()))
                        .unwrap_or_else(|| "not started".into());
                    let decision = match answer.decision {
                        Decision::Pending => "pending",
                        Decision::Accepted => "accepted",
                        Decision::SetAside => "set aside",
                    };
                    println!(
                        "  {:<28} now {:<16} contributed {:<16} {decision}",
                        given.question_id,
                        current,
                        describe(given.level, given.not_applicable.as_deref())
                    );
                }
            }
        }
        ContributionsCommand::Contributions(Review::Accept {
            contribution_id,
            questions,
        }) => {
            let contribution = contributions::accept(&conn, contribution_id, questions.as_deref())?;
            let accepted = contribution
                .answers
                .iter()
                .filter(|a| a.decision == Decision::Accepted)
                .count();
            println!(
                "Contribution {contribution_id}: {accepted} of {} answers accepted into assessment {}.",
                contribution.answers.len(),
                contribution.request.assessment_id
            );
        }
        ContributionsCommand::Contributions(Review::SetAside {
            contribution_id,
            note,
        }) => {
            contributions::set_aside(&conn, contribution_id, &note)?;
            println!("Contribution {contribution_id} set aside.");
        }
    }
    Ok(())
}

fn describe(level: Option<u8>, not_applicable: Option<&str>) -> String {
    match (level, not_applicable) {
        (_, Some(_)) => "not applicable".into(),
        (Some(level), None) => format!("level {level}"),
        (None, None) => "no level".into(),
    }
}
