//! Helpers shared by the end-to-end tests: paths, running the `csirt` binary, loading fixtures.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (the workspace of this package is two levels up).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

pub fn questionnaire_dir() -> PathBuf {
    repo_root().join("questionnaires/jpcert-2015")
}

pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// Runs `csirt` with `args`, without any questionnaire folder from the environment.
pub fn csirt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csirt"))
        .args(args)
        .env_remove("CSIRT_QUESTIONNAIRES")
        .output()
        .expect("run csirt")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The seed documents, which CI places beside the repository as ../shared/seeds.
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = repo_root().join("../shared/seeds");
    dir.is_dir().then_some(dir)
}
