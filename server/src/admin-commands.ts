import { encodeInvite } from '../../lib/wire/invite';
import { RoleSchema } from '../../lib/wire/me';
import { ServerUrlSchema } from '../../lib/sync/sync-config';
import {
  AccountError,
  createOrg,
  createTeam,
  createUser,
  issueToken,
  listUsers,
  revokeAllTokens,
  revokeToken,
} from './accounts/accounts';
import { parseExpiry } from './accounts/token-expiry';
import type { Db } from './db/database';

export const ADMIN_USAGE = `Usage: npm run admin -- <command>
  org create <name>
  team create <org> <name>
  user create <org> <email> --role manager|head|admin [--team <team>]
  token issue <user-email> [--expires 30d|12h|8w|2027-01-31] [--server https://…]
                                    prints the token once, and with --server the invite code
                                    (address and token in one line, pasted on the options page)
  token revoke <token-id>
  token revoke-all <user-email>     revokes every token of that user
  users list <org>                  users with their live token ids`;

/**
 * Who runs the command. `null`: the operator of the server (the CLI on the server's machine,
 * holding its secret), who may do everything. An organisation: one of its admins, through the
 * admin API with their token, who may act inside that organisation only.
 */
export type AdminScope = { orgId: string; orgName: string } | null;

/** A command outside the caller's organisation (the admin API answers 403). */
export class AdminScopeError extends AccountError {
  override name = 'AdminScopeError';
}

/** Splits `--flag value` pairs off the positional words. */
function parseArgs(args: string[]): { words: string[]; flags: Map<string, string> } {
  const words: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const value = args[i + 1];
      if (value === undefined) throw new AccountError(`${arg} needs a value`);
      flags.set(arg.slice(2), value);
      i++;
    } else words.push(arg);
  }
  return { words, flags };
}

/** Runs one admin command; returns the lines to print. Throws AccountError on misuse. */
export async function runAdminCommand(db: Db, secret: string, args: string[], scope: AdminScope = null): Promise<string[]> {
  const { words, flags } = parseArgs(args);
  const [noun, verb, a, b] = words;
  const need = (value: string | undefined, what: string): string => {
    if (value === undefined || value === '') throw new AccountError(`missing ${what}\n${ADMIN_USAGE}`);
    return value;
  };
  const inScope = (orgName: string): string => {
    if (scope !== null && orgName !== scope.orgName) {
      throw new AdminScopeError(`you administer "${scope.orgName}", not "${orgName}"`);
    }
    return orgName;
  };
  const orgId = scope?.orgId ?? null;
  switch (`${noun ?? ''} ${verb ?? ''}`) {
    case 'org create': {
      if (scope !== null) throw new AdminScopeError('only the server operator creates organisations');
      const id = await createOrg(db, need(a, '<name>'));
      return [`organisation ${id} created`];
    }
    case 'team create': {
      const id = await createTeam(db, inScope(need(a, '<org>')), need(b, '<name>'));
      return [`team ${id} created`];
    }
    case 'user create': {
      const role = RoleSchema.safeParse(flags.get('role'));
      if (!role.success) throw new AccountError(`--role must be manager, head or admin\n${ADMIN_USAGE}`);
      const id = await createUser(db, inScope(need(a, '<org>')), need(b, '<email>'), role.data, flags.get('team'));
      return [`user ${id} created`];
    }
    case 'token issue': {
      const email = need(a, '<user-email>');
      const expires = flags.get('expires');
      let expiresAt: Date | null = null;
      if (expires !== undefined) {
        try {
          expiresAt = parseExpiry(expires, new Date());
        } catch (err) {
          throw new AccountError((err as Error).message);
        }
      }
      const server = flags.get('server');
      const serverUrl = server === undefined ? null : ServerUrlSchema.safeParse(server);
      if (serverUrl?.success === false) throw new AccountError(`--server: ${serverUrl.error.issues[0]?.message ?? 'not a server address'}`);
      const { id, token } = await issueToken(db, secret, email, { orgId, expiresAt });
      const until = expiresAt === null ? '' : ` (expires ${expiresAt.toISOString()})`;
      const lines = [`token ${id} issued${until}. Shown once, keep it:`, token];
      // The same invite the dashboard gives: one line for the manager's options page.
      if (serverUrl?.success === true) lines.push('invite code (paste on the options page):', encodeInvite({ serverUrl: serverUrl.data, token }));
      return lines;
    }
    case 'token revoke': {
      const id = need(a, '<token-id>');
      await revokeToken(db, id, orgId);
      return [`token ${id} revoked`];
    }
    case 'token revoke-all': {
      const email = need(a, '<user-email>');
      const ids = await revokeAllTokens(db, email, orgId);
      return [ids.length === 0 ? `${email} had no live token` : `${ids.length} token(s) of ${email} revoked: ${ids.join(', ')}`];
    }
    case 'users list': {
      const org = inScope(need(a, '<org>'));
      const users = await listUsers(db, org);
      return users.map(
        (u) => `${u.id}\t${u.email}\t${u.role}\t${u.team ?? '-'}\t${u.live_tokens} live token(s)${u.token_ids === '' ? '' : `: ${u.token_ids}`}`,
      );
    }
    default:
      throw new AccountError(ADMIN_USAGE);
  }
}
