#include "aidledger/extract/places.hpp"

#include <algorithm>
#include <unordered_map>
#include <stdexcept>

#include <fmt/format.h>

#include "aidledger/text/decode.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::data {
std::string_view gazetteer();
}

namespace aidledger::extract {
namespace {

using text::code_point_at;
using text::code_point_before;
using text::ends_at;
using text::next_code_point;
using text::previous_code_point_start;
using text::starts_at;

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

struct LocalSuffix {
  std::string_view word;
  PlaceLevel level;
};
// Longest first so 中心小学 is not read as 小学.
constexpr LocalSuffix kLocalSuffixes[] = {
    {"中心小学", PlaceLevel::school}, {"中心校", PlaceLevel::school}, {"小学", PlaceLevel::school},
    {"中学", PlaceLevel::school},     {"初中", PlaceLevel::school},   {"学校", PlaceLevel::school},
    {"幼儿园", PlaceLevel::school},   {"卫生院", PlaceLevel::clinic}, {"卫生室", PlaceLevel::clinic},
    {"敬老院", PlaceLevel::clinic},   {"养老院", PlaceLevel::clinic}, {"幸福院", PlaceLevel::clinic},
    // (A township's own services: 徐家湾乡供销社, 双龙湾镇文化站.)
    {"供销社", PlaceLevel::clinic},   {"综合文化站", PlaceLevel::clinic}, {"文化站", PlaceLevel::clinic},
    {"社区", PlaceLevel::village},    {"村", PlaceLevel::village},
};

// Words that end a place name on its left.
bool is_name_boundary(char32_t cp) {
  static constexpr std::u32string_view stops = U"、和与及向为给对到在的了着是把从由等各该其这那共还并也将已同赴来去往至捐赠送元交";
  return !text::is_han(cp) || stops.find(cp) != std::u32string_view::npos;
}
// Administrative endings: a place name starts after them (某某办事处东坡村 -> 东坡村).
bool is_admin_ending(char32_t cp) {
  static constexpr std::u32string_view ends = U"乡镇县区市省处";
  return ends.find(cp) != std::u32string_view::npos;
}

bool is_generic_name(std::string_view name) {
  for (std::string_view g : {"中心", "当地", "全", "两", "两地", "三地", "本", "该", "附近", "贫困", "帮扶", "结对", "农", "山",
                             "驻", "进", "各", "乡", "新农", "美丽乡", "示范", "重点", "所在", "试点", "全体",
                             "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "多", "几", "每", "所"})
    if (name == g) return true;
  if (name.find("委会") != std::string_view::npos || name.find("村委") != std::string_view::npos) return true;
  if (text::ends_at(name, name.size(), "中心")) return true;  // 4所中心小学: a kind of school, not a name
  for (std::string_view counter : {"所", "个", "名", "家", "座"}) {
    if (starts_at(name, 0, counter)) return true;
    // (两家敬老院, 三所小学: a count of them, no name.)
    const std::size_t second = text::code_point_at(name, 0) < 0x80 ? 1 : std::string_view("两").size();
    if (std::u32string_view(U"一二两三四五六七八九十0123456789").find(text::code_point_at(name, 0)) != std::u32string_view::npos &&
        starts_at(name, second, counter))
      return true;
  }
  const char32_t last = code_point_before(name, name.size());
  return last == U'农' || last == U'乡' || last == U'山' || last == U'所';
}

// 村 not naming a village: 村委会, 村民, 村干部, 村级 …
bool village_word_continues(std::string_view s, std::size_t after) {
  static constexpr std::u32string_view next = U"委民干级集内里容落庄规部组支两务医";
  const char32_t cp = code_point_at(s, after);
  return next.find(cp) != std::u32string_view::npos;
}

}  // namespace

std::string_view to_string(PlaceLevel l) {
  switch (l) {
    case PlaceLevel::county: return "county";
    case PlaceLevel::township: return "township";
    case PlaceLevel::village: return "village";
    case PlaceLevel::school: return "school";
    case PlaceLevel::clinic: return "clinic";
    case PlaceLevel::collective: return "collective";
  }
  return "township";
}

Gazetteer Gazetteer::parse(std::string_view tsv, std::string_view source) {
  Gazetteer g;
  int line_no = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto cols = split(line, '\t');
    if (cols.size() >= 2 && cols[0] == "paired") {
      g.paired_.push_back(text::to_simplified(cols[1]));
      continue;
    }
    if (cols.size() >= 2 && cols[0] == "donor") {
      g.pairing_donor_ = text::to_simplified(cols[1]);
      continue;
    }
    if (cols.size() < 3)
      throw std::runtime_error(fmt::format("{}:{}: expected level, name, parent and short forms separated by tabs", source, line_no));
    GazetteerEntry e;
    e.level = std::string(cols[0]);
    if (e.level != "county" && e.level != "township" && e.level != "village" && e.level != "school" && e.level != "clinic")
      throw std::runtime_error(fmt::format("{}:{}: unknown level '{}' (county, township, village, school, clinic)", source, line_no, e.level));
    e.name = text::to_simplified(cols[1]);
    e.parent = text::to_simplified(cols[2]);
    if (cols.size() > 3)
      for (std::string_view f : split(cols[3], ','))
        if (!text::trim(f).empty()) e.short_forms.push_back(text::to_simplified(text::trim(f)));
    g.entries_.push_back(std::move(e));
  }
  return g;
}

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer g = parse(data::gazetteer(), "data/gazetteer.tsv");
  return g;
}

std::vector<std::string> Gazetteer::townships() const {
  std::vector<std::string> out;
  for (const auto& e : entries_)
    if (e.level == "township") out.push_back(e.name);
  return out;
}

std::vector<std::string> Gazetteer::report_order() const {
  std::vector<std::string> out = paired_;
  for (const auto& t : townships())
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  return out;
}

std::string Gazetteer::county() const {
  for (const auto& e : entries_)
    if (e.level == "county") return e.name;
  return {};
}

std::optional<std::string> Gazetteer::township_of(std::string_view name) const {
  for (const auto& e : entries_) {
    const bool matches = e.name == name || std::find(e.short_forms.begin(), e.short_forms.end(), name) != e.short_forms.end();
    if (!matches) continue;
    if (e.level == "township") return e.name;
    if (e.level != "county") return e.parent;
  }
  return std::nullopt;
}

std::vector<std::string> Gazetteer::suggest(std::string_view query, std::size_t max) const {
  // Rank by shared characters (a query in any script, with or without its 乡/镇 ending).
  const std::string q = text::to_simplified(query);
  std::vector<std::pair<int, std::string>> scored;
  for (const auto& e : entries_) {
    if (e.level != "township") continue;
    int shared = 0;
    for (std::size_t i = 0; i < q.size();) {
      const std::size_t at = i;
      next_code_point(q, i);
      if (e.name.find(q.substr(at, i - at)) != std::string::npos) ++shared;
    }
    if (shared > 0) scored.emplace_back(shared, e.name);
  }
  std::stable_sort(scored.begin(), scored.end(), [](auto& a, auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (auto& [score, name] : scored) {
    if (out.size() == max) break;
    out.push_back(name);
  }
  return out;
}

const CorpusPlaces::Entry* CorpusPlaces::find(std::string_view name) const {
  const auto it = entries_.find(name);
  return it == entries_.end() || it->second.ambiguous ? nullptr : &it->second;
}

void CorpusPlaces::add(const std::string& name, const std::string& township, const std::string& source) {
  auto [it, fresh] = entries_.try_emplace(name, Entry{township, source, false});
  if (!fresh && it->second.township != township) it->second.ambiguous = true;
}

namespace {
// The village a school or clinic is named after (东坪村小学 -> 东坪村); empty when none.
std::string_view village_of(std::string_view name) {
  const std::size_t cun = name.rfind("村");
  return cun != std::string_view::npos && cun + 3 < name.size() ? name.substr(0, cun + 3) : std::string_view{};
}
}  // namespace

std::optional<std::string> PlaceFinder::resolve_local(std::string_view name) const {
  // A school or clinic named after a village (东坪村小学) lies where the village does.
  const std::string_view village = village_of(name);
  if (auto it = learned_.find(name); it != learned_.end()) return it->second;
  if (auto it = learned_.find(village); !village.empty() && it != learned_.end()) return it->second;
  if (auto t = gazetteer_.township_of(name)) return t;
  if (corpus_) {
    if (const auto* e = corpus_->find(name)) return e->township;
    if (const auto* e = village.empty() ? nullptr : corpus_->find(village)) return e->township;
  }
  // A school or clinic named after a village without 村 (龙驹小学 for 龙驹村): where that village is.
  if (village.empty())
    for (const auto& suffix : kLocalSuffixes) {
      if (suffix.level == PlaceLevel::village || !text::ends_at(name, name.size(), suffix.word)) continue;
      const std::string_view stem = name.substr(0, name.size() - suffix.word.size());
      if (text::code_point_count(stem) < 2) break;
      const std::string as_village = std::string(stem) + "村";
      if (auto it = learned_.find(as_village); it != learned_.end()) return it->second;
      if (auto t = gazetteer_.township_of(as_village)) return t;
      if (const auto* e = corpus_ ? corpus_->find(as_village) : nullptr) return e->township;
      break;
    }
  // A village or school named after its township (木桐小学, 木桐村).
  for (const auto& e : gazetteer_.entries()) {
    if (e.level != "township") continue;
    if (starts_at(name, 0, e.name)) return e.name;
    for (const auto& f : e.short_forms)
      if (starts_at(name, 0, f) && name.size() > f.size()) return e.name;
  }
  return std::nullopt;
}

namespace {

// A township name right at `at`: two or three Han characters and 镇 or 乡; its end, or npos.
std::size_t township_name_end(std::string_view s, std::size_t at) {
  std::size_t i = at;
  bool numeral_first = false;
  for (int chars = 0; chars < 4 && i < s.size(); ++chars) {
    const char32_t cp = next_code_point(s, i);
    if (!text::is_han(cp)) return std::string_view::npos;
    if (cp == U'镇' || cp == U'乡') return chars >= (numeral_first ? 3 : 2) ? i : std::string_view::npos;
    // Words of quantity start no name (一乡一镇, 两镇, 各乡镇, 三个乡); a numeral may, in a name of
    // three characters or more that counts nothing (四棵树乡, 五里川镇).
    const bool numeral = std::u32string_view(U"一二两三四五六七八九十").find(cp) != std::u32string_view::npos;
    if (chars == 0 && numeral) {
      numeral_first = true;
      continue;
    }
    if (chars == 1 && numeral_first && std::u32string_view(U"个家所大乡镇").find(cp) != std::u32string_view::npos) return std::string_view::npos;
    // (十八盘乡: a number of two numerals may start it too.)
    if (chars == 1 && numeral_first && numeral) continue;
    if (std::u32string_view(U"一二两三四五六七八九十几多各每全该本城").find(cp) != std::u32string_view::npos) return std::string_view::npos;
    // (定向拨付到镇: words of moving money hold no township's name.)
    if (std::u32string_view(U"到往至拨付捐赠送交").find(cp) != std::u32string_view::npos) return std::string_view::npos;
  }
  return std::string_view::npos;
}

bool speaks_of_pairing(std::string_view sentence) {
  for (std::string_view w : {"结对", "帮扶", "对口", "协作", "捐赠", "援建", "捐建"})
    if (sentence.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

PlaceFinder::PlaceFinder(const Gazetteer& g) : gazetteer_(g) {
  for (const auto& e : gazetteer_.entries()) {
    if (e.level != "township" && e.level != "county") continue;
    const PlaceLevel level = e.level == "county" ? PlaceLevel::county : PlaceLevel::township;
    const std::string township = level == PlaceLevel::township ? e.name : std::string{};
    index_name(e.name, township, level, false);
    for (const auto& f : e.short_forms) index_name(f, township, level, true);
  }
}

void PlaceFinder::index_name(std::string text, std::string township, PlaceLevel level, bool short_form) {
  if (text.empty()) return;
  std::size_t i = 0;
  const char32_t first = next_code_point(text, i);
  if (first < 0x10000) first_chars_[first] = true;
  names_by_first_char_[first].push_back({std::move(text), std::move(township), level, short_form});
}

void PlaceFinder::learn(std::string_view page_text) {
  // Townships of a county outside the gazetteer, from pairing sentences: X县Y镇(、Z乡…).
  // (…赴台前县夹河乡考察对接。…与夹河乡签订帮扶协议: the sentence before one of pairing counts too.)
  std::vector<std::string_view> sentences;
  for (std::size_t start = 0; start < page_text.size();) {
    std::size_t end = page_text.find("。", start);
    end = end == std::string_view::npos ? page_text.size() : end + 3;
    sentences.push_back(page_text.substr(start, end - start));
    start = end;
  }
  auto learn_township = [&](const std::string& name) {
    if (!gazetteer_.township_of(name) && std::find(learned_townships_.begin(), learned_townships_.end(), name) == learned_townships_.end()) {
      learned_townships_.push_back(name);
      index_name(name, name, PlaceLevel::township, false);
    }
  };
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const std::string_view sentence = sentences[i];
    if (!speaks_of_pairing(sentence) && !(i + 1 < sentences.size() && speaks_of_pairing(sentences[i + 1]))) continue;
    bool county_named = false;
    for (std::size_t at = sentence.find("县"); at != std::string_view::npos; at = sentence.find("县", at + 3)) {
      // (赴嵩县开展对口帮扶，向车村镇…: a county named by its name, not 全县/该县, counts.)
      if (at >= 3 && text::is_han(text::code_point_before(sentence, at)) &&
          std::u32string_view(U"全该本各我外").find(text::code_point_before(sentence, at)) == std::u32string_view::npos)
        county_named = true;
      std::size_t pos = at + 3;
      for (std::size_t t; (t = township_name_end(sentence, pos)) != std::string_view::npos;) {
        learn_township(std::string(sentence.substr(pos, t - pos)));
        county_named = true;
        if (starts_at(sentence, t, "、")) pos = t + 3;
        else if (starts_at(sentence, t, "和") || starts_at(sentence, t, "及") || starts_at(sentence, t, "与")) pos = t + 3;
        else break;
      }
    }
    // …向嵩县车村镇捐赠…；向白河镇捐赠…: more townships of that county given to in the sentence.
    // (…向车村镇、木植街乡分别捐赠…: and the townships listed after it.)
    if (county_named)
      for (std::string_view marker : {"向", "为", "给"})
        for (std::size_t at = sentence.find(marker); at != std::string_view::npos; at = sentence.find(marker, at + marker.size()))
          for (std::size_t pos = at + marker.size(), t; (t = township_name_end(sentence, pos)) != std::string_view::npos;) {
            learn_township(std::string(sentence.substr(pos, t - pos)));
            if (!starts_at(sentence, t, "、") && !starts_at(sentence, t, "和") && !starts_at(sentence, t, "及")) break;
            pos = t + 3;
          }
  }
  // (范县金堤镇、黄营乡各15万元, in any sentence: a list after a township already learned goes on
  // with townships of that county.)
  for (std::size_t at = page_text.find("县"); at != std::string_view::npos; at = page_text.find("县", at + 3)) {
    std::size_t pos = at + 3;
    const std::size_t first = township_name_end(page_text, pos);
    if (first == std::string_view::npos) continue;
    const std::string name(page_text.substr(pos, first - pos));
    if (std::find(learned_townships_.begin(), learned_townships_.end(), name) == learned_townships_.end()) continue;
    for (std::size_t t = first; starts_at(page_text, t, "、") || starts_at(page_text, t, "和") || starts_at(page_text, t, "及");) {
      pos = t + 3;
      t = township_name_end(page_text, pos);
      if (t == std::string_view::npos) break;
      learn_township(std::string(page_text.substr(pos, t - pos)));
    }
  }
  const std::vector<PlaceMention> mentions = find(page_text);
  for (const PlaceMention& m : mentions) {
    if (m.level == PlaceLevel::village || m.level == PlaceLevel::school || m.level == PlaceLevel::clinic) {
      // What the text itself says (a township right before it, or a list it is in) holds for
      // the rest of the page.
      if (!m.township.empty() && !learned_.count(m.name)) learned_.emplace(m.name, m.township);
      // 双龙湾镇河口村小学 teaches that 河口村 lies in 双龙湾镇 too.
      if (!m.township.empty() && m.level != PlaceLevel::village)
        if (const std::size_t cun = m.name.find("村"); cun != std::string::npos && cun > 0) {
          const std::string village = m.name.substr(0, cun + std::string_view("村").size());
          if (!learned_.count(village)) learned_.emplace(village, m.township);
        }
    }
  }
  // A village named in a sentence that names one township and no other (与甲乡签订协议…用于乙村…)
  // lies in it, unless the page says otherwise.
  std::size_t first = 0;
  while (first < mentions.size()) {
    const std::size_t stop = page_text.find("。", mentions[first].span.begin);
    std::size_t last = first;
    while (last < mentions.size() && (stop == std::string_view::npos || mentions[last].span.begin < stop)) ++last;
    std::string township;
    bool one = true, named = false;
    for (std::size_t i = first; i < last; ++i) {
      const PlaceMention& m = mentions[i];
      if (m.level == PlaceLevel::collective || m.level == PlaceLevel::county) continue;
      std::string t = m.township;
      if (const auto it = learned_.find(m.name); t.empty() && it != learned_.end()) t = it->second;
      if (t.empty()) continue;
      if (!township.empty() && t != township) one = false;
      township = t;
      // (The township written: 甲乡, 甲乡乙村; not a village named like it, 徐家湾村, beside which
      // 龙驹村 may lie anywhere.)
      named = named || m.level == PlaceLevel::township || m.township_written;
    }
    if (one && named && !township.empty())
      for (std::size_t i = first; i < last; ++i)
        if (mentions[i].level == PlaceLevel::village && mentions[i].township.empty()) learned_.emplace(mentions[i].name, township);
    first = last;
  }
}

std::vector<std::pair<std::string, std::string>> PlaceFinder::corpus_names_in(std::string_view text) const {
  std::vector<std::pair<std::string, std::string>> out;
  if (!corpus_) return out;
  for (const PlaceMention& m : find(text)) {
    if (m.level == PlaceLevel::township || m.level == PlaceLevel::county || m.level == PlaceLevel::collective) continue;
    std::string_view name = m.name;
    if (!corpus_->find(name) && !village_of(name).empty()) name = village_of(name);
    if (learned_.count(name) || gazetteer_.township_of(name)) continue;
    if (const auto* e = corpus_->find(name)) out.emplace_back(std::string(name), e->township);
  }
  return out;
}

bool PlaceFinder::mentions_county(std::string_view text) const {
  for (const auto& t : learned_townships_)
    if (text.find(t) != std::string_view::npos) return true;
  for (const auto& e : gazetteer_.entries()) {
    if (e.level != "county" && e.level != "township") continue;
    if (text.find(e.name) != std::string_view::npos) return true;
    if (e.level == "county")
      for (const auto& f : e.short_forms)
        if (text.find(f) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<PlaceMention> PlaceFinder::find(std::string_view s) const {
  std::vector<PlaceMention> found;
  // Townships and the county, by full name and by short form, in one pass.
  for (std::size_t at = 0, after = 0; at < s.size(); at = after) {
    const char32_t first = next_code_point(s, after);
    if (first >= 0x10000 || !first_chars_[first]) continue;
    const auto names = names_by_first_char_.find(first);
    if (names == names_by_first_char_.end()) continue;
    for (const Name& n : names->second) {
      if (!starts_at(s, at, n.text)) continue;
      const std::size_t end = at + n.text.size();
      if (n.short_form) {
        const char32_t next = code_point_at(s, end);
        // The full name (or a wrong ending) follows; 卢氏乡村 is still the county.
        if (n.level == PlaceLevel::county ? next == U'县' : (next == U'乡' || next == U'镇')) continue;
      }
      found.push_back({{at, end}, n.text, n.township, n.level, 0});
    }
  }
  // Collective mentions: 两乡镇, 两个乡镇, 一乡一镇, 3个乡.
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (starts_at(s, i, "一乡一镇")) {
      found.push_back({{at, at + std::string_view("一乡一镇").size()}, "一乡一镇", "", PlaceLevel::collective, 2});
      i += std::string_view("一乡一镇").size();
      continue;
    }
    const char32_t cp = next_code_point(s, i);
    int n = 0;
    if (cp == U'两' || cp == U'二') n = 2;
    else if (cp == U'三') n = 3;
    else if (cp == U'四') n = 4;
    else if (cp >= U'2' && cp <= U'9') n = static_cast<int>(cp - U'0');
    if (n == 0) continue;
    std::size_t j = i;
    if (starts_at(s, j, "个")) j += 3;
    // 两个结对乡镇, 两个帮扶村: the pairing may stand between the count and the noun.
    for (std::string_view pairing : {"结对帮扶", "对口帮扶", "结对", "帮扶"})
      if (starts_at(s, j, pairing)) {
        j += pairing.size();
        break;
      }
    for (std::string_view w : {"乡镇", "乡", "镇"}) {
      if (starts_at(s, j, w) && !starts_at(s, j + w.size(), "村") && !starts_at(s, j + w.size(), "长") && !starts_at(s, j + w.size(), "党")) {
        found.push_back({{at, j + w.size()}, std::string(s.substr(at, j + w.size() - at)), "", PlaceLevel::collective, n});
        i = j + w.size();
        break;
      }
    }
  }
  // Villages, schools and clinics by their endings. Lookups go through indexes, not over every
  // mention found, so that a long page is read in linear time.
  std::unordered_map<std::size_t, std::size_t> township_ending_at;  // end offset -> index in found
  for (std::size_t i = 0; i < found.size(); ++i)
    if (found[i].level == PlaceLevel::township) township_ending_at.emplace(found[i].span.end, i);
  std::vector<bool> inside_local(s.size() + 1, false);  // (begin, end] of each local mention
  for (const LocalSuffix& suffix : kLocalSuffixes) {
    for (std::size_t at = s.find(suffix.word); at != std::string_view::npos; at = s.find(suffix.word, at + 1)) {
      const std::size_t end = at + suffix.word.size();
      if (suffix.level == PlaceLevel::village && suffix.word == "村" && village_word_continues(s, end)) continue;
      // Skip when a longer suffix already covers this one (中心小学 / 小学).
      if (inside_local[end]) continue;
      // Walk left over the name: it ends at punctuation, a function word, an administrative
      // ending (某某办事处东坡村 -> 东坡村) or a township written right before (木桐乡东坡村).
      std::size_t begin = at;
      for (std::size_t chars = 0; begin > 0 && chars < 6; ++chars) {
        const std::size_t prev = previous_code_point_start(s, begin);
        const char32_t cp = code_point_at(s, prev);
        if (is_name_boundary(cp) || is_admin_ending(cp)) break;
        begin = prev;
      }
      // 其中枣园坪村50万元: the walk stops at 其, and 中 is no part of the name.
      if (begin >= std::string_view("其").size() && begin < at && starts_at(s, begin, "中") &&
          starts_at(s, begin - std::string_view("其").size(), "其"))
        begin += std::string_view("中").size();
      // 为镇上西沟村小学: 镇上 and 乡里 say "in the township"; the name starts after them.
      if (begin > 0 && begin < at && (starts_at(s, begin, "上") || starts_at(s, begin, "里"))) {
        const std::size_t admin = previous_code_point_start(s, begin);
        const char32_t a = code_point_at(s, admin);
        // (Not after 该乡/本镇/我镇, which name the township themselves: 该乡上河村 is 上河村.)
        const char32_t b = admin == 0 ? U' ' : code_point_at(s, previous_code_point_start(s, admin));
        if ((a == U'镇' || a == U'乡') && (admin == 0 || is_name_boundary(b)) && std::u32string_view(U"该本我").find(b) == std::u32string_view::npos)
          begin += std::string_view("上").size();
      }
      // A verb inside is no part of the name (万元建设卫生室 -> no name; 新建东坡村卫生室 -> 东坡村卫生室).
      for (std::string_view verb : {"建设", "新建", "援建", "修建", "捐建", "改造", "用于", "帮助", "支持", "慰问", "走访", "看望", "走进",
                                    "前往", "深入", "调研", "考察", "资助", "捐助", "帮扶", "修缮", "修复", "扩建", "硬化", "捐赠",
                                    "安装", "来到", "为了"})
        if (const std::size_t v = s.substr(begin, at - begin).rfind(verb); v != std::string_view::npos) begin += v + verb.size();
      // (捐建龙驹村卫生室: the walk stops at 捐, a boundary, inside the verb; the rest of it goes too.)
      if (begin >= 3 && begin < at)
        for (std::string_view verb : {"捐建", "援建", "捐赠", "捐助", "捐献", "赠送", "送到", "送往", "运往", "交给", "赠予"})
          if (starts_at(s, begin - 3, verb) && begin - 3 + verb.size() <= at) {
            begin = begin - 3 + verb.size();
            break;
          }
      // 2022年东沟村: the name starts after a date; 我们东沟村小学: after who speaks.
      for (std::string_view unit : {"年", "月", "日"})
        if (begin > 0 && starts_at(s, begin, unit) && s[begin - 1] >= '0' && s[begin - 1] <= '9') begin += unit.size();
      // (这三年学校收到的…: a count of years is no part of the name.)
      for (std::size_t i = begin; i < at;) {
        const char32_t cp = next_code_point(s, i);
        if (std::u32string_view(U"一二两三四五六七八九十几").find(cp) == std::u32string_view::npos) {
          if (i > begin + 3 && cp == U'年') begin = i;
          break;
        }
      }
      for (std::string_view speaker : {"我们", "咱们", "俺们", "我", "咱", "俺"})
        if (starts_at(s, begin, speaker) && begin + speaker.size() < at) {
          begin += speaker.size();
          break;
        }
      std::string township_of_name;  // when the name is the township's own (徐家湾乡中心小学)
      const PlaceMention* short_form_before = nullptr;
      for (std::size_t e = begin + 1; e <= at; ++e) {
        const auto t = township_ending_at.find(e);
        if (t == township_ending_at.end()) continue;
        const PlaceMention& m = found[t->second];
        begin = m.span.end;
        if (m.span.end == at && m.name != m.township) short_form_before = &m;
      }
      const std::string_view name_part = s.substr(begin, at - begin);
      if (name_part.empty() || text::code_point_count(name_part) < 2 || is_generic_name(name_part)) {
        // 木桐村, 木桐小学: named after the township's short form; 徐家湾乡中心小学: the township's own.
        const PlaceMention* own_township = nullptr;
        if (const auto t = township_ending_at.find(at); t != township_ending_at.end()) {
          const PlaceMention& m = found[t->second];
          if (m.name == m.township && suffix.level != PlaceLevel::village) own_township = &m;
        }
        if (name_part.empty() && own_township) {
          begin = own_township->span.begin;
          township_of_name = own_township->township;
        } else {
          if (!short_form_before || !name_part.empty()) continue;
          begin = short_form_before->span.begin;
        }
      }
      // (刘慧琴得知龙驹村小学: the walk ran on into the words before the name; a place known on the
      // page that ends it is where it starts.)
      if (township_of_name.empty() && township_ending_at.find(begin) == township_ending_at.end() &&
          !resolve_local(s.substr(begin, end - begin)))
        for (std::size_t b = begin; b < at;) {
          text::next_code_point(s, b);
          if (text::code_point_count(s.substr(b, at - b)) < 2) break;
          if (resolve_local(s.substr(b, end - b))) {
            begin = b;
            break;
          }
        }
      PlaceMention pm;
      pm.span = {begin, end};
      pm.name = std::string(s.substr(begin, end - begin));
      pm.level = suffix.level;
      pm.township = township_of_name;
      // The township: the one written right before it, one learned on the page, or the one it is named after.
      if (const auto t = township_ending_at.find(begin); t != township_ending_at.end()) {
        pm.township = found[t->second].township;
        pm.township_written = true;
      }
      if (pm.township.empty())
        if (auto t = resolve_local(pm.name)) pm.township = *t;
      for (std::size_t b = begin + 1; b <= end; ++b) inside_local[b] = true;
      found.push_back(std::move(pm));
    }
  }
  // A list continues its first member's township where it was written: 双槐树乡东坡村、西岭村 (not
  // 徐家湾村、龙驹村, where the first is only named like its township).
  std::sort(found.begin(), found.end(), [](const PlaceMention& a, const PlaceMention& b) { return a.span.begin < b.span.begin; });
  for (std::size_t i = 1; i < found.size(); ++i) {
    PlaceMention& cur = found[i];
    const PlaceMention& prev = found[i - 1];
    if (!cur.township.empty() || cur.level == PlaceLevel::township || cur.level == PlaceLevel::county ||
        cur.level == PlaceLevel::collective || prev.level != cur.level || prev.township.empty() || !prev.township_written ||
        prev.span.end > cur.span.begin)
      continue;
    const std::string_view gap = s.substr(prev.span.end, cur.span.begin - prev.span.end);
    if (gap == "、" || gap == "和" || gap == "及" || gap == "与") {
      cur.township = prev.township;
      cur.township_written = true;
    }
  }
  // Drop mentions inside a longer one (木桐 inside 木桐村, 乡 inside 两乡镇): by start, longest
  // first, a mention is inside when one before it reaches as far.
  std::stable_sort(found.begin(), found.end(), [](const PlaceMention& a, const PlaceMention& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.size() > b.span.size();
  });
  std::vector<PlaceMention> out;
  std::size_t reach = 0;
  for (auto& m : found) {
    if (!out.empty() && m.span.end <= reach) continue;
    reach = std::max(reach, m.span.end);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace aidledger::extract
