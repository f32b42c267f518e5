import type pg from 'pg';

/**
 * Why this exists: FerretDB v1.24.2 on PostgreSQL keeps each collection in a table with one `jsonb` column
 * `_jsonb`, and pushes an equality filter down as `_jsonb->'field' @> value` (containment, so that arrays
 * match as in MongoDB). For `createIndexes` it builds B-tree indexes on `(_jsonb->'field')`, and a B-tree
 * cannot answer `@>`: every query, even by `_id`, is a sequential scan (92 ms at 200,000 documents).
 * A GIN index with `jsonb_path_ops` on the same expressions can (1.6 ms), so for every B-tree index FerretDB
 * makes, this adds a GIN index over the same fields: the indexes the models declare for MongoDB
 * (`db/models/`) are the ones that serve the local and test database too, with nothing listed twice.
 *
 * It lives in PostgreSQL itself, as an event trigger, so it also covers collections and databases created
 * later (each test file's database, a collection made by its first insert), by any process. Installing it
 * is idempotent and also mirrors the B-tree indexes that already exist. Production (MongoDB) needs none of it.
 */
const INSTALL = `
CREATE OR REPLACE FUNCTION prongsai_mirror_index(btree oid) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  tbl regclass;
  method name;
  columns int;
  expr text;
  parts text[] := '{}';
BEGIN
  SELECT i.indrelid::regclass, i.indnatts, a.amname INTO tbl, columns, method
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
   WHERE i.indexrelid = btree;
  IF tbl IS NULL OR method <> 'btree' THEN RETURN; END IF;
  FOR k IN 1..columns LOOP
    expr := pg_get_indexdef(btree, k, false);
    -- Only FerretDB's indexes on document fields; anything else is left alone.
    IF position('_jsonb' in expr) = 0 THEN RETURN; END IF;
    parts := parts || format('(%s) jsonb_path_ops', expr);
  END LOOP;
  EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin (%s)',
                 'prongsai_gin_' || btree, tbl, array_to_string(parts, ', '));
END
$fn$;

CREATE OR REPLACE FUNCTION prongsai_on_create_index() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'index' LOOP
    PERFORM prongsai_mirror_index(r.objid);
  END LOOP;
END
$fn$;

CREATE OR REPLACE FUNCTION prongsai_on_drop_index() RETURNS event_trigger LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  -- An index dropped by name (dropIndexes) takes its mirror along; a dropped table takes all of them itself.
  FOR r IN SELECT objid, schema_name FROM pg_event_trigger_dropped_objects()
            WHERE object_type = 'index' AND original LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', r.schema_name, 'prongsai_gin_' || r.objid);
  END LOOP;
END
$fn$;

DROP EVENT TRIGGER IF EXISTS prongsai_mirror_created_indexes;
CREATE EVENT TRIGGER prongsai_mirror_created_indexes ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION prongsai_on_create_index();
DROP EVENT TRIGGER IF EXISTS prongsai_drop_mirrored_indexes;
CREATE EVENT TRIGGER prongsai_drop_mirrored_indexes ON sql_drop
  WHEN TAG IN ('DROP INDEX') EXECUTE FUNCTION prongsai_on_drop_index();

SELECT prongsai_mirror_index(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast');
`;

/** Installs the mirror in FerretDB's PostgreSQL database (needs a superuser, as event triggers do). */
export async function installIndexMirror(client: pg.Client): Promise<void> {
  await client.query(INSTALL);
}
