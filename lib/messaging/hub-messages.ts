import { z } from 'zod';
import { ClientContextSchema } from '../context/client-context';
import { TouchDraftSchema, TouchSchema } from '../touches/touch';
import { PanelModelSchema } from '../playbook/panel-model';
import { PlaybookNoticeSchema } from '../playbook/playbook-change';
import { SettingsPatchSchema, SettingsSchema } from '../settings/settings';
import { SyncStatusSchema } from '../sync/sync-status';
import { KeyClientsViewSchema } from '../cadence/key-clients';
import { MAX_EPOCH_MS } from '../wire/bounded-text';

/**
 * The one typed protocol between the extension's parts. The background parses everything
 * it receives with these schemas: the content script lives in a hostile page, and panels
 * may send anything. What the background sends to panels (PanelState) is built there from
 * values each parsed once where they entered (a published context, stored settings and
 * records), so the panel checks only the envelope (hub-envelope.ts) and carries no zod on
 * its first paint; PanelStateSchema stays as the contract and tests parse with it.
 */

// ── content script → background (runtime.sendMessage) ──────────────────────────────
export const ContentToBackgroundSchema = z.discriminatedUnion('type', [
  /** The client on this tab changed (null: no client card on the page any more). */
  z.object({ type: z.literal('context:publish'), context: ClientContextSchema.nullable() }),
  /** The manager resized the docked panel: remember the width for this tab's site. */
  z.object({ type: z.literal('panel:width'), width: z.number().int().min(0).max(10_000) }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackgroundSchema>;

// The background's answer to context:publish and its messages to the content script are
// in content-messages.ts, checked without zod to keep the content script small.
export type { BackgroundToContent, Outline } from './content-messages';

// ── panel page ↔ background (runtime port) ─────────────────────────────────────────
export { HUB_PORT_NAME } from './hub-envelope';

/** A walk position: a node path or a script id; small by construction. */
const WalkValueSchema = z.union([z.string().max(200), z.array(z.string().max(200)).max(200), z.null()]);

export const PanelToBackgroundSchema = z.discriminatedUnion('type', [
  /**
   * Start receiving state for a tab. In the docked iframe tabId is null and the
   * background takes the port's own tab; the native side panel names the active tab.
   */
  z.object({ type: z.literal('subscribe'), tabId: z.number().int().nullable() }),
  /** callbackAt (epoch ms): with a callback outcome, when to remind the manager to call back. */
  z.object({ type: z.literal('touch:log'), requestId: z.string(), draft: TouchDraftSchema, callbackAt: z.number().int().nonnegative().max(MAX_EPOCH_MS).optional() }),
  /** Change what a logged touch says, or delete it: each is a new version that syncs. */
  z.object({ type: z.literal('touch:edit'), requestId: z.string(), touchId: z.string().min(1).max(100), draft: TouchDraftSchema }),
  z.object({ type: z.literal('touch:delete'), requestId: z.string(), touchId: z.string().min(1).max(100) }),
  /** Put a logged touch's note into the CRM's own composer on the tab, for the manager to confirm. */
  z.object({ type: z.literal('touch:to-crm'), requestId: z.string(), touchId: z.string().min(1).max(100) }),
  z.object({ type: z.literal('settings:set'), requestId: z.string(), patch: SettingsPatchSchema }),
  /** Replace the active playbook with a team's own file; the ack names every problem by path. */
  z.object({ type: z.literal('playbook:import'), requestId: z.string(), playbook: z.unknown() }),
  /**
   * Where the manager is in a script walk-through, kept by the background per client so
   * the docked and the side panel share it and it survives reloads (a JSON value: a path
   * of node ids or a chosen script id).
   */
  z.object({
    type: z.literal('walk:set'),
    requestId: z.string(),
    clientKey: z.string().min(1).max(500),
    key: z.string().min(1).max(700),
    value: WalkValueSchema,
  }),
  /** Go back to the bundled default playbook. */
  z.object({ type: z.literal('playbook:reset'), requestId: z.string() }),
  /**
   * Sync with a team server from now on. The options page has already asked for the host
   * permission and tested the connection; the background stores the config and syncs.
   */
  z.object({
    type: z.literal('sync:configure'),
    requestId: z.string(),
    serverUrl: z.string(),
    token: z.string(),
  }),
  /** Stop syncing (the outbox is kept: nothing logged is lost). */
  z.object({ type: z.literal('sync:disconnect'), requestId: z.string() }),
  /** Sync now, not waiting for the next alarm or backoff. */
  z.object({ type: z.literal('sync:now'), requestId: z.string() }),
  /** Close the panel's "playbook changed" line of this team version. */
  z.object({ type: z.literal('playbook:dismiss-notice'), requestId: z.string(), version: z.number().int().positive() }),
  /** Bring the CRM form on the tab to this field (PageField.key), switching the CRM's tab if need be. */
  z.object({ type: z.literal('field:reveal'), requestId: z.string(), fieldKey: z.string().min(1).max(200) }),
]);
export type PanelToBackground = z.infer<typeof PanelToBackgroundSchema>;

export const PanelStateSchema = z.object({
  tabId: z.number().int().nullable(),
  /** The client on the tab; null when the tab shows no client card. */
  context: ClientContextSchema.nullable(),
  /** The playbook applied to the client; null with no client. */
  model: PanelModelSchema.nullable(),
  /** The client's latest touches, newest first (at most PANEL_TOUCH_LIMIT). */
  touches: z.array(TouchSchema),
  /** How many touches the client has in all. */
  touchTotal: z.number().int().nonnegative(),
  settings: SettingsSchema,
  sync: SyncStatusSchema,
  /** The client's script walk-through positions by walk key (see walk:set); absent: none. */
  walk: z.record(z.string(), WalkValueSchema).optional(),
  /** A team playbook version arrived: what it changed, until the manager dismisses the line. */
  playbookNotice: PlaybookNoticeSchema.optional(),
  /** "My key clients", most overdue first (lib/cadence/key-clients.ts); absent until first read. */
  keyClients: KeyClientsViewSchema.optional(),
});
export type PanelState = z.infer<typeof PanelStateSchema>;

export const BackgroundToPanelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: PanelStateSchema }),
  /** Answer to an action: error is null on success, or a message the panel shows. */
  z.object({ type: z.literal('ack'), requestId: z.string(), error: z.string().nullable() }),
]);
export type BackgroundToPanel = z.infer<typeof BackgroundToPanelSchema>;
