-- The nodes of the cluster (docs/adr/0023-nodes-share-work-and-erasures.md). Each node writes its
-- row every second; a node whose row is older than bluelamp.cluster.node-timeout is dead. Live
-- nodes split every processor's segments between them, and an erasure waits until every live
-- node has looked for erasures after it committed (erasures_checked_at) before it answers.
create table node_heartbeat (
    node_id             varchar(255) primary key,
    started_at          timestamptz  not null default now(),
    last_seen           timestamptz  not null default now(),
    erasures_checked_at timestamptz
);
