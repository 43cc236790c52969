// Peer profiles: the teams the benchmark interviewed, nearest to the organisation first, each
// with how alike it is in plain words (the distance and its formula on demand) and what it does
// that the organisation does not yet, citing the interview section.

import { call } from '../api';
import type { App } from '../app';
import type { AssessmentView, PeerMatch, Questionnaire } from '../bindings';
import { h } from '../dom';
import { num, t, tx, txOther, type Key } from '../i18n';

function peerCard(q: Questionnaire, p: PeerMatch, rank: number): HTMLElement {
  return h(
    'article',
    { class: 'card peer', 'data-peer': p.id },
    h(
      'header',
      null,
      h('span', { class: 'rank' }, String(rank)),
      h('h3', null, p.team, ' ', h('span', { class: 'muted', title: txOther(p.organisation) }, tx(p.organisation))),
      h(
        'span',
        { class: `closeness closeness-${p.closeness}`, 'data-testid': 'closeness', 'data-closeness': p.closeness },
        t(`peers.closeness.${p.closeness}` as Key),
      ),
    ),
    h(
      'details',
      { class: 'formula small', 'data-testid': 'closeness-formula' },
      h('summary', null, t('peers.formula')),
      h('p', { class: 'distance' }, t('peers.formulaText', { n: num(p.distance) })),
    ),
    h(
      'p',
      { class: 'small profile' },
      [tx(p.form_label), tx(p.sector), tx(p.size)].filter((s) => s !== '').join(' · '),
      ' ',
      h('span', { class: 'cite' }, t('peers.source', { s: p.section })),
    ),
    p.practices.length
      ? [
          h('h4', null, t('peers.practices')),
          h(
            'ul',
            { class: 'practices' },
            p.practices.map((pr) => {
              const item = q.items.find((i) => i.id === pr.item);
              return h(
                'li',
                { 'data-item': pr.item },
                h('span', { title: txOther(pr.text) }, tx(pr.text)),
                ' ',
                h(
                  'span',
                  { class: 'cite small', title: item ? tx(item.text) : undefined },
                  t('peers.cite', { s: pr.section, item: pr.item }),
                ),
              );
            }),
          ),
        ]
      : h('p', { class: 'muted small' }, t('peers.nothing')),
  );
}

export async function renderPeers(_app: App, q: Questionnaire, view: AssessmentView): Promise<HTMLElement> {
  const peers = await call('peers', { id: view.row.id });
  return h(
    'div',
    { class: 'screen peers', 'data-screen-id': 'peers' },
    h(
      'section',
      { class: 'card' },
      h('h2', null, t('peers.heading')),
      h('p', { class: 'muted small' }, t('peers.help')),
      peers.length ? null : h('p', { class: 'muted' }, t('peers.none')),
    ),
    h('div', { class: 'peer-list', 'data-testid': 'peers' }, peers.map((p, i) => peerCard(q, p, i + 1))),
  );
}
