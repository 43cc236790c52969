// The glossary's terms, as the core defines them (crates/csirt-model/src/glossary.rs, written
// out as glossary.json by its test): the one word for each concept in the app and the report.
// test/glossary.test.ts fails when a UI string uses a listed variant instead.

import data from '../../crates/csirt-model/glossary.json';
import type { Text } from './bindings';

export interface Term {
  id: string;
  ja: string;
  en: string;
  meaning_ja: string;
  meaning_en: string;
  avoid_ja: string[];
  avoid_en: string[];
}

export const TERMS: Term[] = data.terms;

/** The term with this id, as a bilingual text. */
export function term(id: string): Text {
  const found = TERMS.find((x) => x.id === id);
  return found ? { ja: found.ja, en: found.en } : { ja: id, en: id };
}

/** Every variant `text` uses instead of a glossary term, in `lang`. */
export function misused(text: string, lang: 'ja' | 'en'): { term: Term; variant: string }[] {
  return TERMS.flatMap((x) =>
    (lang === 'ja' ? x.avoid_ja : x.avoid_en).filter((v) => text.includes(v)).map((variant) => ({ term: x, variant })),
  );
}
