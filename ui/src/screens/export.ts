// Export and import: PDF (ja/en) with its report options (preset, cover logo, confidentiality
// line), JSON (plain or sealed with a passphrase), CSV and XLSX through the native save dialog,
// and import of an assessment file, asking for the passphrase when the file is encrypted, with
// its validation problems listed item by item.

import { call, toCommandError } from '../api';
import type { App } from '../app';
import type { ExportFormat, ImportInput, Imported, Lang, LogoInfo, ReportPreset } from '../bindings';
import { h, mount } from '../dom';
import { formatDate, lang, STRINGS, t, tx, type Key } from '../i18n';
import { renderContribute } from './contribute';

/** Shows why an import failed: the file's problems item by item, or the message. */
function importError(e: unknown): HTMLElement {
  const err = toCommandError(e);
  const problems = err.payload.problems;
  return h(
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
      : h('p', null, err.kind === 'wrong-passphrase' ? t('import.wrongPassphrase') : err.message),
  );
}

/**
 * Runs an import into `result`. An encrypted file brings up a passphrase field; the shell keeps
 * the chosen file meanwhile, so submitting the passphrase does not ask for the file again, and
 * a wrong one can simply be typed again. `done` gets what the import created.
 */
export function runImport(
  input: Omit<ImportInput, 'passphrase'>,
  result: HTMLElement,
  done: (imported: Imported) => void,
  passphrase: string | null = null,
): void {
  if (passphrase === null) mount(result);
  else mount(result, h('p', { class: 'muted' }, t('import.decrypting')));
  call('import_assessment', { ...input, passphrase })
    .then((imported) => {
      if (imported.assessment_id === null) {
        mount(result, h('p', { class: 'muted' }, t('export.cancelled')));
        return;
      }
      done(imported);
    })
    .catch((e) => {
      const err = toCommandError(e);
      if (err.kind !== 'passphrase-required' && err.kind !== 'wrong-passphrase') {
        mount(result, importError(e));
        return;
      }
      const field = h('input', {
        type: 'password',
        id: 'import-passphrase',
        'data-testid': 'import-passphrase',
        autocomplete: 'off',
      });
      const submit = () => runImport(input, result, done, field.value);
      mount(
        result,
        err.kind === 'wrong-passphrase' ? importError(e) : h('p', null, t('import.encrypted')),
        h(
          'form',
          {
            class: 'passphrase-form',
            onsubmit: (ev: Event) => {
              ev.preventDefault();
              submit();
            },
          },
          h('label', { class: 'field' }, h('span', null, t('import.passphrase')), field),
          h('button', { type: 'submit', class: 'primary', 'data-testid': 'import-decrypt' }, t('import.decrypt')),
        ),
      );
      field.focus();
    });
}

