// The matching index of this server, kept in step with the database through the jobs change log
// (docs/jobs.md). Built at start-up; every search first catches up with the changes committed
// since (at once for this server's own commits, within a polling delay for other servers').
#pragma once

namespace jalon::jobs {

// Called after this process commits a change the index depends on (jobs::store does it).
void mark_changed();

}  // namespace jalon::jobs
