-- The central database of the Paser smart-city programme: PostgreSQL 15 + PostGIS 3.
--
-- Same fields as the plugin's workspace (paser_smartcity_plugin/core/schema.py; a unit test
-- checks the two agree), plus what the sync needs from the centre:
--   uid         the site key made by the client (a UUID), unique;
--   updated_at  set by a trigger with clock_timestamp() on every insert and update, so the
--               server's clock (never a client's) orders changes; clients pull
--               "changed since" with datetime=<watermark>/.. on this column;
--   deleted_at  soft delete: a DELETE (from SQL or from OGC API DELETE) only sets it, so a
--               deleted site stays visible to "changed since" queries and reaches every
--               officer's workspace;
--   version     optimistic locking: raised by the trigger on every write; a write that
--               carries a version other than the current one is refused (paser_touch), so
--               two officers pushing the same site at once can never overwrite each other.
-- Geometries are stored in WGS 84 / UTM zone 50S (EPSG:32750), the metric CRS of Paser
-- (115.6-117.0 E); the API serves them as CRS84. (QGIS Server 3.22 also only applies a
-- geometry sent with PUT when the layer's CRS is not EPSG:4326.)
--
-- Load: psql -v ON_ERROR_STOP=1 -d <db> -f central/schema.sql   (for a new db)
-- A central made by an earlier release: python3 central/upgrade.py --postgres <conninfo> (see README).

CREATE EXTENSION IF NOT EXISTS postgis;

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

-- DELETE becomes "set deleted_at": the row stays, its updated_at moves (paser_touch).
CREATE OR REPLACE FUNCTION paser_soft_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('UPDATE %I.%I SET deleted_at = clock_timestamp() WHERE fid = $1 AND deleted_at IS NULL',
                 TG_TABLE_SCHEMA, TG_TABLE_NAME) USING OLD.fid;
  RETURN NULL;
END $$;

CREATE TABLE service_points (
  fid            bigserial PRIMARY KEY,
  uid            text NOT NULL UNIQUE
                 CHECK (uid ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  name           varchar(254) NOT NULL,
  category       varchar(32) NOT NULL,
  desa_code      varchar(13) NOT NULL CHECK (desa_code ~ '^64\.01\.[0-9]{2}\.[0-9]{4}$'),
  desa_name      varchar(100),
  kecamatan      varchar(100),
  status         varchar(32) NOT NULL,
  coord_status   varchar(16) NOT NULL,
  coord_source   varchar(16),
  accuracy_m     double precision CHECK (accuracy_m >= 0),
  surveyed_by    varchar(100),
  surveyed_at    timestamptz,
  telkom_site_id varchar(50),
  program_year   integer,
  notes          text,
  updated_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  photo          varchar(254),  -- path of the site's photo as the field survey stored it
  deleted_at     timestamptz,
  version        bigint NOT NULL DEFAULT 1,
  geom           geometry(Point, 32750) NOT NULL
);

CREATE TABLE tower_plans (
  fid            bigserial PRIMARY KEY,
  uid            text NOT NULL UNIQUE
                 CHECK (uid ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
  name           varchar(254) NOT NULL,
  desa_code      varchar(13) NOT NULL CHECK (desa_code ~ '^64\.01\.[0-9]{2}\.[0-9]{4}$'),
  desa_name      varchar(100),
  kecamatan      varchar(100),
  status         varchar(32) NOT NULL,
  height_m       double precision CHECK (height_m >= 0),
  operator       varchar(50),
  coord_status   varchar(16) NOT NULL,
  coord_source   varchar(16),
  accuracy_m     double precision CHECK (accuracy_m >= 0),
  surveyed_by    varchar(100),
  surveyed_at    timestamptz,
  telkom_site_id varchar(50),
  program_year   integer,
  notes          text,
  updated_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  photo          varchar(254),  -- path of the site's photo as the field survey stored it
  deleted_at     timestamptz,
  version        bigint NOT NULL DEFAULT 1,
  geom           geometry(Point, 32750)  -- a planned tower may have no coordinates yet
);

CREATE TRIGGER service_points_touch BEFORE INSERT OR UPDATE ON service_points
  FOR EACH ROW EXECUTE FUNCTION paser_touch();
CREATE TRIGGER tower_plans_touch BEFORE INSERT OR UPDATE ON tower_plans
  FOR EACH ROW EXECUTE FUNCTION paser_touch();
CREATE TRIGGER service_points_soft_delete BEFORE DELETE ON service_points
  FOR EACH ROW EXECUTE FUNCTION paser_soft_delete();
CREATE TRIGGER tower_plans_soft_delete BEFORE DELETE ON tower_plans
  FOR EACH ROW EXECUTE FUNCTION paser_soft_delete();

-- "changed since" is the sync's only query.
CREATE INDEX service_points_updated_at ON service_points (updated_at);
CREATE INDEX tower_plans_updated_at ON tower_plans (updated_at);
CREATE INDEX service_points_geom ON service_points USING gist (geom);
CREATE INDEX tower_plans_geom ON tower_plans USING gist (geom);
