// The Action plan screen and "add to plan" on a gap, against a mocked shell: the three states
// of the scenario shown in words, the filters, each change sent as typed, and the
// gap's form.

import { describe, expect, test, beforeEach } from 'vitest';
import { renderPlan, resetPlanFilters } from '../src/screens/plan';
import { renderGaps } from '../src/screens/gaps';
import type { ActionView, PlanView } from '../src/bindings';
import { setLang } from '../src/i18n';
import { questionnaire, view } from './fixtures';
import { mockCommands, newApp, settle } from './helpers';

function action(id: string, over: Partial<ActionView>): ActionView {
  return {
    id,
    items: ['2.8'],
    title: `Action ${id}`,
    owner: 'Sato',
    due: '2099-12-31',
    status: 'planned',
    achieved_in: null,
    flag: null,
    overdue: false,
    state: 'open',
    targets: { '2.8': 'a' },
    created: '2026-01-10',
    last_status_change: '2026-01-10',
    notes: [],
    origin: '2026-01-10',
    ...over,
  };
}

const plan: PlanView = {
  actions: [
    action('act-a', { achieved_in: '2027-04-01', state: 'achieved' }),
    action('act-b', { status: 'done', flag: 'done-but-answers-did-not-move', state: 'flagged', owner: 'Ito' }),
    action('act-c', { due: '2020-01-31', overdue: true, state: 'overdue' }),
  ],
  open_over_time: [{ date: '2026-01-10', open: 3 }],
  svg: '<svg xmlns="http://www.w3.org/2000/svg"><text>Open actions</text></svg>',
  today: '2027-05-01',
};

beforeEach(() => resetPlanFilters());

describe('action plan', () => {
  test('shows achieved, flagged and overdue in words, not by colour alone', async () => {
    mockCommands((cmd) => (cmd === 'action_plan' ? plan : null));
    const app = newApp();
    setLang('en');
    const el = await renderPlan(app, questionnaire, view);
    const rows = [...el.querySelectorAll<HTMLElement>('tr.action-row')];
    expect(rows.map((r) => r.dataset.state)).toEqual(['achieved', 'flagged', 'overdue']);
    expect(rows[0].querySelector('[data-testid="achieved-in"]')!.textContent).toContain('1 Apr 2027');
    expect(rows[1].querySelector('[data-testid="flag"]')!.textContent).toBe('Done, but the answers did not move');
    expect(rows[2].classList.contains('overdue')).toBe(true);
    expect(rows[2].querySelector('td.result')!.textContent).toContain('Overdue');
    expect(el.querySelector('[data-testid="plan-chart"] svg')).not.toBeNull();
  });

  test('filters by owner, status and overdue', async () => {
    mockCommands((cmd) => (cmd === 'action_plan' ? plan : null));
    const el = await renderPlan(newApp(), questionnaire, view);
    const ids = () => [...el.querySelectorAll<HTMLElement>('tr.action-row')].map((r) => r.dataset.action);
    const owner = el.querySelector<HTMLSelectElement>('select[data-filter="owner"]')!;
    owner.value = 'Ito';
    owner.dispatchEvent(new Event('change'));
    expect(ids()).toEqual(['act-b']);
    const reset = el.querySelector<HTMLSelectElement>('select[data-filter="owner"]')!;
    reset.value = '';
    reset.dispatchEvent(new Event('change'));
    const status = el.querySelector<HTMLSelectElement>('select[data-filter="status"]')!;
    status.value = 'planned';
    status.dispatchEvent(new Event('change'));
    expect(ids()).toEqual(['act-a', 'act-c']);
    const overdue = el.querySelector<HTMLInputElement>('input[data-filter="overdue"]')!;
    overdue.checked = true;
    overdue.dispatchEvent(new Event('change'));
    expect(ids()).toEqual(['act-c']);
  });

  test('a status, owner and note are each sent to the store, and the answer redraws', async () => {
    const updated: PlanView = structuredClone(plan);
    updated.actions[2] = { ...updated.actions[2], status: 'in-progress', state: 'overdue' };
    const calls = mockCommands((cmd) => (cmd === 'action_plan' ? plan : cmd === 'update_action' ? updated : null));
    const el = await renderPlan(newApp(), questionnaire, view);
    const row = () => el.querySelector<HTMLElement>('tr[data-action="act-c"]')!;
    const select = row().querySelector<HTMLSelectElement>('select[data-field="status"]')!;
    select.value = 'in-progress';
    select.dispatchEvent(new Event('change'));
    await settle();
    expect(calls.at(-1)).toEqual({
      cmd: 'update_action',
      input: { assessment_id: 7, action_id: 'act-c', status: 'in-progress', title: null, owner: null, due: null, note: null, language: 'ja' },
    });
    expect(row().querySelector<HTMLSelectElement>('select[data-field="status"]')!.value).toBe('in-progress');
    const owner = row().querySelector<HTMLInputElement>('input[data-field="owner"]')!;
    owner.value = 'Suzuki';
    owner.dispatchEvent(new Event('change'));
    await settle();
    expect((calls.at(-1)!.input as { owner: string }).owner).toBe('Suzuki');
    const note = row().querySelector<HTMLInputElement>('input[data-field="note"]')!;
    note.value = 'asked the CISO';
    row().querySelector<HTMLButtonElement>('button[data-action="add-note"]')!.click();
    await settle();
    expect((calls.at(-1)!.input as { note: string }).note).toBe('asked the CISO');
  });

  test('a refused change shows the error and keeps the plan', async () => {
    mockCommands((cmd) => {
      if (cmd === 'action_plan') return plan;
      throw { kind: 'invalid-input', message: '期限: 日付 "2026-02-30" は暦にありません', problems: [] };
    });
    const app = newApp();
    const el = await renderPlan(app, questionnaire, view);
    document.body.appendChild(el);
    const due = el.querySelector<HTMLInputElement>('tr[data-action="act-a"] input[data-field="due"]')!;
    due.value = '2026-02-30';
    due.dispatchEvent(new Event('change'));
    await settle();
    expect(document.querySelector('.banner .error')!.textContent).toContain('2026-02-30');
    expect(el.querySelectorAll('tr.action-row').length).toBe(3);
  });
});

describe('add to plan', () => {
  test('a gap offers "add to plan" and sends its item, owner and due date', async () => {
    const calls = mockCommands((cmd) => (cmd === 'add_action' ? plan : null));
    const el = renderGaps(newApp(), questionnaire, view);
    const box = el.querySelector<HTMLElement>('[data-add-to-plan="2.8"]')!;
    box.querySelector<HTMLButtonElement>('button[data-action="add-to-plan"]')!.click();
    box.querySelector<HTMLInputElement>('input[data-field="owner"]')!.value = 'Sato';
    box.querySelector<HTMLInputElement>('input[data-field="due"]')!.value = '2026-09-30';
    box.querySelector<HTMLButtonElement>('button[data-action="create-action"]')!.click();
    await settle();
    expect(calls.at(-1)).toEqual({
      cmd: 'add_action',
      input: { assessment_id: 7, items: ['2.8'], title: null, owner: 'Sato', due: '2026-09-30', language: 'ja' },
    });
    expect(box.textContent).toBe('対策計画に追加しました');
  });
});
