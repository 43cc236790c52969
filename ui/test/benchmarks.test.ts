// The Benchmarks screen and the dashboard's choice of benchmark, against a mocked shell.

import { describe, expect, test } from 'vitest';
import { renderBenchmarks } from '../src/screens/benchmarks';
import { renderDashboard } from '../src/screens/dashboard';
import { renderGaps } from '../src/screens/gaps';
import type { AssessmentView, BenchmarkInfo } from '../src/bindings';
import { setLang } from '../src/i18n';
import { questionnaire, view } from './fixtures';
import { mockCommands, newApp, settle } from './helpers';

const tx = (ja: string, en: string) => ({ ja, en });

const survey: BenchmarkInfo = {
  questionnaire: 'jpcert-2015',
  reference: {
    id: 'jpcert-2015', title: tx('2015 年度調査', '2015 survey'), source: tx('JPCERT/CC', 'JPCERT/CC'),
    n: 66, survey_date: '2015-12-08', published: '2016-06-29',
  },
  line: tx('2015 年度調査（n = 66）', '2015 survey (n = 66)'),
  limits: tx('自己選択', 'self-selected'),
  origin: 'builtin', path: null, segments: [], min_cell: null, is_default: true,
};

const pool: BenchmarkInfo = {
  questionnaire: 'jpcert-2015',
  reference: {
    id: 'synthetic-pool', title: tx('合成テストデータ', 'Synthetic test data'), source: tx('合成', 'synthetic'),
    n: 40, survey_date: '2026-03-31', published: '2026-04-15',
  },
  line: tx('合成テストデータ（n = 40）', 'Synthetic test data (n = 40)'),
  limits: tx('テスト専用', 'tests only'),
  origin: 'added', path: '/data/benchmarks/synthetic-pool.toml',
  segments: [{ id: 'sector=finance', n: 9, label: tx('金融', 'Finance') }],
  min_cell: 5, is_default: false,
};

describe('benchmarks screen', () => {
  test('lists each benchmark with its provenance and segments', async () => {
    setLang('en');
    mockCommands((cmd) => (cmd === 'list_benchmarks' ? [survey, pool] : null));
    const app = newApp();
    setLang('en');
    const el = await renderBenchmarks(app);
    const cards = [...el.querySelectorAll<HTMLElement>('[data-benchmark]')].map((c) => c.dataset.benchmark);
    expect(cards).toEqual(['jpcert-2015', 'synthetic-pool']);
    const card = el.querySelector('[data-benchmark="synthetic-pool"]')!;
    expect(card.querySelector('[data-testid="benchmark-line"]')!.textContent).toBe('Synthetic test data (n = 40)');
    expect(card.querySelector('[data-segment="sector=finance"]')!.textContent).toBe('Finance (sector=finance, n = 9)');
    expect(card.textContent).toContain('fewer than 5 contributions');
  });

  test('an import that fails lists each problem with its line and changes nothing', async () => {
    const calls = mockCommands((cmd) => {
      if (cmd === 'list_benchmarks') return [survey];
      if (cmd === 'import_benchmark') {
        throw {
          kind: 'invalid-input',
          message: 'データファイルが正しくありません',
          problems: [
            { item: null, message: 'pool.toml:40: 項目 2.8 の数値: 区分 "sector=retail" は segments にありません' },
            { item: null, message: 'pool.toml:52: 値が大きすぎます' },
          ],
        };
      }
      return null;
    });
    const app = newApp();
    const el = await renderBenchmarks(app);
    document.body.appendChild(el);
    el.querySelector<HTMLButtonElement>('[data-testid="benchmark-import"]')!.click();
    await settle();
    const box = el.querySelector('[data-testid="benchmark-import-error"]')!;
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'pool.toml:40: 項目 2.8 の数値: 区分 "sector=retail" は segments にありません',
      'pool.toml:52: 値が大きすぎます',
    ]);
    expect(box.textContent).toContain('2 件の問題があります。何も変更していません。');
    expect(calls.filter((c) => c.cmd === 'list_benchmarks').length).toBe(1);
  });

  test('a successful import lists the new benchmark', async () => {
    let imported = false;
    mockCommands((cmd) => {
      if (cmd === 'list_benchmarks') return imported ? [survey, pool] : [survey];
      if (cmd === 'import_benchmark') {
        imported = true;
        return pool;
      }
      return null;
    });
    const app = newApp();
    const el = await renderBenchmarks(app);
    expect(el.querySelectorAll('[data-benchmark]').length).toBe(1);
    el.querySelector<HTMLButtonElement>('[data-testid="benchmark-import"]')!.click();
    await settle();
    expect(el.querySelectorAll('[data-benchmark]').length).toBe(2);
    expect(el.querySelector('[data-testid="benchmark-import-status"]')!.textContent).toContain('合成テストデータ');
  });
});

