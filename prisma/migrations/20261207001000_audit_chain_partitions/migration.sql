-- Tamper-evident, monthly-partitioned audit trail (docs/decisions/0032-audit-chain.md).
--
-- Every event carries `hash` = sha256 of a canonical text of its content and of `prevHash`, the hash of the event
-- before it in its `chain`. A chain is one database backend's events of one UTC day, numbered by `seq`: a backend
-- runs one transaction at a time, so appending to its own chain needs no lock and inserts from different
-- connections never wait for each other. scripts/audit-verify.ts recomputes every hash and link in Node.
--
-- The table is PARTITIONED BY RANGE (at), one partition a month, in the schema audit_partition (which the app's
-- role cannot even name: it reads and appends through audit_event only, and Prisma's drift check sees one table).

CREATE SCHEMA IF NOT EXISTS audit_partition;

-- The canonical text of one field: its length in UTF-8 bytes, ':' and the text, or '~' for NULL. Length-prefixed,
-- so no value can imitate a separator. lib/domain/audit-chain.ts builds the same text; keep the two in step.
CREATE FUNCTION audit_event_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END
$$;

-- The hash of one event: version tag, then id, at (UTC, ISO 8601 with milliseconds, as JavaScript's toISOString),
-- actor, action, entity, phi, origin, details (jsonb's text form, which is canonical: keys sorted, duplicates
-- gone, one spacing) and the previous event's hash.
CREATE FUNCTION audit_event_hash(
  id bigint, at timestamptz, actor_id uuid, actor_email text, action text, entity_type text, entity_id text,
  phi boolean, ip text, user_agent text, details jsonb, prev_hash text
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(
    'overturn-audit-v1'
    || '|' || audit_event_field(id::text)
    || '|' || audit_event_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    || '|' || audit_event_field(actor_id::text)
    || '|' || audit_event_field(actor_email)
    || '|' || audit_event_field(action)
    || '|' || audit_event_field(entity_type)
    || '|' || audit_event_field(entity_id)
    || '|' || audit_event_field(phi::text)
    || '|' || audit_event_field(ip)
    || '|' || audit_event_field(user_agent)
    || '|' || audit_event_field(details::text)
    || '|' || audit_event_field(prev_hash), 'UTF8')), 'hex')
$$;

-- 1. The old table steps aside; its sequence stays (ids continue where they were).
ALTER TABLE "audit_event" RENAME TO "audit_event_unpartitioned";
ALTER INDEX "audit_event_pkey" RENAME TO "audit_event_unpartitioned_pkey";
ALTER INDEX "audit_event_at_idx" RENAME TO "audit_event_unpartitioned_at_idx";
ALTER INDEX "audit_event_entityType_entityId_idx" RENAME TO "audit_event_unpartitioned_entityType_entityId_idx";
ALTER SEQUENCE "audit_event_id_seq" OWNED BY NONE;

-- 2. The partitioned table: the primary key must hold the partition key, so it is (id, at).
CREATE TABLE "audit_event" (
    "id" BIGINT NOT NULL DEFAULT nextval('audit_event_id_seq'),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "phi" BOOLEAN NOT NULL DEFAULT false,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "chain" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id", "at")
) PARTITION BY RANGE ("at");
ALTER SEQUENCE "audit_event_id_seq" OWNED BY "audit_event"."id";

CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");
CREATE INDEX "audit_event_entityType_entityId_idx" ON "audit_event"("entityType", "entityId");

-- The append-only refusal (20261125000100_audit_append_only). Row triggers on a partitioned table are cloned onto
-- every partition, present and future; statement triggers (TRUNCATE) are not, so each partition gets its own.
CREATE TRIGGER audit_event_no_update_delete
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- One partition: created with the chain's uniqueness (a chain lives in one UTC day, so in one partition, and a
-- per-partition unique index is a global one; PostgreSQL allows a unique index on the parent only with `at` in
-- it) and its own TRUNCATE refusal. Returns false, leaving the month to DEFAULT, when DEFAULT already holds rows
-- of that month (attaching would fail, and moving them would mean deleting audit rows).
CREATE FUNCTION audit_event_create_partition(month date) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  first_day date := date_trunc('month', month)::date;
  part text := 'audit_event_' || to_char(first_day, 'YYYY_MM');
  low timestamptz := (first_day::timestamp AT TIME ZONE 'UTC');
  high timestamptz := ((first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC');
BEGIN
  IF to_regclass(format('audit_partition.%I', part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  IF EXISTS (SELECT 1 FROM audit_partition.audit_event_default WHERE at >= low AND at < high) THEN
    RAISE NOTICE 'audit_event: % stays in the DEFAULT partition, which already holds events of that month', part;
    RETURN false;
  END IF;
  EXECUTE format('CREATE TABLE audit_partition.%I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)', part, low, high);
  EXECUTE format('CREATE UNIQUE INDEX %I ON audit_partition.%I (chain, seq)', part || '_chain_seq_key', part);
  EXECUTE format('CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_partition.%I
                  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()', part);
  RETURN true;
END;
$$;

-- Any month at all is the owner's call; other roles get the bounded function below.
REVOKE EXECUTE ON FUNCTION audit_event_create_partition(date) FROM PUBLIC;

-- Partitions for this month and the `months_ahead` after it (UTC months); returns how many it created. Called by
-- this migration, by every migration run (scripts/db/migrate.ts) and daily by the audit job, as the app's role
-- too (SECURITY DEFINER: it can create nothing else), one caller at a time.
CREATE FUNCTION audit_event_ensure_partitions(months_ahead integer DEFAULT 3) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  made integer := 0;
BEGIN
  IF months_ahead < 0 OR months_ahead > 36 THEN
    RAISE EXCEPTION 'months_ahead must be between 0 and 36, not %', months_ahead USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('overturn:audit-partitions', 0));
  FOR m IN 0..months_ahead LOOP
    IF audit_event_create_partition((this_month + make_interval(months => m))::date) THEN
      made := made + 1;
    END IF;
  END LOOP;
  RETURN made;
END;
$$;

-- DEFAULT takes what no month partition covers, so an insert never fails for want of a partition.
CREATE TABLE audit_partition.audit_event_default PARTITION OF "audit_event" DEFAULT;
CREATE UNIQUE INDEX audit_event_default_chain_seq_key ON audit_partition.audit_event_default (chain, seq);
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_partition.audit_event_default
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- 3. Existing events: a partition for each of their months, then copied in id order, one chain per UTC day named
-- 'YYYY-MM-DD:migrated'. The chain trigger is created after the copy, so these keep the chains computed here.
DO $$
DECLARE
  month date;
  r record;
  chain_key text := NULL;
  n bigint := 0;
  prev text;
  h text;
BEGIN
  FOR month IN SELECT DISTINCT date_trunc('month', at AT TIME ZONE 'UTC')::date FROM audit_event_unpartitioned LOOP
    PERFORM audit_event_create_partition(month);
  END LOOP;
  FOR r IN SELECT * FROM audit_event_unpartitioned ORDER BY id LOOP
    IF chain_key IS DISTINCT FROM to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ':migrated' THEN
      chain_key := to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ':migrated';
      SELECT e.seq, e.hash INTO n, prev FROM audit_event e WHERE e.chain = chain_key ORDER BY e.seq DESC LIMIT 1;
      IF NOT FOUND THEN
        n := 0;
        prev := repeat('0', 64);
      END IF;
    END IF;
    n := n + 1;
    h := audit_event_hash(r.id, r.at, r."actorId", r."actorEmail", r.action, r."entityType", r."entityId", r.phi, r.ip,
                          r."userAgent", r.details, prev);
    INSERT INTO audit_event (id, at, "actorId", "actorEmail", action, "entityType", "entityId", phi, ip, "userAgent",
                             details, chain, seq, "prevHash", hash)
    VALUES (r.id, r.at, r."actorId", r."actorEmail", r.action, r."entityType", r."entityId", r.phi, r.ip, r."userAgent",
            r.details, chain_key, n, prev, h);
    prev := h;
  END LOOP;
END;
$$;

DROP TABLE "audit_event_unpartitioned";
SELECT audit_event_ensure_partitions(3);

-- 4. The chain itself: a BEFORE INSERT row trigger (cloned onto every partition) that overwrites whatever the
-- inserter put in chain, seq, prevHash and hash. The chain's last (key, seq, hash) is kept in a session setting:
-- set_config is transactional, so a rolled-back insert (or savepoint) rolls the state back with the row and never
-- joins the chain. The trigger reads no table: under SERIALIZABLE a read of the chain's last row would take
-- predicate locks that other connections' inserts conflict with. So when the state is missing (a new session,
-- DISCARD ALL, a new UTC day) a new chain starts, keyed by the day, the backend (pid and start time) and the
-- transaction's id: unique for the life of the cluster, and no pid reused after a restart can continue a chain.
CREATE FUNCTION audit_event_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  state text := current_setting('overturn.audit_chain', true);
  day text := to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD');
  key text;
  last_seq bigint;
  last_hash text;
BEGIN
  IF state IS NOT NULL AND state <> '' AND starts_with(state, day || ':') THEN
    key := split_part(state, ' ', 1);
    last_seq := split_part(state, ' ', 2)::bigint;
    last_hash := split_part(state, ' ', 3);
  ELSE
    SELECT day || ':' || pg_backend_pid()::text || '@' || to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS.US')
           || ':' || pg_current_xact_id()::text
      INTO key FROM pg_stat_get_activity(pg_backend_pid()) a;
    last_seq := 0;
    last_hash := repeat('0', 64);
  END IF;
  NEW.chain := key;
  NEW.seq := last_seq + 1;
  NEW."prevHash" := last_hash;
  -- audit_event_hash(), written out: one expression (audit_event_field is inlined into it) costs a third of the
  -- time of calling the SQL function from PL/pgSQL (bench:audit). tests/integration/audit checks the two agree.
  NEW.hash := encode(sha256(convert_to(
    'overturn-audit-v1'
    || '|' || audit_event_field(NEW.id::text)
    || '|' || audit_event_field(to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
    || '|' || audit_event_field(NEW."actorId"::text)
    || '|' || audit_event_field(NEW."actorEmail")
    || '|' || audit_event_field(NEW.action)
    || '|' || audit_event_field(NEW."entityType")
    || '|' || audit_event_field(NEW."entityId")
    || '|' || audit_event_field(NEW.phi::text)
    || '|' || audit_event_field(NEW.ip)
    || '|' || audit_event_field(NEW."userAgent")
    || '|' || audit_event_field(NEW.details::text)
    || '|' || audit_event_field(last_hash), 'UTF8')), 'hex');
  PERFORM set_config('overturn.audit_chain', key || ' ' || NEW.seq || ' ' || NEW.hash, false);
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_event_chain
  BEFORE INSERT ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_chain();
