//! What this build is: its version, the questionnaires and benchmarks it knows with their
//! versions, and the licences of what it ships. `csirt --version` prints it; the app's About box
//! shows the same.

use crate::load::{Catalog, Origin};
use crate::text::{Lang, Text};
use serde::Serialize;

/// The product's version (every crate of the workspace shares it).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One licence of something the build contains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Licence {
    /// What it covers, e.g. the embedded font.
    pub component: Text,
    /// The licence, as an SPDX expression where there is one.
    pub licence: String,
    /// Where its text or source is, or what it asks of us.
    pub note: Text,
}

/// A benchmark as the About box names it. Benchmarks carry no version number of their own: a
/// benchmark is identified by its id, its publication date and its n.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BenchmarkAbout {
    pub id: String,
    pub title: Text,
    pub n: u32,
    pub published: String,
    pub origin: Origin,
}

/// A questionnaire with its version and its benchmarks, the default first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuestionnaireAbout {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub benchmarks: Vec<BenchmarkAbout>,
}

/// Everything `csirt --version` and the About box show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct About {
    pub version: String,
    pub questionnaires: Vec<QuestionnaireAbout>,
    pub licences: Vec<Licence>,
}

/// The licences every build carries, before those of the crates that embed something (the
/// report's font: `csirt_report::fonts::licences`).
pub fn own_licences() -> Vec<Licence> {
    vec![
        Licence {
            component: Text::new("CSIRT 成熟度評価 (このアプリと csirt コマンド)", "CSIRT Maturity Assessment (this app and the csirt command)"),
            licence: env!("CARGO_PKG_LICENSE").to_string(),
            note: Text::new(
                "Rust と npm の依存パッケージはそれぞれのライセンス (MIT、Apache-2.0、BSD、MPL-2.0 など。GPL は含みません) に従います。",
                "Rust and npm dependencies are under their own licences (MIT, Apache-2.0, BSD, MPL-2.0 and others; nothing GPL).",
            ),
        },
        Licence {
            component: Text::new(
                "JPCERT/CC「2015年度 CSIRT 構築および運用における実態調査」の数値",
                "Figures of JPCERT/CC's “2015 Survey on the State of CSIRT Construction and Operation”",
            ),
            licence: "JPCERT/CC".to_string(),
            note: Text::new(
                "出典を示して引用しています。著作権は JPCERT コーディネーションセンターにあります。",
                "Quoted with their source; copyright JPCERT Coordination Center.",
            ),
        },
        Licence {
            component: Text::new(
                "SIM3 のパラメータの番号と名称（質問票 sim3）",
                "SIM3's parameter numbers and names (the sim3 questionnaire)",
            ),
            licence: "Open CSIRT Foundation".to_string(),
            note: Text::new(
                "SIM3（Security Incident Management Maturity Model、Don Stikvoort、Open CSIRT Foundation）の番号と名称を出典を示して使っています。質問文、段階の説明、推奨事項は本ツール独自のものです。",
                "Used with their source: SIM3, the Security Incident Management Maturity Model (Don Stikvoort; Open CSIRT Foundation). The questions, level descriptions and recommendations are this tool's own.",
            ),
        },
        Licence {
            component: Text::new(
                "PSIRT 質問票の出典（質問票 psirt）",
                "Sources of the PSIRT questionnaire (the psirt questionnaire)",
            ),
            licence: "FIRST / JPCERT/CC".to_string(),
            note: Text::new(
                "FIRST「PSIRT Services Framework」v1.1 のサービス領域と、JPCERT/CC の 2017 年度の実態調査で公表された数値を、出典を示して引用しています。質問文は本ツール独自のものです。",
                "Cites the service areas of FIRST's PSIRT Services Framework v1.1 and the figures JPCERT/CC published from its 2017 survey, with their sources. The questions are this tool's own.",
            ),
        },
    ]
}

impl About {
    /// The catalog's questionnaires and benchmarks, the build's own licences, then `more`.
    pub fn of(catalog: &Catalog, more: Vec<Licence>) -> About {
        let questionnaires = catalog
            .sets
            .iter()
            .map(|s| QuestionnaireAbout {
                id: s.questionnaire.id.clone(),
                version: s.questionnaire.version.clone(),
                title: s.questionnaire.title.clone(),
                benchmarks: s
                    .benchmarks
                    .iter()
                    .map(|e| BenchmarkAbout {
                        id: e.benchmark.id.clone(),
                        title: e.benchmark.title.clone(),
                        n: e.benchmark.n,
                        published: e.benchmark.published.clone(),
                        origin: e.origin,
                    })
                    .collect(),
            })
            .collect();
        let mut licences = own_licences();
        licences.extend(more);
        About {
            version: VERSION.to_string(),
            questionnaires,
            licences,
        }
    }

    /// The text `csirt --version` prints, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let (qs, lic, published, builtin, folder, added) = match lang {
            Lang::Ja => (
                "質問票と基準データ",
                "ライセンス",
                "公表",
                "組み込み",
                "フォルダ",
                "追加",
            ),
            Lang::En => (
                "Questionnaires and benchmarks",
                "Licences",
                "published",
                "built in",
                "folder",
                "added",
            ),
        };
        let mut out = format!("csirt {}\n\n{qs}:\n", self.version);
        for q in &self.questionnaires {
            out.push_str(&format!(
                "  {} {}  {}\n",
                q.id,
                q.version,
                q.title.get(lang)
            ));
            for b in &q.benchmarks {
                let origin = match b.origin {
                    Origin::Builtin => builtin,
                    Origin::Folder => folder,
                    Origin::Added => added,
                };
                out.push_str(&format!(
                    "    {} ({published} {}, n = {}, {origin})  {}\n",
                    b.id,
                    b.published,
                    b.n,
                    b.title.get(lang)
                ));
            }
        }
        out.push_str(&format!("\n{lic}:\n"));
        for l in &self.licences {
            out.push_str(&format!(
                "  {}: {}\n    {}\n",
                l.component.get(lang),
                l.licence,
                l.note.get(lang)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_questionnaire_and_its_benchmark_are_named_with_their_versions() {
        let (catalog, _) = Catalog::load(None).unwrap();
        let about = About::of(&catalog, vec![]);
        let q = &about.questionnaires[0];
        assert_eq!(q.id, catalog.sets[0].questionnaire.id);
        assert_eq!(q.version, catalog.sets[0].questionnaire.version);
        assert_eq!(q.benchmarks[0].n, 66);
        for lang in [Lang::Ja, Lang::En] {
            let text = about.text(lang);
            assert!(text.starts_with(&format!("csirt {VERSION}\n")), "{text}");
            assert!(text.contains(&format!("{} {}", q.id, q.version)), "{text}");
            assert!(text.contains(&q.benchmarks[0].published), "{text}");
            assert!(text.contains(env!("CARGO_PKG_LICENSE")), "{text}");
        }
        assert!(about.text(Lang::Ja).contains("ライセンス"));
        assert!(about.text(Lang::En).contains("Licences"));
    }
}
