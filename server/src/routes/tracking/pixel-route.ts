import { tokenFromPixelPath } from '../../../../lib/tracking/pixel-token';
import type { HitRecorder } from '../../tracking/hit-recorder';
import { PIXEL_GIF, PIXEL_HEADERS } from '../../tracking/pixel-gif';
import { ipHash, pixelTokenHash } from '../../tracking/pixel-secrets';
import { providerNetwork } from '../../tracking/provider-networks';
import type { ZodApp } from '../types';

/**
 * `GET /t/<token>.gif`: always the same GIF and headers, whatever the path, so the answer
 * says nothing about whether a token exists. A well-formed token's hit is answered after its
 * batch commits (acknowledged means durable); an unknown token goes through the same batch and
 * stores nothing. Never rate-limited: a flood is bounded in what is stored, not in answers.
 */
export function registerPixelRoute(app: ZodApp, { recorder, secret }: { recorder: HitRecorder; secret: string }): void {
  app.get(
    '/t/*',
    {
      config: { rateLimit: false },
      // Mail clients load the pixel from other origins; helmet's same-origin default would block it.
      helmet: { crossOriginResourcePolicy: { policy: 'cross-origin' } },
    },
    async (request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const token = tokenFromPixelPath(path);
      if (token !== null) {
        const userAgent = request.headers['user-agent'] ?? '';
        await recorder
          .record({ tokenHash: pixelTokenHash(secret, token), at: Date.now(), userAgent, ipHash: ipHash(secret, request.ip), network: providerNetwork(request.ip) })
          .catch((error: unknown) => request.log.error({ error }, 'a pixel hit could not be recorded'));
      }
      return reply.code(200).headers(PIXEL_HEADERS).send(PIXEL_GIF);
    },
  );
}
