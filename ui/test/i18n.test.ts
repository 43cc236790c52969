// Every UI string exists in both languages, with the same placeholders in each.

import { describe, expect, test } from 'vitest';
import { formatDate, STRINGS, setLang, t } from '../src/i18n';

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

  test('one date form per language, the same on every screen', () => {
    setLang('ja');
    expect(formatDate('2026-11-29')).toBe('2026年11月29日');
    expect(formatDate('2014-04')).toBe('2014年4月');
    setLang('en');
    expect(formatDate('2026-11-29')).toBe('29 Nov 2026');
    expect(formatDate('2026-01-05')).toBe('5 Jan 2026');
    // What is not a date (stored before dates were checked) is shown as it is.
    expect(formatDate('29/11/2026')).toBe('29/11/2026');
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
    setLang('ja');
  });
});
