// The workshop screens against a mocked shell: respondents, answering as one of them, the
// divergence view with its consensus control, trend, peers, and the passphrase on export and
// import.

import { describe, expect, test } from 'vitest';
import { renderWorkshop } from '../src/screens/workshop';
import { renderTrend } from '../src/screens/trend';
import { renderPeers } from '../src/screens/peers';
import { renderExport } from '../src/screens/export';
import { renderWizard, viewAs } from '../src/screens/wizard';
import type { PeerMatch, RespondentRow, TrendView, WorkshopView } from '../src/bindings';
import { completeness, questionnaire, view } from './fixtures';
import { mockCommands, newApp, settle } from './helpers';

const respondents: RespondentRow[] = [
  { id: 1, name: '', role: null, is_default: true },
  { id: 2, name: '佐藤', role: 'CSIRT リーダー', is_default: false },
  { id: 3, name: '鈴木', role: null, is_default: false },
];

const workshop: WorkshopView = {
  respondents,
  divergence: [
    {
      item: '2.8', answered: 2, respondents: 2, levels: { min: 0, max: 2, range: 2, std_dev: 1 },
      distribution: [['a', 1], ['c', 1]], answers: [['佐藤', 'a'], ['鈴木', 'c']], disagreement: 1,
      spread: 'wide', agreement: 'provisional',
    },
    {
      item: '1.1', answered: 2, respondents: 2,
      distribution: [['a', 1], ['j', 1]], answers: [['佐藤', 'a'], ['鈴木', 'j']], disagreement: 0.5,
      spread: 'moderate', agreement: 'agreed',
    },
    {
      item: '2.9.a', answered: 2, respondents: 2, levels: { min: 1, max: 1, range: 0, std_dev: 0 },
      distribution: [['in-house', 2]], answers: [['佐藤', 'in-house'], ['鈴木', 'in-house']], disagreement: 0,
      spread: 'none', agreement: 'unanimous',
    },
    { item: '3.3', answered: 0, respondents: 2, distribution: [], answers: [], disagreement: 0, spread: 'none', agreement: 'unanimous' },
  ],
  consensus_notes: [['1.1', '情シス主導で合意']],
  notes: [
    { item: '2.8', respondent: '佐藤', comment: '規程は未承認', evidence: null },
    { item: '2.8', respondent: '鈴木', comment: null, evidence: '手順書 v2' },
  ],
  open: 1,
  hidden: false,
};

