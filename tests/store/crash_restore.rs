//! The long crash test of issue #12, opt-in (`make crash-test`): 1,000 SIGKILLs of the CLI
//! spread over answer writes (`crash-writer`), backups to an archive (`backup`) and restores
//! from an archive and from a plain database copy (`restore`). After every kill the database
//! must open and pass `PRAGMA integrity_check`, hold every save the writer reported, and a
//! backup or restore must have happened whole or not at all: the archive is complete or
//! absent, the database is either the restored one or exactly the one before, and the data a
//! restore replaced is in an intact safety copy.
//!
//! Each database state is known by the set of crash-test saves in its audit trail (one row per
//! committed save, written in the same transaction), so "the same data" is a set comparison.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use yardstick::store::{self, archive, backup, Connection};

use crate::common::{assessment, new_db};
use crate::crash::{spawn_writer, Rng};

const KILLS: u32 = 1_000;

type Saves = BTreeSet<String>;

fn saves(conn: &Connection) -> Saves {
    conn.prepare("SELECT new_value FROM audit_event WHERE what LIKE '%: rationale' AND new_value LIKE 'crash-test write %'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Opens `path`, checks it, and returns its saves.
fn checked_saves(path: &Path, what: &str) -> Saves {
    let conn = store::open(path).unwrap_or_else(|e| panic!("{what} opens after a kill: {e}"));
    assert_eq!(
        backup::integrity(&conn),
        Ok(()),
        "a kill must never corrupt {what}"
    );
    saves(&conn)
}

/// A file the database can be restored from, and the saves it holds.
struct Source {
    path: PathBuf,
    saves: Saves,
}

fn spawn(db: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_yardstick"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("YARDSTICK_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the CLI starts")
}

/// Kills `child` after `delay`; true if it was still running, i.e. the kill cut it short.
fn kill_after(mut child: Child, delay: Duration) -> bool {
    std::thread::sleep(delay);
    let running = child.try_wait().expect("poll the child").is_none();
    child.kill().expect("SIGKILL the child");
    child.wait().expect("reap the child");
    running
}

/// How long `args` takes when left alone, so kills can be spread over the whole run.
fn duration_of(db: &Path, args: &[&str]) -> Duration {
    let started = Instant::now();
    let status = spawn(db, args).wait().expect("the CLI runs");
    assert!(status.success(), "yardstick {args:?} works when not killed");
    started.elapsed()
}

fn safety_copies(dir: &Path) -> HashSet<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.contains(".before-restore-") && n.ends_with(".bak"))
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    writes: u32,
    backups: u32,
    restores: u32,
    cut_short: u32,
    backups_completed: u32,
    restores_completed: u32,
    reported_saves: usize,
}

struct Run {
    db: PathBuf,
    dir: PathBuf,
    id: i64,
    rng: Rng,
    /// The saves the database must hold now: what the last check found.
    current: Saves,
    archives: Vec<Source>,
    copies: Vec<Source>,
    tally: Tally,
}

impl Run {
    fn write(&mut self, round: u64) {
        let (mut child, receiver) = spawn_writer(&self.db, self.id, round * 1_000_000);
        let mut reported = Vec::new();
        if round.is_multiple_of(10) {
            // Sometimes kill while the writer is still opening the database.
            std::thread::sleep(Duration::from_micros(self.rng.below(10_000)));
        } else {
            reported.extend(receiver.recv_timeout(Duration::from_secs(10)));
            std::thread::sleep(Duration::from_micros(self.rng.below(20_000)));
        }
        let running = child.try_wait().expect("poll").is_none();
        child.kill().expect("SIGKILL the writer");
        child.wait().expect("reap the writer");
        reported.extend(receiver.iter());
        self.tally.writes += 1;
        self.tally.cut_short += u32::from(running);
        self.tally.reported_saves += reported.len();
        let now = checked_saves(&self.db, "the database");
        for saved in &reported {
            assert!(
                now.contains(&format!("crash-test write {}", saved.seq)),
                "save {} was reported as saved but is not in the database",
                saved.seq
            );
        }
        assert!(
            now.is_superset(&self.current),
            "a writer killed mid-save must not take away earlier saves"
        );
        self.current = now;
    }

    fn backup(&mut self, round: u64, typical: Duration) {
        let target = self.dir.join(format!("backup-{round}.zip"));
        let args = ["backup", target.to_str().unwrap()];
        let delay = self.delay(typical);
        let running = kill_after(spawn(&self.db, &args), delay);
        self.tally.backups += 1;
        self.tally.cut_short += u32::from(running);
        let now = checked_saves(&self.db, "the database");
        assert_eq!(now, self.current, "a backup must not change the database");
        if target.exists() {
            // Written under another name and renamed when complete, so a file here is whole.
            archive::read_manifest(&target)
                .unwrap_or_else(|e| panic!("an archive that exists after a kill is whole: {e}"));
            self.tally.backups_completed += 1;
            self.archives.push(Source {
                path: target,
                saves: self.current.clone(),
            });
        }
    }

