//! The claims of docs/security.md, each checked: no HTTP client in the build, a strict CSP,
//! capabilities that grant only the app's own commands, and where data is stored.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::repo_root;
use std::process::Command;

/// Crates that speak HTTP or TLS, or open network connections for an application.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "isahc",
    "surf",
    "attohttpc",
    "tungstenite",
    "native-tls",
    "rustls",
    "openssl",
    "tauri-plugin-http",
    "tauri-plugin-shell",
    "tauri-plugin-updater",
    "tauri-plugin-websocket",
    "tauri-plugin-upload",
];

#[test]
fn no_http_client_crate_is_built_for_any_desktop_platform() {
    for target in [
        "x86_64-unknown-linux-gnu",
        "x86_64-pc-windows-msvc",
        "aarch64-apple-darwin",
    ] {
        let out = Command::new(env!("CARGO"))
            .current_dir(repo_root())
            .args([
                "tree",
                "--workspace",
                "--locked",
                "--offline",
                "-e",
                "normal,build",
            ])
            .args(["--target", target, "--prefix", "none", "--format", "{p}"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cargo tree failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let tree = String::from_utf8_lossy(&out.stdout);
        let names: Vec<&str> = tree
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        assert!(names.len() > 50, "{target}: suspiciously small tree");
        for bad in NETWORK_CRATES {
            assert!(
                !names.contains(bad),
                "{target}: {bad} is in the dependency tree"
            );
        }
    }
}

fn tauri_conf() -> Option<serde_json::Value> {
    let path = repo_root().join("src-tauri/tauri.conf.json");
    let text = std::fs::read_to_string(path).ok()?;
    Some(serde_json::from_str(&text).unwrap())
}

#[test]
fn the_content_security_policy_is_strict() {
    let Some(conf) = tauri_conf() else {
        eprintln!("SKIPPED: no src-tauri/tauri.conf.json");
        return;
    };
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP string");
    let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
    assert!(directives.contains(&"default-src 'self'"), "{csp}");
    for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "https:", "*", "data:"] {
        for d in &directives {
            if d.starts_with("script-src")
                || d.starts_with("default-src")
                || d.starts_with("connect-src")
            {
                assert!(
                    !d.split_whitespace().any(|t| t == forbidden),
                    "{forbidden} in {d}"
                );
            }
        }
    }
    // The only non-'self' source allowed is Tauri's own IPC channel.
    for token in csp.split_whitespace() {
        if token.starts_with("http://") || token.starts_with("https://") {
            assert_eq!(token.trim_end_matches(';'), "http://ipc.localhost", "{csp}");
        }
    }
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}

#[test]
fn capabilities_grant_only_the_apps_own_commands() {
    let root = repo_root();
    let Ok(names) = std::fs::read_to_string(root.join("src-tauri/src/command_names.rs")) else {
        eprintln!("SKIPPED: no src-tauri");
        return;
    };
    let commands: Vec<String> = names
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"').and_then(|s| s.split('"').next()))
        .map(str::to_string)
        .collect();
    assert!(commands.len() > 5);
    let dir = root.join("src-tauri/capabilities");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let cap: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for p in cap["permissions"].as_array().unwrap() {
            let p = p.as_str().expect("plain permission names, no scopes");
            let command = p
                .strip_prefix("allow-")
                .unwrap_or_else(|| panic!("{p}: only allow-<command>"));
            assert!(
                commands.contains(&command.replace('-', "_")),
                "{p} is not one of the app's commands"
            );
            seen += 1;
        }
    }
    assert!(seen > 5);
}

#[test]
fn the_database_lives_in_the_platform_data_folder() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_csirt"))
        .args(["db", "path"])
        .env_remove("CSIRT_DB")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    let path = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert_eq!(
        std::path::PathBuf::from(&path),
        home.path().join("data/csirt-assessment/csirt.sqlite3")
    );
}
