ALTER TABLE "routing_pools" ADD COLUMN "credits" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- Hand-written: each pool's members' credits move to the pool, by user id.
UPDATE "routing_pools" p SET "credits" = m.credits
FROM (
  SELECT pool_id, jsonb_object_agg(user_id::text, credit) AS credits FROM "pool_members" GROUP BY pool_id
) m
WHERE m.pool_id = p.id;--> statement-breakpoint
ALTER TABLE "pool_members" DROP COLUMN "credit";
