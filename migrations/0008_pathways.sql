-- The shared pathway: referent, members, engagement (objectives and actions), steps, outcomes,
-- notes with their versions, orientations between organisations. See docs/pathways.md.

CREATE TABLE pathways (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES people (id),
  status TEXT NOT NULL CHECK (status IN ('open', 'suspended', 'closed')),
  referent_org_id BIGINT NOT NULL REFERENCES organisations (id),
  referent_user_id BIGINT REFERENCES users (id),
  started_on TEXT NOT NULL,
  closed_on TEXT,
  outcome TEXT NOT NULL DEFAULT '',
  outcome_detail TEXT NOT NULL DEFAULT '',
  created_by_org BIGINT NOT NULL REFERENCES organisations (id),
  created_by_user BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- At most one pathway that is not closed per person; the closed ones are the history.
CREATE UNIQUE INDEX pathways_one_open ON pathways (person_id) WHERE status <> 'closed';
CREATE INDEX pathways_person ON pathways (person_id, id);

CREATE TABLE pathway_members (
  id @ID@,
  pathway_id BIGINT NOT NULL REFERENCES pathways (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  status TEXT NOT NULL CHECK (status IN ('requested', 'active', 'refused', 'ended')),
  origin TEXT NOT NULL CHECK (origin IN ('opened', 'invited', 'requested', 'orientation')),
  requested_by_user BIGINT REFERENCES users (id),
  decided_by_user BIGINT REFERENCES users (id),
  requested_at TEXT NOT NULL,
  joined_at TEXT,
  ended_at TEXT
);
-- One live (requested or active) membership per organisation; ended ones stay as history.
CREATE UNIQUE INDEX pathway_members_live ON pathway_members (pathway_id, organisation_id) WHERE status IN ('requested', 'active');
CREATE INDEX pathway_members_org ON pathway_members (organisation_id, status, pathway_id);

CREATE TABLE pathway_objectives (
  id @ID@,
  pathway_id BIGINT NOT NULL REFERENCES pathways (id),
  domain TEXT NOT NULL CHECK (domain IN ('social', 'professional')),
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'abandoned')),
  target_on TEXT,
  created_by_org BIGINT NOT NULL REFERENCES organisations (id),
  created_by_user BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pathway_objectives_pathway ON pathway_objectives (pathway_id, id);

CREATE TABLE pathway_actions (
  id @ID@,
  pathway_id BIGINT NOT NULL REFERENCES pathways (id),
  objective_id BIGINT NOT NULL REFERENCES pathway_objectives (id),
  title TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'abandoned')),
  responsible TEXT NOT NULL DEFAULT '',
  start_on TEXT,
  due_on TEXT,
  completed_on TEXT,
  created_by_org BIGINT NOT NULL REFERENCES organisations (id),
  created_by_user BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pathway_actions_pathway ON pathway_actions (pathway_id, objective_id, id);

CREATE TABLE pathway_steps (
  id @ID@,
  pathway_id BIGINT NOT NULL REFERENCES pathways (id),
  scheme TEXT NOT NULL CHECK (scheme IN ('diagnosis', 'training', 'progressive_qualification', 'iae_contract', 'immersion',
                                         'workshop', 'mentoring', 'social_support', 'job')),
  title TEXT NOT NULL,
  organisation_id BIGINT REFERENCES organisations (id),
  phase INTEGER,
  start_on TEXT,
  end_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'abandoned')),
  created_by_org BIGINT NOT NULL REFERENCES organisations (id),
  created_by_user BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pathway_steps_pathway ON pathway_steps (pathway_id, id);

CREATE TABLE pathway_social_outcomes (
  id @ID@,
  pathway_id BIGINT NOT NULL REFERENCES pathways (id),
  kind TEXT NOT NULL CHECK (kind IN ('housing', 'health', 'driving_licence', 'rights', 'isolation')),
  achieved_on TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  user_id BIGINT REFERENCES users (id),
  recorded_at TEXT NOT NULL
);
CREATE INDEX pathway_social_outcomes_pathway ON pathway_social_outcomes (pathway_id, id);

