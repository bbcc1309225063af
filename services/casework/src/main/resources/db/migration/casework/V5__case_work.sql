-- Read model: a case as handlers search, list and open it.
create table case_view (
    reference          varchar(20)  primary key,
    status             varchar(30)  not null,
    category           varchar(40)  not null,
    opened_at          timestamptz  not null,
    assigned_to        varchar(100),
    team               varchar(200),
    enhanced_rights    boolean      not null default false,
    update_channel     varchar(20)  not null,
    update_frequency   varchar(20)  not null,
    next_update_due    timestamptz  not null,
    update_overdue     boolean      not null default false,
    key_decision_due   timestamptz,
    key_decision_overdue boolean    not null default false,
    crime_decided      boolean      not null default false,
    crime_recorded     boolean,
    crime_number       varchar(50),
    crime_reason       varchar(5000),
    crime_due          timestamptz,
    crime_overdue      boolean      not null default false,
    name               varchar(200),
    email              varchar(320),
    phone              varchar(40),
    postcode           varchar(10)
);
create index case_view_due on case_view (next_update_due) where status <> 'CLOSED';
create index case_view_status on case_view (status);

-- Everything that happened to a case, in the handler's words; INTERNAL rows never reach the citizen.
create table case_history (
    event_id   varchar(255) primary key,
    reference  varchar(20)  not null,
    at         timestamptz  not null,
    type       varchar(60)  not null,
    title      varchar(300) not null,
    detail     text,
    actor      varchar(100),
    visibility varchar(10)  not null
);
create index case_history_by_case on case_history (reference, at);

create table case_contact (
    reference  varchar(20) not null,
    contact_id varchar(64) not null,
    channel    varchar(20) not null,
    at         timestamptz not null,
    summary    varchar(2000),
    primary key (reference, contact_id)
);

-- Secure messages between the citizen and the handler.
create table case_message (
    message_id varchar(64)   primary key,
    reference  varchar(20)   not null,
    author_role varchar(20)  not null,
    author     varchar(100),
    text       varchar(2000) not null,
    at         timestamptz   not null
);
create index case_message_by_case on case_message (reference, at);

-- How each public update reached (or failed to reach) the citizen.
create table case_delivery (
    update_id     varchar(64)  primary key,
    reference     varchar(20)  not null,
    channel       varchar(20)  not null,
    status        varchar(20)  not null,
    attempts      integer      not null,
    notify_id     varchar(64),
    error         varchar(1000),
    at            timestamptz  not null
);
create index case_delivery_by_case on case_delivery (reference);
create index case_delivery_failed on case_delivery (at) where status = 'FAILED';

-- db-scheduler's table: Axon deadlines (Victims' Code and crime-recording) survive restarts here.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
