import type { CreatedTrackedEmail } from '../wire/tracking';
import { OWN_PIXEL_RULE_IDS, ownPixelPrefix, ownPixelRules, type BlockRule } from '../mail/own-pixel-rules';

/** The part of declarativeNetRequest this uses. */
export interface DynamicRulesApi {
  getDynamicRules(): Promise<{ id: number; condition: { urlFilter?: string } }[]>;
  updateDynamicRules(options: { removeRuleIds: number[]; addRules: BlockRule[] }): Promise<void>;
}

/**
 * Keep this browser's block rules on the sender's own pixels current: written when the first
 * letter is tracked, and again only when the server or the sender key changes. Dynamic rules
 * persist across restarts, so a woken worker has nothing to redo.
 */
export async function blockOwnPixels(dnr: DynamicRulesApi | undefined, created: CreatedTrackedEmail): Promise<void> {
  if (dnr === undefined) return;
  const prefix = ownPixelPrefix(created.pixelUrl, created.senderKey);
  if (prefix === null) return;
  const wanted = ownPixelRules(prefix, created.pixelUrl.startsWith('http:') ? 'http' : 'https');
  const current = await dnr.getDynamicRules();
  const same = current.filter((c) => OWN_PIXEL_RULE_IDS.includes(c.id)).length === wanted.length && wanted.every((rule) => current.some((c) => c.id === rule.id && c.condition.urlFilter === rule.condition.urlFilter));
  if (same) return;
  await dnr.updateDynamicRules({ removeRuleIds: [...OWN_PIXEL_RULE_IDS], addRules: wanted });
}
