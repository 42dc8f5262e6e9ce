import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { mapCrmStage } from '../../lib/playbook/map-crm-stage';
import { ErrorBodySchema } from '../../lib/wire/errors';
import {
  CurrentPlaybookResponseSchema,
  PlaybookDraftResponseSchema,
  PlaybookVersionListSchema,
  PlaybookVersionSchema,
  PublishPlaybookResponseSchema,
} from '../../lib/wire/playbooks';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { auth, startTestServer, type TestServer } from './helpers/test-server';
import { countRows, pullAll } from './helpers/sync-fixtures';

/** Two versions that differ where a reader can see it: the second names its playbook otherwise. */
const V1 = DEFAULT_PLAYBOOK;
const V2 = { ...mapCrmStage(DEFAULT_PLAYBOOK, 'negotiation', 'bitrix24', 'C3:PREPARATION'), name: { ru: 'Книга продаж 2', en: 'Sales book 2' } };

describe.each(dbTargets())('playbook history, rollback and draft on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    s.app.inject({ method, url, headers: auth(token), ...(payload === undefined ? {} : { payload }) });
  const list = async (token: string) => PlaybookVersionListSchema.parse((await call(token, 'GET', '/api/playbooks/versions')).json()).versions;

  it('lists the organisation’s versions newest first, with who published them', async () => {
    expect(await list(t.headNorth)).toEqual([]);
    expect((await call(t.headNorth, 'POST', '/api/playbooks', { playbook: V1 })).statusCode).toBe(201);
    expect((await call(t.adminA, 'POST', '/api/playbooks', { playbook: V2 })).statusCode).toBe(201);
    const versions = await list(t.headNorth);
    expect(versions.map((v) => [v.version, v.publishedBy, v.restoredFrom])).toEqual([
      [2, 'admin@acme.test', null],
      [1, 'head.north@acme.test', null],
    ]);
    // Another organisation sees none of them, and cannot read one by number.
    expect(await list(t.adminB)).toEqual([]);
    expect((await call(t.adminB, 'GET', '/api/playbooks/versions/1')).statusCode).toBe(404);
  });

  it('reads one version whole for the editor', async () => {
    const res = await call(t.headNorth, 'GET', '/api/playbooks/versions/1');
    expect(res.statusCode).toBe(200);
    expect(PlaybookVersionSchema.parse(res.json()).playbook).toEqual(JSON.parse(JSON.stringify(V1)));
  });

  it('rolls back by republishing an earlier version as the newest, which managers then pull', async () => {
    const res = await call(t.headNorth, 'POST', '/api/playbooks/versions/1/rollback');
    expect(res.statusCode).toBe(201);
    expect(PublishPlaybookResponseSchema.parse(res.json())).toMatchObject({ version: 3, restoredFrom: 1, publishedBy: 'head.north@acme.test' });
    const current = CurrentPlaybookResponseSchema.parse((await call(t.mgrSouth, 'GET', '/api/playbooks/current')).json()).current;
    expect(current?.version).toBe(3);
    expect(current?.playbook).toEqual(JSON.parse(JSON.stringify(V1)));
    const pulled = (await pullAll(s.app, t.mgrNorth)).flatMap((c) => (c.type === 'playbook' ? [c.playbook.version] : []));
    expect(pulled).toEqual([1, 2, 3]);
    expect((await list(t.adminA))[0]).toMatchObject({ version: 3, restoredFrom: 1 });
  });

  it('answers 404 for a version that does not exist and 400 for a malformed number', async () => {
    for (const version of ['99', '2147483648']) {
      const res = await call(t.headNorth, 'POST', `/api/playbooks/versions/${version}/rollback`);
      expect([400, 404]).toContain(res.statusCode);
    }
    expect((await call(t.headNorth, 'POST', '/api/playbooks/versions/99/rollback')).statusCode).toBe(404);
    expect((await call(t.headNorth, 'GET', '/api/playbooks/versions/-1')).statusCode).toBe(400);
    expect((await call(t.headNorth, 'GET', '/api/playbooks/versions/1%00')).statusCode).toBe(400);
  });

  it('keeps history, rollback and the draft from managers (403) and changes nothing for them', async () => {
    const before = await countRows(s.db);
    for (const [method, url] of [
      ['GET', '/api/playbooks/versions'],
      ['GET', '/api/playbooks/versions/1'],
      ['POST', '/api/playbooks/versions/1/rollback'],
      ['GET', '/api/playbooks/draft'],
    ] as const) {
      const res = await call(t.mgrNorth, method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('forbidden');
    }
    expect((await call(t.mgrNorth, 'PUT', '/api/playbooks/draft', { playbook: V1 })).statusCode).toBe(403);
    expect(await countRows(s.db)).toEqual(before);
    expect((await list(t.headNorth))[0]?.version).toBe(3);
  });

  it('another organisation cannot roll this one back', async () => {
    expect((await call(t.adminB, 'POST', '/api/playbooks/versions/2/rollback')).statusCode).toBe(404);
    expect((await list(t.headNorth))[0]?.version).toBe(3);
  });

  it('keeps one draft per organisation, shared by its heads, and refuses one that fails the schema', async () => {
    const none = PlaybookDraftResponseSchema.parse((await call(t.headNorth, 'GET', '/api/playbooks/draft')).json());
    expect(none.draft).toBeNull();
    expect((await call(t.headNorth, 'PUT', '/api/playbooks/draft', { playbook: V2 })).statusCode).toBe(200);
    const seen = PlaybookDraftResponseSchema.parse((await call(t.adminA, 'GET', '/api/playbooks/draft')).json()).draft;
    expect(seen).toMatchObject({ updatedBy: 'head.north@acme.test', playbook: JSON.parse(JSON.stringify(V2)) });
    expect(PlaybookDraftResponseSchema.parse((await call(t.adminB, 'GET', '/api/playbooks/draft')).json()).draft).toBeNull();

    const bad = await call(t.headNorth, 'PUT', '/api/playbooks/draft', { playbook: { ...V1, stages: [{ ...V1.stages[0], crmNames: ['a\u0000b'] }] } });
    expect(bad.statusCode).toBe(400);
    expect(ErrorBodySchema.parse(bad.json()).error.details?.[0]?.path).toMatch(/^body\.playbook\.stages\[0\]\.crmNames\[0\]/);
    // The draft is never pulled by managers.
    const pulled = (await pullAll(s.app, t.mgrNorth)).filter((c) => c.type === 'playbook');
    expect(pulled).toHaveLength(3);
  });
});
