// The Action plan: the open assessment's actions (its own and those carried over) with what the
// core works out for each (achieved in a later assessment, done but the answers did not move,
// overdue), filters by owner, status and overdue, each change saved as typed, the open-actions
// chart (csirt-report's SVG) and the POA&M export.

import { call } from '../api';
import type { App } from '../app';
import type { ActionStatus, ActionView, AssessmentView, PlanView, Questionnaire } from '../bindings';
import { debounce, h, mount } from '../dom';
import { formatDate, lang, t, tx, txOther, type Key } from '../i18n';

const STATUSES: ActionStatus[] = ['planned', 'in-progress', 'done', 'dropped'];

/** The filters, kept while the app runs (a save re-renders the table). */
const filters = { owner: '', status: '' as '' | ActionStatus, overdue: false };

/** Resets the filters (tests). */
export function resetPlanFilters(): void {
  filters.owner = '';
  filters.status = '';
  filters.overdue = false;
}

function chart(svg: string): HTMLElement {
  const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  if (root.nodeName !== 'svg') return h('div');
  const node = document.importNode(root, true);
  node.setAttribute('role', 'img');
  node.setAttribute('aria-label', t('plan.chart'));
  return h('div', { class: 'plan-chart', 'data-testid': 'plan-chart' }, node);
}

/** What the core says about an action, in words (and a symbol), never by colour alone. */
function result(a: ActionView): HTMLElement {
  const lines: (HTMLElement | string)[] = [h('strong', { class: 'state-label' }, t(`plan.state.${a.state}` as Key))];
  if (a.achieved_in) lines.push(h('span', { class: 'block small', 'data-testid': 'achieved-in' }, t('plan.achievedIn', { date: formatDate(a.achieved_in) })));
  if (a.flag) lines.push(h('span', { class: 'block small', 'data-testid': 'flag' }, t('plan.flag')));
  if (a.overdue) lines.push(h('span', { class: 'block small' }, t('plan.overdueSince', { date: formatDate(a.due) })));
  return h('td', { class: 'result', 'data-state': a.state }, lines);
}

