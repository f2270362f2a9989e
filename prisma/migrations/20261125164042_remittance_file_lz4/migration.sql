-- Written by hand (Prisma does not model column compression, so no schema diff will ever touch this).
-- The uploaded file is stored whole in remittance_file.content, inserted before the import reads a byte: with
-- PostgreSQL's default pglz a 100 MB 835 took 1.1 s to compress (to 16.5 MB); lz4 takes 0.19 s and makes it
-- 6.8 MB. Applies to rows written from now on; older rows stay pglz and read as before.
-- A server built without lz4 (the embedded PostgreSQL used when DATABASE_URL is unset) refuses the method:
-- it keeps pglz rather than fail the migration.
DO $$
BEGIN
  ALTER TABLE "remittance_file" ALTER COLUMN "content" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  RAISE NOTICE 'remittance_file.content keeps pglz: %', SQLERRM;
END;
$$;
