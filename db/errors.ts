// Recognises PostgreSQL errors through drizzle's wrapper (postgres.js and PGlite both carry the
// SQLSTATE in `code`), so a race two requests lose becomes a clear answer instead of a 500.
interface PgError {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  cause?: unknown;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error as PgError | undefined, depth = 0; current && depth < 5; depth++) {
    if (current.code === "23505") {
      const name = current.constraint_name ?? current.constraint;
      return constraint === undefined || name === undefined || name === constraint;
    }
    current = current.cause as PgError | undefined;
  }
  return false;
}
