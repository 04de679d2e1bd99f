//! Running the `yardstick` binary as a user would, shared by the test suites that check the
//! command line. Each suite includes this file with `#[path]`.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `yardstick --db DB ARGS…`, ignoring any `YARDSTICK_DB` the test runner has set.
pub fn yardstick(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_yardstick"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("YARDSTICK_DB")
        .output()
        .expect("the yardstick binary runs")
}

/// Runs it and returns standard output, failing the test with standard error if it failed.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = yardstick(db, args);
    assert!(
        out.status.success(),
        "yardstick {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 output")
}
