import type { RemoteGroup } from '../../api/types';

/**
 * The offering's remote groups as a tree by path. `remote_groups` answers either the children
 * of the offering's group (all under one parent, e.g. /waldur/alpha-hpc) or, on legacy flat
 * realms, every group flattened; both become one tree. The shared ancestor path is shown once
 * as the tree's root label instead of as empty folder rows. Path segments no listed group
 * stands for become folder rows (not selectable).
 */
export type TreeNode = {
  /** The path, unique in the tree. */
  key: string;
  /** The group's name, or the folder's path segment. */
  label: string;
  group: RemoteGroup | null;
  children: TreeNode[];
  /** Lower-cased name, path and id, for the search box. */
  haystack: string;
};

export type RemoteTree = {
  /** The path all listed groups share ('' when none). */
  rootPath: string;
  nodes: TreeNode[];
  byId: Map<string, RemoteGroup>;
  /** Names that appear more than once, so labels can add the path. */
  duplicateNames: Set<string>;
  size: number;
};

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function parentPath(path: string, name: string): string {
  if (path.endsWith(`/${name}`)) return path.slice(0, path.length - name.length - 1);
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '' : path.slice(0, cut);
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function buildRemoteTree(groups: readonly RemoteGroup[]): RemoteTree {
  const nodes = new Map<string, TreeNode>();
  const root: TreeNode = { key: '', label: '', group: null, children: [], haystack: '' };
  nodes.set('', root);
  const byId = new Map<string, RemoteGroup>();
  const seenNames = new Set<string>();
  const duplicateNames = new Set<string>();

  const ensure = (path: string, label: string): TreeNode => {
    let node = nodes.get(path);
    if (node) return node;
    node = { key: path, label, group: null, children: [], haystack: path.toLowerCase() };
    nodes.set(path, node);
    const parentKey = parentPath(path, label);
    const parent = ensure(parentKey, lastSegment(parentKey));
    parent.children.push(node);
    return node;
  };

  for (const group of groups) {
    byId.set(group.id, group);
    if (seenNames.has(group.name)) duplicateNames.add(group.name);
    seenNames.add(group.name);
    const path = group.path || `/${group.name}`;
    let node = nodes.get(path);
    if (node?.group) {
      // Two groups with one path (should not happen): keep both, apart.
      node = undefined;
    }
    if (!node) {
      node = ensure(nodes.has(path) ? `${path}#${group.id}` : path, group.name);
    }
    node.group = group;
    node.label = group.name;
    node.haystack = `${group.name}\n${path}\n${group.id}`.toLowerCase();
  }

  const sort = (node: TreeNode) => {
    node.children.sort((a, b) => collator.compare(a.label, b.label));
    for (const child of node.children) sort(child);
  };
  sort(root);

  // Skip the shared ancestors that are only folders.
  let top = root;
  while (top.children.length === 1 && top.children[0] && !top.children[0].group && top.children[0].children.length > 0) {
    top = top.children[0];
  }
  return { rootPath: top.key, nodes: top.children, byId, duplicateNames, size: byId.size };
}

export type VisibleRow = {
  node: TreeNode;
  depth: number;
  /** Has children listed (so it can be expanded). */
  expandable: boolean;
  expanded: boolean;
  /** Matches the search (false for ancestors shown for context). */
  match: boolean;
};

/**
 * The rows to draw: depth-first, collapsed folders closed. With a search, only matches and
 * their ancestors, all open.
 */
export function visibleRows(tree: RemoteTree, query: string, collapsed: ReadonlySet<string>): VisibleRow[] {
  const needle = query.trim().toLowerCase();
  const rows: VisibleRow[] = [];
  if (!needle) {
    const walk = (nodes: TreeNode[], depth: number) => {
      for (const node of nodes) {
        const expandable = node.children.length > 0;
        const expanded = expandable && !collapsed.has(node.key);
        rows.push({ node, depth, expandable, expanded, match: true });
        if (expanded) walk(node.children, depth + 1);
      }
    };
    walk(tree.nodes, 0);
    return rows;
  }
  // Returns whether the node or a descendant matches; pushes rows in order.
  const walk = (node: TreeNode, depth: number): boolean => {
    const match = node.haystack.includes(needle);
    const at = rows.length;
    rows.push({ node, depth, expandable: node.children.length > 0, expanded: true, match });
    let any = false;
    for (const child of node.children) any = walk(child, depth + 1) || any;
    if (!match && !any) rows.length = at;
    return match || any;
  };
  for (const node of tree.nodes) walk(node, 0);
  return rows;
}

/** "Researchers" or, when the name repeats, "Researchers (/physics/Researchers)". */
export function groupLabel(tree: Pick<RemoteTree, 'duplicateNames'>, group: Pick<RemoteGroup, 'name' | 'path'>): string {
  return tree.duplicateNames.has(group.name) ? `${group.name} (${group.path})` : group.name;
}
