import type { PanelModel, ScriptNodeView, ScriptView } from './panel-model';

/**
 * Where the manager is in a branching script: the node ids walked from the start, the
 * current node last. Pure functions; the component keeps the path in the walk store so a
 * reload of the CRM page (which reloads the panel iframe) keeps the place.
 */
export type WalkPath = readonly string[];

export function startPath(script: ScriptView): WalkPath {
  return [script.start];
}

export function currentNode(script: ScriptView, path: WalkPath): ScriptNodeView | null {
  const id = path.at(-1) ?? script.start;
  return script.nodes[id] ?? null;
}

/** Follow the client's answer (0-based); an index with no answer leaves the path as is. */
export function chooseAnswer(script: ScriptView, path: WalkPath, index: number): WalkPath {
  const node = currentNode(script, path);
  const answer = node?.answers[index];
  if (!answer || !script.nodes[answer.next]) return path;
  return [...path, answer.next];
}

export function stepBack(path: WalkPath): WalkPath {
  return path.length > 1 ? path.slice(0, -1) : path;
}

/**
 * A stored path that still fits the script, or the start. The playbook may have been
 * re-imported since: a path is kept only if every step is still an answer of the step before.
 */
export function sanitizePath(script: ScriptView, stored: unknown): WalkPath {
  if (!Array.isArray(stored) || stored[0] !== script.start) return startPath(script);
  const path: string[] = [script.start];
  for (const id of stored.slice(1)) {
    const prev = script.nodes[path[path.length - 1] ?? ''];
    if (typeof id !== 'string' || !prev?.answers.some((a) => a.next === id)) break;
    path.push(id);
  }
  return path;
}

/** The scripts whose nodes the panel has: the stage's one, plus the full list when sent. */
export function availableScripts(model: Pick<PanelModel, 'script' | 'allScripts'>): ScriptView[] {
  const byId = new Map<string, ScriptView>();
  for (const s of model.allScripts ?? []) byId.set(s.id, s);
  if (model.script) byId.set(model.script.id, model.script);
  return [...byId.values()];
}

export function walkStorageKey(clientKey: string, scriptId: string): string {
  return `sufler:walk:${clientKey}:${scriptId}`;
}

export function chosenScriptStorageKey(clientKey: string): string {
  return `sufler:walk-script:${clientKey}`;
}

/**
 * Where a walk's position is kept. The panel plugs in a mirror of what the background holds
 * per client (lib/messaging/walk-mirror.ts), so the docked panel and the side panel share
 * it and it survives reloads; until then (and in tests) it lives in memory.
 */
export interface WalkStore {
  read(key: string): unknown;
  write(key: string, value: unknown): void;
}

export function memoryWalkStore(): WalkStore {
  const values = new Map<string, unknown>();
  return { read: (key) => values.get(key) ?? null, write: (key, value) => void values.set(key, value) };
}

let walkStore: WalkStore = memoryWalkStore();

export function setWalkStore(store: WalkStore): void {
  walkStore = store;
}

/** A store that fails is a walk that starts over; never an error in the panel. */
export function readStored(key: string): unknown {
  try {
    return walkStore.read(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    walkStore.write(key, value);
  } catch {
    // not worth bothering the manager about
  }
}
