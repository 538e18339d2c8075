#include "referentials/rome.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <iterator>

#include "base/text.h"
#include "referentials/memory.h"
#include "referentials/source.h"

namespace jalon::referentials {

namespace {

std::string path_of(const std::string& dir, const char* name) {
  return dir + "/unix_" + name + "_v460_utf8.csv";
}

// Small words skipped in job-title search, on both sides (titles and queries).
bool stop_word(std::string_view w) {
  static constexpr std::string_view words[] = {"a",  "au", "aux", "d",  "de", "des", "du",  "en",   "et", "l",
                                               "la", "le", "les", "ou", "un", "une", "sur", "pour", "par"};
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> words = search_words(text);
  words.erase(std::remove_if(words.begin(), words.end(), [](const std::string& w) { return stop_word(w); }),
              words.end());
  return words;
}

std::string join(const std::vector<std::string>& words, std::size_t from = 0, std::size_t to = std::string::npos) {
  std::string s;
  for (std::size_t i = from; i < std::min(to, words.size()); ++i) {
    if (!s.empty()) s.push_back(' ');
    s += words[i];
  }
  return s;
}

std::vector<std::string_view> split_key(std::string_view key) {
  std::vector<std::string_view> out;
  while (!key.empty()) {
    auto sp = key.find(' ');
    out.push_back(key.substr(0, sp));
    if (sp == std::string_view::npos) break;
    key.remove_prefix(sp + 1);
  }
  return out;
}

template <class T>
const T* find_by_code(const std::vector<T>& v, std::string_view code) {
  auto it = std::lower_bound(v.begin(), v.end(), code, [](const T& e, std::string_view c) { return e.code < c; });
  return it != v.end() && it->code == code ? &*it : nullptr;
}

template <class T>
const T* find_by_number(const std::vector<T>& v, std::uint32_t code) {
  auto it = std::lower_bound(v.begin(), v.end(), code, [](const T& e, std::uint32_t c) { return e.code < c; });
  return it != v.end() && it->code == code ? &*it : nullptr;
}

bool rome_code(std::string_view s) {
  return s.size() == 5 && s[0] >= 'A' && s[0] <= 'Z' &&
         std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Groups `items` (each with an occupation index) into a flat vector and per-occupation offsets.
template <class T>
void group(std::vector<std::pair<std::uint32_t, T>>& items, std::size_t occupations, std::vector<T>& flat,
           std::vector<std::uint32_t>& begin) {
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  flat.clear();
  flat.reserve(items.size());
  begin.assign(occupations + 1, 0);
  for (const auto& [o, item] : items) {
    ++begin[o + 1];
    flat.push_back(item);
  }
  for (std::size_t i = 1; i < begin.size(); ++i) begin[i] += begin[i - 1];
}

}  // namespace

void Rome::load(const std::string& dir) {
  load_tree(dir);
  load_occupations(dir);
  load_job_titles(dir);
  load_skills(dir);
  load_mobility(dir);
}

void Rome::load_tree(const std::string& dir) {
  SourceTable g(path_of(dir, "grand_domaine"));
  const std::size_t g_code = g.column("code_grand_domaine"), g_label = g.column("libelle_grand_domaine");
  for (const auto& row : g.rows()) {
    grand_domains_.push_back({g.required(row, g_code), g.required(row, g_label)});
    if (grand_domains_.back().code.size() != 1) g.fail(row, "code de grand domaine invalide");
  }
  std::sort(grand_domains_.begin(), grand_domains_.end(), [](auto& a, auto& b) { return a.code < b.code; });
  SourceTable d(path_of(dir, "domaine_professionnel"));
  const std::size_t d_code = d.column("code_domaine_professionnel"),
                    d_label = d.column("libelle_domaine_professionnel");
  for (const auto& row : d.rows()) {
    Domain dom{d.required(row, d_code), d.required(row, d_label), nullptr};
    // ROME codes nest by prefix: domain K22 belongs to large domain K.
    dom.grand_domain = grand_domain(dom.code.substr(0, 1));
    if (dom.code.size() != 3 || !dom.grand_domain) d.fail(row, "domaine « " + dom.code + " » sans grand domaine connu");
    domains_.push_back(std::move(dom));
  }
  std::sort(domains_.begin(), domains_.end(), [](auto& a, auto& b) { return a.code < b.code; });
}

void Rome::load_occupations(const std::string& dir) {
  SourceTable t(path_of(dir, "referentiel_code_rome"));
  const std::size_t c_code = t.column("code_rome"), c_label = t.column("libelle_rome");
  for (const auto& row : t.rows()) {
    Occupation o{t.required(row, c_code), t.required(row, c_label), nullptr};
    if (!rome_code(o.code)) t.fail(row, "code ROME « " + o.code + " » invalide");
    occupations_.push_back(std::move(o));
  }
  std::sort(occupations_.begin(), occupations_.end(), [](auto& a, auto& b) { return a.code < b.code; });
  for (std::size_t i = 1; i < occupations_.size(); ++i)
    if (occupations_[i].code == occupations_[i - 1].code)
      fail(t.path(), "code ROME « " + occupations_[i].code + " » en double");

  // The tree: each occupation's professional domain, as the export states it.
  SourceTable tree(path_of(dir, "cr_gd_dp"));
  const std::size_t r_code = tree.column("code_rome"), r_gd = tree.column("code_grand_domaine"),
                    r_dp = tree.column("code_domaine_professionel");
  for (const auto& row : tree.rows()) {
    const std::string& code = tree.required(row, r_code);
    auto o =
        std::lower_bound(occupations_.begin(), occupations_.end(), code, [](auto& x, auto& c) { return x.code < c; });
    if (o == occupations_.end() || o->code != code)
      tree.fail(row, "code ROME « " + tree.field(row, r_code) + " » absent de unix_referentiel_code_rome");
    const Domain* dom = domain(tree.required(row, r_dp));
    if (!dom) tree.fail(row, "domaine « " + tree.field(row, r_dp) + " » absent de unix_domaine_professionnel");
    if (dom->grand_domain->code != tree.required(row, r_gd))
      tree.fail(row, "grand domaine « " + tree.field(row, r_gd) + " » différent de celui du domaine " + dom->code);
    o->domain = dom;
  }
  for (const auto& o : occupations_)
    if (!o.domain) fail(tree.path(), "le code ROME « " + o.code + " » n'a pas de domaine");
}

void Rome::load_job_titles(const std::string& dir) {
  SourceTable t(path_of(dir, "referentiel_appellation"));
  const std::size_t c_code = t.column("code_ogr"), c_label = t.column("libelle_appellation_long"),
                    c_short = t.column("libelle_appellation_court"), c_rome = t.column("code_rome"),
                    c_class = t.column("classification"), c_rare = t.column("peu_usite");
  job_titles_.reserve(t.rows().size());
  for (const auto& row : t.rows()) {
    JobTitle j;
    j.code = static_cast<std::uint32_t>(t.number(row, c_code));
    j.label = t.required(row, c_label);
    j.short_label = t.field(row, c_short);
    j.occupation = find(t.required(row, c_rome));
    if (!j.occupation) t.fail(row, "code ROME « " + t.field(row, c_rome) + " » absent de unix_referentiel_code_rome");
    j.main = t.field(row, c_class) == "PRINCIPALE";
    j.rarely_used = t.field(row, c_rare) == "O";
    job_titles_.push_back(std::move(j));
  }
  std::sort(job_titles_.begin(), job_titles_.end(), [](auto& a, auto& b) { return a.code < b.code; });
  for (std::size_t i = 1; i < job_titles_.size(); ++i)
    if (job_titles_[i].code == job_titles_[i - 1].code)
      fail(t.path(), "appellation « " + std::to_string(job_titles_[i].code) + " » en double");

  std::vector<std::pair<std::uint32_t, const JobTitle*>> by_occupation;
  for (const auto& j : job_titles_) by_occupation.emplace_back(static_cast<std::uint32_t>(index_of(*j.occupation)), &j);
  std::sort(by_occupation.begin(), by_occupation.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second->main != b.second->main) return a.second->main;
    return a.second->label < b.second->label;
  });
  group(by_occupation, occupations_.size(), titles_by_occupation_, titles_begin_);

