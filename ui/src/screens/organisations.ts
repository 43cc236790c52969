// The Organisations screen: the list, a form to add or edit one, deletion with a confirm step,
// and the selected organisation's assessments over time.

import { call } from '../api';
import type { App } from '../app';
import type { AssessmentSummary, OrganisationInput, OrganisationRow, ProfileChoice, QuestionnaireInfo } from '../bindings';
import { h, mount } from '../dom';
import { formatDate, num, t, todayIso, tx } from '../i18n';
import { prefillChoice } from './prefill';
import { questionnaireSelect } from './questionnaires';

/** A stored CSIRT form by its label from the core's list (`csirt_forms`); an unknown one as stored. */
function formLabel(forms: ProfileChoice[], form: string | null): string {
  if (!form) return '';
  const known = forms.find((f) => f.key === form);
  return known ? tx(known.label) : form;
}

/** A button that asks once more before it deletes. */
export function confirmButton(label: string, onConfirm: () => void, testId: string): HTMLElement {
  const wrap = h('span', { class: 'confirm' });
  const ask = () =>
    mount(
      wrap,
      h('span', { class: 'warn' }, t('common.confirmDelete')),
      h('button', { class: 'danger', 'data-testid': `${testId}-yes`, onclick: onConfirm }, t('common.yes')),
      h('button', { onclick: reset }, t('common.cancel')),
    );
  const reset = () =>
    mount(wrap, h('button', { class: 'danger-outline', 'data-testid': testId, onclick: ask }, label));
  reset();
  return wrap;
}

function orgForm(
  app: App,
  forms: ProfileChoice[],
  existing: OrganisationRow | null,
  done: (row: OrganisationRow) => void,
) {
  const field = (id: string, label: string, value: string | null, hint?: string) =>
    h(
      'label',
      { class: 'field' },
      h('span', null, label),
      h('input', { id, name: id, type: 'text', value: value ?? '', placeholder: hint ?? '' }),
    );
  const form = h(
    'form',
    { class: 'card org-form', 'data-testid': existing ? 'org-edit-form' : 'org-new-form' },
    h('h3', null, existing ? t('org.editing') : t('org.new')),
    field('org-name', t('org.name'), existing?.name ?? null),
    field('org-sector', t('org.sector'), existing?.sector ?? null),
    field('org-size', t('org.size'), existing?.size ?? null, t('org.sizeHint')),
    h(
      'label',
      { class: 'field' },
      h('span', null, t('org.form')),
      h(
        'select',
        { id: 'org-form', name: 'org-form' },
        h('option', { value: '' }, t('org.form.none')),
        forms.map((f) => h('option', { value: f.key, selected: existing?.csirt_form === f.key }, tx(f.label))),
      ),
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, existing ? t('common.save') : t('org.add')),
    ),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = (name: string) => {
      const el = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
      const v = el?.value.trim() ?? '';
      return v === '' ? null : v;
    };
    const input: OrganisationInput = {
      name: value('org-name') ?? '',
      sector: value('org-sector'),
      size: value('org-size'),
      csirt_form: value('org-form'),
    };
    const save = existing
      ? call('update_organisation', { id: existing.id, organisation: input })
      : call('create_organisation', input);
    save
      .then((row) => {
        app.clearError();
        done(row);
      })
      .catch((e) => app.showError(e));
  });
  return form;
}

