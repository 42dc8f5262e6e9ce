/**
 * The part of a browser storage area (storage.local, storage.session) the background and the
 * sync engine use: the real area in the worker, WXT's fake browser or a Map in tests.
 */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}
