// The assessor's own words: the dashboard's executive message and key findings, and the gaps
// screen's note per gap, saved as typed through the mocked shell, marked as the assessor's.

import { describe, expect, test, vi } from 'vitest';
import { renderDashboard } from '../src/screens/dashboard';
import { renderGaps } from '../src/screens/gaps';
import { MAX_FINDINGS, narrativeCard } from '../src/screens/narrative';
import type { AssessmentView } from '../src/bindings';
import { setLang } from '../src/i18n';
import { questionnaire, view } from './fixtures';
import { mockCommands, newApp, settle } from './helpers';

function withNarrative(): AssessmentView {
  const v: AssessmentView = structuredClone(view);
  v.assessment.narrative = {
    message: '経営層へ。\n\n法務への連絡を整えてください。',
    findings: ['訓練が形だけ', 'Escalation missing'],
    gap_notes: { '2.8': '監査で指摘されました' },
  };
  return v;
}

function type(el: HTMLTextAreaElement, text: string, event: 'input' | 'change' = 'change'): void {
  el.value = text;
  el.dispatchEvent(new Event(event));
}

describe('dashboard: executive message and key findings', () => {
  test('shows what was written, marked as the assessor’s text', async () => {
    mockCommands((cmd) => (cmd === 'radar_svg' ? '<svg xmlns="http://www.w3.org/2000/svg"/>' : null));
    const app = newApp();
    const el = await renderDashboard(app, questionnaire, withNarrative());
    const card = el.querySelector('[data-testid="narrative"]')!;
    expect(card.querySelector('h2')!.textContent).toContain('経営層へのメッセージと主な所見');
    expect(card.querySelector('.assessor-mark')!.textContent).toBe('評価者の記述');
    expect(card.querySelector<HTMLTextAreaElement>('[data-testid="narrative-message"]')!.value).toBe(
      '経営層へ。\n\n法務への連絡を整えてください。',
    );
    const findings = [...card.querySelectorAll<HTMLTextAreaElement>('textarea[data-finding]')];
    expect(findings.map((f) => f.value)).toEqual(['訓練が形だけ', 'Escalation missing']);
    expect(findings[1].getAttribute('aria-label')).toBe('所見 2');
  });

  test('the message saves after a pause in typing, and the view keeps it', async () => {
    vi.useFakeTimers();
    try {
      const calls = mockCommands(() => null);
      const app = newApp();
      app.view = structuredClone(view);
      const card = narrativeCard(app, app.view);
      const message = card.querySelector<HTMLTextAreaElement>('[data-testid="narrative-message"]')!;
      type(message, '第一段落', 'input');
      type(message, '第一段落。\n\n第二段落。', 'input');
      expect(calls).toEqual([]);
      await vi.advanceTimersByTimeAsync(600);
      expect(calls).toEqual([{ cmd: 'save_message', input: { assessment_id: 7, message: '第一段落。\n\n第二段落。' } }]);
      expect(card.querySelector('.save-status')!.getAttribute('data-state')).toBe('saved');
      expect(card.querySelector('.save-status')!.textContent).toBe('保存しました');
      // Another screen drawn from the open view shows it without a reload.
      expect(app.view.assessment.narrative?.message).toBe('第一段落。\n\n第二段落。');
    } finally {
      vi.useRealTimers();
    }
  });

  test('findings are added, edited and removed, each change saving the whole list', async () => {
    const calls = mockCommands(() => null);
    const app = newApp();
    app.view = withNarrative();
    const card = narrativeCard(app, app.view);
    document.body.appendChild(card);
    card.querySelector<HTMLButtonElement>('[data-testid="add-finding"]')!.click();
    const fields = () => [...card.querySelectorAll<HTMLTextAreaElement>('textarea[data-finding]')];
    expect(fields()).toHaveLength(3);
    expect(document.activeElement).toBe(fields()[2]);
    type(fields()[2], '第三の所見');
    await settle();
    expect(calls.at(-1)).toEqual({
      cmd: 'save_findings',
      input: { assessment_id: 7, findings: ['訓練が形だけ', 'Escalation missing', '第三の所見'] },
    });
    // Removing the first renumbers the rest and saves at once.
    fields()[0].closest('li')!.querySelector('button')!.click();
    await settle();
    expect(calls.at(-1)).toEqual({
      cmd: 'save_findings',
      input: { assessment_id: 7, findings: ['Escalation missing', '第三の所見'] },
    });
    expect(fields()[0].getAttribute('aria-label')).toBe('所見 1');
    expect(app.view.assessment.narrative?.findings).toEqual(['Escalation missing', '第三の所見']);
  });

  test('no more than the store accepts can be added', () => {
    mockCommands(() => null);
    const app = newApp();
    const v: AssessmentView = structuredClone(view);
    v.assessment.narrative = { findings: Array.from({ length: MAX_FINDINGS - 1 }, (_, i) => `f${i}`) };
    const card = narrativeCard(app, v);
    const add = card.querySelector<HTMLButtonElement>('[data-testid="add-finding"]')!;
    expect(add.disabled).toBe(false);
    add.click();
    expect(card.querySelectorAll('textarea[data-finding]')).toHaveLength(MAX_FINDINGS);
    expect(add.disabled).toBe(true);
    expect(add.title).toBe('所見は 50 件までです');
  });

  test('a refused save says why, in the UI’s language, and shows it failed', async () => {
    setLang('en');
    const message = 'the executive message is limited to 10000 characters (10001 given)';
    mockCommands(() => {
      throw { kind: 'invalid-input', message, problems: [] };
    });
    const app = newApp();
    setLang('en');
    const card = narrativeCard(app, structuredClone(view));
    type(card.querySelector<HTMLTextAreaElement>('[data-testid="narrative-message"]')!, 'x'.repeat(10_001));
    await settle();
    expect(card.querySelector('.save-status')!.getAttribute('data-state')).toBe('failed');
    expect(card.querySelector('.save-status')!.textContent).toBe('Not saved');
    expect(card.querySelector('.item-error')!.textContent).toBe(message);
  });
});

