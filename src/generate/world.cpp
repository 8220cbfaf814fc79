// The generator's vocabulary (data files) and the world it invents from it: donors and villages.
#include <algorithm>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "model.hpp"

namespace aidledger::generate {
namespace {

std::vector<std::string> split(std::string_view line, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = line.find(sep, start);
    out.emplace_back(line.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

// Non-comment, non-empty lines split at tabs.
std::vector<std::vector<std::string>> rows_of(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(split(line, '\t'));
  }
  return rows;
}

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

const std::vector<std::vector<std::string>>& Vocabulary::of(const std::string& category) const {
  auto it = words.find(category);
  if (it == words.end() || it->second.empty())
    throw std::runtime_error(fmt::format("data/corpus_vocabulary.tsv: no words of category '{}'", category));
  return it->second;
}

const std::vector<std::string>& Vocabulary::column(const std::string& category) const {
  auto it = first_words.find(category);
  if (it == first_words.end() || it->second.empty())
    throw std::runtime_error(fmt::format("data/corpus_vocabulary.tsv: no words of category '{}'", category));
  return it->second;
}

bool Vocabulary::holds_place_name(std::string_view name) const {
  if (name.find(county) != std::string_view::npos || name.find("卢氏") != std::string_view::npos) return true;
  for (const auto& t : townships)
    if (name.find(t.name) != std::string_view::npos || name.find(t.short_form) != std::string_view::npos) return true;
  return false;
}

Vocabulary Vocabulary::builtin() {
  Vocabulary v;
  std::vector<std::string> paired;
  std::string paired_donor;
  for (const auto& row : rows_of(data::gazetteer())) {
    if (row.size() >= 2 && row[0] == "county") v.county = row[1];
    else if (row.size() >= 2 && row[0] == "township") {
      std::string short_form = row.size() >= 4 && !row[3].empty() ? split(row[3], ',')[0] : row[1];
      v.townships.push_back({row[1], short_form});
    } else if (row.size() >= 2 && row[0] == "donor") paired_donor = row[1];
    else if (row.size() >= 2 && row[0] == "paired") paired.push_back(row[1]);
  }
  if (v.townships.size() < 4) throw std::runtime_error("data/gazetteer.tsv: fewer than 4 townships");

  // Districts: each canonical name of donor_aliases.tsv that names a district (ends in 区), with
  // the aliases an article may write. Aliases joining two bodies (党工委、管委会) are left out.
  for (const auto& row : rows_of(data::donor_aliases())) {
    if (row.size() < 2 || !ends_with(row[0], "区")) continue;
    auto it = std::find_if(v.districts.begin(), v.districts.end(), [&](const District& d) { return d.canonical == row[0]; });
    if (it == v.districts.end()) {
      v.districts.push_back({row[0], {}, {}, {}, false});
      it = v.districts.end() - 1;
    }
    const std::string& alias = row[1];
    if (alias.find("、") != std::string::npos || alias.rfind("区", 0) == 0) continue;  // 区管委会 is too vague alone
    if (std::find(it->written.begin(), it->written.end(), alias) == it->written.end()) it->written.push_back(alias);
    // The shortest alias ending in 区 prefixes its departments (高新区总工会).
    if (ends_with(alias, "区") && (it->short_form.empty() || alias.size() < it->short_form.size())) it->short_form = alias;
  }
  v.districts.erase(std::remove_if(v.districts.begin(), v.districts.end(),
                                   [](const District& d) { return d.written.empty() || d.short_form.empty(); }),
                    v.districts.end());
  if (v.districts.empty()) throw std::runtime_error("data/donor_aliases.tsv: no district names");
  for (auto& d : v.districts) {
    if (d.canonical != paired_donor) continue;
    for (const auto& name : paired)
      for (std::size_t t = 0; t < v.townships.size(); ++t)
        if (v.townships[t].name == name) d.paired.push_back(static_cast<int>(t));
    d.pairing_known = d.paired.size() == 2;
  }

  for (auto& row : rows_of(data::corpus_vocabulary())) {
    const std::string category = row[0];
    row.erase(row.begin());
    if (row.empty() || row[0].empty()) continue;
    v.first_words[category].push_back(row[0]);
    v.words[category].push_back(std::move(row));
  }
  // Rows with extra columns must have them all.
  for (const auto& [category, width] : std::vector<std::pair<std::string, std::size_t>>{{"goods", 4}, {"people", 3}})
    for (const auto& row : v.of(category))
      if (row.size() < width)
        throw std::runtime_error(fmt::format("data/corpus_vocabulary.tsv: '{}' ({}) needs {} columns after the category", row[0],
                                             category, width));
  return v;
}

void World::build(const Vocabulary& v, Rng& rng, std::size_t planned_pages) {
  vocab = &v;
  donors.clear();
  std::set<std::string> names;

  // Pairings the data do not give: the other townships in turns, two to a district.
  std::vector<int> free_townships;
  for (std::size_t t = 0; t < v.townships.size(); ++t) {
    bool taken = false;
    for (const auto& d : v.districts)
      if (d.pairing_known && std::find(d.paired.begin(), d.paired.end(), static_cast<int>(t)) != d.paired.end()) taken = true;
    if (!taken) free_townships.push_back(static_cast<int>(t));
  }
  rng.shuffle(free_townships);
  std::size_t next_free = 0;
  district_donors.assign(v.districts.size(), {});
  pairs.assign(v.districts.size(), {});
  for (std::size_t di = 0; di < v.districts.size(); ++di) {
    const auto& d = v.districts[di];
    if (d.pairing_known) {
      pairs[di] = d.paired;
    } else {
      for (int k = 0; k < 2; ++k) pairs[di].push_back(free_townships[next_free++ % free_townships.size()]);
      if (pairs[di][0] == pairs[di][1]) pairs[di].pop_back();
    }
    Donor district{DonorType::district, d.canonical, d.written, d.canonical, static_cast<int>(di), static_cast<int>(di)};
    district_donors[di].push_back(static_cast<int>(donors.size()));
    donors.push_back(district);
    names.insert(d.canonical);
    const auto avoid = v.first_words.count("avoid_name") ? v.column("avoid_name") : std::vector<std::string>{};
    for (const auto& dept : v.column("department")) {
      Donor x{DonorType::department, d.canonical + dept, {d.short_form + dept}, d.canonical + dept, static_cast<int>(di),
              static_cast<int>(di)};
      const std::string full = d.canonical + dept;
      if (d.canonical != d.short_form && std::find(avoid.begin(), avoid.end(), full) == avoid.end()) x.written.push_back(full);
      district_donors[di].push_back(static_cast<int>(donors.size()));
      donors.push_back(x);
    }
  }
  for (const auto& body : v.column("city_body")) {
    city_bodies.push_back(static_cast<int>(donors.size()));
    donors.push_back({DonorType::city_body, body, {body}, body, -1, -1});
  }
  for (const auto& field : v.column("society_field"))
    for (const auto& form : v.column("society_form")) {
      const std::string name = "郑州市" + field + form;
      societies.push_back(static_cast<int>(donors.size()));
      donors.push_back({DonorType::society, name, {name}, name, -1, -1});
    }

  // Companies: more for bigger corpora, so that no donor gives a thousand gifts; each with a core
  // of two characters no other company has, and no place name inside.
  const auto& region = v.column("company_region");
  const auto& first = v.column("company_first");
  const auto& second = v.column("company_second");
  const auto& trade = v.column("company_trade");
  const auto& form = v.column("company_form");
  const std::size_t wanted = std::min<std::size_t>(40 + planned_pages / 2, first.size() * second.size());
  std::set<std::string> cores;
  for (std::size_t tries = 0; companies.size() < wanted && tries < wanted * 20; ++tries) {
    const std::string core = rng.pick(first) + rng.pick(second);
    if (cores.count(core) || v.holds_place_name(core)) continue;
    const std::string name = rng.pick(region) + core + rng.pick(trade) + rng.pick(form);
    if (v.holds_place_name(name) || names.count(name)) continue;
    cores.insert(core);
    names.insert(name);
    companies.push_back(static_cast<int>(donors.size()));
    donors.push_back({DonorType::company, name, {name}, name, -1, static_cast<int>(rng.below(v.districts.size()))});
  }

  // Villages: six a township, each name once in the county and free of place names.
  const auto& vfirst = v.column("village_first");
  const auto& vsecond = v.column("village_second");
  std::set<std::string> village_names;
  villages.assign(v.townships.size(), {});
  for (std::size_t t = 0; t < v.townships.size(); ++t) {
    for (std::size_t tries = 0; villages[t].size() < 6 && tries < 400; ++tries) {
      const std::string name = rng.pick(vfirst) + rng.pick(vsecond) + "村";
      if (village_names.count(name) || v.holds_place_name(name)) continue;
      village_names.insert(name);
      villages[t].push_back(name);
    }
  }
}

std::int64_t Day::serial() const {
  // Howard Hinnant's days_from_civil.
  const int yy = y - (m <= 2);
  const int era = (yy >= 0 ? yy : yy - 399) / 400;
  const int yoe = yy - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

Day Day::from_serial(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  Day out;
  out.d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.y = static_cast<int>(yoe + era * 400 + (out.m <= 2));
  return out;
}

int Day::weekday() const {
  const std::int64_t z = serial();
  return static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

}  // namespace aidledger::generate
