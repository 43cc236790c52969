// The workshop of one assessment: its respondents (added here or imported from a participant's
// file, renamed, removed), and the divergence view — every answered item, most disputed first,
// with the spread of answers, what each person wrote beside them, and a control to record the
// consensus answer with a note. Scoring, the dashboard and the PDF then use the consensus.

import { call, toCommandError } from '../api';
import type { App } from '../app';
import type { AssessmentView, Divergence, Item, Questionnaire, RespondentNote, RespondentRow, WorkshopView } from '../bindings';
import { h, mount } from '../dom';
import { num, t, tx, txOther, type Key } from '../i18n';
import { runImport } from './export';
import { confirmButton } from './organisations';
import { answerControl } from './wizard';

/** An answer key (or several, comma-separated) in words, where the item has such options. */
function label(item: Item | undefined, answer: string): string {
  if (item?.type === 'service' && ['in-house', 'outsourced', 'none'].includes(answer)) {
    return t(`wiz.service.${answer}` as Key);
  }
  if (!item || !('options' in item)) return answer;
  return answer
    .split(/,\s*/)
    .map((key) => {
      const o = item.options.find((x) => x.key === key);
      return o ? `${key}. ${tx(o.short ?? o.text)}` : key;
    })
    .join(' / ');
}

/** One respondent's row: answer as them, correct their name and role, or remove them. */
function respondentRow(app: App, view: AssessmentView, r: RespondentRow, error: HTMLElement): HTMLElement {
  const row = h('tr', { 'data-respondent': String(r.id) });
  const answerAs = h(
    'button',
    {
      'data-testid': 'answer-as-respondent',
      onclick: () => {
        app.respondent = r.id;
        void app.go('wizard');
      },
    },
    t('workshop.answerAs'),
  );
  const remove = confirmButton(
    t('workshop.remove'),
    () => {
      call('delete_respondent', { assessment_id: view.row.id, respondent_id: r.id })
        .then(() => {
          if (app.respondent === r.id) app.respondent = null;
          return app.reloadView();
        })
        .then(() => app.render())
        .catch((e) => (error.textContent = toCommandError(e).message));
    },
    'remove-respondent',
  );
  const show = () =>
    mount(
      row,
      h('td', { class: 'name' }, r.name),
      h('td', null, r.role ?? t('common.notSet')),
      h(
        'td',
        { class: 'actions' },
        answerAs,
        h('button', { 'data-testid': 'edit-respondent', onclick: () => edit() }, t('common.edit')),
        remove,
      ),
    );
  const edit = () => {
    const name = h('input', { type: 'text', 'data-testid': 'edit-respondent-name', value: r.name, 'aria-label': t('workshop.name') });
    const role = h('input', { type: 'text', 'data-testid': 'edit-respondent-role', value: r.role ?? '', 'aria-label': t('workshop.role') });
    const save = () => {
      if (!name.value.trim()) {
        error.textContent = t('workshop.needsName');
        return;
      }
      error.textContent = '';
      return call('update_respondent', {
        assessment_id: view.row.id,
        respondent_id: r.id,
        name: name.value.trim(),
        role: role.value.trim() || null,
      })
        .then(() => app.render())
        .catch((e) => (error.textContent = toCommandError(e).message));
    };
    mount(
      row,
      h('td', null, name),
      h('td', null, role),
      h(
        'td',
        { class: 'actions' },
        h('button', { class: 'primary', 'data-testid': 'save-respondent', onclick: save }, t('common.save')),
        h(
          'button',
          {
            onclick: () => {
              error.textContent = '';
              show();
            },
          },
          t('common.cancel'),
        ),
      ),
    );
    name.focus();
  };
  show();
  return row;
}

