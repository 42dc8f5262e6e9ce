import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/**
 * Serves the amoCRM-like demo site (tests/fixtures/sites/amocrm) on loopback, for the
 * `npm start` demo, the end-to-end tests and the benchmarks. Like the real single-page
 * CRM, every page path returns the app shell; files live under /assets/.
 */
const SITE_ROOT = resolve(import.meta.dirname, '../tests/fixtures/sites/amocrm');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface DemoSite {
  port: number;
  close(): Promise<void>;
}

export async function startCrmDemoSite(port = 0, host = '127.0.0.1'): Promise<DemoSite> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith('/assets/')
      ? normalize(join(SITE_ROOT, path))
      : join(SITE_ROOT, 'index.html');
    if (!file.startsWith(SITE_ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
