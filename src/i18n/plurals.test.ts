import { i18n, type Messages } from '@lingui/core';
import { plural, t } from '@lingui/core/macro';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The compiled catalogs (Lingui's Vite plugin compiles the PO files on import, as the build does),
 * and plural messages the app shows, written here as the app writes them: the same English source
 * text is the same message id, so each is looked up in the catalog. A message missing from a
 * catalog would come out in English and fail.
 */
const catalogs = import.meta.glob<{ messages: Messages }>('../locales/*/messages.po', { eager: true });

function activate(locale: string): void {
  const catalog = catalogs[`../locales/${locale}/messages.po`];
  if (!catalog) throw new Error(`no catalog for ${locale}`);
  i18n.loadAndActivate({ locale, messages: catalog.messages });
}

// The Groups tab's pagination count (offering-groups/groups-tab.tsx) and the Members tab's count words.
const groups = (count: number) => plural(count, { one: '# group', other: '# groups' });
const members = (count: number) => plural(count, { one: '# member', other: '# members' });
// The pagination bar's range (components/pagination-bar.tsx), around the count words.
const range = (first: string, last: string, of: string) => t`${first}–${last} of ${of}`;

const COUNTS = [0, 1, 2, 5, 11, 100] as const;

afterAll(() => i18n.loadAndActivate({ locale: 'en', messages: {} }));

describe('plurals in each locale (0, 1, 2, 5, 11, 100)', () => {
  it('English, the source: one and other', () => {
    activate('en');
    expect(COUNTS.map(groups)).toEqual(['0 groups', '1 group', '2 groups', '5 groups', '11 groups', '100 groups']);
    expect(range('1', '10', groups(33))).toBe('1–10 of 33 groups');
  });

  it('German: one and other', () => {
    activate('de');
    expect(COUNTS.map(groups)).toEqual(['0 Gruppen', '1 Gruppe', '2 Gruppen', '5 Gruppen', '11 Gruppen', '100 Gruppen']);
    expect(COUNTS.map(members)).toEqual(['0 Mitglieder', '1 Mitglied', '2 Mitglieder', '5 Mitglieder', '11 Mitglieder', '100 Mitglieder']);
    expect(range('1', '10', groups(33))).toBe('1–10 · insgesamt 33 Gruppen');
    expect(range('1', '1', members(1))).toBe('1–1 · insgesamt 1 Mitglied');
  });

  it('Estonian: one and other (the partitive after numbers other than one)', () => {
    activate('et');
    expect(COUNTS.map(groups)).toEqual(['0 gruppi', '1 grupp', '2 gruppi', '5 gruppi', '11 gruppi', '100 gruppi']);
    expect(COUNTS.map(members)).toEqual(['0 liiget', '1 liige', '2 liiget', '5 liiget', '11 liiget', '100 liiget']);
    expect(range('1', '10', groups(33))).toBe('1–10 · kokku 33 gruppi');
  });

  it('Arabic: all six forms (zero, one, two, few, many, other)', () => {
    activate('ar');
    expect(COUNTS.map(groups)).toEqual([
      'لا توجد مجموعات', // zero
      'مجموعة واحدة', // one
      'مجموعتان', // two
      '5 مجموعات', // few (3–10)
      '11 مجموعة', // many (11–99)
      '100 مجموعة', // other
    ]);
    expect(COUNTS.map(members)).toEqual(['لا يوجد أعضاء', 'عضو واحد', 'عضوان', '5 أعضاء', '11 عضوًا', '100 عضو']);
    expect(range('1', '10', groups(33))).toBe('1–10 من أصل 33 مجموعة');
  });
});
