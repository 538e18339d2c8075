// Outgoing e-mail. Rooms enqueue messages inside their transaction, so a message exists only
// if the action that sends it was committed; a sender delivers them to SMTP when configured.
#pragma once
#include <string>
#include <vector>

#include "base/config.h"
#include "db/db.h"

namespace jalon::mail {

struct Message {
  long long id = 0;
  std::string recipient, subject, body, created_at, sent_at, last_error;
  int attempts = 0;
};

// Queues a plain-text message (UTF-8) in the caller's transaction.
void enqueue(db::Tx& tx, const std::string& recipient, const std::string& subject, const std::string& body);

// Latest messages first, at most `limit`.
std::vector<Message> latest(db::Tx& tx, int limit, const std::string& recipient = "");

// Deletes messages sent before `before_iso` (the outbox is not an archive). Returns how many.
int purge_sent(db::Tx& tx, const std::string& before_iso);

// Sends pending messages through `config.smtp_url` (libcurl), at most `batch` of them, each
// marked sent or its error recorded and its next attempt put off (2, 4, 8… minutes, at most a
// day; 10 attempts); returns how many were sent. Does
// nothing without SMTP, or on PostgreSQL while another server is delivering.
int deliver_pending(db::Database& db, const Config& config, int batch = 10);

}  // namespace jalon::mail