-- Every change of a pathway, in order: the timeline reads it. Append-only.
CREATE TABLE pathway_events (
  id @ID@,
  pathway_id BIGINT NOT NULL REFERENCES pathways (id),
  at TEXT NOT NULL,
  organisation_id BIGINT REFERENCES organisations (id),
  user_id BIGINT REFERENCES users (id),
  kind TEXT NOT NULL,
  subject_id BIGINT,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX pathway_events_pathway ON pathway_events (pathway_id, id);

CREATE TABLE pathway_notes (
  id @ID@,
  pathway_id BIGINT NOT NULL REFERENCES pathways (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  author_org_id BIGINT NOT NULL REFERENCES organisations (id),
  author_user_id BIGINT REFERENCES users (id),
  level TEXT NOT NULL CHECK (level IN ('person', 'members', 'organisation', 'social')),
  body TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pathway_notes_pathway ON pathway_notes (pathway_id, id);
CREATE INDEX pathway_notes_person ON pathway_notes (person_id, level);

-- Every version of every note, the first included; an edit appends one. Append-only.
CREATE TABLE pathway_note_versions (
  id @ID@,
  note_id BIGINT NOT NULL REFERENCES pathway_notes (id),
  version INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('person', 'members', 'organisation', 'social')),
  body TEXT NOT NULL,
  written_at TEXT NOT NULL,
  written_by_org BIGINT NOT NULL REFERENCES organisations (id),
  written_by_user BIGINT REFERENCES users (id),
  UNIQUE (note_id, version)
);
@sqlite CREATE TRIGGER pathway_note_versions_no_update BEFORE UPDATE ON pathway_note_versions
BEGIN
  SELECT RAISE(ABORT, 'pathway_note_versions is append-only');
END;
@sqlite CREATE TRIGGER pathway_note_versions_no_delete BEFORE DELETE ON pathway_note_versions
BEGIN
  SELECT RAISE(ABORT, 'pathway_note_versions is append-only');
END;
@sqlite CREATE TRIGGER pathway_events_no_change BEFORE UPDATE ON pathway_events
BEGIN
  SELECT RAISE(ABORT, 'pathway_events is append-only');
END;
@postgresql CREATE FUNCTION pathways_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
@postgresql CREATE TRIGGER pathway_note_versions_no_change BEFORE UPDATE OR DELETE ON pathway_note_versions
  FOR EACH ROW EXECUTE FUNCTION pathways_append_only();
@postgresql CREATE TRIGGER pathway_events_no_change BEFORE UPDATE ON pathway_events
  FOR EACH ROW EXECUTE FUNCTION pathways_append_only();

CREATE TABLE orientations (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES people (id),
  pathway_id BIGINT REFERENCES pathways (id),
  from_org_id BIGINT NOT NULL REFERENCES organisations (id),
  from_user_id BIGINT REFERENCES users (id),
  to_org_id BIGINT NOT NULL REFERENCES organisations (id),
  service_id BIGINT REFERENCES services (id),
  motif TEXT NOT NULL,
  diagnosis_id BIGINT REFERENCES diagnoses (id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'refused', 'expired', 'cancelled')),
  refusal_reason TEXT NOT NULL DEFAULT '',
  refusal_detail TEXT NOT NULL DEFAULT '',
  sent_on TEXT NOT NULL,
  expires_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  answered_at TEXT,
  answered_by_user BIGINT REFERENCES users (id)
);
CREATE INDEX orientations_inbox ON orientations (to_org_id, status, id);
CREATE INDEX orientations_sent ON orientations (from_org_id, id);
CREATE INDEX orientations_person ON orientations (person_id, id);
CREATE INDEX orientations_pathway ON orientations (pathway_id, id);
-- The expiry job's range: pending ones by date.
CREATE INDEX orientations_expiry ON orientations (expires_on, id) WHERE status = 'pending';

CREATE TABLE orientation_events (
  id @ID@,
  orientation_id BIGINT NOT NULL REFERENCES orientations (id),
  at TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sent', 'accepted', 'refused', 'expired', 'cancelled')),
  organisation_id BIGINT REFERENCES organisations (id),
  user_id BIGINT REFERENCES users (id),
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX orientation_events_orientation ON orientation_events (orientation_id, id);

-- Per organisation: how many days a received orientation waits before it expires (30 when absent).
CREATE TABLE pathway_settings (
  organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),
  orientation_expiry_days INTEGER NOT NULL CHECK (orientation_expiry_days BETWEEN 1 AND 365)
);
