CREATE INDEX "items_title_trigram_idx" ON "items" USING gin (mutua_fold("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "needs_title_trigram_idx" ON "needs" USING gin (mutua_fold("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "services_title_trigram_idx" ON "services" USING gin (mutua_fold("title") gin_trgm_ops);