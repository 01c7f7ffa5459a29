DROP INDEX "executions_item_started_idx";--> statement-breakpoint
DROP INDEX "executions_test_case_idx";--> statement-breakpoint
CREATE INDEX "executions_item_started_idx" ON "executions" USING btree ("campaign_item_id","started_at","id");--> statement-breakpoint
CREATE INDEX "executions_test_case_idx" ON "executions" USING btree ("test_case_id","started_at","id");