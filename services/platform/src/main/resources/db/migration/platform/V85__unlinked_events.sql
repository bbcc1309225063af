-- The chain sealer finds committed events still to link into the chain (docs/adr/0048) without
-- scanning the log: only those rows are in this index, a handful at any moment.
create index domain_event_entry_unlinked on domain_event_entry (global_index) where chain_position is null;
