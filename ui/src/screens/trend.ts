// The organisation's trend: scores per area and per set-up item over its assessments up to the
// open one (the chart is csirt-report's, as in the PDF, the overall line bold; areas toggled
// off in its legend are left out), the tables with the change since the assessment before
// (computed by csirt-scoring), and the items that improved or regressed.

import { call } from '../api';
import type { App } from '../app';
import type { AssessmentView, ItemChange, Questionnaire } from '../bindings';
import { h } from '../dom';
import { formatDate, lang, num, t, tx, txOther } from '../i18n';

/** Adopts csirt-report's SVG parsed as XML, as the dashboard does with the radar. */
function chart(svg: string): HTMLElement {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  if (root.nodeName !== 'svg') return h('div');
  const node = document.importNode(root, true);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', t('trend.chart'));
  return h('div', { class: 'trend-chart', 'data-testid': 'trend-chart' }, node);
}

const score = (v: number | null | undefined) => (v === null || v === undefined ? t('common.notSet') : num(v));

function changes(q: Questionnaire, heading: string, list: ItemChange[], kind: string): HTMLElement {
  return h(
    'div',
    { class: 'changes', 'data-changes': kind },
    h('h3', null, heading),
    list.length
      ? h(
          'ul',
          null,
          list.map((c) => {
            const item = q.items.find((i) => i.id === c.item);
            return h(
              'li',
              { 'data-item': c.item },
              h('span', { class: 'id' }, c.item),
              ' ',
              h('span', { title: item ? txOther(item.text) : undefined }, item ? tx(item.text) : ''),
              ' ',
              h('span', { class: 'muted small' }, `${c.from_key} → ${c.to_key} (${c.delta > 0 ? '+' : ''}${num(c.delta)})`),
            );
          }),
        )
      : h('p', { class: 'muted' }, t('gaps.phaseEmpty')),
  );
}

/** A change as shown in the change column: signed, or a dash where there is none. */
const change = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${num(Math.abs(v))}`);

/** Areas toggled off in the chart's legend, kept while the app runs. */
const hiddenAreas = new Set<string>();

export async function renderTrend(app: App, q: Questionnaire, view: AssessmentView): Promise<HTMLElement> {
  const { trend, changes: delta, svg } = await call('trend', { assessment_id: view.row.id, language: lang(), hidden_areas: [...hiddenAreas] });
  const points = trend.points;
  const withChange = points.length >= 2;
  const head = h(
    'thead',
    null,
    h('tr', null, h('td', null, ''), points.map((p) => h('th', { class: 'num', scope: 'col' }, formatDate(p.date))), withChange ? h('th', { class: 'num change', scope: 'col' }, t('trend.change')) : null),
  );
  const row = (label: string, values: (number | null | undefined)[], diff: number | null | undefined, attrs: Record<string, string> = {}) =>
    h(
      'tr',
      attrs,
      h('th', { scope: 'row' }, label),
      values.map((v) => h('td', { class: 'num' }, score(v))),
      withChange ? h('td', { class: 'num change', 'data-testid': 'change', 'data-change': diff === null || diff === undefined ? '' : String(diff) }, change(diff)) : null,
    );
  const areaName = (id: string) => tx(q.areas.find((a) => a.id === id)?.name ?? { ja: id, en: id });
  const setupName = (id: string) => {
    const s = q.setup_items.find((x) => x.id === id);
    return s ? `${s.number}. ${tx(s.name)}` : id;
  };
  const table = (
    ids: string[],
    pick: (i: number) => (p: (typeof points)[number]) => number | null | undefined,
    diffs: [string, number | null][],
    name: (id: string) => string,
    attr: string,
  ) =>
    h(
      'table',
      { class: 'trend-table', 'data-testid': `trend-${attr}` },
      head.cloneNode(true),
      h('tbody', null, ids.map((id, i) => row(name(id), points.map(pick(i)), diffs.find(([d]) => d === id)?.[1], { [`data-${attr}`]: id }))),
    );
  const areaIds = points[0]?.areas.map(([id]) => id) ?? [];
  const setupIds = points[0]?.setup_items.map(([id]) => id) ?? [];
  // The legend: one toggle per area (the overall line always shows, bold).
  const legend = h(
    'div',
    { class: 'trend-legend', role: 'group', 'aria-label': t('trend.legend'), 'data-testid': 'trend-legend' },
    h('span', { class: 'small muted' }, t('trend.legend'), ' '),
    areaIds.map((id) =>
      h(
        'button',
        {
          type: 'button',
          class: 'toggle',
          'data-area': id,
          'aria-pressed': String(!hiddenAreas.has(id)),
          onclick: () => {
            if (hiddenAreas.has(id)) hiddenAreas.delete(id);
            else hiddenAreas.add(id);
            void app.render();
          },
        },
        areaName(id),
      ),
    ),
    h('p', { class: 'small muted' }, t('trend.overallAlways')),
  );
  return h(
    'div',
    { class: 'screen trend', 'data-screen-id': 'trend' },
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('trend.heading', { org: view.row.organisation_name })),
      h('p', { class: 'muted small', 'data-testid': 'trend-upto' }, t('trend.upTo', { date: formatDate(view.row.date) })),
      points.length < 2 ? h('p', { class: 'muted', 'data-testid': 'trend-single' }, t('trend.single')) : null,
      areaIds.length ? legend : null,
      chart(svg),
      h(
        'table',
        { class: 'trend-table', 'data-testid': 'trend-overall' },
        head,
        h('tbody', null, row(t('assess.overall'), points.map((p) => p.overall), delta.overall)),
      ),
    ),
    h('section', { class: 'card' }, h('h2', null, t('trend.areas')), table(areaIds, (i) => (p) => p.areas[i]?.[1], delta.areas, areaName, 'area')),
    h('section', { class: 'card' }, h('h2', null, t('trend.setup', { n: q.setup_items.length })), table(setupIds, (i) => (p) => p.setup_items[i]?.[1], delta.setup_items, setupName, 'setup')),
    points.length >= 2
      ? h(
          'section',
          { class: 'card changes-card' },
          h('h2', null, t('trend.changes', { from: formatDate(points[points.length - 2].date), to: formatDate(points[points.length - 1].date) })),
          changes(q, t('trend.improved'), trend.improved, 'improved'),
          changes(q, t('trend.regressed'), trend.regressed, 'regressed'),
        )
      : null,
  );
}
