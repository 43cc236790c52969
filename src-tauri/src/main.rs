//! The `csirt-app` binary: starts the desktop app (see `csirt_app::run`).

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    match csirt_app::run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("csirt-app: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
