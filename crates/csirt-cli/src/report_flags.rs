//! The report options every report command takes (`--preset`, `--sections`, `--logo`,
//! `--confidential`), handed to the use-case layer, which checks them.

use crate::CliError;
use std::path::PathBuf;

#[derive(clap::Args, Debug, Clone, Default)]
pub struct ReportFlags {
    /// Which sections, ready-made: board (summary, since last, gaps, action plan), team
    /// (everything but the method notes) or full.
    #[arg(long)]
    pub preset: Option<String>,
    /// The sections to include, comma-separated (summary,gaps,roadmap,…); overrides the preset.
    #[arg(long)]
    pub sections: Option<String>,
    /// A PNG or JPEG logo for the cover.
    #[arg(long)]
    pub logo: Option<PathBuf>,
    /// The confidentiality line's text (one line, at most 200 characters).
    #[arg(long)]
    pub confidential: Option<String>,
}

impl ReportFlags {
    /// The options, checked; the first bad one is the error, in the user's language.
    pub fn options(&self) -> Result<csirt_report::ReportOptions, CliError> {
        Ok(csirt_usecase::options::options(
            &csirt_usecase::options::OptionsInput {
                preset: self.preset.clone(),
                sections: self.sections.clone(),
                logo: self.logo.clone(),
                confidential: self.confidential.clone(),
            },
        )?)
    }
}
