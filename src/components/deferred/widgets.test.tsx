import { ActionIcon, MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Each test gets the module afresh: the widgets' code is loaded once per module instance.
let widget: typeof import('./widgets');
beforeEach(async () => {
  vi.resetModules();
  widget = await import('./widgets');
});

const wrap = (ui: React.ReactNode) => render(<MantineProvider env="test">{ui}</MantineProvider>);

describe('deferred widgets', () => {
  it('a menu: its trigger stands in until the code is there, and a click on it opens the menu', async () => {
    const onDelete = vi.fn();
    wrap(
      <widget.DeferredMenu target={<ActionIcon aria-label="Actions for alpha">⋯</ActionIcon>}>
        {(Menu) => <Menu.Item onClick={onDelete}>Delete</Menu.Item>}
      </widget.DeferredMenu>,
    );
    const trigger = screen.getByRole('button', { name: 'Actions for alpha' });
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    expect(screen.queryByRole('menu')).toBeNull();

    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('a select: the stand-in shows the value, and a key press on it opens the select with its options', async () => {
    const onChange = vi.fn();
    wrap(<widget.DeferredSelect aria-label="Rows per page" data={['10', '25']} value="10" onChange={onChange} />);
    const standIn = screen.getByRole('combobox', { name: 'Rows per page' });
    expect((standIn as HTMLInputElement).value).toBe('10');
    expect(screen.queryByRole('option')).toBeNull();

    standIn.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.click(await screen.findByRole('option', { name: '25' }));
    expect(onChange).toHaveBeenCalledWith('25', expect.anything());
  });

  it('a select once its code is there keeps its list out of the page until it is pointed at or focused', async () => {
    await import('./mantine-widgets');
    wrap(<widget.DeferredSelect aria-label="Rows per page" data={['10', '25', '50']} value="10" onChange={() => {}} />);
    // A first interaction loads the code; the real select takes the stand-in's place.
    await userEvent.click(document.body);
    const select = await vi.waitFor(() => {
      const combobox = screen.getByRole('combobox', { name: 'Rows per page' });
      expect(combobox.getAttribute('aria-haspopup')).not.toBe(null);
      expect(document.querySelector('.mantine-Select-input')).not.toBe(null);
      return combobox;
    });
    expect(document.querySelectorAll('[data-combobox-option]')).toHaveLength(0);
    await userEvent.hover(select);
    expect(document.querySelectorAll('[data-combobox-option]')).toHaveLength(3);
  });

  it('a tooltip: the element alone until the code is there, then the element with its tooltip', async () => {
    wrap(
      <widget.DeferredTooltip label="kc-group-1">
        <code tabIndex={0}>kc-group-1</code>
      </widget.DeferredTooltip>,
    );
    expect(screen.getByText('kc-group-1')).toBeTruthy();
    expect(screen.queryByRole('tooltip')).toBeNull();
    // A click anywhere is a first interaction: the code loads, and hovering shows the tooltip.
    await userEvent.click(document.body);
    await vi.waitFor(async () => {
      await userEvent.hover(screen.getByText('kc-group-1'));
      expect(screen.getByRole('tooltip').textContent).toBe('kc-group-1');
    });
  });
});
