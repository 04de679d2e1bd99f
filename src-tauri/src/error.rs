//! Errors as they cross IPC: `{kind, message}`, with `kind` from the core's closed list.

use serde::Serialize;
use ts_rs::TS;
use yardstick::ErrorKind;

#[derive(Debug, Clone, Serialize, TS)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
}

impl From<yardstick::Error> for IpcError {
    fn from(error: yardstick::Error) -> Self {
        IpcError {
            kind: error.kind(),
            message: error.to_string(),
        }
    }
}