describe('workshop', () => {
  test('lists respondents and adds one with name and role', async () => {
    const calls = mockCommands((cmd) => (cmd === 'workshop' ? workshop : cmd === 'add_respondent' ? respondents : null));
    const app = newApp();
    app.view = view;
    const el = await renderWorkshop(app, questionnaire, view);
    expect([...el.querySelectorAll('[data-testid="respondents"] td.name')].map((e) => e.textContent)).toEqual(['佐藤', '鈴木']);
    el.querySelector<HTMLInputElement>('[data-testid="respondent-name"]')!.value = '田中';
    el.querySelector<HTMLInputElement>('[data-testid="respondent-role"]')!.value = '広報';
    el.querySelector<HTMLFormElement>('[data-testid="respondent-form"]')!.dispatchEvent(new Event('submit'));
    await settle();
    expect(calls.find((c) => c.cmd === 'add_respondent')).toEqual({
      cmd: 'add_respondent',
      input: { assessment_id: 7, name: '田中', role: '広報' },
    });
    expect(calls[0]).toEqual({ cmd: 'workshop', input: { assessment_id: 7, facilitator: '進行役' } });
  });

  test('shows answered items most disputed first, with spread and distribution', async () => {
    mockCommands(() => workshop);
    const app = newApp();
    const el = await renderWorkshop(app, questionnaire, view);
    const cards = [...el.querySelectorAll<HTMLElement>('article.divergence')];
    // The unanswered 3.3 is left out; the order is the core's.
    expect(cards.map((c) => c.dataset.item)).toEqual(['2.8', '1.1', '2.9.a']);
    expect(cards[0].classList.contains('disputed')).toBe(true);
    expect(cards[0].querySelector('[data-stat="range"]')!.textContent).toBe('水準 0〜2（幅 2）');
    expect(cards[0].querySelector('[data-stat="sd"]')!.textContent).toBe('標準偏差 1');
    expect([...cards[1].querySelectorAll('.chip')].map((c) => c.getAttribute('data-key'))).toEqual(['a', 'j']);
    // Answers are shown with their option wording, services in words.
    expect(cards[1].querySelector('tr[data-who="佐藤"] td')!.textContent).toBe('a. 情報システム');
    expect(cards[2].querySelector('tr[data-who="鈴木"] td')!.textContent).toBe('内製');
    expect(cards[2].classList.contains('agreed')).toBe(true);
    // The current agreed answer and its note.
    expect(cards[1].querySelector('[data-testid="consensus-note"]')!.textContent).toContain('情シス主導で合意');
    expect(el.querySelector('[data-testid="disputed-count"]')!.textContent).toBe('2 人以上が回答した 3 問のうち 2 問で意見が分かれています。');
  });

  test('says where each item stands: provisional, agreed, all agree, and counts the open ones', async () => {
    mockCommands(() => workshop);
    const el = await renderWorkshop(newApp(), questionnaire, view);
    const state = (id: string) => el.querySelector(`article.divergence[data-item="${id}"] [data-testid="agreement-state"]`)!;
    expect(state('2.8').textContent).toContain('暫定（進行役の回答）・未合意');
    expect(state('2.8').getAttribute('data-state')).toBe('provisional');
    expect(state('1.1').textContent).toContain('合意済み');
    expect(state('2.9.a').textContent).toContain('全員一致');
    expect(el.querySelector('[data-testid="open-count"]')!.textContent).toBe('未合意の設問: 1 問');
    // The spread in words; the figures and the formula behind a disclosure.
    const spread = el.querySelector('article.divergence[data-item="2.8"] [data-testid="spread"]')!;
    expect(spread.textContent).toBe('意見の幅: 大');
    expect(el.querySelector('article.divergence[data-item="2.8"] details[data-testid="spread-formula"]')!.hasAttribute('open')).toBe(false);
    // Recording the agreement is in view, not under a fold.
    const record = el.querySelector('article.divergence[data-item="2.8"] .set-consensus')!;
    expect(record.closest('details')).toBeNull();
    expect(record.querySelector('[data-testid="save-consensus"]')).not.toBeNull();
  });

  test('open only, collapsed agreed items and the matrix of items × people', async () => {
    mockCommands(() => workshop);
    const app = newApp();
    app.workshopUi.openOnly = true;
    let el = await renderWorkshop(app, questionnaire, view);
    expect([...el.querySelectorAll<HTMLElement>('article.divergence')].map((c) => c.dataset.item)).toEqual(['2.8']);
    expect(el.querySelector('[data-testid="open-only"]')!.getAttribute('aria-pressed')).toBe('true');
    app.workshopUi = { openOnly: false, collapseAgreed: true, matrix: false };
    el = await renderWorkshop(app, questionnaire, view);
    const agreed = el.querySelector('article.divergence[data-item="1.1"]')!;
    expect(agreed.classList.contains('collapsed')).toBe(true);
    expect(agreed.querySelector('table.answers')).toBeNull();
    // Collapsed, it still says what was agreed.
    expect(agreed.querySelector('[data-testid="consensus-note"]')!.textContent).toContain('情シス主導で合意');
    expect(el.querySelector('article.divergence[data-item="2.8"] table.answers')).not.toBeNull();
    app.workshopUi = { openOnly: false, collapseAgreed: false, matrix: true };
    el = await renderWorkshop(app, questionnaire, view);
    const m = el.querySelector('[data-testid="workshop-matrix"]')!;
    expect([...m.querySelectorAll('thead th[data-who]')].map((th) => th.textContent)).toEqual(['佐藤', '鈴木']);
    expect([...m.querySelectorAll('tr[data-item="2.8"] td[data-who]')].map((td) => td.textContent)).toEqual(['a', 'c']);
    expect(m.querySelector('tr[data-item="2.8"] [data-testid="spread"]')!.textContent).toBe('大');
    expect(m.querySelector('tr[data-item="2.8"] [data-testid="agreement-state"]')!.getAttribute('data-state')).toBe('provisional');
    expect(el.querySelector('article.divergence')).toBeNull();
  });

  test('hidden answers show no one’s answer until revealed, and the reveal goes to the shell', async () => {
    const hidden: WorkshopView = {
      ...workshop,
      hidden: true,
      notes: [],
      divergence: workshop.divergence.map((d) => ({ ...d, answers: [], distribution: [], levels: undefined, disagreement: 0, spread: 'none' })),
    };
    const calls = mockCommands((cmd) => (cmd === 'workshop' ? hidden : null));
    const app = newApp();
    app.view = view;
    const el = await renderWorkshop(app, questionnaire, view);
    expect(el.querySelector('[data-testid="hidden-note"]')).not.toBeNull();
    expect(el.querySelector('table.answers')).toBeNull();
    expect(el.querySelectorAll('[data-testid="answers-hidden"]').length).toBe(3);
    expect(el.querySelector('[data-testid="open-count"]')!.textContent).toBe('未合意の設問: 1 問');
    el.querySelector<HTMLButtonElement>('[data-testid="reveal-answers"]')!.click();
    await settle();
    expect(calls.find((c) => c.cmd === 'hide_answers')).toEqual({ cmd: 'hide_answers', input: { assessment_id: 7, hidden: false } });
  });

  test('several respondents’ files at once: each file listed, imported or refused', async () => {
    const calls = mockCommands((cmd) =>
      cmd === 'workshop'
        ? workshop
        : cmd === 'import_respondents'
          ? [
              { file: '田中.csirt', name: '田中', respondent_id: 9, error: null },
              { file: 'broken.csirt', name: 'broken', respondent_id: null, error: '項目 4.2: 選択肢 zz はありません' },
            ]
          : view,
    );
    const app = newApp();
    app.view = view;
    const el = await renderWorkshop(app, questionnaire, view);
    el.querySelector<HTMLButtonElement>('[data-testid="bulk-import"]')!.click();
    await settle();
    expect(calls.find((c) => c.cmd === 'import_respondents')).toEqual({ cmd: 'import_respondents', input: { assessment_id: 7 } });
    expect(app.workshopImport).not.toBeNull();
    const again = await renderWorkshop(app, questionnaire, view);
    const rows = [...again.querySelectorAll<HTMLElement>('[data-testid="bulk-result"] li')];
    expect(rows.map((r) => r.dataset.file)).toEqual(['田中.csirt', 'broken.csirt']);
    expect(rows[0].textContent).toBe('田中.csirt: 田中 として取り込みました');
    expect(rows[1].classList.contains('error')).toBe(true);
    expect(rows[1].textContent).toContain('項目 4.2');
  });

  test('shows what each respondent noted beside a disputed item', async () => {
    mockCommands(() => workshop);
    const el = await renderWorkshop(newApp(), questionnaire, view);
    const notes = el.querySelector('article.divergence[data-item="2.8"] [data-testid="respondent-notes"]')!;
    expect([...notes.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '佐藤: 規程は未承認',
      '鈴木: 根拠: 手順書 v2',
    ]);
    expect(el.querySelector('article.divergence[data-item="1.1"] [data-testid="respondent-notes"]')).toBeNull();
  });

  test('renames a respondent, and removes one only after confirming', async () => {
    const calls = mockCommands((cmd) => (cmd === 'workshop' ? workshop : cmd.endsWith('_respondent') ? respondents : view));
    const app = newApp();
    app.view = view;
    app.respondent = 3;
    const el = await renderWorkshop(app, questionnaire, view);
    document.body.appendChild(el);
    const row = el.querySelector<HTMLElement>('tr[data-respondent="2"]')!;
    row.querySelector<HTMLButtonElement>('[data-testid="edit-respondent"]')!.click();
    const name = row.querySelector<HTMLInputElement>('[data-testid="edit-respondent-name"]')!;
    expect(name.value).toBe('佐藤');
    // An empty name is caught here, in the user's language, before the shell refuses it.
    name.value = ' ';
    row.querySelector<HTMLButtonElement>('[data-testid="save-respondent"]')!.click();
    await settle();
    expect(calls.some((c) => c.cmd === 'update_respondent')).toBe(false);
    expect(el.querySelector('[data-testid="respondents"] .error')!.textContent).toBe('先に回答者の名前を入力してください。');
    name.value = ' 佐藤 花子 ';
    row.querySelector<HTMLInputElement>('[data-testid="edit-respondent-role"]')!.value = '';
    row.querySelector<HTMLButtonElement>('[data-testid="save-respondent"]')!.click();
    await settle();
    expect(calls.find((c) => c.cmd === 'update_respondent')).toEqual({
      cmd: 'update_respondent',
      input: { assessment_id: 7, respondent_id: 2, name: '佐藤 花子', role: null },
    });

    const other = el.querySelector<HTMLElement>('tr[data-respondent="3"]')!;
    other.querySelector<HTMLButtonElement>('[data-testid="remove-respondent"]')!.click();
    await settle();
    expect(calls.some((c) => c.cmd === 'delete_respondent')).toBe(false);
    other.querySelector<HTMLButtonElement>('[data-testid="remove-respondent-yes"]')!.click();
    await settle();
    expect(calls.find((c) => c.cmd === 'delete_respondent')).toEqual({
      cmd: 'delete_respondent',
      input: { assessment_id: 7, respondent_id: 3 },
    });
    // Whoever was answering as the removed person answers as the facilitator again.
    expect(app.respondent).toBeNull();
  });

  test('records the consensus answer with its note, and asks for an answer first', async () => {
    const calls = mockCommands((cmd) => (cmd === 'workshop' ? workshop : cmd === 'set_consensus' ? view : null));
    const app = newApp();
    app.view = view;
    const el = await renderWorkshop(app, questionnaire, view);
    document.body.appendChild(el);
    const card = el.querySelector<HTMLElement>('article.divergence[data-item="2.8"]')!;
    card.querySelector<HTMLButtonElement>('[data-testid="save-consensus"]')!.click();
    await settle();
    expect(calls.some((c) => c.cmd === 'set_consensus')).toBe(false);
    expect(card.querySelector('.error')!.textContent).toBe('合意した回答を選んでください。');
    card.querySelector<HTMLInputElement>('input[value="b"]')!.checked = true;
    card.querySelector<HTMLTextAreaElement>('textarea[data-role="consensus-note"]')!.value = ' 承認済みで合意 ';
    card.querySelector<HTMLButtonElement>('[data-testid="save-consensus"]')!.click();
    await settle();
    expect(calls.find((c) => c.cmd === 'set_consensus')).toEqual({
      cmd: 'set_consensus',
      input: { assessment_id: 7, item: '2.8', answer: 'b', other_text: null, note: '承認済みで合意' },
    });
  });

  test('imports a participant file as a respondent, asking for the passphrase when encrypted', async () => {
    let attempt = 0;
    const calls = mockCommands((cmd, input) => {
      if (cmd === 'workshop') return workshop;
      if (cmd === 'import_assessment') {
        attempt += 1;
        if (input.passphrase === null) throw { kind: 'passphrase-required', message: 'encrypted', problems: [] };
        if (input.passphrase !== 'right') throw { kind: 'wrong-passphrase', message: 'wrong', problems: [] };
        return { assessment_id: 7, respondent_id: 4 };
      }
      return view;
    });
    const app = newApp();
    app.view = view;
    const el = await renderWorkshop(app, questionnaire, view);
    document.body.appendChild(el);
    el.querySelector<HTMLButtonElement>('[data-testid="import-respondent"]')!.click();
    await settle();
    expect(el.querySelector('.error')!.textContent).toBe('先に回答者の名前を入力してください。');
    el.querySelector<HTMLInputElement>('[data-testid="respondent-name"]')!.value = '田中';
    el.querySelector<HTMLButtonElement>('[data-testid="import-respondent"]')!.click();
    await settle();
    const field = el.querySelector<HTMLInputElement>('[data-testid="import-passphrase"]')!;
    expect(field.type).toBe('password');
    field.value = 'nope';
    el.querySelector<HTMLButtonElement>('[data-testid="import-decrypt"]')!.click();
    await settle();
    expect(el.querySelector('.error-box')!.getAttribute('data-kind')).toBe('wrong-passphrase');
    el.querySelector<HTMLInputElement>('[data-testid="import-passphrase"]')!.value = 'right';
    el.querySelector<HTMLButtonElement>('[data-testid="import-decrypt"]')!.click();
    await settle();
    expect(attempt).toBe(3);
    expect(calls.filter((c) => c.cmd === 'import_assessment').at(-1)!.input).toEqual({
      organisation_id: null,
      respondent: { assessment_id: 7, name: '田中', role: null },
      passphrase: 'right',
    });
  });
});

