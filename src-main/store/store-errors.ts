/** Why the store could not open its database file. */
export type StoreOpenFailure = 'corrupt' | 'unreadable' | 'newer-schema';

/**
 * The database file cannot be used: it is damaged, cannot be read, or was written by a newer
 * version of the terminal. The file is named so the host can tell the user which file it is.
 */
export class StoreOpenError extends Error {
  public override readonly name = 'StoreOpenError';

  public constructor(
    public readonly reason: StoreOpenFailure,
    public readonly file: string,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
  }
}

/** SQLite result codes (better-sqlite3's `SqliteError.code`) that mean the file's bytes are bad. */
const corruptCodes = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** The SQLite error code of an error, if it has one. */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { readonly code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps an error thrown while opening the file to a `StoreOpenError` naming the file. */
export function openFailure(file: string, error: unknown): StoreOpenError {
  if (error instanceof StoreOpenError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  const code = sqliteCode(error) ?? '';
  if (corruptCodes.has(code)) {
    return new StoreOpenError(
      'corrupt',
      file,
      `The database ${file} is damaged or is not a SQLite database (${detail}). It was left as it is; daily backups are in the backups folder beside it.`,
      { cause: error },
    );
  }
  return new StoreOpenError('unreadable', file, `The database ${file} cannot be opened (${detail}).`, { cause: error });
}