function respondentsCard(app: App, view: AssessmentView, w: WorkshopView): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const name = h('input', { type: 'text', id: 'respondent-name', 'data-testid': 'respondent-name', required: true });
  const role = h('input', { type: 'text', id: 'respondent-role', 'data-testid': 'respondent-role', placeholder: t('workshop.roleHint') });
  const importResult = h('div', { class: 'import-result', 'data-testid': 'respondent-import-result' });
  const rows = w.respondents.filter((r) => !r.is_default).map((r) => respondentRow(app, view, r, error));
  const read = () => ({ name: name.value.trim(), role: role.value.trim() || null });
  return h(
    'section',
    { class: 'card respondents', 'data-testid': 'respondents' },
    h('h2', null, t('workshop.respondents')),
    h('p', { class: 'muted small' }, t('workshop.respondentsHelp')),
    rows.length ? h('p', { class: 'muted small' }, t('workshop.removeHelp')) : null,
    rows.length
      ? h(
          'table',
          null,
          h('thead', null, h('tr', null, h('th', null, t('workshop.name')), h('th', null, t('workshop.role')), h('th', null, t('assess.actions')))),
          h('tbody', null, rows),
        )
      : h('p', { class: 'muted' }, t('workshop.noRespondents')),
    h(
      'form',
      {
        class: 'respondent-form',
        'data-testid': 'respondent-form',
        onsubmit: (ev: Event) => {
          ev.preventDefault();
          const r = read();
          call('add_respondent', { assessment_id: view.row.id, name: r.name, role: r.role })
            .then(() => app.render())
            .catch((e) => (error.textContent = toCommandError(e).message));
        },
      },
      h('label', { class: 'field' }, h('span', null, t('workshop.name')), name),
      h('label', { class: 'field' }, h('span', null, t('workshop.role')), role),
      h('button', { type: 'submit', class: 'primary', 'data-testid': 'add-respondent' }, t('workshop.add')),
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'import-respondent',
          title: t('workshop.importHelp'),
          onclick: () => {
            const r = read();
            if (!r.name) {
              error.textContent = t('workshop.needsName');
              return;
            }
            error.textContent = '';
            runImport(
              { organisation_id: null, respondent: { assessment_id: view.row.id, name: r.name, role: r.role } },
              importResult,
              () => void app.reloadView().then(() => app.render()),
            );
          },
        },
        t('workshop.import'),
      ),
    ),
    error,
    importResult,
  );
}

function spread(d: Divergence): HTMLElement {
  const parts: HTMLElement[] = [];
  if (d.levels) {
    parts.push(
      h('span', { class: 'stat', 'data-stat': 'range' }, t('workshop.range', { min: d.levels.min, max: d.levels.max, n: d.levels.range })),
      h('span', { class: 'stat', 'data-stat': 'sd' }, t('workshop.sd', { n: num(d.levels.std_dev) })),
    );
  }
  parts.push(h('span', { class: 'stat' }, t('workshop.answeredBy', { a: d.answered, b: d.respondents })));
  return h('div', { class: 'spread' }, parts);
}

/** What the respondents wrote beside their answers to one item. */
function respondentNotes(notes: RespondentNote[]): HTMLElement | null {
  if (notes.length === 0) return null;
  return h(
    'div',
    { class: 'respondent-notes small', 'data-testid': 'respondent-notes' },
    h('b', null, t('workshop.theirNotes')),
    h(
      'ul',
      null,
      notes.map((n) =>
        h(
          'li',
          { 'data-who': n.respondent },
          h('span', { class: 'who' }, `${n.respondent}: `),
          n.comment ?? '',
          n.evidence ? h('span', { class: 'evidence' }, `${n.comment ? ' / ' : ''}${t('workshop.evidence')}: ${n.evidence}`) : null,
        ),
      ),
    ),
  );
}

