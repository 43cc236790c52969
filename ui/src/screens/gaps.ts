// Gaps and roadmap: the prioritised gaps from csirt-scoring, a target per scored item that the
// user can change (the store recomputes and the list re-orders at once), the assessor's note on
// each gap ("why it matters here", saved as typed), and the roadmap. Each gap and roadmap step
// is stated as its item's action phrase ("Document … and have them approved") where the data
// has one. The table's headers stay in view while it scrolls.

import { call } from '../api';
import type { App } from '../app';
import type { AssessmentView, Item, Phase, Questionnaire } from '../bindings';
import { h, mount } from '../dom';
import { lang, num, t, tx, txOther, type Key } from '../i18n';
import { standingCell } from './dashboard';
import { benchmarkLine } from './benchmarks';
import { gapNote, Saver } from './narrative';

/** The levelled answers of a scored item, as (key, label) in option order. */
function levelled(item: Item): { key: string; label: string }[] {
  if (item.type === 'service') {
    return (['in-house', 'outsourced', 'none'] as const).map((k) => ({ key: k, label: t(`wiz.service.${k}` as Key) }));
  }
  if ('options' in item) {
    // 「承認 (b)」: the words first, the key after.
    return item.options.filter((o) => o.level !== undefined).map((o) => ({ key: o.key, label: `${tx(o.short ?? o.text)} (${o.key})` }));
  }
  return [];
}

function label(item: Item | undefined, key: string): string {
  if (!item) return key;
  return levelled(item).find((l) => l.key === key)?.label ?? key;
}

/** What to do about an item: its action phrase, else its question. */
export function actionOf(item: Item | undefined): string {
  if (!item) return '';
  return tx(item.action ?? item.text);
}

/** The target of an item: each level in words with its key (「承認 (b)」), the default marked
 * 「既定」 in words. Choosing the default removes the override. */
function targetSelect(app: App, item: Item, view: AssessmentView, rerender: (v: AssessmentView) => void) {
  const score = view.report.items.find((i) => i.id === item.id);
  const override = view.assessment.targets?.[item.id];
  // Without an override the target in use is the default, so its key is known.
  const defaultKey = override === undefined ? score?.target.key : undefined;
  const select = h(
    'select',
    {
      'data-target-for': item.id,
      'aria-label': t('gaps.targetFor', { item: item.id }),
      onchange: () => {
        const key = select.value === '' ? null : select.value;
        call('set_target', { assessment_id: view.row.id, item: item.id, key })
          .then((v) => {
            app.view = v;
            rerender(v);
          })
          .catch((e) => app.showError(e));
      },
    },
    override !== undefined ? h('option', { value: '' }, t('gaps.backToDefault')) : null,
    levelled(item).map((l) =>
      l.key === defaultKey
        ? h('option', { value: '', selected: true }, t('gaps.defaultMarked', { label: l.label }))
        : h('option', { value: l.key, selected: override === l.key }, l.label),
    ),
  );
  return select;
}

/** "Add to plan" on a gap: a small form (owner, due date, optional title; blank takes the
 * recommendation) that adds an action for the item to the open assessment's plan. */
function addToPlan(app: App, view: AssessmentView, item: string): HTMLElement {
  const box = h('div', { class: 'add-to-plan', 'data-add-to-plan': item });
  const open = h(
    'button',
    { class: 'small', 'data-action': 'add-to-plan', 'aria-label': t('plan.addFor', { item }), onclick: () => form() },
    t('plan.add'),
  );
  const form = () => {
    const owner = h('input', { type: 'text', 'data-field': 'owner', 'aria-label': t('plan.col.owner'), placeholder: t('plan.col.owner') });
    const due = h('input', { type: 'text', 'data-field': 'due', inputmode: 'numeric', size: 11, 'aria-label': t('plan.col.due'), placeholder: 'YYYY-MM-DD' });
    const title = h('input', { type: 'text', 'data-field': 'title', 'aria-label': t('plan.col.title'), placeholder: t('plan.titlePlaceholder') });
    const submit = h(
      'button',
      {
        class: 'small primary',
        'data-action': 'create-action',
        onclick: () =>
          call('add_action', {
            assessment_id: view.row.id,
            items: [item],
            title: title.value.trim() ? title.value : null,
            owner: owner.value,
            due: due.value,
            language: lang(),
          })
            .then(() => {
              app.clearError();
              mount(box, h('span', { class: 'ok small', role: 'status' }, t('plan.added')));
            })
            .catch((e) => app.showError(e)),
      },
      t('plan.create'),
    );
    mount(box, owner, due, title, submit);
    owner.focus();
  };
  mount(box, open);
  return box;
}