  // The search index: every content word of a title, and its masculine and feminine forms.
  // "Assistant coiffeur / Assistante coiffeuse spectacle" reads as "assistant coiffeur
  // spectacle" and "assistante coiffeuse spectacle": the words before " / " are replaced by as
  // many words after it.
  forms_.reserve(job_titles_.size());
  for (std::uint32_t i = 0; i < job_titles_.size(); ++i) {
    const std::string& label = job_titles_[i].label;
    std::vector<std::string> words = content_words(label);
    std::string key = join(words);
    std::uint32_t base = words_.store(key), pos = 0;
    for (std::uint32_t w = 0; w < words.size(); ++w) {
      words_.add(base + pos, static_cast<std::uint32_t>(words[w].size()), i, w);
      pos += static_cast<std::uint32_t>(words[w].size()) + 1;
    }
    std::string masculine = key, feminine = key;
    if (auto slash = label.find(" / "); slash != std::string::npos) {
      std::vector<std::string> left = content_words(std::string_view(label).substr(0, slash));
      std::vector<std::string> right = content_words(std::string_view(label).substr(slash + 3));
      feminine = join(right);
      if (left.size() <= right.size()) {
        std::vector<std::string> m = left;
        m.insert(m.end(), right.begin() + static_cast<std::ptrdiff_t>(left.size()), right.end());
        masculine = join(m);
      }
    }
    // A form equal to the whole key (a title without " / ") points at the key's own text.
    auto keep = [&](const std::string& form) { return form == key ? base : words_.store(form); };
    Forms f{};
    f.masculine_offset = keep(masculine);
    f.masculine_length = static_cast<std::uint32_t>(masculine.size());
    f.feminine_offset = keep(feminine);
    f.feminine_length = static_cast<std::uint32_t>(feminine.size());
    forms_.push_back(f);
  }
  words_.sort();
}

