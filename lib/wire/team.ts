import { z } from 'zod';
import { RoleSchema } from './me';

/** The team page of the dashboard (server/README.md, "Team"): people, roles, tokens. */

const Id = z.string().regex(/^\d{1,18}$/, 'expected a numeric id');

export const TeamTokenSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type TeamToken = z.infer<typeof TeamTokenSchema>;

export const TeamMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  teamId: z.string().nullable(),
  /** Live tokens only (not revoked, not expired). */
  tokens: z.array(TeamTokenSchema),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamMembersResponseSchema = z.object({
  /** Whether the caller may grant the admin role and move people between teams. */
  canManageOrg: z.boolean(),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  members: z.array(TeamMemberSchema),
});
export type TeamMembersResponse = z.infer<typeof TeamMembersResponseSchema>;

export const EmailSchema = z.string().trim().toLowerCase().max(320).pipe(z.email('not an email address'));

export const AddMemberRequestSchema = z.object({
  email: EmailSchema,
  role: RoleSchema.default('manager'),
  /** A head adds to their own team (left out: theirs); an admin names the team (none: an admin). */
  teamId: Id.nullable().optional(),
});
export type AddMemberRequest = z.input<typeof AddMemberRequestSchema>;

export const UpdateMemberRequestSchema = z
  .object({ role: RoleSchema.optional(), teamId: Id.nullable().optional() })
  .refine((b) => b.role !== undefined || b.teamId !== undefined, 'name a role or a team');
export type UpdateMemberRequest = z.input<typeof UpdateMemberRequestSchema>;

/** Longest life of a token issued from the dashboard; none given: no expiry. */
export const MAX_TOKEN_DAYS = 3650;
export const IssueTokenRequestSchema = z.object({ expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).nullable().default(null) });
export type IssueTokenRequest = z.input<typeof IssueTokenRequestSchema>;

/** The plain token, shown once; the extension wraps it with its server address into an invite. */
export const IssuedTokenResponseSchema = z.object({ tokenId: z.string(), token: z.string(), expiresAt: z.string().nullable() });
export type IssuedTokenResponse = z.infer<typeof IssuedTokenResponseSchema>;

export const IdParamsSchema = z.object({ id: Id });
