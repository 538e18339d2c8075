-- The people search reads one index alone: each grant carries the display names next to its
-- search copies (sort key, birth date, commune), and the name index covers them, so a page of
-- 50 results is one index range without a lookup per person (docs/people.md, "Search"). A list
-- shows these fields only; the full record is read, and audited, one person at a time.
ALTER TABLE person_grants ADD COLUMN first_name TEXT NOT NULL DEFAULT '';
ALTER TABLE person_grants ADD COLUMN last_name TEXT NOT NULL DEFAULT '';
@sqlite UPDATE person_grants SET first_name = (SELECT p.first_name FROM people p WHERE p.id = person_grants.person_id),
  last_name = (SELECT p.last_name FROM people p WHERE p.id = person_grants.person_id);
@postgresql UPDATE person_grants g SET first_name = p.first_name, last_name = p.last_name FROM people p WHERE p.id = g.person_id;
DROP INDEX person_grants_by_name;
-- SQLite has no INCLUDE: the covered columns are trailing key columns (revoked_at too, or the
-- planner would read the table to test it).
@sqlite CREATE INDEX person_grants_by_name ON person_grants
  (organisation_id, sort_key, person_id, first_name, last_name, birth_date, commune_code, revoked_at) WHERE revoked_at IS NULL;
@postgresql CREATE INDEX person_grants_by_name ON person_grants (organisation_id, sort_key)
  INCLUDE (person_id, first_name, last_name, birth_date, commune_code) WHERE revoked_at IS NULL;
-- Most people have no France Travail identifier: the index holds those who do.
DROP INDEX people_ft_id;
CREATE INDEX people_ft_id ON people (ft_id) WHERE ft_id <> '';
