// E-mail delivery from the outbox to a real SMTP conversation on loopback, on both engines.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

#include "base/time.h"
#include "mail/outbox.h"
#include "support/test_db.h"

using namespace jalon;

namespace {
// A minimal SMTP server accepting one session and recording what it received.
class FakeSmtp {
 public:
  FakeSmtp() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    listen(fd_, 1);
    socklen_t len = sizeof a;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeSmtp() {
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  std::string transcript() {
    if (thread_.joinable()) thread_.join();
    return transcript_;
  }

 private:
  void serve() {
    int c = accept(fd_, nullptr, nullptr);
    if (c < 0) return;
    auto say = [&](const std::string& s) { (void)!write(c, s.data(), s.size()); };
    say("220 test ESMTP\r\n");
    std::string buf;
    bool in_data = false;
    char chunk[4096];
    while (true) {
      ssize_t n = read(c, chunk, sizeof chunk);
      if (n <= 0) break;
      buf.append(chunk, static_cast<size_t>(n));
      transcript_.append(chunk, static_cast<size_t>(n));
      while (true) {
        if (in_data) {
          auto end = buf.find("\r\n.\r\n");
          if (end == std::string::npos) break;
          buf.erase(0, end + 5);
          in_data = false;
          say("250 queued\r\n");
          continue;
        }
        auto eol = buf.find("\r\n");
        if (eol == std::string::npos) break;
        std::string line = buf.substr(0, eol);
        buf.erase(0, eol + 2);
        if (line.rfind("EHLO", 0) == 0) say("250-test\r\n250 8BITMIME\r\n");
        else if (line.rfind("DATA", 0) == 0) { say("354 go on\r\n"); in_data = true; }
        else if (line.rfind("QUIT", 0) == 0) { say("221 bye\r\n"); close(c); return; }
        else say("250 ok\r\n");
      }
    }
    close(c);
  }
  int fd_ = -1, port_ = 0;
  std::thread thread_;
  std::string transcript_;
};
}  // namespace

class Outbox : public ::testing::TestWithParam<db::Engine> {};
INSTANTIATE_TEST_SUITE_P(Engines, Outbox, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(Outbox, MessagesAreQueuedInTheTransactionAndDeliveredBySmtp) {
  auto db = test::fresh_database(GetParam());
  {
    db::Tx tx(*db, db::Tx::Mode::write);
    mail::enqueue(tx, "abandon@test.fr", "Jamais envoyé", "rollback");
  }  // rolled back: no message
  {
    db::Tx tx(*db, db::Tx::Mode::write);
    mail::enqueue(tx, "camille@test.fr", "Invitation à rejoindre la Mission Locale d'Insertion du Poitou sur Jalon, plateforme de l'insertion",
                  "Bonjour Camille,\nVoici le lien.");
    tx.commit();
  }
  Config config;
  EXPECT_EQ(mail::deliver_pending(*db, config), 0);  // no SMTP configured: stays queued
  FakeSmtp smtp;
  config.smtp_url = "smtp://127.0.0.1:" + std::to_string(smtp.port());
  EXPECT_EQ(mail::deliver_pending(*db, config), 1);
  std::string t = smtp.transcript();
  EXPECT_NE(t.find("RCPT TO:<camille@test.fr>"), std::string::npos) << t;
  EXPECT_NE(t.find("Subject: =?UTF-8?B?"), std::string::npos);
  // A long subject is folded into encoded words of at most 75 characters.
  auto subject = t.substr(t.find("Subject: "), t.find("\r\nMIME-Version") - t.find("Subject: "));
  EXPECT_NE(subject.find("\r\n =?UTF-8?B?"), std::string::npos) << subject;
  for (std::size_t start = 0, end; start < subject.size(); start = end + 2) {
    end = subject.find("\r\n", start);
    if (end == std::string::npos) end = subject.size();
    EXPECT_LE(end - start, 76u + 9u);
  }
  EXPECT_NE(t.find("Bonjour Camille,"), std::string::npos);
  db::Tx tx(*db, db::Tx::Mode::read);
  auto all = mail::latest(tx, 10);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_FALSE(all[0].sent_at.empty());
  EXPECT_EQ(all[0].attempts, 1);
}

TEST_P(Outbox, AFailedDeliveryIsRecordedAndRetriedLater) {
  auto db = test::fresh_database(GetParam());
  {
    db::Tx tx(*db, db::Tx::Mode::write);
    mail::enqueue(tx, "x@test.fr", "Sujet", "Corps");
    tx.commit();
  }
  int closed_port;
  {
    FakeSmtp s;  // bound then closed: nothing listens there afterwards
    closed_port = s.port();
  }
  Config config;
  config.smtp_url = "smtp://127.0.0.1:" + std::to_string(closed_port);
  EXPECT_EQ(mail::deliver_pending(*db, config), 0);
  db::Tx tx(*db, db::Tx::Mode::read);
  auto m = mail::latest(tx, 1);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].sent_at.empty());
  EXPECT_EQ(m[0].attempts, 1);
  EXPECT_FALSE(m[0].last_error.empty());
  // Not retried before its next attempt is due; retried, and delivered, once it is.
  FakeSmtp smtp;
  config.smtp_url = "smtp://127.0.0.1:" + std::to_string(smtp.port());
  EXPECT_EQ(mail::deliver_pending(*db, config), 0);
  auto later = time::now() + std::chrono::minutes(3);
  time::set_clock_for_tests([later] { return later; });
  EXPECT_EQ(mail::deliver_pending(*db, config), 1);
  time::set_clock_for_tests({});
}
