//! Year-on-year comparison (issue #7): matching questions across checklist versions (rename,
//! split, merge, removal), an organisation's first assessment, mixed organisations refused
//! unless a peer comparison is asked for, the `yardstick compare` formats, the PDF's
//! comparison section read back with `pdftotext`, and `yardstick report` end to end.

mod cli;
mod common;
mod organisations;
mod pdf;
#[path = "../support/cli.rs"]
mod run_cli;
mod versions;
