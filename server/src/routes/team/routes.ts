import {
  AddMemberRequestSchema,
  IdParamsSchema,
  IssueTokenRequestSchema,
  IssuedTokenResponseSchema,
  TeamMembersResponseSchema,
  UpdateMemberRequestSchema,
} from '../../../../lib/wire/team';
import { addMember, issueMemberToken, listMembers, revokeMemberToken, updateMember } from '../../team/team-members';
import { callerOf, type RouteDeps, type ZodApp } from '../types';

/** The team page: people of the head's team (or the admin's organisation), roles and tokens. */
export function registerTeamRoutes(app: ZodApp, { db, secret }: RouteDeps & { secret: string }): void {
  app.get('/api/team/members', { schema: { response: { 200: TeamMembersResponseSchema } } }, async (request) =>
    listMembers(db, callerOf(request)),
  );

  app.post('/api/team/members', { schema: { body: AddMemberRequestSchema } }, async (request, reply) => {
    const id = await addMember(db, callerOf(request), request.body);
    return reply.code(201).send({ id });
  });

  app.patch('/api/team/members/:id', { schema: { params: IdParamsSchema, body: UpdateMemberRequestSchema } }, async (request, reply) => {
    await updateMember(db, callerOf(request), request.params.id, request.body);
    return reply.code(204).send();
  });

  app.post(
    '/api/team/members/:id/tokens',
    { schema: { params: IdParamsSchema, body: IssueTokenRequestSchema, response: { 201: IssuedTokenResponseSchema } } },
    async (request, reply) => {
      const issued = await issueMemberToken(db, secret, callerOf(request), request.params.id, request.body);
      return reply.code(201).header('cache-control', 'no-store').send(issued);
    },
  );

  app.delete('/api/team/tokens/:id', { schema: { params: IdParamsSchema } }, async (request, reply) => {
    await revokeMemberToken(db, callerOf(request), request.params.id);
    return reply.code(204).send();
  });
}
