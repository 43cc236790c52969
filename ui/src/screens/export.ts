// Export and import: PDF (ja/en), JSON, CSV and XLSX through the native save dialog, and import
// of an assessment file with its validation problems listed item by item.

import { call, toCommandError } from '../api';
import type { App } from '../app';
import type { ExportFormat, Lang } from '../bindings';
import { h, mount } from '../dom';
import { lang, t, type Key } from '../i18n';

export function renderExport(app: App): HTMLElement {
  const view = app.view;
  const result = h('div', { class: 'export-result', role: 'status', 'data-testid': 'export-result' });
  const buttons: { key: Key; format: ExportFormat; language: Lang; id: string }[] = [
    { key: 'export.pdfJa', format: 'pdf', language: 'ja', id: 'pdf-ja' },
    { key: 'export.pdfEn', format: 'pdf', language: 'en', id: 'pdf-en' },
    { key: 'export.json', format: 'json', language: lang(), id: 'json' },
    { key: 'export.csv', format: 'csv', language: lang(), id: 'csv' },
    { key: 'export.xlsx', format: 'xlsx', language: lang(), id: 'xlsx' },
  ];
  const run = (b: (typeof buttons)[number]) => {
    if (!view) return;
    mount(result, h('p', { class: 'muted' }, t('export.working')));
    call('export_assessment', { assessment_id: view.row.id, format: b.format, language: b.language })
      .then((saved) => {
        mount(
          result,
          saved.path
            ? h('p', { class: 'ok', 'data-path': saved.path }, t('export.saved', { path: saved.path }))
            : h('p', { class: 'muted' }, t('export.cancelled')),
        );
      })
      .catch((e) => {
        const err = toCommandError(e);
        mount(result, h('p', { class: 'error', 'data-kind': err.kind }, t(`error.title.${err.kind}` as Key), ': ', err.message));
      });
  };
  const exportCard = h(
    'section',
    { class: 'card' },
    h('h2', null, t('export.heading')),
    view
      ? [
          h('p', { class: 'muted' }, `${view.row.organisation_name} · ${view.row.date}`),
          h('p', { class: 'muted small' }, t('export.help')),
          h(
            'div',
            { class: 'export-buttons' },
            buttons.map((b) =>
              h(
                'button',
                {
                  'data-export': b.id,
                  onclick: () => run(b),
                },
                t(b.key),
              ),
            ),
          ),
          result,
        ]
      : h('p', { class: 'muted' }, t('export.needsAssessment')),
  );

  const importResult = h('div', { class: 'import-result', 'data-testid': 'import-result' });
  const importCard = h(
    'section',
    { class: 'card' },
    h('h2', null, t('import.heading')),
    h('p', { class: 'muted small' }, t('import.help')),
    h(
      'button',
      {
        class: 'primary',
        'data-testid': 'import',
        onclick: () => {
          mount(importResult);
          call('import_assessment', { organisation_id: null })
            .then((imported) => {
              if (imported.assessment_id === null) {
                mount(importResult, h('p', { class: 'muted' }, t('export.cancelled')));
                return;
              }
              const id = imported.assessment_id;
              mount(
                importResult,
                h('p', { class: 'ok' }, t('import.done')),
                h('button', { 'data-testid': 'open-imported', onclick: () => app.openAssessment(id, 'dashboard') }, t('import.openIt')),
              );
            })
            .catch((e) => {
              const err = toCommandError(e);
              const problems = err.payload.problems;
              mount(
                importResult,
                h(
                  'div',
                  { class: 'error-box', 'data-kind': err.kind },
                  h('strong', null, t(`error.title.${err.kind}` as Key)),
                  problems.length
                    ? [
                        h('p', null, t('import.problems', { n: problems.length })),
                        h(
                          'ul',
                          { class: 'problems' },
                          problems.map((p) =>
                            h(
                              'li',
                              { 'data-problem-item': p.item ?? '' },
                              h('b', null, p.item ? t('error.item', { item: p.item }) : t('error.general')),
                              ' ',
                              p.message,
                            ),
                          ),
                        ),
                      ]
                    : h('p', null, err.message),
                ),
              );
            });
        },
      },
      t('import.button'),
    ),
    importResult,
  );
  return h('div', { class: 'screen export', 'data-screen-id': 'export' }, exportCard, importCard);
}