describe('answering as a respondent', () => {
  test('the wizard shows only their answers and saves to them', async () => {
    // Their own progress differs from the assessment's (fixtures' `completeness`, 1 of 7).
    const ownProgress = { ...completeness, answered: 0, sections: completeness.sections.map((x) => ({ ...x, answered: 0 })) };
    const calls = mockCommands((cmd) =>
      cmd === 'respondent_answers'
        ? { answers: { '2.8': 'c' }, other: {}, comments: { '1.2': '私見' }, evidence: {}, completeness: ownProgress }
        : cmd === 'save_note'
          ? null
          : completeness,
    );
    const app = newApp();
    app.view = view;
    app.respondent = 2;
    const own = await viewAs(view, 2);
    expect(own.assessment.answers).toEqual({ '2.8': 'c' });
    // Their own notes, not the facilitator's.
    expect(own.assessment.comments).toEqual({ '1.2': '私見' });
    expect(own.report.completeness).toEqual(ownProgress);
    const el = renderWizard(app, questionnaire, own, respondents);
    document.body.appendChild(el);
    await settle();
    expect(el.querySelector('[data-testid="overall-progress"]')!.textContent).toMatch(/^7 問中 0 問に回答/);
    const select = el.querySelector<HTMLSelectElement>('[data-testid="answer-as"]')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['進行役', '佐藤（CSIRT リーダー）', '鈴木']);
    expect(select.value).toBe('2');
    // 1.1 has the facilitator's answer, which this respondent does not see.
    const card = el.querySelector<HTMLElement>('article[data-item="1.1"]')!;
    expect(card.dataset.answered).toBe('false');
    card.querySelector<HTMLInputElement>('input[value="a"]')!.click();
    await settle();
    expect(calls.at(-1)).toEqual({
      cmd: 'save_answer',
      input: { assessment_id: 7, respondent_id: 2, item: '1.1', answer: 'a', other_text: null },
    });
    // Their notes: their own comment is shown, and what they write is saved as theirs.
    const mine = el.querySelector<HTMLElement>('article[data-item="1.2"]')!;
    expect(mine.querySelector<HTMLTextAreaElement>('textarea[data-role="comment"]')!.value).toBe('私見');
    const comment = card.querySelector<HTMLTextAreaElement>('textarea[data-role="comment"]')!;
    comment.value = '法務の観点では未整備';
    comment.dispatchEvent(new Event('change'));
    await settle();
    expect(calls.find((c) => c.cmd === 'save_note')).toEqual({
      cmd: 'save_note',
      input: { assessment_id: 7, respondent_id: 2, item: '1.1', comment: '法務の観点では未整備', evidence: null },
    });
  });

  test('without respondents there is no switch', () => {
    mockCommands(() => completeness);
    const app = newApp();
    const el = renderWizard(app, questionnaire, view, [respondents[0]]);
    expect(el.querySelector('[data-testid="answer-as"]')).toBeNull();
  });
});

