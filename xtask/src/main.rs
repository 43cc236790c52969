//! Project chores, run as `cargo xtask <task>`: the same steps CI and the README use.

use std::process::{Command, ExitCode};

fn cargo(args: &[&str]) -> bool {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    println!("$ cargo {}", args.join(" "));
    Command::new(cargo)
        .args(args)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn main() -> ExitCode {
    let task = std::env::args().nth(1).unwrap_or_default();
    let ok = match task.as_str() {
        // Formatting and lints, as CI runs them.
        "lint" => {
            cargo(&["fmt", "--all", "--check"])
                && cargo(&[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ])
        }
        "validate" => cargo(&[
            "run",
            "--quiet",
            "--bin",
            "csirt",
            "--",
            "validate",
            "questionnaires/jpcert-2015",
        ]),
        _ => {
            eprintln!("usage: cargo xtask <lint|validate>");
            false
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
