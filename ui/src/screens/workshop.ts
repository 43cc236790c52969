// The workshop of one assessment: its respondents (added here, imported from a participant's
// file or several files at once, renamed, removed), answering privately (answers hidden until
// the facilitator reveals them; the shell keeps that), and the divergence view — every answered
// item, most disputed first, with where it stands (agreed, all agree, provisional, open), the
// spread of views in words (figures and formula on demand), what each person wrote, and the
// always-visible control to record the agreed answer; as cards or as a compact matrix of items
// × people, open items only if asked. Scoring, the dashboard and the PDF use the agreed answer.

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
    h(
      'div',
      { class: 'bulk-import' },
      h(
        'button',
        {
          type: 'button',
          'data-testid': 'bulk-import',
          'aria-describedby': 'bulk-import-help',
          onclick: () => {
            error.textContent = '';
            call('import_respondents', { assessment_id: view.row.id })
              .then((rows) => {
                if (rows.length === 0) {
                  mount(importResult, h('p', { class: 'muted' }, t('workshop.bulkNone')));
                  return;
                }
                app.workshopImport = rows;
                return app.reloadView().then(() => app.render());
              })
              .catch((e) => (error.textContent = toCommandError(e).message));
          },
        },
        t('workshop.bulkImport'),
      ),
      h('span', { class: 'muted small', id: 'bulk-import-help' }, t('workshop.bulkImportHelp')),
    ),
    error,
    importResult,
    bulkResult(app),
  );
}

/** What the last bulk import did, file by file (shown once). */
function bulkResult(app: App): HTMLElement | null {
  const rows = app.workshopImport;
  app.workshopImport = null;
  if (!rows) return null;
  return h(
    'ul',
    { class: 'bulk-result', 'data-testid': 'bulk-result', role: 'status' },
    rows.map((r) =>
      h(
        'li',
        { 'data-file': r.file, class: r.error ? 'error' : 'ok' },
        h('b', null, r.file),
        ': ',
        r.error ?? t('workshop.bulkImported', { name: r.name }),
      ),
    ),
  );
}

/** The spread of views in plain words; the figures and the formula on demand. */
function spread(d: Divergence): HTMLElement {
  const stats: HTMLElement[] = [];
  if (d.levels) {
    stats.push(
      h('span', { class: 'stat', 'data-stat': 'range' }, t('workshop.range', { min: d.levels.min, max: d.levels.max, n: d.levels.range })),
      h('span', { class: 'stat', 'data-stat': 'sd' }, t('workshop.sd', { n: num(d.levels.std_dev) })),
    );
  }
  stats.push(h('span', { class: 'stat', 'data-stat': 'value' }, t('workshop.value', { n: num(d.disagreement) })));
  return h(
    'div',
    { class: 'spread' },
    h('span', { class: `spread-word spread-${d.spread}`, 'data-testid': 'spread', 'data-spread': d.spread }, t(`workshop.spread.${d.spread}` as Key)),
    h('span', { class: 'stat' }, t('workshop.answeredBy', { a: d.answered, b: d.respondents })),
    d.answered > 1
      ? h(
          'details',
          { class: 'formula small', 'data-testid': 'spread-formula' },
          h('summary', null, t('workshop.formula')),
          h('div', { class: 'stats' }, stats),
          h('p', null, t('workshop.formulaText')),
        )
      : null,
  );
}

/** Where the item stands, as a labelled badge (words and a mark, never colour alone). */
function stateBadge(d: Divergence): HTMLElement {
  const mark = { agreed: '✓', unanimous: '✓', provisional: '!', open: '?' }[d.agreement];
  return h(
    'span',
    { class: `badge state state-${d.agreement}`, 'data-testid': 'agreement-state', 'data-state': d.agreement },
    h('span', { 'aria-hidden': 'true', class: 'mark' }, mark),
    ' ',
    t(`workshop.state.${d.agreement}` as Key),
  );
}

