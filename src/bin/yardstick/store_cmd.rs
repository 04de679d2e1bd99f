//! The CLI commands over the assessment store: example data, starting and answering
//! assessments, listing and showing them, sign-off and reopening, backup and restore. Each
//! command opens the database, calls one or two core functions and prints the result; the
//! rules live in the core so the CLI and the desktop app cannot disagree.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use yardstick::store::actions::{self, ActionInput, ActionStatus};
use yardstick::store::answers::{self, AnswerInput, Confidence};
use yardstick::store::assessments;
use yardstick::store::evidence;
use yardstick::store::start::{start_assessment, OrganisationChoice, StartAssessment};
use yardstick::store::{self, archive, snapshots, AssessmentDetail, Connection};
use yardstick::{Error, Result};

#[derive(Subcommand)]
pub enum StoreCommand {
    /// Load "Example District Council" with three years of assessments; prints the new ids.
    ExampleData,
    /// Start an assessment (creating the organisation if needed); prints the new id.
    New {
        #[arg(long, value_name = "NAME")]
        org: String,
        /// Financial year, e.g. 2026/27.
        #[arg(long, value_name = "LABEL")]
        period: String,
        /// Checklist id (default: the digital best-practice checklist, or the one the
        /// --from assessment used).
        #[arg(long, value_name = "ID")]
        checklist: Option<String>,
        /// What within the organisation is assessed, e.g. "Planning applications service"
        /// (default: the whole organisation, or the --from assessment's scope).
        #[arg(long, value_name = "TEXT")]
        scope: Option<String>,
        /// The id of one of the checklist's target profiles (e.g. "baseline") to set every
        /// question's target from.
        #[arg(long, value_name = "NAME")]
        profile: Option<String>,
        /// Carry answers, evidence and open actions forward from this assessment.
        #[arg(long, value_name = "ASSESSMENT_ID")]
        from: Option<i64>,
    },
    /// Record the level (and optionally rationale, confidence, target) for one question, or
    /// that it does not apply (--not-applicable with --reason).
    Answer {
        id: i64,
        question_id: String,
        /// A level of the question's scale: its number or its label (e.g. 2 or "Achieved").
        #[arg(long, value_name = "LEVEL", required_unless_present = "not_applicable")]
        level: Option<String>,
        /// The question does not apply to what is assessed; needs --reason.
        #[arg(long, conflicts_with = "level", requires = "reason")]
        not_applicable: bool,
        /// Why the question does not apply.
        #[arg(long, value_name = "TEXT", requires = "not_applicable")]
        reason: Option<String>,
        #[arg(long)]
        rationale: Option<String>,
        #[arg(long, value_parser = ["low", "medium", "high"])]
        confidence: Option<String>,
        /// The level aimed for: a number or a label of the question's scale.
        #[arg(long, value_name = "LEVEL")]
        target: Option<String>,
    },
    /// Add a note of evidence to one question; prints the evidence id.
    Note {
        id: i64,
        question_id: String,
        text: String,
    },
    /// Add a web address as evidence to one question; prints the evidence id.
    Link {
        id: i64,
        question_id: String,
        url: String,
        /// What the page shows, e.g. "Channel shift dashboard".
        #[arg(long, value_name = "TEXT", default_value = "")]
        description: String,
    },
    /// Attach files as evidence to one question: copied into the data folder, all or none;
    /// prints the evidence ids.
    Attach {
        id: i64,
        question_id: String,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Record an action (for one question, or the whole assessment); prints its id.
    Action {
        id: i64,
        /// The question it follows from (default: the assessment as a whole).
        #[arg(long, value_name = "QUESTION_ID")]
        question: Option<String>,
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// A person or team.
        #[arg(long, value_name = "TEXT", default_value = "")]
        owner: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<String>,
        #[arg(long, value_parser = ["open", "in_progress", "done", "dropped"], default_value = "open")]
        status: String,
        #[arg(long, value_name = "TEXT", default_value = "")]
        notes: String,
    },
    /// List every assessment in the database.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one assessment with its answers, evidence and actions.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Sign an assessment off; it becomes read-only.
    Finalise {
        id: i64,
        #[arg(long, value_name = "NAME")]
        approver: String,
    },
    /// Reopen a final assessment as a draft; the reason is kept in the audit trail.
    Reopen {
        id: i64,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Delete one assessment with everything in it (a final one must be reopened first; a
    /// peer's imported copy can always be deleted).
    Delete { id: i64 },
    /// Write the whole database, its evidence files and your checklists to one FILE.
    Backup { file: PathBuf },
    /// Replace the whole database with the backup in FILE, a backup archive or a database
    /// copy (the current one is kept as <database>.before-restore-<time>.bak).
    Restore { file: PathBuf },
    /// Test helper: save answers in a loop, printing each after it commits.
    #[command(hide = true)]
    CrashWriter {
        id: i64,
        /// The first sequence number, so several runs write distinguishable rationales.
        #[arg(long, default_value_t = 0)]
        start: u64,
        #[arg(long, default_value_t = 1_000_000)]
        count: u64,
    },
}

pub fn run(command: StoreCommand, db_path: &Path) -> Result<()> {
    if let StoreCommand::Restore { file } = &command {
        return restore(db_path, file);
    }
    let conn = store::open(db_path)?;
    match command {
        StoreCommand::ExampleData => {
            for id in yardstick::example_data::load_example_data(&conn)? {
                println!("{id}");
            }
        }
        StoreCommand::New {
            org,
            period,
            checklist,
            scope,
            profile,
            from,
        } => {
            let request = StartAssessment {
                organisation: OrganisationChoice::Named { name: org },
                period,
                assessor: None,
                checklist_id: checklist,
                checklist_version: None,
                scope,
                profile,
                from_assessment_id: from,
            };
            let id = new_assessment(&conn, db_path, &request)?;
            println!("{id}");
        }
        StoreCommand::Answer {
            id,
            question_id,
            level,
            not_applicable,
            reason,
            rationale,
            confidence,
            target,
        } => {
            let checklist = snapshots::assessment_checklist(&conn, id)?;
            let question =
                checklist.require_question(&question_id, ", so it cannot be answered")?;
            let mut input = answers::get_answer(&conn, id, &question_id)?
                .map(|a| AnswerInput::from(&a))
                .unwrap_or_default();
            if not_applicable {
                input.level = None;
                input.not_applicable = reason;
            } else {
                input.level = level
                    .map(|l| scale_level(&checklist, question, &l, "level"))
                    .transpose()?;
                input.not_applicable = None;
            }
            let target = target
                .map(|t| scale_level(&checklist, question, &t, "target"))
                .transpose()?;
            input.rationale = rationale.unwrap_or(input.rationale);
            input.confidence = confidence
                .as_deref()
                .map(Confidence::parse)
                .transpose()?
                .or(input.confidence);
            input.target_level = target.or(input.target_level);
            answers::save_answer(&conn, id, &question_id, &input)?;
            println!("Saved {question_id} in assessment {id}.");
        }
        StoreCommand::List { json } => list(&conn, db_path, json)?,
        StoreCommand::Show { id, json } => {
            let detail = store::load_assessment(&conn, id)?;
            if json {
                println!("{}", to_json(&detail)?);
            } else {
                print_detail(&detail);
            }
        }
        StoreCommand::Finalise { id, approver } => {
            let signed = archive::sign_off(&conn, id, &approver)?;
            let a = &signed.assessment;
            println!(
                "Assessment {id} ({}, {}) is final, approved by {approver}.",
                clean(&a.organisation),
                a.period
            );
            match (&signed.backup, &signed.backup_problem) {
                (Some(path), _) => println!("A backup of everything was saved as {path}."),
                (None, Some(problem)) => eprintln!("No backup was made: {}", clean(problem)),
                (None, None) => {}
            }
        }
        StoreCommand::Reopen { id, reason } => {
            let a = assessments::reopen(&conn, id, &reason)?;
            println!(
                "Assessment {id} ({}, {}) is a draft again.",
                clean(&a.organisation),
                a.period
            );
        }
        StoreCommand::Note {
            id,
            question_id,
            text,
        } => println!("{}", evidence::add_note(&conn, id, &question_id, &text)?.id),
        StoreCommand::Link {
            id,
            question_id,
            url,
            description,
        } => println!(
            "{}",
            evidence::add_link(&conn, id, &question_id, &url, &description)?.id
        ),
        StoreCommand::Attach {
            id,
            question_id,
            files,
        } => {
            for added in evidence::add_files(&conn, id, &question_id, &files)? {
                println!("{}", added.id);
            }
        }
        StoreCommand::Action {
            id,
            question,
            title,
            owner,
            due,
            status,
            notes,
        } => {
            let input = ActionInput {
                question_id: question,
                title,
                owner,
                due_date: due,
                status: ActionStatus::parse(&status)?,
                notes,
            };
            println!("{}", actions::add_action(&conn, id, &input)?.id);
        }
        StoreCommand::Delete { id } => {
            let a = assessments::get_assessment(&conn, id)?;
            assessments::delete_assessment(&conn, id)?;
            println!(
                "Deleted assessment {id} ({}, {}).",
                clean(&a.organisation),
                a.period
            );
        }
        StoreCommand::Backup { file } => {
            let manifest = archive::write_archive(&conn, &file, "manual")?;
            let others = manifest.entries.len().saturating_sub(1);
            println!(
                "Backed up {} with {others} evidence and checklist file{} to {}.",
                db_path.display(),
                if others == 1 { "" } else { "s" },
                file.display()
            );
        }
        StoreCommand::Restore { file } => restore(db_path, &file)?,
        StoreCommand::CrashWriter { id, start, count } => crash_writer(&conn, id, start, count)?,
    }
    Ok(())
}

/// Restores from a backup archive or a database copy. A database that no longer opens can
/// still be restored into: that is when a restore is needed most.
fn restore(db_path: &Path, file: &Path) -> Result<()> {
    let kept = match store::open(db_path) {
        Ok(mut conn) => archive::restore_from(&mut conn, file)?,
        Err(_) => archive::restore_from_unopenable(db_path, file)?,
    };
    println!(
        "Restored {} from {}. The data it replaced is kept in {}.",
        db_path.display(),
        file.display(),
        kept.display()
    );
    Ok(())
}

/// A level of `question`'s scale from its number or its label (any case), or an error that
/// lists the scale.
fn scale_level(
    checklist: &yardstick::checklist::Checklist,
    question: &yardstick::checklist::Question,
    written: &str,
    what: &str,
) -> Result<u8> {
    let levels = checklist.levels_of(question);
    let written = written.trim();
    let found = match written.parse::<usize>() {
        Ok(number) => levels.get(number),
        Err(_) => levels
            .iter()
            .find(|l| l.label.eq_ignore_ascii_case(written)),
    };
    match found {
        Some(level) => Ok(level.level),
        None => {
            let scale: Vec<String> = levels
                .iter()
                .map(|l| format!("{} \"{}\"", l.level, l.label))
                .collect();
            Err(Error::InvalidInput(format!(
                "\"{}\" is not a {what} on the scale of {} {}. Give a number or a label: {}.",
                yardstick::text::quoted(written),
                checklist.wording.question,
                question.code,
                scale.join(", ")
            )))
        }
    }
}

fn new_assessment(conn: &Connection, db_path: &Path, request: &StartAssessment) -> Result<i64> {
    let data_dir = yardstick::paths::data_dir_for(db_path);
    Ok(start_assessment(conn, &data_dir, request)?.id)
}

fn list(conn: &Connection, db_path: &Path, json: bool) -> Result<()> {
    let summaries = assessments::list_summaries(conn)?;
    if json {
        println!("{}", to_json(&summaries)?);
    } else if summaries.is_empty() {
        println!("No assessments yet in {}.", db_path.display());
    } else {
        // The checklist comes last: its title and scope have no useful width limit, and the
        // columns before it stay aligned whatever its length.
        println!(
            "{:>4}  {:<32}  {:<7}  {:<6}  {:>8}  {:<7}  checklist",
            "id", "organisation", "period", "status", "answered", "overall"
        );
        for s in summaries {
            // The mean level for an averaged checklist; for counts or worst-rating results
            // the full line is in `show`, so the column marks only that there is one.
            let overall = match (s.overall_level, s.answered) {
                (Some(level), _) => level.to_string(),
                (None, 0) => "-".to_string(),
                (None, _) => "see show".to_string(),
            };
            let answered = format!("{}/{}", s.answered, s.question_count);
            // A peer's assessment may share my council's name; the mark tells them apart.
            let organisation = match s.peer {
                true => format!("{} (peer)", clean(&s.organisation)),
                false => clean(&s.organisation),
            };
            // What was assessed: the checklist, and the scope when it is not the whole council.
            let checklist = match s.scope.as_str() {
                "" => clean(&s.checklist_title),
                scope => format!("{} ({})", clean(&s.checklist_title), clean(scope)),
            };
            println!(
                "{:>4}  {:<32}  {:<7}  {:<6}  {answered:>8}  {overall:<7}  {checklist}",
                s.id, organisation, s.period, s.status
            );
        }
    }
    Ok(())
}

fn print_detail(detail: &AssessmentDetail) {
    let a = &detail.assessment;
    let checklist = &detail.checklist;
    let label = |question: &yardstick::checklist::Question, level: Option<u8>| match level
        .and_then(|l| checklist.level_of(question, l))
    {
        Some(l) => format!("{} {}", l.level, l.label),
        None => "not assessed".to_string(),
    };
    println!(
        "Assessment {}: {}, {} ({})",
        a.id,
        clean(&a.organisation),
        a.period,
        a.status.as_str()
    );
    println!(
        "Checklist: {} version {}",
        clean(&detail.checklist.title),
        clean(&detail.checklist.version)
    );
    println!(
        "Assessor: {}",
        if a.assessor.is_empty() {
            "not recorded".to_string()
        } else {
            clean(&a.assessor)
        }
    );
    if let (Some(approver), Some(at)) = (&a.approver, &a.finalised_at) {
        println!("Approved by {} on {at}", clean(approver));
    }
    if !a.scope.is_empty() {
        println!("Scope: {}", clean(&a.scope));
    }
    if let Some(profile) = checklist.profile(&a.profile_id) {
        println!("Target profile: {}", clean(&profile.title));
    }
    let results = &detail.results.overall;
    println!("Overall: {}", clean(&results.headline));
    if !results.breakdown.is_empty() {
        println!("By level: {}", clean(&results.breakdown));
    }
    if results.not_applicable > 0 {
        println!("Not applicable: {}", results.not_applicable);
    }
    for group in &detail.results.groups {
        println!(
            "{}{} {}: {}",
            "  ".repeat(usize::from(group.depth)),
            clean(&group.code),
            clean(&group.title),
            clean(&group.results.headline)
        );
    }
    for question in &checklist.questions {
        let answer = detail.answers.iter().find(|x| x.question_id == question.id);
        println!(
            "\n{}. {} [{}]",
            clean(&question.code),
            clean(&question.title),
            question.id
        );
        match answer.and_then(|x| x.not_applicable.as_deref()) {
            Some(reason) => println!("   Not applicable: {}", clean_lines(reason)),
            None => println!(
                "   Level: {}",
                label(question, answer.and_then(|x| x.level))
            ),
        }
        if let Some(answer) = answer {
            println!("   Target: {}", label(question, answer.target_level));
            println!(
                "   Confidence: {}",
                answer.confidence.map_or("not given", Confidence::as_str)
            );
            if !answer.rationale.is_empty() {
                println!("   Rationale: {}", clean_lines(&answer.rationale));
            }
        }
        for item in detail
            .evidence
            .iter()
            .filter(|e| e.question_id == question.id)
        {
            let what = match (&item.url, &item.file) {
                (Some(url), _) => format!("link {}", clean(url)),
                (_, Some(f)) if f.missing => {
                    format!("file {} (MISSING from the evidence folder)", clean(&f.name))
                }
                (_, Some(f)) => format!("file {} ({} bytes)", clean(&f.name), f.size),
                _ => "note".to_string(),
            };
            println!(
                "   Evidence: {what}{}",
                if item.note.is_empty() {
                    String::new()
                } else {
                    format!(": {}", clean_lines(&item.note))
                }
            );
        }
        print_actions(detail, Some(&question.id));
    }
    println!("\nOverall");
    print_actions(detail, None);
}

fn print_actions(detail: &AssessmentDetail, question_id: Option<&String>) {
    for action in detail
        .actions
        .iter()
        .filter(|x| x.question_id.as_ref() == question_id)
    {
        println!(
            "   Action: {} (owner: {}, due: {}, {})",
            clean(&action.title),
            if action.owner.is_empty() {
                "none".to_string()
            } else {
                clean(&action.owner)
            },
            action.due_date.as_deref().unwrap_or("no date"),
            action.status.as_str()
        );
    }
}

/// Saves answers as fast as it can, printing `saved <n> <question> <level>` only after each
/// commit returns, for the crash test: whatever it printed must survive a SIGKILL.
fn crash_writer(conn: &Connection, id: i64, start: u64, count: u64) -> Result<()> {
    let checklist = snapshots::assessment_checklist(conn, id)?;
    if checklist.questions.is_empty() {
        return Err(Error::InvalidInput(
            "This assessment's checklist has no questions to answer.".into(),
        ));
    }
    let mut out = std::io::stdout().lock();
    for n in start..start.saturating_add(count) {
        let question = &checklist.questions[(n % checklist.questions.len() as u64) as usize];
        let levels = u64::from(checklist.max_level_of(question)) + 1;
        let level = (n % levels) as u8;
        let input = AnswerInput {
            level: Some(level),
            rationale: format!("crash-test write {n}"),
            ..AnswerInput::default()
        };
        answers::save_answer(conn, id, &question.id, &input)?;
        writeln!(out, "saved {n} {} {level}", question.id)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io("Could not write to standard output", e))?;
    }
    Ok(())
}

/// Stored text made safe for a terminal: imported files can carry escape sequences that
/// would clear the screen or fake output.
fn clean(text: &str) -> String {
    yardstick::text::for_terminal(text, false)
}

/// As [`clean`], keeping line breaks for text that has paragraphs.
fn clean_lines(text: &str) -> String {
    yardstick::text::for_terminal(text, true)
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Error::Internal(format!("Could not write JSON: {e}")))
}
