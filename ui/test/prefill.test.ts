// Prefilling in the UI: the offer under the new-assessment form (off by default), the wizard's
// label on a derived answer with its Confirm button, and the dashboard's count, each showing
// what the core returned.

import { describe, expect, test } from 'vitest';
import type { AssessmentView, PrefillSource } from '../src/bindings';
import { prefillChoice } from '../src/screens/prefill';
import { renderWizard } from '../src/screens/wizard';
import { questionnaire, view } from './fixtures';
import { mockCommands, newApp, settle } from './helpers';

const source = { questionnaire: 'older', title: { ja: '旧質問票', en: 'the older questionnaire' }, date: '2026-03-31' };
const label = { ja: '旧質問票（2026-03-31 の評価）から導出 — 確認してください', en: 'Derived from the older questionnaire (assessment of 2026-03-31) — confirm' };

function derivedView(): AssessmentView {
  const v = structuredClone(view);
  v.assessment.derived = { source, items: { '1.1': ['4.1', '4.2'] } };
  v.report.derived = {
    unconfirmed: 1,
    answered: 1,
    source,
    note: { ja: '回答 1 件のうち 1 件は…', en: '1 of 1 answers are derived…' },
    label,
  };
  return v;
}

const offer: PrefillSource = {
  assessment_id: 5,
  date: '2026-03-31',
  questionnaire: 'older',
  title: source.title,
  target: 'newer',
  target_title: { ja: '新質問票', en: 'the newer questionnaire' },
  informs: 12,
  offer: { ja: '新質問票: 2026-03-31 の「旧質問票」の評価から始める（12 項目を導出）', en: 'x' },
};

describe('prefill', () => {
  test('the wizard labels a derived answer and confirms it', async () => {
    const confirmed = derivedView();
    delete confirmed.assessment.derived;
    delete confirmed.report.derived;
    const calls = mockCommands((cmd) => (cmd === 'confirm_derived' ? confirmed : derivedView()));
    const app = newApp();
    const v = derivedView();
    app.view = v;
    const el = renderWizard(app, questionnaire, v);
    document.body.appendChild(el);
    await settle();
    const card = el.querySelector<HTMLElement>('article[data-item="1.1"]')!;
    const shown = card.querySelector('[data-testid="derived-label"]')!;
    expect(shown.textContent).toContain(label.ja);
    expect(shown.textContent).toContain('4.1, 4.2');
    // Only the derived answer carries it.
    expect(el.querySelectorAll('[data-testid="derived-label"]')).toHaveLength(1);
    card.querySelector<HTMLButtonElement>('[data-testid="confirm-derived"]')!.click();
    await settle();
    expect(calls.at(-1)).toEqual({ cmd: 'confirm_derived', input: { assessment_id: 7, item: '1.1' } });
    expect(card.querySelector('[data-testid="derived-label"]')).toBeNull();
    expect(app.view?.report.derived).toBeUndefined();
  });

  test('a respondent answering sees no derived label', async () => {
    mockCommands(() => derivedView());
    const app = newApp();
    app.respondent = 3;
    const v = derivedView();
    const el = renderWizard(app, questionnaire, v);
    await settle();
    expect(el.querySelector('[data-testid="derived-label"]')).toBeNull();
  });

  test('the offer is off by default and names what the core listed', async () => {
    // The core answers for the questionnaire asked: an offer for SIM3, none for the survey.
    const calls = mockCommands((_cmd, input) => ((input as { questionnaire: string }).questionnaire === offer.target ? [offer] : []));
    const app = newApp();
    const target = document.createElement('select');
    target.append(new Option('JPCERT', 'jpcert-2015'), new Option('SIM3', offer.target));
    target.value = 'jpcert-2015';
    const choice = prefillChoice(app, 3, target);
    await settle();
    expect(calls[0]).toEqual({ cmd: 'prefill_sources', input: { organisation_id: 3, questionnaire: 'jpcert-2015' } });
    expect(choice.el.hidden).toBe(true);
    target.value = offer.target;
    target.dispatchEvent(new Event('change'));
    await settle();
    expect(calls[1]).toEqual({ cmd: 'prefill_sources', input: { organisation_id: 3, questionnaire: offer.target } });
    expect(choice.el.hidden).toBe(false);
    expect(choice.el.querySelector('option')!.textContent).toBe(offer.offer.ja);
    expect(choice.chosen()).toBeNull();
    const box = choice.el.querySelector<HTMLInputElement>('[data-testid="prefill-on"]')!;
    box.click();
    expect(choice.chosen()).toEqual(offer);
  });

  test('no offer, no block', async () => {
    mockCommands(() => []);
    const target = document.createElement('select');
    target.append(new Option('SIM3', 'sim3'));
    const choice = prefillChoice(newApp(), 3, target);
    await settle();
    expect(choice.el.hidden).toBe(true);
    expect(choice.chosen()).toBeNull();
  });
});
