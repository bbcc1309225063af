-- Read model (resourcing): handlers planned on duty in each hour of a typical week (0 = Monday,
-- as java.time.DayOfWeek's ordinal). An hour not planned has no row. No personal data.
create table staffing_plan (
    weekday    smallint    not null,
    hour       smallint    not null,
    handlers   integer     not null,
    changed_at timestamptz not null,
    primary key (weekday, hour)
);
