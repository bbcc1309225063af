-- A rebuild belongs to the node running it, which proves it is alive by its heartbeat; any node
-- fails a run whose heartbeat has gone stale (docs/adr/0025-cluster-wide-rebuilds.md).
alter table replay_run add column owner_node varchar(255);
alter table replay_run add column heartbeat_at timestamptz;

-- Runs left by a version that kept no heartbeat cannot be told alive from dead: they died with
-- the upgrade's restart.
update replay_run set state = 'FAILED', finished_at = now(),
    error = 'Interrupted: the application stopped while it ran'
where state in ('RUNNING', 'QUEUED');

-- When a run asked every node to let go of its read model's segments, before holding them.
alter table replay_run add column hold_asked_at timestamptz;
