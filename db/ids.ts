// Ids for new rows: UUIDv7 (RFC 9562), whose first 48 bits are the time in milliseconds. Rows
// written together get neighbouring ids, so a batch's inserts into a primary key, or into an
// index keyed by lead_id, fill the index's rightmost pages instead of one random page each of a
// large index: far fewer pages written, and far fewer of them written whole to the WAL after
// each checkpoint (docs/performance.md, "Round 9"). A random UUIDv4 (gen_random_uuid, the
// columns' database default) stays valid for rows written by hand.
export { v7 as newId } from "uuid";