const isOpen = (d: Divergence) => d.agreement === 'provisional' || d.agreement === 'open';

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
  hidden: boolean,
): HTMLElement {
  const item = q.items.find((i) => i.id === d.item);
  const agreed = view.assessment.answers[d.item];
  const note = notes.get(d.item) ?? '';
  const error = h('p', { class: 'error', role: 'alert' });
  const control = item ? answerControl(item, agreed, view.assessment.other?.[d.item] ?? '', 'c-') : null;
  const noteArea = h('textarea', { rows: '2', 'data-role': 'consensus-note', value: note, 'aria-label': t('workshop.note') });
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
  const open = isOpen(d);
  const settled = !open;
  const collapsed = settled && app.workshopUi.collapseAgreed;
  const headingId = `wd-${d.item}`;
  return h(
    'article',
    {
      class: `divergence state-${d.agreement}` + (open ? ' disputed' : ' agreed') + (collapsed ? ' collapsed' : ''),
      'data-item': d.item,
      'data-state': d.agreement,
      'data-disagreement': String(d.disagreement),
      'aria-labelledby': headingId,
    },
    h(
      'header',
      null,
      h('span', { class: 'id' }, d.item),
      h('h3', { id: headingId, title: item ? txOther(item.text) : undefined }, item ? tx(item.text) : d.item),
      stateBadge(d),
    ),
    h(
      'div',
      { class: 'consensus-now small', 'data-testid': 'consensus-now' },
      h('b', null, t('workshop.current')),
      ' ',
      agreed === undefined ? t('workshop.noConsensus') : label(item, Array.isArray(agreed) ? agreed.join(', ') : String(agreed)),
      note ? h('span', { class: 'note-text', 'data-testid': 'consensus-note' }, ` — ${note}`) : null,
    ),
    collapsed
      ? null
      : [
          hidden ? h('p', { class: 'muted small', 'data-testid': 'answers-hidden' }, t('workshop.answersHidden')) : spread(d),
          hidden
            ? null
            : h(
                'table',
                { class: 'answers' },
                h('tbody', null, d.answers.map(([who, a]) => h('tr', { 'data-who': who }, h('th', { scope: 'row' }, who), h('td', null, label(item, a))))),
              ),
          !hidden && d.distribution.length > 1
            ? h(
                'p',
                { class: 'distribution small' },
                t('workshop.distribution'),
                ' ',
                d.distribution.map(([k, n]) => h('span', { class: 'chip', 'data-key': k }, `${label(item, k)} × ${n}`)),
              )
            : null,
          respondentNotes(theirNotes),
          // Recording the agreement is always in view: the answer, a note and one button.
          h(
            'section',
            { class: 'set-consensus', 'aria-label': t('workshop.setConsensus') },
            h('h4', null, t('workshop.setConsensus')),
            control?.el ?? null,
            h('label', { class: 'field' }, h('span', null, t('workshop.note')), noteArea),
            h(
              'div',
              { class: 'actions' },
              h('button', { class: 'primary', 'data-testid': 'save-consensus', onclick: () => save(false) }, t('workshop.saveConsensus')),
              note || d.agreement === 'agreed'
                ? h('button', { 'data-testid': 'clear-consensus', onclick: () => save(true) }, t('workshop.clearConsensus'))
                : null,
            ),
            error,
          ),
        ],
  );
}

/** The compact view for a projector: one row per item, one column per person. */
function matrix(q: Questionnaire, list: Divergence[], hidden: boolean): HTMLElement {
  const people: string[] = [];
  for (const d of list) for (const [who] of d.answers) if (!people.includes(who)) people.push(who);
  return h(
    'table',
    { class: 'workshop-matrix', 'data-testid': 'workshop-matrix' },
    h('caption', { class: 'small muted' }, t('workshop.matrixCaption')),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, t('workshop.matrixItem')),
        people.map((p) => h('th', { scope: 'col', 'data-who': p }, p)),
        h('th', { scope: 'col' }, t('workshop.matrixSpread')),
        h('th', { scope: 'col' }, t('workshop.matrixState')),
      ),
    ),
    h(
      'tbody',
      null,
      list.map((d) => {
        const item = q.items.find((i) => i.id === d.item);
        const answers = new Map(d.answers);
        return h(
          'tr',
          { 'data-item': d.item, 'data-state': d.agreement, class: `state-${d.agreement}` },
          h('th', { scope: 'row', title: item ? tx(item.text) : undefined }, h('span', { class: 'id' }, d.item), ' ', h('span', { class: 'matrix-text' }, item ? tx(item.text) : '')),
          people.map((p) => {
            const a = answers.get(p);
            return h(
              'td',
              { 'data-who': p, title: a === undefined ? t('workshop.notAnswered') : label(item, a) },
              hidden ? '•' : a === undefined ? h('span', { class: 'muted', 'aria-label': t('workshop.notAnswered') }, '—') : a,
            );
          }),
          h('td', { 'data-testid': 'spread', 'data-spread': d.spread }, hidden ? '' : t(`workshop.spreadShort.${d.spread}` as Key)),
          h('td', null, stateBadge(d)),
        );
      }),
    ),
  );
}

