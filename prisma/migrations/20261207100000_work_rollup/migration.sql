-- Worked per person from a maintained summary (docs/decisions/0038-work-rollup.md). "Worked" is the number of
-- distinct denials a person wrote on in a period — not a sum of days, so no per-day count adds up to it. What does:
-- for each day a person wrote on a denial, the gap since the last day they did. A denial counts in the period
-- [A, B] once, on the first of its days there: the day d in [A, B] whose gap is none (their first time) or longer
-- than d - A. work_rollup keeps, per scope, person and day, how many denials they wrote on and those gaps, sorted,
-- so a period reads one row per person and day and counts with a binary search (width_bucket).

-- The days each person wrote on each denial (in the rollups' zone), each with its gap: the truth the summary is
-- folded from, kept by the compaction (only), for the pairs the writers marked.
CREATE TABLE "work_day" (
    "denial_id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    -- Days since this person's previous day on this denial; NULL on their first.
    "gap" INTEGER,

    CONSTRAINT "work_day_pkey" PRIMARY KEY ("denial_id", "actor_id", "day")
);

-- The scopes a denial's work_day rows are counted under in work_rollup, as they were when last folded: a denial
-- that moves team, payer or place is taken out of these and counted under its new ones.
CREATE TABLE "work_scope" (
    "denial_id" UUID NOT NULL,
    "scopes" TEXT[] NOT NULL,

    CONSTRAINT "work_scope_pkey" PRIMARY KEY ("denial_id")
);

-- Per scope (as dashboard_rollup's: 'org', 'team:<id>', 'pool', 'payer:<id>', 'location:<name>', 'provider:<name>'),
-- day and person: `days`, the denials they wrote on that day; `gaps`, sorted, one per denial they had written on
-- before (its gap). Those in a period [A, B] from this day's row: days - width_bucket(day - A, gaps).
CREATE TABLE "work_rollup" (
    "scope" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "actor_id" UUID NOT NULL,
    "days" INTEGER NOT NULL DEFAULT 0,
    "gaps" INTEGER[] NOT NULL DEFAULT '{}',

    CONSTRAINT "work_rollup_pkey" PRIMARY KEY ("scope", "day", "actor_id")
);

-- What writers mark, appended (as the other rollups' deltas, so writers never wait on one another here): a
-- (denial, person) pair whose days may have changed, or a whole denial (actor_id NULL) whose scopes may have.
CREATE TABLE "work_dirty" (
    "id" BIGSERIAL NOT NULL,
    "denial_id" UUID NOT NULL,
    "actor_id" UUID,

    CONSTRAINT "work_dirty_pkey" PRIMARY KEY ("id")
);

-- A denial's scopes, by dashboard_rollup_parts_sql's rule.
CREATE FUNCTION work_scopes(team UUID, owner UUID, payer UUID, location TEXT, provider TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_remove(ARRAY['org', CASE WHEN team IS NOT NULL THEN 'team:' || team WHEN owner IS NULL THEN 'pool' END,
                            'payer:' || payer, 'location:' || COALESCE(location, ''), 'provider:' || COALESCE(provider, '')], NULL)
$$;

-- The marked pairs' change, as CTEs: `pairs` (marked, a whole denial's read from work_day), `old` (their folded
-- days and the scopes they were counted under), `fresh` (their days now, from denial_event, and their scopes now)
-- and `parts` (the summary's change: -1 per old day and scope, +1 per fresh one, per gap). One text for the
-- compaction, which applies it, and for readers, which add `parts` to the summary (work_pending), so they cannot
-- disagree.
CREATE FUNCTION work_pending_sql() RETURNS TEXT LANGUAGE sql IMMUTABLE AS $fn$
SELECT $q$
  WITH z AS (SELECT (SELECT value FROM rollup_setting WHERE name = 'time_zone') AS tz),
  dirty AS (SELECT DISTINCT denial_id, actor_id FROM work_dirty),
  pairs AS (
    SELECT denial_id, actor_id FROM dirty WHERE actor_id IS NOT NULL
    UNION
    SELECT w.denial_id, w.actor_id FROM work_day w JOIN dirty x ON x.denial_id = w.denial_id AND x.actor_id IS NULL
  ),
  old AS (
    SELECT w.denial_id, w.actor_id, w.day, w.gap, s.scopes
    FROM work_day w JOIN pairs p ON p.denial_id = w.denial_id AND p.actor_id = w.actor_id JOIN work_scope s ON s.denial_id = w.denial_id
  ),
  fresh AS (
    SELECT f.denial_id, f.actor_id, f.day, f.day - lag(f.day) OVER (PARTITION BY f.denial_id, f.actor_id ORDER BY f.day) AS gap,
           work_scopes(d."teamId", d."ownerId", d."payerId", d.location, d.provider) AS scopes
    FROM (SELECT DISTINCT p.denial_id, p.actor_id, (e."createdAt" AT TIME ZONE z.tz)::date AS day
          FROM pairs p CROSS JOIN z JOIN denial_event e ON e."denialId" = p.denial_id AND e."actorId" = p.actor_id) f
    JOIN denial d ON d.id = f.denial_id
  ),
  parts AS (
    SELECT sc.scope, x.actor_id, x.day, x.gap, sum(x.n)::int AS n
    FROM (SELECT actor_id, day, gap, scopes, -1 AS n FROM old UNION ALL SELECT actor_id, day, gap, scopes, 1 FROM fresh) x
    CROSS JOIN unnest(x.scopes) sc(scope)
    GROUP BY 1, 2, 3, 4 HAVING sum(x.n) <> 0
  )
$q$
$fn$;

-- The summary's change not yet folded in, in the caller's snapshot (STABLE: the statement's own), for readers;
-- nothing to plan when there are no marks (the dashboard compacts before it counts).
CREATE FUNCTION work_pending() RETURNS TABLE (scope TEXT, actor_id UUID, day DATE, gap INTEGER, n INTEGER) LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM work_dirty) THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE work_pending_sql() || ' SELECT scope, actor_id, day, gap, n FROM parts';
END $$;

-- The marks folded in, in one statement (one snapshot: the marks it clears are the ones whose change it applies;
-- a mark committed meanwhile stays for the next). Only the compaction writes work_day, work_scope and
-- work_rollup, under dashboard_rollup_compact's lock. A summary row's new gaps: its old ones plus and minus the
-- parts' (a multiset), re-sorted.
CREATE FUNCTION work_rollup_compact() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE work_pending_sql() || $q$,
  cleared AS (DELETE FROM work_dirty),
  days_gone AS (
    DELETE FROM work_day w USING pairs p
    WHERE w.denial_id = p.denial_id AND w.actor_id = p.actor_id
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.denial_id = w.denial_id AND f.actor_id = w.actor_id AND f.day = w.day)
  ),
  days_kept AS (
    INSERT INTO work_day AS w (denial_id, actor_id, day, gap) SELECT denial_id, actor_id, day, gap FROM fresh
    ON CONFLICT (denial_id, actor_id, day) DO UPDATE SET gap = excluded.gap WHERE w.gap IS DISTINCT FROM excluded.gap
  ),
  scopes_now AS (
    INSERT INTO work_scope AS s (denial_id, scopes) SELECT DISTINCT ON (denial_id) denial_id, scopes FROM fresh
    ON CONFLICT (denial_id) DO UPDATE SET scopes = excluded.scopes WHERE s.scopes IS DISTINCT FROM excluded.scopes
  ),
  scopes_gone AS (
    DELETE FROM work_scope s WHERE s.denial_id IN (SELECT denial_id FROM pairs)
      AND NOT EXISTS (SELECT 1 FROM denial d WHERE d.id = s.denial_id)
  ),
  keys AS (SELECT DISTINCT scope, actor_id, day FROM parts),
  merged AS (
    SELECT scope, actor_id, day, gap, sum(n)::int AS n FROM (
      SELECT r.scope, r.actor_id, r.day, NULL::int AS gap, r.days - cardinality(r.gaps) AS n
      FROM work_rollup r JOIN keys k ON k.scope = r.scope AND k.actor_id = r.actor_id AND k.day = r.day
      UNION ALL
      SELECT r.scope, r.actor_id, r.day, g, 1
      FROM work_rollup r JOIN keys k ON k.scope = r.scope AND k.actor_id = r.actor_id AND k.day = r.day CROSS JOIN unnest(r.gaps) g
      UNION ALL
      SELECT scope, actor_id, day, gap, n FROM parts
    ) c GROUP BY 1, 2, 3, 4
  )
  INSERT INTO work_rollup AS r (scope, day, actor_id, days, gaps)
  SELECT m.scope, m.day, m.actor_id, sum(m.n) FILTER (WHERE s.i = 1),
         COALESCE(array_agg(m.gap ORDER BY m.gap) FILTER (WHERE m.gap IS NOT NULL AND s.i <= m.n), '{}')
  FROM merged m CROSS JOIN LATERAL generate_series(1, greatest(m.n, 1)) s(i)
  GROUP BY m.scope, m.day, m.actor_id ORDER BY 1, 2, 3
  ON CONFLICT (scope, day, actor_id) DO UPDATE SET days = excluded.days, gaps = excluded.gaps
  $q$;
END $$;

-- Writers mark: a person's event added, moved or removed marks its (denial, person) pair; a denial moving team,
-- out of or into the pool, to another payer or place, or deleted (a repair) marks the whole denial.
CREATE FUNCTION work_mark_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD."actorId" IS NOT NULL THEN
    INSERT INTO work_dirty (denial_id, actor_id) VALUES (OLD."denialId", OLD."actorId");
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."actorId" IS NOT NULL THEN
    INSERT INTO work_dirty (denial_id, actor_id) VALUES (NEW."denialId", NEW."actorId");
  END IF;
  RETURN NULL;
END $$;

-- Row triggers with WHEN: the import's system events (no person) cost nothing here.
CREATE TRIGGER work_mark_insert AFTER INSERT ON denial_event FOR EACH ROW WHEN (NEW."actorId" IS NOT NULL)
  EXECUTE FUNCTION work_mark_event();
CREATE TRIGGER work_mark_update AFTER UPDATE OF "denialId", "actorId", "createdAt" ON denial_event FOR EACH ROW
  WHEN (OLD."denialId" IS DISTINCT FROM NEW."denialId" OR OLD."actorId" IS DISTINCT FROM NEW."actorId" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt")
  EXECUTE FUNCTION work_mark_event();
CREATE TRIGGER work_mark_delete AFTER DELETE ON denial_event FOR EACH ROW WHEN (OLD."actorId" IS NOT NULL)
  EXECUTE FUNCTION work_mark_event();

CREATE FUNCTION work_mark_denial() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO work_dirty (denial_id, actor_id) VALUES (OLD.id, NULL);
  RETURN NULL;
END $$;

CREATE TRIGGER work_mark_denial_update AFTER UPDATE OF "teamId", "ownerId", "payerId", location, provider ON denial FOR EACH ROW
  WHEN (work_scopes(OLD."teamId", OLD."ownerId", OLD."payerId", OLD.location, OLD.provider)
        IS DISTINCT FROM work_scopes(NEW."teamId", NEW."ownerId", NEW."payerId", NEW.location, NEW.provider))
  EXECUTE FUNCTION work_mark_denial();
CREATE TRIGGER work_mark_denial_delete AFTER DELETE ON denial FOR EACH ROW EXECUTE FUNCTION work_mark_denial();

-- From scratch (the rebuild; the backfill below). Writers of events and denials wait (SHARE locks).
CREATE FUNCTION rebuild_work_rollup() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE denial, denial_event IN SHARE MODE;
  PERFORM pg_advisory_xact_lock(hashtext('dashboard_rollup_compact'));
  DELETE FROM work_dirty;
  DELETE FROM work_rollup;
  DELETE FROM work_scope;
  DELETE FROM work_day;
  INSERT INTO work_day (denial_id, actor_id, day, gap)
  SELECT denial_id, actor_id, day, day - lag(day) OVER (PARTITION BY denial_id, actor_id ORDER BY day)
  FROM (SELECT DISTINCT e."denialId" AS denial_id, e."actorId" AS actor_id,
               (e."createdAt" AT TIME ZONE (SELECT value FROM rollup_setting WHERE name = 'time_zone'))::date AS day
        FROM denial_event e WHERE e."actorId" IS NOT NULL AND EXISTS (SELECT 1 FROM denial d WHERE d.id = e."denialId")) f
  ORDER BY 1, 2, 3;
  INSERT INTO work_scope (denial_id, scopes)
  SELECT d.id, work_scopes(d."teamId", d."ownerId", d."payerId", d.location, d.provider)
  FROM denial d WHERE d.id IN (SELECT denial_id FROM work_day);
  INSERT INTO work_rollup (scope, day, actor_id, days, gaps)
  SELECT sc.scope, w.day, w.actor_id, count(*), COALESCE(array_agg(w.gap ORDER BY w.gap) FILTER (WHERE w.gap IS NOT NULL), '{}')
  FROM work_day w JOIN work_scope s ON s.denial_id = w.denial_id CROSS JOIN unnest(s.scopes) sc(scope)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
END $$;

-- The dashboard's compaction and rebuild take this summary in: the earlier bodies keep their names with a suffix.
ALTER FUNCTION dashboard_rollup_compact() RENAME TO dashboard_sums_compact;
ALTER FUNCTION rebuild_dashboard_rollup(TEXT) RENAME TO rebuild_dashboard_sums;

CREATE FUNCTION dashboard_rollup_compact() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('dashboard_rollup_compact')) THEN
    RETURN;
  END IF;
  PERFORM dashboard_sums_compact();
  PERFORM work_rollup_compact();
END $$;

CREATE FUNCTION rebuild_dashboard_rollup(zone TEXT DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rebuild_dashboard_sums(zone);
  PERFORM rebuild_work_rollup();
END $$;

SELECT rebuild_work_rollup();

-- Reach's own-denials part, asked by every statement of a manager without organisation-wide reach: usually they
-- own no denial outside their team, and then there is no parts text to plan (a few ms a call, twice per page).
CREATE OR REPLACE FUNCTION dashboard_rollup_owned(owner UUID, team UUID) RETURNS SETOF dashboard_rollup LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM denial d WHERE d."ownerId" = owner
                 AND (team IS NULL OR d."teamId" IS NULL OR d."teamId" < team OR d."teamId" > team)) THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE dashboard_rollup_parts_sql(
    'SELECT 1 AS sign, d.* FROM denial d WHERE d."ownerId" = $1'
    || ' AND ($2::uuid IS NULL OR d."teamId" IS NULL OR d."teamId" < $2::uuid OR d."teamId" > $2::uuid)', 'org') USING owner, team;
END $$;
