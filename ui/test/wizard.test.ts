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
    expect(el.querySelector('[data-testid="overall-progress"]')!.textContent).toBe('2 / 7 問');
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
