//! Errors as they cross IPC: `{kind, message, field, problems}`, with `kind` from the core's
//! closed list, `field` naming the input the error is about (for the form to show it there),
//! and `problems` listing each problem of an input that has several.

use serde::Serialize;
use ts_rs::TS;
use yardstick::{ErrorKind, Field};

#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    pub field: Option<Field>,
    pub problems: Vec<String>,
}

impl From<yardstick::Error> for IpcError {
    fn from(error: yardstick::Error) -> Self {
        IpcError {
            kind: error.kind(),
            message: error.to_string(),
            field: error.field(),
            problems: error.problem_list().to_vec(),
        }
    }
}
