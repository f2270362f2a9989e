-- The raw file in pieces instead of one bytea value (docs/decisions/0034-chunked-files.md): an upload or a CLI
-- read is stored as it arrives, one row per 4 MiB, so no process ever holds a whole file, and a file over 1 GB
-- (a bytea value's limit) can be stored at all. Sizes become bigint for the same reason.

CREATE TABLE "remittance_file_chunk" (
    "fileId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "remittance_file_chunk_pkey" PRIMARY KEY ("fileId","seq")
);

-- DEFERRABLE INITIALLY DEFERRED: an import writes the chunks while the bytes arrive and the file row only once
-- their SHA-256 is known (and found to be new), in the same transaction; the check runs at its COMMIT.
ALTER TABLE "remittance_file_chunk" ADD CONSTRAINT "remittance_file_chunk_fileId_fkey" FOREIGN KEY ("fileId")
  REFERENCES "remittance_file"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED;

-- lz4 as for the column it replaces (20261125164042); a server built without lz4 keeps pglz.
DO $$
BEGIN
  ALTER TABLE "remittance_file_chunk" ALTER COLUMN "content" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
  RAISE NOTICE 'remittance_file_chunk.content keeps pglz: %', SQLERRM;
END;
$$;

-- Files already stored move into chunks of the same size (an empty file has none), so there is one shape to read.
INSERT INTO "remittance_file_chunk" ("fileId", "seq", "content")
SELECT f."id", s.seq, substring(f."content" FROM s.seq * 4194304 + 1 FOR 4194304)
FROM "remittance_file" f
CROSS JOIN LATERAL generate_series(0, (length(f."content") - 1) / 4194304) AS s(seq)
WHERE length(f."content") > 0;

ALTER TABLE "remittance_file" DROP COLUMN "content";
ALTER TABLE "remittance_file" ALTER COLUMN "sizeBytes" SET DATA TYPE BIGINT;
ALTER TABLE "failed_import" ALTER COLUMN "sizeBytes" SET DATA TYPE BIGINT;
