//! Checking a parsed document against every rule the store enforces, before anything is
//! written: the checklist parses and matches its hash, each answer names a question once and
//! stays on the scale, links are http(s), dates are dates, attachment names are plain names
//! and embedded files match their hashes. Every problem is collected with its JSON path, so
//! one attempt tells the user all that is wrong. Text is tidied (trimmed, timestamps in the
//! store's UTC form) on the way, so what is written is exactly what was checked.

use std::collections::HashMap;
use std::fmt::Display;

use super::attachment;
use super::format::*;
use super::problems::{counts, Questions};
use crate::checklist::{parse_checklist, Checklist};
use crate::problems::{counted, Problems};
use crate::store::snapshots::sha256_hex;
use crate::store::validate;
use crate::text::quoted;
use crate::{Error, Field, Result};

/// A document that passed every check, with what the writer needs beside it.
pub(super) struct Checked {
    pub document: ExchangeDocument,
    pub checklist: Checklist,
    /// Embedded files, decoded and verified: (sha256, bytes).
    pub files: Vec<(String, Vec<u8>)>,
}

pub(super) fn check(label: &str, mut document: ExchangeDocument) -> Result<Checked> {
    let mut problems = Problems::new();
    organisation(&mut problems, &mut document.organisation);
    assessment(
        &mut problems,
        &mut document.assessment,
        &mut document.sign_off,
    );
    let checklist = checklist(&mut problems, label, &document.checklist);
    let mut files = Vec::new();
    if let Some(checklist) = &checklist {
        let questions = Questions::new(checklist);
        counts(label, checklist, &document)?;
        answers(&mut problems, &questions, checklist, &mut document.answers);
        let profile = &document.assessment.profile;
        if !profile.is_empty() && checklist.profile(profile).is_none() {
            problems.add(
                "assessment.profile",
                format!(
                    "\"{}\" is not a target profile of the checklist in this file; remove `profile` or use one of its profiles' ids.",
                    quoted(profile)
                ),
            );
        }
        for (index, item) in document.evidence.iter_mut().enumerate() {
            let path = format!("evidence[{index}]");
            files.extend(evidence(&mut problems, &path, &questions, item));
        }
        for (index, action) in document.actions.iter_mut().enumerate() {
            self::action(
                &mut problems,
                &format!("actions[{index}]"),
                &questions,
                action,
            );
        }
    }
    if let Some((count, list)) = problems.finish() {
        return Err(Error::InvalidInput(format!(
            "{label} cannot be imported: {} found, and nothing was changed.\n  - {}",
            counted(count),
            list.join("\n  - ")
        )));
    }
    let checklist = checklist.ok_or_else(|| Error::Internal("checklist unchecked".into()))?;
    Ok(Checked {
        document,
        checklist,
        files,
    })
}

/// An RFC 3339 time, rewritten in the store's form (UTC, milliseconds) so text order stays
/// time order.
fn timestamp(problems: &mut Problems, path: impl Display, value: &mut String) {
    match validate::timestamp(value) {
        Ok(time) => *value = time,
        Err(error) => problems.add(path, error),
    }
}

fn organisation(problems: &mut Problems, organisation: &mut OrganisationDoc) {
    if let Some(name) = problems.rule(
        "organisation.name",
        validate::required(Field::OrganisationName, &organisation.name),
    ) {
        organisation.name = name;
    }
    if let Some(code) = organisation.gss_code.as_mut() {
        *code = code.trim().to_ascii_uppercase();
        let valid = code.len() == 9
            && code.as_bytes()[0].is_ascii_uppercase()
            && code[1..].bytes().all(|b| b.is_ascii_digit());
        if !valid {
            problems.add("organisation.gssCode", format!(
                "\"{}\" is not a GSS code. It is a letter and eight digits, like E07000123, or null when not known.",
                quoted(code)
            ));
        }
    }
}

