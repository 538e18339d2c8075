-- Jobs: employers' offers and their skills, people's job-search profiles, applications with
-- every transition, and the change log the matching index follows (docs/jobs.md).

-- An offer published by an employer organisation. updated_at is the employer's last touch:
-- an open offer untouched for 90 days is closed with the reason 'inactive'.
CREATE TABLE job_offers (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  job_title_code INTEGER NOT NULL,  -- ROME job title ("appellation"), OGR code
  title TEXT NOT NULL,              -- the employer's wording
  description TEXT NOT NULL DEFAULT '',
  commune_code TEXT NOT NULL,
  contract TEXT NOT NULL CHECK (contract IN ('cdi', 'cdd', 'interim', 'insertion', 'apprentissage', 'professionnalisation')),
  contract_months INTEGER CHECK (contract_months IS NULL OR contract_months BETWEEN 1 AND 60),
  hours_per_week REAL NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 48),
  start_on TEXT,
  positions INTEGER NOT NULL DEFAULT 1 CHECK (positions BETWEEN 1 AND 1000),
  licence_required INTEGER NOT NULL DEFAULT 0 CHECK (licence_required IN (0, 1)),
  disability_accessible INTEGER NOT NULL DEFAULT 0 CHECK (disability_accessible IN (0, 1)),
  iae_reserved INTEGER NOT NULL DEFAULT 0 CHECK (iae_reserved IN (0, 1)),
  max_distance_km REAL CHECK (max_distance_km IS NULL OR max_distance_km > 0),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  closed_reason TEXT CHECK (closed_reason IN ('filled', 'withdrawn', 'inactive')),
  closed_at TEXT,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((status = 'open' AND closed_reason IS NULL AND closed_at IS NULL) OR
         (status = 'closed' AND closed_reason IS NOT NULL AND closed_at IS NOT NULL))
);
CREATE INDEX job_offers_org ON job_offers (organisation_id, status, id);
CREATE INDEX job_offers_open_age ON job_offers (status, updated_at);

CREATE TABLE job_offer_skills (
  offer_id BIGINT NOT NULL REFERENCES job_offers (id),
  skill_code INTEGER NOT NULL,  -- ROME skill, OGR code
  essential INTEGER NOT NULL DEFAULT 0 CHECK (essential IN (0, 1)),
  PRIMARY KEY (offer_id, skill_code)
);

-- A person's job search: what they choose (searching, contracts, hours, availability, a radius
-- or a commune of their own, whether employers may see them without their name) and what the
-- matching reads, derived from their latest diagnosis and record by jobs::store::refresh_profile
-- (wanted job titles, skills, commune, radius, licence, IAE eligibility end). One row per person;
-- the matching index holds the rows with searching = 1 and at least one wanted job title.
CREATE TABLE job_profiles (
  person_id BIGINT PRIMARY KEY REFERENCES people (id),
  searching INTEGER NOT NULL DEFAULT 1 CHECK (searching IN (0, 1)),
  shown_to_employers INTEGER NOT NULL DEFAULT 0 CHECK (shown_to_employers IN (0, 1)),
  contracts TEXT NOT NULL DEFAULT '',  -- contract names separated by commas; '' = any
  min_hours REAL NOT NULL DEFAULT 0 CHECK (min_hours >= 0),
  max_hours REAL NOT NULL DEFAULT 48 CHECK (max_hours <= 48),
  available_on TEXT,
  chosen_radius_km REAL CHECK (chosen_radius_km IS NULL OR (chosen_radius_km > 0 AND chosen_radius_km <= 200)),
  chosen_commune TEXT,
  -- derived (never typed by a user)
  diagnosis_id BIGINT REFERENCES diagnoses (id),
  wanted_jobs TEXT NOT NULL DEFAULT '',  -- OGR codes of job titles, separated by commas
  skills TEXT NOT NULL DEFAULT '',       -- OGR codes of ROME skills, separated by commas
  commune_code TEXT NOT NULL DEFAULT '',
  radius_km REAL NOT NULL DEFAULT 30,
  licence INTEGER NOT NULL DEFAULT 1 CHECK (licence IN (0, 1)),
  iae_eligible_until TEXT,               -- last day of a valid IAE eligibility
  updated_by_org BIGINT REFERENCES organisations (id),
  updated_by_user BIGINT REFERENCES users (id),
  updated_at TEXT NOT NULL,
  CHECK (min_hours <= max_hours)
);
CREATE INDEX job_profiles_searching ON job_profiles (searching, person_id);

-- An application of a person to an offer, sent by the person, a prescriber on their behalf, or
-- the employer itself. organisation_id is the offer's employer (the inbox reads by it).
CREATE TABLE job_applications (
  id @ID@,
  offer_id BIGINT NOT NULL REFERENCES job_offers (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  sender_kind TEXT NOT NULL CHECK (sender_kind IN ('person', 'prescriber', 'employer')),
  sender_org BIGINT REFERENCES organisations (id),
  sender_user BIGINT REFERENCES users (id),
  message TEXT NOT NULL DEFAULT '',
  cv_document_id BIGINT REFERENCES documents (id),
  state TEXT NOT NULL CHECK (state IN ('new', 'processing', 'postponed', 'prior_to_hire', 'accepted', 'refused',
                                       'cancelled', 'obsolete', 'pool')),
  refusal_reason TEXT CHECK (refusal_reason IN ('did_not_come', 'hired_elsewhere', 'training', 'not_eligible',
                                                'not_mobile', 'not_interested', 'lacking_skills', 'incompatible',
                                                'no_position', 'duplicate', 'other', 'auto_no_answer')),
  answer TEXT NOT NULL DEFAULT '',  -- the employer's message to the candidate
  hired_on TEXT,
  created_at TEXT NOT NULL,
  state_at TEXT NOT NULL,           -- last transition: 60 days pending without one → refused
  CHECK ((state = 'refused') = (refusal_reason IS NOT NULL))
);
-- One live application per person and offer.
CREATE UNIQUE INDEX job_applications_live ON job_applications (offer_id, person_id)
  WHERE state IN ('new', 'processing', 'postponed', 'prior_to_hire', 'pool');
CREATE INDEX job_applications_inbox ON job_applications (organisation_id, state, id);
CREATE INDEX job_applications_offer ON job_applications (offer_id, state);
CREATE INDEX job_applications_person ON job_applications (person_id, id);
CREATE INDEX job_applications_sender ON job_applications (sender_org, id);
CREATE INDEX job_applications_pending_age ON job_applications (state, state_at);

-- Every transition, with who made it (a user, the person, or the platform when both are null).
CREATE TABLE job_application_events (
  id @ID@,
  application_id BIGINT NOT NULL REFERENCES job_applications (id),
  from_state TEXT,
  to_state TEXT NOT NULL,
  reason TEXT,
  by_user BIGINT REFERENCES users (id),
  by_org BIGINT REFERENCES organisations (id),
  by_person INTEGER NOT NULL DEFAULT 0 CHECK (by_person IN (0, 1)),
  at TEXT NOT NULL
);
CREATE INDEX job_application_events_application ON job_application_events (application_id, id);

-- What the matching index depends on: an offer (its fields, skills, pending applications) or a
-- candidate (profile, diagnosis, commune) changed. Ids follow commit order (jobs/store.cpp).
CREATE TABLE jobs_changes (
  id @ID@,
  kind TEXT NOT NULL CHECK (kind IN ('offer', 'candidate')),
  ref_id BIGINT NOT NULL,
  at TEXT NOT NULL
);
