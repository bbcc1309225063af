-- The sealers look every second for committed rows marked with their leaf seal and not yet
-- linked (ChainSealer). V85's index also holds rows that carry no seal at all, which no sealer
-- links (rows written around the application, such as a benchmark's copied history): with a
-- million of them each look read them all. This one holds only what a sealer can link.
create index domain_event_entry_marked on domain_event_entry (global_index)
    where chain_position is null and chain_hash is not null;
