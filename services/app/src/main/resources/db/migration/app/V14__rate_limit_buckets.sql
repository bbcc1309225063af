-- Rate-limit buckets shared by every node, so two nodes do not double a limit
-- (docs/adr/0021-shared-sessions-and-limits.md). One row per (limit, client or reference),
-- kept as the time the bucket will be full again (GCRA, a token bucket written as one
-- timestamp): each allowed request moves it on by period / capacity, and a request that would
-- move it past now plus the period is refused. A row whose time has passed is a full
-- bucket, and forgetting it changes nothing: such rows are deleted every minute.
-- The key is an HMAC of the limit and the client address or reference, so the table holds no
-- address, reference or username.
-- Unlogged: a take is a write on every limited request, and a logged write waits for a WAL
-- flush (6 ms here, RateLimitBenchmark); an unlogged one does not. A crash empties the table,
-- which gives every client a full bucket: what a restart used to do to the in-memory buckets.
create unlogged table rate_limit_buckets (
    bucket_key bytea       primary key,
    full_at    timestamptz not null
);
create index rate_limit_buckets_by_full_at on rate_limit_buckets (full_at);
