-- Read model (resourcing): each handler's open spans (normally one), which every change of
-- availability closes. Without this a batch of changes reads every span of its handlers to find
-- the open ones, a year of shifts each by the end of a rebuild. Unique only so that a rebuild
-- keeps it while it loads (it builds the other indexes after the load, audit ShadowTables): the
-- primary key already makes (handler, from_at) unique.
create unique index handler_span_open on handler_span (handler, from_at) where to_at is null;