describe('trend and peers', () => {
  const trendView: TrendView = {
    svg: '<svg xmlns="http://www.w3.org/2000/svg"><line x1="0" y1="0" x2="1" y2="1"/></svg>',
    trend: {
      points: [
        { date: '2025-04-01', overall: 40, areas: [['structure', 40]], setup_items: [['authority', null]] },
        { date: '2026-04-01', overall: 50, areas: [['structure', 50]], setup_items: [['authority', 80]] },
      ],
      improved: [{ item: '2.8', from_key: 'c', to_key: 'b', from_score: 0, to_score: 50, delta: 50 }],
      regressed: [],
    },
    changes: { overall: 10, areas: [['structure', 10]], setup_items: [['authority', null]] },
  };

  test('the trend shows the chart, scores per area and set-up item, and what changed', async () => {
    const calls = mockCommands(() => trendView);
    const app = newApp();
    const el = await renderTrend(app, questionnaire, view);
    expect(calls[0]).toEqual({ cmd: 'trend', input: { assessment_id: 7, language: 'ja', hidden_areas: [] } });
    expect(el.querySelector('[data-testid="trend-chart"] svg line')).not.toBeNull();
    // The change column, as the core computed it; none where a score is missing.
    expect([...el.querySelectorAll('[data-testid="trend-area"] tr[data-area="structure"] td')].map((c) => c.textContent)).toEqual(['40', '50', '+10']);
    expect([...el.querySelectorAll('[data-testid="trend-setup"] tr[data-setup="authority"] td')].map((c) => c.textContent)).toEqual(['—', '80', '—']);
    expect(el.querySelector('[data-testid="trend-overall"] [data-testid="change"]')!.textContent).toBe('+10');
    // One legend button per area, pressed while it is shown; pressing it asks for the chart without it.
    const toggle = el.querySelector<HTMLButtonElement>('[data-testid="trend-legend"] button[data-area="structure"]')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    toggle.click();
    await settle();
    const again = await renderTrend(app, questionnaire, view);
    expect(calls.at(-1)).toEqual({ cmd: 'trend', input: { assessment_id: 7, language: 'ja', hidden_areas: ['structure'] } });
    expect(again.querySelector('[data-testid="trend-legend"] button[data-area="structure"]')!.getAttribute('aria-pressed')).toBe('false');
    again.querySelector<HTMLButtonElement>('[data-testid="trend-legend"] button[data-area="structure"]')!.click();
    await settle();
    expect(el.querySelector('[data-changes="improved"] li[data-item="2.8"]')!.textContent).toContain('c → b (+50)');
    expect(el.querySelector('[data-changes="regressed"] .muted')).not.toBeNull();
    expect(el.querySelector('[data-testid="trend-single"]')).toBeNull();
    // The trend runs up to the open assessment, as its PDF does.
    expect(el.querySelector('[data-testid="trend-upto"]')!.textContent).toBe('2026年4月1日 の評価までを表示しています（PDF と同じ）。');
  });

  test('one assessment says a trend needs a re-assessment', async () => {
    mockCommands(() => ({
      ...trendView,
      trend: { points: [trendView.trend.points[0]], improved: [], regressed: [] },
      changes: { overall: null, areas: [['structure', null]], setup_items: [['authority', null]] },
    }));
    const el = await renderTrend(newApp(), questionnaire, view);
    expect(el.querySelector('[data-testid="trend-single"]')).not.toBeNull();
    expect(el.querySelector('.changes-card')).toBeNull();
  });

  test('peers are listed nearest first with each practice and its citation', async () => {
    const tx = (ja: string, en: string) => ({ ja, en });
    const peers: PeerMatch[] = [
      {
        id: 'a', team: 'A-CSIRT', organisation: tx('製造業 A 社', 'Manufacturer A'), section: '4.1',
        form_label: tx('分散型', 'Distributed'), sector: tx('製造', 'Manufacturing'), size: tx('大', 'Large'), distance: 0.4, closeness: 'close',
        practices: [{ topic: 'authority', section: '4.1.3', text: tx('停止権限を持つ', 'Can stop systems'), item: '2.8' }],
      },
      {
        id: 'b', team: 'B-CSIRT', organisation: tx('金融 B 社', 'Bank B'), section: '4.2',
        form_label: tx('集中型', 'Centralised'), sector: tx('金融', 'Finance'), size: tx('中', 'Medium'), distance: 4.9, closeness: 'far', practices: [],
      },
    ];
    const calls = mockCommands(() => peers);
    const el = await renderPeers(newApp(), questionnaire, view);
    expect(calls[0]).toEqual({ cmd: 'peers', input: { id: 7 } });
    expect([...el.querySelectorAll<HTMLElement>('article.peer')].map((p) => p.dataset.peer)).toEqual(['a', 'b']);
    const li = el.querySelector('article[data-peer="a"] li[data-item="2.8"]')!;
    expect(li.textContent).toContain('停止権限を持つ');
    expect(li.querySelector('.cite')!.textContent).toBe('§4.1.3 · 設問 2.8');
    expect(el.querySelector('article[data-peer="b"] .muted.small:not(.distance)')).not.toBeNull();
    // Closeness in plain words; the distance and its formula on demand.
    expect(el.querySelector('article[data-peer="a"] [data-testid="closeness"]')!.textContent).toBe('近さ: よく似ている');
    expect(el.querySelector('article[data-peer="b"] [data-testid="closeness"]')!.textContent).toBe('近さ: あまり似ていない');
    expect(el.querySelector('article[data-peer="b"] [data-testid="closeness-formula"]')!.textContent).toContain('距離 4.9');
  });
});

