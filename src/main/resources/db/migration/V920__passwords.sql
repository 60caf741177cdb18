-- Passwords for the web app's sign-in (io.teamplay.users.Passwords). A user sets theirs through a one-time link an
-- ADMIN creates: only the link token's SHA-256 hash is kept, it expires and works once (used_at). The password itself
-- is kept as a salted PBKDF2-HMAC-SHA256 hash ("pbkdf2-sha256$iterations$salt$hash", base64).
create table password_link (
    token_hash  varchar(64)  primary key,
    email       varchar(320) not null references app_user (email),
    created_by  varchar(320) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index password_link_email on password_link (email);

create table user_password (
    email   varchar(320) primary key references app_user (email),
    hash    varchar(200) not null,
    set_at  timestamp with time zone not null
);
