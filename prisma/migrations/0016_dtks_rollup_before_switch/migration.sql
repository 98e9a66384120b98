-- The import computes a batch's desil rollup (report_dtks_rollup, 0012) right after attaching its partition and
-- BEFORE the switch (lib/dtks/run-import.ts): the rows are attached but not yet active, so reads (which join
-- dtks_active) still do not see them, and the GROUP BY over millions of rows no longer runs inside the switch
-- transaction. The dtks_active trigger now computes the rollup only when it is missing (loads that do not go
-- through the import — the reports bench, tests — and empty batches). A batch's rows never change once loaded.
CREATE OR REPLACE FUNCTION report_dtks_active_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.batch_id <> NEW.batch_id) THEN
    DELETE FROM report_dtks_desil WHERE batch_id = OLD.batch_id;
    DELETE FROM report_dtks_split_kk WHERE batch_id = OLD.batch_id;
  END IF;
  IF (TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD.batch_id <> NEW.batch_id))
     AND NOT EXISTS (SELECT 1 FROM report_dtks_desil WHERE batch_id = NEW.batch_id) THEN
    PERFORM report_dtks_rollup(NEW.batch_id);
  END IF;
  -- Which households are in the register changes for the whole district (report_household_fact).
  IF TG_OP <> 'UPDATE' OR OLD.batch_id <> NEW.batch_id THEN
    PERFORM report_household_in_dtks_refresh(COALESCE(NEW.district_code, OLD.district_code));
  END IF;
  RETURN NULL;
END $$;
