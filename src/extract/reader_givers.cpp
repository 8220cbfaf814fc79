// Who gave, for SentenceReader (sentence_reader.hpp): what 该公司/其 refer to at a place in the
// sentence, a giver named in a later clause (由某公司捐赠, 捐赠方为…) or as the topic of a
// description, the host of an event, a person named after an office, and the paired county's own
// bodies and people, who give no pairing aid.
#include "sentence_reader.hpp"

#include <algorithm>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {

using text::starts_at;

namespace {

// X主办的, X举办的, X组织的 (right after an organisation's name, at `at`): X holds the event.
bool hosts_at(std::string_view text, std::size_t at) {
  for (std::string_view w : {"主办", "举办", "承办", "组织的", "组织开展的"})
    if (text::starts_at(text, at, w)) return true;
  return false;
}

}  // namespace

// The organisation written at `org` holds the event (某局主办的展销会); not a place it is held in
// (在高新区举办).
bool hosts_event(std::string_view text, Span org) {
  if (text::ends_at(text, org.begin, "在")) return false;
  if (hosts_at(text, org.end)) return true;
  // (某局在一家购物中心设立…专柜, 某商会在广场举办展销会: where it held the event, then the act.)
  if (!text::starts_at(text, org.end, "在")) return false;
  for (std::size_t i = org.end, chars = 0; i < text.size() && chars < 16; ++chars) {
    for (std::string_view w : {"举办", "主办", "承办", "设立", "开设", "开办"})
      if (text::starts_at(text, i, w)) return true;
    const char32_t cp = text::next_code_point(text, i);
    if (!text::is_han(cp)) return false;
  }
  return false;
}

namespace {

// The person named right after an office word, before `end` (董事长赵永恒, 主任周敏也…): two or three
// Han characters, ending before a word that follows names.
std::optional<std::string> name_after_office(const SentenceTokens& s, const LexToken& office, std::size_t end) {
  const std::size_t name_end = name_run_end(s.text, office.span.end, end);
  if (text::code_point_count(s.slice(office.span.end, name_end)) < 2) return std::nullopt;
  return std::string(s.slice(office.span.end, name_end));
}

// A person named after a private person's title (退休教师李桂兰得知…): only a name that ends before
// a word that follows names, or before punctuation (市民广场举行 names no one).
std::optional<std::string> name_after_title(const SentenceTokens& s, const LexToken& title, std::size_t end) {
  const std::size_t name_end = person_name_end(s.text, title.span.end, end);
  if (name_end == std::string_view::npos) return std::nullopt;
  return std::string(s.slice(title.span.end, name_end));
}

}  // namespace

// The last person `s` names before `end` after an office (董事长赵永恒) or a private person's title
// (退休教师李桂兰): what 她/他 refer to, from then on.
void remember_person(ArticleMemory& memory, const SentenceTokens& s, std::size_t end) {
  std::size_t named_at = 0;
  bool named = false;
  for (const auto& w : s.words)
    if (w.span.end <= end && (w.is(Cat::position) || w.is(Cat::person_title)))
      if (auto person = w.is(Cat::position) ? name_after_office(s, w, end) : name_after_title(s, w, end)) {
        memory.last_person = std::move(*person);
        memory.last_person_by_title = !w.is(Cat::position);
        named_at = w.span.end;
        named = true;
      }
  // (72岁的周淑琴把…: a private person named after her age, as after a title.)
  for (std::size_t at = s.text.find("岁的"); at != std::string_view::npos && at < end; at = s.text.find("岁的", at + 1)) {
    const std::size_t from = at + std::string_view("岁的").size();
    if (at == 0 || (named && from <= named_at)) continue;
    const char32_t age = text::code_point_before(s.text, at);
    if (!((age >= U'0' && age <= U'9') || std::u32string_view(U"一二三四五六七八九十").find(age) != std::u32string_view::npos)) continue;
    const std::size_t name_end = person_name_end(s.text, from, end);
    if (name_end == std::string_view::npos || text::code_point_count(s.slice(from, name_end)) > 3) continue;
    memory.last_person = std::string(s.slice(from, name_end));
    memory.last_person_by_title = true;
    named_at = from;
    named = true;
  }
}

// 区卫健委, 区妇联: 区 is the paper's own district, the one the townships are paired with.
std::string of_own_district(std::string donor, const Gazetteer& g) {
  const std::string& district = g.pairing_donor();
  if (district.empty() || !starts_at(donor, 0, "区") || text::code_point_count(donor) < 3 || !text::ends_at(district, district.size(), "区"))
    return donor;
  return district + donor.substr(std::string_view("区").size());
}

