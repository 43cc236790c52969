// The dashboard: overall maturity, areas against the surveyed teams (radar from csirt-report
// when built in, and always as a table), the six set-up items as readiness cards, and the
// standing of each answered item with how exact the survey figure behind it is; and the
// assessor's executive message and key findings, saved as typed.

import { call } from '../api';
import type { App } from '../app';
import type { AssessmentView, Questionnaire, Share, Standing } from '../bindings';
import { h } from '../dom';
import { formatDate, lang, num, t, tx, txOther, type Key } from '../i18n';
import { benchmarkChoice, benchmarkLine } from './benchmarks';
import { narrativeCard } from './narrative';

/** "77 %", "77–78.5 %", or "≈ 30 %" for a figure read from the survey's text. */
export function formatShare(share: Share, narrative: boolean): string {
  const exact = Math.abs(share.high - share.low) < 0.05;
  const body = exact ? `${num(share.low)} %` : `${num(share.low)}–${num(share.high)} %`;
  return narrative ? `≈ ${body}` : body;
}

export function standingCell(st: Standing | undefined): HTMLElement {
  if (!st) return h('span', { class: 'muted nowrap' }, t('dash.noStanding'));
  const narrative = st.precision === 'narrative';
  return h(
    'span',
    {
      class: 'standing ' + (narrative ? 'approx' : 'exact'),
      title: [st.quote ? tx(st.quote) : null, t('dash.source', { s: st.source })].filter(Boolean).join('\n'),
    },
    formatShare(st.at_or_above, narrative),
  );
}

function scoreBar(value: number | undefined, peers?: Share): HTMLElement {
  const bar = h('div', { class: 'bar' });
  if (value !== undefined) {
    const you = h('div', { class: 'you' });
    you.style.width = `${value}%`;
    bar.appendChild(you);
  }
  if (peers) {
    const band = h('div', { class: 'peers', title: formatShare(peers, false) });
    band.style.left = `${peers.low}%`;
    band.style.width = `${Math.max(peers.high - peers.low, 0.8)}%`;
    bar.appendChild(band);
  }
  return bar;
}

/** An SVG document from csirt-report as an element, or null when it is not one. */
function svgElement(svg: string, label: string): Element | null {
  // The SVG is our own document from csirt-report; parsing it as XML (never as HTML) and
  // adopting the root element keeps scripts out and needs no inline styles.
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') return null;
  const node = document.importNode(root, true);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', label);
  return node;
}

async function radar(view: AssessmentView): Promise<HTMLElement> {
  const svg = await call('radar_svg', { assessment_id: view.row.id, language: lang() });
  const node = svgElement(svg, t('dash.radar'));
  return node ? h('div', { class: 'radar', 'data-testid': 'radar' }, node) : h('div');
}

/** Staffing by role, for a questionnaire with roles: the core's chart, summary and advice. */
async function staffingCard(q: Questionnaire, view: AssessmentView): Promise<HTMLElement | null> {
  if (!q.roles || q.roles.length === 0) return null;
  const card = await call('staffing_card', { assessment_id: view.row.id, language: lang() });
  if (!card) return null;
  const chart = svgElement(card.svg, t('dash.staffingChart'));
  return h(
    'section',
    { class: 'card staffing-card', 'data-testid': 'staffing' },
    h('h2', null, t('dash.staffing')),
    h('p', null, card.summary),
    chart ? h('div', { class: 'role-chart' }, chart) : null,
    card.advice.length ? h('ul', { class: 'advice' }, card.advice.map((a) => h('li', null, a))) : null,
  );
}

