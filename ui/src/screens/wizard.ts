// The assessment wizard: one section at a time, the control each answer type needs, autosave
// of every change, "not answered yet" kept distinct from any answer, comments and evidence.
// In a workshop it answers as the facilitator or as one respondent, who then sees only their
// own answers, so each person can answer privately on the same machine.
//
// Finding one's way: a search over the questions and item numbers, an "unanswered only" filter,
// "next unanswered", and Alt+↓ / Alt+↑ to the next / previous item (Alt+Shift+↓: the next
// unanswered). The search and the filter only choose which cards to show. Each card shows its
// own "saved" state after each autosave, and clearing an answer can be undone.
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
  /** The items answered now (kept as saves and clears are made). */
  answered: Set<string>;
}

/** The time of day of a save, as the user's language writes it. */
function clock(): string {
  return new Date().toLocaleTimeString(lang() === 'ja' ? 'ja-JP' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function setStatus(ctx: Ctx, state: 'saving' | 'saved' | 'failed', card?: HTMLElement): void {
  const text =
    state === 'saving' ? t('wiz.saving') : state === 'saved' ? t('wiz.savedAt', { time: clock() }) : t('wiz.saveFailed');
  ctx.status.dataset.state = state;
  ctx.status.textContent = text;
  // The card saved shows it too, where the user is looking.
  const own = card?.querySelector<HTMLElement>('.card-status');
  if (own) {
    own.dataset.state = state;
    own.textContent = state === 'saved' ? t('wiz.saved') : text;
  }
}

/** Runs `job` after every earlier save, reporting progress and failures on the item. */
function enqueue(ctx: Ctx, card: HTMLElement, job: () => Promise<Completeness | null>): void {
  setStatus(ctx, 'saving', card);
  const error = card.querySelector<HTMLElement>('.item-error');
  ctx.queue = ctx.queue
    .then(job)
    .then((c) => {
      if (error) error.textContent = '';
      card.classList.remove('has-error');
      if (c) ctx.onProgress(c);
      setStatus(ctx, 'saved', card);
    })
    .catch((e: unknown) => {
      const msg = e instanceof Error ? e.message : String(e);
      if (error) error.textContent = msg;
      card.classList.add('has-error');
      setStatus(ctx, 'failed', card);
    });
}

function markAnswered(card: HTMLElement, answered: boolean, ctx?: Ctx): void {
  card.dataset.answered = String(answered);
  const id = card.dataset.item;
  if (ctx && id) {
    if (answered) ctx.answered.add(id);
    else ctx.answered.delete(id);
  }
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

/** A reconstructed item's badge, with its note on demand (a disclosure: keyboard and screen
 * reader reach it as a button). */
function reconstructedNote(item: Item): HTMLElement {
  return h(
    'details',
    { class: 'reconstructed', 'data-testid': 'reconstructed' },
    h('summary', { class: 'badge reconstructed-badge', title: t('wiz.reconstructedHint') }, t('wiz.reconstructed')),
    item.note ? h('p', { class: 'reconstructed-note', title: txOther(item.note) }, tx(item.note)) : null,
  );
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
  // "Cleared. Undo": shown after the clear button, until the next change to the item.
  const undoBox = h('p', { class: 'undo', 'data-testid': 'undo-box', hidden: true });
  const offerUndo = (before: Read) => {
    const restore = h(
      'button',
      {
        class: 'small',
        'data-testid': 'undo',
        'aria-label': t('wiz.undoFor', { item: item.id }),
        onclick: () => {
          undoBox.hidden = true;
          const answer = before.answer;
          if (answer === null) return;
          ctx.view.assessment.answers[item.id] = answer;
          if (before.other !== null) ctx.view.assessment.other = { ...ctx.view.assessment.other, [item.id]: before.other };
          const fresh = itemCard(item, ctx);
          card.replaceWith(fresh);
          enqueue(ctx, fresh, () =>
            call('save_answer', {
              assessment_id: ctx.view.row.id,
              respondent_id,
              item: item.id,
              answer,
              other_text: before.other,
            }),
          );
          fresh.querySelector<HTMLInputElement>('input:checked, input, textarea')?.focus();
        },
      },
      t('wiz.undo'),
    );
    mount(undoBox, h('span', null, t('wiz.cleared', { item: item.id }), ' '), restore);
    undoBox.hidden = false;
  };
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
      tabindex: '-1',
      'aria-labelledby': `q-${item.id}`,
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
            'aria-label': t('wiz.clearFor', { item: item.id }),
            onclick: () => {
              derived?.remove();
              // Keep what was answered, so the clear can be undone.
              const before = read();
              reset();
              markAnswered(card, false, ctx);
              enqueue(ctx, card, () =>
                call('clear_answer', { assessment_id: ctx.view.row.id, respondent_id, item: item.id }),
              );
              if (before.answer !== null) offerUndo(before);
            },
          },
          t('wiz.clear'),
        ),
        toggle,
      ),
    ),
    otherLang,
    item.reconstructed && item.note ? reconstructedNote(item) : null,
    derived,
    el,
    h('p', { class: 'item-error', role: 'alert' }),
    undoBox,
    h('span', { class: 'card-status', role: 'status', 'data-testid': 'card-status' }),
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
    undoBox.hidden = true;
    const { answer, other } = read();
    const id = ctx.view.row.id;
    if (answer === null) {
      if (card.dataset.answered !== 'true') return;
      markAnswered(card, false, ctx);
      enqueue(ctx, card, () => call('clear_answer', { assessment_id: id, respondent_id, item: item.id }));
    } else {
      markAnswered(card, true, ctx);
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
    answered: new Set(Object.keys(view.assessment.answers)),
    onProgress: (c) => {
      overallBar.max = Math.max(c.answerable, 1);
      overallBar.value = c.answered;
      overallText.textContent = t('wiz.overallCount', { a: c.answered, b: c.answerable });
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

  // Re-reads the assessment, so cards drawn anew show what the store holds after every save
  // made elsewhere in the wizard.
  const refresh = async (): Promise<boolean> => {
    await ctx.queue;
    try {
      const fresh = await call('load_assessment', { id: base.row.id });
      app.view = fresh;
      ctx.view = await viewAs(fresh, ctx.respondent);
      ctx.answered = new Set(Object.keys(ctx.view.assessment.answers));
      return true;
    } catch (e) {
      app.showError(e);
      return false;
    }
  };

  // Finding: the search and the filter choose which cards are shown (presentation only).
  const answerable = q.items.filter((it) => it.type !== 'group');
  const search = h('input', {
    type: 'search',
    id: 'wiz-search',
    'data-testid': 'wiz-search',
    placeholder: t('wiz.searchPlaceholder'),
    'aria-describedby': 'wiz-shortcuts',
  });
  const onlyOpen = h('input', { type: 'checkbox', id: 'wiz-unanswered', 'data-testid': 'unanswered-only' });
  const findStatus = h('p', { class: 'find-status small', role: 'status', 'data-testid': 'find-status' });
  const filtering = () => search.value.trim() !== '' || onlyOpen.checked;
  const matches = (it: Item): boolean => {
    const needle = search.value.trim().toLowerCase();
    if (onlyOpen.checked && ctx.answered.has(it.id)) return false;
    if (!needle) return true;
    return [it.id, it.text.ja, it.text.en].some((s) => s.toLowerCase().includes(needle));
  };
  const showFound = async () => {
    if (!(await refresh())) return;
    const found = answerable.filter(matches);
    findStatus.textContent = found.length ? t('wiz.found', { n: found.length }) : t('wiz.noneFound');
    nav.querySelectorAll('button.section-link').forEach((b) => {
      b.classList.remove('active');
      b.removeAttribute('aria-current');
    });
    mount(
      body,
      h('h2', { class: 'section-title' }, t('wiz.results')),
      found.map((it) => itemCard(it, ctx)),
      h('div', { class: 'pager' }, h('button', { 'data-testid': 'clear-search', onclick: () => void clearFind() }, t('wiz.clearSearch'))),
    );
  };
  const clearFind = async (section = app.section) => {
    search.value = '';
    onlyOpen.checked = false;
    findStatus.textContent = '';
    await show(section, true);
  };
  const onFind = debounce(() => void (filtering() ? showFound() : clearFind()), 250);
  search.addEventListener('input', () => onFind());
  onlyOpen.addEventListener('change', () => onFind.now());

  /** Moves the focus to an item's card: its chosen (else first) control, scrolled into view. */
  const focusCard = (card: HTMLElement) => {
    const control =
      card.querySelector<HTMLElement>('.options input:checked') ??
      card.querySelector<HTMLElement>('.options input, .number input, .year-month input, .text textarea');
    (control ?? card).focus();
    card.scrollIntoView?.({ block: 'center' });
  };
  const cards = () => [...body.querySelectorAll<HTMLElement>('article.item')];
  const currentItem = (): string | undefined =>
    (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('article.item')?.dataset.item;

  /** The next item not answered yet after the one in focus (wrapping round); among the cards
   * shown while searching, else through every section. */
  const nextUnanswered = async () => {
    const pool = filtering() ? cards().map((c) => c.dataset.item ?? '') : answerable.map((it) => it.id);
    const at = pool.indexOf(currentItem() ?? '');
    let target: string | undefined;
    for (let k = 1; k <= pool.length; k++) {
      const id = pool[(at + k + pool.length) % pool.length];
      if (id && !ctx.answered.has(id)) {
        target = id;
        break;
      }
    }
    if (!target) {
      findStatus.textContent = t('wiz.noneUnanswered');
      return;
    }
    let card = body.querySelector<HTMLElement>(`article.item[data-item="${target}"]`);
    if (!card) {
      const section = sections.findIndex((s) => s.id === q.items.find((it) => it.id === target)?.section);
      await show(section);
      card = body.querySelector<HTMLElement>(`article.item[data-item="${target}"]`);
    }
    if (card) focusCard(card);
  };

  /** Alt+↓ / Alt+↑: the next / previous item shown; past the last one, the next section. */
  const step = async (by: 1 | -1) => {
    const list = cards();
    const at = list.findIndex((c) => c.dataset.item === currentItem());
    const next = list[at + by] ?? (at === -1 ? list[by === 1 ? 0 : list.length - 1] : undefined);
    if (next) return focusCard(next);
    if (filtering()) return;
    const section = app.section + by;
    if (section < 0 || section >= sections.length) return;
    await show(section);
    const drawn = cards();
    const edge = by === 1 ? drawn[0] : drawn[drawn.length - 1];
    if (edge) focusCard(edge);
  };

  const show = async (i: number, force = false) => {
    if (i !== app.section || force || filtering()) {
      if (!(await refresh())) return;
    } else {
      await ctx.queue;
    }
    if (filtering()) {
      search.value = '';
      onlyOpen.checked = false;
      findStatus.textContent = '';
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

  const find = h(
    'div',
    { class: 'wizard-find', role: 'search', 'aria-label': t('wiz.find') },
    h('label', { for: 'wiz-search', class: 'visually-hidden' }, t('wiz.search')),
    search,
    h('label', { class: 'inline-check' }, onlyOpen, ' ', t('wiz.unansweredOnly')),
    h('button', { 'data-testid': 'next-unanswered', onclick: () => void nextUnanswered() }, t('wiz.nextUnanswered')),
    findStatus,
    h('p', { id: 'wiz-shortcuts', class: 'hint small' }, t('wiz.shortcuts')),
  );
  const root = h(
    'div',
    { class: 'screen wizard', 'data-screen-id': 'wizard' },
    h(
      'aside',
      { class: 'wizard-side' },
      answeringAs(app, respondents),
      status,
      h('h2', null, t('wiz.sections')),
      h('div', { class: 'overall' }, h('span', null, t('wiz.overall')), overallBar, overallText),
      nav,
    ),
    h('div', { class: 'wizard-main' }, find, body),
  );
  // The shortcuts use Alt, so no key that types text is taken.
  root.addEventListener('keydown', (ev) => {
    if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.key === 'ArrowDown' && ev.shiftKey) {
      ev.preventDefault();
      void nextUnanswered();
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      void step(ev.key === 'ArrowDown' ? 1 : -1);
    }
  });
  return root;
}
