//! The crash test: a child process saves answers in a loop and prints each one only after its
//! commit returns; the test kills it with SIGKILL at random moments, over and over. After
//! every kill the database must pass `PRAGMA integrity_check` and hold every answer the child
//! reported as saved — "saved" in the UI has to mean saved.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use yardstick::store::{self, backup};

use crate::common::{assessment, new_db};

const KILLS: u32 = 200;

/// xorshift64*: enough randomness for kill timings without another dependency.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound.max(1)
    }
}

pub(crate) struct Saved {
    pub(crate) seq: u64,
    pub(crate) question: String,
}

pub(crate) fn spawn_writer(db: &Path, id: i64, start: u64) -> (Child, mpsc::Receiver<Saved>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yardstick"))
        .arg("--db")
        .arg(db)
        .args([
            "crash-writer",
            &id.to_string(),
            "--start",
            &start.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the writer starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut line = Vec::new();
        // Only whole lines count: a line cut off by the kill was never fully reported.
        while reader.read_until(b'\n', &mut line).unwrap_or(0) > 0 && line.ends_with(b"\n") {
            let text = String::from_utf8_lossy(&line);
            let mut parts = text.split_whitespace().skip(1);
            if let (Some(seq), Some(question)) =
                (parts.next().and_then(|s| s.parse().ok()), parts.next())
            {
                let _ = sender.send(Saved {
                    seq,
                    question: question.to_string(),
                });
            }
            line.clear();
        }
    });
    (child, receiver)
}

fn check_after_kill(db: &Path, id: i64, reported: &[Saved]) {
    let conn = store::open(db).expect("the database opens after a kill");
    assert_eq!(
        backup::integrity(&conn),
        Ok(()),
        "a kill must never corrupt the file"
    );
    // Every save writes the new rationale to the audit trail in the same transaction as the
    // answer, so the trail holds one row per committed save: a literal record of each one.
    let mut statement = conn
        .prepare("SELECT new_value FROM audit_event WHERE assessment_id = ?1 AND what LIKE '%: rationale'")
        .unwrap();
    let committed: HashSet<String> = statement
        .query_map([id], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for saved in reported {
        assert!(
            committed.contains(&format!("crash-test write {}", saved.seq)),
            "save {} of {} was reported but is not in the database",
            saved.seq,
            saved.question
        );
    }
    let last_per_question = reported.iter().rev().find(|s| s.question == "promotion");
    if let Some(last) = last_per_question {
        let rationale: String = conn
            .query_row("SELECT rationale FROM answer WHERE assessment_id = ?1 AND question_id = 'promotion'", [id], |r| r.get(0))
            .unwrap();
        let stored: u64 = rationale
            .rsplit(' ')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(
            stored >= last.seq,
            "the answer itself holds the last reported save ({stored} < {})",
            last.seq
        );
    }
}

#[test]
fn reported_answers_survive_sigkill_at_random_moments() {
    let db = new_db();
    let id = assessment(&db.conn, "Crashshire", "2026/27").id;
    drop(db.conn);
    let started = Instant::now();
    let mut rng =
        Rng(u64::from(std::process::id()) << 32 | u64::from(started.elapsed().subsec_nanos()) | 1);
    let mut total_reported = 0;
    for run in 0..u64::from(KILLS) {
        let (mut child, receiver) = spawn_writer(&db.path, id, run * 1_000_000);
        let mut reported = Vec::new();
        if run % 10 == 0 {
            // Sometimes kill while the child is still opening the database.
            std::thread::sleep(Duration::from_micros(rng.below(10_000)));
        } else {
            reported.extend(receiver.recv_timeout(Duration::from_secs(10)));
            std::thread::sleep(Duration::from_micros(rng.below(20_000)));
        }
        child.kill().expect("SIGKILL the writer");
        child.wait().expect("reap the writer");
        reported.extend(receiver.iter());
        total_reported += reported.len();
        check_after_kill(&db.path, id, &reported);
    }
    let elapsed = started.elapsed();
    eprintln!(
        "crash test: {KILLS} kills, {total_reported} reported saves verified, {:.1} s",
        elapsed.as_secs_f64()
    );
    // Nine runs in ten wait for a first reported save before killing, so a loaded machine
    // still reports at least that many; fewer means the writer was not writing at all.
    let waited_runs = usize::try_from(KILLS - KILLS / 10).unwrap();
    assert!(
        total_reported >= waited_runs,
        "the writer must actually be writing when killed ({total_reported} saves reported)"
    );
}