void Rome::load_skills(const std::string& dir) {
  // Which items each occupation links to, and how central they are.
  SourceTable coherence(path_of(dir, "coherence_item"));
  const std::size_t c_rome = coherence.column("code_rome"), c_ogr = coherence.column("code_ogr"),
                    c_weight = coherence.column("coeur_metier");
  struct Link {
    std::uint32_t occupation, item;
    SkillWeight weight;
    const csv::Row* row;
  };
  std::vector<Link> links;
  links.reserve(coherence.rows().size());
  for (const auto& row : coherence.rows()) {
    const Occupation* o = find(coherence.required(row, c_rome));
    if (!o)
      coherence.fail(row, "code ROME « " + coherence.field(row, c_rome) + " » absent de unix_referentiel_code_rome");
    const std::string& w = coherence.field(row, c_weight);
    SkillWeight weight = SkillWeight::other;
    if (w == "Principale")
      weight = SkillWeight::principal;
    else if (w == "Émergente")
      weight = SkillWeight::emerging;
    else if (!w.empty())
      coherence.fail(row, "coeur_metier « " + w + " » inconnu");
    links.push_back({static_cast<std::uint32_t>(index_of(*o)), static_cast<std::uint32_t>(coherence.number(row, c_ogr)),
                     weight, &row});
  }
  std::vector<std::uint32_t> needed;
  for (const auto& l : links) needed.push_back(l.item);
  std::sort(needed.begin(), needed.end());
  needed.erase(std::unique(needed.begin(), needed.end()), needed.end());

  // Labels and kinds of the linked items. Items of no rubric are work contexts (hours, places),
  // not skills: they are left out.
  SourceTable items(path_of(dir, "item"));
  const std::size_t i_code = items.column("code_ogr"), i_label = items.column("libelle"),
                    i_rubric = items.column("code_rubrique");
  std::vector<std::uint32_t> work_contexts;
  for (const auto& row : items.rows()) {
    auto code = static_cast<std::uint32_t>(items.number(row, i_code));
    if (!std::binary_search(needed.begin(), needed.end(), code)) continue;
    const std::string& rubric = items.field(row, i_rubric);
    if (rubric.empty()) {
      work_contexts.push_back(code);
      continue;
    }
    SkillKind kind = SkillKind::know_how;
    if (rubric == "2")
      kind = SkillKind::soft_skill;
    else if (rubric == "3")
      kind = SkillKind::knowledge;
    else if (rubric != "1")
      items.fail(row, "code_rubrique « " + rubric + " » inconnu");
    skills_.push_back({code, kind, items.required(row, i_label)});
  }
  std::sort(skills_.begin(), skills_.end(), [](auto& a, auto& b) { return a.code < b.code; });
  std::sort(work_contexts.begin(), work_contexts.end());

  std::vector<std::pair<std::uint32_t, OccupationSkill>> grouped;
  grouped.reserve(links.size());
  for (const auto& l : links) {
    const Skill* s = skill(l.item);
    if (s)
      grouped.push_back({l.occupation, {s, l.weight}});
    else if (!std::binary_search(work_contexts.begin(), work_contexts.end(), l.item))
      coherence.fail(*l.row, "code OGR « " + std::to_string(l.item) + " » absent de unix_item");
  }
  std::sort(grouped.begin(), grouped.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    if (a.second.weight != b.second.weight) return a.second.weight < b.second.weight;
    if (a.second.skill->kind != b.second.skill->kind) return a.second.skill->kind < b.second.skill->kind;
    return a.second.skill->label < b.second.skill->label;
  });
  group(grouped, occupations_.size(), occupation_skills_, skills_begin_);
}