// The organisation 该公司/其 refers to at `pos`: the last one named before it.
ArticleMemory SentenceReader::memory_at(std::size_t pos) const {
  ArticleMemory m = memory_;
  for (const auto& p : s_.places)
    if (p.span.end <= pos && !p.township.empty() && p.level != PlaceLevel::collective) m.saw_township(p.township);
  for (const auto& [span, name] : orgs_)
    if (span.end <= pos) {
      m.remember(std::string(s_.slice(span)), name);
      m.last_organisation = name;
      m.last_organisation_written = std::string(s_.slice(span));
    }
  // (退休教师李桂兰得知…，她为该校捐赠…: a person named earlier in the sentence.)
  remember_person(m, s_, pos);
  return m;
}

std::optional<SentenceReader::NamedLast> SentenceReader::giver_named_last(std::size_t after) const {
  const std::size_t segment = s_.segment_of(s_.clauses[after].begin);
  for (std::size_t c = after + 1; c < s_.clauses.size() && s_.segment_of(s_.clauses[c].begin) == segment; ++c) {
    const std::size_t opens = s_.han_from(s_.clauses[c].begin, s_.clauses[c].end);
    // 新添的20台电脑，是某公司去年捐赠的: the copula, an organisation, a giving verb with 的.
    if (starts_at(s_.text, opens, "是") && !clause_has_amount(c)) {
      // (是前天由某公司专程送来的: a time and 由 may stand before the name.)
      std::size_t name_at = opens + std::string_view("是").size();
      for (const auto& d : s_.dates)
        if (d.span.begin == name_at) name_at = d.span.end;
      if (starts_at(s_.text, name_at, "由")) name_at += std::string_view("由").size();
      // (是辖区爱心企业某公司捐赠的: words describing the giver before its name.)
      for (const LexToken* w = s_.word_at(name_at); w && w->is(Cat::descriptor) && w->span.end < s_.clauses[c].end; w = s_.word_at(name_at))
        name_at = w->span.end;
      // (是高新区的某公司…: the last of the names, each of the one before.)
      const std::pair<Span, std::string>* named = nullptr;
      for (const auto& o : orgs_)
        if (o.first.end <= s_.clauses[c].end &&
            (o.first.begin == name_at || (named && o.first.begin == named->first.end + std::string_view("的").size() &&
                                                                         starts_at(s_.text, named->first.end, "的"))))
          named = &o;
      if (named)
        for (const auto& w : s_.words)
          if (w.span.begin >= named->first.end && w.span.end <= s_.clauses[c].end && (w.is(Cat::give) || w.is(Cat::give_paid)) &&
              starts_at(s_.text, w.span.end, "的"))
            return NamedLast{c, &w, named_giver(named->first, named->second, "passive")};
      continue;
    }
    const LexToken* by = s_.word_at(opens);
    if (!by || s_.slice(by->span) != "由") continue;
    for (const auto& w : s_.words)
      if (w.span.begin >= by->span.end && w.span.end <= s_.clauses[c].end && (w.is(Cat::give) || w.is(Cat::give_paid)))
        return NamedLast{c, &w, std::nullopt};
  }
  return std::nullopt;
}

// 去年与某镇签约、承诺出资60万元的某公司，第二期资金20万元已拨付到位: a clause ending on 的 and a
// name describes the name, and the name is what the sentence is about: the giver of the amounts
// in that clause and after it.
std::optional<Giver> SentenceReader::topic_after_description(Span segment, std::size_t mc) const {
  for (std::size_t c = s_.clause_of(segment.begin); c <= mc && c < s_.clauses.size(); ++c) {
    const Span clause = s_.clauses[c];
    for (const auto& [span, name] : orgs_) {
      if (span.begin < clause.begin + 3 || span.end > clause.end || !starts_at(s_.text, span.begin - 3, "的")) continue;
      const std::string_view rest = text::trim(s_.slice(span.end, clause.end));
      if (!rest.empty() && std::string_view(",;:").find(rest) == std::string_view::npos) continue;
      // (同样在卢氏开展结对帮扶的郑州经开区，…分别向甲乡、乙乡拨付…: a description without a verb of
      // giving names the topic too, unless the name is one of the places gifts go to.)
      // (来到地处某乡深山的某村小学，为孩子们送去…: a place gifts go to, reached, is no topic.)
      const bool opens_sentence = c == s_.clause_of(segment.begin) && c < mc;
      const Span named = span;  // (clang 14 captures no structured binding)
      const bool a_place = std::any_of(s_.places.begin(), s_.places.end(), [&](const auto& p) { return p.span.begin >= named.begin && p.span.begin < named.end; });
      if (s_.last(kTriggers | bit(Cat::modal), {clause.begin, span.begin}) || (opens_sentence && !a_place)) return named_giver(span, name, "subject");
    }
  }
  return std::nullopt;
}

