import { z } from 'zod';

export const ROLES = ['manager', 'head', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Who the token belongs to: the options page shows it after a server and token are set. */
export const MeResponseSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), role: RoleSchema }),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  org: z.object({ id: z.string(), name: z.string() }),
  tokenId: z.string(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
