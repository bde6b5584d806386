import { MantineProvider, Select } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LazyListSelect } from './lazy-list-select';

const data = Array.from({ length: 200 }, (_, index) => ({ value: `r${index}`, label: `omega-${String(index + 1).padStart(3, '0')}` }));

/** The option the keyboard is on, as a screen reader is told it (aria-activedescendant), or null. */
function activeOption(combobox: HTMLElement): string | null {
  const id = combobox.getAttribute('aria-activedescendant');
  return id ? (document.getElementById(id)?.textContent ?? null) : null;
}

describe('LazyListSelect', () => {
  it('keeps its list out of the page until the field is used', async () => {
    render(
      <MantineProvider env="test">
        <LazyListSelect label="Resource" data={data} value={null} onChange={() => {}} />
      </MantineProvider>,
    );
    expect(document.querySelectorAll('[data-combobox-option]')).toHaveLength(0);
    await userEvent.hover(screen.getByRole('combobox', { name: 'Resource' }));
    expect(document.querySelectorAll('[data-combobox-option]')).toHaveLength(200);
  });

  it('answers the keyboard as Mantine’s Select does: the first Arrow Down opens the list on its first option', async () => {
    render(
      <MantineProvider env="test">
        <Select label="Plain" data={data} value={null} onChange={() => {}} />
        <LazyListSelect label="Filter" data={data} value={null} onChange={() => {}} />
      </MantineProvider>,
    );
    const steps: (string | null)[][] = [];
    for (const name of ['Plain', 'Filter']) {
      const combobox = screen.getByRole('combobox', { name });
      await userEvent.click(document.body);
      combobox.focus();
      const seen: (string | null)[] = [];
      for (let i = 0; i < 3; i++) {
        await userEvent.keyboard('{ArrowDown}');
        seen.push(activeOption(combobox));
      }
      steps.push(seen);
    }
    expect(steps[1]).toEqual(steps[0]);
    expect(steps[1]?.[0]).toBe('omega-001');
  });

  it('picks a value with the mouse, the list shown on the first click', async () => {
    const onChange = vi.fn();
    render(
      <MantineProvider env="test">
        <LazyListSelect label="Resource" data={data} value={null} onChange={onChange} />
      </MantineProvider>,
    );
    await userEvent.click(screen.getByRole('combobox', { name: 'Resource' }));
    await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'omega-150' }));
    expect(onChange).toHaveBeenCalledWith('r149', expect.objectContaining({ value: 'r149' }));
  });
});
