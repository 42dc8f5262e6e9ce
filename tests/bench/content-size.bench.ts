import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/support/extension-browser';

/**
 * Bytes the CRM page pays for: every content script injected into amoCRM tabs (parsed before
 * the page's load event) and the rest of the tab's code, which the boot stub imports after it
 * (crm-main.js). Budget: all of it within 15 KB gzip.
 */
const IMPORTED_AFTER_LOAD = ['crm-main.js'];

export function contentScriptSizes(): { file: string; raw: number; gzip: number; when: 'declared' | 'after load' }[] {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const size = (path: string) => {
    const bytes = readFileSync(path);
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const declared = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, ...size(join(dir, file)), when: 'declared' as const }));
  const imported = IMPORTED_AFTER_LOAD.filter((f) => existsSync(join(EXTENSION_DIR, f))).map((file) => ({
    file,
    ...size(join(EXTENSION_DIR, file)),
    when: 'after load' as const,
  }));
  return [...declared, ...imported];
}

export function runContentSizeBench(): void {
  console.log('\n## Code injected into the CRM page');
  const sizes = contentScriptSizes();
  for (const { file, raw, gzip, when } of sizes) {
    console.log(`${file.padEnd(28)} raw ${(raw / 1024).toFixed(1).padStart(6)} KB   gzip ${(gzip / 1024).toFixed(1).padStart(5)} KB   (${when === 'declared' ? 'before the page’s load' : 'imported after it'})`);
  }
  const before = sizes.filter((s) => s.when === 'declared').reduce((n, s) => n + s.gzip, 0);
  const total = sizes.reduce((n, s) => n + s.gzip, 0);
  console.log(`parsed before the page's load: ${(before / 1024).toFixed(1)} KB gzip; all of it: ${(total / 1024).toFixed(1)} KB gzip`);
  console.log('target: all of it ≤ 15 KB gzip');
}
