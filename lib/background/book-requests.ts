import { DEFAULT_PLAYBOOK } from '../playbook/default-playbook';
import { mapCrmStage } from '../playbook/map-crm-stage';
import { parsePlaybook } from '../playbook/parse-playbook';
import { badResponse, serverCall, safeJson, type FetchLike } from '../reports/report-client';
import { BookRequestSchema, type BookAnswer, type BookRequest } from '../sales-book/book-messages';
import type { SyncConfig } from '../sync/sync-config';
import { readSyncConfig } from '../sync/sync-setup';
import {
  CurrentPlaybookResponseSchema,
  PlaybookDraftResponseSchema,
  PlaybookVersionListSchema,
  PlaybookVersionSchema,
  PublishPlaybookResponseSchema,
} from '../wire/playbooks';
import type { z } from 'zod';
import type { StorageAreaLike } from './background-deps';
import { isExtensionPageSender, type OwnExtension, type SenderLike } from './extension-sender';

export interface BookRequestDeps {
  local: StorageAreaLike;
  fetch: FetchLike;
  own: OwnExtension;
}

/**
 * runtime.onMessage for the sales book (`book:*`): undefined, synchronously, for anything else.
 * Only our own pages are answered; the token never leaves the background.
 */
export function handleBookMessage(deps: BookRequestDeps, raw: unknown, sender: SenderLike | undefined): Promise<BookAnswer> | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !type.startsWith('book:')) return undefined;
  const parsed = BookRequestSchema.safeParse(raw);
  if (!parsed.success) return Promise.resolve({ ok: false, error: { code: 'bad_request', message: parsed.error.issues[0]?.message ?? 'invalid request' } });
  if (!isExtensionPageSender(sender, deps.own)) {
    return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'the sales book is for the extension pages only' } });
  }
  return (async () => {
    const config = await readSyncConfig(deps.local);
    if (config === null) return { ok: false, error: { code: 'not_configured', message: 'no team server is connected' } } as const;
    return answer(config, parsed.data, deps.fetch);
  })();
}

async function call<T>(config: SyncConfig, path: string, schema: z.ZodType<T>, fetchFn: FetchLike, send?: { method: 'POST' | 'PUT'; body?: unknown }) {
  const raw = await serverCall(config, path, fetchFn, send);
  if (!raw.ok) return raw;
  const value = safeJson(raw.body, schema);
  return value === null ? ({ ok: false, error: badResponse } as const) : ({ ok: true, value } as const);
}

async function answer(config: SyncConfig, request: BookRequest, fetchFn: FetchLike): Promise<BookAnswer> {
  switch (request.type) {
    case 'book:versions':
      return call(config, '/api/playbooks/versions', PlaybookVersionListSchema, fetchFn);
    case 'book:version':
      return call(config, `/api/playbooks/versions/${request.version}`, PlaybookVersionSchema, fetchFn);
    case 'book:publish':
      return call(config, '/api/playbooks', PublishPlaybookResponseSchema, fetchFn, { method: 'POST', body: { playbook: request.playbook } });
    case 'book:rollback':
      return call(config, `/api/playbooks/versions/${request.version}/rollback`, PublishPlaybookResponseSchema, fetchFn, { method: 'POST' });
    case 'book:draft':
      return call(config, '/api/playbooks/draft', PlaybookDraftResponseSchema, fetchFn);
    case 'book:save-draft':
      return call(config, '/api/playbooks/draft', PlaybookDraftResponseSchema, fetchFn, { method: 'PUT', body: { playbook: request.playbook } });
    case 'book:map-stage': {
      const base = await draftBase(config, fetchFn);
      if (!base.ok) return base;
      const mapped = mapCrmStage(base.value, request.stageId, request.source, request.crmStage);
      return call(config, '/api/playbooks/draft', PlaybookDraftResponseSchema, fetchFn, { method: 'PUT', body: { playbook: mapped } });
    }
  }
}

/** What the one-click mapping edits: the team's draft, else the published version, else the default. */
async function draftBase(config: SyncConfig, fetchFn: FetchLike) {
  const draft = await call(config, '/api/playbooks/draft', PlaybookDraftResponseSchema, fetchFn);
  if (!draft.ok) return draft;
  let source: unknown = draft.value.draft?.playbook;
  if (source === undefined) {
    const current = await call(config, '/api/playbooks/current', CurrentPlaybookResponseSchema, fetchFn);
    if (!current.ok) return current;
    source = current.value.current?.playbook ?? DEFAULT_PLAYBOOK;
  }
  const parsed = parsePlaybook(source);
  return parsed.ok ? ({ ok: true, value: parsed.playbook } as const) : ({ ok: false, error: { code: 'bad_response', message: parsed.errors.join('\n') } } as const);
}