function history(
  app: App,
  org: OrganisationRow,
  rows: AssessmentSummary[],
  questionnaires: QuestionnaireInfo[],
  rerender: () => void,
) {
  // A text field in the ISO form, not <input type=date>: WebKit shows a date input in the
  // system locale's form (11/29/2026) whatever the app's language, and its `lang` is not
  // honoured. The ISO form reads the same in both languages, the core checks it (a real
  // calendar day, in the user's language), and the hint beside it shows it in words.
  const dateInput = h('input', {
    type: 'text',
    id: 'new-assessment-date',
    'data-testid': 'new-assessment-date',
    inputmode: 'numeric',
    size: 11,
    maxlength: '10',
    placeholder: 'YYYY-MM-DD',
    'aria-describedby': 'new-assessment-date-hint',
    value: todayIso(),
  });
  const dateHint = h('span', { id: 'new-assessment-date-hint', class: 'hint small', 'aria-live': 'polite' });
  const showHint = () => {
    const v = dateInput.value.trim();
    const words = formatDate(v);
    dateHint.textContent = words && words !== v ? t('org.dateHint', { date: words }) : t('org.dateFormat');
  };
  dateInput.addEventListener('input', showHint);
  showHint();
  // Off by default: start from another questionnaire's assessment, its answers derived.
  const questionnaire = questionnaireSelect(questionnaires);
  const prefill = prefillChoice(app, org.id, questionnaire);
  // Which questionnaire (title and version) each assessment was answered on; its id when the
  // questionnaire is no longer installed.
  const questionnaireOf = (s: AssessmentSummary) => {
    const q = questionnaires.find((x) => x.id === s.row.questionnaire_id);
    const title = q ? tx(q.title) : s.row.questionnaire_id;
    return t('quest.label', { title, version: s.row.questionnaire_version });
  };
  /** The id and version, short enough for the table; the title and version on hover. */
  const questionnaireCell = (s: AssessmentSummary) =>
    h(
      'td',
      { class: 'small nowrap', 'data-questionnaire': s.row.questionnaire_id, title: questionnaireOf(s) },
      `${s.row.questionnaire_id} · ${s.row.questionnaire_version}`,
    );
  const create = h(
    'button',
    {
      class: 'primary',
      'data-testid': 'new-assessment',
      onclick: () => {
        const date = dateInput.value.trim() || null;
        const offer = prefill.chosen();
        const made = offer
          ? call('start_prefilled', {
              organisation_id: org.id,
              questionnaire: offer.target,
              date,
              from: offer.assessment_id,
            })
          : call('create_assessment', {
              organisation_id: org.id,
              date,
              questionnaire: questionnaire.value || undefined,
            });
        made.then((row) => app.openAssessment(row.id, 'wizard')).catch((e) => app.showError(e));
      },
    },
    t('org.newAssessment'),
  );
  const table = rows.length
    ? h(
        'table',
        { class: 'history' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, t('assess.date')),
            h('th', null, t('org.questionnaire')),
            h('th', null, t('assess.status')),
            h('th', null, t('assess.answered')),
            h('th', null, t('assess.overall')),
            h('th', null, t('assess.actions')),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((s) => {
            const bar = h('meter', { min: '0', max: '100', value: String(s.overall ?? 0) });
            const toggle = s.row.status === 'draft' ? 'final' : 'draft';
            return h(
              'tr',
              { 'data-assessment': s.row.id, class: app.view?.row.id === s.row.id ? 'selected' : '' },
              h('td', { class: 'nowrap', 'data-date': s.row.date }, formatDate(s.row.date)),
              questionnaireCell(s),
              h('td', { class: 'nowrap' }, h('span', { class: `status ${s.row.status}` }, t(`assess.status.${s.row.status}`))),
              h('td', null, t('assess.progress', { a: s.row.answered, b: s.answerable })),
              h(
                'td',
                { class: 'score-cell' },
                s.overall === null ? t('common.notSet') : [h('b', null, num(s.overall)), ' ', bar],
              ),
              h(
                'td',
                { class: 'row-actions' },
                h(
                  'button',
                  { class: 'primary', 'data-testid': 'open-assessment', onclick: () => app.openAssessment(s.row.id, 'wizard') },
                  t('common.open'),
                ),
                h(
                  'button',
                  { onclick: () => app.openAssessment(s.row.id, 'dashboard') },
                  t('nav.dashboard'),
                ),
                h(
                  'button',
                  {
                    onclick: () =>
                      call('set_assessment_status', { id: s.row.id, status: toggle })
                        .then(async () => {
                          if (app.view?.row.id === s.row.id) await app.reloadView();
                          rerender();
                        })
                        .catch((e) => app.showError(e)),
                  },
                  toggle === 'final' ? t('assess.markFinal') : t('assess.markDraft'),
                ),
                confirmButton(
                  t('common.delete'),
                  () =>
                    call('delete_assessment', { id: s.row.id })
                      .then(() => {
                        app.closeAssessment(s.row.id);
                        app.renderHeader();
                        rerender();
                      })
                      .catch((e) => app.showError(e)),
                  'delete-assessment',
                ),
              ),
            );
          }),
        ),
      )
    : h('p', { class: 'muted' }, t('org.noAssessments'));
  return h(
    'section',
    { class: 'card', 'data-testid': 'history' },
    h('h3', null, t('org.history')),
    table,
    h(
      'div',
      { class: 'actions' },
      h('label', { class: 'inline', for: 'new-assessment-questionnaire' }, t('org.questionnaire')),
      questionnaire,
      h('label', { class: 'inline', for: 'new-assessment-date' }, t('org.date')),
      dateInput,
      dateHint,
      create,
    ),
    prefill.el,
  );
}

