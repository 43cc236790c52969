// The glossary test on the UI: every Japanese and English string of the dictionary uses the
// glossary's term for a concept (crates/csirt-model/glossary.json), never a listed variant.
// The report's labels get the same check in crates/csirt-report/tests/glossary.rs.

import { describe, expect, test } from 'vitest';
import { STRINGS } from '../src/i18n';
import { misused, term, TERMS } from '../src/glossary';

describe('the glossary', () => {
  test('lists the terms the app and the report share', () => {
    const ids = TERMS.map((x) => x.id);
    for (const id of ['organisation', 'benchmark', 'benchmark-teams', 'setup-items', 'prerequisite', 'agreed-answer', 'provisional', 'gap', 'priority', 'target']) {
      expect(ids).toContain(id);
    }
    expect(term('organisation').ja).toBe('貴組織');
  });

  test('catches a variant in a string, and not the term itself', () => {
    expect(misused('あなたの組織のスコア', 'ja').map((m) => m.term.id)).toEqual(['organisation']);
    expect(misused('調査対象 66 組織との比較', 'ja').map((m) => m.term.id)).toEqual(['benchmark-teams']);
    expect(misused('先に: 4.1', 'ja').map((m) => m.term.id)).toEqual(['prerequisite']);
    expect(misused('構築時に定めておくべき項目', 'ja').map((m) => m.term.id)).toEqual(['setup-items']);
    for (const x of TERMS) expect(misused(x.ja, 'ja')).toEqual([]);
  });

  test('no UI string uses a variant instead of the glossary term', () => {
    const found: string[] = [];
    for (const [key, text] of Object.entries(STRINGS)) {
      for (const lang of ['ja', 'en'] as const) {
        for (const m of misused(text[lang], lang)) {
          found.push(`${key} (${lang}): “${m.variant}” instead of “${m.term[lang]}”`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
