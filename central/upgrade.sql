-- Upgrade a central database made by an earlier release of the plugin to this one, in place.
--
-- Idempotent: every statement checks what is already there, so running it twice, or on a
-- central that is already current, changes nothing. Run it through central/upgrade.py, which
-- writes a pg_dump backup first and runs this file in one transaction; by hand:
--   pg_dump -Fc -d <db> -f central-before-upgrade.dump
--   psql -1 -v ON_ERROR_STOP=1 -d <db> -f central/upgrade.sql
-- The QGIS Server project needs no change: it reads the tables' columns when it loads (restart
-- QGIS Server after the upgrade, so that it publishes the new columns).

-- 0.2.0: the photo path a field survey (QField) stores with a site.
ALTER TABLE service_points ADD COLUMN IF NOT EXISTS photo varchar(254);
ALTER TABLE tower_plans ADD COLUMN IF NOT EXISTS photo varchar(254);

-- 0.2.0: optimistic locking (team sync). Every row gets a version (1 for what is there); the
-- touch trigger raises it on every write and refuses a write that carries a stale one.
ALTER TABLE service_points ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 1;
ALTER TABLE tower_plans ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 1;
-- Optimistic locking: every insert and update gives the row a new version. A writer that
-- sends the version (the plugin's push) must send the one it read, or the write is refused;
-- a writer that leaves it alone (a DBA's UPDATE) keeps NEW.version = OLD.version and passes.
-- A soft delete written as an update (deleted_at set) is stamped with the server's clock.
CREATE OR REPLACE FUNCTION paser_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.version IS DISTINCT FROM OLD.version THEN
      RAISE EXCEPTION 'paser: % % was changed by someone else (version % sent, % current)',
        TG_TABLE_NAME, OLD.uid, NEW.version, OLD.version USING ERRCODE = 'serialization_failure';
    END IF;
    NEW.version := OLD.version + 1;
    IF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL THEN
      NEW.deleted_at := clock_timestamp();
    END IF;
  ELSE
    NEW.version := 1;
  END IF;
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS service_points_touch ON service_points;
CREATE TRIGGER service_points_touch BEFORE INSERT OR UPDATE ON service_points
  FOR EACH ROW EXECUTE FUNCTION paser_touch();
DROP TRIGGER IF EXISTS tower_plans_touch ON tower_plans;
CREATE TRIGGER tower_plans_touch BEFORE INSERT OR UPDATE ON tower_plans
  FOR EACH ROW EXECUTE FUNCTION paser_touch();
