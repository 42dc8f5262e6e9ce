import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/support/extension-browser';

interface ManifestContentScript {
  matches?: string[];
  js?: string[];
}

interface SizedFile {
  file: string;
  gzip: number;
  when: 'declared' | 'after load';
}

const gzipOf = (file: string): number => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length;

/**
 * Bytes each CRM site pays for, gzip level 9: every content script the built manifest injects
 * into it (the boot stub and, where declared, the page-world helper; parsed before the page's
 * load) and the site's main file, which the stub imports after the load (`<site>-main.js`).
 * Budget: 15 KB gzip in all for one site.
 */
export function contentSizesBySite(): { site: string; files: SizedFile[]; gzip: number }[] {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: ManifestContentScript[] };
  const bySite = new Map<string, SizedFile[]>();
  for (const script of manifest.content_scripts ?? []) {
    // Sites are told apart by their match patterns; one site's scripts share them.
    const site = [...(script.matches ?? [])].sort()[0] ?? '(none)';
    const files = bySite.get(site) ?? [];
    for (const file of script.js ?? []) {
      files.push({ file, gzip: gzipOf(file), when: 'declared' });
      const main = file.replace(/^content-scripts\/(.+)\.js$/, '$1-main.js');
      if (main !== file && existsSync(join(EXTENSION_DIR, main))) files.push({ file: main, gzip: gzipOf(main), when: 'after load' });
    }
    bySite.set(site, files);
  }
  return [...bySite].map(([site, files]) => ({ site, files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) }));
}

export function runContentSizeBench(): void {
  console.log('\n## Code injected into one CRM site (gzip -9)');
  for (const { site, files, gzip } of contentSizesBySite()) {
    const before = files.filter((f) => f.when === 'declared').reduce((n, f) => n + f.gzip, 0);
    const parts = files.map((f) => `${f.file.replace('content-scripts/', '')} ${(f.gzip / 1024).toFixed(1)}`).join(' + ');
    console.log(`${site.padEnd(26)} ${(gzip / 1024).toFixed(1).padStart(5)} KB in all, ${(before / 1024).toFixed(1)} KB before the page's load  (${parts})`);
  }
  console.log('target: ≤ 15 KB gzip in all for one site');
}
