-- An upload refused for its content (an 835 that cannot be read, a CSV whose mapping cannot be used) leaves a
-- trace in the import history (issue 12): who, when, which file, how large and why, with the position of the
-- error when it has one — never the file's bytes (docs/decisions/0015-import-review-and-failures.md).
CREATE TABLE "failed_import" (
    "id" UUID NOT NULL,
    "uploadedById" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "filename" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "segmentIndex" INTEGER,
    "segmentId" TEXT,
    "element" INTEGER,

    CONSTRAINT "failed_import_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "failed_import_at_id_idx" ON "failed_import"("at", "id");

-- AddForeignKey
ALTER TABLE "failed_import" ADD CONSTRAINT "failed_import_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
