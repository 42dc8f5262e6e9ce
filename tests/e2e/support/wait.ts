import type { Locator } from 'playwright-core';

/** Polls a condition until it holds; fails with the label after the timeout. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000, label = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await condition()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${label}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** Waits until the locator's text contains `expected`, and reports what it last saw. */
export async function expectText(locator: Locator, expected: string, timeoutMs = 10_000): Promise<void> {
  let seen: string | null = null;
  try {
    await waitFor(async () => {
      seen = await locator.textContent({ timeout: 1_000 });
      return seen?.includes(expected) ?? false;
    }, timeoutMs);
  } catch {
    throw new Error(`Expected text containing «${expected}», last saw «${seen ?? '(no element)'}»`);
  }
}
