-- Gatehouse control plane: tenants and their configuration, admin keys, audit.
-- Every per-tenant table is keyed by tenant_id first so a tenant snapshot is one index range scan per table.
-- References between resources use (tenant_id, name) composite keys: the database itself refuses a
-- cross-tenant reference and refuses deleting a referenced row (NO ACTION, checked at statement end,
-- so deleting a whole tenant still cascades cleanly). Names use the "C" collation: byte order for listing and paging.

CREATE TABLE tenants (
    id                     uuid PRIMARY KEY,
    slug                   text COLLATE "C" NOT NULL UNIQUE,
    display_name           text NOT NULL,
    contact                text,
    authenticate_hostname  text COLLATE "C",
    allow_gateway_identity boolean NOT NULL DEFAULT false,
    config_version         bigint NOT NULL DEFAULT 0,
    version                integer NOT NULL DEFAULT 1,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL
);

CREATE TABLE hostnames (
    hostname   text COLLATE "C" PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    position   bigint GENERATED ALWAYS AS IDENTITY,
    version    integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL,
    CONSTRAINT hostnames_tenant_hostname_key UNIQUE (tenant_id, hostname)
);

ALTER TABLE tenants
    ADD CONSTRAINT tenants_authenticate_hostname_fkey
    FOREIGN KEY (id, authenticate_hostname) REFERENCES hostnames (tenant_id, hostname);

CREATE TABLE idps (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name                 text COLLATE "C" NOT NULL,
    issuer               text NOT NULL,
    client_id            text NOT NULL,
    client_secret_sealed bytea NOT NULL,
    scopes               text[] NOT NULL,
    groups_claim         text NOT NULL,
    version              integer NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    CONSTRAINT idps_tenant_name_key UNIQUE (tenant_id, name)
);

CREATE TABLE upstreams (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name            text COLLATE "C" NOT NULL,
    url             text NOT NULL,
    serverless_auth jsonb NOT NULL,
    connect_timeout text NOT NULL,
    timeout         text NOT NULL,
    version         integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT upstreams_tenant_name_key UNIQUE (tenant_id, name)
);

CREATE TABLE routes (
    id            uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name          text COLLATE "C" NOT NULL,
    from_scheme   text NOT NULL CHECK (from_scheme IN ('http', 'https')),
    from_hostname text COLLATE "C" NOT NULL,
    upstream      text COLLATE "C" NOT NULL,
    idp           text COLLATE "C",
    -- matcher, policy (canonical JSON), flags, header rules, timeout
    spec          jsonb NOT NULL,
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT routes_tenant_name_key UNIQUE (tenant_id, name),
    CONSTRAINT routes_from_hostname_fkey FOREIGN KEY (tenant_id, from_hostname) REFERENCES hostnames (tenant_id, hostname),
    CONSTRAINT routes_upstream_fkey FOREIGN KEY (tenant_id, upstream) REFERENCES upstreams (tenant_id, name),
    CONSTRAINT routes_idp_fkey FOREIGN KEY (tenant_id, idp) REFERENCES idps (tenant_id, name)
);

CREATE INDEX routes_from_hostname_idx ON routes (tenant_id, from_hostname);
CREATE INDEX routes_upstream_idx ON routes (tenant_id, upstream);
CREATE INDEX routes_idp_idx ON routes (tenant_id, idp);

CREATE TABLE admin_keys (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name         text COLLATE "C" NOT NULL,
    prefix       text NOT NULL,
    hash         bytea NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);

CREATE INDEX admin_keys_tenant_idx ON admin_keys (tenant_id, created_at);

CREATE TABLE audit (
    id            bigserial PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    at            timestamptz NOT NULL,
    actor         text NOT NULL,
    action        text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'revoke')),
    resource_type text NOT NULL CHECK (resource_type IN ('tenant', 'hostname', 'idp', 'upstream', 'route', 'key')),
    resource_name text NOT NULL,
    before        jsonb,
    after         jsonb
);

CREATE INDEX audit_tenant_idx ON audit (tenant_id, id DESC);
