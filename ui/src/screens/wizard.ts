// The assessment wizard: one section at a time, the control each answer type needs, autosave
// of every change, "not answered yet" kept distinct from any answer, comments and evidence.
// In a workshop it answers as the facilitator or as one respondent, who then sees only their
// own answers, so each person can answer privately on the same machine.
//
// Every change is read back from the controls and sent as one save (or clear) to the store;
// the store validates it. Saves go through one queue so they reach the store in the order the
// user made them, whatever order the async commands would run in.

import { call } from '../api';
import type { App } from '../app';
import type {
  Answer,
  AssessmentView,
  ChoiceOption,
  Completeness,
  Item,
  Questionnaire,
  RespondentRow,
} from '../bindings';
import { debounce, h, mount } from '../dom';
import { lang, t, tx, txOther, type Key } from '../i18n';
import { derivedLabel } from './prefill';

const SERVICE_KEYS = ['in-house', 'outsourced', 'none'] as const;

type Read = { answer: Answer | null; other: string | null };

interface Ctx {
  app: App;
  view: AssessmentView;
  q: Questionnaire;
  /** The respondent answering; null for the facilitator. */
  respondent: number | null;
  status: HTMLElement;
  onProgress: (c: Completeness) => void;
  queue: Promise<unknown>;
}

function setStatus(ctx: Ctx, state: 'saving' | 'saved' | 'failed'): void {
  ctx.status.dataset.state = state;
  ctx.status.textContent = t(
    state === 'saving' ? 'wiz.saving' : state === 'saved' ? 'wiz.saved' : 'wiz.saveFailed',
  );
}

/** Runs `job` after every earlier save, reporting progress and failures on the item. */
function enqueue(ctx: Ctx, card: HTMLElement, job: () => Promise<Completeness | null>): void {
  setStatus(ctx, 'saving');
  const error = card.querySelector<HTMLElement>('.item-error');
  ctx.queue = ctx.queue
    .then(job)
    .then((c) => {
      if (error) error.textContent = '';
      card.classList.remove('has-error');
      if (c) ctx.onProgress(c);
      setStatus(ctx, 'saved');
    })
    .catch((e: unknown) => {
      const msg = e instanceof Error ? e.message : String(e);
      if (error) error.textContent = msg;
      card.classList.add('has-error');
      setStatus(ctx, 'failed');
    });
}

function markAnswered(card: HTMLElement, answered: boolean): void {
  card.dataset.answered = String(answered);
  const badge = card.querySelector<HTMLElement>('.badge');
  if (badge) {
    badge.textContent = answered ? t('wiz.answered') : t('wiz.notAnswered');
    badge.className = 'badge ' + (answered ? 'answered' : 'unanswered');
  }
  const clear = card.querySelector<HTMLButtonElement>('button.clear');
  if (clear) clear.disabled = !answered;
}

function optionLabel(o: ChoiceOption): HTMLElement {
  return h('span', { class: 'opt-text', title: txOther(o.text) }, tx(o.text));
}

export type Control = { el: HTMLElement; read: () => Read; reset: () => void };

/** The answer control of one item showing `current`, and how to read its value back. The
 * workshop screen uses it too, for the consensus answer (`prefix` keeps its ids apart). */
