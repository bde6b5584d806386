// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../lib/format';
import { drawGroupsPage, groupRowHtml } from './groups-frame';

// The boot script's rows are held to the app's own by e2e/boot-frame.spec.ts, element by
// element; these cover what the demo data there does not: markup in names, empty fields.
const row = (html: string) => {
  const table = document.createElement('table');
  table.innerHTML = `<tbody>${html}</tbody>`;
  const tr = table.querySelector('tr');
  if (!tr) throw new Error('no row');
  return { querySelector: (selector: string) => tr.querySelector(selector), cells: [...tr.querySelectorAll('td')] };
};

describe('groupRowHtml', () => {
  it('writes names and ids as text, never as markup', () => {
    const tr = row(
      groupRowHtml({ name: '<img src=x onerror=alert(1)>"&', role_name: '<b>', backend_id: '"><script>', created: '2025-03-01T05:38:00Z' }),
    );
    expect(tr.querySelector('img, b, script')).toBeNull();
    expect(tr.cells[0]?.textContent).toBe('<img src=x onerror=alert(1)>"&');
    expect(tr.querySelector('button')?.getAttribute('title')).toBe('<img src=x onerror=alert(1)>"&');
    expect(tr.querySelector('.group-row_remoteId')?.textContent).toBe('"><script>');
    expect(tr.cells[6]?.querySelector('button')?.getAttribute('aria-label')).toBe('Actions for <img src=x onerror=alert(1)>"&');
  });

  it('shows what the app shows for missing fields: no name, no resource, no scope, not linked', () => {
    const tr = row(
      groupRowHtml({ name: '', role_name: 'Viewer', role_scope_type: 'project', resource_name: null, scope_id: '', backend_id: '' }),
    );
    expect(tr.cells[0]?.textContent).toBe('(no name)');
    expect(tr.cells[6]?.querySelector('button')?.getAttribute('aria-label')).toBe('Actions for (no name)');
    expect(tr.cells[1]?.textContent).toBe('ViewerScope: project');
    expect(tr.cells[2]?.textContent).toBe('—');
    expect(tr.cells[3]?.textContent).toBe('—');
    expect(tr.cells[4]?.textContent).toBe('Not linked');
    expect(tr.cells[5]?.textContent).toBe('—');
  });

  it('formats the date as the app does', () => {
    const created = '2025-03-01T05:38:00Z';
    expect(row(groupRowHtml({ name: 'a', created })).cells[5]?.textContent).toBe(formatDateTime(created));
  });
});

describe('drawGroupsPage', () => {
  const template = () => {
    const element = document.createElement('template');
    element.innerHTML =
      '<header><span data-boot-slot="scheme"></span></header><main><h1 data-boot-slot="name"></h1><p data-boot-slot="customer"></p><table><tbody></tbody></table></main>';
    return element;
  };

  it('fills the offering’s name and organization and the rows', () => {
    const page = drawGroupsPage(template(), { name: 'Alpha <HPC>', customer_name: 'Aurora' }, [{ name: 'g1' }, { name: 'g2' }]);
    expect(page?.querySelector('h1')?.textContent).toBe('Alpha <HPC>');
    expect(page?.querySelector('p')?.textContent).toBe('Aurora');
    expect(page?.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('shows the colour scheme toggle as the shell does: the scheme it switches to', () => {
    document.documentElement.setAttribute('data-mantine-color-scheme', 'dark');
    expect(drawGroupsPage(template(), {}, [{ name: 'g1' }])?.querySelector('[data-boot-slot="scheme"]')?.textContent).toBe('☀');
    document.documentElement.setAttribute('data-mantine-color-scheme', 'light');
    expect(drawGroupsPage(template(), {}, [{ name: 'g1' }])?.querySelector('[data-boot-slot="scheme"]')?.textContent).toBe('☾');
  });

  it('draws nothing without a template or without rows (the app says why there are none)', () => {
    expect(drawGroupsPage(null, { name: 'A' }, [{ name: 'g1' }])).toBeNull();
    expect(drawGroupsPage(template(), { name: 'A' }, [])).toBeNull();
  });
});
