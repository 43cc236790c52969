// The assessor's own words: the executive message and key findings (on the dashboard) and a note
// on each gap, "why it matters here" (on the gaps screen). Saved as typed, like answers: after a
// pause in typing and when a field is left, one save after another, with a visible saved state.
// Each part is marked as the assessor's text, which the reports keep apart from the survey's.

import { call } from '../api';
import type { App } from '../app';
import type { AssessmentView, Narrative } from '../bindings';
import { debounce, h } from '../dom';
import { t } from '../i18n';

/** The most key findings the store accepts (csirt_model::limits::MAX_FINDINGS). */
export const MAX_FINDINGS = 50;

/** The narrative of the open view, created when absent so that typing can update it. */
function narrativeOf(view: AssessmentView): Narrative {
  view.assessment.narrative ??= {};
  return view.assessment.narrative;
}

/** A save queue with its status line: saves run in order; the line says saving, saved or why not. */
export class Saver {
  readonly status: HTMLElement;
  readonly error: HTMLElement;
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    this.status = h('span', { class: 'save-status', role: 'status', 'aria-live': 'polite', 'data-state': 'idle' });
    this.error = h('p', { class: 'item-error', role: 'alert' });
  }

  private set(state: 'saving' | 'saved' | 'failed'): void {
    this.status.dataset.state = state;
    this.status.textContent = t(state === 'saving' ? 'wiz.saving' : state === 'saved' ? 'wiz.saved' : 'wiz.saveFailed');
  }

  /** Runs `job` after every earlier save. */
  enqueue(job: () => Promise<unknown>): void {
    this.set('saving');
    this.queue = this.queue
      .then(job)
      .then(() => {
        this.error.textContent = '';
        this.set('saved');
      })
      .catch((e: unknown) => {
        this.error.textContent = e instanceof Error ? e.message : String(e);
        this.set('failed');
      });
  }
}

/** The small label that marks a text as the assessor's, not the survey's. */
export function assessorMark(): HTMLElement {
  return h('span', { class: 'assessor-mark' }, t('narr.assessor'));
}

/** The dashboard's card: the executive message and the key findings, editable and saved as typed. */
export function narrativeCard(app: App, view: AssessmentView): HTMLElement {
  const id = view.row.id;
  const saver = new Saver();
  // Keep the open view in step with what was typed, so another screen shows it at once.
  const local = () => narrativeOf(app.view?.row.id === id ? app.view : view);

  const message = h('textarea', {
    id: 'narrative-message',
    class: 'narrative-message',
    rows: 7,
    'data-testid': 'narrative-message',
    value: view.assessment.narrative?.message ?? '',
  });
  const saveMessage = () => {
    const text = message.value;
    local().message = text;
    saver.enqueue(() => call('save_message', { assessment_id: id, message: text }));
  };
  const typedMessage = debounce(saveMessage, 500);
  message.addEventListener('input', () => typedMessage());
  message.addEventListener('change', () => typedMessage.now());

  const list = h('ol', { class: 'findings', 'data-testid': 'narrative-findings' });
  const add = h('button', { type: 'button', 'data-testid': 'add-finding' }, t('narr.addFinding'));
  const findings = () => [...list.querySelectorAll<HTMLTextAreaElement>('textarea[data-finding]')].map((f) => f.value);
  const saveFindings = () => {
    const all = findings();
    local().findings = all.filter((f) => f.trim() !== '');
    saver.enqueue(() => call('save_findings', { assessment_id: id, findings: all }));
  };
  const typedFindings = debounce(saveFindings, 500);
  const renumber = () => {
    [...list.children].forEach((li, i) => {
      const n = i + 1;
      li.querySelector('textarea')?.setAttribute('aria-label', t('narr.findingLabel', { n }));
      li.querySelector('button')?.setAttribute('aria-label', t('narr.removeFinding', { n }));
    });
    add.disabled = list.children.length >= MAX_FINDINGS;
    add.title = add.disabled ? t('narr.findingsMax', { n: MAX_FINDINGS }) : '';
  };
  const row = (text: string): HTMLElement => {
    const field = h('textarea', { rows: 2, 'data-finding': '', value: text });
    field.addEventListener('input', () => typedFindings());
    field.addEventListener('change', () => typedFindings.now());
    const li = h(
      'li',
      null,
      field,
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => {
            li.remove();
            renumber();
            typedFindings.now();
          },
        },
        t('common.delete'),
      ),
    );
    return li;
  };
  for (const f of view.assessment.narrative?.findings ?? []) list.appendChild(row(f));
  add.addEventListener('click', () => {
    if (list.children.length >= MAX_FINDINGS) return;
    const li = row('');
    list.appendChild(li);
    renumber();
    li.querySelector('textarea')?.focus();
  });
  renumber();

  return h(
    'section',
    { class: 'card narrative-card', 'data-testid': 'narrative' },
    h('h2', null, t('narr.heading'), ' ', assessorMark()),
    h('p', { class: 'muted small' }, t('narr.help')),
    h('label', { for: 'narrative-message', class: 'block' }, t('narr.message')),
    h('p', { class: 'muted small' }, t('narr.messageHelp')),
    message,
    h('h3', null, t('narr.findings')),
    list,
    add,
    saver.status,
    saver.error,
  );
}

/** The note on one gap, folded away until the assessor opens it or has written one. */
export function gapNote(app: App, view: AssessmentView, item: string, saver: Saver, typed: Map<string, string>): HTMLElement {
  const id = view.row.id;
  const text = typed.get(item) ?? view.assessment.narrative?.gap_notes?.[item] ?? '';
  const field = h('textarea', {
    rows: 3,
    'data-gap-note': item,
    'aria-label': t('narr.gapNoteFor', { item }),
    value: text,
  });
  const save = () => {
    const note = field.value;
    typed.set(item, note);
    const notes = (narrativeOf(app.view?.row.id === id ? app.view : view).gap_notes ??= {});
    if (note.trim() === '') delete notes[item];
    else notes[item] = note;
    saver.enqueue(() => call('save_gap_note', { assessment_id: id, item, note }));
  };
  const later = debounce(save, 500);
  field.addEventListener('input', () => later());
  field.addEventListener('change', () => later.now());
  return h(
    'details',
    { class: 'gap-note', 'data-note-for': item, open: text.trim() !== '' },
    h('summary', null, t('narr.gapNote'), ' ', assessorMark()),
    field,
  );
}
