// Small, typed stand-ins for what the shell returns: a questionnaire with one item of every
// answer type and a scored view of it. Typed against the generated bindings, so they break
// (in tsc) when the contract changes.

import type { AppInfo, AssessmentView, Completeness, ProfileChoice, Questionnaire, QuestionnaireInfo, Text } from '../src/bindings';

const tx = (ja: string, en: string): Text => ({ ja, en });
const base = { area: 'structure', setup: [], sim3: [], weight: 1, reconstructed: false, scored: false };

export const questionnaire: Questionnaire = {
  id: 'jpcert-2015',
  version: '2015.1',
  title: tx('アンケート', 'Questionnaire'),
  source: tx('出典', 'Source'),
  scales: [],
  areas: [{ id: 'structure', name: tx('体制', 'Structure') }],
  setup_items: [],
  sections: [
    { id: '1', title: tx('構築時の体制', 'Set-up') },
    { id: '2', title: tx('CSIRT の体制', 'Structure') },
  ],
  items: [
    {
      ...base, id: '1.1', section: '1', type: 'single', text: tx('構築を主導した部署', 'Department that led the set-up'),
      options: [
        { key: 'a', text: tx('情報システム', 'IT') },
        { key: 'j', text: tx('その他', 'Other'), other: true },
      ],
    },
    {
      ...base, id: '1.2', section: '1', type: 'multiple', text: tx('関与した部署', 'Departments involved'),
      options: [
        { key: 'a', text: tx('情報システム', 'IT') },
        { key: 'b', text: tx('法務', 'Legal') },
      ],
    },
    { ...base, id: '1.5', section: '1', type: 'year-month', text: tx('構築開始', 'Set-up started') },
    { ...base, id: '3.3', section: '1', type: 'number', text: tx('人数', 'Members'), unit: tx('人', 'people'), min: 0, max: 10000 },
    { ...base, id: '2.9', section: '2', type: 'group', text: tx('サービス', 'Services') },
    { ...base, id: '2.9.a', section: '2', type: 'service', parent: '2.9', scored: true, text: tx('アラート', 'Alerts') },
    { ...base, id: '2.9.w', section: '2', type: 'text', parent: '2.9', text: tx('その他のサービス', 'Other services') },
    {
      ...base, id: '2.8', section: '2', type: 'scale', scale: 'five-level', scored: true, text: tx('権限', 'Authority'),
      options: [
        { key: 'a', text: tx('監査', 'Audited'), level: 2 },
        { key: 'b', text: tx('承認', 'Approved'), short: tx('承認済み', 'Approved'), level: 1 },
        { key: 'c', text: tx('なし', 'None'), level: 0 },
      ],
    },
  ],
};

export const completeness: Completeness = {
  answered: 1,
  answerable: 7,
  scored_answered: 1,
  scored_total: 2,
  sections: [
    { id: '1', answered: 1, total: 4 },
    { id: '2', answered: 0, total: 3 },
  ],
};

