-- Per-tenant ES256 keys that sign X-Gatehouse-Jwt-Assertion.
-- kid is the key's RFC 7638 JWK thumbprint. The private key (PKCS#8) is sealed with the master key; its associated
-- data binds it to the tenant and kid, so a sealed value copied to another row does not open.
-- Exactly one active key per tenant: the partial unique index below; inserting a first key uses it as the
-- ON CONFLICT arbiter, so gateway nodes that find no key at the same moment end up with the same one.
-- A retired key stays published until retired_at + the assertion lifetime + clock skew, then may be deleted.

CREATE TABLE signing_keys (
    tenant_id          uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    kid                text COLLATE "C" NOT NULL,
    algorithm          text NOT NULL CHECK (algorithm = 'ES256'),
    public_jwk         jsonb NOT NULL,
    private_key_sealed bytea NOT NULL,
    state              text NOT NULL CHECK (state IN ('active', 'retired')),
    created_at         timestamptz NOT NULL,
    retired_at         timestamptz,
    PRIMARY KEY (tenant_id, kid),
    CONSTRAINT signing_keys_retired_at_check CHECK ((state = 'retired') = (retired_at IS NOT NULL))
);

CREATE UNIQUE INDEX signing_keys_one_active_idx ON signing_keys (tenant_id) WHERE state = 'active';

-- Rotating a signing key is audited like any other change.
ALTER TABLE audit DROP CONSTRAINT audit_action_check;
ALTER TABLE audit ADD CONSTRAINT audit_action_check
    CHECK (action IN ('create', 'update', 'delete', 'revoke', 'rotate'));
ALTER TABLE audit DROP CONSTRAINT audit_resource_type_check;
ALTER TABLE audit ADD CONSTRAINT audit_resource_type_check
    CHECK (resource_type IN ('tenant', 'hostname', 'idp', 'upstream', 'route', 'key', 'signing_key'));
