-- Appointments, documents, notifications and the person's own space (docs/space.md).

-- An appointment of an organisation with one person (individual) or several (collective).
-- starts_at is a UTC instant; the pages type and show it in Europe/Paris.
CREATE TABLE appointments (
  id @ID@,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  counsellor_id BIGINT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('individual', 'collective')),
  starts_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  video_url TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL,
  created_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX appointments_org ON appointments (organisation_id, starts_at);
CREATE INDEX appointments_counsellor ON appointments (counsellor_id, starts_at);
CREATE INDEX appointments_starts ON appointments (starts_at);

-- Attendance is per person: status planned, seen, excused, no_show or cancelled.
CREATE TABLE appointment_participants (
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  person_id BIGINT NOT NULL REFERENCES people (id),
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'seen', 'excused', 'no_show', 'cancelled')),
  status_at TEXT,
  status_by_user BIGINT REFERENCES users (id),
  by_person INTEGER NOT NULL DEFAULT 0,
  reminded_at TEXT,
  added_at TEXT NOT NULL,
  PRIMARY KEY (appointment_id, person_id)
);
CREATE INDEX appointment_participants_person ON appointment_participants (person_id, appointment_id);

-- A person's documents, the bytes in the database so that every server serves them.
CREATE TABLE documents (
  id @ID@,
  person_id BIGINT NOT NULL REFERENCES people (id),
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  uploaded_by BIGINT REFERENCES users (id),
  kind TEXT NOT NULL CHECK (kind IN ('cv', 'certificate', 'identity', 'other')),
  title TEXT NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content @BLOB@,
  created_at TEXT NOT NULL
);
CREATE INDEX documents_person ON documents (person_id, id);

-- In-app notifications of users, and how each user wants each kind delivered.
CREATE TABLE notifications (
  id @ID@,
  user_id BIGINT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  link TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE notification_preferences (
  user_id BIGINT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('app', 'email', 'both', 'none')),
  PRIMARY KEY (user_id, kind)
);

-- The person's own space: one-time links sent by e-mail and the sessions they open. Only
-- hashes of the secrets are stored.
CREATE TABLE space_links (
  token_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people (id),
  email TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX space_links_person ON space_links (person_id, created_at);

-- Every request for a link, known address or not, by client address: the throttle.
CREATE TABLE space_link_requests (
  id @ID@,
  ip TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX space_link_requests_ip ON space_link_requests (ip, at);

CREATE TABLE space_sessions (
  id_hash TEXT PRIMARY KEY,
  person_id BIGINT NOT NULL REFERENCES people (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX space_sessions_person ON space_sessions (person_id);
CREATE INDEX space_sessions_expires ON space_sessions (expires_at);

-- A person finds their space by the e-mail address of their record.
CREATE INDEX people_email ON people (email) WHERE email <> '';
