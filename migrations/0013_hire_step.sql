-- The pathway step an accepted application added ("Emploi"), so that cancelling the hire
-- abandons that step and no other: found by its title before, which a renamed step or a second
-- hire under the same title could mislead. NULL for applications never accepted.
ALTER TABLE job_applications ADD COLUMN hire_step_id BIGINT REFERENCES pathway_steps (id);
