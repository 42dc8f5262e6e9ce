import { z } from 'zod';

/** The team server the extension syncs with, kept in browser.storage.local under SYNC_CONFIG_KEY. */
export const SYNC_CONFIG_KEY = 'sufler:sync-config';

/** This machine: 127.0.0.0/8, localhost, [::1]. Only here may the token travel without TLS. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** An http:// address of another machine: the token would cross the network in clear. */
export function isInsecureRemoteUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

export const HTTPS_REQUIRED = 'use https:// for a server on another machine (http:// only for localhost)';

export const ServerUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .url('enter the server address, e.g. https://sufler.example.com')
  .refine((u) => /^https?:\/\//.test(u), 'the address must start with https:// (or http:// on this machine)')
  .refine((u) => !isInsecureRemoteUrl(u), HTTPS_REQUIRED)
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
