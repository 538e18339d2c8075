// iCalendar text (RFC 5545) on hand-checked examples: escaping, folding at 75 octets without
// cutting a UTF-8 character, CRLF line ends, a whole calendar.
#include "appointments/ics.h"

#include <gtest/gtest.h>

using namespace jalon;
using namespace jalon::appointments;

TEST(Ics, EscapesBackslashSemicolonCommaAndLineBreaks) {
  EXPECT_EQ(ics::escape("Atelier CV, lettre; préparation\\entretien\nSalle 2\r\nfin"),
            "Atelier CV\\, lettre\\; préparation\\\\entretien\\nSalle 2\\nfin");
  EXPECT_EQ(ics::escape("rien à échapper : 10h30"), "rien à échapper : 10h30");
  EXPECT_EQ(ics::escape(std::string("bip\x07", 4)), "bip");  // control characters are not TEXT
}

TEST(Ics, FoldsAt75OctetsWithCrlfAndASpace) {
  std::string exact = "SUMMARY:" + std::string(67, 's');  // 75 octets: one line
  EXPECT_EQ(ics::fold(exact), exact + "\r\n");
  std::string line = "DESCRIPTION:" + std::string(70, 'a');  // 82 octets
  EXPECT_EQ(ics::fold(line), "DESCRIPTION:" + std::string(63, 'a') + "\r\n " + std::string(7, 'a') + "\r\n");
  // Continuation lines hold a space and 74 octets.
  std::string long_line(159, 'b');
  EXPECT_EQ(ics::fold(long_line),
            std::string(75, 'b') + "\r\n " + std::string(74, 'b') + "\r\n " + std::string(10, 'b') + "\r\n");
}

TEST(Ics, NeverCutsAUtf8Character) {
  // 74 octets then "é" (2 octets, C3 A9): the fold comes before the "é", not inside it.
  std::string line = std::string(74, 'x') + "éz";
  EXPECT_EQ(ics::fold(line), std::string(74, 'x') + "\r\n éz\r\n");
  // A line of accented letters only: every folded piece is valid UTF-8 and at most 75 octets.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "é";
  std::string folded = ics::fold("SUMMARY:" + accents);
  std::size_t start = 0;
  while (start < folded.size()) {
    auto end = folded.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    std::string piece = folded.substr(start, end - start);
    EXPECT_LE(piece.size(), 75u);
    if (start > 0) {
      EXPECT_EQ(piece[0], ' ');
      piece = piece.substr(1);
    }
    EXPECT_NE(static_cast<unsigned char>(piece[0]) & 0xC0, 0x80u) << "a piece starts inside a character";
    start = end + 2;
  }
}

TEST(Ics, AWholeCalendarCheckedByHand) {
  ics::Event e;
  e.uid = "rdv-12-p-34@jalon.example.fr";
  e.start = *time::parse_iso("2026-12-01T08:30:00Z");
  e.duration_minutes = 45;
  e.summary = "Point d'étape, CV; lettre (Mission Locale)";
  e.location = "14 rue Carnot\n86000 Poitiers";
  e.description = "Rendez-vous individuel – Mission Locale d'Insertion du Poitou\nConseiller : Karim Haddad";
  ics::Event cancelled = e;
  cancelled.uid = "rdv-13@jalon.example.fr";
  cancelled.location = "";
  cancelled.description = "";
  cancelled.url = "https://visio.exemple.fr/salle";
  cancelled.cancelled = true;
  std::string text =
      ics::calendar({e, cancelled}, "Rendez-vous de Léna Moreau", *time::parse_iso("2026-11-28T09:00:00Z"));
  std::string expected =
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n"
      "PRODID:-//Jalon//Rendez-vous//FR\r\n"
      "CALSCALE:GREGORIAN\r\n"
      "METHOD:PUBLISH\r\n"
      "X-WR-CALNAME:Rendez-vous de Léna Moreau\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:rdv-12-p-34@jalon.example.fr\r\n"
      "DTSTAMP:20261128T090000Z\r\n"
      "DTSTART:20261201T083000Z\r\n"
      "DTEND:20261201T091500Z\r\n"
      "SUMMARY:Point d'étape\\, CV\\; lettre (Mission Locale)\r\n"
      "LOCATION:14 rue Carnot\\n86000 Poitiers\r\n"
      // "DESCRIPTION:" (12 octets) + 63 octets up to "Poitou" (the en dash is 3 octets) make
      // the first 75; the escaped line break starts the continuation.
      "DESCRIPTION:Rendez-vous individuel – Mission Locale d'Insertion du Poitou\r\n"
      " \\nConseiller : Karim Haddad\r\n"
      "STATUS:CONFIRMED\r\n"
      "END:VEVENT\r\n"
      "BEGIN:VEVENT\r\n"
      "UID:rdv-13@jalon.example.fr\r\n"
      "DTSTAMP:20261128T090000Z\r\n"
      "DTSTART:20261201T083000Z\r\n"
      "DTEND:20261201T091500Z\r\n"
      "SUMMARY:Point d'étape\\, CV\\; lettre (Mission Locale)\r\n"
      "URL:https://visio.exemple.fr/salle\r\n"
      "STATUS:CANCELLED\r\n"
      "END:VEVENT\r\n"
      "END:VCALENDAR\r\n";
  EXPECT_EQ(text, expected);
  // No bare LF anywhere.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_EQ(text[i - 1], '\r') << "at " << i;
    }
  }
}
