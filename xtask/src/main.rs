//! Project chores, run as `cargo xtask <task>`: the same steps CI and the README use.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn cargo(args: &[&str], env: &[(&str, &str)]) -> bool {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    println!("$ cargo {}", args.join(" "));
    Command::new(cargo)
        .args(args)
        .envs(env.iter().copied())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Runs a script and returns its standard output, or a note saying why it could not run.
fn script(path: &str) -> String {
    println!("$ bash {path}");
    match Command::new("bash").arg(path).output() {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => format!(
            "(not measured: `{path}` failed: {})\n",
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ),
        Err(e) => format!("(not measured: {e})\n"),
    }
}

/// Every criterion result under target/criterion: (benchmark id, median in ms).
fn criterion_results(dir: &Path) -> Vec<(String, f64)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                if p.file_name().is_some_and(|n| n == "new") {
                    let read = |f: &str| -> Option<serde_json::Value> {
                        serde_json::from_str(&std::fs::read_to_string(p.join(f)).ok()?).ok()
                    };
                    if let (Some(b), Some(est)) = (read("benchmark.json"), read("estimates.json")) {
                        let id = b["full_id"].as_str().unwrap_or_default().to_string();
                        let ns = est["median"]["point_estimate"].as_f64().unwrap_or(0.0);
                        out.push((id, ns / 1e6));
                    }
                } else {
                    stack.push(p);
                }
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| format!("{:.0} GiB", kb / 1024.0 / 1024.0))
        .unwrap_or_default();
    let date = Command::new("date")
        .args(["-u", "+%Y-%m-%d %H:%M UTC"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, {mem}; measured {date}")
}

fn aim(id: &str) -> &'static str {
    match id {
        "save one answer (on-disk, WAL, synchronous=FULL)" => "≤ 1 ms",
        "load a full assessment" => "≤ 5 ms",
        "archive/score 10,000 assessments" => "≤ 1000 ms",
        "pool/build from 10,000 contributions" => "≤ 1000 ms",
        "archive/score 10,000 assessments against a pooled benchmark" => "≤ the survey's",
        i if i.starts_with("render demo report") => "≤ 100 ms",
        _ => "",
    }
}

const GENERATED_BEGIN: &str = "<!-- cargo xtask bench: begin -->";
const GENERATED_END: &str = "<!-- cargo xtask bench: end -->";

/// `document` with the part between the markers replaced by `generated`; the hand-written
/// reading of the figures around it stays. Without markers, the generated part goes first.
fn with_generated_part(document: &str, generated: &str) -> String {
    let block = format!("{GENERATED_BEGIN}\n{generated}{GENERATED_END}\n");
    match (document.find(GENERATED_BEGIN), document.find(GENERATED_END)) {
        (Some(begin), Some(end)) if begin < end => format!(
            "{}{block}\n{}",
            &document[..begin],
            document[end + GENERATED_END.len()..].trim_start_matches('\n')
        ),
        _ => format!("# Performance\n\n{block}\n{document}"),
    }
}

fn bench() -> bool {
    // The default members: the core crates (the desktop app has no criterion benches).
    if !cargo(&["bench", "--locked"], &[]) {
        return false;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("target"));
    let mut md = format!("Machine: {}.\n\n## Core (criterion)\n\n", machine());
    md.push_str("| benchmark | median (ms) | aim |\n|---|---|---|\n");
    for (id, ms) in criterion_results(&target.join("criterion")) {
        md.push_str(&format!("| {id} | {ms:.3} | {} |\n", aim(&id)));
    }
    md.push_str(
        "\n## Report against headless Chromium (`scripts/bench-report.sh`)\n\nWhole processes, \
         5 runs each, median: `csirt report --demo` against `chromium --print-to-pdf` of the \
         same content as HTML (`csirt report --html`).\n\n",
    );
    md.push_str(&script("scripts/bench-report.sh"));
    md.push_str("\n## Desktop app (`scripts/measure-app.sh`)\n\n```\n");
    if std::env::var_os("CSIRT_BENCH_SKIP_APP").is_some() {
        md.push_str("(skipped: CSIRT_BENCH_SKIP_APP was set)\n");
    } else {
        md.push_str(&script("scripts/measure-app.sh"));
    }
    md.push_str("```\n");
    let out = root.join("docs/performance.md");
    let previous = std::fs::read_to_string(&out).unwrap_or_default();
    match std::fs::write(&out, with_generated_part(&previous, &md)) {
        Ok(()) => {
            println!("wrote {}", out.display());
            true
        }
        Err(e) => {
            eprintln!("cannot write {}: {e}", out.display());
            false
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or_default();
    let ok = match task {
        // Formatting and lints, as CI runs them.
        "lint" => {
            cargo(&["fmt", "--all", "--check"], &[])
                && cargo(&["clippy", "--all-targets", "--", "-D", "warnings"], &[])
        }
        "validate" => cargo(
            &[
                "run",
                "--quiet",
                "--bin",
                "csirt",
                "--",
                "validate",
                "questionnaires/jpcert-2015",
            ],
            &[],
        ),
        // The SIGKILL autosave trial at soak length (default 1000 kills).
        "soak" => {
            let iterations = args.get(1).map(String::as_str).unwrap_or("1000");
            cargo(
                &[
                    "test",
                    "--release",
                    "--test",
                    "store_crash",
                    "--",
                    "--nocapture",
                ],
                &[("CSIRT_SOAK_ITERATIONS", iterations)],
            )
        }
        // Criterion benches, the Chromium comparison and the app figures, into docs/performance.md.
        "bench" => bench(),
        _ => {
            eprintln!("usage: cargo xtask <lint|validate|soak [iterations]|bench>");
            false
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_part_is_replaced_and_the_reading_around_it_kept() {
        let doc =
            format!("# P\n\nintro\n\n{GENERATED_BEGIN}\nold table\n{GENERATED_END}\n\nreading\n");
        let out = with_generated_part(&doc, "new table\n");
        assert_eq!(
            out,
            format!("# P\n\nintro\n\n{GENERATED_BEGIN}\nnew table\n{GENERATED_END}\n\nreading\n")
        );
        let fresh = with_generated_part("", "t\n");
        assert!(fresh.starts_with("# Performance\n\n<!--"));
        assert!(fresh.contains("t\n<!-- cargo xtask bench: end -->"));
    }
}
