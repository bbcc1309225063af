-- Cases about one matter, linked by a handler (issue 14): a row each way, so either case lists the other.
create table case_link (
    reference        varchar(20)  not null,
    linked_reference varchar(20)  not null,
    by_handler       varchar(200) not null,
    at               timestamptz  not null,
    primary key (reference, linked_reference)
);

-- Possible duplicates are cases opened recently by someone giving the same email, phone or postcode.
create index case_view_opened on case_view (opened_at);
create index case_view_email on case_view (lower(email)) where email is not null;
create index case_view_phone_key on case_view (right(regexp_replace(phone, '[^0-9]', '', 'g'), 10)) where phone is not null;
create index case_view_postcode on case_view (replace(postcode, ' ', '')) where postcode is not null;
