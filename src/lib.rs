//! Yardstick's core: everything a council's self-assessment needs that is not the desktop
//! window. Checklists, the SQLite store, scoring, comparison, the PDF report and exchange
//! formats live here so they can be tested, benchmarked and used from the CLI without Tauri.

pub mod checklist;
pub mod compare;
pub mod contributions;
pub mod error;
pub mod example_data;
pub mod exchange;
pub mod files;
pub mod paths;
mod problems;
pub mod report;
pub mod scoring;
pub mod store;
pub mod text;

pub use error::{Error, ErrorKind, Field, Result};
