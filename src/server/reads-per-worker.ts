/**
 * How many reads a read worker runs at once, on either dialect. On PostgreSQL one read's
 * JavaScript runs while the other waits for the database, each on a connection of its own.
 * On SQLite a read holds its thread until it is done, but the second read is already in the
 * worker when the first ends: with one, the worker sat idle until the busy event loop had
 * taken the first answer and handed over the next task (42–56 % of a worker's time at 50
 * users, measured 7 December 2026; docs/performance.md, ADR 0014's fifth amendment).
 */
export const READS_PER_WORKER = 2;
