-- The people search reads the grants alone: each grant carries the display names next to the
-- search copies (sort key, birth date, commune), so a page of 50 results is one index range,
-- without a lookup per person (docs/people.md, "Search at a million"). A list shows these
-- fields only; the full record is read, and audited, one person at a time.
-- SQLite: the grants are stored in (organisation, name) order (WITHOUT ROWID), so the name
-- search reads consecutive pages. PostgreSQL: a covering index for index-only scans.
@sqlite CREATE TABLE person_grants_new (
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  sort_key TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES people (id),
  reason TEXT NOT NULL CHECK (reason IN ('creator', 'consent', 'referent', 'pathway', 'merge')),
  granted_at TEXT NOT NULL,
  granted_by_org BIGINT REFERENCES organisations (id),
  revoked_at TEXT,
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  birth_date TEXT,
  commune_code TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (organisation_id, sort_key)
) WITHOUT ROWID;
@sqlite INSERT INTO person_grants_new (organisation_id, sort_key, person_id, reason, granted_at, granted_by_org, revoked_at,
  first_name, last_name, birth_date, commune_code)
  SELECT g.organisation_id, g.sort_key, g.person_id, g.reason, g.granted_at, g.granted_by_org, g.revoked_at,
  p.first_name, p.last_name, g.birth_date, g.commune_code FROM person_grants g JOIN people p ON p.id = g.person_id;
@sqlite DROP TABLE person_grants;
@sqlite ALTER TABLE person_grants_new RENAME TO person_grants;
@sqlite CREATE UNIQUE INDEX person_grants_person ON person_grants (person_id, organisation_id);
@sqlite CREATE INDEX person_grants_by_birth ON person_grants (organisation_id, birth_date, sort_key) WHERE revoked_at IS NULL;
@sqlite CREATE INDEX person_grants_by_commune ON person_grants (organisation_id, commune_code, sort_key) WHERE revoked_at IS NULL;
@postgresql ALTER TABLE person_grants ADD COLUMN first_name TEXT NOT NULL DEFAULT '', ADD COLUMN last_name TEXT NOT NULL DEFAULT '';
@postgresql UPDATE person_grants g SET first_name = p.first_name, last_name = p.last_name FROM people p WHERE p.id = g.person_id;
@postgresql DROP INDEX person_grants_by_name;
@postgresql CREATE INDEX person_grants_by_name ON person_grants (organisation_id, sort_key)
  INCLUDE (person_id, first_name, last_name, birth_date, commune_code) WHERE revoked_at IS NULL;
-- Most people have no France Travail identifier: the index holds those who do.
DROP INDEX people_ft_id;
CREATE INDEX people_ft_id ON people (ft_id) WHERE ft_id <> '';
