import { afterEach, beforeEach } from 'vitest';
import type { OpenStoreOptions, SqliteStore } from '../open-store';
import { openTestStore, temporaryDirectory } from './store-fixtures';

/** A per-test temporary data folder whose stores are closed and folder removed after each test. */
export interface StoreFolder {
  readonly path: string;
  /** Opens a store in the folder (backups off unless given). */
  open(options?: Partial<OpenStoreOptions>): SqliteStore;
}

/** Registers the hooks of a per-test store folder; call inside a `describe`. */
export function useStoreFolder(): StoreFolder {
  let directory: ReturnType<typeof temporaryDirectory> | undefined;
  const opened: SqliteStore[] = [];
  beforeEach(() => {
    directory = temporaryDirectory();
  });
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    directory?.remove();
  });
  const current = (): string => {
    if (directory === undefined) throw new Error('useStoreFolder() is only usable inside a test');
    return directory.path;
  };
  return {
    get path() {
      return current();
    },
    open: (options = {}) => {
      const store = openTestStore(current(), options);
      opened.push(store);
      return store;
    },
  };
}
