import { useLingui } from '@lingui/react/macro';
import { NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { chooseLanguage } from './i18n';
import { isLocale, LOCALES, type Locale } from './locales';

const OPTIONS = (Object.keys(LOCALES) as Locale[]).map((locale) => ({ value: locale, label: LOCALES[locale].name }));

/**
 * The header's language menu: each language named in itself. A native select: light enough for
 * the first page (no floating layer), and the platform's own keyboard and screen reader use.
 * The page, its filters and an open form stay as they are; only the words change.
 */
export function LanguageSelect() {
  const { i18n, t } = useLingui();
  const [loading, setLoading] = useState<Locale | null>(null);
  const change = (value: string) => {
    if (!isLocale(value) || value === i18n.locale) return;
    setLoading(value);
    chooseLanguage(value)
      // The notifications' code loads only then: the header is on every first screen.
      .catch(() =>
        import('@mantine/notifications').then(({ notifications }) =>
          notifications.show({
            color: 'red',
            title: t`Could not load the language`,
            message: t`Check your connection and choose it again.`,
          }),
        ),
      )
      .finally(() => setLoading(null));
  };
  return (
    <NativeSelect
      aria-label={t`Language`}
      data={OPTIONS}
      value={loading ?? i18n.locale}
      disabled={loading !== null}
      onChange={(event) => change(event.currentTarget.value)}
      w={110}
    />
  );
}