export async function renderOrganisations(app: App): Promise<HTMLElement> {
  const root = h('div', { class: 'screen organisations', 'data-screen-id': 'organisations' });
  const draw = async () => {
    const [orgs, forms, questionnaires] = await Promise.all([
      call('list_organisations'),
      call('csirt_forms'),
      call('list_questionnaires'),
    ]);
    if (app.orgId !== null && !orgs.some((o) => o.id === app.orgId)) app.orgId = null;
    if (app.orgId === null && orgs.length > 0) app.orgId = orgs[0].id;
    const selected = orgs.find((o) => o.id === app.orgId) ?? null;
    const rerender = () => void draw().catch((e) => app.showError(e));
    let editing = false;

    const list = h(
      'ul',
      { class: 'org-list', 'aria-label': t('org.heading') },
      orgs.map((o) =>
        h(
          'li',
          null,
          h(
            'button',
            {
              class: 'org' + (o.id === app.orgId ? ' active' : ''),
              'data-org': o.id,
              'aria-pressed': String(o.id === app.orgId),
              onclick: () => {
                app.orgId = o.id;
                rerender();
              },
            },
            h('span', { class: 'name' }, o.name),
            h(
              'span',
              { class: 'meta' },
              [o.sector, formLabel(forms, o.csirt_form)].filter(Boolean).join(' · '),
            ),
            h('span', { class: 'count' }, t('org.assessmentCount', { n: o.assessments })),
          ),
        ),
      ),
    );

    const detail = h('div', { class: 'org-detail' });
    const drawDetail = async () => {
      if (!selected) {
        mount(detail, h('p', { class: 'muted' }, orgs.length ? t('org.select') : t('org.empty')));
        return;
      }
      const rows = await call('list_assessments', { organisation_id: selected.id });
      const head = h(
        'div',
        { class: 'card org-head' },
        h('h2', { 'data-testid': 'org-title' }, selected.name),
        h(
          'dl',
          null,
          h('dt', null, t('org.sector')),
          h('dd', null, selected.sector ?? t('common.notSet')),
          h('dt', null, t('org.size')),
          h('dd', null, selected.size ?? t('common.notSet')),
          h('dt', null, t('org.form')),
          h('dd', null, formLabel(forms, selected.csirt_form) || t('common.notSet')),
        ),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              'data-testid': 'edit-org',
              onclick: () => {
                editing = !editing;
                void drawDetail();
              },
            },
            editing ? t('common.cancel') : t('common.edit'),
          ),
          confirmButton(
            t('common.delete'),
            () =>
              call('delete_organisation', { id: selected.id })
                .then(() => {
                  if (app.view?.row.organisation_id === selected.id) app.closeAssessment(app.view.row.id);
                  app.orgId = null;
                  app.renderHeader();
                  rerender();
                })
                .catch((e) => app.showError(e)),
            'delete-org',
          ),
          h('span', { class: 'muted small' }, t('org.deleteHint')),
        ),
      );
      mount(
        detail,
        head,
        editing ? orgForm(app, forms, selected, () => rerender()) : null,
        history(app, selected, rows, questionnaires, rerender),
      );
    };
    await drawDetail();

    mount(
      root,
      h(
        'div',
        { class: 'two-col' },
        h(
          'aside',
          { class: 'org-side' },
          h('h2', null, t('org.heading')),
          orgs.length ? list : h('p', { class: 'muted' }, t('org.empty')),
          orgForm(app, forms, null, (row) => {
            app.orgId = row.id;
            rerender();
          }),
        ),
        detail,
      ),
    );
  };
  await draw();
  return root;
}