void Rome::load_mobility(const std::string& dir) {
  SourceTable t(path_of(dir, "rubrique_mobilite"));
  const std::size_t c_from = t.column("code_rome"), c_to = t.column("code_rome_cible"),
                    c_order = t.column("numero_ordre");
  std::vector<std::pair<std::uint32_t, Mobility>> edges;
  edges.reserve(t.rows().size());
  for (const auto& row : t.rows()) {
    const Occupation* from = find(t.required(row, c_from));
    const Occupation* to = find(t.required(row, c_to));
    if (!from || !to) t.fail(row, "code ROME absent de unix_referentiel_code_rome");
    edges.push_back({static_cast<std::uint32_t>(index_of(*from)), {to, static_cast<int>(t.number(row, c_order))}});
  }
  std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
    return a.first != b.first                 ? a.first < b.first
           : a.second.order != b.second.order ? a.second.order < b.second.order
                                              : a.second.target->code < b.second.target->code;
  });
  group(edges, occupations_.size(), mobilities_, mobility_begin_);
}

const Occupation* Rome::find(std::string_view code) const {
  return find_by_code(occupations_, code);
}

const JobTitle* Rome::job_title(std::uint32_t code) const {
  return find_by_number(job_titles_, code);
}

const JobTitle* Rome::job_title(std::string_view code) const {
  std::uint32_t n = 0;
  auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), n);
  if (code.empty() || ec != std::errc() || end != code.data() + code.size()) return nullptr;
  return job_title(n);
}

std::span<const JobTitle* const> Rome::job_titles(const Occupation& o) const {
  std::size_t i = index_of(o);
  return std::span<const JobTitle* const>(titles_by_occupation_)
      .subspan(titles_begin_[i], titles_begin_[i + 1] - titles_begin_[i]);
}

std::span<const OccupationSkill> Rome::skills(const Occupation& o) const {
  std::size_t i = index_of(o);
  return std::span<const OccupationSkill>(occupation_skills_)
      .subspan(skills_begin_[i], skills_begin_[i + 1] - skills_begin_[i]);
}

std::span<const Mobility> Rome::mobility(const Occupation& o) const {
  std::size_t i = index_of(o);
  return std::span<const Mobility>(mobilities_)
      .subspan(mobility_begin_[i], mobility_begin_[i + 1] - mobility_begin_[i]);
}

const Domain* Rome::domain(std::string_view code) const {
  return find_by_code(domains_, code);
}

const GrandDomain* Rome::grand_domain(std::string_view code) const {
  return find_by_code(grand_domains_, code);
}

std::vector<const Occupation*> Rome::in_domain(const Domain& d) const {
  std::vector<const Occupation*> out;
  for (const auto& o : occupations_)
    if (o.domain == &d) out.push_back(&o);
  return out;
}

const Skill* Rome::skill(std::uint32_t code) const {
  return find_by_number(skills_, code);
}

const JobTitle* Rome::named(std::string_view words) const {
  auto found = search(words, 10);
  if (found.size() == 1) return found.front();
  std::string folded = text::fold(words);
  for (const auto* j : found) {
    std::string label = text::fold(j->label);
    if (label == folded || label.rfind(folded + " / ", 0) == 0) return j;
  }
  return nullptr;
}

