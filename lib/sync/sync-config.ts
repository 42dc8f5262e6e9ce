import { z } from 'zod';

/** The team server the extension syncs with, kept in browser.storage.local under SYNC_CONFIG_KEY. */
export const SYNC_CONFIG_KEY = 'sufler:sync-config';

export const ServerUrlSchema = z
  .string()
  .trim()
  .url('enter the server address, e.g. https://sufler.example.com')
  .refine((u) => /^https?:\/\//.test(u), 'the address must start with http:// or https://')
  .transform((u) => u.replace(/\/+$/, ''));

export const SyncConfigSchema = z.object({
  serverUrl: ServerUrlSchema,
  /** The bearer token an admin issued (shown once by the server). */
  token: z.string().trim().min(20, 'the token looks too short').max(200),
  /** This browser's id, made once, so the server does not send our own touches back. */
  deviceId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});
export type SyncConfig = z.infer<typeof SyncConfigSchema>;

/** The stored config, or null when none is stored or it no longer parses. */
export function parseSyncConfig(raw: unknown): SyncConfig | null {
  const parsed = SyncConfigSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