// A later clause of the segment that opens with 捐赠方为 (捐赠单位为, 出资方为 …) and names an
// organisation: that organisation, as the gift's giver.
std::optional<Giver> SentenceReader::giver_named_after(std::size_t after) const {
  const std::size_t segment = s_.segment_of(s_.clauses[after].begin);
  for (std::size_t c = after + 1; c < s_.clauses.size() && s_.segment_of(s_.clauses[c].begin) == segment; ++c) {
    const std::size_t opens = s_.han_from(s_.clauses[c].begin, s_.clauses[c].end);
    bool names_giver = false;
    for (std::string_view w : {"捐赠方为", "捐赠方是", "捐赠单位为", "捐赠单位是", "捐赠者为", "捐赠企业为", "捐助方为", "出资方为", "出资单位为"})
      names_giver = names_giver || starts_at(s_.text, opens, w);
    if (!names_giver) continue;
    for (const auto& [span, name] : orgs_)
      if (span.begin > opens && span.end <= s_.clauses[c].end) return named_giver(span, name, "passive");
  }
  return std::nullopt;
}

// The organisation named at `span` (canonically `name`) as the one giver, read by `basis`.
Giver SentenceReader::named_giver(Span span, const std::string& name, std::string basis) const {
  Giver g;
  g.canonical = name;
  g.written = std::string(s_.slice(span));
  g.members = {name};
  g.members_written = {g.written};
  g.basis = std::move(basis);
  g.span = span;
  return g;
}

// The organisation holding the event (X主办的, 由X组织的) named in this sentence before `pos`, or
// else the one the article named before: canonical and as written.
std::optional<std::pair<std::string, std::string>> SentenceReader::host_before(std::size_t pos) const {
  std::optional<std::pair<std::string, std::string>> found;
  for (const auto& o : s_.organisations)
    if (o.first.end <= pos && hosts_event(s_.text, o.first)) found = std::make_pair(o.second, std::string(s_.slice(o.first)));
  if (!found && !memory_.host.empty()) found = std::make_pair(memory_.host, memory_.host_written);
  return found;
}

std::string SentenceReader::of_own_district(std::string donor) const { return detail::of_own_district(std::move(donor), gazetteer_); }

// 来自卢氏县甲乡、乙镇的…: the text before a name says it came from a place of the county.
bool SentenceReader::came_from_county(std::size_t from, std::size_t name_begin) const {
  const std::string_view lead = s_.slice(from, name_begin);
  const std::size_t at = lead.find("来自");
  if (at == std::string_view::npos) return false;
  const std::size_t after = from + at;
  return std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
    return p.span.begin >= after && p.span.end <= name_begin && (!p.township.empty() || p.level == PlaceLevel::county);
  });
}

// 全体职工, 干部职工, 区直机关全体党员: people, not a body.
bool SentenceReader::is_people_group(std::string_view name) {
  for (std::string_view people : {"职工", "员工", "干部", "党员", "教师", "群众", "志愿者", "青年"})
    if (text::ends_at(name, name.size(), people)) return true;
  return false;
}

bool SentenceReader::starts_with_local_place(std::string_view name) const {
  if (name.empty()) return false;
  // (两乡镇干部群众, 全乡群众: the paired townships' own people.)
  for (std::string_view own : {"两乡镇", "两镇", "两乡", "一乡一镇", "全乡", "全镇", "全县"})
    if (starts_at(name, 0, own))
      for (std::string_view people : {"干部", "群众", "村民", "师生", "党员", "人民", "乡亲"})
        if (starts_at(name, own.size(), people)) return true;
  for (const auto& e : gazetteer_.entries()) {
    if (e.level != "county" && e.level != "township") continue;
    if (starts_at(name, 0, e.name)) return true;
    if (e.level == "county")
      for (const auto& f : e.short_forms)
        if (starts_at(name, 0, f)) return true;
  }
  return false;
}

