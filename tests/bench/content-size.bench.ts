import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/support/extension-browser';

interface ManifestContentScript {
  matches?: string[];
  js?: string[];
}

/**
 * Bytes each CRM site pays for: every content script the built manifest injects into it (the
 * isolated one and, where declared, the page-world helper), gzip level 9. Budget: 15 KB gzip
 * in all for one site.
 */
export function contentSizesBySite(): { site: string; files: { file: string; gzip: number }[]; gzip: number }[] {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: ManifestContentScript[] };
  const bySite = new Map<string, { file: string; gzip: number }[]>();
  for (const script of manifest.content_scripts ?? []) {
    // Sites are told apart by their match patterns; one site's scripts share them.
    const site = [...(script.matches ?? [])].sort()[0] ?? '(none)';
    for (const file of script.js ?? []) {
      const gzip = gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length;
      bySite.set(site, [...(bySite.get(site) ?? []), { file, gzip }]);
    }
  }
  return [...bySite].map(([site, files]) => ({ site, files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) }));
}

export function runContentSizeBench(): void {
  console.log('\n## Content scripts injected into one CRM site (gzip -9)');
  for (const { site, files, gzip } of contentSizesBySite()) {
    const parts = files.map((f) => `${f.file.replace('content-scripts/', '')} ${(f.gzip / 1024).toFixed(1)}`).join(' + ');
    console.log(`${site.padEnd(26)} ${(gzip / 1024).toFixed(1).padStart(5)} KB  (${parts})`);
  }
  console.log('target: ≤ 15 KB gzip in all for one site');
}
