//! Project chores, run as `cargo xtask <task>`: the same steps CI and the README use.

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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or_default();
    let ok = match task {
        // Formatting and lints, as CI runs them.
        "lint" => {
            cargo(&["fmt", "--all", "--check"], &[])
                && cargo(
                    &[
                        "clippy",
                        "--workspace",
                        "--all-targets",
                        "--",
                        "-D",
                        "warnings",
                    ],
                    &[],
                )
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
        // Criterion benchmarks of the core crates.
        "bench" => cargo(&["bench", "--workspace"], &[]),
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
