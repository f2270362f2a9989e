-- The dashboard's maintained summary (docs/decisions/0031-dashboard-rollup.md): additive sums per local day, scope
-- and breakdown, kept exactly in step with denial and claim by statement-level AFTER triggers over transition
-- tables, so the dashboard reads thousands of summary rows instead of scanning hundreds of thousands of denials.

-- The zone whose calendar days the rollups are keyed by: the database's at migration time; the app reads the
-- rollups only while it equals the server's zone (lib/server/metrics/rollup-zone.ts), and `npm run
-- db:rebuild-rollup` rebuilds them in the app's zone.
CREATE TABLE "rollup_setting" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "rollup_setting_pkey" PRIMARY KEY ("name")
);

INSERT INTO rollup_setting (name, value) VALUES ('time_zone', current_setting('TimeZone'));

-- scope: 'org' (every denial), 'team:<id>', 'pool' (no team, no owner), 'payer:<id>', 'location:<name>',
-- 'provider:<name>' (the empty name: none). dim/val: the breakdown ('payer', 'category', 'department',
-- 'location', 'provider', 'level', 'carc', 'owner') and its value ('' for none). A denial's first-denied parts
-- (opened…, open…) count on its opened day, its resolved parts on its resolved day — each twice: in a row of the
-- day, and in a row of its month (`monthly`, day = the month's first), so a period reads whole months as one row.
CREATE TABLE "dashboard_rollup" (
    "scope" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "dim" TEXT NOT NULL,
    "val" TEXT NOT NULL,
    "monthly" BOOLEAN NOT NULL DEFAULT false,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "opened_cents" BIGINT NOT NULL DEFAULT 0,
    "avoidable" INTEGER NOT NULL DEFAULT 0,
    "avoidable_cents" BIGINT NOT NULL DEFAULT 0,
    "open" INTEGER NOT NULL DEFAULT 0,
    "open_cents" BIGINT NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "resolved_cents" BIGINT NOT NULL DEFAULT 0,
    "recovered" INTEGER NOT NULL DEFAULT 0,
    "recovered_cents" BIGINT NOT NULL DEFAULT 0,
    "resolution_days" BIGINT NOT NULL DEFAULT 0,
    "written_off" INTEGER NOT NULL DEFAULT 0,
    "write_off_cents" BIGINT NOT NULL DEFAULT 0,
    "avoidable_write_off_cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "dashboard_rollup_pkey" PRIMARY KEY ("scope","dim","monthly","day","val")
);

-- Claims on their first adjudication per local day and scope ('org', 'payer:<id>', 'location:<name>',
-- 'provider:<name>'; a claim with no place names none): the initial denial rate.
CREATE TABLE "claim_rollup" (
    "scope" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "adjudicated" INTEGER NOT NULL DEFAULT 0,
    "billed_cents" BIGINT NOT NULL DEFAULT 0,
    "denied" INTEGER NOT NULL DEFAULT 0,
    "denied_cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "claim_rollup_pkey" PRIMARY KEY ("scope","day")
);

-- What writers add, appended (decision 0031): a trigger only inserts here, so concurrent writers never wait on one
-- another's summary rows and cannot deadlock on them, however many statements their transactions run. Readers
-- add these rows to the rollup's; dashboard_rollup_compact folds them in.
CREATE TABLE "dashboard_rollup_delta" (
    "id" BIGSERIAL NOT NULL,
    LIKE "dashboard_rollup" INCLUDING DEFAULTS,

    CONSTRAINT "dashboard_rollup_delta_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "dashboard_rollup_delta_key_idx" ON "dashboard_rollup_delta"("scope", "dim", "monthly", "day");

CREATE TABLE "claim_rollup_delta" (
    "id" BIGSERIAL NOT NULL,
    LIKE "claim_rollup" INCLUDING DEFAULTS,

    CONSTRAINT "claim_rollup_delta_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "claim_rollup_delta_key_idx" ON "claim_rollup_delta"("scope", "day");

-- Reach's last part (own denials in another team, or in none): read from denial, by owner then team.
CREATE INDEX "denial_owner_team_idx" ON "denial"("ownerId", "teamId");

-- `source`'s rows (columns: sign, then denial's; read once, materialised) as rollup rows: each row's parts per
-- scope and breakdown, summed per key (only `only_scope`'s when given). Groups whose sums cancel (an update that
-- moved nothing this key counts) are left out. One text for the triggers (source: their transition tables), the
-- rebuild (source: denial) and reach's own-denials part (dashboard_rollup_owned), so they cannot disagree.
-- `months`: the monthly rows too; the triggers and the rebuild leave them out (half the work) and add them from
-- the daily rows (the compaction, the rebuild's last statement).
CREATE FUNCTION dashboard_rollup_parts_sql(source TEXT, only_scope TEXT DEFAULT NULL, months BOOLEAN DEFAULT true) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  WITH z AS (SELECT (SELECT value FROM rollup_setting WHERE name = 'time_zone') AS tz),
       s AS MATERIALIZED (%1$s)
  SELECT sc.scope, g.day, dm.dim, dm.val, g.monthly,
         sum(e.sign * e.opened)::int, sum(e.sign * e.opened_cents)::bigint, sum(e.sign * e.avoidable)::int,
         sum(e.sign * e.avoidable_cents)::bigint, sum(e.sign * e.open)::int, sum(e.sign * e.open_cents)::bigint,
         sum(e.sign * e.resolved)::int, sum(e.sign * e.resolved_cents)::bigint, sum(e.sign * e.recovered)::int,
         sum(e.sign * e.recovered_cents)::bigint, sum(e.sign * e.resolution_days)::bigint, sum(e.sign * e.written_off)::int,
         sum(e.sign * e.write_off_cents)::bigint, sum(e.sign * e.avoidable_write_off_cents)::bigint
  FROM (
    SELECT s.sign, s."payerId", s.category, s.department, s.location, s.provider, s."appealLevel", s."teamId", s."ownerId",
           s."carcCodes", 'o' AS part, (s."openedAt" AT TIME ZONE z.tz)::date AS day,
           1 AS opened, s."deniedCents" AS opened_cents, s.avoidable::int AS avoidable,
           CASE WHEN s.avoidable THEN s."deniedCents" ELSE 0 END AS avoidable_cents,
           (s.status NOT IN ('resolved_paid', 'resolved_partial', 'written_off'))::int AS open,
           CASE WHEN s.status NOT IN ('resolved_paid', 'resolved_partial', 'written_off') THEN greatest(0, s."deniedCents" - s."recoveredCents") ELSE 0 END AS open_cents,
           0 AS resolved, 0::bigint AS resolved_cents, 0 AS recovered, 0::bigint AS recovered_cents, 0 AS resolution_days,
           0 AS written_off, 0::bigint AS write_off_cents, 0::bigint AS avoidable_write_off_cents
    FROM s CROSS JOIN z
    UNION ALL
    SELECT s.sign, s."payerId", s.category, s.department, s.location, s.provider, s."appealLevel", s."teamId", s."ownerId",
           s."carcCodes", 'r', (s."resolvedAt" AT TIME ZONE z.tz)::date,
           0, 0, 0, 0, 0, 0,
           1, s."deniedCents", (s."recoveredCents" > 0)::int, s."recoveredCents",
           (s."resolvedAt" AT TIME ZONE z.tz)::date - (s."openedAt" AT TIME ZONE z.tz)::date,
           (s.status = 'written_off')::int,
           CASE WHEN s.status = 'written_off' THEN greatest(0, s."deniedCents" - s."recoveredCents") ELSE 0 END,
           CASE WHEN s.status = 'written_off' AND s.avoidable THEN greatest(0, s."deniedCents" - s."recoveredCents") ELSE 0 END
    FROM s CROSS JOIN z
    WHERE s.status IN ('resolved_paid', 'resolved_partial', 'written_off') AND s."resolvedAt" IS NOT NULL
  ) e
  CROSS JOIN LATERAL (
    VALUES ('org'),
           (CASE WHEN e."teamId" IS NOT NULL THEN 'team:' || e."teamId" WHEN e."ownerId" IS NULL THEN 'pool' END),
           ('payer:' || e."payerId"), ('location:' || COALESCE(e.location, '')), ('provider:' || COALESCE(e.provider, ''))
  ) sc(scope)
  CROSS JOIN LATERAL (
    SELECT v.dim, v.val FROM (
      VALUES ('payer', e."payerId"::text), ('category', e.category), ('department', e.department),
             ('location', COALESCE(e.location, '')), ('provider', COALESCE(e.provider, '')), ('level', COALESCE(e."appealLevel", 'none')),
             ('owner', CASE WHEN e.part = 'r' THEN e."ownerId"::text END)
    ) v(dim, val) WHERE v.val IS NOT NULL
    UNION ALL
    SELECT DISTINCT 'carc', c FROM unnest(e."carcCodes") c WHERE e.part = 'o'
  ) dm
  CROSS JOIN LATERAL (VALUES (false, e.day) %3$s) g(monthly, day)
  WHERE sc.scope IS NOT NULL AND (%2$L::text IS NULL OR sc.scope = %2$L::text)
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(e.sign * e.opened) <> 0 OR sum(e.sign * e.opened_cents) <> 0 OR sum(e.sign * e.avoidable) <> 0
      OR sum(e.sign * e.avoidable_cents) <> 0 OR sum(e.sign * e.open) <> 0 OR sum(e.sign * e.open_cents) <> 0
      OR sum(e.sign * e.resolved) <> 0 OR sum(e.sign * e.resolved_cents) <> 0 OR sum(e.sign * e.recovered) <> 0
      OR sum(e.sign * e.recovered_cents) <> 0 OR sum(e.sign * e.resolution_days) <> 0 OR sum(e.sign * e.written_off) <> 0
      OR sum(e.sign * e.write_off_cents) <> 0 OR sum(e.sign * e.avoidable_write_off_cents) <> 0
$q$, source, only_scope, CASE WHEN months THEN $m$, (true, date_trunc('month', e.day)::date)$m$ ELSE '' END)
$fn$;

-- One statement adds `source`'s daily parts to `target`: the delta table (triggers), or the rollup (the rebuild),
-- in key order — a statement reads one scope's days together, so its rows should sit in few pages.
CREATE FUNCTION dashboard_rollup_sql(source TEXT, target TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $fn$
SELECT format('INSERT INTO %I (scope, day, dim, val, monthly, opened, opened_cents, avoidable, avoidable_cents, open, open_cents,'
    || ' resolved, resolved_cents, recovered, recovered_cents, resolution_days, written_off, write_off_cents, avoidable_write_off_cents) ', target)
    || dashboard_rollup_parts_sql(source, NULL, false) || ' ORDER BY 1, 3, 5, 2, 4'
$fn$;

-- Reach's last part for someone without organisation-wide scope: their own denials outside their team (or all
-- of them, without a team), which neither the team's scope nor the pool holds — counted from denial
-- (denial_owner_team_idx), in the rollup's shape, scope 'org'. A manager owns few denials; usually none qualify.
CREATE FUNCTION dashboard_rollup_owned(owner UUID, team UUID) RETURNS SETOF dashboard_rollup LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY EXECUTE dashboard_rollup_parts_sql(
    'SELECT 1 AS sign, d.* FROM denial d WHERE d."ownerId" = $1'
    || ' AND ($2::uuid IS NULL OR d."teamId" IS NULL OR d."teamId" < $2::uuid OR d."teamId" > $2::uuid)', 'org') USING owner, team;
END $$;

-- The triggers of both rollups: TG_ARGV[0] builds the statement (dashboard_rollup_sql, claim_rollup_sql), TG_ARGV[1]
-- is the delta table, TG_ARGV[2] the columns the parts read — an update that changes none of them (a rescore, a
-- note's updatedAt) adds nothing. EXECUTE runs here, where the transition tables are visible (a called function
-- would not see them).
CREATE FUNCTION rollup_delta_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed TEXT;
  source TEXT;
  statement TEXT;
BEGIN
  IF TG_OP = 'INSERT' THEN
    source := 'SELECT 1 AS sign, n.* FROM new_rows n';
  ELSIF TG_OP = 'DELETE' THEN
    source := 'SELECT -1 AS sign, o.* FROM old_rows o';
  ELSE
    SELECT format('(%s) IS DISTINCT FROM (%s)', string_agg('o.' || quote_ident(c), ', '), string_agg('n.' || quote_ident(c), ', '))
      INTO changed FROM unnest(string_to_array(TG_ARGV[2], ',')) c;
    source := 'SELECT -1 AS sign, o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ' || changed
           || ' UNION ALL SELECT 1, n.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ' || changed;
  END IF;
  EXECUTE format('SELECT %I($1, $2)', TG_ARGV[0]) INTO statement USING source, TG_ARGV[1];
  EXECUTE statement;
  RETURN NULL;
END $$;

CREATE TRIGGER dashboard_rollup_insert AFTER INSERT ON denial REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_delta_trigger('dashboard_rollup_sql', 'dashboard_rollup_delta', '');
CREATE TRIGGER dashboard_rollup_update AFTER UPDATE ON denial REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_delta_trigger('dashboard_rollup_sql', 'dashboard_rollup_delta',
    'openedAt,resolvedAt,status,payerId,category,department,location,provider,appealLevel,teamId,ownerId,avoidable,deniedCents,recoveredCents,carcCodes');
CREATE TRIGGER dashboard_rollup_delete AFTER DELETE ON denial REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_delta_trigger('dashboard_rollup_sql', 'dashboard_rollup_delta', '');

-- Claims: the same shape, one breakdown (none). Status 22 (a reversal) is not a first adjudication.
CREATE FUNCTION claim_rollup_sql(source TEXT, target TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $fn$
SELECT format($q$
  WITH z AS (SELECT (SELECT value FROM rollup_setting WHERE name = 'time_zone') AS tz),
       s AS MATERIALIZED (%1$s)
  INSERT INTO %2$I (scope, day, adjudicated, billed_cents, denied, denied_cents)
  SELECT sc.scope, (s."createdAt" AT TIME ZONE z.tz)::date, sum(s.sign), sum(s.sign * s."billedCents"),
         sum(s.sign * s."isDenial"::int), sum(s.sign * CASE WHEN s."isDenial" THEN s."deniedCents" ELSE 0 END)
  FROM s CROSS JOIN z
  CROSS JOIN LATERAL (
    VALUES ('org'), ('payer:' || s."payerId"),
           ('location:' || COALESCE(NULLIF(s."payeeName", ''), NULLIF(s."payeeNpi", ''))),
           ('provider:' || COALESCE(NULLIF(s."renderingProviderName", ''), NULLIF(s."renderingProviderNpi", '')))
  ) sc(scope)
  WHERE sc.scope IS NOT NULL AND s."statusCode" <> '22'
  GROUP BY 1, 2
  HAVING sum(s.sign) <> 0 OR sum(s.sign * s."billedCents") <> 0 OR sum(s.sign * s."isDenial"::int) <> 0
      OR sum(s.sign * CASE WHEN s."isDenial" THEN s."deniedCents" ELSE 0 END) <> 0
$q$, source, target)
$fn$;

CREATE TRIGGER claim_rollup_insert AFTER INSERT ON claim REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_delta_trigger('claim_rollup_sql', 'claim_rollup_delta', '');
CREATE TRIGGER claim_rollup_update AFTER UPDATE ON claim REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_delta_trigger('claim_rollup_sql', 'claim_rollup_delta',
    'createdAt,statusCode,payerId,payeeName,payeeNpi,renderingProviderName,renderingProviderNpi,billedCents,isDenial,deniedCents');
CREATE TRIGGER claim_rollup_delete AFTER DELETE ON claim REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_delta_trigger('claim_rollup_sql', 'claim_rollup_delta', '');

-- The deltas folded into the rollups (each daily delta into its day's row and its month's): each table's in one statement (deleted and upserted together, so a reader's
-- snapshot holds every delta once, in one table or the other), keys upserted in order. One compaction at a time;
-- a caller that finds one running goes on (the deltas it would fold are being folded). Rows that reach zero stay:
-- deleting them would race a later delta's insert of the same key for nothing (a rebuild drops them).
CREATE FUNCTION dashboard_rollup_compact() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('dashboard_rollup_compact')) THEN
    RETURN;
  END IF;
  WITH moved AS (DELETE FROM dashboard_rollup_delta RETURNING *)
  INSERT INTO dashboard_rollup AS r (scope, day, dim, val, monthly, opened, opened_cents, avoidable, avoidable_cents, open,
                                     open_cents, resolved, resolved_cents, recovered, recovered_cents, resolution_days,
                                     written_off, write_off_cents, avoidable_write_off_cents)
  SELECT scope, g.day, dim, val, g.monthly, sum(opened), sum(opened_cents), sum(avoidable), sum(avoidable_cents), sum(open),
         sum(open_cents), sum(resolved), sum(resolved_cents), sum(recovered), sum(recovered_cents), sum(resolution_days),
         sum(written_off), sum(write_off_cents), sum(avoidable_write_off_cents)
  FROM moved CROSS JOIN LATERAL (VALUES (false, moved.day), (true, date_trunc('month', moved.day)::date)) g(monthly, day)
  GROUP BY scope, dim, g.monthly, g.day, val ORDER BY scope, dim, g.monthly, g.day, val
  ON CONFLICT (scope, dim, monthly, day, val) DO UPDATE SET
    opened = r.opened + excluded.opened, opened_cents = r.opened_cents + excluded.opened_cents,
    avoidable = r.avoidable + excluded.avoidable, avoidable_cents = r.avoidable_cents + excluded.avoidable_cents,
    open = r.open + excluded.open, open_cents = r.open_cents + excluded.open_cents,
    resolved = r.resolved + excluded.resolved, resolved_cents = r.resolved_cents + excluded.resolved_cents,
    recovered = r.recovered + excluded.recovered, recovered_cents = r.recovered_cents + excluded.recovered_cents,
    resolution_days = r.resolution_days + excluded.resolution_days, written_off = r.written_off + excluded.written_off,
    write_off_cents = r.write_off_cents + excluded.write_off_cents,
    avoidable_write_off_cents = r.avoidable_write_off_cents + excluded.avoidable_write_off_cents;
  WITH moved AS (DELETE FROM claim_rollup_delta RETURNING *)
  INSERT INTO claim_rollup AS r (scope, day, adjudicated, billed_cents, denied, denied_cents)
  SELECT scope, day, sum(adjudicated), sum(billed_cents), sum(denied), sum(denied_cents)
  FROM moved GROUP BY scope, day ORDER BY scope, day
  ON CONFLICT (scope, day) DO UPDATE SET
    adjudicated = r.adjudicated + excluded.adjudicated, billed_cents = r.billed_cents + excluded.billed_cents,
    denied = r.denied + excluded.denied, denied_cents = r.denied_cents + excluded.denied_cents;
END $$;

-- Both rollups from scratch (the backfill below; `npm run db:rebuild-rollup` in case of doubt, or after the
-- server's zone changed: pass the new zone). Writers wait (SHARE locks) so nothing is counted twice or missed,
-- and so does a compaction; readers do not (DELETE, not TRUNCATE).
CREATE FUNCTION rebuild_dashboard_rollup(zone TEXT DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE denial, claim IN SHARE MODE;
  PERFORM pg_advisory_xact_lock(hashtext('dashboard_rollup_compact'));
  -- Every denial's parts hashed at once (tens of millions at 1M denials): in memory rather than spilled in batches.
  PERFORM set_config('work_mem', '256MB', true);
  IF zone IS NOT NULL THEN
    PERFORM now() AT TIME ZONE zone; -- an unknown zone fails here, before anything changes
    UPDATE rollup_setting SET value = zone WHERE name = 'time_zone';
  END IF;
  DELETE FROM dashboard_rollup_delta;
  DELETE FROM claim_rollup_delta;
  DELETE FROM dashboard_rollup;
  DELETE FROM claim_rollup;
  EXECUTE dashboard_rollup_sql('SELECT 1 AS sign, d.* FROM denial d', 'dashboard_rollup');
  INSERT INTO dashboard_rollup (scope, day, dim, val, monthly, opened, opened_cents, avoidable, avoidable_cents, open, open_cents,
                                resolved, resolved_cents, recovered, recovered_cents, resolution_days, written_off,
                                write_off_cents, avoidable_write_off_cents)
  SELECT scope, date_trunc('month', day)::date, dim, val, true, sum(opened), sum(opened_cents), sum(avoidable), sum(avoidable_cents),
         sum(open), sum(open_cents), sum(resolved), sum(resolved_cents), sum(recovered), sum(recovered_cents),
         sum(resolution_days), sum(written_off), sum(write_off_cents), sum(avoidable_write_off_cents)
  FROM dashboard_rollup WHERE NOT monthly GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, 2, 4;
  EXECUTE claim_rollup_sql('SELECT 1 AS sign, c.* FROM claim c', 'claim_rollup');
END $$;

SELECT rebuild_dashboard_rollup();