describe('encrypted export', () => {
  test('a passphrase seals the JSON file only; the peers box goes with the PDF', async () => {
    const calls = mockCommands(() => ({ path: '/tmp/x/a.json.age', warnings: [] }));
    const app = newApp();
    app.view = view;
    const el = renderExport(app);
    el.querySelector<HTMLInputElement>('[data-testid="export-passphrase"]')!.value = 's3cret';
    el.querySelector<HTMLInputElement>('[data-testid="export-peers"]')!.checked = true;
    el.querySelector<HTMLButtonElement>('button[data-export="json"]')!.click();
    await settle();
    el.querySelector<HTMLButtonElement>('button[data-export="pdf-en"]')!.click();
    await settle();
    expect(calls.map((c) => c.input)).toEqual([
      { assessment_id: 7, format: 'json', language: 'ja', passphrase: 's3cret', peers: false, facilitator: '進行役', preset: 'full', confidentiality: null, logo: false },
      { assessment_id: 7, format: 'pdf', language: 'en', passphrase: null, peers: true, facilitator: 'Facilitator', preset: 'full', confidentiality: null, logo: false },
    ]);
  });
});

describe('presentation mode', () => {
  test('the header toggle turns it on and off, and a new app in the same session starts with it', () => {
    mockCommands(() => null);
    sessionStorage.clear();
    const app = newApp();
    app.renderHeader();
    const toggle = () => document.querySelector<HTMLButtonElement>('[data-testid="presentation-toggle"]')!;
    expect(toggle().getAttribute('aria-pressed')).toBe('false');
    expect(document.documentElement.classList.contains('presentation')).toBe(false);
    toggle().click();
    expect(document.documentElement.classList.contains('presentation')).toBe(true);
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(toggle().textContent).toBe('投影表示');
    // The same session (a reload): still on.
    const again = newApp();
    expect(again.presentation).toBe(true);
    expect(document.documentElement.classList.contains('presentation')).toBe(true);
    again.setPresentation(false);
    expect(document.documentElement.classList.contains('presentation')).toBe(false);
    expect(newApp().presentation).toBe(false);
  });
});
