-- Diagnoses of people's situation, barriers and skills: written once, never updated (a new
-- diagnosis is a new version). Facts use the names of the orientation fact catalogue
-- (src/orientation/model.cpp); NULL means unknown. See docs/diagnosis.md.

CREATE TABLE diagnoses (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES people (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  author_id BIGINT NOT NULL REFERENCES users (id),
  author_kind TEXT NOT NULL CHECK (author_kind IN ('prescriber', 'employer', 'other')),
  made_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  commune_code TEXT NOT NULL DEFAULT '',
  rqth TEXT CHECK (rqth IN ('no', 'yes')),
  resource TEXT CHECK (resource IN ('none', 'rsa', 'ass', 'aah', 'are')),
  resource_since TEXT,
  jobseeker TEXT CHECK (jobseeker IN ('no', 'yes')),
  jobseeker_since TEXT,
  qualification TEXT CHECK (qualification IN ('infra3', '3', '4', '5', '6', '7', '8')),
  housing TEXT CHECK (housing IN ('stable', 'hosted', 'unstable', 'sheltered', 'homeless')),
  licence TEXT CHECK (licence IN ('no', 'yes')),
  vehicle TEXT CHECK (vehicle IN ('no', 'yes')),
  mobility TEXT CHECK (mobility IN ('none', 'light', 'strong', 'blocking')),
  health TEXT CHECK (health IN ('none', 'light', 'strong', 'blocking')),
  isolation TEXT CHECK (isolation IN ('none', 'light', 'strong', 'blocking')),
  digital TEXT CHECK (digital IN ('none', 'light', 'strong', 'blocking')),
  childcare TEXT CHECK (childcare IN ('none', 'light', 'strong', 'blocking')),
  french TEXT CHECK (french IN ('below_a1', 'a1', 'a2', 'b1', 'b2')),
  justice TEXT CHECK (justice IN ('none', 'supervised', 'released')),
  ase TEXT CHECK (ase IN ('no', 'yes')),
  refugee TEXT CHECK (refugee IN ('none', 'refugee', 'subsidiary', 'temporary', 'asylum')),
  single_parent TEXT CHECK (single_parent IN ('no', 'yes')),
  qpv TEXT CHECK (qpv IN ('no', 'yes')),
  zrr TEXT CHECK (zrr IN ('no', 'yes')),
  social_first TEXT CHECK (social_first IN ('no', 'yes')),
  comment TEXT NOT NULL DEFAULT ''
);
-- "This person's diagnoses, latest first" and the current one.
CREATE INDEX diagnoses_person ON diagnoses (person_id, made_on, id);

CREATE TABLE diagnosis_barriers (
  diagnosis_id BIGINT NOT NULL REFERENCES diagnoses (id),
  barrier TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('light', 'strong', 'blocking')),
  PRIMARY KEY (diagnosis_id, barrier)
);

CREATE TABLE diagnosis_skills (
  diagnosis_id BIGINT NOT NULL REFERENCES diagnoses (id),
  kind TEXT NOT NULL CHECK (kind IN ('rome', 'transversal')),
  code TEXT NOT NULL,
  PRIMARY KEY (diagnosis_id, kind, code)
);

CREATE TABLE diagnosis_jobs (
  diagnosis_id BIGINT NOT NULL REFERENCES diagnoses (id),
  job_title TEXT NOT NULL,
  PRIMARY KEY (diagnosis_id, job_title)
);

CREATE TABLE diagnosis_criteria (
  diagnosis_id BIGINT NOT NULL REFERENCES diagnoses (id),
  criterion TEXT NOT NULL,
  PRIMARY KEY (diagnosis_id, criterion)
);
