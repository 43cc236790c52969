//! Autosave under SIGKILL: a child process saves answers in a loop and is killed at a random
//! moment; the database must pass its integrity check and hold every answer whose save returned.
//! `CSIRT_SOAK_ITERATIONS` raises the number of kills (the soak command uses 1000).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use csirt_model::Answer;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn csirt(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_csirt"))
        .args(args)
        .env("CSIRT_DB", db)
        .output()
        .unwrap()
}

/// What the stress writer saves as its `n`th save: (item, is_comment, value).
fn nth_save(n: u64) -> (&'static str, bool, Answer) {
    match n % 3 {
        0 => ("2.9.w", false, Answer::Text(format!("n{n}"))),
        1 => ("2.8", true, Answer::Text(format!("n{n}"))),
        _ => ("3.3", false, Answer::Number((n % 10_000).into())),
    }
}

/// A small deterministic generator, so a failing run can be repeated from its seed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn sigkill_during_autosave_loses_no_saved_answer() {
    let iterations: u64 = std::env::var("CSIRT_SOAK_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    assert!(csirt(&db, &["org", "add", "Crash Test"]).status.success());
    assert!(csirt(&db, &["assessment", "new", "--org", "1"])
        .status
        .success());
    let set = csirt_model::builtin().unwrap();
    let q = &set.questionnaire;
    let seed = std::env::var("CSIRT_SOAK_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed);
    let mut rng = Lcg(seed);
    let started = Instant::now();
    let mut total_acked = 0u64;
    let child_log = dir.path().join("writer.log");
    let mut next_start = 0u64;
    let mut all_acked: std::collections::BTreeSet<u64> = std::collections::BTreeSet::new();
    let mut in_flight: std::collections::BTreeSet<u64> = std::collections::BTreeSet::new();

    for iteration in 0..iterations {
        let mut child = Command::new(env!("CARGO_BIN_EXE_csirt"))
            .args(["db", "stress-write", "--assessment", "1", "--start"])
            .arg(next_start.to_string())
            .env("CSIRT_DB", &db)
            .stdout(Stdio::piped())
            .stderr(Stdio::from(std::fs::File::create(&child_log).unwrap()))
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Let it acknowledge a random number of saves, then kill it without warning: the next
        // save is then in flight at a random point of its transaction.
        let wanted = 1 + rng.next() % 40;
        let mut acked: Vec<u64> = Vec::new();
        for line in lines.by_ref() {
            acked.push(line.unwrap().trim().parse().unwrap());
            if acked.len() as u64 >= wanted {
                break;
            }
        }
        // A short random delay moves the kill across the whole save path.
        std::thread::sleep(Duration::from_micros(rng.next() % 1500));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        // Saves acknowledged between our last read and the kill count too.
        for line in lines {
            match line {
                Ok(l) => acked.push(l.trim().parse().unwrap()),
                Err(_) => break,
            }
        }
        total_acked += acked.len() as u64;
        let Some(&last) = acked.last() else {
            panic!(
                "iteration {iteration}: the writer saved nothing; its stderr: {}",
                std::fs::read_to_string(&child_log).unwrap_or_default()
            );
        };
        // Skip past the one save that may have been in flight.
        next_start = last + 2;

        all_acked.extend(acked.iter().copied());
        in_flight.insert(last + 1);
        let store = csirt_store::Store::open(&db).unwrap();
        assert_eq!(
            store.integrity_check().unwrap(),
            "ok",
            "iteration {iteration}"
        );
        let a = store.load_assessment(q, 1).unwrap();
        // Each item must hold the value of its last acknowledged save, or of a later save that
        // was in flight when a process died (committed, but killed before it could say so).
        for class in 0..3u64 {
            let Some(&acked_n) = all_acked.iter().rev().find(|n| *n % 3 == class) else {
                continue;
            };
            let (item, is_comment, acked_value) = nth_save(acked_n);
            let stored = if is_comment {
                a.comments.get(item).map(|c| Answer::Text(c.clone()))
            } else {
                a.answers.get(item).cloned()
            };
            let stored = stored.as_ref();
            let ok = stored == Some(&acked_value)
                || in_flight
                    .iter()
                    .any(|m| *m % 3 == class && *m > acked_n && stored == Some(&nth_save(*m).2));
            assert!(
                ok,
                "iteration {iteration} (seed {seed}): item {item} holds {stored:?}, \
                 but save {acked_n} ({acked_value:?}) had returned"
            );
        }
    }
    eprintln!(
        "{iterations} SIGKILLs, {total_acked} acknowledged saves, 0 lost, {:.1}s",
        started.elapsed().as_secs_f64()
    );
}
