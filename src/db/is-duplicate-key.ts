/** E11000, the one error both MongoDB and FerretDB give when an insert hits a unique key (docs/database.md). */
export function isDuplicateKey(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: number; writeErrors?: { code?: number }[] };
  return e.code === 11000 || (Array.isArray(e.writeErrors) && e.writeErrors.length > 0 && e.writeErrors.every((w) => w.code === 11000));
}