fn assessment(
    problems: &mut Problems,
    assessment: &mut AssessmentDoc,
    sign_off: &mut Option<SignOffDoc>,
) {
    if problems
        .rule("assessment.period", validate::period(&assessment.period))
        .is_some()
    {
        assessment.period = assessment.period.trim().to_string();
    }
    assessment.assessor = assessment.assessor.trim().to_string();
    problems.rule(
        "assessment.assessor",
        validate::text(Field::Assessor, &assessment.assessor),
    );
    assessment.scope = assessment.scope.trim().to_string();
    problems.rule(
        "assessment.scope",
        validate::text(Field::Scope, &assessment.scope),
    );
    timestamp(problems, "assessment.createdAt", &mut assessment.created_at);
    timestamp(problems, "assessment.updatedAt", &mut assessment.updated_at);
    match (assessment.status, sign_off.as_mut()) {
        (AssessmentStatusDoc::Final, Some(sign_off)) => {
            if let Some(approver) = problems.rule("signOff.approver", validate::required(Field::Approver, &sign_off.approver)) {
                sign_off.approver = approver;
            }
            timestamp(problems, "signOff.finalisedAt", &mut sign_off.finalised_at);
        }
        (AssessmentStatusDoc::Final, None) => problems.add(
            "signOff",
            "the assessment is final but has no sign-off. Add \"signOff\" with the approver and date, or make the status \"draft\".",
        ),
        (AssessmentStatusDoc::Draft, Some(_)) => problems.add(
            "signOff",
            "a draft assessment cannot have a sign-off. Remove \"signOff\", or make the status \"final\".",
        ),
        (AssessmentStatusDoc::Draft, None) => {}
    }
}

fn checklist(problems: &mut Problems, label: &str, doc: &ChecklistDoc) -> Option<Checklist> {
    let actual = sha256_hex(doc.source.as_bytes());
    if actual != doc.sha256 {
        problems.add("checklist.sha256", format!(
            "the checklist text does not match its SHA-256 (the file says {}, the text gives {actual}). The checklist was changed after export; export the assessment again."
        , quoted(&doc.sha256)));
    }
    let checklist = match parse_checklist(&format!("{label}, checklist.source"), &doc.source) {
        Ok(checklist) => checklist,
        Err(report) => {
            problems.add(
                "checklist.source",
                format!("the checklist in the file is not valid: {report}"),
            );
            return None;
        }
    };
    for (field, stated, real) in [
        ("id", &doc.id, &checklist.id),
        ("version", &doc.version, &checklist.version),
    ] {
        if stated != real {
            problems.add(
                format!("checklist.{field}"),
                format!(
                    "says \"{}\" but the checklist text says \"{}\".",
                    quoted(stated),
                    quoted(real)
                ),
            );
        }
    }
    Some(checklist)
}

fn question(problems: &mut Problems, path: impl Display, questions: &Questions, id: &str) {
    if !questions.ids.contains(id) {
        problems.add(
            path,
            format_args!(
                "\"{}\" is not a question of the checklist in this file. Its questions are: {}.",
                quoted(id),
                questions.listed
            ),
        );
    }
}

fn answers(
    problems: &mut Problems,
    questions: &Questions,
    checklist: &Checklist,
    answers: &mut [AnswerDoc],
) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, answer) in answers.iter_mut().enumerate() {
        let path = format!("answers[{index}]");
        question(
            problems,
            format_args!("{path}.questionId"),
            questions,
            &answer.question_id,
        );
        if let Some(first) = seen.insert(answer.question_id.clone(), index) {
            problems.add(format_args!("{path}.questionId"), format!(
                "\"{}\" is answered twice (also at answers[{first}]). Keep one answer per question.",
                quoted(&answer.question_id)
            ));
        }
        let Some(asked) = checklist.question(&answer.question_id) else {
            continue;
        };
        let max = checklist.max_level_of(asked);
        for (field, level) in [
            ("level", answer.level),
            ("targetLevel", answer.target_level),
        ] {
            if let Some(level) = level.filter(|l| *l > max) {
                problems.add(
                    format_args!("{path}.{field}"),
                    format!(
                        "{level} is not on the scale of question {}, which runs from 0 to {max}.",
                        asked.code
                    ),
                );
            }
        }
        if let Some(reason) = &answer.not_applicable {
            let problem = if !asked.not_applicable {
                Some(format!("question {} may not be marked not applicable in this checklist; remove `notApplicable`.", asked.code))
            } else if reason.trim().is_empty() {
                Some("a not-applicable answer needs its reason; write why the question does not apply.".to_string())
            } else if answer.level.is_some() {
                Some("a not-applicable answer has no level; set `level` to null or remove `notApplicable`.".to_string())
            } else {
                None
            };
            if let Some(problem) = problem {
                problems.add(format_args!("{path}.notApplicable"), problem);
            }
            problems.rule(
                format_args!("{path}.notApplicable"),
                validate::text(Field::NotApplicableReason, reason),
            );
        }
        problems.rule(
            format_args!("{path}.rationale"),
            validate::text(Field::Rationale, &answer.rationale),
        );
        timestamp(
            problems,
            format_args!("{path}.updatedAt"),
            &mut answer.updated_at,
        );
    }
}

