import { describe, expect, it } from 'vitest';

/**
 * Issue 29, item 18: the UI speaks an admin's words, not the API's. Every message the app shows
 * is a msgid of the English catalog; none may name an API field (`keycloak_url`,
 * `enable_membership_sync_status`, …): a setting is called by its label in Settings.
 */
const raw = import.meta.glob<string>('../locales/en/messages.po', { query: '?raw', import: 'default', eager: true });
const catalog = raw['../locales/en/messages.po'] ?? '';
const msgids = [...catalog.matchAll(/^msgid "(.*)"$/gm)].map((match) => match[1] ?? '').filter(Boolean);

// Words with underscores that are meant: the two keys of a settings file the admin writes and
// reads (the Settings import), and an example of an unhelpful role name.
const MEANT = new Set(['plugin_options', 'secret_options', 'ingress_manage']);

describe('no internal names in the UI', () => {
  it('the catalog is read', () => {
    expect(msgids.length).toBeGreaterThan(500);
  });

  it('no message names an API field', () => {
    const named = msgids.flatMap((msgid) =>
      [...msgid.matchAll(/\b[a-z]+(?:_[a-z]+)+\b/g)]
        .map((match) => match[0])
        .filter((word) => !MEANT.has(word))
        .map((word) => `${word}: ${msgid}`),
    );
    expect(named).toEqual([]);
  });
});
