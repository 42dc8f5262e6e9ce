import { RoleSchema } from '../../lib/wire/me';
import { AccountError, createOrg, createTeam, createUser, issueToken, listUsers, revokeToken } from './accounts/accounts';
import type { Db } from './db/database';

export const ADMIN_USAGE = `Usage: npm run admin -- <command>
  org create <name>
  team create <org> <name>
  user create <org> <email> --role manager|head|admin [--team <team>]
  token issue <user-email>          prints the token once
  token revoke <token-id>
  users list <org>`;

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
export async function runAdminCommand(db: Db, secret: string, args: string[]): Promise<string[]> {
  const { words, flags } = parseArgs(args);
  const [noun, verb, a, b] = words;
  const need = (value: string | undefined, what: string): string => {
    if (value === undefined || value === '') throw new AccountError(`missing ${what}\n${ADMIN_USAGE}`);
    return value;
  };
  switch (`${noun ?? ''} ${verb ?? ''}`) {
    case 'org create': {
      const id = await createOrg(db, need(a, '<name>'));
      return [`organisation ${id} created`];
    }
    case 'team create': {
      const id = await createTeam(db, need(a, '<org>'), need(b, '<name>'));
      return [`team ${id} created`];
    }
    case 'user create': {
      const role = RoleSchema.safeParse(flags.get('role'));
      if (!role.success) throw new AccountError(`--role must be manager, head or admin\n${ADMIN_USAGE}`);
      const id = await createUser(db, need(a, '<org>'), need(b, '<email>'), role.data, flags.get('team'));
      return [`user ${id} created`];
    }
    case 'token issue': {
      const { id, token } = await issueToken(db, secret, need(a, '<user-email>'));
      return [`token ${id} issued. Shown once, keep it:`, token];
    }
    case 'token revoke': {
      const id = need(a, '<token-id>');
      await revokeToken(db, id);
      return [`token ${id} revoked`];
    }
    case 'users list': {
      const users = await listUsers(db, need(a, '<org>'));
      return users.map((u) => `${u.id}\t${u.email}\t${u.role}\t${u.team ?? '-'}\t${u.live_tokens} live token(s)`);
    }
    default:
      throw new AccountError(ADMIN_USAGE);
  }
}
