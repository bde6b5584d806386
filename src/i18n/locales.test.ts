import { describe, expect, it } from 'vitest';
import { chooseLocale, matchLocale } from './locales';

describe('matchLocale', () => {
  it('matches by the language subtag, in the order given', () => {
    expect(matchLocale(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(matchLocale(['ET'])).toBe('et');
    expect(matchLocale(['ar_EG'])).toBe('ar');
  });

  it('finds nothing among languages we do not ship', () => {
    expect(matchLocale(['fr', 'pt-BR', ''])).toBeUndefined();
  });
});

describe('chooseLocale', () => {
  it('takes ?language= over the stored choice and the browser', () => {
    expect(chooseLocale({ search: '?page=2&language=ar', stored: 'de', browser: ['et'] })).toBe('ar');
  });

  it('takes the stored choice over the browser', () => {
    expect(chooseLocale({ search: '', stored: 'et', browser: ['de-DE'] })).toBe('et');
  });

  it('ignores an unknown ?language= and stored value', () => {
    expect(chooseLocale({ search: '?language=xx', stored: 'zz', browser: ['fr', 'de'] })).toBe('de');
  });

  it('falls back to English', () => {
    expect(chooseLocale({ search: '', stored: null, browser: ['fr-FR', 'ja'] })).toBe('en');
  });
});
