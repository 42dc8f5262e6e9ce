import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/support/extension-browser';

/**
 * Bytes the CRM page pays for: every content script injected into amoCRM tabs.
 * Budget: the isolated-world script stays within 15 KB gzip.
 */
export function contentScriptSizes(): { file: string; raw: number; gzip: number }[] {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
}

export function runContentSizeBench(): void {
  console.log('\n## Content scripts injected into the CRM page');
  for (const { file, raw, gzip } of contentScriptSizes()) {
    console.log(`${file.padEnd(28)} raw ${(raw / 1024).toFixed(1).padStart(6)} KB   gzip ${(gzip / 1024).toFixed(1).padStart(5)} KB`);
  }
  console.log('target: crm.js ≤ 15 KB gzip');
}
