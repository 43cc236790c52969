// The app's commands, by name. `build.rs` includes this file to declare them to Tauri's ACL
// (each gets an `allow-<name>` permission); `lib.rs` checks in a test that it matches the
// handler list, so the two cannot drift apart.
pub const COMMAND_NAMES: &[&str] = &[
    "app_info",
    "set_language",
    "get_questionnaire",
    "list_organisations",
    "create_organisation",
    "update_organisation",
    "delete_organisation",
    "list_assessments",
    "create_assessment",
    "delete_assessment",
    "set_assessment_status",
    "load_assessment",
    "save_answer",
    "clear_answer",
    "save_note",
    "set_target",
    "radar_svg",
    "export_assessment",
    "import_assessment",
];
