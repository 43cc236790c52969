//! The TypeScript bindings of every command and payload, generated from `wire` with ts-rs.
//!
//! The generated file is committed as `ui/src/bindings.ts`. A test regenerates it and fails
//! when the committed copy differs; run
//! `CSIRT_UPDATE_BINDINGS=1 cargo test -p csirt-app bindings` to rewrite it.

use crate::wire::*;
use ts_rs::TS;

/// Where the committed bindings live, relative to this crate.
pub const BINDINGS_PATH: &str = "../ui/src/bindings.ts";

macro_rules! declarations {
    ($($t:ty),* $(,)?) => {
        vec![$(<$t as TS>::decl()),*]
    };
}

/// The whole bindings file.
pub fn typescript() -> String {
    let decls: Vec<String> = declarations![
        Text,
        Lang,
        ChoiceOption,
        Scale,
        Area,
        SetupItem,
        Section,
        ItemKind,
        Item,
        Questionnaire,
        Answer,
        Status,
        Organisation,
        Narrative,
        Assessment,
        AnswerProblem,
        OrganisationRow,
        AssessmentRow,
        RespondentRow,
        RespondentNote,
        Share,
        Precision,
        Standing,
        TargetSource,
        Target,
        Readiness,
        ItemScore,
        AreaScore,
        SetupScore,
        Gap,
        SectionProgress,
        Completeness,
        ScoreReport,
        Phase,
        RoadmapEntry,
        Roadmap,
        LevelSpread,
        Divergence,
        Spread,
        Agreement,
        Closeness,
        TrendChanges,
        TrendPoint,
        Headline,
        ItemChange,
        Trend,
        PeerPractice,
        PeerMatch,
        AppInfo,
        AboutView,
        AboutQuestionnaire,
        AboutBenchmark,
        AboutLicence,
        ErrorKind,
        ErrorPayload,
        OrganisationInput,
        UpdateOrganisationInput,
        IdInput,
        QuestionnaireInput,
        ListAssessmentsInput,
        CreateAssessmentInput,
        SetStatusInput,
        SaveAnswerInput,
        ItemInput,
        SaveNoteInput,
        SaveMessageInput,
        SaveFindingsInput,
        SaveGapNoteInput,
        SetTargetInput,
        LanguageInput,
        RadarInput,
        ExportFormat,
        ExportInput,
        ReportPreset,
        LogoInfo,
        ImportInput,
        NewRespondent,
        RespondentInput,
        UpdateRespondentInput,
        RespondentAnswers,
        WorkshopInput,
        WorkshopView,
        HideAnswersInput,
        BulkImportInput,
        BulkImportRow,
        ConsensusInput,
        TrendInput,
        TrendView,
        SavedFile,
        Imported,
        AssessmentSummary,
        AssessmentView,
        ContributionInput,
        PreviewRow,
        ProfileChoice,
        ProfileOptions,
        ContributionPreview,
        SaveContributionInput,
        Segment,
        BenchmarkRef,
        BenchmarkChoice,
        BenchmarkInfo,
        SetBenchmarkInput,
        ActionStatus,
        ActionNote,
        ActionFlag,
        ActionState,
        ActionView,
        OpenPoint,
        PlanInput,
        AddActionInput,
        UpdateActionInput,
        PlanExportInput,
        PlanView,
        Role,
        StaffingCard,
        DerivedSource,
        Derivation,
        DerivedCount,
        PrefillSource,
        PrefillSourcesInput,
        StartPrefilledInput,
        ConfirmDerivedInput,
        crate::questionnaires::QuestionnaireInfo,
    ];
    let mut out = String::from(
        "// The IPC contract between the UI and the csirt-app commands. GENERATED from\n\
         // src-tauri/src/wire.rs by src-tauri/src/bindings.rs — do not edit by hand. Regenerate:\n\
         // CSIRT_UPDATE_BINDINGS=1 cargo test -p csirt-app bindings\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.push_str(&service_answers());
    out.push_str("/** Every command: the payload it takes as `input`, and what it returns. */\n");
    out.push_str("export interface Commands {\n");
    for (name, input, output) in crate::command_signatures() {
        out.push_str(&format!(
            "  {name}: {{ input: {input}; output: {output} }};\n"
        ));
    }
    out.push_str("}\n");
    out
}

/// The service answers' keys as a type, and every answer with its bilingual label as a
/// constant, both from `csirt_model::ServiceAnswer`, so the UI never spells them itself.
fn service_answers() -> String {
    use csirt_model::ServiceAnswer;
    let keys: Vec<String> = ServiceAnswer::ALL
        .iter()
        .map(|a| format!("{:?}", a.key()))
        .collect();
    let mut out =
        String::from("/** The answers a service item takes (csirt_model::ServiceAnswer). */\n");
    out.push_str(&format!(
        "export type ServiceAnswer = {};\n\n",
        keys.join(" | ")
    ));
    out.push_str(
        "/** Every service answer with its label, in the order forms list them. */\n\
         export const SERVICE_ANSWERS: ReadonlyArray<{ key: ServiceAnswer; label: Text }> = [\n",
    );
    for a in ServiceAnswer::ALL {
        let label = a.label();
        out.push_str(&format!(
            "  {{ key: {:?}, label: {{ ja: {:?}, en: {:?} }} }},\n",
            a.key(),
            label.ja,
            label.en
        ));
    }
    out.push_str("];\n\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use csirt_model::{demo, Catalog, Lang as CoreLang, Organisation as CoreOrg};
    use csirt_store::Store;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use std::path::Path;

    /// The committed file equals what the Rust types generate now.
    #[test]
    fn bindings_are_up_to_date() {
        let fresh = typescript();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS_PATH);
        if std::env::var_os("CSIRT_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &fresh).unwrap();
            return;
        }
        // Write to a temporary file too, so a failing run leaves something to diff against.
        let tmp = std::env::temp_dir().join("csirt-app-bindings.ts");
        std::fs::write(&tmp, &fresh).unwrap();
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/bindings.ts is stale: the Rust types changed. Fresh copy: {}. Regenerate with \
             CSIRT_UPDATE_BINDINGS=1 cargo test -p csirt-app bindings",
            tmp.display()
        );
    }

    /// A core value, read through its mirror and written back, is unchanged: the mirror has
    /// every field, with the same names, optionality and nesting.
    fn same_shape<Core: Serialize, Mirror: Serialize + DeserializeOwned>(core: &Core, what: &str) {
        let v = serde_json::to_value(core).unwrap();
        let mirror: Mirror = serde_json::from_value(v.clone())
            .unwrap_or_else(|e| panic!("{what}: the mirror cannot read the core JSON: {e}"));
        let back = serde_json::to_value(&mirror).unwrap();
        if let Some(path) = first_difference(&v, &back, what.to_string()) {
            panic!("the mirror drops or changes {path}");
        }
    }

    /// The path of the first value that differs, for a readable failure.
    fn first_difference(
        a: &serde_json::Value,
        b: &serde_json::Value,
        at: String,
    ) -> Option<String> {
        use serde_json::Value::{Array, Object};
        match (a, b) {
            (Object(x), Object(y)) => {
                for (k, va) in x {
                    match y.get(k) {
                        Some(vb) => {
                            if let Some(p) = first_difference(va, vb, format!("{at}.{k}")) {
                                return Some(p);
                            }
                        }
                        None => return Some(format!("{at}.{k} (missing)")),
                    }
                }
                y.keys()
                    .find(|k| !x.contains_key(*k))
                    .map(|k| format!("{at}.{k} (added)"))
            }
            (Array(x), Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (va, vb))| first_difference(va, vb, format!("{at}[{i}]"))),
            _ => (a != b).then(|| format!("{at}: {a} became {b}")),
        }
    }

    fn fixtures() -> Vec<csirt_model::Assessment> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/profiles");
        let mut with_narrative = demo::demo_assessment(CoreLang::Ja);
        let mut narrative = csirt_model::Narrative {
            message: "経営層へ。\n\n法務への連絡を整えてください。".into(),
            findings: vec!["one".into(), "二つ目".into()],
            ..Default::default()
        };
        narrative
            .gap_notes
            .insert("4.3".into(), "why it matters".into());
        with_narrative.narrative = Some(narrative);
        let mut out = vec![
            demo::demo_assessment(CoreLang::Ja),
            demo::demo_assessment(CoreLang::En),
            with_narrative,
        ];
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            out.push(csirt_model::assessment::parse(&bytes).unwrap());
        }
        out
    }

    #[test]
    fn mirrors_match_the_core_types() {
        let (catalog, _) = Catalog::load(None).unwrap();
        let set = catalog.get("jpcert-2015").unwrap();
        let q = &set.questionnaire;
        same_shape::<_, Questionnaire>(q.as_ref(), "Questionnaire");
        let roles = catalog.get("csirt-roles").unwrap();
        same_shape::<_, Questionnaire>(roles.questionnaire.as_ref(), "Questionnaire with roles");

        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.sqlite3")).unwrap();
        let org = store
            .add_organisation(&CoreOrg {
                name: "Org".into(),
                sector: Some("x".into()),
                ..Default::default()
            })
            .unwrap();
        store.create_assessment(org, q, None, CoreLang::En).unwrap();
        for a in fixtures() {
            same_shape::<_, Assessment>(&a, "Assessment");
            let report = csirt_scoring::score(q, set.benchmark.as_deref(), &a).unwrap();
            same_shape::<_, ScoreReport>(&report, "ScoreReport");
            same_shape::<_, Roadmap>(&csirt_scoring::roadmap(q, &report), "Roadmap");
            store.import(q, &a, None).unwrap();
        }
        for row in store.list_organisations().unwrap() {
            same_shape::<_, OrganisationRow>(&row, "OrganisationRow");
        }
        for row in store.list_assessments(None).unwrap() {
            same_shape::<_, AssessmentRow>(&row, "AssessmentRow");
            let a = store.load_assessment(q, row.id).unwrap();
            let report = csirt_scoring::score(q, set.benchmark.as_deref(), &a).unwrap();
            let bench = set.benchmark.as_deref().unwrap();
            for peer in csirt_scoring::nearest_peers(q, bench, &a, &report) {
                same_shape::<_, PeerMatch>(&peer, "PeerMatch");
            }
        }

        // A workshop: two respondents who disagree on a scale, a choice and a number.
        let id = store.list_assessments(None).unwrap()[0].id;
        let org = store.assessment(id).unwrap().organisation_id;
        let answer =
            |v: serde_json::Value| -> csirt_model::Answer { serde_json::from_value(v).unwrap() };
        for (name, scale, keys, n) in [("A", "a", vec!["a"], 3), ("B", "e", vec!["b", "c"], 40)] {
            let r = store.add_respondent(id, name, Some("role")).unwrap();
            let saves = [
                ("4.1", answer(scale.into())),
                ("1.2", answer(keys.into())),
                ("3.3", answer(n.into())),
            ];
            for (item, a) in saves {
                store.save_answer(q, id, Some(r), item, &a, None).unwrap();
            }
        }
        for r in store.list_respondents(id).unwrap() {
            same_shape::<_, RespondentRow>(&r, "RespondentRow");
        }
        let b = store.list_respondents(id).unwrap()[2].id;
        store
            .save_note(q, id, Some(b), "4.1", Some("why"), Some("doc"))
            .unwrap();
        store
            .save_note(q, id, None, "1.2", None, Some("only evidence"))
            .unwrap();
        let notes = store.named_notes(q, id, "facilitator").unwrap();
        assert_eq!(notes.len(), 2);
        for n in &notes {
            same_shape::<_, RespondentNote>(n, "RespondentNote");
        }
        let divergence = csirt_usecase::view::divergence(&store, q, id, "facilitator").unwrap();
        assert!(divergence.iter().any(|d| d.levels.is_some()));
        for d in &divergence {
            same_shape::<_, Divergence>(d, "Divergence");
        }
        let trend = csirt_usecase::view::trend(&store, &catalog, org, None, None).unwrap();
        same_shape::<_, Trend>(&trend, "Trend");
        same_shape::<_, TrendChanges>(&csirt_scoring::trend_changes(&trend), "TrendChanges");
        let headline = csirt_scoring::headline(q, Some(49.8), &trend.points);
        same_shape::<_, Headline>(&headline, "Headline");

        // The action plan: one action with a status change and a note, read back as viewed.
        let gap = q.scored_items().next().unwrap().id.clone();
        let draft = csirt_store::ActionDraft {
            items: vec![gap],
            title: None,
            owner: "Sato".into(),
            due: "2000-01-31".into(),
        };
        let a = csirt_usecase::plan::add_action(&mut store, set, id, &draft, CoreLang::En).unwrap();
        let change = csirt_store::ActionChange {
            status: Some(csirt_model::ActionStatus::InProgress),
            note: Some("started".into()),
            ..Default::default()
        };
        store.update_action(&catalog, &a.id, &change).unwrap();
        let today = csirt_model::date::Date::today();
        let views = csirt_usecase::plan::action_views(&store, &catalog, id, today).unwrap();
        assert_eq!(views.len(), 1);
        same_shape::<_, ActionView>(&views[0], "ActionView");
        let context = store.plan_context(&catalog, id).unwrap();
        for p in csirt_usecase::plan::open_over_time(&context, today) {
            same_shape::<_, OpenPoint>(&p, "OpenPoint");
        }

        // A SIM3 assessment prefilled from a JPCERT one: the derived marks, the count and the
        // offer.
        let jp = store
            .list_assessments(None)
            .unwrap()
            .into_iter()
            .max_by_key(|r| r.answered)
            .unwrap();
        for offer in
            csirt_usecase::prefill::sources(&store, &catalog, jp.organisation_id, None).unwrap()
        {
            same_shape::<_, PrefillSource>(&offer, "PrefillSource");
        }
        let made = csirt_usecase::prefill::start_prefilled(
            &mut store,
            &catalog,
            jp.organisation_id,
            "sim3",
            None,
            CoreLang::En,
            jp.id,
        )
        .unwrap();
        let sim3 = catalog.get("sim3").unwrap();
        let derived = store
            .load_assessment(&sim3.questionnaire, made.assessment_id)
            .unwrap();
        assert!(derived.derived.is_some());
        same_shape::<_, Assessment>(&derived, "Assessment (derived)");
        let report = csirt_scoring::score(&sim3.questionnaire, None, &derived).unwrap();
        assert!(report.derived.is_some());
        same_shape::<_, ScoreReport>(&report, "ScoreReport (derived)");
    }
}