    fn restore(&mut self, from_archive: bool, typical: Duration) {
        let pool = if from_archive {
            &self.archives
        } else {
            &self.copies
        };
        let source = &pool[self.rng.below(pool.len() as u64) as usize];
        let (source_path, source_saves) = (source.path.clone(), source.saves.clone());
        let before = safety_copies(&self.dir);
        let args = ["restore", source_path.to_str().unwrap()];
        let delay = self.delay(typical);
        let running = kill_after(spawn(&self.db, &args), delay);
        self.tally.restores += 1;
        self.tally.cut_short += u32::from(running);
        let now = checked_saves(&self.db, "the database");
        let completed = now == source_saves;
        assert!(
            completed || now == self.current,
            "a killed restore completes or leaves the previous database in place ({} saves now, {} before, {} in the backup)",
            now.len(),
            self.current.len(),
            source_saves.len()
        );
        let new_copies: Vec<PathBuf> = safety_copies(&self.dir)
            .difference(&before)
            .cloned()
            .collect();
        for copy in &new_copies {
            let kept = checked_saves(copy, "a safety copy");
            assert_eq!(
                kept, self.current,
                "a safety copy holds exactly the data the restore was to replace"
            );
        }
        if completed && now != self.current {
            self.tally.restores_completed += 1;
            assert!(
                !new_copies.is_empty(),
                "a completed restore keeps the data it replaced in a safety copy"
            );
        }
        let source_now = if from_archive {
            archive::read_manifest(&source_path).map(|_| source_saves.clone())
        } else {
            Ok(checked_saves(&source_path, "the restored copy"))
        };
        assert_eq!(
            source_now.ok(),
            Some(source_saves),
            "a restore never changes the backup it reads"
        );
        self.current = now;
    }

    /// Anywhere from the start of the process to a little after a typical run ends, so some
    /// kills land in start-up, most in the work, and a few after it finished.
    fn delay(&mut self, typical: Duration) -> Duration {
        let span = typical.as_micros() as u64 * 6 / 5;
        Duration::from_micros(self.rng.below(span))
    }

    fn plain_copy(&mut self, round: u64) {
        let path = self.dir.join(format!("copy-{round}.sqlite3"));
        let conn = store::open(&self.db).expect("open");
        backup::backup(&conn, &path).expect("a plain copy");
        self.copies.push(Source {
            path,
            saves: saves(&conn),
        });
    }
}

#[test]
#[ignore = "takes minutes; run by `make crash-test`"]
fn a_thousand_sigkills_during_writes_backups_and_restores_lose_nothing() {
    let db = new_db();
    let id = assessment(&db.conn, "Crashshire", "2026/27").id;
    drop(db.conn);
    let started = Instant::now();
    let seed =
        u64::from(std::process::id()) << 32 | u64::from(started.elapsed().subsec_nanos()) | 1;
    eprintln!("crash test seed {seed:#x}");
    let mut run = Run {
        db: db.path.clone(),
        dir: db.dir.path().to_path_buf(),
        id,
        rng: Rng(seed),
        current: Saves::new(),
        archives: Vec::new(),
        copies: Vec::new(),
        tally: Tally::default(),
    };
    // Some saves first, so the backups and restores below have data to lose.
    run.write(1);
    run.plain_copy(0);
    let first = run.dir.join("first.zip");
    let backup_time = duration_of(&run.db, &["backup", first.to_str().unwrap()]);
    run.archives.push(Source {
        path: first.clone(),
        saves: run.current.clone(),
    });
    let restore_time = duration_of(&run.db, &["restore", first.to_str().unwrap()]);
    run.current = checked_saves(&run.db, "the database");
    // Round 1 was the first write above, so rounds 2 to KILLS make KILLS kills in all.
    for round in 2..=u64::from(KILLS) {
        match round % 6 {
            0..=2 => run.write(round),
            3 => run.backup(round, backup_time),
            4 => run.restore(true, restore_time),
            _ => run.restore(false, restore_time),
        }
        if round.is_multiple_of(50) {
            run.plain_copy(round);
        }
    }
    for copy in safety_copies(&run.dir) {
        checked_saves(&copy, "a safety copy");
    }
    let t = &run.tally;
    eprintln!(
        "crash test: {} kills ({} writes, {} backups, {} restores), {} while the CLI was still running; {} reported saves verified; {} backups and {} restores completed before their kill; {:.1} s",
        t.writes + t.backups + t.restores,
        t.writes,
        t.backups,
        t.restores,
        t.cut_short,
        t.reported_saves,
        t.backups_completed,
        t.restores_completed,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(
        t.writes + t.backups + t.restores,
        KILLS,
        "every round kills once"
    );
    // If nearly every kill landed after the process had finished, nothing was tested.
    assert!(
        t.cut_short >= KILLS / 2,
        "most kills must cut a running command short ({} of {KILLS})",
        t.cut_short
    );
}
