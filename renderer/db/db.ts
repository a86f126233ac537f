import { RootlineDb } from './schema';

let current: RootlineDb | null = null;

/** The app's database (opened lazily; tests may swap it with `setDb`). */
export function getDb(): RootlineDb {
  current ??= new RootlineDb();
  return current;
}

/** Replace the database instance (tests, or reopening after a restore). */
export function setDb(db: RootlineDb | null): void {
  current = db;
}
