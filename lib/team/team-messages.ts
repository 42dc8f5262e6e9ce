import { z } from 'zod';
import { RoleSchema } from '../wire/me';
import { ReportErrorSchema } from '../reports/report-messages';
import { AddMemberRequestSchema, IssueTokenRequestSchema, TeamMembersResponseSchema, UpdateMemberRequestSchema } from '../wire/team';

/**
 * The dashboard's team page asks the background (`team:*`), which holds the server address and
 * the caller's token. An issued token comes back wrapped as an invite with that address.
 */
const Id = z.string().regex(/^\d{1,18}$/);

export const TeamRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('team:list') }),
  z.object({ type: z.literal('team:add'), member: AddMemberRequestSchema }),
  z.object({ type: z.literal('team:update'), userId: Id, change: UpdateMemberRequestSchema }),
  z.object({ type: z.literal('team:invite'), userId: Id, options: IssueTokenRequestSchema }),
  z.object({ type: z.literal('team:revoke'), tokenId: Id }),
]);
export type TeamRequest = z.input<typeof TeamRequestSchema>;

const fail = z.object({ ok: z.literal(false), error: ReportErrorSchema });
export const TeamListAnswerSchema = z.union([z.object({ ok: z.literal(true), team: TeamMembersResponseSchema }), fail]);
export const TeamDoneAnswerSchema = z.union([z.object({ ok: z.literal(true) }), fail]);
export const TeamInviteAnswerSchema = z.union([
  z.object({ ok: z.literal(true), invite: z.string(), tokenId: z.string(), expiresAt: z.string().nullable() }),
  fail,
]);
export type TeamListAnswer = z.infer<typeof TeamListAnswerSchema>;
export type TeamDoneAnswer = z.infer<typeof TeamDoneAnswerSchema>;
export type TeamInviteAnswer = z.infer<typeof TeamInviteAnswerSchema>;
export type TeamAnswer = TeamListAnswer | TeamDoneAnswer | TeamInviteAnswer;

export const ASSIGNABLE_ROLES = RoleSchema.options;
