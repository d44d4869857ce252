CREATE TABLE "audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"organisation_id" uuid,
	"network_ids" uuid[] NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"note" text,
	CONSTRAINT "audit_entries_action" CHECK ("audit_entries"."action" in ('organisation.approved', 'organisation.rejected', 'organisation.reopened', 'organisation.changes_requested', 'organisation.suspended', 'organisation.reinstated', 'membership.accepted', 'membership.role_changed', 'membership.removed', 'network_role.granted', 'network_role.revoked', 'listing.hidden', 'listing.unhidden', 'listing.archived', 'category.changed', 'territory.changed', 'impact_factor.changed', 'report.resolved', 'user.suspended', 'user.reinstated', 'data.exported', 'account.erased')),
	CONSTRAINT "audit_entries_target_type" CHECK ("audit_entries"."target_type" in ('organisation', 'membership', 'network_role', 'listing', 'category', 'territory', 'impact_factor', 'report', 'user'))
);
--> statement-breakpoint
CREATE INDEX "audit_entries_networks_idx" ON "audit_entries" USING gin ("network_ids");--> statement-breakpoint
CREATE INDEX "audit_entries_organisation_idx" ON "audit_entries" USING btree ("organisation_id","id");--> statement-breakpoint
CREATE INDEX "audit_entries_at_idx" ON "audit_entries" USING btree ("at");