describe('gaps: why it matters here', () => {
  test('a note is folded away until used, saves as typed and survives a redraw', async () => {
    const updated: AssessmentView = structuredClone(view);
    updated.assessment.targets = { '2.8': 'b' };
    const calls = mockCommands((cmd) => (cmd === 'set_target' ? updated : null));
    const app = newApp();
    app.view = structuredClone(view);
    const el = renderGaps(app, questionnaire, app.view);
    document.body.appendChild(el);
    const details = el.querySelector<HTMLDetailsElement>('details.gap-note[data-note-for="2.8"]')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toContain('この組織にとっての重要性');
    expect(details.querySelector('.assessor-mark')).not.toBeNull();
    const field = details.querySelector<HTMLTextAreaElement>('textarea[data-gap-note="2.8"]')!;
    expect(field.getAttribute('aria-label')).toBe('項目 2.8 がこの組織にとって重要な理由');
    type(field, '監査で指摘されました');
    await settle();
    expect(calls.at(-1)).toEqual({
      cmd: 'save_gap_note',
      input: { assessment_id: 7, item: '2.8', note: '監査で指摘されました' },
    });
    expect(el.querySelector('.save-status')!.getAttribute('data-state')).toBe('saved');
    expect(app.view.assessment.narrative?.gap_notes).toEqual({ '2.8': '監査で指摘されました' });
    // A target change redraws the list from a view read before the note was saved.
    const select = el.querySelector<HTMLSelectElement>('select[data-target-for="2.8"]')!;
    select.value = 'b';
    select.dispatchEvent(new Event('change'));
    await settle();
    const again = el.querySelector<HTMLDetailsElement>('details.gap-note[data-note-for="2.8"]')!;
    expect(again.open).toBe(true);
    expect(again.querySelector('textarea')!.value).toBe('監査で指摘されました');
    // Clearing it removes it from the view.
    type(again.querySelector('textarea')!, '  ');
    await settle();
    expect(calls.at(-1)!.input).toEqual({ assessment_id: 7, item: '2.8', note: '  ' });
  });

  test('a written note is open on arrival', () => {
    mockCommands(() => null);
    const app = newApp();
    const el = renderGaps(app, questionnaire, withNarrative());
    const details = el.querySelector<HTMLDetailsElement>('details.gap-note[data-note-for="2.8"]')!;
    expect(details.open).toBe(true);
    expect(details.querySelector('textarea')!.value).toBe('監査で指摘されました');
  });
});
