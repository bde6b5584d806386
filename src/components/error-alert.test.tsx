import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { networkError, normaliseHttpError } from '../api/errors';
import { ErrorAlert, urlProblem } from './error-alert';

function show(error: unknown, actions?: Parameters<typeof ErrorAlert>[0]['actions']) {
  return render(
    <I18nProvider i18n={i18n}>
      <MantineProvider env="test">
        <ErrorAlert error={error} onRetry={() => {}} actions={actions} />
      </MantineProvider>
    </I18nProvider>,
  );
}

describe('ErrorAlert', () => {
  it('offers Retry only where sending the same again can work', () => {
    const { unmount } = show(normaliseHttpError(403, { detail: 'You do not have permission to perform this action.' }));
    expect(screen.getByText('Not allowed')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    unmount();
    show(normaliseHttpError(503, ''));
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('offers the way out of a URL the server refuses instead of Retry', () => {
    const cleared: string[][] = [];
    const options = {
      page: 50,
      goToFirstPage: () => cleared.push(['page']),
      filters: { role_uuid: 'role' },
      clearFilters: (names: string[]) => cleared.push(names),
    };
    const badFilter = urlProblem(normaliseHttpError(400, { role_uuid: ['Enter a valid UUID.'] }), options);
    expect(badFilter?.title).toBe('This filter cannot be used');
    badFilter?.actions[0]?.onClick();
    expect(cleared).toEqual([['role']]);
    const badPage = urlProblem(normaliseHttpError(404, { detail: 'Invalid page.' }), options);
    expect(badPage?.title).toBe('Page 50 does not exist');
    expect(badPage?.actions.map((action) => action.label)).toEqual(['Go to page 1']);
    expect(urlProblem(normaliseHttpError(404, { detail: 'Not found.' }), { ...options, page: 1 })).toBeNull();
    expect(urlProblem(networkError(), options)).toBeNull();
    show(normaliseHttpError(404, { detail: 'Invalid page.' }), badPage?.actions);
    expect(screen.getByRole('button', { name: 'Go to page 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });
});