export async function renderPlan(app: App, q: Questionnaire, view: AssessmentView): Promise<HTMLElement> {
  const root = h('div', { class: 'screen plan', 'data-screen-id': 'plan' });
  const id = view.row.id;
  const byId = new Map(q.items.map((i) => [i.id, i]));
  let plan: PlanView = await call('action_plan', { assessment_id: id, language: lang() });
  const status = h('p', { class: 'muted small', role: 'status', 'aria-live': 'polite' });

  const save = (action: ActionView, change: { status?: ActionStatus; owner?: string; due?: string; note?: string }) =>
    call('update_action', {
      assessment_id: id,
      action_id: action.id,
      status: change.status ?? null,
      title: null,
      owner: change.owner ?? null,
      due: change.due ?? null,
      note: change.note ?? null,
      language: lang(),
    })
      .then((p) => {
        plan = p;
        app.clearError();
        status.textContent = t('plan.saved');
        // Only the result cells change while typing; a status or note redraws the table.
        if (change.status !== undefined || change.note !== undefined) draw();
        else refreshResults();
      })
      .catch((e) => app.showError(e));

  const row = (a: ActionView) => {
    const typedOwner = debounce((v: string) => void save(a, { owner: v }), 500);
    const typedDue = debounce((v: string) => void save(a, { due: v }), 500);
    const owner = h('input', {
      type: 'text',
      value: a.owner,
      'data-field': 'owner',
      'aria-label': t('plan.ownerFor', { id: a.id }),
      oninput: () => typedOwner(owner.value),
      onchange: () => typedOwner.now(owner.value),
    });
    const due = h('input', {
      type: 'text',
      inputmode: 'numeric',
      placeholder: 'YYYY-MM-DD',
      size: 11,
      value: a.due,
      'data-field': 'due',
      'aria-label': t('plan.dueFor', { id: a.id }),
      oninput: () => typedDue(due.value),
      onchange: () => typedDue.now(due.value),
    });
    const select = h(
      'select',
      {
        'data-field': 'status',
        'aria-label': t('plan.statusFor', { id: a.id }),
        onchange: () => void save(a, { status: select.value as ActionStatus }),
      },
      STATUSES.map((s) => h('option', { value: s, selected: s === a.status }, t(`plan.status.${s}` as Key))),
    );
    const note = h('input', { type: 'text', 'data-field': 'note', 'aria-label': t('plan.noteFor', { id: a.id }) });
    const addNote = h(
      'button',
      {
        class: 'small',
        'data-action': 'add-note',
        onclick: () => {
          if (note.value.trim()) void save(a, { note: note.value });
        },
      },
      t('plan.note'),
    );
    const notes = a.notes.length
      ? h(
          'details',
          null,
          h('summary', null, t('plan.notes', { n: a.notes.length })),
          h(
            'ul',
            { class: 'notes' },
            a.notes.map((n) =>
              h('li', null, h('span', { class: 'muted' }, formatDate(n.date)), ' ', n.status ? t('plan.changedTo', { status: t(`plan.status.${n.status}` as Key) }) + ' ' : '', n.text ?? ''),
            ),
          ),
        )
      : null;
    return h(
      'tr',
      {
        class: 'action-row' + (a.overdue ? ' overdue' : '') + ` state-${a.state}`,
        'data-action': a.id,
        'data-state': a.state,
        'data-overdue': String(a.overdue),
      },
      h(
        'td',
        null,
        a.items.map((i) => {
          const item = byId.get(i);
          return h('span', { class: 'id block', title: item ? `${tx(item.text)}\n${txOther(item.text)}` : undefined }, i);
        }),
      ),
      h('td', { class: 'title' }, a.title, a.origin && a.origin !== view.row.date ? h('span', { class: 'muted small block' }, t('plan.carried', { date: formatDate(a.origin) })) : null),
      h('td', null, owner),
      h('td', null, due),
      h('td', null, select),
      result(a),
      h('td', { class: 'notes-cell' }, notes, h('div', { class: 'note-add' }, note, addNote)),
    );
  };

  const shown = () =>
    plan.actions.filter(
      (a) =>
        (!filters.owner || a.owner === filters.owner) &&
        (!filters.status || a.status === filters.status) &&
        (!filters.overdue || a.overdue),
    );

  const table = h('div', { class: 'plan-table-wrap' });
  const chartBox = h('div');

  /** Updates the result cells (and row classes) without replacing the inputs being typed in. */
  const refreshResults = () => {
    for (const a of plan.actions) {
      const tr = table.querySelector<HTMLElement>(`tr[data-action="${CSS.escape(a.id)}"]`);
      if (!tr) continue;
      tr.className = 'action-row' + (a.overdue ? ' overdue' : '') + ` state-${a.state}`;
      tr.dataset.state = a.state;
      tr.dataset.overdue = String(a.overdue);
      tr.querySelector('td.result')?.replaceWith(result(a));
    }
    mount(chartBox, chart(plan.svg));
  };

  const filterBar = () => {
    const owners = [...new Set(plan.actions.map((a) => a.owner))].sort();
    const ownerSel = h(
      'select',
      { 'data-filter': 'owner', onchange: () => ((filters.owner = ownerSel.value), draw()) },
      h('option', { value: '', selected: filters.owner === '' }, t('plan.filter.all')),
      owners.map((o) => h('option', { value: o, selected: filters.owner === o }, o)),
    );
    const statusSel = h(
      'select',
      { 'data-filter': 'status', onchange: () => ((filters.status = statusSel.value as '' | ActionStatus), draw()) },
      h('option', { value: '', selected: filters.status === '' }, t('plan.filter.all')),
      STATUSES.map((s) => h('option', { value: s, selected: filters.status === s }, t(`plan.status.${s}` as Key))),
    );
    const overdue = h('input', {
      type: 'checkbox',
      'data-filter': 'overdue',
      checked: filters.overdue,
      onchange: () => ((filters.overdue = overdue.checked), draw()),
    });
    return h(
      'fieldset',
      { class: 'plan-filters' },
      h('legend', null, t('plan.filters')),
      h('label', null, t('plan.filter.owner'), ' ', ownerSel),
      ' ',
      h('label', null, t('plan.filter.status'), ' ', statusSel),
      ' ',
      h('label', null, overdue, ' ', t('plan.filter.overdue')),
    );
  };

  const exportButtons = () => {
    const out = h('span', { class: 'muted small', 'data-testid': 'plan-exported' });
    const button = (format: 'csv' | 'xlsx') =>
      h(
        'button',
        {
          'data-export': format,
          onclick: () =>
            call('export_plan', { assessment_id: id, format, language: lang() })
              .then((saved) => {
                out.textContent = saved.path ? t('plan.exported', { path: saved.path }) : '';
              })
              .catch((e) => app.showError(e)),
        },
        t(`plan.export.${format}` as Key),
      );
    return h('div', { class: 'actions' }, button('csv'), ' ', button('xlsx'), ' ', out);
  };

  function draw(): void {
    const list = shown();
    mount(
      table,
      plan.actions.length === 0
        ? h('p', { class: 'muted', 'data-testid': 'plan-empty' }, t('plan.none'))
        : list.length === 0
          ? h('p', { class: 'muted' }, t('plan.noneShown'))
          : h(
              'table',
              { class: 'plan-table', 'data-testid': 'plan-table' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  (['items', 'title', 'owner', 'due', 'status', 'result', 'notes'] as const).map((c) => h('th', null, t(`plan.col.${c}` as Key))),
                ),
              ),
              h('tbody', null, list.map(row)),
            ),
    );
    mount(chartBox, chart(plan.svg));
    mount(
      root,
      h(
        'section',
        { class: 'card' },
        h('h2', null, t('plan.heading')),
        h('p', { class: 'muted small' }, t('plan.help')),
        filterBar(),
        exportButtons(),
        status,
        table,
      ),
      h('section', { class: 'card' }, h('h2', null, t('plan.chart')), chartBox),
    );
  }
  draw();
  return root;
}