/** The toolbar over the divergence: open only, collapse the agreed, cards or matrix. */
function tools(app: App): HTMLElement {
  const ui = app.workshopUi;
  const toggle = (key: 'openOnly' | 'collapseAgreed' | 'matrix', value: boolean, label: Key, testid: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'toggle',
        'data-testid': testid,
        'aria-pressed': String(ui[key] === value),
        onclick: () => {
          ui[key] = key === 'matrix' ? value : !ui[key];
          void app.render();
        },
      },
      t(label),
    );
  return h(
    'div',
    { class: 'workshop-tools', role: 'group', 'aria-label': t('workshop.tools') },
    toggle('openOnly', true, 'workshop.openOnly', 'open-only'),
    toggle('collapseAgreed', true, 'workshop.collapseAgreed', 'collapse-agreed'),
    h(
      'span',
      { class: 'view-switch' },
      toggle('matrix', false, 'workshop.viewCards', 'view-cards'),
      toggle('matrix', true, 'workshop.viewMatrix', 'view-matrix'),
    ),
  );
}

/** Answering privately on one laptop: hide the answers, then reveal them (the shell keeps it). */
function privacyCard(app: App, view: AssessmentView, hidden: boolean): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const set = (value: boolean) =>
    call('hide_answers', { assessment_id: view.row.id, hidden: value })
      .then(() => app.render())
      .catch((e) => (error.textContent = toCommandError(e).message));
  return h(
    'section',
    { class: 'card privacy', 'data-testid': 'privacy', 'data-hidden': String(hidden), 'aria-labelledby': 'privacy-h' },
    h('h2', { id: 'privacy-h' }, t('workshop.privately')),
    hidden
      ? [
          h('p', { 'data-testid': 'hidden-note' }, t('workshop.hiddenNote')),
          h('button', { class: 'primary', 'data-testid': 'reveal-answers', onclick: () => void set(false) }, t('workshop.reveal')),
        ]
      : [
          h('p', { class: 'muted small' }, t('workshop.hideHelp')),
          h('button', { 'data-testid': 'hide-answers', onclick: () => void set(true) }, t('workshop.hide')),
        ],
    error,
  );
}

export async function renderWorkshop(app: App, q: Questionnaire, view: AssessmentView): Promise<HTMLElement> {
  const w = await call('workshop', { assessment_id: view.row.id, facilitator: t('workshop.facilitator') });
  const notes = new Map(w.consensus_notes);
  // An item only one person answered has nothing to compare yet.
  const answered = w.divergence.filter((d) => d.answered > 1);
  const disputed = answered.filter((d) => d.disagreement > 0).length;
  const shown = app.workshopUi.openOnly ? answered.filter(isOpen) : answered;
  const list = h('div', { class: 'divergence-list', 'data-testid': 'divergence' });
  if (app.workshopUi.matrix) mount(list, shown.length ? matrix(q, shown, w.hidden) : null);
  else mount(list, shown.map((d) => divergenceCard(app, q, view, d, notes, w.notes.filter((n) => n.item === d.item), w.hidden)));
  return h(
    'div',
    { class: 'screen workshop', 'data-screen-id': 'workshop' },
    respondentsCard(app, view, w),
    privacyCard(app, view, w.hidden),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'divergence-h' },
      h('h2', { id: 'divergence-h' }, t('workshop.divergence')),
      h('p', { class: 'muted small' }, t('workshop.divergenceHelp')),
      answered.length
        ? [
            h(
              'p',
              { class: 'open-count', 'data-testid': 'open-count', 'data-open': String(w.open), role: 'status' },
              w.open > 0 ? t('workshop.openCount', { n: w.open }) : t('workshop.allSettled'),
            ),
            w.hidden ? null : h('p', { class: 'small', 'data-testid': 'disputed-count' }, t('workshop.summary', { n: disputed, m: answered.length })),
            tools(app),
          ]
        : h('p', { class: 'muted' }, t('workshop.nothingYet')),
      list,
    ),
  );
}