// What stands before `limit` in clause `ci`, after openers and dates.
std::string_view SentenceReader::subject_text(std::size_t ci, std::size_t limit) const {
  std::size_t begin = s_.clauses[ci].begin;
  for (bool again = true; again;) {
    again = false;
    if (const std::size_t han = s_.han_from(begin, limit); han != begin) begin = han, again = true;
    for (const auto& d : s_.dates)
      if (d.span.begin == begin) begin = d.span.end, again = true;
    if (const LexToken* w = s_.word_at(begin); w && w->is(Cat::connective)) begin = w->span.end, again = true;
  }
  return s_.slice(begin, std::max(begin, limit));
}

// A delegation (调研组, 慰问组 …) opening the subject of clause `ci`, or of an earlier clause of its
// segment when `ci` has none (在甲乡，慰问组走访了…，为60户…送去…): its subject as written, or empty.
std::string_view SentenceReader::delegation_subject(std::size_t ci, std::size_t limit) const {
  auto opens = [](std::string_view subject) {
    return std::any_of(std::begin(kDelegations), std::end(kDelegations), [&](std::string_view d) { return subject.starts_with(d); });
  };
  const std::string_view own = subject_text(ci, limit);
  if (opens(own)) return own;
  // (为60户…送去: a clause opening with to whom names no subject.)
  const std::size_t own_at = static_cast<std::size_t>(own.data() - s_.text.data());
  const LexToken* to = s_.word_at(own_at);
  if (!text::trim(own).empty() && !(to && to->is(Cat::to))) return {};
  for (std::size_t c = ci; c-- > s_.clause_of(s_.segments[s_.segment_of(s_.clauses[ci].begin)].begin);) {
    const std::string_view earlier = subject_text(c, s_.clauses[c].end);
    if (opens(earlier)) return earlier;
  }
  return {};
}

// The clause `ci` opens (after its date and connectives) with 又/还/再: a gift again, by whom the
// sentences before named, with no subject of its own.
bool SentenceReader::again_without_subject(std::size_t ci, std::size_t limit) const {
  const std::string_view subject = subject_text(ci, limit);
  for (std::string_view again : {"又", "还", "再次", "再"})
    if (starts_at(subject, 0, again)) return true;
  return false;
}

// After 其中 at `from`, every money amount of the sentence is led by an organisation's name
// (其中，区总工会4万元，区妇联2.6万元; 其中甲公司捐款30万元).
bool SentenceReader::parts_name_givers(std::size_t from) const {
  std::size_t parts = 0;
  for (std::size_t j = 0; j < s_.measures.size(); ++j) {
    const Measure& m = s_.measures[j];
    // (A price of one, 单价88元, 每台280元, is no part of its own.)
    if (m.span.begin < from || m.kind != MeasureKind::money || is_unit_price(j)) continue;
    const std::size_t c = s_.clause_of(m.span.begin);
    auto led_by_name = [&](std::size_t start) {
      const std::size_t opens = s_.han_from(std::max(start, from), m.span.begin);
      // (其中东岔村小学18万元: a school of a township the page names is where a part goes.)
      if (std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) { return p.span.begin == opens && !p.township.empty(); }))
        return false;
      return std::any_of(s_.organisations.begin(), s_.organisations.end(), [&](const auto& o) {
        return o.first.begin == opens && o.first.end <= m.span.begin;
      });
    };
    // (…；乙公司捐赠羽绒服200件，价值4万元；…: a part listed between semicolons may value its
    // goods in a later clause; the part is led by its giver.)
    const bool listed = s_.segments.size() > 1;
    if (!led_by_name(s_.clauses[c].begin) && !(listed && led_by_name(s_.segments[s_.segment_of(m.span.begin)].begin))) return false;
    ++parts;
  }
  return parts >= 2;
}

// Whether the sentence opens on the things the sentence before spoke of (这批, 这两批物资, 上述).
bool SentenceReader::opens_with_these() const {
  const std::size_t opens = s_.han_from(0, s_.text.size());
  for (std::string_view these : {"这批", "该批", "此批", "上述", "这些", "这两批", "这三批", "这几批"})
    if (starts_at(s_.text, opens, these)) return true;
  return false;
}

// The person named after an office in `region` (总经理刘敏, 其董事长孙志强).
std::optional<std::string> SentenceReader::person_after_office(Span region) const {
  for (const auto& w : s_.words)
    if (w.is(Cat::position) && w.span.begin >= region.begin && w.span.end < region.end)
      if (auto name = name_after_office(s_, w, region.end)) return name;
  return std::nullopt;
}

}  // namespace aidledger::extract::detail
