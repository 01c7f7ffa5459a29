ALTER TABLE "requirements" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "specifications" ADD COLUMN "revision" integer DEFAULT 1 NOT NULL;