// Writes N invented people as a CSV file for the import and search benchmarks
// (deterministic: the same file on every run). Usage: gen_people N FILE
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: gen_people N FILE\n");
    return 2;
  }
  long n = std::atol(argv[1]);
  FILE* f = std::fopen(argv[2], "w");
  if (!f) return 1;
  static const char* firsts[] = {"Léa", "Lucas", "Emma", "Hugo", "Chloé", "Nathan", "Manon", "Enzo", "Inès", "Yanis", "Camille", "Sarah"};
  static const char* lasts[] = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
                                "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"};
  static const char* communes[] = {"86194", "86066", "86041", "86115", "86214", "86070", "86137", "86165"};
  std::mt19937 rng(42);
  std::fputs("nom;prenom;date_naissance;sexe;email;telephone;commune;identifiant_france_travail;consentement\n", f);
  for (long i = 0; i < n; ++i) {
    const char* last = lasts[rng() % 20];
    // (name suffix i % 1000, birth date from i / 1000) differs for every row: no two rows look
    // like the same person, which the import would refuse. France Travail identifiers start
    // with 9 and have 9 characters, unlike the demo's: no row resembles a demo record either.
    long k = i / 1000;
    std::fprintf(f, "%s%ld;%s;%04ld-%02ld-%02ld;%s;p%ld@exemple.fr;06%08u;%s;9%07ld%c;%s\n", last, i % 1000, firsts[rng() % 12],
                 1960 + k % 40, 1 + (k / 40) % 12, 1 + (k / 480) % 28,
                 rng() % 2 ? "F" : "M", i, static_cast<unsigned>(rng() % 100000000), communes[rng() % 8], 1000000 + i,
                 static_cast<char>('A' + rng() % 26), rng() % 3 ? "oui" : "non");
  }
  std::fclose(f);
  return 0;
}
