//! The use cases the `csirt` command line and the desktop app share. Each reads what it needs
//! from the store in one step (under the app's lock) into owned data, then scores and renders
//! that data with no store at hand, so an answer saved meanwhile never waits for a report.
//!
//! - [`view`]: an assessment read and scored as the screens show it (score, roadmap, the
//!   benchmark in use), the organisation's list with scores, progress, the workshop's
//!   divergence, the trend and the nearest interviewed teams;
//! - [`report`]: one path from a stored assessment (or an assessment file) to report bytes in
//!   any [`csirt_report::Format`];
//! - [`plan`]: the action plan's additions and derived views (achieved, flagged, open);
//! - [`prefill`]: an assessment started from another questionnaire's assessment of the same
//!   organisation, its derived answers marked until confirmed;
//! - [`questionnaires`]: questionnaire packages installed, listed and removed (refused while
//!   an assessment uses one);
//! - [`workshop`]: respondents' files imported several at once, each named after its file;
//! - [`options`]: the report options as typed (preset, sections, logo file, confidentiality
//!   line), checked into a [`csirt_report::ReportOptions`].

mod error;
pub mod options;
pub mod plan;
pub mod prefill;
pub mod questionnaires;
pub mod report;
pub mod staffing;
pub mod view;
pub mod workshop;

pub use error::UsecaseError;
pub use report::{BenchmarkUse, ReportData, ReportRequest};
pub use view::{AssessmentSummary, Scored, Stored};

pub type Result<T> = std::result::Result<T, UsecaseError>;
