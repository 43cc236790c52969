// The Benchmarks screen: every benchmark of the questionnaire with its provenance (title, n,
// dates, source, limits, segments), and the import of a benchmark file, whose problems are
// listed line by line. Also the dashboard's card that names the benchmark in use and lets the
// user choose another benchmark and segment for the assessment.

import { call, toCommandError } from '../api';
import type { App } from '../app';
import type { AssessmentView, BenchmarkInfo } from '../bindings';
import { h, mount } from '../dom';
import { formatDate, t, tx, type Key } from '../i18n';

/** Why an import failed: each problem with its file and line, or the message. */
function importError(e: unknown): HTMLElement {
  const err = toCommandError(e);
  const problems = err.payload.problems;
  return h(
    'div',
    { class: 'error-box', 'data-kind': err.kind, 'data-testid': 'benchmark-import-error' },
    h('strong', null, t(`error.title.${err.kind}` as Key)),
    h('p', null, problems.length ? t('import.problems', { n: problems.length }) : err.message),
    problems.length ? h('ul', { class: 'problems' }, problems.map((p) => h('li', null, p.message))) : null,
  );
}

function benchmarkCard(b: BenchmarkInfo): HTMLElement {
  const r = b.reference;
  return h(
    'article',
    { class: 'card benchmark', 'data-benchmark': r.id },
    h('h3', null, tx(r.title), b.is_default ? h('span', { class: 'muted small' }, t('bench.default')) : null),
    h('p', { class: 'small', 'data-testid': 'benchmark-line' }, tx(b.line)),
    h('p', { class: 'small' }, h('b', null, t('bench.source')), ' ', tx(r.source)),
    h('p', { class: 'small muted' }, h('b', null, t('bench.limits')), ' ', tx(b.limits)),
    h(
      'p',
      { class: 'small muted' },
      t(`bench.origin.${b.origin}` as Key),
      b.path ? ` · ${b.path}` : '',
    ),
    b.segments.length
      ? h(
          'div',
          null,
          h('h4', null, t('bench.segments')),
          h(
            'ul',
            { class: 'segments' },
            b.segments.map((s) => h('li', { 'data-segment': s.id }, `${tx(s.label)} (${s.id}, n = ${s.n})`)),
          ),
        )
      : null,
    b.min_cell !== null ? h('p', { class: 'small muted' }, t('bench.minCell', { n: b.min_cell })) : null,
  );
}

export async function renderBenchmarks(app: App): Promise<HTMLElement> {
  // The open assessment's questionnaire, else the first the app knows (the JPCERT/CC 2015 one).
  const questionnaire = app.view?.row.questionnaire_id ?? (await call('list_questionnaires'))?.[0]?.id ?? '';
  const listBox = h('div', { class: 'benchmark-list' }, (await call('list_benchmarks', { id: questionnaire })).map(benchmarkCard));
  const status = h('div', { class: 'status', role: 'status', 'data-testid': 'benchmark-import-status' });
  const importButton = h(
    'button',
    {
      class: 'primary',
      'data-testid': 'benchmark-import',
      onclick: async () => {
        mount(status);
        try {
          const added = await call('import_benchmark');
          if (!added) return;
          mount(listBox, (await call('list_benchmarks', { id: questionnaire })).map(benchmarkCard));
          mount(status, h('p', { class: 'ok' }, t('bench.imported', { s: tx(added.reference.title) })));
        } catch (e) {
          mount(status, importError(e));
        }
      },
    },
    t('bench.import'),
  );
  return h(
    'div',
    { class: 'screen benchmarks', 'data-screen-id': 'benchmarks' },
    h('section', { class: 'card' }, h('h2', null, t('bench.heading')), h('p', { class: 'muted' }, t('bench.help')), importButton, status),
    listBox,
  );
}

/** One line naming the benchmark a view was scored against: title, n, segment and dates. */
export function benchmarkLine(view: AssessmentView): string {
  const named = view.report.benchmark_ref;
  if (!named) return t('common.notSet');
  const segment = named.segment ? ` · ${tx(named.segment.label)}` : '';
  return `${tx(named.title)} — n = ${named.n}${segment} · ${formatDate(named.survey_date)} / ${formatDate(named.published)}`;
}

/** The dashboard's card: the benchmark in use, named, and the choice of benchmark and segment. */
export async function benchmarkChoice(app: App, view: AssessmentView): Promise<HTMLElement> {
  const list = (await call('list_benchmarks', { id: view.row.questionnaire_id })) ?? [];
  const named = view.report.benchmark_ref;
  const chosenId = view.benchmark_choice.benchmark ?? list.find((b) => b.is_default)?.reference.id ?? '';
  const segmentSelect = h('select', { 'data-testid': 'segment-select', 'aria-label': t('bench.segment') }) as HTMLSelectElement;
  const segmentNote = h('p', { class: 'small muted', 'data-testid': 'segment-note' });
  const fillSegments = (id: string, chosen: string | null): void => {
    const b = list.find((x) => x.reference.id === id);
    const options = [h('option', { value: '' }, t('bench.allContributions'))];
    for (const s of b?.segments ?? []) {
      options.push(h('option', { value: s.id, selected: s.id === chosen }, `${tx(s.label)} (n = ${s.n})`));
    }
    mount(segmentSelect, ...options);
    segmentSelect.disabled = !b || b.segments.length === 0;
    mount(
      segmentNote,
      !b || b.segments.length === 0
        ? t('bench.noSegments')
        : b.min_cell !== null
          ? t('bench.minCell', { n: b.min_cell })
          : '',
    );
  };
  const benchSelect = h(
    'select',
    {
      'data-testid': 'benchmark-select',
      'aria-label': t('bench.choose'),
      onchange: () => fillSegments(benchSelect.value, null),
    },
    list.map((b) =>
      h(
        'option',
        { value: b.reference.id, selected: b.reference.id === chosenId },
        tx(b.reference.title) + (b.is_default ? t('bench.default') : ''),
      ),
    ),
  ) as HTMLSelectElement;
  fillSegments(chosenId, view.benchmark_choice.segment);
  const apply = h(
    'button',
    {
      'data-testid': 'benchmark-apply',
      onclick: async () => {
        try {
          const chosen = list.find((b) => b.reference.id === benchSelect.value);
          app.view = await call('set_assessment_benchmark', {
            assessment_id: view.row.id,
            benchmark: chosen && !chosen.is_default ? chosen.reference.id : null,
            segment: segmentSelect.value === '' ? null : segmentSelect.value,
          });
          await app.render();
        } catch (e) {
          app.showError(e);
        }
      },
    },
    t('bench.apply'),
  );
  return h(
    'section',
    { class: 'card benchmark-card' },
    h('h2', null, t('bench.inUse')),
    h('p', { 'data-testid': 'benchmark-in-use' }, benchmarkLine(view)),
    named ? h('p', { class: 'small muted' }, h('b', null, t('bench.source')), ' ', tx(named.source)) : null,
    view.benchmark_warning ? h('p', { class: 'warn', 'data-testid': 'benchmark-warning' }, tx(view.benchmark_warning)) : null,
    h('div', { class: 'benchmark-choice' }, benchSelect, segmentSelect, apply),
    segmentNote,
  );
}
