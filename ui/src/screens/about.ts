// The About box: the app's version, every questionnaire and benchmark with its version, and the
// licences (the embedded font's OFL included), as the shell reports them (`csirt --version`
// prints the same).

import type { AboutView } from '../bindings';
import { h } from '../dom';
import { formatDate, t, tx } from '../i18n';

export function renderAbout(about: AboutView, close: () => void): HTMLElement {
  const closeButton = h('button', { class: 'primary', 'data-testid': 'about-close', onclick: close }, t('common.close'));
  return h(
    'div',
    {
      class: 'about-overlay',
      onkeydown: (ev: Event) => {
        if ((ev as KeyboardEvent).key === 'Escape') close();
      },
    },
    h(
      'section',
      { class: 'card about', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'about-title', 'data-testid': 'about' },
      h('h2', { id: 'about-title' }, t('about.title')),
      h('p', { 'data-testid': 'about-version' }, t('about.version', { v: about.version })),
      h('h3', null, t('about.questionnaires')),
      h(
        'ul',
        { 'data-testid': 'about-questionnaires' },
        about.questionnaires.map((q) =>
          h(
            'li',
            { 'data-questionnaire': q.id },
            h('b', null, `${q.id} ${q.version}`),
            ` ${tx(q.title)}`,
            h(
              'ul',
              null,
              q.benchmarks.map((b) =>
                h(
                  'li',
                  { 'data-benchmark': b.id },
                  t('about.benchmark', { id: b.id, published: formatDate(b.published), n: b.n }),
                  b.builtin ? ` (${t('about.builtin')})` : '',
                  ` ${tx(b.title)}`,
                ),
              ),
            ),
          ),
        ),
      ),
      h('h3', null, t('about.licences')),
      h(
        'ul',
        { 'data-testid': 'about-licences' },
        about.licences.map((l) =>
          h('li', { 'data-licence': l.licence }, h('b', null, `${tx(l.component)}: ${l.licence}`), h('br'), h('span', { class: 'small muted' }, tx(l.note))),
        ),
      ),
      closeButton,
    ),
  );
}
