//! The core's one error type. Every failure carries a message written for the person using
//! the app (what happened, where, what to do) and a [`ErrorKind`] from a short closed list that
//! the desktop UI branches on. An error about one input also names the [`Field`] it concerns,
//! and an input with many problems (a checklist file, an import) lists them one by one, so the
//! app can put each message beside its form field and the CLI can name its own option; neither
//! ever has to read the message text.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The closed list of error kinds that cross into the UI. The UI branches on these and never
/// parses messages, so adding a kind is a change to the UI contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    NotFound,
    InvalidInput,
    Conflict,
    Locked,
    Io,
    Internal,
}

/// The part of a request an error is about. The desktop app maps each to a form field, the
/// CLI to an option; the core only says which input was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Organisation,
    OrganisationName,
    GssCode,
    Period,
    Assessor,
    Checklist,
    /// What within the organisation an assessment covers (a service, a system).
    Scope,
    PreviousAssessment,
    Approver,
    ReopenReason,
    Level,
    TargetLevel,
    Rationale,
    /// Why a question does not apply to this assessment.
    NotApplicableReason,
    /// The named set of targets an assessment starts from.
    Profile,
    Note,
    Link,
    LinkDescription,
    ActionTitle,
    ActionOwner,
    ActionNotes,
    DueDate,
    ProtectiveMarking,
    /// The set of assessments chosen for a comparison.
    Comparison,
    /// Whether a comparison may include other organisations' assessments.
    AllowPeer,
    /// What to do when an import meets an assessment that already exists.
    OnConflict,
    /// A file the user chose (a checklist, an import, an evidence file).
    File,
    /// The colleague a contribution request is for.
    Contributor,
    /// The colleague's team.
    Team,
    /// The questions a contribution request asks.
    RequestQuestions,
}

impl Field {
    /// The field as a message names it: "The {noun} is too long".
    pub fn noun(self) -> &'static str {
        match self {
            Field::Organisation => "organisation",
            Field::OrganisationName => "organisation name",
            Field::GssCode => "GSS code",
            Field::Period => "period",
            Field::Assessor => "assessor name",
            Field::Checklist => "checklist",
            Field::Scope => "scope",
            Field::PreviousAssessment => "previous assessment",
            Field::Approver => "approver's name",
            Field::ReopenReason => "reason for reopening",
            Field::Level => "level",
            Field::TargetLevel => "target level",
            Field::Rationale => "rationale",
            Field::NotApplicableReason => "reason it does not apply",
            Field::Profile => "target profile",
            Field::Note => "note",
            Field::Link => "link",
            Field::LinkDescription => "description",
            Field::ActionTitle => "action title",
            Field::ActionOwner => "owner",
            Field::ActionNotes => "notes",
            Field::DueDate => "due date",
            Field::ProtectiveMarking => "protective marking",
            Field::Comparison => "choice of assessments",
            Field::AllowPeer => "peer comparison",
            Field::OnConflict => "choice of what to do with an existing assessment",
            Field::File => "file",
            Field::Contributor => "colleague's name",
            Field::Team => "team",
            Field::RequestQuestions => "choice of questions",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    InvalidInput(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Locked(String),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    #[error("The database could not complete the request: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("{0}")]
    Internal(String),
    /// Another error, with the field it concerns and the problems behind it.
    #[error("{}", .0.error)]
    Detailed(Box<Detailed>),
}

/// What [`Error::Detailed`] adds to an error.
#[derive(Debug)]
pub struct Detailed {
    pub error: Error,
    pub field: Option<Field>,
    /// Each problem on its own, when one input has several; the message summarises them.
    pub problems: Vec<String>,
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::InvalidInput(_) => ErrorKind::InvalidInput,
            Error::Conflict(_) => ErrorKind::Conflict,
            Error::Locked(_) => ErrorKind::Locked,
            Error::Io { .. } => ErrorKind::Io,
            Error::Database(_) | Error::Internal(_) => ErrorKind::Internal,
            Error::Detailed(detailed) => detailed.error.kind(),
        }
    }

    /// Wraps an I/O error with the path or action it concerns, so the message says where.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// An invalid value of one field.
    pub fn invalid(field: Field, message: impl Into<String>) -> Self {
        Error::InvalidInput(message.into()).on(field)
    }

    /// An input with several problems: `summary` is the message, each problem is listed.
    pub fn problems(summary: impl Into<String>, problems: Vec<String>) -> Self {
        Error::Detailed(Box::new(Detailed {
            error: Error::InvalidInput(summary.into()),
            field: None,
            problems,
        }))
    }

    /// This error, marked as being about `field`.
    pub fn on(self, field: Field) -> Self {
        match self {
            Error::Detailed(mut detailed) => {
                detailed.field = Some(field);
                Error::Detailed(detailed)
            }
            error => Error::Detailed(Box::new(Detailed {
                error,
                field: Some(field),
                problems: Vec::new(),
            })),
        }
    }

    pub fn field(&self) -> Option<Field> {
        match self {
            Error::Detailed(detailed) => detailed.field,
            _ => None,
        }
    }

    pub fn problem_list(&self) -> &[String] {
        match self {
            Error::Detailed(detailed) => &detailed.problems,
            _ => &[],
        }
    }

    /// The message followed by each listed problem on its own line, as a terminal shows it.
    pub fn full_text(&self) -> String {
        let mut text = self.to_string();
        for problem in self.problem_list() {
            text.push_str("\n  - ");
            text.push_str(problem);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_keeps_the_kind_and_message_so_the_ui_can_still_branch_on_kind() {
        let error = Error::Conflict("Already there.".into()).on(Field::Period);
        assert_eq!(error.kind(), ErrorKind::Conflict);
        assert_eq!(error.to_string(), "Already there.");
        assert_eq!(error.field(), Some(Field::Period));
    }

    #[test]
    fn problems_are_listed_apart_from_the_summary_so_no_one_splits_a_message() {
        let error = Error::problems("2 problems.", vec!["a".into(), "b".into()]);
        assert_eq!(error.kind(), ErrorKind::InvalidInput);
        assert_eq!(error.problem_list(), ["a", "b"]);
        assert_eq!(error.full_text(), "2 problems.\n  - a\n  - b");
        let on_file = error.on(Field::File);
        assert_eq!(
            on_file.problem_list().len(),
            2,
            "marking a field keeps the list"
        );
    }
}
