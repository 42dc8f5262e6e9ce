import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { StorageAreaLike } from '../../../lib/background/background-deps';
import { allTabContexts, getTabContext, setTabContext, tabContextKey } from '../../../lib/background/tab-contexts';
import { sampleContext } from '../db/sample-records';

const session = fakeBrowser.storage.session as unknown as StorageAreaLike;

beforeEach(() => fakeBrowser.reset());

describe('tab contexts in storage.session', () => {
  it('keeps a context per tab and forgets it when the tab shows no client', async () => {
    await setTabContext(session, 1, sampleContext({ crmId: '1' }));
    await setTabContext(session, 2, sampleContext({ crmId: '2' }));
    expect((await getTabContext(session, 1))?.crmId).toBe('1');

    await setTabContext(session, 1, null);
    expect(await getTabContext(session, 1)).toBeNull();
    expect([...(await allTabContexts(session)).keys()]).toEqual([2]);
  });

  it('treats a stored value that does not parse as no client', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.session.set({ [tabContextKey(5)]: { source: 'amocrm', crmId: 5 } });
    expect(await getTabContext(session, 5)).toBeNull();
    expect((await allTabContexts(session)).size).toBe(0);
  });

  it("leaves other keys in session storage out of the tab list", async () => {
    await fakeBrowser.storage.session.set({ 'sufler:sync-cursor': 12, 'other:ctx:3': sampleContext() });
    await setTabContext(session, 4, sampleContext());
    expect([...(await allTabContexts(session)).keys()]).toEqual([4]);
  });
});
