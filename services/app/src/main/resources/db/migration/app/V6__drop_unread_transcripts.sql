-- Chat transcripts and case messages are read from their aggregates' own events (a sender must
-- see what they just sent); these copies were written on every message and never read.
drop table chat_message;
drop table case_message;
