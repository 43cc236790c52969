//! The CSIRT assessment model: questionnaires, benchmarks and assessments, loaded and validated.
//!
//! Nothing here knows about windows, databases or PDFs; every other crate builds on these types.

pub mod about;
pub mod action;
pub mod assessment;
pub mod benchmark;
pub mod contribution;
pub mod date;
pub mod demo;
pub mod derived;
pub mod error;
pub mod glossary;
pub mod limits;
pub mod load;
pub mod narrative;
pub mod package;
pub mod questionnaire;
mod raw;
pub mod segment;
pub mod service;
mod source;
pub mod text;
pub mod workshop;

pub use action::{Action, ActionNote, ActionStatus};
pub use assessment::{Answer, Assessment, Organisation, Status, StrictMap, ASSESSMENT_FORMAT};
pub use benchmark::{Benchmark, BenchmarkRef, Bound, Figure, Group, Interview, Precision, Segment};
pub use contribution::{
    contribution_from, parse_contribution, Contribution, ContributionId, Form, Profile,
    ProfileValue, Sector, SizeBand, CONTRIBUTION_FORMAT,
};
pub use derived::{Derivation, DerivedSource};
pub use error::{AnswerProblem, ModelError, Problem};
pub use load::{
    builtin, builtin_texts, compile_benchmark_bytes, compile_texts, load_benchmark_file, load_dir,
    BenchmarkEntry, Catalog, Origin, QuestionnaireSet,
};
pub use narrative::Narrative;
pub use questionnaire::{ChoiceOption, Item, ItemKind, Questionnaire, Role, ROLE_COVERAGE_KEYS};
pub use service::ServiceAnswer;
pub use text::{Lang, Localized, Text};
