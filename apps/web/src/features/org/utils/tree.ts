import type { Committee } from '../../../types/api';

export interface CommitteeNode {
  committee: Committee;
  children: CommitteeNode[];
}

/** Builds the committee tree from the flat list (parentId); orphans of a filtered list become roots. */
export function buildCommitteeTree(items: Committee[]): CommitteeNode[] {
  const nodes = new Map<number, CommitteeNode>(items.map((c) => [c.id, { committee: c, children: [] }]));
  const roots: CommitteeNode[] = [];
  for (const c of items) {
    const node = nodes.get(c.id) as CommitteeNode;
    const parent = c.parentId !== null ? nodes.get(c.parentId) : undefined;
    if (parent) {parent.children.push(node);}
    else {roots.push(node);}
  }
  return roots;
}

/** Ids of a committee and everything under it (to keep a committee from becoming its own descendant). */
export function subtreeIds(items: Committee[], rootId: number): Set<number> {
  const out = new Set<number>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of items) {
      if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

export interface CommitteeTreeSelectNode {
  value: number;
  title: string;
  disabled?: boolean;
  children?: CommitteeTreeSelectNode[];
}

/** Tree data for an antd TreeSelect of committees. */
export function committeeTreeSelectData(
  items: Committee[],
  disabledIds?: Set<number>,
): CommitteeTreeSelectNode[] {
  const toNode = (n: CommitteeNode): CommitteeTreeSelectNode => ({
    value: n.committee.id,
    title: n.committee.name,
    disabled: disabledIds?.has(n.committee.id),
    children: n.children.length ? n.children.map(toNode) : undefined,
  });
  return buildCommitteeTree(items).map(toNode);
}
