import { parseSettings, SETTINGS_KEY, type Settings, type SettingsPatch } from '../settings/settings';
import { withPanelWidth } from '../settings/panel-width';
import type { StorageAreaLike } from './background-deps';

export async function readSettings(local: StorageAreaLike): Promise<Settings> {
  return parseSettings((await local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Merge a patch into the stored settings; keys the patch leaves out keep their value. */
export async function applySettingsPatch(local: StorageAreaLike, patch: SettingsPatch): Promise<Settings> {
  const current = await readSettings(local);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const next = parseSettings({ ...current, ...defined });
  await local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Remember the docked panel's width for a site (the settings' one writer is the background). */
export async function setPanelWidth(local: StorageAreaLike, host: string, width: number): Promise<void> {
  const current = await readSettings(local);
  const next = parseSettings({ ...current, panelWidths: withPanelWidth(current.panelWidths ?? {}, host, width) });
  await local.set({ [SETTINGS_KEY]: next });
}
