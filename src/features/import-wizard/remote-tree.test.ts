import { describe, expect, it } from 'vitest';
import { buildRemoteTree, groupLabel, visibleRows } from './remote-tree';

const g = (id: string, path: string, sub = 0) => ({ id, name: path.slice(path.lastIndexOf('/') + 1), path, sub_group_count: sub });

describe('buildRemoteTree', () => {
  it('shows the shared parent once and lists its children sorted', () => {
    const tree = buildRemoteTree([
      g('v', '/waldur/alpha/Visitors'),
      g('a', '/waldur/alpha/admins', 2),
      g('g10', '/waldur/alpha/group10'),
      g('g9', '/waldur/alpha/group9'),
    ]);
    expect(tree.rootPath).toBe('/waldur/alpha');
    expect(tree.nodes.map((node) => node.label)).toEqual(['admins', 'group9', 'group10', 'Visitors']);
    expect(tree.size).toBe(4);
  });

  it('nests a flattened realm by path, with folders for unlisted parents', () => {
    const tree = buildRemoteTree([
      g('chem-res', '/chemistry/Researchers'),
      g('phys', '/physics', 2),
      g('phys-res', '/physics/Researchers'),
      g('safety', '/chemistry/Lab Managers/Safety Officers'),
    ]);
    expect(tree.rootPath).toBe('');
    const rows = visibleRows(tree, '', new Set());
    expect(rows.map((row) => [row.node.label, row.depth, Boolean(row.node.group)])).toEqual([
      ['chemistry', 0, false],
      ['Lab Managers', 1, false],
      ['Safety Officers', 2, true],
      ['Researchers', 1, true],
      ['physics', 0, true],
      ['Researchers', 1, true],
    ]);
    expect(groupLabel(tree, g('x', '/physics/Researchers'))).toBe('Researchers (/physics/Researchers)');
    expect(groupLabel(tree, g('x', '/physics'))).toBe('physics');
  });

  it('collapses folders and searches by name, path or id, keeping ancestors', () => {
    const tree = buildRemoteTree([g('phys', '/physics'), g('phys-res', '/physics/Researchers'), g('ops', '/ops')]);
    expect(visibleRows(tree, '', new Set(['/physics'])).map((row) => row.node.label)).toEqual(['ops', 'physics']);
    const found = visibleRows(tree, 'RESEARCH', new Set(['/physics']));
    expect(found.map((row) => [row.node.label, row.match])).toEqual([
      ['physics', false],
      ['Researchers', true],
    ]);
    expect(visibleRows(tree, 'phys-res', new Set()).map((row) => row.node.label)).toEqual(['physics', 'Researchers']);
    expect(visibleRows(tree, 'nothing', new Set())).toEqual([]);
  });

  it('handles thousands of groups', () => {
    const groups = Array.from({ length: 30_000 }, (_, i) => g(`id-${i}`, `/waldur/omega/remote-${i}`));
    const tree = buildRemoteTree(groups);
    expect(tree.nodes).toHaveLength(30_000);
    expect(visibleRows(tree, 'remote-2999', new Set()).map((row) => row.node.label)).toEqual([
      'remote-2999',
      'remote-29990',
      'remote-29991',
      'remote-29992',
      'remote-29993',
      'remote-29994',
      'remote-29995',
      'remote-29996',
      'remote-29997',
      'remote-29998',
      'remote-29999',
    ]);
  });
});
