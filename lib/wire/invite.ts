import { z } from 'zod';
import { ServerUrlSchema } from '../sync/sync-config';

/**
 * An invite: the server's address and a manager's token in one line a head can send in a chat,
 * pasted once on the options page. `sufler1.` + base64url of a small JSON. It is exactly as
 * secret as the token it carries, and dies with it: revoking the token revokes the invite.
 */
export const INVITE_PREFIX = 'sufler1.';
/** Longest code we decode: a 2048-character address and a 200-character token fit well inside. */
export const MAX_INVITE_LENGTH = 4000;

const InvitePayloadSchema = z.object({
  v: z.literal(1),
  server: ServerUrlSchema,
  token: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/, 'the token in the invite is malformed'),
});
export type Invite = { serverUrl: string; token: string };

/** Why a pasted code is not an invite; the options page words each in ru/en. */
export type InviteError = 'empty' | 'too_long' | 'not_invite' | 'corrupt' | 'bad_server' | 'bad_token';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(code)) return null;
  try {
    const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function encodeInvite(invite: Invite): string {
  const payload = InvitePayloadSchema.parse({ v: 1, server: invite.serverUrl, token: invite.token });
  return INVITE_PREFIX + toBase64Url(JSON.stringify(payload));
}

/** The invite in a pasted code (spaces and line breaks a chat added are ignored), or why not. */
export function decodeInvite(pasted: string): { ok: true; invite: Invite } | { ok: false; error: InviteError } {
  if (pasted.length > MAX_INVITE_LENGTH * 2) return { ok: false, error: 'too_long' };
  const code = pasted.replace(/\s+/g, '');
  if (code === '') return { ok: false, error: 'empty' };
  if (code.length > MAX_INVITE_LENGTH) return { ok: false, error: 'too_long' };
  if (!code.startsWith(INVITE_PREFIX)) return { ok: false, error: 'not_invite' };
  const text = fromBase64Url(code.slice(INVITE_PREFIX.length));
  if (text === null) return { ok: false, error: 'corrupt' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'corrupt' };
  }
  const parsed = InvitePayloadSchema.safeParse(json);
  if (parsed.success) return { ok: true, invite: { serverUrl: parsed.data.server, token: parsed.data.token } };
  const field = parsed.error.issues[0]?.path[0];
  return { ok: false, error: field === 'server' ? 'bad_server' : field === 'token' ? 'bad_token' : 'corrupt' };
}
