-- People accompanied, the organisations that may see them, and the audit log of every access.
-- See docs/people.md.

CREATE TABLE people (
  id @ID@,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  birth_name TEXT NOT NULL DEFAULT '',
  key_first TEXT NOT NULL,
  key_last TEXT NOT NULL,
  birth_date TEXT,
  sex TEXT NOT NULL DEFAULT '' CHECK (sex IN ('', 'F', 'M')),
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  commune_code TEXT NOT NULL DEFAULT '',
  ft_id TEXT NOT NULL DEFAULT '',
  qualification_level TEXT NOT NULL DEFAULT '',
  consent_sharing INTEGER NOT NULL DEFAULT 0,
  consent_at TEXT,
  created_by_org BIGINT NOT NULL REFERENCES organisations (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  merged_into BIGINT REFERENCES people (id)
);
CREATE INDEX people_ft_id ON people (ft_id);
CREATE INDEX people_birth_date ON people (birth_date);

CREATE TABLE person_grants (
  person_id BIGINT NOT NULL REFERENCES people (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  reason TEXT NOT NULL CHECK (reason IN ('creator', 'consent', 'referent', 'pathway', 'merge')),
  granted_at TEXT NOT NULL,
  granted_by_org BIGINT REFERENCES organisations (id),
  revoked_at TEXT,
  sort_key TEXT @C@ NOT NULL,
  birth_date TEXT,
  commune_code TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, organisation_id)
);
-- "The people this organisation sees, in name order": one range scan, keyset on sort_key.
CREATE INDEX person_grants_by_name ON person_grants (organisation_id, sort_key) WHERE revoked_at IS NULL;
CREATE INDEX person_grants_by_birth ON person_grants (organisation_id, birth_date, sort_key) WHERE revoked_at IS NULL;
CREATE INDEX person_grants_by_commune ON person_grants (organisation_id, commune_code, sort_key) WHERE revoked_at IS NULL;

CREATE TABLE audit_log (
  id @ID@,
  at TEXT NOT NULL,
  user_id BIGINT,
  token_id BIGINT,
  organisation_id BIGINT,
  person_id BIGINT,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_person ON audit_log (person_id, id);
CREATE INDEX audit_log_org ON audit_log (organisation_id, id);