export async function renderDashboard(
  app: App,
  q: Questionnaire,
  view: AssessmentView,
): Promise<HTMLElement> {
  const r = view.report;
  const c = r.completeness;
  const overall = h(
    'section',
    { class: 'card overall-card' },
    h('h2', null, t('dash.overall')),
    r.overall === undefined
      ? h('p', { class: 'big muted', 'data-testid': 'overall-score', 'data-score': '' }, t('dash.noScore'))
      : h(
          'p',
          { class: 'big', 'data-testid': 'overall-score', 'data-score': String(r.overall) },
          h('span', { class: 'value' }, num(r.overall)),
          h('span', { class: 'unit' }, t('dash.outOf')),
        ),
    scoreBar(r.overall),
    // What the number means, in the words the report's headline uses (csirt-scoring).
    h(
      'ul',
      { class: 'meaning', 'data-testid': 'overall-meaning' },
      view.headline.lines.map((l, i) => {
        // The change since the last assessment, with its date in the UI's one date form; the
        // core computed it (csirt_scoring::headline) and words the other lines.
        const prev = view.headline.previous;
        const change = view.headline.change;
        if (i === view.headline.lines.length - 1 && prev && prev.overall !== undefined && change !== undefined) {
          const d = new Intl.NumberFormat(lang() === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 0, signDisplay: 'always' }).format(change);
          return h('li', { 'data-testid': 'overall-change' }, t('dash.change', { date: formatDate(prev.date), then: num(Math.round(prev.overall)), d }));
        }
        return h('li', { title: txOther(l) }, tx(l));
      }),
      h('li', { 'data-testid': 'overall-benchmark' }, t('bench.inUse'), ': ', benchmarkLine(view)),
    ),
    h('p', { class: 'muted small', 'data-testid': 'scored-count' }, t('dash.scoredAnswered', { a: c.scored_answered, b: c.scored_total })),
    r.derived ? h('p', { class: 'derived', 'data-testid': 'derived-count' }, tx(r.derived.note)) : null,
    r.gaps.length
      ? h(
          'button',
          { class: 'primary next-step', 'data-testid': 'next-gaps', onclick: () => void app.go('gaps') },
          t('dash.nextGaps', { n: r.gaps.length }),
        )
      : null,
  );

  const areas = h(
    'table',
    { class: 'areas' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, t('dash.area')),
        h('th', null, t('dash.you')),
        h('th', null, t('dash.peers')),
        h('th', { class: 'bar-col', 'aria-hidden': 'true' }),
      ),
    ),
    h(
      'tbody',
      null,
      r.areas.map((a) =>
        h(
          'tr',
          { 'data-area': a.id },
          h('th', { title: txOther(a.name) }, tx(a.name)),
          h('td', null, a.score === undefined ? t('common.notSet') : num(a.score)),
          h(
            'td',
            null,
            a.benchmark ? formatShare(a.benchmark, false).replace(' %', '') : t('common.notSet'),
            a.benchmark ? h('span', { class: 'muted small' }, ' ', t('dash.peersItems', { n: a.benchmark_items })) : null,
          ),
          h('td', { class: 'bar-col' }, scoreBar(a.score, a.benchmark)),
        ),
      ),
    ),
  );

  const setup = h(
    'div',
    { class: 'readiness-grid' },
    r.setup_items.map((s) =>
      h(
        'article',
        { class: `readiness ${s.readiness}`, 'data-setup': s.id, 'data-readiness': s.readiness },
        h('span', { class: 'num' }, String(s.number)),
        h('h3', { title: txOther(s.name) }, tx(s.name)),
        h(
          'p',
          { class: 'state' },
          h('span', { class: 'dot', 'aria-hidden': 'true' }),
          t(`dash.readiness.${s.readiness}` as Key),
          s.score === undefined ? null : h('b', null, ` ${num(s.score)}`),
        ),
        h('p', { class: 'muted small' }, t('dash.setupAnswered', { a: s.answered, b: s.scored_items })),
      ),
    ),
  );

  const answered = r.items.filter((i) => i.score !== undefined);
  const standing = h(
    'table',
    { class: 'standing-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', null, t('dash.item')),
        h('th', null, t('dash.answer')),
        h('th', null, t('dash.score')),
        h('th', null, t('dash.atOrAbove')),
        h('th', null, t('dash.precision')),
      ),
    ),
    h(
      'tbody',
      null,
      answered.map((s) => {
        const item = q.items.find((i) => i.id === s.id);
        const opt = item && 'options' in item ? item.options.find((o) => o.key === s.answer) : undefined;
        const answerText = opt
          ? tx(opt.short ?? opt.text)
          : s.answer && ['in-house', 'outsourced', 'none'].includes(s.answer)
            ? t(`wiz.service.${s.answer}` as Key)
            : (s.answer ?? '');
        return h(
          'tr',
          { 'data-item': s.id },
          h(
            'td',
            { title: item ? txOther(item.text) : '' },
            h('span', { class: 'id' }, s.id),
            ' ',
            item ? tx(item.text) : '',
          ),
          h('td', { class: 'answer-text' }, answerText),
          h('td', null, s.score === undefined ? '' : num(s.score)),
          h('td', null, standingCell(s.standing)),
          h(
            'td',
            null,
            s.standing ? h('span', { class: `precision ${s.standing.precision}` }, t(`dash.precision.${s.standing.precision}` as Key)) : '',
          ),
        );
      }),
    ),
  );

  return h(
    'div',
    { class: 'screen dashboard', 'data-screen-id': 'dashboard' },
    await benchmarkChoice(app, view),
    h(
      'div',
      { class: 'dash-top' },
      overall,
      h('section', { class: 'card radar-card' }, h('h2', null, t('dash.radar')), await radar(view), areas),
    ),
    narrativeCard(app, view),
    await staffingCard(q, view),
    h('section', { class: 'card' }, h('h2', null, t('dash.setup', { n: q.setup_items.length })), setup),
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('dash.standing')),
      h('p', { class: 'muted small' }, t('dash.standingHelp')),
      standing,
    ),
  );
}
