import { request } from 'node:http';

/** The user agent Gmail's image proxy fetches with (research notes §3, SendGrid/Mailgun samples). */
export const GOOGLE_PROXY_UA = 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)';

/**
 * Fetches a pixel as a webmail's image proxy does for a reader: from another address than the
 * sender's (127.0.0.2; all of 127/8 is this machine), so the server cannot take it for the
 * sender's own request. Answers the status and the body's length.
 */
export function fetchPixelAsProxy(pixelUrl: string, userAgent = GOOGLE_PROXY_UA): Promise<{ status: number; bytes: number; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request(pixelUrl, { localAddress: '127.0.0.2', headers: { 'user-agent': userAgent } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, type: String(res.headers['content-type']) }));
    });
    req.on('error', reject);
    req.end();
  });
}