export function renderGaps(app: App, q: Questionnaire, view: AssessmentView): HTMLElement {
  const root = h('div', { class: 'screen gaps', 'data-screen-id': 'gaps' });
  // The assessor's notes on gaps: one save queue, and what was typed kept across redraws.
  const saver = new Saver();
  const typedNotes = new Map<string, string>();
  const draw = (v: AssessmentView) => {
    const byId = new Map(q.items.map((i) => [i.id, i]));
    const gaps = v.report.gaps;
    const rerender = (nv: AssessmentView) => {
      draw(nv);
      root.querySelector<HTMLElement>(`select[data-target-for]`)?.blur();
    };
    const list = gaps.length
      ? h(
          'table',
          { class: 'gap-table' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, t('gaps.rank')),
              h('th', { scope: 'col' }, t('gaps.item')),
              h('th', { scope: 'col' }, t('gaps.current')),
              h('th', { scope: 'col' }, t('gaps.target')),
              h('th', { scope: 'col', title: t('gaps.gapHelp') }, t('gaps.gap'), h('span', { class: 'unit block' }, t('gaps.gapUnit'))),
              h('th', { scope: 'col', title: t('gaps.priorityHelp') }, t('gaps.priority'), h('span', { class: 'unit block' }, t('gaps.priorityUnit'))),
              h('th', { scope: 'col' }, t('gaps.peers')),
              h('th', { scope: 'col' }, t('plan.add')),
            ),
          ),
          h(
            'tbody',
            null,
            gaps.map((g) => {
              const item = byId.get(g.item);
              const prio = h('div', { class: 'bar small-bar' });
              const fill = h('div', { class: 'you' });
              fill.style.width = `${Math.min(g.priority, 100)}%`;
              prio.appendChild(fill);
              return [
                h(
                  'tr',
                  { class: 'gap-row', 'data-gap': g.item, 'data-rank': g.rank, 'data-priority': g.priority },
                  h('td', { class: 'rank' }, String(g.rank)),
                  h(
                    'td',
                    { title: txOther(g.text) },
                    h('span', { class: 'id' }, g.item),
                    ' ',
                    h('span', { class: 'gap-action', 'data-testid': 'gap-action' }, actionOf(item) || tx(g.text)),
                    item?.action ? h('span', { class: 'muted small block' }, tx(g.text)) : null,
                  ),
                  h('td', { class: 'answer-text' }, label(item, g.current_key)),
                  h('td', null, item ? targetSelect(app, item, v, rerender) : g.target_key),
                  h(
                    'td',
                    { class: 'gap-share', 'data-share': g.share, title: t('common.points', { n: num(g.gap) }) },
                    t('gaps.shareLeft', { n: num(g.share) }),
                  ),
                  h(
                    'td',
                    { class: 'prio', title: tx(g.why), 'data-why': tx(g.why) },
                    h('b', null, num(g.priority)),
                    h('span', { class: 'visually-hidden' }, ' / 100'),
                    prio,
                  ),
                  h('td', null, standingCell(g.peers_at_target)),
                  h('td', null, addToPlan(app, v, g.item)),
                ),
                g.recommendation
                  ? h(
                      'tr',
                      { class: 'advice-row' },
                      h('td'),
                      h('td', { colspan: '7', title: txOther(g.recommendation) }, h('span', { class: 'muted' }, t('gaps.advice'), ': '), tx(g.recommendation)),
                    )
                  : null,
                h(
                  'tr',
                  { class: 'note-row' },
                  h('td'),
                  h('td', { colspan: '6' }, gapNote(app, v, g.item, saver, typedNotes)),
                ),
              ];
            }),
          ),
        )
      : h('p', { class: 'muted' }, t('gaps.none'));

    const phases: Phase[] = ['now', 'next-six-months', 'next-year'];
    const roadmap = h(
      'div',
      { class: 'roadmap' },
      phases.map((p) => {
        const entries = v.roadmap.entries.filter((e) => e.phase === p);
        return h(
          'section',
          { class: `phase ${p}`, 'data-phase': p },
          h('h3', null, t(`gaps.phase.${p}` as Key)),
          entries.length
            ? h(
                'ol',
                null,
                entries.map((e) => {
                  const item = byId.get(e.item);
                  return h(
                    'li',
                    { 'data-item': e.item, title: item ? txOther(item.text) : '' },
                    h('span', { class: 'id' }, e.item),
                    ' ',
                    actionOf(item),
                    e.prerequisites.length
                      ? h('span', { class: 'muted small block' }, t('gaps.after', { items: e.prerequisites.join(', ') }))
                      : null,
                    e.pulled_forward ? h('span', { class: 'muted small block' }, t('gaps.pulled')) : null,
                  );
                }),
              )
            : h('p', { class: 'muted small' }, t('gaps.phaseEmpty')),
        );
      }),
    );

    // Items without a gap can still take a target (e.g. aiming above the default).
    const scored = q.items.filter((i) => i.scored && !gaps.some((g) => g.item === i.id));
    const targets = h(
      'details',
      { class: 'card other-targets' },
      h('summary', null, t('gaps.targetsHeading')),
      h('p', { class: 'muted small' }, t('gaps.targetsHelp')),
      h(
        'table',
        null,
        h(
          'tbody',
          null,
          scored.map((i) =>
            h(
              'tr',
              null,
              h('td', { title: txOther(i.text) }, h('span', { class: 'id' }, i.id), ' ', tx(i.text)),
              h('td', null, targetSelect(app, i, v, rerender)),
            ),
          ),
        ),
      ),
    );

    mount(
      root,
      h(
        'section',
        { class: 'card' },
        h('h2', null, t('gaps.heading')),
        h('p', { class: 'muted small', 'data-testid': 'gaps-benchmark' }, t('bench.inUse'), ': ', benchmarkLine(v)),
        h('p', { class: 'muted small' }, t('gaps.targetsHelp')),
        list,
        saver.status,
        saver.error,
      ),
      h('section', { class: 'card' }, h('h2', null, t('gaps.roadmap')), roadmap),
      targets,
    );
  };
  draw(view);
  // The table's sticky headers sit just under the app's header, however tall it wrapped.
  requestAnimationFrame(() => {
    const header = document.querySelector<HTMLElement>('header.top');
    if (header) root.style.setProperty('--header-h', `${header.offsetHeight}px`);
  });
  return root;
}
