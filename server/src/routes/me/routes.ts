import { MeResponseSchema } from '../../../../lib/wire/me';
import { callerOf, type ZodApp } from '../types';

export function registerMeRoutes(app: ZodApp): void {
  app.get('/api/me', { schema: { response: { 200: MeResponseSchema } } }, async (request) => {
    const c = callerOf(request);
    return {
      user: { id: c.userId, email: c.email, role: c.role },
      team: c.teamId === null ? null : { id: c.teamId, name: c.teamName ?? '' },
      org: { id: c.orgId, name: c.orgName },
      tokenId: c.tokenId,
    };
  });
}
