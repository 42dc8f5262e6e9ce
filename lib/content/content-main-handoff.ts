import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentExtensionApi } from './content-api';

/**
 * The hand-over between the declared content script (a small boot stub) and the rest of the
 * CRM tab's code, which the stub imports after the page's load. MV3 content scripts are
 * classic scripts and cannot be split into chunks, but a content script may `import()` a
 * web-accessible file of its extension: the file is evaluated in the content script's own
 * (isolated) world, so a property on that world's global reaches the stub and stays out of
 * the page's sight. The symbol is registered, so both bundles name the same key.
 */
export type ContentMain = (ctx: ContentScriptContext, ext: ContentExtensionApi) => void;

const HANDOFF_KEY = Symbol.for('sufler.content-main');

type HandoffGlobal = { [HANDOFF_KEY]?: ContentMain };

/** Called by the loaded file when it is evaluated. */
export function registerContentMain(main: ContentMain, global: object = globalThis): void {
  (global as HandoffGlobal)[HANDOFF_KEY] = main;
}

/**
 * Imports the file at `url` (once per world; a second call gets the cached module) and
 * returns the function it registered.
 */
export async function loadContentMain(
  url: string,
  importFile: (url: string) => Promise<unknown> = (u) => import(/* @vite-ignore */ u),
  global: object = globalThis,
): Promise<ContentMain> {
  await importFile(url);
  const main = (global as HandoffGlobal)[HANDOFF_KEY];
  if (typeof main !== 'function') throw new Error(`${url} registered no content main`);
  return main;
}
