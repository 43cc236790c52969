// Every UI string exists in both languages, with the same placeholders in each.

import { describe, expect, test } from 'vitest';
import { STRINGS, setLang, t } from '../src/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the UI dictionary', () => {
  test('every key has Japanese and English text', () => {
    for (const [key, text] of Object.entries(STRINGS)) {
      expect(text.ja.trim(), `${key} ja`).not.toBe('');
      expect(text.en.trim(), `${key} en`).not.toBe('');
    }
  });

  test('both languages use the same placeholders', () => {
    for (const [key, text] of Object.entries(STRINGS)) {
      expect(placeholders(text.ja), key).toEqual(placeholders(text.en));
    }
  });

  test('t fills placeholders in the current language', () => {
    setLang('en');
    expect(t('assess.progress', { a: 3, b: 70 })).toBe('3 of 70');
    setLang('ja');
    expect(t('assess.progress', { a: 3, b: 70 })).toBe('3 / 70 問');
  });
});