function divergenceCard(
  app: App,
  q: Questionnaire,
  view: AssessmentView,
  d: Divergence,
  notes: Map<string, string>,
  theirNotes: RespondentNote[],
): HTMLElement {
  const item = q.items.find((i) => i.id === d.item);
  const agreed = view.assessment.answers[d.item];
  const note = notes.get(d.item) ?? '';
  const error = h('p', { class: 'error', role: 'alert' });
  const control = item ? answerControl(item, agreed, view.assessment.other?.[d.item] ?? '', 'c-') : null;
  const noteArea = h('textarea', { rows: '2', 'data-role': 'consensus-note', value: note });
  const save = (clear: boolean) => {
    const read = control?.read() ?? { answer: null, other: null };
    if (!clear && read.answer === null) {
      error.textContent = t('workshop.pickAnswer');
      return;
    }
    call('set_consensus', {
      assessment_id: view.row.id,
      item: d.item,
      answer: clear ? null : read.answer,
      other_text: clear ? null : read.other,
      note: clear ? null : noteArea.value.trim() || null,
    })
      .then((v) => {
        app.view = v;
        return app.render();
      })
      .catch((e) => (error.textContent = toCommandError(e).message));
  };
  const disputed = d.disagreement > 0;
  return h(
    'article',
    { class: 'divergence' + (disputed ? ' disputed' : ' agreed'), 'data-item': d.item, 'data-disagreement': String(d.disagreement) },
    h(
      'header',
      null,
      h('span', { class: 'id' }, d.item),
      h('h3', { title: item ? txOther(item.text) : undefined }, item ? tx(item.text) : d.item),
      h('span', { class: 'badge ' + (disputed ? 'unanswered' : 'answered') }, disputed ? t('workshop.disagree', { n: num(d.disagreement * 100) }) : t('workshop.agree')),
    ),
    spread(d),
    h(
      'table',
      { class: 'answers' },
      h('tbody', null, d.answers.map(([who, a]) => h('tr', { 'data-who': who }, h('th', null, who), h('td', null, label(item, a))))),
    ),
    d.distribution.length > 1
      ? h(
          'p',
          { class: 'distribution small' },
          t('workshop.distribution'),
          ' ',
          d.distribution.map(([k, n]) => h('span', { class: 'chip', 'data-key': k }, `${label(item, k)} × ${n}`)),
        )
      : null,
    respondentNotes(theirNotes),
    h(
      'div',
      { class: 'consensus-now small', 'data-testid': 'consensus-now' },
      h('b', null, t('workshop.current')),
      ' ',
      agreed === undefined ? t('workshop.noConsensus') : label(item, Array.isArray(agreed) ? agreed.join(', ') : String(agreed)),
      note ? h('span', { class: 'note-text', 'data-testid': 'consensus-note' }, ` — ${note}`) : null,
    ),
    h(
      'details',
      { class: 'set-consensus', open: disputed && agreed === undefined },
      h('summary', null, t('workshop.setConsensus')),
      control?.el ?? null,
      h('label', { class: 'field' }, h('span', null, t('workshop.note')), noteArea),
      h(
        'div',
        { class: 'actions' },
        h('button', { class: 'primary', 'data-testid': 'save-consensus', onclick: () => save(false) }, t('workshop.saveConsensus')),
        note || agreed !== undefined
          ? h('button', { 'data-testid': 'clear-consensus', onclick: () => save(true) }, t('workshop.clearConsensus'))
          : null,
      ),
      error,
    ),
  );
}

export async function renderWorkshop(app: App, q: Questionnaire, view: AssessmentView): Promise<HTMLElement> {
  const w = await call('workshop', { assessment_id: view.row.id, facilitator: t('workshop.facilitator') });
  const notes = new Map(w.consensus_notes);
  // An item only one person answered has nothing to compare yet.
  const answered = w.divergence.filter((d) => d.answered > 1);
  const disputed = answered.filter((d) => d.disagreement > 0).length;
  const list = h('div', { class: 'divergence-list', 'data-testid': 'divergence' });
  mount(
    list,
    answered.map((d) => divergenceCard(app, q, view, d, notes, w.notes.filter((n) => n.item === d.item))),
  );
  return h(
    'div',
    { class: 'screen workshop', 'data-screen-id': 'workshop' },
    respondentsCard(app, view, w),
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('workshop.divergence')),
      h('p', { class: 'muted small' }, t('workshop.divergenceHelp')),
      answered.length
        ? h('p', { 'data-testid': 'disputed-count' }, t('workshop.summary', { n: disputed, m: answered.length }))
        : h('p', { class: 'muted' }, t('workshop.nothingYet')),
      list,
    ),
  );
}
