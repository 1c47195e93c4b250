CREATE TABLE "organisations" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_lo" text NOT NULL,
	"name_en" text NOT NULL,
	"does" text DEFAULT '' NOT NULL,
	"uses_system" boolean DEFAULT true NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name_lo" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "special_economic_zones" (
	"code" text PRIMARY KEY NOT NULL,
	"province_code" text NOT NULL,
	"name_lo" text NOT NULL,
	"name_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_terms" (
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"label_lo" text,
	"label_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "taxonomy_terms_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "hotlines" (
	"number" text PRIMARY KEY NOT NULL,
	"name_lo" text NOT NULL,
	"name_en" text NOT NULL,
	"organisation_key" text,
	"phone_number" text NOT NULL,
	"languages" text[] NOT NULL,
	"default_language" text DEFAULT 'lo' NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"after_hours" text DEFAULT 'voicemail' NOT NULL,
	"duty_mobile" text,
	"recording_notice" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"totp_secret_enc" text,
	"totp_required" boolean DEFAULT false NOT NULL,
	"hotlines" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"organisation_key" text,
	"province_code" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "partner_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_key" text NOT NULL,
	"name_lo" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"services" text[] DEFAULT '{}' NOT NULL,
	"provinces" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"hours" jsonb DEFAULT '{"alwaysOpen":true,"weekly":{},"holidays":[]}'::jsonb NOT NULL,
	"intake" jsonb DEFAULT '{"sexes":[],"minAge":null,"maxAge":null,"nationalities":[]}'::jsonb NOT NULL,
	"focal_points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"uses_system" boolean DEFAULT true NOT NULL,
	"webhook_url" text,
	"webhook_secret_enc" text,
	"sms_numbers" text[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"need" text NOT NULL,
	"province_code" text,
	"age_group" text,
	"sex" text,
	"nationality" text,
	"exploitation_form" text,
	"unit_id" uuid NOT NULL,
	"alternate_unit_id" uuid,
	"rank" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"hotline" text,
	"requested_by" uuid NOT NULL,
	"needs" text[] NOT NULL,
	"priority" text NOT NULL,
	"subject" jsonb NOT NULL,
	"danger_override" boolean DEFAULT false NOT NULL,
	"override_justification_enc" text,
	"status" text DEFAULT 'stored' NOT NULL,
	"unrouted_needs" text[] DEFAULT '{}' NOT NULL,
	"dispatched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"event" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_ticket_channel_event_key" UNIQUE("ticket_id","channel","event")
);
--> statement-breakpoint
CREATE TABLE "magic_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"session_hash" text,
	"session_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "magic_links_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "magic_links_session_hash_unique" UNIQUE("session_hash")
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"service" text NOT NULL,
	"given_on" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"organisation_key" text NOT NULL,
	"case_id" uuid NOT NULL,
	"needs" text[] NOT NULL,
	"priority" text NOT NULL,
	"alternate_unit_id" uuid,
	"replaces_ticket_id" uuid,
	"state" text DEFAULT 'pending' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"assigned_user_id" uuid,
	"decline_reason" text,
	"outcome" text,
	"due_acknowledge_at" timestamp with time zone,
	"due_decide_at" timestamp with time zone,
	"due_update_at" timestamp with time zone,
	"due_resolve_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tickets_referral_unit_key" UNIQUE("referral_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "call_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"call_sid" text NOT NULL,
	"kind" text NOT NULL,
	"call_status" text,
	"sequence_number" integer,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_sid" text NOT NULL,
	"hotline" text NOT NULL,
	"direction" text DEFAULT 'inbound' NOT NULL,
	"from_encrypted" text,
	"from_hash" text,
	"status" text DEFAULT 'ringing' NOT NULL,
	"last_sequence" integer DEFAULT -1 NOT NULL,
	"language" text,
	"route" text,
	"queue_result" text,
	"callback_requested" boolean DEFAULT false NOT NULL,
	"voicemail_url" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enqueued_at" timestamp with time zone,
	"left_queue_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"needs_reconciliation" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_call_sid_unique" UNIQUE("call_sid")
);
--> statement-breakpoint
CREATE TABLE "blocked_callers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_hash" text NOT NULL,
	"hotline" text,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prompt_audio" (
	"hotline" text NOT NULL,
	"prompt" text NOT NULL,
	"language" text NOT NULL,
	"content_type" text NOT NULL,
	"audio" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prompt_audio_hotline_prompt_language_pk" PRIMARY KEY("hotline","prompt","language")
);
--> statement-breakpoint
ALTER TABLE "special_economic_zones" ADD CONSTRAINT "special_economic_zones_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_units" ADD CONSTRAINT "partner_units_organisation_key_organisations_key_fk" FOREIGN KEY ("organisation_key") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rules" ADD CONSTRAINT "referral_rules_unit_id_partner_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."partner_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rules" ADD CONSTRAINT "referral_rules_alternate_unit_id_partner_units_id_fk" FOREIGN KEY ("alternate_unit_id") REFERENCES "public"."partner_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "magic_links" ADD CONSTRAINT "magic_links_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_services" ADD CONSTRAINT "ticket_services_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_unit_id_partner_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."partner_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_rules_need_idx" ON "referral_rules" USING btree ("need");--> statement-breakpoint
CREATE INDEX "referrals_pending_idx" ON "referrals" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_status_idx" ON "deliveries" USING btree ("status");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "tickets_org_state_idx" ON "tickets" USING btree ("organisation_key","state");--> statement-breakpoint
CREATE INDEX "call_events_call_sid_idx" ON "call_events" USING btree ("call_sid","id");--> statement-breakpoint
CREATE INDEX "calls_hotline_started_idx" ON "calls" USING btree ("hotline","started_at");--> statement-breakpoint
CREATE INDEX "calls_from_hash_idx" ON "calls" USING btree ("from_hash");--> statement-breakpoint
CREATE INDEX "blocked_callers_phone_hash_idx" ON "blocked_callers" USING btree ("phone_hash");