-- A failed e-mail waits longer after each attempt (see mail::deliver_pending).
ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;
