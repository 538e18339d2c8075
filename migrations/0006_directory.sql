-- The directory of actors and services in the data·inclusion v1 model (docs/directory.md).
-- Lists of vocabulary values (thematics, publics…) are stored as text, values separated by
-- commas (the values are slugs without commas). Each structure and service is identified in
-- exchanges by (source, ext_id); ours have source 'jalon'.
CREATE TABLE structures (
  id @ID@,
  source TEXT NOT NULL,
  ext_id TEXT NOT NULL,
  organisation_id BIGINT REFERENCES organisations (id),
  name TEXT NOT NULL,
  siret TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  address_extra TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  commune_code TEXT NOT NULL DEFAULT '',
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  opening_hours TEXT NOT NULL DEFAULT '',
  accessibility_url TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  networks TEXT NOT NULL DEFAULT '',
  typology TEXT NOT NULL DEFAULT '',
  updated_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (source, ext_id)
);
CREATE INDEX structures_organisation ON structures (organisation_id);

CREATE TABLE services (
  id @ID@,
  source TEXT NOT NULL,
  ext_id TEXT NOT NULL,
  structure_id BIGINT NOT NULL REFERENCES structures (id),
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL DEFAULT '',
  thematics TEXT NOT NULL DEFAULT '',
  audiences TEXT NOT NULL DEFAULT '',
  audiences_details TEXT NOT NULL DEFAULT '',
  fees TEXT NOT NULL DEFAULT '',
  fees_details TEXT NOT NULL DEFAULT '',
  conditions TEXT NOT NULL DEFAULT '',
  reception_modes TEXT NOT NULL DEFAULT '',
  mobilisation_modes TEXT NOT NULL DEFAULT '',
  mobilising_persons TEXT NOT NULL DEFAULT '',
  mobilisation_details TEXT NOT NULL DEFAULT '',
  mobilisation_link TEXT NOT NULL DEFAULT '',
  eligibility_zone TEXT NOT NULL DEFAULT '',
  weekly_hours DOUBLE PRECISION,
  weeks INTEGER,
  contact_name TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  address_extra TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  commune_code TEXT NOT NULL DEFAULT '',
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  opening_hours TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  updated_on TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (source, ext_id)
);
CREATE INDEX services_structure ON services (structure_id);

-- Every change to a structure or a service appends a row here, in the writing transaction: each
-- server applies the rows after the last one it saw to its in-memory search index, so the
-- indexes of several servers converge (docs/directory.md).
CREATE TABLE directory_changes (
  id @ID@,
  structure_id BIGINT NOT NULL,
  service_id BIGINT,
  at TEXT NOT NULL
);
