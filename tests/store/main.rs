//! Integration tests of the assessment store, on real SQLite files in temporary folders: the
//! rules of issue #4 (lock, carry forward, limits, missing files, schema versions), backup
//! and restore, the CLI, and crash tests that kill the CLI with SIGKILL while it writes,
//! backs up and restores.

mod common;

mod archive;
mod backup;
mod checklists_apart;
mod cli;
mod cli_safety;
mod crash;
mod crash_restore;
mod evidence;
mod grouped_cli;
mod hostile;
#[path = "../support/hostile.rs"]
mod hostile_files;
mod lifecycle;
mod limits;
mod migrations;
mod organisations;
mod restore;
#[path = "../support/cli.rs"]
mod run_cli;
