// Contributing to a pooled benchmark, on the export screen: the team's coarse profile, a preview
// of every field that would leave the machine, and saving exactly that file (sealed to the
// collector's key when one is given). The shell builds and checks the file; this only shows it.

import { call, toCommandError } from '../api';
import type { App } from '../app';
import type { ContributionPreview, ProfileChoice } from '../bindings';
import { h, mount } from '../dom';
import { lang, t, tx, type Key } from '../i18n';

function errorLine(e: unknown): HTMLElement {
  const err = toCommandError(e);
  return h('p', { class: 'error', 'data-kind': err.kind }, t(`error.title.${err.kind}` as Key), ': ', err.message);
}

export function renderContribute(app: App): HTMLElement {
  const view = app.view;
  const card = h('section', { class: 'card', 'data-testid': 'contribute' }, h('h2', null, t('contribute.heading')));
  if (!view) return card;
  const pick = (id: string) =>
    h('select', { id: `contribute-${id}`, 'data-testid': `contribute-${id}` }, h('option', { value: '' }, t('contribute.unsaid')));
  const sector = pick('sector');
  const size = pick('size');
  const form = pick('form');
  const recipient = h('input', {
    type: 'text',
    id: 'contribute-recipient',
    'data-testid': 'contribute-recipient',
    placeholder: 'age1…',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  const previewBox = h('div', { 'data-testid': 'contribution-preview' });
  const result = h('div', { role: 'status', 'data-testid': 'contribute-result' });
  let shown: ContributionPreview | null = null;
  const fill = (select: HTMLSelectElement, choices: ProfileChoice[]) => {
    if (select.options.length > 1) return;
    for (const c of choices) select.appendChild(h('option', { value: c.key }, tx(c.label)));
  };
  const save = h('button', { class: 'primary', 'data-testid': 'contribute-save', disabled: true }, t('contribute.save'));
  const preview = () => {
    mount(result);
    call('preview_contribution', {
      assessment_id: view.row.id,
      language: lang(),
      sector: sector.value || null,
      size: size.value || null,
      form: form.value || null,
    })
      .then((p) => {
        shown = p;
        fill(sector, p.options.sectors);
        fill(size, p.options.sizes);
        fill(form, p.options.forms);
        save.disabled = false;
        mount(
          previewBox,
          h('p', null, t('contribute.previewIntro')),
          h(
            'table',
            { class: 'preview' },
            h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('contribute.field')), h('th', { scope: 'col' }, t('contribute.value')))),
            h('tbody', null, p.rows.map((r) => h('tr', null, h('th', { scope: 'row' }, r.field), h('td', null, r.value)))),
          ),
          h('details', null, h('summary', null, t('contribute.rawFile')), h('pre', { class: 'small' }, p.json)),
        );
      })
      .catch((e) => {
        shown = null;
        save.disabled = true;
        mount(previewBox, errorLine(e));
      });
  };
  save.onclick = () => {
    if (!shown) return;
    call('save_contribution', { json: shown.json, recipient: recipient.value.trim() || null })
      .then((saved) =>
        mount(
          result,
          saved.path
            ? h('p', { class: 'ok', 'data-path': saved.path }, t('export.saved', { path: saved.path }))
            : h('p', { class: 'muted' }, t('export.cancelled')),
        ),
      )
      .catch((e) => mount(result, errorLine(e)));
  };
  for (const s of [sector, size, form]) s.onchange = preview;
  const field = (key: Key, input: HTMLElement) => h('label', { class: 'field' }, h('span', null, t(key)), input);
  mount(
    card,
    h('h2', null, t('contribute.heading')),
    h('p', { class: 'muted small' }, t('contribute.help')),
    h('div', { class: 'export-options' }, field('contribute.sector', sector), field('contribute.size', size), field('contribute.form', form)),
    h('button', { 'data-testid': 'contribute-preview', onclick: preview }, t('contribute.preview')),
    previewBox,
    field('contribute.recipient', recipient),
    h('p', { class: 'hint small' }, t('contribute.recipientHint')),
    save,
    result,
  );
  return card;
}
