-- Upgrade a central database made by an earlier release of the plugin to this one, in place.
--
-- Idempotent: every statement checks what is already there, so running it twice, or on a
-- central that is already current, changes nothing. Run it through central/upgrade.py, which
-- writes a pg_dump backup first and runs this file in one transaction; by hand:
--   pg_dump -Fc -d <db> -f central-before-upgrade.dump
--   psql -1 -v ON_ERROR_STOP=1 -d <db> -f central/upgrade.sql
-- The QGIS Server project needs no change: it reads the tables' columns when it loads.

-- 0.2.0: the photo path a field survey (QField) stores with a site.
ALTER TABLE service_points ADD COLUMN IF NOT EXISTS photo varchar(254);
ALTER TABLE tower_plans ADD COLUMN IF NOT EXISTS photo varchar(254);
