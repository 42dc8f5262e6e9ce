import type { Script, ScriptNode } from '../playbook/schema';

/** A script line as readable steps for the sales book: the line, then each answer and where it leads. */
export interface ScriptStep {
  id: string;
  node: ScriptNode;
  /** 1-based step number in reading order (breadth-first from the start). */
  number: number;
  answers: { label: ScriptNode['answers'][number]['label']; next: string; nextNumber: number | null }[];
}

/** Nodes in reading order: breadth-first from the start, then any the start never reaches. */
export function readingOrder(script: Script): string[] {
  const ids = Object.keys(script.nodes);
  const seen = new Set<string>();
  const queue = Object.hasOwn(script.nodes, script.start) ? [script.start] : [];
  const order: string[] = [];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    for (const a of script.nodes[id]?.answers ?? []) if (Object.hasOwn(script.nodes, a.next) && !seen.has(a.next)) queue.push(a.next);
  }
  return [...order, ...ids.filter((id) => !seen.has(id))];
}

export function scriptSteps(script: Script): ScriptStep[] {
  const order = readingOrder(script);
  const number = new Map(order.map((id, i) => [id, i + 1] as const));
  return order.flatMap((id) => {
    const node = script.nodes[id];
    if (node === undefined) return [];
    return [{ id, node, number: number.get(id) ?? 0, answers: node.answers.map((a) => ({ label: a.label, next: a.next, nextNumber: number.get(a.next) ?? null })) }];
  });
}

/** A fresh node id not yet in the script: step-2, step-3, … */
export function newNodeId(script: Pick<Script, 'nodes'>): string {
  for (let i = Object.keys(script.nodes).length + 1; ; i += 1) {
    const id = `step-${i}`;
    if (!Object.hasOwn(script.nodes, id)) return id;
  }
}
