-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "orgWide" BOOLEAN NOT NULL DEFAULT false;
