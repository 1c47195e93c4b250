CREATE SEQUENCE "public"."case_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "categories" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"label_lo" text NOT NULL,
	"label_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
	"after_call_question" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "second_factor_exemptions" (
	"role" text PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_passkeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"credential_id" text NOT NULL,
	"public_key" text NOT NULL,
	"sign_count" bigint DEFAULT 0 NOT NULL,
	"transports" text[] DEFAULT '{}' NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "staff_passkeys_credential_id_unique" UNIQUE("credential_id")
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
	"password_change_required" boolean DEFAULT false NOT NULL,
	"hotlines" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"organisation_key" text,
	"province_code" text,
	"mobile_enc" text,
	"answer_on" text DEFAULT 'browser' NOT NULL,
	"voice_capacity" integer DEFAULT 1 NOT NULL,
	"chat_capacity" integer DEFAULT 3 NOT NULL,
	"calls_while_chatting" boolean DEFAULT false NOT NULL,
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
CREATE TABLE "referral_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"needs" text[] NOT NULL,
	"alternate_unit_id" uuid,
	"scope" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"release_requested_at" timestamp with time zone,
	"override_reason" text,
	"override_justification_enc" text,
	"override_by_id" uuid,
	"released_at" timestamp with time zone,
	"ticket_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referral_holds_referral_unit" UNIQUE("referral_id","unit_id")
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
	"person_id" uuid,
	"hotline" text,
	"requested_by" uuid NOT NULL,
	"needs" text[] NOT NULL,
	"priority" text NOT NULL,
	"subject" jsonb NOT NULL,
	"danger_override" boolean DEFAULT false NOT NULL,
	"override_justification_enc" text,
	"status" text DEFAULT 'stored' NOT NULL,
	"unrouted_needs" text[] DEFAULT '{}' NOT NULL,
	"blocked_unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"dispatched_at" timestamp with time zone,
	"referred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"event" text NOT NULL,
	"audience" text DEFAULT 'unit' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_ticket_channel_event_key" UNIQUE("ticket_id","channel","event","audience")
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
	"ticket_id" uuid,
	"case_id" uuid NOT NULL,
	"person_id" uuid,
	"organisation_key" text,
	"service" text NOT NULL,
	"given_on" text NOT NULL,
	"quantity" integer DEFAULT 1 NOT NULL,
	"ends_on" text,
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
	"after_call_answer" text,
	"after_call_asked_at" timestamp with time zone,
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
	"phone_last" text,
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
CREATE TABLE "prompt_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hotline" text NOT NULL,
	"prompt" text NOT NULL,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"content_type" text NOT NULL,
	"audio" "bytea" NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text,
	"hash" text,
	"chain_pos" bigint
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"ref_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"assignee_id" uuid NOT NULL,
	"created_by" uuid,
	"due_on" date NOT NULL,
	"task_enc" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"body_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_people" (
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_people_case_id_person_id_pk" PRIMARY KEY("case_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"hotline" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"risk_level" text DEFAULT 'medium' NOT NULL,
	"owner_id" uuid,
	"province_code" text,
	"category_code" text,
	"subcategory_code" text,
	"summary_enc" text,
	"legal_hold" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"closure_reason" text,
	"anonymised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "caller_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_hash" text NOT NULL,
	"hotline" text NOT NULL,
	"kind" text NOT NULL,
	"until" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid,
	"case_id" uuid,
	"hotline" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"interpreter_used" boolean DEFAULT false NOT NULL,
	"interpreter_needed" boolean DEFAULT false NOT NULL,
	"interpreter_language" text,
	"caller_type" text NOT NULL,
	"contact_type" text NOT NULL,
	"category_code" text,
	"subcategory_code" text,
	"contact_reasons" text[] DEFAULT '{}' NOT NULL,
	"form_version" integer,
	"caller_province_code" text,
	"caller_phone_enc" text,
	"caller_phone_hash" text,
	"caller_name_enc" text,
	"summary_enc" text,
	"safe_to_talk" text DEFAULT 'unknown' NOT NULL,
	"safe_callback_window_enc" text,
	"code_word_enc" text,
	"no_sms" boolean DEFAULT false NOT NULL,
	"no_voicemail" boolean DEFAULT false NOT NULL,
	"counsellor_id" uuid,
	"recorded_by_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hotline" text NOT NULL,
	"created_by_id" uuid,
	"full_name_enc" text,
	"alias_enc" text,
	"date_of_birth_enc" text,
	"address_enc" text,
	"phone_enc" text,
	"phone_hash" text,
	"notes_enc" text,
	"sex" text DEFAULT 'unknown' NOT NULL,
	"age_at_identification" integer,
	"age_estimated" boolean DEFAULT false NOT NULL,
	"age_band" text DEFAULT 'unknown' NOT NULL,
	"under18_at_identification" boolean,
	"under18_at_exploitation" boolean,
	"nationalities" text[] DEFAULT '{}' NOT NULL,
	"ethnicity" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"interpreter_needed" boolean DEFAULT false NOT NULL,
	"residence_province_code" text,
	"residence_district" text,
	"victim_status" text DEFAULT 'possible' NOT NULL,
	"identified_by" text,
	"identification_date" date,
	"first_contact_at" timestamp with time zone,
	"exploitation_forms" text[] DEFAULT '{}' NOT NULL,
	"labour_sector" text,
	"means_of_control" text[] DEFAULT '{}' NOT NULL,
	"recruitment_method" text,
	"recruiter_relation" text,
	"stage_locations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"needs" text[] DEFAULT '{}' NOT NULL,
	"exploitation_started_on" date,
	"exploitation_ended_on" date,
	"travel_documents" text[] DEFAULT '{}' NOT NULL,
	"documents_held_by_others" boolean,
	"transport_modes" text[] DEFAULT '{}' NOT NULL,
	"border_crossing" text,
	"employer_enc" text,
	"wages_owed_amount" integer,
	"wages_owed_currency" text,
	"school_status" text,
	"lives_with" text,
	"form_version" integer,
	"legal_hold" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_kind" text NOT NULL,
	"version" integer NOT NULL,
	"scope" text,
	"child_rule" text NOT NULL,
	"changed_by_id" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_requirements_kind_version" UNIQUE("partner_kind","version")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"version" integer NOT NULL,
	"granted" boolean NOT NULL,
	"given_by" text NOT NULL,
	"method" text NOT NULL,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consents_person_scope_version" UNIQUE("person_id","scope","version")
);
--> statement-breakpoint
CREATE TABLE "retention_policies" (
	"record_type" text PRIMARY KEY NOT NULL,
	"retain_days" integer,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_sid" text NOT NULL,
	"hotline" text NOT NULL,
	"language" text NOT NULL,
	"origin" text NOT NULL,
	"queue_score" bigint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	"placed_call_sid" text,
	"placed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"outcome" text,
	"routed" boolean DEFAULT false NOT NULL,
	"safe_window" jsonb,
	"safe_from" timestamp with time zone,
	"safe_until" timestamp with time zone,
	"callback_number_enc" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_tasks_call_sid_unique" UNIQUE("call_sid")
);
--> statement-breakpoint
CREATE TABLE "report_call_hours" (
	"hour" timestamp with time zone NOT NULL,
	"hotline" text NOT NULL,
	"calls" integer NOT NULL,
	"queued" integer NOT NULL,
	"answered" integer NOT NULL,
	"answered_in_target" integer NOT NULL,
	"abandoned" integer NOT NULL,
	"short_abandoned" integer NOT NULL,
	"left_in_menu" integer DEFAULT 0 NOT NULL,
	"after_call_asked" integer DEFAULT 0 NOT NULL,
	"after_call_yes" integer DEFAULT 0 NOT NULL,
	"after_call_no" integer DEFAULT 0 NOT NULL,
	"after_hours" integer NOT NULL,
	"blocked" integer NOT NULL,
	"forwarded" integer NOT NULL,
	"callbacks" integer NOT NULL,
	"callbacks_placed" integer DEFAULT 0 NOT NULL,
	"callback_wait" numeric DEFAULT '0' NOT NULL,
	"answer_wait" numeric NOT NULL,
	"longest_wait" double precision NOT NULL,
	CONSTRAINT "report_call_hours_hour_hotline_pk" PRIMARY KEY("hour","hotline")
);
--> statement-breakpoint
CREATE TABLE "report_handle_days" (
	"day" date NOT NULL,
	"hotline" text NOT NULL,
	"counsellor_id" text NOT NULL,
	"contacts" integer NOT NULL,
	"handle_seconds" bigint NOT NULL,
	CONSTRAINT "report_handle_days_day_hotline_counsellor_id_pk" PRIMARY KEY("day","hotline","counsellor_id")
);
--> statement-breakpoint
CREATE TABLE "report_offer_days" (
	"day" date NOT NULL,
	"hotline" text NOT NULL,
	"user_id" text NOT NULL,
	"offered" integer NOT NULL,
	"accepted" integer NOT NULL,
	"rejected" integer NOT NULL,
	"timed_out" integer NOT NULL,
	CONSTRAINT "report_offer_days_day_hotline_user_id_pk" PRIMARY KEY("day","hotline","user_id")
);
--> statement-breakpoint
CREATE TABLE "report_person_months" (
	"month" date NOT NULL,
	"person_id" uuid NOT NULL,
	"contact_hotlines" text[] NOT NULL,
	"modes" text[] NOT NULL,
	"hotline_modes" text[] NOT NULL,
	"hotline" text NOT NULL,
	"residence_province_code" text,
	"sex" text NOT NULL,
	"under18_at_identification" boolean,
	"victim_status" text NOT NULL,
	"identification_date" date,
	"first_contact_at" timestamp with time zone,
	CONSTRAINT "report_person_months_month_person_id_pk" PRIMARY KEY("month","person_id")
);
--> statement-breakpoint
CREATE TABLE "report_person_quarters" (
	"quarter" date NOT NULL,
	"person_id" uuid NOT NULL,
	"hotline" text NOT NULL,
	"province_code" text,
	"female" boolean NOT NULL,
	"under18" boolean NOT NULL,
	"nationality" text NOT NULL,
	"abroad" text,
	"forms" text[] NOT NULL,
	"status" text,
	"identified_in_quarter" boolean NOT NULL,
	"services" text[] NOT NULL,
	"continuing" boolean NOT NULL,
	"contact_hotlines" text[] NOT NULL,
	"modes" text[] NOT NULL,
	"hotline_modes" text[] NOT NULL,
	CONSTRAINT "report_person_quarters_quarter_person_id_pk" PRIMARY KEY("quarter","person_id")
);
--> statement-breakpoint
CREATE TABLE "report_person_years" (
	"year" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"hotline" text NOT NULL,
	"province_code" text,
	"female" boolean NOT NULL,
	"under18" boolean NOT NULL,
	"nationality" text NOT NULL,
	"abroad" text,
	"forms" text[] NOT NULL,
	"status" text,
	"identified_in_year" boolean NOT NULL,
	"services" text[] NOT NULL,
	"continuing" boolean NOT NULL,
	"contact_hotlines" text[] NOT NULL,
	"modes" text[] NOT NULL,
	"hotline_modes" text[] NOT NULL,
	CONSTRAINT "report_person_years_year_person_id_pk" PRIMARY KEY("year","person_id")
);
--> statement-breakpoint
CREATE TABLE "report_quarter_cells" (
	"quarter" date NOT NULL,
	"hotline" text NOT NULL,
	"province_code" text,
	"contact_hotlines" text[] NOT NULL,
	"modes" text[] NOT NULL,
	"hotline_modes" text[] NOT NULL,
	"served" boolean NOT NULL,
	"part" text NOT NULL,
	"table_key" text NOT NULL,
	"row_key" text NOT NULL,
	"people" integer NOT NULL,
	"female" integer NOT NULL,
	"under18" integer NOT NULL,
	"female_under18" integer NOT NULL,
	"continuing" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_refresh_state" (
	"key" text PRIMARY KEY NOT NULL,
	"watermark" timestamp with time zone NOT NULL,
	"full_at" timestamp with time zone NOT NULL,
	"position" bigint
);
--> statement-breakpoint
CREATE TABLE "report_service_people" (
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"given_on" text NOT NULL,
	"ends_on" text,
	"code" text NOT NULL,
	"quantity" integer NOT NULL,
	"organisation_key" text,
	"hotline" text NOT NULL,
	"province_code" text,
	"female" boolean NOT NULL,
	"male" boolean NOT NULL,
	"under18" boolean NOT NULL,
	"identified_on" date,
	"nationality" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_session_days" (
	"day" date NOT NULL,
	"hotline" text NOT NULL,
	"mode" text NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "report_session_days_day_hotline_mode_pk" PRIMARY KEY("day","hotline","mode")
);
--> statement-breakpoint
CREATE TABLE "report_session_province_days" (
	"day" date NOT NULL,
	"hotline" text NOT NULL,
	"mode" text NOT NULL,
	"province_code" text NOT NULL,
	"person_hotlines" text[] NOT NULL,
	"sessions" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_stale" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"detail" text,
	CONSTRAINT "report_stale_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE TABLE "report_year_cells" (
	"year" integer NOT NULL,
	"hotline" text NOT NULL,
	"province_code" text,
	"contact_hotlines" text[] NOT NULL,
	"modes" text[] NOT NULL,
	"hotline_modes" text[] NOT NULL,
	"served" boolean NOT NULL,
	"part" text NOT NULL,
	"table_key" text NOT NULL,
	"row_key" text NOT NULL,
	"people" integer NOT NULL,
	"female" integer NOT NULL,
	"under18" integer NOT NULL,
	"female_under18" integer NOT NULL,
	"continuing" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_drafts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"draft_key" text NOT NULL,
	"data_enc" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_drafts_owner_key_uq" UNIQUE("owner_id","draft_key")
);
--> statement-breakpoint
CREATE TABLE "service_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"label_lo" text NOT NULL,
	"label_en" text NOT NULL,
	"partner_kinds" text[] NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hotline" text NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"file_enc" text,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"duplicate_rows" integer DEFAULT 0 NOT NULL,
	"skipped_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by_id" uuid,
	"undone_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_records" (
	"hotline" text NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_records_hotline_kind_external_id_pk" PRIMARY KEY("hotline","kind","external_id")
);
--> statement-breakpoint
CREATE TABLE "chat_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"provider_media_ref" text,
	"service_sid" text,
	"content_type" text NOT NULL,
	"size_bytes" integer,
	"filename_enc" text,
	"content_enc" text,
	"sha256" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"failure" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"stored_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_attachments_message_position_uq" UNIQUE("message_id","position")
);
--> statement-breakpoint
CREATE TABLE "chat_canned_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hotline" text NOT NULL,
	"language" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chat_channel_configs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hotline" text NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"conversation_service_sid" text,
	"templates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_channel_configs_address_uq" UNIQUE("channel","address")
);
--> statement-breakpoint
CREATE TABLE "chat_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hotline" text NOT NULL,
	"channel" text NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text NOT NULL,
	"contact_hash" text NOT NULL,
	"address_enc" text NOT NULL,
	"language" text NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"routing" text DEFAULT 'pending' NOT NULL,
	"end_reason" text,
	"assigned_to" uuid,
	"contact_id" uuid,
	"stopped_at" timestamp with time zone,
	"no_messages" boolean DEFAULT false NOT NULL,
	"last_inbound_at" timestamp with time zone,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_conversations_ref_uq" UNIQUE("provider","provider_ref")
);
--> statement-breakpoint
CREATE TABLE "chat_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conversation_id" uuid NOT NULL,
	"provider_message_id" text,
	"direction" text NOT NULL,
	"author_id" uuid,
	"body_enc" text NOT NULL,
	"attachments_enc" text,
	"template_key" text,
	"delivery" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_messages_provider_id_uq" UNIQUE("provider_message_id")
);
--> statement-breakpoint
CREATE TABLE "webchat_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visitor_hash" text NOT NULL,
	"hotline" text,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webchat_origins" (
	"hotline" text NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webchat_origins_hotline_origin_pk" PRIMARY KEY("hotline","origin")
);
--> statement-breakpoint
CREATE TABLE "form_definitions" (
	"hotline" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_definitions_hotline_version_pk" PRIMARY KEY("hotline","version")
);
--> statement-breakpoint
CREATE TABLE "recording_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_number" text NOT NULL,
	"hotline" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recording_lines_phone_number_unique" UNIQUE("phone_number")
);
--> statement-breakpoint
CREATE TABLE "recording_pins" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"pin_hash" text NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_code_categories_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_economic_zones" ADD CONSTRAINT "special_economic_zones_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "second_factor_exemptions" ADD CONSTRAINT "second_factor_exemptions_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_passkeys" ADD CONSTRAINT "staff_passkeys_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_units" ADD CONSTRAINT "partner_units_organisation_key_organisations_key_fk" FOREIGN KEY ("organisation_key") REFERENCES "public"."organisations"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_holds" ADD CONSTRAINT "referral_holds_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_holds" ADD CONSTRAINT "referral_holds_unit_id_partner_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."partner_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_holds" ADD CONSTRAINT "referral_holds_alternate_unit_id_partner_units_id_fk" FOREIGN KEY ("alternate_unit_id") REFERENCES "public"."partner_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_holds" ADD CONSTRAINT "referral_holds_override_by_id_staff_users_id_fk" FOREIGN KEY ("override_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rules" ADD CONSTRAINT "referral_rules_unit_id_partner_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."partner_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_rules" ADD CONSTRAINT "referral_rules_alternate_unit_id_partner_units_id_fk" FOREIGN KEY ("alternate_unit_id") REFERENCES "public"."partner_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "magic_links" ADD CONSTRAINT "magic_links_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_services" ADD CONSTRAINT "ticket_services_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_unit_id_partner_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."partner_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_ups" ADD CONSTRAINT "case_follow_ups_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_ups" ADD CONSTRAINT "case_follow_ups_assignee_id_staff_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_follow_ups" ADD CONSTRAINT "case_follow_ups_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_people" ADD CONSTRAINT "case_people_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_owner_id_staff_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caller_flags" ADD CONSTRAINT "caller_flags_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_counsellor_id_staff_users_id_fk" FOREIGN KEY ("counsellor_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_recorded_by_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_requirements" ADD CONSTRAINT "consent_requirements_changed_by_id_staff_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_id_staff_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_tasks" ADD CONSTRAINT "callback_tasks_taken_by_staff_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_drafts" ADD CONSTRAINT "contact_drafts_owner_id_staff_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_records" ADD CONSTRAINT "import_records_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_attachments" ADD CONSTRAINT "chat_attachments_conversation_id_chat_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."chat_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_attachments" ADD CONSTRAINT "chat_attachments_message_id_chat_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."chat_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_canned_replies" ADD CONSTRAINT "chat_canned_replies_hotline_hotlines_number_fk" FOREIGN KEY ("hotline") REFERENCES "public"."hotlines"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_canned_replies" ADD CONSTRAINT "chat_canned_replies_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_channel_configs" ADD CONSTRAINT "chat_channel_configs_hotline_hotlines_number_fk" FOREIGN KEY ("hotline") REFERENCES "public"."hotlines"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_conversations" ADD CONSTRAINT "chat_conversations_hotline_hotlines_number_fk" FOREIGN KEY ("hotline") REFERENCES "public"."hotlines"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_conversations" ADD CONSTRAINT "chat_conversations_assigned_to_staff_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_conversations" ADD CONSTRAINT "chat_conversations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_conversation_id_chat_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."chat_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_definitions" ADD CONSTRAINT "form_definitions_hotline_hotlines_number_fk" FOREIGN KEY ("hotline") REFERENCES "public"."hotlines"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_definitions" ADD CONSTRAINT "form_definitions_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_passkeys_user_idx" ON "staff_passkeys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "referral_holds_pending_idx" ON "referral_holds" USING btree ("status","release_requested_at");--> statement-breakpoint
CREATE INDEX "referral_rules_need_idx" ON "referral_rules" USING btree ("need");--> statement-breakpoint
CREATE INDEX "referrals_pending_idx" ON "referrals" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "referrals_referred_idx" ON "referrals" USING btree ("referred_at");--> statement-breakpoint
CREATE INDEX "deliveries_status_idx" ON "deliveries" USING btree ("status");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket_idx" ON "ticket_events" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "ticket_services_updated_idx" ON "ticket_services" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "tickets_org_state_idx" ON "tickets" USING btree ("organisation_key","state");--> statement-breakpoint
CREATE INDEX "call_events_call_sid_idx" ON "call_events" USING btree ("call_sid","id");--> statement-breakpoint
CREATE INDEX "call_events_received_brin_idx" ON "call_events" USING brin ("received_at");--> statement-breakpoint
CREATE INDEX "calls_hotline_started_idx" ON "calls" USING btree ("hotline","started_at");--> statement-breakpoint
CREATE INDEX "calls_from_hash_idx" ON "calls" USING btree ("from_hash");--> statement-breakpoint
CREATE INDEX "calls_updated_brin_idx" ON "calls" USING brin ("updated_at");--> statement-breakpoint
CREATE INDEX "calls_enqueued_brin_idx" ON "calls" USING brin ("enqueued_at");--> statement-breakpoint
CREATE INDEX "blocked_callers_phone_hash_idx" ON "blocked_callers" USING btree ("phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_versions_slot_version_idx" ON "prompt_versions" USING btree ("hotline","prompt","language","version");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_pos_idx" ON "audit_log" USING btree ("chain_pos");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("seq") WHERE "audit_log"."chain_pos" is null;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_follow_ups_assignee_idx" ON "case_follow_ups" USING btree ("assignee_id","status","due_on");--> statement-breakpoint
CREATE INDEX "case_follow_ups_case_idx" ON "case_follow_ups" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_people_person_idx" ON "case_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "case_people_updated_idx" ON "case_people" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "cases_hotline_status_idx" ON "cases" USING btree ("hotline","status");--> statement-breakpoint
CREATE INDEX "cases_owner_idx" ON "cases" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "caller_flags_phone_hash_idx" ON "caller_flags" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "contacts_case_idx" ON "contacts" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "contacts_call_idx" ON "contacts" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "contacts_phone_hash_idx" ON "contacts" USING btree ("caller_phone_hash");--> statement-breakpoint
CREATE INDEX "contacts_hotline_occurred_idx" ON "contacts" USING btree ("hotline","occurred_at");--> statement-breakpoint
CREATE INDEX "contacts_updated_idx" ON "contacts" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "people_hotline_idx" ON "people" USING btree ("hotline");--> statement-breakpoint
CREATE INDEX "people_phone_hash_idx" ON "people" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "people_identification_idx" ON "people" USING btree ("identification_date");--> statement-breakpoint
CREATE INDEX "people_updated_idx" ON "people" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "callback_tasks_hotline_status_idx" ON "callback_tasks" USING btree ("hotline","status","queue_score");--> statement-breakpoint
CREATE INDEX "report_person_months_person_idx" ON "report_person_months" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "report_person_quarters_person_idx" ON "report_person_quarters" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "report_person_years_person_idx" ON "report_person_years" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "report_quarter_cells_quarter_idx" ON "report_quarter_cells" USING btree ("quarter","hotline");--> statement-breakpoint
CREATE INDEX "report_service_people_given_idx" ON "report_service_people" USING btree ("given_on");--> statement-breakpoint
CREATE INDEX "report_service_people_person_idx" ON "report_service_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "report_session_province_days_idx" ON "report_session_province_days" USING btree ("province_code","day");--> statement-breakpoint
CREATE INDEX "report_year_cells_year_idx" ON "report_year_cells" USING btree ("year","hotline");--> statement-breakpoint
CREATE INDEX "contact_drafts_updated_idx" ON "contact_drafts" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "import_batches_hotline_idx" ON "import_batches" USING btree ("hotline","created_at");--> statement-breakpoint
CREATE INDEX "import_records_batch_idx" ON "import_records" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "chat_attachments_conversation_idx" ON "chat_attachments" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "chat_attachments_pending_idx" ON "chat_attachments" USING btree ("state");--> statement-breakpoint
CREATE INDEX "chat_canned_replies_hotline_idx" ON "chat_canned_replies" USING btree ("hotline","language");--> statement-breakpoint
CREATE INDEX "chat_channel_configs_service_idx" ON "chat_channel_configs" USING btree ("conversation_service_sid");--> statement-breakpoint
CREATE INDEX "chat_conversations_contact_hash_idx" ON "chat_conversations" USING btree ("contact_hash");--> statement-breakpoint
CREATE INDEX "chat_conversations_open_idx" ON "chat_conversations" USING btree ("hotline","state");--> statement-breakpoint
CREATE INDEX "chat_messages_conversation_idx" ON "chat_messages" USING btree ("conversation_id","at");--> statement-breakpoint
CREATE INDEX "webchat_blocks_visitor_hash_idx" ON "webchat_blocks" USING btree ("visitor_hash");