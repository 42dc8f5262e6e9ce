import { z } from 'zod';
import { TEXT_LIMITS, boundedText } from './bounded-text';

const Id = boundedText(TEXT_LIMITS.id);
const Name = boundedText(TEXT_LIMITS.name);

export const ROLES = ['manager', 'head', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Who the token belongs to: the options page shows it after a server and token are set. */
export const MeResponseSchema = z.object({
  user: z.object({ id: Id, email: boundedText(320), role: RoleSchema }),
  team: z.object({ id: Id, name: Name }).nullable(),
  org: z.object({ id: Id, name: Name }),
  tokenId: Id,
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
