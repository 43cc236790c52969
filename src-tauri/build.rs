//! Declares the app's commands to Tauri's ACL and generates the app context (configuration,
//! capabilities and the embedded front end) here rather than in a macro, so a rebuilt `ui/dist`
//! is picked up by the next `cargo build`.

include!("src/command_names.rs");

fn main() {
    let dist = std::path::Path::new("../ui/dist/index.html");
    println!("cargo:rerun-if-changed=../ui/dist");
    if !dist.exists() {
        // Building the front end needs npm; cargo must not run it behind the user's back.
        eprintln!(
            "error: ../ui/dist is missing. Build the front end first: \
             (cd ui && npm ci && npm run build), or run scripts/app-desktop.sh"
        );
        std::process::exit(1);
    }
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES))
        .codegen(tauri_build::CodegenContext::new());
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("error: tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
