// The Questionnaires screen: every questionnaire the app knows (built in, or installed from a
// package) with its version, the import of a package chosen in the shell's file dialog (its
// problems listed with their file and line), and the removal of an installed package, which
// the core refuses, naming them, while assessments use it. Also the new-assessment choice of
// questionnaire, used by the Organisations screen.

import { call, toCommandError } from '../api';
import type { App } from '../app';
import type { QuestionnaireInfo } from '../bindings';
import { h, mount } from '../dom';
import { t, tx, type Key } from '../i18n';
import { confirmButton } from './organisations';

/** A questionnaire as one line: its title and version. */
export function questionnaireLabel(q: QuestionnaireInfo): string {
  return t('quest.label', { title: tx(q.title), version: q.version });
}

/** The new-assessment choice: every questionnaire, the JPCERT/CC 2015 one first. */
export function questionnaireSelect(list: QuestionnaireInfo[]): HTMLSelectElement {
  return h(
    'select',
    { id: 'new-assessment-questionnaire', 'data-testid': 'new-assessment-questionnaire' },
    list.map((q, i) => h('option', { value: q.id, selected: i === 0 }, questionnaireLabel(q))),
  ) as HTMLSelectElement;
}

/** Why an import or a removal failed: each problem with its file and line, or the message. */
function failure(e: unknown): HTMLElement {
  const err = toCommandError(e);
  const problems = err.payload.problems;
  return h(
    'div',
    { class: 'error-box', 'data-kind': err.kind, 'data-testid': 'questionnaire-error' },
    h('strong', null, t(`error.title.${err.kind}` as Key)),
    h('p', null, problems.length ? t('import.problems', { n: problems.length }) : err.message),
    problems.length ? h('ul', { class: 'problems' }, problems.map((p) => h('li', null, p.message))) : null,
  );
}

function row(q: QuestionnaireInfo, remove: (id: string) => void): HTMLElement {
  const origin = q.builtin ? t('quest.builtin') : q.package ? t('quest.package') : t('quest.folder');
  return h(
    'tr',
    { 'data-questionnaire': q.id },
    h('td', null, tx(q.title), h('div', { class: 'small muted' }, q.id)),
    h('td', null, q.version),
    h('td', { class: 'num' }, String(q.items)),
    h('td', null, origin),
    h('td', null, q.package ? confirmButton(t('common.delete'), () => remove(q.id), 'remove-questionnaire') : null),
  );
}

export async function renderQuestionnaires(app: App): Promise<HTMLElement> {
  const status = h('div', { class: 'status', role: 'status', 'data-testid': 'questionnaire-status' });
  const body = h('tbody');
  const fill = (list: QuestionnaireInfo[]) => mount(body, list.map((q) => row(q, remove)));
  const remove = (id: string) => {
    mount(status);
    call('remove_questionnaire', { id })
      .then((list) => {
        fill(list);
        mount(status, h('p', { class: 'ok' }, t('quest.removed', { id })));
      })
      .catch((e) => mount(status, failure(e)));
  };
  fill(await call('list_questionnaires'));
  const importButton = h(
    'button',
    {
      class: 'primary',
      'data-testid': 'questionnaire-import',
      onclick: async () => {
        mount(status);
        try {
          const added = await call('import_questionnaire');
          if (!added) return;
          fill(await call('list_questionnaires'));
          mount(status, h('p', { class: 'ok' }, t('quest.imported', { s: questionnaireLabel(added) })));
        } catch (e) {
          mount(status, failure(e));
        }
      },
    },
    t('quest.import'),
  );
  void app;
  return h(
    'div',
    { class: 'screen questionnaires', 'data-screen-id': 'questionnaires' },
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('quest.heading')),
      h('p', { class: 'muted' }, t('quest.help')),
      importButton,
      status,
    ),
    h(
      'section',
      { class: 'card' },
      h(
        'table',
        { class: 'questionnaire-list', 'data-testid': 'questionnaire-list' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, t('quest.title')),
            h('th', null, t('quest.version')),
            h('th', null, t('quest.itemCount')),
            h('th', null, t('quest.origin')),
            h('th', null, ''),
          ),
        ),
        body,
      ),
    ),
  );
}