describe('dashboard benchmark choice', () => {
  test('names the benchmark in use and sends the chosen benchmark and segment', async () => {
    const named: AssessmentView = structuredClone(view);
    named.report.benchmark_ref = survey.reference;
    const switched: AssessmentView = structuredClone(view);
    switched.report.benchmark_ref = { ...pool.reference, n: 9, segment: pool.segments[0] };
    switched.benchmark_choice = { benchmark: 'synthetic-pool', segment: 'sector=finance' };
    const calls = mockCommands((cmd) => {
      if (cmd === 'list_benchmarks') return [survey, pool];
      if (cmd === 'set_assessment_benchmark') return switched;
      if (cmd === 'get_questionnaire') return questionnaire;
      if (cmd === 'radar_svg') return '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
      return null;
    });
    const app = newApp();
    app.view = named;
    const el = await renderDashboard(app, questionnaire, named);
    document.body.appendChild(el);
    expect(el.querySelector('[data-testid="benchmark-in-use"]')!.textContent).toBe(
      '2015 年度調査 — n = 66 · 2015年12月8日 / 2016年6月29日',
    );
    const segment = el.querySelector<HTMLSelectElement>('[data-testid="segment-select"]')!;
    expect(segment.disabled).toBe(true);
    expect(el.querySelector('[data-testid="segment-note"]')!.textContent).toBe('この基準データには区分がありません。');
    const bench = el.querySelector<HTMLSelectElement>('[data-testid="benchmark-select"]')!;
    bench.value = 'synthetic-pool';
    bench.dispatchEvent(new Event('change'));
    expect(segment.disabled).toBe(false);
    expect([...segment.options].map((o) => o.value)).toEqual(['', 'sector=finance']);
    expect(el.querySelector('[data-testid="segment-note"]')!.textContent).toContain('5 件未満');
    segment.value = 'sector=finance';
    el.querySelector<HTMLButtonElement>('[data-testid="benchmark-apply"]')!.click();
    await settle();
    const sent = calls.find((c) => c.cmd === 'set_assessment_benchmark')!.input;
    expect(sent).toEqual({ assessment_id: 7, benchmark: 'synthetic-pool', segment: 'sector=finance' });
    expect(app.view).toBe(switched);
    // Choosing the questionnaire's own benchmark stores no id.
    bench.value = 'jpcert-2015';
    bench.dispatchEvent(new Event('change'));
    el.querySelector<HTMLButtonElement>('[data-testid="benchmark-apply"]')!.click();
    await settle();
    const last = calls.filter((c) => c.cmd === 'set_assessment_benchmark').pop()!.input;
    expect(last).toEqual({ assessment_id: 7, benchmark: null, segment: null });
  });
});

describe('gaps screen', () => {
  test('names the benchmark its standings and targets come from', async () => {
    const named: AssessmentView = structuredClone(view);
    named.report.benchmark_ref = { ...pool.reference, n: 9, segment: pool.segments[0] };
    mockCommands(() => null);
    const app = newApp();
    const el = await renderGaps(app, questionnaire, named);
    expect(el.querySelector('[data-testid="gaps-benchmark"]')!.textContent).toBe(
      '比較している基準データ: 合成テストデータ — n = 9 · 金融 · 2026年3月31日 / 2026年4月15日',
    );
  });
});
