-- Ending a sign-in through the admin API is audited; the record names the sign-in by its handle, never by a
-- session id.
ALTER TABLE audit DROP CONSTRAINT audit_resource_type_check;
ALTER TABLE audit ADD CONSTRAINT audit_resource_type_check
    CHECK (resource_type IN ('tenant', 'hostname', 'idp', 'upstream', 'route', 'key', 'signing_key', 'session'));
