import { z } from 'zod';
import { LangSchema } from '../i18n/lang';
import { PANEL_WIDTH_MAX, PANEL_WIDTH_MIN } from './panel-width';

/**
 * User settings, kept in browser.storage.local under SETTINGS_KEY. Every reader parses
 * with .catch() defaults, so a damaged or older stored value never breaks the panel.
 */
export { SETTINGS_KEY } from './settings-key';

export const SettingsSchema = z.object({
  /** null: follow the browser's language. */
  lang: LangSchema.nullable().catch(null),
  /** Outline the empty required fields in the CRM form. */
  outline: z.boolean().catch(true),
  /** The docked panel is collapsed to a tab at the page's edge. */
  panelCollapsed: z.boolean().catch(false),
  /** The docked panel's width per site (host → px), set with its drag handle. */
  panelWidths: z
    .record(z.string().max(253), z.number().int().min(PANEL_WIDTH_MIN).max(PANEL_WIDTH_MAX))
    .optional()
    .catch(undefined),
  /** Letters sent from a webmail carry an open-tracking pixel (absent: on). */
  mailTracking: z.boolean().optional().catch(undefined),
  /** Addresses and domains whose letters never carry a pixel (colleagues, partners). */
  neverTrack: z.array(z.string().trim().min(1).max(320)).max(500).optional().catch(undefined),
  /** The hour (0–23, the browser's time zone) a head's daily digest of violations comes (absent: 19). */
  digestHour: z.number().int().min(0).max(23).optional().catch(undefined),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { lang: null, outline: true, panelCollapsed: false };

export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export const SettingsPatchSchema = SettingsSchema.partial();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