std::vector<const JobTitle*> Rome::search(std::string_view query, std::size_t limit) const {
  limit = std::min(limit, kMaxResults);
  std::string trimmed = text::trim(query);
  std::vector<const JobTitle*> out;
  if (limit == 0 || trimmed.empty()) return out;
  if (trimmed.size() == 5) {
    std::string code = trimmed;
    code[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(code[0])));
    if (const Occupation* o = rome_code(code) ? find(code) : nullptr) {
      for (const JobTitle* j : job_titles(*o)) {
        if (out.size() == limit) break;
        out.push_back(j);
      }
      return out;
    }
  }
  std::vector<std::string> words = content_words(trimmed);
  if (words.empty()) words = search_words(trimmed);  // a query of small words only ("de la")
  if (words.empty()) return out;

  // Titles where every query word starts a word of the title.
  std::vector<std::uint32_t> matches;
  for (std::size_t w = 0; w < words.size(); ++w) {
    std::vector<std::uint32_t> ids;
    words_.for_prefix(words[w], [&](std::uint32_t id, std::uint32_t, std::string_view) { ids.push_back(id); });
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (w == 0) {
      matches = std::move(ids);
    } else {
      std::vector<std::uint32_t> both;
      std::set_intersection(matches.begin(), matches.end(), ids.begin(), ids.end(), std::back_inserter(both));
      matches = std::move(both);
    }
    if (matches.empty()) return out;
  }

  struct Ranked {
    std::uint32_t id;
    std::uint32_t tier;   // 0 a form equals the query, 1 a form starts with it, 2 other
    std::uint32_t words;  // words of the shorter form
  };
  std::vector<Ranked> ranked;
  ranked.reserve(matches.size());
  for (std::uint32_t id : matches) {
    Ranked r{id, 2, ~0u};
    const Forms& f = forms_[id];
    for (std::string_view form :
         {words_.text(f.masculine_offset, f.masculine_length), words_.text(f.feminine_offset, f.feminine_length)}) {
      std::vector<std::string_view> fw = split_key(form);
      r.words = std::min(r.words, static_cast<std::uint32_t>(fw.size()));
      if (fw.size() < words.size()) continue;
      bool starts = true, equal = fw.size() == words.size();
      for (std::size_t i = 0; i < words.size() && starts; ++i) {
        starts = fw[i].substr(0, words[i].size()) == words[i];
        equal = equal && fw[i] == words[i];
      }
      if (starts) r.tier = std::min(r.tier, equal ? 0u : 1u);
    }
    ranked.push_back(r);
  }
  auto better = [this](const Ranked& a, const Ranked& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    if (a.words != b.words) return a.words < b.words;
    const JobTitle &ja = job_titles_[a.id], &jb = job_titles_[b.id];
    if (ja.main != jb.main) return ja.main;
    if (ja.rarely_used != jb.rarely_used) return jb.rarely_used;
    const Forms &fa = forms_[a.id], &fb = forms_[b.id];
    return words_.text(fa.masculine_offset, fa.masculine_length) <
           words_.text(fb.masculine_offset, fb.masculine_length);
  };
  std::size_t n = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(n), ranked.end(), better);
  for (std::size_t i = 0; i < n; ++i) out.push_back(&job_titles_[ranked[i].id]);
  return out;
}

std::size_t Rome::memory_bytes() const {
  std::size_t n = sizeof(*this) + vector_bytes(grand_domains_) + vector_bytes(domains_) + vector_bytes(occupations_) +
                  vector_bytes(job_titles_) + vector_bytes(titles_by_occupation_) + vector_bytes(titles_begin_) +
                  vector_bytes(skills_) + vector_bytes(occupation_skills_) + vector_bytes(skills_begin_) +
                  vector_bytes(mobilities_) + vector_bytes(mobility_begin_) + words_.memory_bytes() +
                  vector_bytes(forms_);
  for (const auto& g : grand_domains_) n += string_bytes(g.label);
  for (const auto& d : domains_) n += string_bytes(d.label);
  for (const auto& o : occupations_) n += string_bytes(o.label);
  for (const auto& j : job_titles_) n += string_bytes(j.label) + string_bytes(j.short_label);
  for (const auto& s : skills_) n += string_bytes(s.label);
  return n;
}

}  // namespace jalon::referentials
