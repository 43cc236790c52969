// The wizard: a fitting control per answer type, autosave of each change, clearing, "other"
// text, notes and progress.

import { describe, expect, test } from 'vitest';
import { renderWizard } from '../src/screens/wizard';
import { completeness, questionnaire, view } from './fixtures';
import { mockCommands, newApp, settle } from './helpers';

function setup(reply: (cmd: string, input: any) => unknown = () => completeness) {
  const calls = mockCommands((cmd, input) => (cmd === 'load_assessment' ? structuredClone(view) : reply(cmd, input)));
  const app = newApp();
  const v = structuredClone(view);
  app.view = v;
  const el = renderWizard(app, questionnaire, v);
  document.body.appendChild(el);
  return { calls, el };
}

const card = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`article[data-item="${id}"]`)!;

describe('wizard', () => {
  test('each answer type gets its control', async () => {
    const { el } = setup();
    await settle();
    expect(card(el, '1.1').querySelectorAll('input[type=radio]')).toHaveLength(2);
    expect(card(el, '1.2').querySelectorAll('input[type=checkbox]')).toHaveLength(2);
    expect(card(el, '1.5').querySelector('input.year-month')).not.toBeNull();
    expect(card(el, '3.3').querySelector('input[type=number]')).not.toBeNull();
    el.querySelector<HTMLButtonElement>('button.section-link[data-section="2"]')!.click();
    await settle();
    expect(card(el, '2.9.a').querySelectorAll('input[type=radio]')).toHaveLength(3);
    expect(card(el, '2.9.w').querySelector('textarea')).not.toBeNull();
    expect(card(el, '2.8').querySelectorAll('input[type=radio]')).toHaveLength(3);
    expect(el.querySelector('h3.group-heading[data-group="2.9"]')).not.toBeNull();
  });

  test('shows stored answers, and "not answered yet" apart from them', async () => {
    const { el } = setup();
    await settle();
    expect(card(el, '1.1').dataset.answered).toBe('true');
    expect(card(el, '1.1').querySelector<HTMLInputElement>('input[value=a]')!.checked).toBe(true);
    expect(card(el, '1.2').dataset.answered).toBe('false');
    expect(card(el, '1.2').querySelector('.badge')!.textContent).toBe('未回答');
    expect(card(el, '1.2').querySelector<HTMLButtonElement>('button.clear')!.disabled).toBe(true);
    // The comment already saved opens the notes.
    expect(card(el, '1.1').querySelector<HTMLDetailsElement>('details.notes')!.open).toBe(true);
  });

  test('a choice saves at once and updates the progress bars', async () => {
    const { el, calls } = setup(() => ({ ...completeness, answered: 2 }));
    await settle();
    const box = card(el, '1.2').querySelector<HTMLInputElement>('input[value=b]')!;
    box.click();
    await settle();
    expect(calls.at(-1)).toEqual({
      cmd: 'save_answer',
      input: { assessment_id: 7, respondent_id: null, item: '1.2', answer: ['b'], other_text: null },
    });
    expect(el.querySelector('[data-testid="overall-progress"]')!.textContent).toBe('7 問中 2 問に回答（見出しを除くすべての設問。採点対象外を含む）');
    expect(el.querySelector('.save-status')!.getAttribute('data-state')).toBe('saved');
  });

  test('typing "other" text chooses the other option and saves the text with it', async () => {
    const { el, calls } = setup();
    await settle();
    const other = card(el, '1.1').querySelector<HTMLInputElement>('input[data-role=other]')!;
    other.value = '調査部';
    other.dispatchEvent(new Event('input', { bubbles: true }));
    other.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(card(el, '1.1').querySelector<HTMLInputElement>('input[value=j]')!.checked).toBe(true);
    expect(calls.at(-1)).toEqual({
      cmd: 'save_answer',
      input: { assessment_id: 7, respondent_id: null, item: '1.1', answer: 'j', other_text: '調査部' },
    });
  });

  test('numbers are sent as numbers, and emptying a field clears the answer', async () => {
    const { el, calls } = setup();
    await settle();
    const input = card(el, '3.3').querySelector<HTMLInputElement>('input')!;
    input.value = '12';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(calls.at(-1)?.input).toMatchObject({ item: '3.3', answer: 12 });
    input.value = '';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(calls.at(-1)).toEqual({ cmd: 'clear_answer', input: { assessment_id: 7, respondent_id: null, item: '3.3' } });
  });

  test('clear answer empties the control and marks the item not answered', async () => {
    const { el, calls } = setup();
    await settle();
    card(el, '1.1').querySelector<HTMLButtonElement>('button.clear')!.click();
    await settle();
    expect(calls.at(-1)).toEqual({ cmd: 'clear_answer', input: { assessment_id: 7, respondent_id: null, item: '1.1' } });
    expect(card(el, '1.1').dataset.answered).toBe('false');
    expect(card(el, '1.1').querySelector<HTMLInputElement>('input[value=a]')!.checked).toBe(false);
  });

  test('a cleared answer can be undone: the answer and its control come back', async () => {
    const { el, calls } = setup();
    await settle();
    card(el, '1.1').querySelector<HTMLButtonElement>('button.clear')!.click();
    await settle();
    const undoBox = card(el, '1.1').querySelector<HTMLElement>('[data-testid="undo-box"]')!;
    expect(undoBox.hidden).toBe(false);
    expect(undoBox.textContent).toContain('1.1 の回答を消しました');
    undoBox.querySelector<HTMLButtonElement>('[data-testid="undo"]')!.click();
    await settle();
    expect(calls.at(-1)).toEqual({
      cmd: 'save_answer',
      input: { assessment_id: 7, respondent_id: null, item: '1.1', answer: 'a', other_text: null },
    });
    expect(card(el, '1.1').dataset.answered).toBe('true');
    expect(card(el, '1.1').querySelector<HTMLInputElement>('input[value=a]')!.checked).toBe(true);
    expect(card(el, '1.1').querySelector<HTMLElement>('[data-testid="undo-box"]')!.hidden).toBe(true);
  });

  test('each autosave shows "saved" on its item and the time in the side bar', async () => {
    const { el } = setup();
    await settle();
    const own = card(el, '1.2').querySelector<HTMLElement>('[data-testid="card-status"]')!;
    expect(own.textContent).toBe('');
    card(el, '1.2').querySelector<HTMLInputElement>('input[value=a]')!.click();
    await settle();
    expect(own.dataset.state).toBe('saved');
    expect(own.textContent).toBe('保存しました');
    expect(el.querySelector('.save-status')!.textContent).toMatch(/^保存しました（\d{1,2}:\d{2}:\d{2}）$/);
    // Another item's card is untouched.
    expect(card(el, '1.1').querySelector('[data-testid="card-status"]')!.textContent).toBe('');
  });

  test('search finds items in every section, and "next unanswered" walks the unanswered ones', async () => {
    const { el } = setup();
    await settle();
    const search = el.querySelector<HTMLInputElement>('[data-testid="wiz-search"]')!;
    search.value = '部署';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    const shown = () => [...el.querySelectorAll<HTMLElement>('article.item')].map((c) => c.dataset.item);
    expect(shown()).toEqual(['1.1', '1.2']);
    expect(el.querySelector('[data-testid="find-status"]')!.textContent).toBe('2 問が見つかりました。');
    // By item number too, across sections.
    search.value = '2.8';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 300));
    await settle();
    expect(shown()).toEqual(['2.8']);
    // Unanswered only: 1.1 is answered, so it is left out.
    search.value = '';
    const only = el.querySelector<HTMLInputElement>('[data-testid="unanswered-only"]')!;
    only.checked = true;
    only.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(shown()).toEqual(['1.2', '1.5', '3.3', '2.9.a', '2.9.w', '2.8']);
    // Back to the sections; "next unanswered" from 1.1 goes to 1.2, then on.
    el.querySelector<HTMLButtonElement>('[data-testid="clear-search"]')!.click();
    await settle();
    card(el, '1.1').querySelector<HTMLInputElement>('input[value=a]')!.focus();
    const next = el.querySelector<HTMLButtonElement>('[data-testid="next-unanswered"]')!;
    next.click();
    await settle();
    expect((document.activeElement as HTMLElement).closest('article')!.dataset.item).toBe('1.2');
    next.click();
    await settle();
    expect((document.activeElement as HTMLElement).closest('article')!.dataset.item).toBe('1.5');
  });

  test('Alt+↓ and Alt+↑ move between items, and plain arrows are left to the controls', async () => {
    const { el } = setup();
    await settle();
    const radio = card(el, '1.1').querySelector<HTMLInputElement>('input[value=a]')!;
    radio.focus();
    const key = (k: string, alt: boolean, shift = false) =>
      (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: k, altKey: alt, shiftKey: shift, bubbles: true, cancelable: true }));
    expect(key('ArrowDown', false)).toBe(true);
    expect((document.activeElement as HTMLElement).closest('article')!.dataset.item).toBe('1.1');
    expect(key('ArrowDown', true)).toBe(false);
    await settle();
    expect((document.activeElement as HTMLElement).closest('article')!.dataset.item).toBe('1.2');
    key('ArrowUp', true);
    await settle();
    expect((document.activeElement as HTMLElement).closest('article')!.dataset.item).toBe('1.1');
    key('ArrowDown', true, true);
    await settle();
    expect((document.activeElement as HTMLElement).closest('article')!.dataset.item).toBe('1.2');
  });

  test('a reconstructed item shows a badge with its note behind a disclosure', async () => {
    const q = structuredClone(questionnaire);
    const item = q.items.find((i) => i.id === '1.5')!;
    item.reconstructed = true;
    item.note = { ja: '表から失われました。', en: 'Lost from the table.' };
    mockCommands((cmd) => (cmd === 'load_assessment' ? structuredClone(view) : completeness));
    const app = newApp();
    const v = structuredClone(view);
    app.view = v;
    const el = renderWizard(app, q, v);
    document.body.appendChild(el);
    await settle();
    const box = card(el, '1.5').querySelector<HTMLDetailsElement>('details[data-testid="reconstructed"]')!;
    expect(box.open).toBe(false);
    expect(box.querySelector('summary')!.textContent).toBe('再構成');
    expect(box.querySelector('.reconstructed-note')!.textContent).toBe('表から失われました。');
    expect(card(el, '1.1').querySelector('[data-testid="reconstructed"]')).toBeNull();
  });

  test('a refused answer shows the reason on the item', async () => {
    const { el } = setup((cmd) => {
      if (cmd === 'save_answer') throw { kind: 'invalid-input', message: '項目 1.5: "2019-13" は年月ではありません', problems: [] };
      return completeness;
    });
    await settle();
    const input = card(el, '1.5').querySelector<HTMLInputElement>('input')!;
    input.value = '2019-13';
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(card(el, '1.5').querySelector('.item-error')!.textContent).toBe('項目 1.5: "2019-13" は年月ではありません');
    expect(el.querySelector('.save-status')!.getAttribute('data-state')).toBe('failed');
  });

  test('comment and evidence are saved as a note', async () => {
    const { el, calls } = setup();
    await settle();
    const ev = card(el, '1.2').querySelector<HTMLInputElement>('input[data-role=evidence]')!;
    ev.value = '規程 v3';
    ev.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(calls.at(-1)).toEqual({
      cmd: 'save_note',
      input: { assessment_id: 7, respondent_id: null, item: '1.2', comment: null, evidence: '規程 v3' },
    });
  });

  test('the other language is on hover and behind a toggle', async () => {
    const { el } = setup();
    await settle();
    const c = card(el, '1.1');
    expect(c.querySelector('h3')!.getAttribute('title')).toBe('Department that led the set-up');
    const other = c.querySelector<HTMLElement>('.other-lang')!;
    expect(other.hidden).toBe(true);
    c.querySelector<HTMLButtonElement>('button.toggle-lang')!.click();
    expect(other.hidden).toBe(false);
    expect(other.textContent).toBe('Department that led the set-up');
  });
});
