//! Integration tests of checklists as data: every broken-file case is located and explained,
//! every shipped checklist is valid, user checklists are found (and broken ones reported, not
//! fatal), and the `yardstick checklist` commands behave as documented.

mod broken_files;
mod builtin;
mod cli;
mod format2;
mod hostile;
#[path = "../support/hostile.rs"]
mod hostile_files;
mod user_files;

use std::path::PathBuf;

/// A file in this test folder.
pub fn fixture(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/checklist")
        .join(relative)
}
