#include "mail/outbox.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>

#include "base/log.h"
#include "base/time.h"

namespace jalon::mail {

void enqueue(db::Tx& tx, const std::string& recipient, const std::string& subject, const std::string& body) {
  std::string now = time::iso_now();
  tx.sql() << "INSERT INTO outbox (recipient, subject, body, created_at) VALUES (:r, :s, :b, :c)", soci::use(recipient),
      soci::use(subject), soci::use(body), soci::use(now);
}

int purge_sent(db::Tx& tx, const std::string& before_iso) {
  soci::statement st = (tx.sql().prepare << "DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < :b", soci::use(before_iso));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

std::vector<Message> latest(db::Tx& tx, int limit, const std::string& recipient) {
  std::vector<Message> out;
  soci::rowset<soci::row> rs = (tx.sql().prepare << "SELECT id, recipient, subject, body, created_at, COALESCE(sent_at, ''), "
                                                    "attempts, COALESCE(last_error, '') FROM outbox "
                                                    "WHERE (:r = '' OR recipient = :r2) ORDER BY id DESC LIMIT :l",
                                soci::use(recipient), soci::use(recipient), soci::use(limit));
  for (const auto& r : rs) {
    Message m;
    m.id = db::as_int(r, 0);
    m.recipient = db::as_text(r, 1);
    m.subject = db::as_text(r, 2);
    m.body = db::as_text(r, 3);
    m.created_at = db::as_text(r, 4);
    m.sent_at = db::as_text(r, 5);
    m.attempts = static_cast<int>(db::as_int(r, 6));
    m.last_error = db::as_text(r, 7);
    out.push_back(std::move(m));
  }
  return out;
}

namespace {
struct Upload {
  std::string data;
  size_t pos = 0;
};
size_t read_cb(char* ptr, size_t size, size_t nmemb, void* userp) {
  auto* u = static_cast<Upload*>(userp);
  size_t n = std::min(size * nmemb, u->data.size() - u->pos);
  std::memcpy(ptr, u->data.data() + u->pos, n);
  u->pos += n;
  return n;
}

std::string address_of(const std::string& from) {
  auto lt = from.find('<');
  auto gt = from.find('>');
  if (lt != std::string::npos && gt != std::string::npos && gt > lt) return from.substr(lt, gt - lt + 1);
  return "<" + from + ">";
}

// RFC 2047 encoded-word for a UTF-8 header value.
std::string encode_word(const std::string& s) {
  static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  while (i + 2 < s.size()) {
    unsigned v = (static_cast<unsigned char>(s[i]) << 16) | (static_cast<unsigned char>(s[i + 1]) << 8) | static_cast<unsigned char>(s[i + 2]);
    out += b64[(v >> 18) & 63]; out += b64[(v >> 12) & 63]; out += b64[(v >> 6) & 63]; out += b64[v & 63];
    i += 3;
  }
  if (i < s.size()) {
    unsigned v = static_cast<unsigned char>(s[i]) << 16;
    if (i + 1 < s.size()) v |= static_cast<unsigned char>(s[i + 1]) << 8;
    out += b64[(v >> 18) & 63]; out += b64[(v >> 12) & 63];
    out += i + 1 < s.size() ? b64[(v >> 6) & 63] : '=';
    out += '=';
  }
  return "=?UTF-8?B?" + out + "?=";
}

// A header value as encoded words of at most 75 characters (45 bytes of text each, cut on
// UTF-8 character boundaries), folded onto continuation lines.
std::string encode_header(const std::string& s) {
  std::string out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t n = std::min<std::size_t>(45, s.size() - pos);
    while (pos + n < s.size() && n > 0 && (static_cast<unsigned char>(s[pos + n]) & 0xC0) == 0x80) --n;
    out += (out.empty() ? "" : "\r\n ") + encode_word(s.substr(pos, n));
    pos += n;
  }
  return out;
}

std::string send(const Config& config, const Message& m) {
  CURL* curl = curl_easy_init();
  if (!curl) return "curl unavailable";
  Upload up;
  up.data = "From: " + config.smtp_from + "\r\nTo: <" + m.recipient + ">\r\nSubject: " + encode_header(m.subject) +
            "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
            m.body + "\r\n";
  struct curl_slist* rcpt = curl_slist_append(nullptr, ("<" + m.recipient + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_URL, config.smtp_url.c_str());
  std::string from = address_of(config.smtp_from);
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  return rc == CURLE_OK ? "" : curl_easy_strerror(rc);
}
}  // namespace

int deliver_pending(db::Database& db, const Config& config, int batch) {
  if (config.smtp_url.empty()) return 0;
  // With several servers on PostgreSQL, one delivers at a time: a session-level advisory lock
  // held on a leased connection for the whole batch (SQLite serves one server).
  std::unique_ptr<db::Lease> lock;
  if (db.engine() == db::Engine::postgresql) {
    lock = db.lease();
    int got = 0;
    lock->sql() << "SELECT CASE WHEN pg_try_advisory_lock(7419002) THEN 1 ELSE 0 END", soci::into(got);
    if (!got) return 0;
  }
  struct Unlock {
    db::Lease* l;
    ~Unlock() {
      if (l) try { l->sql() << "SELECT pg_advisory_unlock(7419002)"; } catch (...) {}
    }
  } unlock{lock.get()};
  std::vector<Message> pending;
  {
    db::Tx tx(db, db::Tx::Mode::read);
    std::string now = time::iso_now();
    soci::rowset<soci::row> rs = (tx.sql().prepare << "SELECT id, recipient, subject, body FROM outbox WHERE sent_at IS NULL "
                                                      "AND attempts < 10 AND (next_attempt_at IS NULL OR next_attempt_at <= :n) "
                                                      "ORDER BY id LIMIT :b",
                                  soci::use(now), soci::use(batch));
    for (const auto& r : rs) {
      Message m;
      m.id = db::as_int(r, 0);
      m.recipient = db::as_text(r, 1);
      m.subject = db::as_text(r, 2);
      m.body = db::as_text(r, 3);
      pending.push_back(std::move(m));
    }
  }
  int sent = 0;
  for (const auto& m : pending) {
    std::string err = send(config, m);
    db::Tx tx(db, db::Tx::Mode::write);
    if (err.empty()) {
      std::string now = time::iso_now();
      tx.sql() << "UPDATE outbox SET sent_at = :t, attempts = attempts + 1 WHERE id = :i", soci::use(now), soci::use(m.id);
      ++sent;
    } else {
      // Waits 2, 4, 8… minutes (at most a day) before the next attempt: an SMTP outage of a few
      // hours loses nothing.
      int attempts = 0;
      tx.sql() << "SELECT attempts FROM outbox WHERE id = :i", soci::use(m.id), soci::into(attempts);
      std::string next = time::iso(time::now() + std::chrono::minutes(std::min(24 * 60, 2 << std::min(attempts, 10))));
      tx.sql() << "UPDATE outbox SET attempts = attempts + 1, last_error = :e, next_attempt_at = :n WHERE id = :i", soci::use(err),
          soci::use(next), soci::use(m.id);
      log::warn("mail_failed", {{"id", std::to_string(m.id)}, {"error", err}});
    }
    tx.commit();
  }
  return sent;
}

}  // namespace jalon::mail