export function renderExport(app: App): HTMLElement {
  const view = app.view;
  const result = h('div', { class: 'export-result', role: 'status', 'data-testid': 'export-result' });
  const buttons: { key: Key; format: ExportFormat; language: Lang; id: string }[] = [
    { key: 'export.pdfJa', format: 'pdf', language: 'ja', id: 'pdf-ja' },
    { key: 'export.pdfEn', format: 'pdf', language: 'en', id: 'pdf-en' },
    { key: 'export.docxJa', format: 'docx', language: 'ja', id: 'docx-ja' },
    { key: 'export.docxEn', format: 'docx', language: 'en', id: 'docx-en' },
    { key: 'export.json', format: 'json', language: lang(), id: 'json' },
    { key: 'export.csv', format: 'csv', language: lang(), id: 'csv' },
    { key: 'export.xlsx', format: 'xlsx', language: lang(), id: 'xlsx' },
  ];
  const passphrase = h('input', {
    type: 'password',
    id: 'export-passphrase',
    'data-testid': 'export-passphrase',
    autocomplete: 'new-password',
  });
  const withPeers = h('input', { type: 'checkbox', id: 'export-peers', 'data-testid': 'export-peers' });
  const presets: ReportPreset[] = ['full', 'team', 'board'];
  const preset = h(
    'select',
    { id: 'export-preset', 'data-testid': 'export-preset' },
    presets.map((p) => h('option', { value: p }, t(`export.preset.${p}` as Key))),
  ) as HTMLSelectElement;
  const confidentiality = h('input', {
    type: 'text',
    id: 'export-confidentiality',
    'data-testid': 'export-confidentiality',
    maxlength: '200',
  });
  // The logo lives in the shell (chosen through its own dialog, checked there); the screen
  // only shows which one is chosen.
  let logo: LogoInfo | null = null;
  const logoName = h('span', { class: 'muted', 'data-testid': 'export-logo-name' }, t('export.logoNone'));
  const logoError = h('span', { class: 'error', 'data-testid': 'export-logo-error' });
  const showLogo = () => {
    logoName.textContent = logo ? t('export.logoChosen', { name: logo.name, width: logo.width, height: logo.height }) : t('export.logoNone');
    clearLogo.hidden = logo === null;
  };
  const chooseLogo = h(
    'button',
    {
      type: 'button',
      'data-testid': 'export-logo-choose',
      onclick: () => {
        logoError.textContent = '';
        call('choose_logo')
          .then((chosen) => {
            if (chosen) logo = chosen;
            showLogo();
          })
          .catch((e) => {
            logoError.textContent = toCommandError(e).message;
          });
      },
    },
    t('export.logoChoose'),
  );
  const clearLogo = h(
    'button',
    {
      type: 'button',
      'data-testid': 'export-logo-clear',
      hidden: true,
      onclick: () => {
        call('clear_logo')
          .then(() => {
            logo = null;
            showLogo();
          })
          .catch((e) => {
            logoError.textContent = toCommandError(e).message;
          });
      },
    },
    t('export.logoClear'),
  );
  const run = (b: (typeof buttons)[number]) => {
    if (!view) return;
    mount(result, h('p', { class: 'muted' }, t('export.working')));
    const secret = b.format === 'json' && passphrase.value !== '' ? passphrase.value : null;
    call('export_assessment', {
      assessment_id: view.row.id,
      format: b.format,
      language: b.language,
      passphrase: secret,
      peers: (b.format === 'pdf' || b.format === 'docx') && withPeers.checked,
      facilitator: STRINGS['workshop.facilitator'][b.language],
      preset: preset.value as ReportPreset,
      confidentiality: confidentiality.value.trim() === '' ? null : confidentiality.value,
      logo: logo !== null,
    })
      .then((saved) => {
        mount(
          result,
          saved.path
            ? [
                h('p', { class: 'ok', 'data-path': saved.path }, t('export.saved', { path: saved.path })),
                saved.warnings.length > 0
                  ? h(
                      'ul',
                      { class: 'warn problems', 'data-testid': 'export-warnings' },
                      saved.warnings.map((w) => h('li', null, w)),
                    )
                  : null,
              ]
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
          h('p', { class: 'muted' }, `${view.row.organisation_name} · ${formatDate(view.row.date)}`),
          h('p', { class: 'muted small' }, t('export.help')),
          h(
            'div',
            { class: 'export-options' },
            h('label', { class: 'check' }, withPeers, h('span', null, t('export.peers'))),
            h(
              'fieldset',
              { class: 'report-options', 'data-testid': 'report-options' },
              h('legend', null, t('export.reportOptions')),
              h('label', { class: 'field' }, h('span', null, t('export.preset')), preset),
              h(
                'div',
                { class: 'field' },
                h('span', null, t('export.logo')),
                h('div', { class: 'logo-choice' }, logoName, ' ', chooseLogo, ' ', clearLogo),
                logoError,
              ),
              h(
                'label',
                { class: 'field' },
                h('span', null, t('export.confidentiality')),
                confidentiality,
                h('span', { class: 'hint small' }, t('export.confidentialityHint')),
              ),
            ),
            h(
              'label',
              { class: 'field' },
              h('span', null, t('export.passphrase')),
              passphrase,
              h('span', { class: 'hint small' }, t('export.passphraseHint')),
            ),
          ),
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
  const imported = (result: Imported) => {
    const id = result.assessment_id;
    if (id === null) return;
    mount(
      importResult,
      h('p', { class: 'ok' }, t('import.done')),
      result.notice ? h('p', { class: 'warn', 'data-testid': 'import-notice' }, tx(result.notice)) : null,
      h('button', { 'data-testid': 'open-imported', onclick: () => app.openAssessment(id, 'dashboard') }, t('import.openIt')),
    );
  };
  const opened = app.info.opened_file;
  const openedOffer = opened
    ? h(
        'div',
        { class: 'opened-file', 'data-testid': 'opened-file', 'data-path': opened },
        h('p', null, t('import.opened', { path: opened })),
        h(
          'button',
          {
            class: 'primary',
            'data-testid': 'import-opened',
            onclick: () =>
              runImport({ organisation_id: null, respondent: null, opened: true }, importResult, (result) => {
                app.forgetOpenedFile();
                openedOffer?.remove();
                imported(result);
              }),
          },
          t('import.openedImport'),
        ),
        ' ',
        h(
          'button',
          {
            'data-testid': 'import-opened-dismiss',
            onclick: () => {
              app.forgetOpenedFile();
              openedOffer?.remove();
            },
          },
          t('import.openedDismiss'),
        ),
      )
    : null;
  const importCard = h(
    'section',
    { class: 'card' },
    h('h2', null, t('import.heading')),
    h('p', { class: 'muted small' }, t('import.help')),
    openedOffer,
    h(
      'button',
      {
        class: opened ? '' : 'primary',
        'data-testid': 'import',
        onclick: () => runImport({ organisation_id: null, respondent: null }, importResult, imported),
      },
      t('import.button'),
    ),
    importResult,
  );
  return h(
    'div',
    { class: 'screen export', 'data-screen-id': 'export' },
    exportCard,
    view ? renderContribute(app) : null,
    importCard,
  );
}
