-- The web app's sign-in sessions (io.teamplay.security.WebSessions). The browser holds the session id in an HttpOnly,
-- SameSite=Strict cookie; only its SHA-256 hash is kept. csrf_token is the synchronizer token every form carries.
-- principal is a user's email, or 'admin-token' for a session opened with the bootstrap admin token.
create table web_session (
    id_hash     varchar(64)  primary key,
    principal   varchar(320) not null,
    csrf_token  varchar(64)  not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index web_session_principal on web_session (principal);
