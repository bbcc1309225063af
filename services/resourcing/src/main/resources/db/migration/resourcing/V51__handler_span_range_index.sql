-- A report over one day of a long history asks for the spans that overlap it. A btree on
-- (from_at, to_at) can only bound from_at < :to, which late in the history is nearly every row;
-- a GiST index on the span's range finds the overlapping ones (&&) directly. An open span (no
-- to_at) is a range without an end. to_at is never before from_at (ContactCentreFacts closes a
-- span only at or after its start), so the range is always valid.
create index handler_span_during on handler_span using gist (tstzrange(from_at, to_at));