export function answerControl(
  item: Item,
  current: Answer | undefined,
  otherText: string,
  prefix = '',
): Control {
  const name = `${prefix}a-${item.id}`;
  const labelledBy = `${prefix}q-${item.id}`;

  switch (item.type) {
    case 'single':
    case 'scale': {
      const otherInput = h('input', {
        type: 'text',
        class: 'other-text',
        'data-role': 'other',
        'aria-label': t('wiz.otherText'),
        placeholder: t('wiz.otherText'),
        value: otherText,
      });
      const radios = item.options.map((o) => {
        const input = h('input', {
          type: 'radio',
          name,
          value: o.key,
          checked: current === o.key,
        });
        return h(
          'label',
          { class: 'option' + (o.other ? ' with-other' : '') },
          input,
          h('span', { class: 'key' }, o.key),
          optionLabel(o),
          o.other ? otherInput : null,
        );
      });
      const el = h(
        'div',
        { class: 'options', role: 'radiogroup', 'aria-labelledby': labelledBy },
        radios,
      );
      const read = (): Read => {
        const chosen = el.querySelector<HTMLInputElement>(`input[type=radio]:checked`);
        if (!chosen) return { answer: null, other: null };
        const isOther = item.options.find((o) => o.key === chosen.value)?.other ?? false;
        return { answer: chosen.value, other: isOther ? otherInput.value.trim() || null : null };
      };
      const reset = () => {
        el.querySelectorAll<HTMLInputElement>('input[type=radio]').forEach((r) => (r.checked = false));
        otherInput.value = '';
      };
      return { el, read, reset };
    }
    case 'multiple': {
      const chosen = Array.isArray(current) ? current : [];
      const otherInput = h('input', {
        type: 'text',
        class: 'other-text',
        'data-role': 'other',
        'aria-label': t('wiz.otherText'),
        placeholder: t('wiz.otherText'),
        value: otherText,
      });
      const el = h(
        'div',
        { class: 'options', role: 'group', 'aria-labelledby': labelledBy },
        h('p', { class: 'hint' }, t('wiz.multipleHint')),
        item.options.map((o) =>
          h(
            'label',
            { class: 'option' + (o.other ? ' with-other' : '') },
            h('input', { type: 'checkbox', name, value: o.key, checked: chosen.includes(o.key) }),
            h('span', { class: 'key' }, o.key),
            optionLabel(o),
            o.other ? otherInput : null,
          ),
        ),
      );
      const read = (): Read => {
        const keys = [...el.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map(
          (c) => c.value,
        );
        // No box ticked means "not answered yet", not an answer of nothing.
        if (keys.length === 0) return { answer: null, other: null };
        const otherChosen = item.options.some((o) => o.other && keys.includes(o.key));
        return { answer: keys, other: otherChosen ? otherInput.value.trim() || null : null };
      };
      const reset = () => {
        el.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((c) => (c.checked = false));
        otherInput.value = '';
      };
      return { el, read, reset };
    }
    case 'number': {
      const input = h('input', {
        type: 'number',
        name,
        inputmode: 'numeric',
        min: item.min ?? undefined,
        max: item.max ?? undefined,
        step: 'any',
        value: typeof current === 'number' ? String(current) : '',
        'aria-labelledby': labelledBy,
        placeholder: t('wiz.numberHint'),
      });
      const el = h('div', { class: 'number' }, input, h('span', { class: 'unit' }, tx(item.unit)));
      const read = (): Read => {
        const v = input.value.trim();
        return { answer: v === '' || Number.isNaN(Number(v)) ? null : Number(v), other: null };
      };
      return { el, read, reset: () => (input.value = '') };
    }
    case 'year-month': {
      const input = h('input', {
        type: 'text',
        name,
        class: 'year-month',
        inputmode: 'numeric',
        maxlength: '7',
        placeholder: 'YYYY-MM',
        value: typeof current === 'string' ? current : '',
        'aria-labelledby': labelledBy,
        'aria-describedby': `hint-${item.id}`,
      });
      const el = h(
        'div',
        { class: 'year-month' },
        input,
        h('span', { class: 'hint', id: `hint-${item.id}` }, t('wiz.yearMonthHint')),
      );
      const read = (): Read => ({ answer: input.value.trim() || null, other: null });
      return { el, read, reset: () => (input.value = '') };
    }
    case 'service': {
      const el = h(
        'div',
        { class: 'options services', role: 'radiogroup', 'aria-labelledby': labelledBy },
        SERVICE_KEYS.map((k) =>
          h(
            'label',
            { class: 'option' },
            h('input', { type: 'radio', name, value: k, checked: current === k }),
            h('span', { class: 'opt-text' }, t(`wiz.service.${k}` as Key)),
          ),
        ),
      );
      const read = (): Read => {
        const chosen = el.querySelector<HTMLInputElement>('input:checked');
        return { answer: chosen ? chosen.value : null, other: null };
      };
      const reset = () => el.querySelectorAll<HTMLInputElement>('input').forEach((r) => (r.checked = false));
      return { el, read, reset };
    }
    case 'text': {
      const area = h('textarea', {
        name,
        rows: '3',
        value: typeof current === 'string' ? current : '',
        'aria-labelledby': labelledBy,
      });
      const read = (): Read => ({ answer: area.value.trim() ? area.value : null, other: null });
      return { el: h('div', { class: 'text' }, area), read, reset: () => (area.value = '') };
    }
    case 'group':
      return { el: h('div'), read: () => ({ answer: null, other: null }), reset: () => undefined };
  }
}

function itemCard(item: Item, ctx: Ctx): HTMLElement {
  const a = ctx.view.assessment;
  const answered = a.answers[item.id] !== undefined;
  const { el, read, reset } = answerControl(item, a.answers[item.id], a.other?.[item.id] ?? '');
  const respondent_id = ctx.respondent;
  const otherLang = h('p', { class: 'other-lang', hidden: true, lang: lang() === 'ja' ? 'en' : 'ja' }, txOther(item.text));
  const toggle = h(
    'button',
    {
      class: 'link toggle-lang',
      'aria-expanded': 'false',
      onclick: () => {
        otherLang.hidden = !otherLang.hidden;
        toggle.setAttribute('aria-expanded', String(!otherLang.hidden));
        toggle.textContent = otherLang.hidden ? t('wiz.showOther') : t('wiz.hideOther');
      },
    },
    t('wiz.showOther'),
  );
  const comment = a.comments?.[item.id] ?? '';
  const evidence = a.evidence?.[item.id] ?? '';
  const commentArea = h('textarea', { rows: '2', 'data-role': 'comment', value: comment });
  const evidenceInput = h('input', { type: 'text', 'data-role': 'evidence', value: evidence });
  // A derived answer says so until it is confirmed or changed (the store then clears the mark).
  const derived = derivedLabel(ctx.app, item, ctx.view, ctx.respondent, (v) => {
    ctx.app.view = v;
    ctx.view = v;
  });
  const card = h(
    'article',
    {
      class: 'item' + (item.type === 'service' ? ' compact' : ''),
      'data-item': item.id,
      'data-type': item.type,
    },
    h(
      'header',
      null,
      h('span', { class: 'id' }, item.id),
      h('h3', { id: `q-${item.id}`, title: txOther(item.text) }, tx(item.text)),
      h(
        'div',
        { class: 'item-tools' },
        item.scored ? h('span', { class: 'tag' }, t('wiz.scored')) : null,
        h('span', { class: 'badge' }),
        h(
          'button',
          {
            class: 'clear',
            'data-testid': 'clear',
            onclick: () => {
              derived?.remove();
              reset();
              markAnswered(card, false);
              enqueue(ctx, card, () =>
                call('clear_answer', { assessment_id: ctx.view.row.id, respondent_id, item: item.id }),
              );
            },
          },
          t('wiz.clear'),
        ),
        toggle,
      ),
    ),
    otherLang,
    item.reconstructed && item.note
      ? h('p', { class: 'note', title: txOther(item.note) }, t('wiz.reconstructed'), ': ', tx(item.note))
      : null,
    derived,
    el,
    h('p', { class: 'item-error', role: 'alert' }),
    // A respondent's comments and evidence are their own; the facilitator's are the assessment's.
    h(
      'details',
      { class: 'notes', open: comment !== '' || evidence !== '' },
      h('summary', null, t('wiz.notes')),
      h('label', { class: 'field' }, h('span', null, t('wiz.comment')), commentArea),
      h('label', { class: 'field' }, h('span', null, t('wiz.evidence')), evidenceInput),
    ),
  );
  markAnswered(card, answered);

  const save = () => {
    derived?.remove();
    const { answer, other } = read();
    const id = ctx.view.row.id;
    if (answer === null) {
      if (card.dataset.answered !== 'true') return;
      markAnswered(card, false);
      enqueue(ctx, card, () => call('clear_answer', { assessment_id: id, respondent_id, item: item.id }));
    } else {
      markAnswered(card, true);
      enqueue(ctx, card, () =>
        call('save_answer', { assessment_id: id, respondent_id, item: item.id, answer, other_text: other }),
      );
    }
  };
  const typed = debounce(save, 400);
  // Choices save at once; typing saves after a pause and when the field is left.
  el.addEventListener('change', (ev) => {
    const target = ev.target as HTMLElement;
    if (target.matches('input[type=radio], input[type=checkbox]')) save();
    else typed.now();
  });
  el.addEventListener('input', (ev) => {
    const target = ev.target as HTMLElement;
    if (target.dataset.role === 'other') {
      // Typing "other" text picks the "other" option, as the user clearly means it.
      const box = target.closest('label')?.querySelector<HTMLInputElement>('input[type=radio], input[type=checkbox]');
      if (box && !box.checked) box.checked = true;
    }
    if (!target.matches('input[type=radio], input[type=checkbox]')) typed();
  });

  const saveNote = () =>
    enqueue(ctx, card, () =>
      call('save_note', {
        assessment_id: ctx.view.row.id,
        respondent_id,
        item: item.id,
        comment: commentArea.value.trim() || null,
        evidence: evidenceInput.value.trim() || null,
      }).then(() => null),
    );
  const typedNote = debounce(saveNote, 500);
  for (const f of [commentArea, evidenceInput]) {
    f.addEventListener('input', () => typedNote());
    f.addEventListener('change', () => typedNote.now());
  }
  return card;
}

/** The assessment as `respondent` answered it: their answers, notes and progress only, without
 * the facilitator's. The facilitator (null) sees the assessment itself. */
export async function viewAs(view: AssessmentView, respondent: number | null): Promise<AssessmentView> {
  if (respondent === null) return view;
  const own = await call('respondent_answers', { assessment_id: view.row.id, respondent_id: respondent });
  return {
    ...view,
    assessment: { ...view.assessment, answers: own.answers, other: own.other, comments: own.comments, evidence: own.evidence },
    // Their own progress: the assessment's would show them as nearly done before they start.
    report: { ...view.report, completeness: own.completeness },
  };
}

/** Who is answering: the facilitator or one of the respondents. */
function answeringAs(app: App, respondents: RespondentRow[]): HTMLElement | null {
  const named = respondents.filter((r) => !r.is_default);
  if (named.length === 0) return null;
  const select = h(
    'select',
    {
      id: 'answer-as',
      'data-testid': 'answer-as',
      onchange: () => {
        app.respondent = select.value === '' ? null : Number(select.value);
        void app.go('wizard');
      },
    },
    h('option', { value: '', selected: app.respondent === null }, t('workshop.facilitator')),
    named.map((r) =>
      h('option', { value: String(r.id), selected: app.respondent === r.id }, r.role ? `${r.name}（${r.role}）` : r.name),
    ),
  );
  return h(
    'div',
    { class: 'answer-as' + (app.respondent !== null ? ' as-respondent' : '') },
    h('label', { for: 'answer-as' }, t('wiz.answerAs')),
    select,
    h('p', { class: 'hint small' }, app.respondent === null ? t('wiz.asFacilitatorHint') : t('wiz.asRespondentHint')),
  );
}

export function renderWizard(
  app: App,
  q: Questionnaire,
  view: AssessmentView,
  respondents: RespondentRow[] = [],
): HTMLElement {
  const status = h('span', { class: 'save-status', role: 'status', 'aria-live': 'polite', 'data-state': 'idle' });
  const sections = q.sections;
  if (app.section >= sections.length) app.section = 0;

  const overallBar = h('progress', { max: '1', value: '0', 'aria-label': t('wiz.overall') });
  const overallText = h('span', { class: 'progress-text', 'data-testid': 'overall-progress' });
  const sectionBars = sections.map(() => h('progress', { max: '1', value: '0' }));
  const sectionTexts = sections.map(() => h('span', { class: 'progress-text' }));

  const base = app.view ?? view;
  const ctx: Ctx = {
    app,
    view,
    q,
    respondent: app.respondent,
    status,
    queue: Promise.resolve(),
    onProgress: (c) => {
      overallBar.max = Math.max(c.answerable, 1);
      overallBar.value = c.answered;
      overallText.textContent = t('assess.progress', { a: c.answered, b: c.answerable });
      sections.forEach((s, i) => {
        const p = c.sections.find((x) => x.id === s.id);
        if (!p) return;
        sectionBars[i].max = Math.max(p.total, 1);
        sectionBars[i].value = p.answered;
        sectionTexts[i].textContent = t('wiz.sectionProgress', { a: p.answered, b: p.total });
      });
    },
  };
  ctx.onProgress(view.report.completeness);

  const body = h('div', { class: 'wizard-body' });
  const nav = h(
    'ol',
    { class: 'section-nav' },
    sections.map((s, i) =>
      h(
        'li',
        null,
        h(
          'button',
          {
            class: 'section-link' + (i === app.section ? ' active' : ''),
            'data-section': s.id,
            'aria-current': i === app.section ? 'step' : undefined,
            onclick: () => void show(i),
          },
          h('span', { class: 'title', title: txOther(s.title) }, `${s.id}. ${tx(s.title)}`),
          sectionBars[i],
          sectionTexts[i],
        ),
      ),
    ),
  );

  // Re-reads the assessment before drawing a section, so its cards show what the store holds
  // after every save made elsewhere in the wizard.
  const show = async (i: number) => {
    await ctx.queue;
    if (i !== app.section) {
      try {
        const fresh = await call('load_assessment', { id: base.row.id });
        app.view = fresh;
        ctx.view = await viewAs(fresh, ctx.respondent);
      } catch (e) {
        app.showError(e);
        return;
      }
    }
    app.section = i;
    nav.querySelectorAll('button.section-link').forEach((b, j) => {
      b.classList.toggle('active', j === i);
      if (j === i) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    });
    const s = sections[i];
    const items = q.items.filter((it) => it.section === s.id);
    const content: HTMLElement[] = [];
    for (const it of items) {
      if (it.type === 'group') {
        content.push(
          h('h3', { class: 'group-heading', 'data-group': it.id, title: txOther(it.text) }, `${it.id} ${tx(it.text)}`),
        );
      } else {
        content.push(itemCard(it, ctx));
      }
    }
    mount(
      body,
      h('h2', { class: 'section-title', title: txOther(s.title) }, `${s.id}. ${tx(s.title)}`),
      content,
      h(
        'div',
        { class: 'pager' },
        h('button', { 'data-testid': 'prev-section', disabled: i === 0, onclick: () => void show(i - 1) }, t('wiz.prev')),
        h(
          'button',
          { class: 'primary', 'data-testid': 'next-section', disabled: i === sections.length - 1, onclick: () => void show(i + 1) },
          t('wiz.next'),
        ),
      ),
    );
    // Start the new section at its top (the sticky header is padded for in the CSS).
    body.querySelector('.section-title')?.scrollIntoView?.({ block: 'start' });
  };
  void show(app.section);

  return h(
    'div',
    { class: 'screen wizard', 'data-screen-id': 'wizard' },
    h(
      'aside',
      { class: 'wizard-side' },
      answeringAs(app, respondents),
      h('h2', null, t('wiz.sections')),
      h('div', { class: 'overall' }, h('span', null, t('wiz.overall')), overallBar, overallText),
      nav,
      status,
    ),
    body,
  );
}