/// Checks one evidence item; returns its embedded file, if any, decoded and verified.
fn evidence(
    problems: &mut Problems,
    path: &str,
    questions: &Questions,
    item: &mut EvidenceDoc,
) -> Option<(String, Vec<u8>)> {
    question(
        problems,
        format_args!("{path}.questionId"),
        questions,
        &item.question_id,
    );
    timestamp(
        problems,
        format_args!("{path}.createdAt"),
        &mut item.created_at,
    );
    item.note = item.note.trim().to_string();
    let kind = item.kind.as_str();
    match (item.kind, item.url.as_mut(), item.file.as_mut()) {
        (EvidenceKindDoc::Note, None, None) => {
            problems.rule(
                format_args!("{path}.note"),
                validate::required(Field::Note, &item.note),
            );
            None
        }
        (EvidenceKindDoc::Link, Some(url), None) => {
            problems.rule(
                format_args!("{path}.note"),
                validate::text(Field::LinkDescription, &item.note),
            );
            *url = problems.rule(format_args!("{path}.url"), validate::link(url))?;
            None
        }
        (EvidenceKindDoc::File, None, Some(attached)) => {
            problems.rule(
                format_args!("{path}.note"),
                validate::text(Field::LinkDescription, &item.note),
            );
            attachment::check(problems, &format!("{path}.file"), attached)
        }
        _ => {
            problems.add(path, format!(
                "evidence of kind \"{kind}\" must have {}. Set \"kind\" to match what the item holds.",
                match item.kind {
                    EvidenceKindDoc::Note => "neither \"url\" nor \"file\"",
                    EvidenceKindDoc::Link => "a \"url\" and no \"file\"",
                    EvidenceKindDoc::File => "a \"file\" and no \"url\"",
                }
            ));
            None
        }
    }
}

fn action(problems: &mut Problems, path: &str, questions: &Questions, action: &mut ActionDoc) {
    if let Some(title) = problems.rule(
        format_args!("{path}.title"),
        validate::required(Field::ActionTitle, &action.title),
    ) {
        action.title = title;
    }
    action.owner = action.owner.trim().to_string();
    action.notes = action.notes.trim().to_string();
    problems.rule(
        format_args!("{path}.owner"),
        validate::text(Field::ActionOwner, &action.owner),
    );
    problems.rule(
        format_args!("{path}.notes"),
        validate::text(Field::ActionNotes, &action.notes),
    );
    action.due_date = action.due_date.take().filter(|d| !d.trim().is_empty());
    if let Some(date) = action.due_date.as_mut() {
        if let Some(clean) = problems.rule(format_args!("{path}.dueDate"), validate::due_date(date))
        {
            *date = clean;
        }
    }
    if let Some(question_id) = &action.question_id {
        question(
            problems,
            format_args!("{path}.questionId"),
            questions,
            question_id,
        );
    }
    timestamp(
        problems,
        format_args!("{path}.createdAt"),
        &mut action.created_at,
    );
    timestamp(
        problems,
        format_args!("{path}.updatedAt"),
        &mut action.updated_at,
    );
}