export const view: AssessmentView = {
  row: {
    id: 7, organisation_id: 3, organisation_name: 'テスト株式会社', questionnaire_id: 'jpcert-2015',
    questionnaire_version: '2015.1', date: '2026-04-01', status: 'draft', language: 'ja', answered: 1,
    created_at: '', updated_at: '',
  },
  assessment: {
    format: 'csirt-assessment/1', questionnaire: 'jpcert-2015', organisation: { name: 'テスト株式会社' },
    status: 'draft', answers: { '1.1': 'a' }, comments: { '1.1': '経緯あり' },
  },
  report: {
    questionnaire: 'jpcert-2015', questionnaire_version: '2015.1', organisation: 'テスト株式会社', overall: 50,
    areas: [{ id: 'structure', name: tx('体制', 'Structure'), score: 50, answered: 1, scored_items: 2, benchmark: { low: 40, high: 60 }, benchmark_items: 1 }],
    setup_items: [
      { id: 'authority', number: 2, name: tx('権限', 'Authority'), score: 80, readiness: 'green', answered: 1, scored_items: 1 },
      { id: 'review', number: 6, name: tx('見直し', 'Review'), score: 55, readiness: 'amber', answered: 1, scored_items: 1 },
      { id: 'placement', number: 3, name: tx('配置', 'Placement'), score: 10, readiness: 'red', answered: 1, scored_items: 1 },
      { id: 'poc', number: 4, name: tx('窓口', 'PoC'), readiness: 'unknown', answered: 0, scored_items: 1 },
    ],
    items: [
      {
        id: '2.8', area: 'structure', setup: [], sim3: [], answer: 'b', level: 1, max_level: 2, score: 50,
        standing: { at_or_above: { low: 30, high: 30 }, precision: 'narrative', source: '004 §2.2.8', quote: tx('3 割程度', 'about 30%') },
        target: { key: 'a', level: 2, score: 100, source: 'common-practice' }, gap: 50,
      },
      {
        id: '2.9.a', area: 'structure', setup: [], sim3: [], answer: 'in-house', level: 1, max_level: 1, score: 100,
        standing: { at_or_above: { low: 77, high: 78.5 }, precision: 'exact-count', source: '000' },
        target: { key: 'in-house', level: 1, score: 100, source: 'highest' }, gap: 0,
      },
    ],
    gaps: [
      {
        rank: 1, item: '2.8', text: tx('権限', 'Authority'), area: 'structure', setup: [], current_key: 'b', current_level: 1,
        target_key: 'a', target_level: 2, max_level: 2, gap: 50, share: 50, priority: 40.5,
        why: tx('目標までの道のりの 50 % が残っています。', '50 % of the way to the target is still to go.'),
        recommendation: tx('文書化する', 'Document it'),
      },
    ],
    completeness,
  },
  roadmap: { entries: [{ item: '2.8', rank: 1, priority: 40.5, phase: 'now', prerequisites: [], pulled_forward: false }] },
  version_warning: null,
  benchmark_choice: { benchmark: null, segment: null },
  benchmark_warning: null,
  headline: {
    overall: 50,
    sim3_level: 2,
    sim3_word: tx('文書化されている', 'documented'),
    previous: { date: '2025-04-01', overall: 42, areas: [], setup_items: [] },
    change: 8,
    lines: [
      tx('SIM3 の 0〜4 の段階ではレベル 2.0 に相当し、「文書化」の段階に最も近い水準です。', 'Corresponds to SIM3 level 2.0 of 4, nearest the “documented” stage.'),
      tx('前回の評価 (2025-04-01、42) から +8 ポイントです。', '+8 points since the last assessment (2025-04-01: 42).'),
    ],
  },
};

export const info: AppInfo = {
  version: '0.1.0',
  language: 'ja',
  db_path: '/tmp/x.sqlite3',
  startup_error: null,
  about: {
    version: '0.1.0',
    questionnaires: [
      {
        id: 'jpcert-2015',
        version: '2015.1',
        title: { ja: 'CSIRT 実態調査', en: 'CSIRT survey' },
        benchmarks: [
          { id: 'jpcert-2015', title: { ja: '2015 年調査', en: '2015 survey' }, n: 66, published: '2016-06-29', builtin: true },
        ],
      },
    ],
    licences: [
      { component: { ja: 'フォント', en: 'Font' }, licence: 'OFL-1.1', note: { ja: '全文同梱', en: 'Full text shipped' } },
    ],
  },
  opened_file: null,
};

/** The CSIRT forms as `csirt_forms` returns them (the model's list). */
export const forms: ProfileChoice[] = [
  { key: 'distributed', label: { ja: '分散型', en: 'Distributed' } },
  { key: 'coordinating', label: { ja: '調整型', en: 'Coordinating' } },
];

/** The questionnaires as `list_questionnaires` returns them: built-in ones and a package. */
export const questionnaires: QuestionnaireInfo[] = [
  { id: 'jpcert-2015', version: '2015.1', title: { ja: '2015 年度調査', en: '2015 survey' }, items: 66, builtin: true, package: false, benchmarks: ['jpcert-2015'] },
  { id: 'sim3', version: '1.0', title: { ja: 'SIM3 自己評価', en: 'SIM3 self-assessment' }, items: 45, builtin: true, package: false, benchmarks: [] },
  { id: 'small-survey', version: '1.0', title: { ja: '小さな自己点検', en: 'A small self-check' }, items: 3, builtin: false, package: true, benchmarks: [] },
];
