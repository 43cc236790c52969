// Prefilling in the app: under the new-assessment form, an offer (off by default) to start from
// another questionnaire's assessment of the same organisation, as the core lists them; and in
// the wizard, the label a derived answer carries until it is confirmed, with its Confirm button.
// The offers, the label and the count all come from the core; nothing is derived here.

import { call } from '../api';
import type { App } from '../app';
import type { AssessmentView, Item, PrefillSource } from '../bindings';
import { h } from '../dom';
import { t, tx } from '../i18n';

/** The offer block of the new-assessment form: empty until the core lists an offer. */
export interface PrefillChoice {
  el: HTMLElement;
  /** The offer the user turned on, or null (the default). */
  chosen(): PrefillSource | null;
}

export function prefillChoice(app: App, organisationId: number, target: HTMLSelectElement): PrefillChoice {
  const el = h('div', { class: 'prefill-choice', 'data-testid': 'prefill-choice', hidden: true });
  let offers: PrefillSource[] = [];
  const box = h('input', { type: 'checkbox', id: 'prefill-on', 'data-testid': 'prefill-on' });
  const select = h('select', {
    id: 'prefill-from',
    'data-testid': 'prefill-from',
    'aria-label': t('prefill.from'),
    disabled: true,
  });
  box.addEventListener('change', () => {
    select.disabled = !box.checked;
  });
  el.append(h('label', { class: 'inline', for: 'prefill-on' }, box, ' ', t('prefill.start')), select);
  // The core lists the offers for the questionnaire chosen in the form; none, and the block
  // hides. A later answer wins over an earlier one still on its way.
  let asked = 0;
  const load = () => {
    const ask = ++asked;
    const questionnaire = target.value;
    call('prefill_sources', { organisation_id: organisationId, questionnaire })
      .then((list) => {
        if (ask !== asked) return;
        offers = list;
        select.replaceChildren(
          ...list.map((o, i) =>
            h('option', { value: String(i), 'data-target': o.target, 'data-assessment': o.assessment_id }, tx(o.offer)),
          ),
        );
        el.hidden = list.length === 0;
        if (el.hidden) box.checked = false;
        select.disabled = !box.checked;
      })
      .catch((e) => app.showError(e));
  };
  target.addEventListener('change', load);
  load();
  return {
    el,
    chosen: () => {
      if (!box.checked || el.hidden) return null;
      const offer = offers[Number(select.value)];
      return offer && offer.target === target.value ? offer : null;
    },
  };
}

/** The wizard's label on a derived answer, with its Confirm button; null when the answer is the
 * user's own (or a respondent is answering: the marks are the assessment's). */
export function derivedLabel(
  app: App,
  item: Item,
  view: AssessmentView,
  respondent: number | null,
  confirmed: (v: AssessmentView) => void,
): HTMLElement | null {
  const from = view.assessment.derived?.items[item.id];
  const count = view.report.derived;
  if (respondent !== null || !from || !count) return null;
  const el = h(
    'p',
    { class: 'derived', 'data-testid': 'derived-label', role: 'note' },
    h('span', { class: 'derived-text' }, tx(count.label)),
    ' ',
    h('span', { class: 'muted' }, t('wiz.derivedItems', { items: from.join(', ') })),
    ' ',
  );
  const button = h(
    'button',
    {
      class: 'confirm-derived',
      'data-testid': 'confirm-derived',
      onclick: () => {
        button.disabled = true;
        call('confirm_derived', { assessment_id: view.row.id, item: item.id })
          .then((v) => {
            el.remove();
            confirmed(v);
          })
          .catch((e) => {
            button.disabled = false;
            app.showError(e);
          });
      },
    },
    t('wiz.confirmDerived'),
  );
  el.append(button);
  return el;
}
