// Who gave: the subject of the giving clause, read as whole organisation names.
//
// The subject runs from the clause's start (after openers, dates and manner words) to the first
// word that ends a subject (a verb, a recipient marker, a modal, 分别 …). Descriptors before a
// name (辖区企业, 爱心企业, 的) are dropped, 甲代表乙 gives 乙, lists (甲、乙和丙) give several
// givers, pronouns (该公司, 其) the last organisation named, and 3家会员企业 a counted giver.
#include <algorithm>

#include "aidledger/extract/frame.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {
namespace {

using text::code_point_at;
using text::next_code_point;
using text::starts_at;

constexpr CatSet kSubjectEnds = bit(Cat::give) | bit(Cat::give_paid) | bit(Cat::buy) | bit(Cat::to) | bit(Cat::modal) |
                                bit(Cat::agreement) | bit(Cat::paid) | bit(Cat::each) | bit(Cat::total) |
                                bit(Cat::cumulative) | bit(Cat::manner) | bit(Cat::passive) | bit(Cat::arrive) |
                                bit(Cat::tranche) | bit(Cat::value) | bit(Cat::per_unit) | bit(Cat::occasion) |
                                bit(Cat::consumption) | bit(Cat::act) | bit(Cat::learn);
constexpr CatSet kOpeners = bit(Cat::connective) | bit(Cat::occasion) | bit(Cat::manner) | bit(Cat::cumulative) |
                            bit(Cat::subsum);
// Endings that also name places; an organisation with them is read only in subject position.
constexpr std::string_view kPlaceLikeEndings[] = {"区", "县", "市", "村", "社区", "乡", "镇", "街道", "中心", "部", "委"};

// The name's longest organisation ending is one a place has too (某村, 某区; but 区团工委 ends in
// 团工委, and 某超市 in 超市).
bool ends_like_a_place(std::string_view name, const Directory& d) {
  const std::string_view ending = d.organisation_ending(name);
  return std::find(std::begin(kPlaceLikeEndings), std::end(kPlaceLikeEndings), ending) != std::end(kPlaceLikeEndings);
}

bool is_space_or_punct(char32_t cp) { return !text::is_han(cp) && !(cp < 0x80 && std::isalnum(static_cast<int>(cp))); }

std::string_view trim_punct(std::string_view s) {
  while (!s.empty()) {
    std::size_t i = 0;
    const char32_t cp = next_code_point(s, i);
    if (!is_space_or_punct(cp) || cp == U'“' || cp == U'(') break;
    s.remove_prefix(i);
  }
  while (!s.empty()) {
    const std::size_t at = text::previous_code_point_start(s, s.size());
    const char32_t cp = code_point_at(s, at);
    if (!is_space_or_punct(cp) || cp == U'”' || cp == U')') break;
    s.remove_suffix(s.size() - at);
  }
  return s;
}

// 3家会员企业, 两家企业, 5个单位: givers counted but not named. `prefix` gets what stands before
// the count (郑州航空港区3家企业: 郑州航空港区).
// 两会, 两家企业, 三家单位: a count and a kind, no name — a reference to organisations named before.
// Returns the count, or 0.
std::int64_t counted_reference(std::string_view item) {
  static constexpr std::pair<std::u32string_view, std::int64_t> kCounts[] = {{U"两", 2}, {U"二", 2}, {U"三", 3}, {U"四", 4}};
  if (item.empty()) return 0;
  std::size_t i = 0;
  const char32_t first = next_code_point(item, i);
  std::int64_t n = 0;
  for (const auto& [c, v] : kCounts)
    if (c.front() == first) n = v;
  if (n == 0) return 0;
  std::string_view rest = item.substr(i);
  if (starts_at(rest, 0, "家") || starts_at(rest, 0, "个")) rest.remove_prefix(3);
  if (starts_at(rest, 0, "机关")) rest.remove_prefix(6);  // 三个机关党支部
  for (std::string_view kind : {"会", "协会", "企业", "公司", "单位", "部门", "银行", "医院", "学校", "党支部", "支部", "商会"})
    if (rest == kind) return n;
  return 0;
}

std::int64_t counted_givers(std::string_view item, std::string_view* prefix = nullptr) {
  // The count may follow a name: start at the first numeral.
  std::size_t start = 0;
  for (std::size_t i = 0; i < item.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(item, i);
    if ((cp >= U'0' && cp <= U'9') || std::u32string_view(U"一二两三四五六七八九十").find(cp) != std::u32string_view::npos) {
      start = at;
      break;
    }
  }
  if (prefix) *prefix = item.substr(0, start);
  item = item.substr(start);
  std::size_t i = 0, digits_end = 0;
  std::int64_t n = 0;
  for (; i < item.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(item, i);
    // (No count of givers runs to seven digits: a longer run is some other number, never overflowed.)
    if (n > 999999) return 0;
    if (cp >= U'0' && cp <= U'9') n = n * 10 + (cp - U'0');
    else if (std::u32string_view(U"一二两三四五六七八九十").find(cp) != std::u32string_view::npos) {
      static constexpr std::u32string_view digits = U"零一二三四五六七八九";
      if (cp == U'两') n = n * 10 + 2;
      else if (cp == U'十') n = n == 0 ? 10 : n * 10;
      else n = n * 10 + static_cast<std::int64_t>(digits.find(cp));
    } else {
      digits_end = at;
      break;
    }
  }
  if (n <= 0 || digits_end == 0) return 0;
  const std::string_view rest = item.substr(digits_end);
  for (std::string_view counter : {"家", "个", "所"})
    if (starts_at(rest, 0, counter)) {
      // (两个小时, 三个月, 五个百分点: a span of time or a share, nobody who gives.)
      const std::string_view what = rest.substr(counter.size());
      for (std::string_view not_givers : {"小时", "多小时", "月", "多月", "星期", "工作日", "百分点", "季度", "半小时", "年头", "多"})
        if (starts_at(what, 0, not_givers)) return 0;
      return n;
    }
  return 0;
}

// A company's brand: the first three characters of its name after the place (郑州恒信达智能装备
// 股份有限公司 → 恒信达), by which articles name it again. Empty when the name is no company's or
// too short to leave a brand and a trade after it.
std::string_view brand_of(std::string_view name) {
  if (!text::ends_at(name, name.size(), "公司") && !text::ends_at(name, name.size(), "集团")) return {};
  std::string_view rest = name;
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view place : {"中国", "河南省", "河南", "郑州市", "郑州", "高新区", "北京", "上海", "深圳", "洛阳", "三门峡"})
      if (starts_at(rest, 0, place)) {
        rest.remove_prefix(place.size());
        stripped = true;
      }
  }
  std::size_t at = 0;
  for (int i = 0; i < 3 && at < rest.size(); ++i) {
    if (!text::is_han(text::code_point_at(rest, at))) return {};
    text::next_code_point(rest, at);
  }
  // (A brand is followed by the trade and the company's kind: at least four more characters.)
  if (text::code_point_count(rest.substr(at)) < 4) return {};
  const std::string_view brand = rest.substr(0, at);
  for (std::string_view generic : {"有限", "公司", "集团", "股份", "县", "市", "区", "省"})
    if (brand.find(generic) != std::string_view::npos) return {};
  return brand;
}

}  // namespace

bool ArticleMemory::recall_by_brand(std::string_view text, std::size_t from) {
  std::size_t best_at = std::string_view::npos;
  std::size_t best = organisations.size();
  for (std::size_t i = 0; i < organisations.size(); ++i) {
    const std::string_view brand = brand_of(organisations[i].second);
    if (brand.empty()) continue;
    std::size_t at = text.rfind(brand);
    // (A brand of two characters, 宏远 of 郑州宏远精密机械有限公司, only standing alone: 说起宏远，.)
    if (at == std::string_view::npos) {
      const std::string_view two = brand.substr(0, text::previous_code_point_start(brand, brand.size()));
      at = text.rfind(two);
      if (at != std::string_view::npos) {
        const std::size_t after = at + two.size();
        const bool alone = after >= text.size() || !text::is_han(text::code_point_at(text, after)) || starts_at(text, after, "公司") ||
                           starts_at(text, after, "集团");
        if (!alone) at = std::string_view::npos;
      }
    }
    if (at == std::string_view::npos || at < from || (best_at != std::string_view::npos && at <= best_at)) continue;
    best_at = at;
    best = i;
  }
  if (best == organisations.size()) return false;
  auto named = organisations[best];
  remember(named.first, named.second);
  last_organisation = named.second;
  last_organisation_written = named.first;
  return true;
}


void ArticleMemory::remember(std::string written, std::string canonical) {
  organisations.erase(std::remove_if(organisations.begin(), organisations.end(),
                                     [&](const auto& o) { return o.first == written && o.second == canonical; }),
                      organisations.end());
  if (organisations.size() >= kRemembered) organisations.erase(organisations.begin());
  organisations.emplace_back(std::move(written), std::move(canonical));
}

void ArticleMemory::saw_township(const std::string& township) {
  recent_townships.erase(std::remove(recent_townships.begin(), recent_townships.end(), township), recent_townships.end());
  recent_townships.push_back(township);
}

namespace {

// The last characters a name of the kind a pronoun points at ends in: 该公司 and 两家企业 a company
// (公司, 集团 … end in 司, 团), 该会 and 两会 an association; empty for any organisation (其, 该单位).
// (该公司 is no 厂: 某公司…捐资建设某加工厂。该公司… is the company, not the works it builds.)
std::string_view kind_endings(std::string_view pronoun) {
  static constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
      {"公司", "公司集团企业"},   {"企业", "公司集团企业厂"}, {"集团", "公司集团"}, {"会", "会"},
      {"医院", "医院"},            {"区", "区"},               {"学校", "学校小学中学"}, {"银行", "行"},
      {"局", "局"},                {"院", "院"},               {"校", "校学"},            {"委", "委"},
      {"中心", "中心"},            {"支部", "部"},             {"部门", ""},              {"办事处", "办事处"},
      {"街道", "处道委"},      {"社区", "社区"},           {"大学", "大学学院"},      {"学院", "学院大学"}};
  // (The longest kind that ends the phrase: 该社区 is a community, not a district; 该学院 no hospital.)
  std::string_view best, best_suffix;
  for (const auto& [suffix, endings] : kKinds)
    if (text::ends_at(pronoun, pronoun.size(), suffix) && suffix.size() > best_suffix.size()) {
      best = endings;
      best_suffix = suffix;
    }
  return best;
}

// A name holding one of the article's townships or the paired ones (卢氏县甲乡中心学校): a school
// or clinic there, where gifts go, not who gives.
bool of_townships(const ArticleMemory& memory, const std::string& written) {
  if (township_body(written)) return true;
  // (龙驹村小学, 西坡村卫生室: a village's school or clinic.)
  if (written.find("村") != std::string::npos)
    for (std::string_view local : {"小学", "中学", "学校", "卫生室", "卫生院", "幼儿园", "敬老院", "党支部", "村委会"})
      if (text::ends_at(written, written.size(), local)) return true;
  for (const auto* list : {&memory.townships, &memory.paired})
    for (const auto& t : *list)
      if (written.find(t) != std::string::npos) return true;
  return false;
}

bool of_kind(const std::string& written, std::string_view endings) {
  if (endings.empty()) return true;
  for (std::size_t i = 0; i < endings.size();) {
    const std::size_t at = i;
    text::next_code_point(endings, i);
    if (text::ends_at(written, written.size(), endings.substr(at, i - at))) return true;
  }
  return false;
}

// 各级工会, 各企业, 区直机关和企业工会: many bodies together; a pronoun (该会) names one, never them.
bool many_bodies(const std::string& written) {
  if (written.find("各") != std::string::npos) return true;
  for (std::string_view kind : {"机关", "单位", "部门", "企业"})
    for (std::string_view join : {"和", "及", "与"})
      if (written.find(std::string(kind) + std::string(join)) != std::string::npos) return true;
  return false;
}

}  // namespace

bool township_body(std::string_view name) {
  for (std::string_view own : {"乡党委", "镇党委", "乡政府", "镇政府", "乡里", "镇里", "村里", "乡干部", "村干部", "镇干部", "村委"})
    if (text::starts_at(name, 0, own)) return true;
  return false;
}

std::optional<std::string> ArticleMemory::referent(std::string_view pronoun) const {
  // 该公司 is the last company named, 该会 the last association, 该区 the last district; 其 and
  // 该单位 the last organisation of any kind.
  // (其还计划出资…, after 为甲村小学捐建…: a school or clinic of the townships is where gifts go,
  // not who gives; the pronoun passes over it.)
  const std::string_view noun = kind_endings(pronoun);
  for (auto it = organisations.rbegin(); it != organisations.rend(); ++it)
    if ((noun.empty() || of_kind(it->first, noun)) && !of_townships(*this, it->first) && !of_townships(*this, it->second) &&
        !many_bodies(it->first))
      return it->second;
  // (Nor the last one named when it is where gifts go: 某企业家向甲乡某小学捐赠…。其还承诺….)
  if (last_organisation.empty() || of_townships(*this, last_organisation)) return std::nullopt;
  return last_organisation;
}

std::vector<std::string> ArticleMemory::referents(std::string_view phrase, std::size_t n) const {
  const std::string_view kind = kind_endings(phrase);
  std::vector<std::string> named = referents_of_kind(kind, n);
  // (区发改委、区统计局两个机关党支部…两个党支部: the bodies whose branches they are, named before.)
  if (named.empty() && kind == "部") named = referents_of_kind({}, n);
  return named;
}

std::vector<std::string> ArticleMemory::referents_of_kind(std::string_view noun, std::size_t n) const {
  std::vector<std::string> out;
  // (A school or clinic of the townships, 卢氏县甲乡中心学校, is where gifts go, not a giver.)
  for (auto it = organisations.rbegin(); it != organisations.rend() && out.size() < n; ++it)
    if (of_kind(it->first, noun) && !of_townships(*this, it->first) && !many_bodies(it->first) &&
        std::find(out.begin(), out.end(), it->second) == out.end())
      out.push_back(it->second);
  if (out.size() < n) return {};
  std::reverse(out.begin(), out.end());  // in the order they were named
  return out;
}

std::optional<std::string> ArticleMemory::expand(std::string_view short_name) const {
  for (auto it = organisations.rbegin(); it != organisations.rend(); ++it)
    if (it->first.find(short_name) != std::string::npos) return it->second;
  return std::nullopt;
}

std::vector<std::pair<Span, std::string>> organisations_in(std::string_view text, const Directory& d,
                                                           const std::vector<LexToken>* words) {
  std::vector<std::pair<Span, std::string>> out;
  std::vector<LexToken> scanned;
  if (!words) {
    scanned = Lexicon::builtin().scan(text);
    words = &scanned;
  }
  // Bytes inside a vocabulary word that is no part of a name: a name never crosses them. (Money,
  // goods, regions and figures do stand inside names: 某某投资控股集团, 郑州某某科技公司.)
  std::vector<bool> boundary(text.size(), false), modal_at(text.size(), false);
  for (const LexToken& w : *words)
    if (!w.is(Cat::cash) && !w.is(Cat::goods) && !w.is(Cat::region) && !w.is(Cat::not_aid))
      for (std::size_t b = w.span.begin; b < w.span.end; ++b) {
        boundary[b] = true;
        // (未来 alone, not 将/拟: those stand before verbs, not inside names.)
        modal_at[b] = w.is(Cat::modal) && text::code_point_count(text.substr(w.span.begin, w.span.end - w.span.begin)) >= 2;
      }
  std::size_t pos = 0;
  while (pos < text.size()) {
    // The next end of an organisation name: a Han character where the name so far has an ending.
    const std::size_t at = pos;
    next_code_point(text, pos);
    if (!d.may_end_organisation(text.substr(0, pos))) continue;
    // (烘干线厂房封顶, 某局局长: the character after the ending goes on with another word.)
    if (pos < text.size()) {
      const char32_t last = code_point_at(text, at), next = code_point_at(text, pos);
      if ((last == U'厂' && std::u32string_view(U"房区长").find(next) != std::u32string_view::npos) ||
          (last == U'店' && std::u32string_view(U"铺长").find(next) != std::u32string_view::npos) ||
          (std::u32string_view(U"局院校站所社行").find(last) != std::u32string_view::npos && next == U'长'))
        continue;
    }
    const std::string_view upto = text.substr(0, pos);
    std::size_t begin = at;
    // Walk left over the name to a boundary: punctuation, a word that is no part of a name, 16 characters.
    // (A company's name may hold a word of time: 河南智创未来智能装备有限公司.)
    const bool company = text::ends_at(upto, upto.size(), "公司");
    for (int chars = 0; begin > 0 && chars < 16; ++chars) {
      const std::size_t prev = text::previous_code_point_start(text, begin);
      if (is_space_or_punct(code_point_at(text, prev))) break;
      if (boundary[prev] && !(company && modal_at[prev])) break;
      // (甲公司和乙总会: 和 after a whole name joins two names.)
      // (郑州高新区同心公益基金会: 同 after a place's name starts the name of what is there.)
      const bool name_after_place = code_point_at(text, prev) == U'同' && ends_like_a_place(text.substr(0, prev), d);
      if (std::u32string_view(U"和与及同").find(code_point_at(text, prev)) != std::u32string_view::npos && prev > 0 && !name_after_place &&
          (d.has_organisation_ending(text.substr(0, prev)) ||
           (text::ends_at(text, prev + 3, "以及") && d.has_organisation_ending(text.substr(0, prev - 3)))))
        break;
      begin = prev;
    }
    // (转交了某公司: 了 ends the verb before the name; no name begins with it, nor with 据 of
    // 据区教育局介绍. Nor with the copula of 是某公司去年捐赠的, 车上是某协会捐赠的…: no name holds 是.)
    // (受某公司委托: 受 before a name is no part of it; nor 把 of 又把某公司捐赠的….)
    // (——记高新区明德中学支教教师林小平: a subtitle's 记, "a portrait of", is no part of it either.)
    const bool portrait = starts_at(text, begin, "记") && (begin == 0 || text::ends_at(text, begin, "——") || text::ends_at(text, begin, "—"));
    while ((starts_at(text, begin, "了") || starts_at(text, begin, "据") || starts_at(text, begin, "受") || starts_at(text, begin, "把") || portrait) &&
           begin + 3 < at) {
      begin += 3;
      if (portrait) break;
    }
    // (参观了郑州某公司: no name holds 了 either, wherever the verb before it stops; nor 着,
    // 上面记着学校.)
    for (std::string_view aspect : {"了", "着"})
      if (const std::size_t done = upto.rfind(aspect); done != std::string_view::npos && done >= begin && done + 9 < at &&
                                                       !(aspect == "着" && std::any_of(words->begin(), words->end(), [&](const LexToken& w) {
                                                         return w.span.begin <= done && done < w.span.end;
                                                       })))
        begin = done + 3;
    if (const std::size_t copula = upto.rfind("是"); copula != std::string_view::npos && copula >= begin && copula + 3 < at) begin = copula + 3;
    std::string_view name = upto.substr(begin);
    // (Two characters only when the name is a whole ending of a body's name listed after another
    // giver: 区总工会、团工委、妇联.)
    const bool listed_short = text::code_point_count(name) == 2 && d.is_organisation_ending(name) && begin >= 3 &&
                              starts_at(text, begin - 3, "、");
    if (!listed_short && (!d.has_organisation_ending(name) || text::code_point_count(name) < 3)) continue;
    // (这三年学校收到的…: a demonstrative opens no name.)
    if (code_point_at(name, 0) == U'这' || code_point_at(name, 0) == U'那') continue;
    // 是郑州经开区的一家医药流通企业: a counted noun describes an organisation, it names none.
    if (std::u32string_view(U"一两几这该每").find(code_point_at(name, 0)) != std::u32string_view::npos &&
        std::u32string_view(U"家个所").find(code_point_at(name, std::string_view("一").size())) != std::u32string_view::npos)
      continue;
    // (该会与区企业家联合会: 与 before a name joins it to what came before; it is no part of it.)
    if (std::u32string_view(U"与和同及").find(code_point_at(name, 0)) != std::u32string_view::npos &&
        d.has_organisation_ending(name.substr(std::string_view("与").size())) && text::code_point_count(name) > 4) {
      begin += std::string_view("与").size();
      name = upto.substr(begin);
    }
    // (吸引市民和企业职工…: 和 and a bare ending after it, 企业, names nothing.)
    if (std::u32string_view(U"与和及").find(code_point_at(name, 0)) != std::u32string_view::npos && text::code_point_count(name) <= 3 &&
        d.is_organisation_ending(name.substr(std::string_view("与").size())))
      continue;
    // 小学校舍, 会议: an ending that runs on into another word ends no name; nor one that runs
    // into an office (农业农村局局长: the bureau is 农业农村局, its head no part of it).
    {
      const std::string_view next = text.substr(pos);
      bool runs_on = false;
      if (starts_at(next, 0, "长") && text::code_point_count(name) > 2) {
        const std::string_view last = name.substr(text::previous_code_point_start(name, name.size()));
        const std::string_view after = next.substr(std::string_view("长").size());
        const bool office = std::u32string_view(U"局会院校行社处所站部厂").find(code_point_at(last, 0)) != std::u32string_view::npos;
        // (该公司长期…, 协会长久…: 长 starts another word.)
        const bool other_word = std::u32string_view(U"期久远效达足").find(code_point_at(after, 0)) != std::u32string_view::npos;
        runs_on = office && !other_word;
      }
      if (text::ends_at(name, name.size(), "校"))
        for (std::string_view w : {"舍", "园", "长", "区", "门", "车", "服", "医"}) runs_on = runs_on || starts_at(next, 0, w);
      if (text::ends_at(name, name.size(), "会"))
        for (std::string_view w : {"议", "场", "上", "后", "前", "期", "商", "谈", "见", "同"}) runs_on = runs_on || starts_at(next, 0, w);
      // (高新区市民广场: an ending that opens a vocabulary word running past it, 市民, ends no name.)
      // (The words are in order and do not overlap: look the one starting here up.)
      const auto opens = std::lower_bound(words->begin(), words->end(), at, [](const LexToken& w, std::size_t p) { return w.span.begin < p; });
      runs_on = runs_on || (opens != words->end() && opens->span.begin == at && opens->span.end > pos);
      if (runs_on) continue;
    }
    // 甲局、乙局三个机关党支部: a count inside ends the names before it; what follows it names none.
    bool counted_inside = false;
    for (std::size_t i = 0; i < name.size() && !counted_inside;) {
      const char32_t cp = next_code_point(name, i);
      counted_inside = i < name.size() && std::u32string_view(U"两二三四五六七八九十").find(cp) != std::u32string_view::npos &&
                       std::u32string_view(U"家个所").find(code_point_at(name, i)) != std::u32string_view::npos;
    }
    if (counted_inside) continue;
    // (这家总部位于高新区的食品企业: what a demonstrative or a count opens before 的 describes a
    // body named elsewhere; the noun after 的 names none.)
    if (begin >= 3 && starts_at(text, begin - 3, "的")) {
      std::size_t back = begin - 3;
      bool described = false;
      for (int chars = 0; back > 0 && chars < 24 && !described; ++chars) {
        back = text::previous_code_point_start(text, back);
        if (is_space_or_punct(code_point_at(text, back))) break;
        described = (starts_at(text, back, "这家") || starts_at(text, back, "一家") || starts_at(text, back, "这个")) && back + 6 < begin - 3;
      }
      if (described) continue;
    }
    // 石佛办事处学府社区, 棉纺路街道锦绣社区: a community under a street office is the office's (a
    // district's), no village of the county; it is named whole.
    bool community_of_office = false;
    if (text::ends_at(name, name.size(), "社区"))
      for (std::string_view office : {"办事处", "街道"})
        if (const std::size_t office_at = name.find(office); office_at != std::string_view::npos && office_at > 0 &&
                                                              text::code_point_count(name.substr(office_at + office.size())) >= 4)
          community_of_office = true;
    if (ends_like_a_place(name, d) && !community_of_office) {
      // A place-like name is a name only as a known one, from where that starts (记者从高新区获悉: 高新区).
      // (郑州市郑东新区 goes on from a known name; 郑州高新区与卢氏县 is two parties, not one name.)
      const auto known = d.find_known(name);
      if (!known) continue;
      const std::string_view rest = name.substr(known->first.end);
      // (Nor is 郑州高新区结对帮扶卢氏县: what goes on from a known name to a place is a place inside
      // it, of a few characters, not a clause.)
      bool two_parties = text::code_point_count(rest) > 5;
      for (std::string_view joiner : {"与", "和", "同", "及", "、"}) two_parties = two_parties || rest.find(joiner) != std::string_view::npos;
      if (two_parties) continue;
      begin += known->first.begin;
      name = upto.substr(begin);
    }
    // The longest name ending here is taken; a name ending further on replaces one inside it.
    while (!out.empty() && out.back().first.begin >= begin) out.pop_back();
    out.push_back({{begin, pos}, d.canonical(name)});
  }
  return out;
}

std::optional<Giver> passive_giver(const SentenceTokens& s, std::size_t ci, std::size_t limit, const Directory& d) {
  const Span c = s.clauses[ci];
  const LexToken* marker = s.last(Cat::passive, {c.begin, limit});
  if (!marker) return std::nullopt;
  std::size_t end = limit;
  // (收到区教育局发放的…: the verb may be one that says the money changed hands.)
  for (const auto& w : s.words)
    if (w.span.begin >= marker->span.end && w.span.end <= limit && (w.cats & (bit(Cat::give) | bit(Cat::give_paid)))) {
      end = w.span.begin;
      break;
    }
  // (分别 before the verb belongs to the givers: 由甲、乙、丙分别筹集的….)
  if (const LexToken* each = s.first(Cat::each, {marker->span.end, end})) end = each->span.begin;
  // (由高新区财政统一拨付: a manner word before the verb is no part of the name.)
  while (const LexToken* manner = s.word_before(end)) {
    // (Not 个人/本人: 由某董事长孟某个人出资 names the person, read below.)
    const std::string_view said = s.slice(manner->span);
    if (!manner->is(Cat::manner) || manner->span.end != end || manner->span.begin <= marker->span.end || said == "个人" || said == "本人") break;
    end = manner->span.begin;
  }
  // (收到某区各类帮扶资金: what was received begins there.)
  if (const LexToken* kinds = s.first(Cat::many_kinds, {marker->span.end, end})) end = kinds->span.begin;
  std::string_view name = trim_punct(s.slice(marker->span.end, end));
  // 收到了来自郑州某公司捐赠的…: the giver after 来自, before 的/所.
  for (std::string_view lead : {"了", "来自"})
    if (starts_at(name, 0, lead)) name.remove_prefix(lead.size());
  for (std::string_view tail : {"的", "所"})
    if (text::ends_at(name, name.size(), tail)) name.remove_suffix(tail.size());
  // 由某集团董事长赵永恒个人出资: the person named after the office gives in his own name.
  for (std::string_view own : {"个人", "本人"})
    if (text::ends_at(name, name.size(), own)) {
      const std::string_view who = name.substr(0, name.size() - own.size());
      const std::size_t who_at = static_cast<std::size_t>(who.data() - s.text.data());
      const LexToken* office = s.last(bit(Cat::position), {who_at, who_at + who.size()});
      if (!office) break;
      const std::string_view person = s.slice(office->span.end, who_at + who.size());
      const std::size_t chars = text::code_point_count(person);
      if (chars < 2 || chars > 3 || !text::all_han(person)) break;
      Giver g;
      g.members.emplace_back(person);
      g.members_written.emplace_back(person);
      g.canonical = g.written = std::string(person);
      g.basis = "person";
      g.span = {office->span.end, who_at + who.size()};
      return g;
    }
  auto is_name = [&](std::string_view n) {
    const auto known = d.find_known(n);
    return text::code_point_count(n) >= 2 && (d.has_organisation_ending(n) || (known && known->first.begin == 0));
  };
  // Several givers listed: 由区总工会、区团工委、区妇联….
  std::vector<std::string_view> parts;
  for (std::size_t from = 0;;) {
    const std::size_t sep = name.find("、", from);
    parts.push_back(name.substr(from, sep == std::string_view::npos ? std::string_view::npos : sep - from));
    if (sep == std::string_view::npos) break;
    from = sep + std::string_view("、").size();
  }
  if (!std::all_of(parts.begin(), parts.end(), is_name)) {
    if (!is_name(name)) return std::nullopt;
    parts = {name};
  }
  Giver g;
  for (std::string_view p : parts) {
    // (由高新区辖区企业某公司捐赠: the descriptor before the name is no part of it.)
    const std::size_t p_at = static_cast<std::size_t>(p.data() - s.text.data());
    if (const LexToken* desc = s.last(Cat::descriptor, {p_at, p_at + p.size()});
        desc && s.slice(desc->span) != "的" && desc->span.end < p_at + p.size() && is_name(s.slice(desc->span.end, p_at + p.size())))
      p = s.slice(desc->span.end, p_at + p.size());
    g.members.push_back(d.canonical(p));
    g.members_written.emplace_back(p);
  }
  g.canonical = g.members.front();
  g.written = g.members_written.front();
  g.basis = "passive";
  const std::size_t at = static_cast<std::size_t>(name.data() - s.text.data());
  g.span = {at, at + name.size()};
  return g;
}

// Characters that follow a person's name rather than belong to it (周敏也, 赵永恒说, 李桂兰得知 …).
// (…医生冯立连续第三年…, 某某今年已经71岁, 某某每年…: a word of time after the name too.)
constexpr std::u32string_view kAfterName = U"也说表在和与跟给等个本为向带还一同是的从对将已就都又率介告以得委把自夫当专捐亲特连今每多近先再";

// Words of respect that may follow a person's name (王秀兰老人, 陈素芳女士): no part of it.
constexpr std::string_view kRespect[] = {"老人", "女士", "先生", "同志", "老师"};

std::size_t name_run_end(std::string_view text, std::size_t at, std::size_t end) {
  std::size_t i = at;
  for (int chars = 0; chars < 3 && i < end; ++chars) {
    const std::size_t here = i;
    const char32_t cp = text::next_code_point(text, i);
    if (!text::is_han(cp) || kAfterName.find(cp) != std::u32string_view::npos) return here;
  }
  return i;
}

std::size_t person_name_end(std::string_view text, std::size_t at, std::size_t end) {
  const std::size_t name_end = name_run_end(text, at, end);
  if (text::code_point_count(text.substr(at, name_end - at)) < 2) return std::string_view::npos;
  if (name_end < end) {
    std::size_t j = name_end;
    const char32_t next = text::next_code_point(text, j);
    if (text::is_han(next) && kAfterName.find(next) == std::u32string_view::npos) return std::string_view::npos;
  }
  return name_end;
}

namespace {

// A person's bare name in `s` (李文静): two or three Han characters with no vocabulary word or place
// inside and no organisation's ending.
bool bare_person_name(const SentenceTokens& s, const Directory& d, std::string_view n) {
  const std::size_t at = static_cast<std::size_t>(n.data() - s.text.data());
  const std::size_t chars = text::code_point_count(n);
  return chars >= 2 && chars <= 3 && text::all_han(n) && !d.has_organisation_ending(n) &&
         std::none_of(s.words.begin(), s.words.end(), [&](const LexToken& w) { return w.span.begin < at + n.size() && w.span.end > at; }) &&
         std::none_of(s.places.begin(), s.places.end(), [&](const PlaceMention& p) { return p.span.begin < at + n.size() && p.span.end > at; });
}

}  // namespace

std::optional<Giver> giver_in_clause(const SentenceTokens& s, std::size_t ci, std::size_t limit, const Directory& d,
                                     const Gazetteer& gz, const ArticleMemory& memory) {
  const Span c = s.clauses[ci];
  // (高坡村党支部书记冯德山介绍，…每户送上…: a clause where someone of the county's places only
  // says who told it names who spoke, not who gave; 该公司还表示，将… is the giver speaking.)
  if (limit >= c.end) {
    const std::string_view whole = text::trim(s.slice(c));
    const bool local_speaker = std::any_of(s.places.begin(), s.places.end(), [&](const PlaceMention& p) {
      return p.span.begin >= c.begin && p.span.end <= c.end && (p.level == PlaceLevel::village || p.level == PlaceLevel::township);
    });
    for (std::string_view said : {"介绍", "表示", "说", "回忆", "告诉记者", "坦言", "感慨", "算了算", "说道"})
      if (local_speaker && text::ends_at(whole, whole.size(), said)) return std::nullopt;
  }
  limit = std::min(limit, c.end);
  // Openers: punctuation, dates and words that are no giver.
  std::size_t begin = c.begin;
  for (bool again = true; again && begin < limit;) {
    again = false;
    std::size_t i = begin;
    const char32_t cp = next_code_point(s.text, i);
    if (is_space_or_punct(cp) && cp != U'“') {
      begin = i;
      again = true;
      continue;
    }
    for (const auto& dm : s.dates)
      if (dm.span.begin == begin) {
        begin = dm.span.end;
        again = true;
      }
    // The number of an item in a list (1.某公司，捐款5万元; 2)…): no part of the giver's name.
    if (cp >= U'0' && cp <= U'9') {
      std::size_t j = begin;
      while (j < limit && s.text[j] >= '0' && s.text[j] <= '9') ++j;
      if (j < limit && j - begin <= 2 && (s.text[j] == '.' || s.text[j] == ')' || starts_at(s.text, j, "、"))) {
        begin = j + (s.text[j] == '.' || s.text[j] == ')' ? 1 : std::string_view("、").size());
        again = true;
        continue;
      }
    }
    if (const LexToken* w = s.word_at(begin); w && (w->cats & kOpeners) && !(w->cats & bit(Cat::pronoun))) {
      begin = w->span.end;
      again = true;
    }
    // A term of years (三年内区教育局每年…): no part of the name.
    {
      std::size_t at = begin;
      while (at < limit) {
        std::size_t next = at;
        if (!is_count_numeral(next_code_point(s.text, next))) break;
        at = next;
      }
      if (at > begin)
        for (std::string_view term : {"年内", "年间"})
          if (starts_at(s.text, at, term) && at + term.size() < limit) {
            begin = at + term.size();
            again = true;
          }
    }
    // A festival said as a time (春节前区总工会…, “六一”期间区团工委…): the name starts after it.
    {
      std::size_t at = begin;
      if (starts_at(s.text, at, "“")) at += std::string_view("“").size();
      if (const LexToken* w = s.word_at(at); w && w->is(Cat::festival)) {
        at = w->span.end;
        if (starts_at(s.text, at, "”")) at += std::string_view("”").size();
        for (std::string_view when : {"来临之际", "之际", "前夕", "期间", "当天", "前", "后", "时"})
          if (starts_at(s.text, at, when)) {
            at += when.size();
            break;
          }
        if (at < limit) {
          begin = at;
          again = true;
        }
      }
    }
  }
  // 针对合作社晾晒难的问题，…: what is dealt with, not who gave.
  if (const LexToken* w = s.word_at(begin); w && w->is(Cat::about)) return std::nullopt;
  // 据某校负责人介绍，…: who told it, not who gave.
  if (starts_at(s.text, begin, "据")) {
    const std::string_view told = trim_punct(s.slice(begin, c.end));
    for (std::string_view w : {"介绍", "表示", "透露", "说", "统计"})
      if (text::ends_at(told, told.size(), w)) return std::nullopt;
  }
  // 车上是某协会捐赠的…, 是某公司去年捐赠的: the giver is named after the copula.
  for (const auto& o : s.organisations)
    if (o.first.begin >= begin + 3 && o.first.begin < limit && starts_at(s.text, o.first.begin - 3, "是")) {
      begin = o.first.begin;
      break;
    }
  // (…发动辖区12家爱心企业开展“以购代捐”活动，各企业分别向某镇订购…: 各企业 are the bodies counted
  // in an earlier clause of the sentence, each giving.)
  for (std::string_view kind : {"企业", "单位", "商户", "会员企业", "会员单位"})
    if (starts_at(s.text, begin, "各") && starts_at(s.text, begin + std::string_view("各").size(), kind)) {
      const std::string_view before = s.slice(0, c.begin);
      const std::size_t family = before.rfind("家");
      if (family == std::string_view::npos) break;
      std::size_t from = family;
      while (from > 0) {
        const std::size_t prev = text::previous_code_point_start(before, from);
        if (!is_count_numeral(code_point_at(before, prev))) break;
        from = prev;
      }
      const std::size_t kind_at = before.find(kind, family);
      if (from == family || kind_at == std::string_view::npos || text::code_point_count(before.substr(family, kind_at - family)) > 6) break;
      const std::string_view counted = before.substr(from, kind_at + kind.size() - from);
      if (const auto n = counted_givers(counted); n >= 2) {
        Giver g;
        g.basis = "subject";
        g.unnamed_count = n;
        g.members_written.emplace_back(counted);
        g.span = {begin, begin + std::string_view("各").size() + kind.size()};
        return g;
      }
      break;
    }
  // (他又把某公司捐赠的一批取暖器运抵…: whoever moves what a named body gave only carried it; the
  // body gives, whatever stands before 把/将.)
  for (const auto& o : s.organisations)
    if (o.first.begin >= begin + 3 && o.first.end <= limit &&
        (starts_at(s.text, o.first.begin - 3, "把") || starts_at(s.text, o.first.begin - 3, "将")))
      if (const LexToken* v = s.word_at(o.first.end);
          v && (v->is(Cat::give) || v->is(Cat::give_paid)) && starts_at(s.text, v->span.end, "的")) {
        begin = o.first.begin;
        break;
      }
  // 在郑创业的企业家赵明远…: a phrase of where before 的 describes the giver named after it.
  if (starts_at(s.text, begin, "在"))
    if (const std::size_t de = s.text.find("的", begin); de != std::string_view::npos && de + 3 < limit &&
                                                          text::code_point_count(s.slice(begin, de)) <= 16) {
      // (…的卢氏籍企业家赵明远: the title or the name within a few characters of 的.)
      const std::size_t near = std::min(limit, de + 3 + 12);
      const bool named_after =
          std::any_of(s.words.begin(), s.words.end(), [&](const LexToken& w) { return w.is(Cat::person_title) && w.span.begin >= de + 3 && w.span.begin <= near; }) ||
          std::any_of(s.organisations.begin(), s.organisations.end(), [&](const auto& o) { return o.first.begin == de + 3; });
      if (named_after) begin = de + 3;
    }
  // The subject ends at the first word that ends a subject, a date, an amount or a place that
  // follows no organisation.
  std::size_t end = limit;
  for (const auto& w : s.words)
    if (w.span.begin >= begin && w.span.begin < end && (w.cats & kSubjectEnds)) {
      // (得知情况的某食堂采购了…: a doing that opens the subject describes the name after 的.)
      if (w.span.begin == begin && w.is(Cat::learn)) continue;
      end = w.span.begin;
      break;
    }
  for (const auto& dm : s.dates)
    if (dm.span.begin > begin && dm.span.begin < end) end = dm.span.begin;
  for (const auto& m : s.measures)
    if (m.span.begin >= begin && m.span.begin < end) end = m.span.begin;
  // 某校师生代表把…送到: 把 moves the thing given; the giver stands before it.
  if (const std::size_t ba = s.text.find("把", begin); ba < end && ba > begin &&
      std::none_of(s.organisations.begin(), s.organisations.end(), [&](const auto& o) { return o.first.begin < ba && o.first.end > ba; }))
    end = ba;
  // 甲代表乙: 乙 gives. (某公司董事长王立新代表公司: the kind alone is the company named before.)
  // (某校师生代表将…, 员工代表向…: 代表 with nothing after it before the verb is the people sent, no
  // one spoken for.)
  if (const LexToken* rep = s.last(Cat::represent, {begin, end}); rep && (rep->span.end >= end || starts_at(s.text, rep->span.end, "将"))) {
    end = rep->span.end;
  } else if (rep) {
    bool own_body = false;
    for (std::string_view kind : {"公司", "集团", "企业", "协会", "商会", "本会", "本公司", "单位", "基金会", "学会", "联合会"})
      own_body = own_body || trim_punct(s.slice(rep->span.end, end)) == kind;
    // (区工商联代表其余9家会员企业: the body speaks for members it does not name; the body gives.)
    for (std::string_view unnamed : {"其余", "全体", "广大", "部分", "其他"})
      own_body = own_body || (rep->span.begin > begin && text::starts_at(s.text, rep->span.end, unnamed));
    if (own_body) {
      end = rep->span.begin;
      if (end <= begin) return std::nullopt;  // (…，代表集团捐赠: the giver of an earlier clause)
    } else {
      begin = rep->span.end;
    }
  }
  std::string_view subject = trim_punct(s.slice(begin, end));
  // (记者从区农业农村局了解到，…: where the news came from, not who gave.)
  if (starts_at(subject, 0, "记者从") || starts_at(subject, 0, "从")) return std::nullopt;
  // (某公司的一辆货车驶进…: the name's, before what it sent, counted.)
  if (text::ends_at(subject, subject.size(), "的") && text::code_point_count(subject) > 3) subject.remove_suffix(std::string_view("的").size());
  if (subject.empty()) return std::nullopt;
  std::size_t offset = static_cast<std::size_t>(subject.data() - s.text.data());

  // Items of a list: 甲、乙和丙.
  std::vector<Span> items;
  {
    std::size_t start = offset;
    const std::size_t stop = offset + subject.size();
    for (std::size_t i = offset; i < stop;) {
      const std::size_t at = i;
      // 甲公司以及乙协会: 以及 after a whole name joins two givers.
      if (starts_at(s.text, at, "以及") && at > start && d.has_organisation_ending(trim_punct(s.slice(start, at))) && !s.quoted(at)) {
        items.push_back({start, at});
        i = at + std::string_view("以及").size();
        start = i;
        continue;
      }
      const char32_t cp = next_code_point(s.text, i);
      bool sep = cp == U'、' || cp == U'—';  // (甲公司——该公司…: a dash ends a name)
      if ((cp == U'和' || cp == U'与' || cp == U'及' || cp == U'同') && at > start) {
        // 和 joins two givers only after a whole name (中和集团 is one name).
        const std::string_view left = trim_punct(s.slice(start, at));
        const auto known = d.find_known(left);
        // (瀚海光电与双龙湾镇签约: a short form of a name read before joins as a whole name does.)
        sep = d.has_organisation_ending(left) || (known && known->first.begin == 0 && known->first.end == left.size()) ||
              counted_givers(left) > 0 || (cp == U'与' && text::code_point_count(left) >= 2 && text::all_han(left) && memory.expand(left)) ||
              (s.word_at(start) && s.word_at(start)->is(Cat::pronoun) && s.word_at(start)->span.end == at);
        // (郑州高新区同心公益基金会: 同 inside a name read whole joins nothing.)
        if (cp == U'同')
          for (const auto& o : s.organisations) sep = sep && !(o.first.begin < at && o.first.end > i);
      }
      if (sep && !s.quoted(at)) {
        items.push_back({start, at});
        start = i;
      }
    }
    items.push_back({start, stop});
  }
  Giver g;
  g.basis = "subject";
  // 主任医师孙立平、护士长黄丽娟分别捐出5000元、3000元: people listed each after an office, each
  // giving an amount of their own (分别 after them), give in their own names.
  if (items.size() >= 2 && s.has(Cat::each, {offset + subject.size(), std::min(limit, offset + subject.size() + 9)})) {
    std::vector<std::string> people;
    for (Span sp : items) {
      const LexToken* office = s.last(bit(Cat::position), sp);
      if (!office) break;
      const std::string_view name = trim_punct(s.slice(office->span.end, sp.end));
      const std::size_t chars = text::code_point_count(name);
      if (chars < 2 || chars > 3 || !text::all_han(name) || d.has_organisation_ending(name)) break;
      people.emplace_back(name);
    }
    if (people.size() == items.size()) {
      g.basis = "person";
      g.members = people;
      g.members_written = people;
      g.canonical = g.written = people.front();
      g.span = {items.front().begin, items.back().end};
      return g;
    }
  }
  // 会员张海涛、李文静、王建军: bare names of two or three characters listed after a word for
  // people (会员, 企业家 …) are persons, each giving in his own name.
  if (items.size() >= 2) {
    auto bare_name = [&](Span sp) { return bare_person_name(s, d, trim_punct(s.slice(sp))); };
    const std::string_view first = trim_punct(s.slice(items.front()));
    const std::size_t first_at = static_cast<std::size_t>(first.data() - s.text.data());
    const LexToken* lead = s.word_at(first_at);
    std::size_t lead_end = lead && (lead->is(Cat::people) || lead->is(Cat::person_title)) ? lead->span.end : first_at;
    if (starts_at(first, 0, "会员")) lead_end = first_at + std::string_view("会员").size();
    const bool people_lead = lead_end > first_at && lead_end < first_at + first.size() && bare_name({lead_end, first_at + first.size()});
    if (people_lead && std::all_of(items.begin() + 1, items.end(), bare_name)) {
      g.basis = "person";
      g.members.emplace_back(s.slice(lead_end, first_at + first.size()));
      g.members_written.push_back(g.members.back());
      for (auto it = items.begin() + 1; it != items.end(); ++it) {
        g.members.emplace_back(trim_punct(s.slice(*it)));
        g.members_written.push_back(g.members.back());
      }
      g.canonical = g.members.front();
      g.written = g.members_written.front();
      g.span = {lead_end, items.back().end};
      return g;
    }
  }
  bool titled_before = false;  // a private person's title was listed before (爱心企业家、…)
  for (Span item_span : items) {
    std::string_view item = trim_punct(s.slice(item_span));
    // (“某公司向…捐赠…” quoted: the open quote is no part of the name.)
    if (starts_at(item, 0, "“") && item.find("”") == std::string_view::npos) item = trim_punct(item.substr(std::string_view("“").size()));
    // (红十字会将该公司捐赠的300箱消毒用品运抵…: whoever 将/把 moves what another gave only carried
    // it; the giver is named after 将, before 捐赠的.)
    for (std::string_view move : {"将", "把"})
      if (const std::size_t at = item.rfind(move); at != std::string_view::npos && at > 0 && at + move.size() < item.size()) {
        const std::size_t after_item = static_cast<std::size_t>(item.data() - s.text.data()) + item.size();
        const LexToken* verb = s.word_at(after_item);
        if (verb && (verb->is(Cat::give) || verb->is(Cat::give_paid)) && starts_at(s.text, verb->span.end, "的")) {
          // (区团工委将全区青年干部捐出的…: people of its own, gathered by the body: the body gives.)
          const std::string_view named = item.substr(at + move.size());
          const LexToken* lead = s.word_at(static_cast<std::size_t>(named.data() - s.text.data()));
          item = (lead && lead->is(Cat::pronoun)) || d.has_organisation_ending(named) ? named : item.substr(0, at);
          break;
        }
      }
    // (上面一笔一笔记着学校, 这三年学校收到的: a verb's aspect or a demonstrative before an ending
    // names no giver.)
    {
      const std::size_t opens_at = static_cast<std::size_t>(item.data() - s.text.data());
      const std::size_t aspect_at = item.find("着");
      // (冒着风雪 is a manner of giving: the word holds it.)
      const bool aspect = aspect_at != std::string_view::npos && std::none_of(s.words.begin(), s.words.end(), [&](const LexToken& w) {
                            return w.span.begin <= opens_at + aspect_at && opens_at + aspect_at < w.span.end;
                          });
      const LexToken* opener = s.word_at(opens_at);
      const bool demonstrative = (starts_at(item, 0, "这") || starts_at(item, 0, "那")) && !(opener && opener->is(Cat::pronoun)) &&
                                 counted_reference(item) == 0;
      if (aspect || demonstrative) continue;
    }
    // (某社区的居民们, 党员们: the plural adds nothing to who gives; not 他们, 我们.)
    // (Only a people word's plural, and not after 与/和: 与老人们一起 names whom the giver was with.)
    if (text::ends_at(item, item.size(), "们") && text::code_point_count(item) > 3 &&
        std::u32string_view(U"与和跟同").find(code_point_at(item, 0)) == std::u32string_view::npos) {
      const auto at = static_cast<std::size_t>(item.data() - s.text.data()) + item.size() - std::string_view("们").size();
      if (const LexToken* w = s.word_before(at); w && w->is(Cat::people) && w->span.end == at) item.remove_suffix(std::string_view("们").size());
    }
    // (某小学五年级(3)班的同学们: a class of a school, the school gives.)
    for (std::string_view school : {"小学", "中学", "学校", "幼儿园"})
      if (const std::size_t at = item.find(school); at != std::string_view::npos && at > 0) {
        const std::string_view rest = item.substr(at + school.size());
        const std::size_t cls = std::min(rest.find("年级"), rest.find("班"));
        if (cls != std::string_view::npos && text::code_point_count(rest.substr(0, cls)) <= 6 && text::code_point_count(rest) <= 14 &&
            rest.find("的") != 0)
          item = item.substr(0, at + school.size());
        break;
      }
    std::size_t item_at = static_cast<std::size_t>(item.data() - s.text.data());
    // 某集团董事长赵国强个人出资, 张明本人捐赠: the person gives in his own name.
    bool in_own_name = false;
    // (企业家王立新以个人名义: the manner after the name is no part of it.)
    for (std::string_view manner : {"以个人名义", "以个人身份"})
      if (const std::size_t at = item.find(manner); at != std::string_view::npos && at > 0) {
        item = item.substr(0, at);
        in_own_name = true;
      }
    if (text::ends_at(item, item.size(), "以") && item.size() > 3 &&
        (starts_at(s.text, item_at + item.size(), "个人名义") || starts_at(s.text, item_at + item.size(), "个人身份"))) {
      item.remove_suffix(std::string_view("以").size());
      in_own_name = true;
    }
    // (他当即个人捐出…: manner words may stand between.)
    for (std::string_view own : {"个人", "本人"}) {
      if (text::ends_at(item, item.size(), own) && text::code_point_count(item) > 4) item.remove_suffix(own.size());
      for (std::size_t own_at = item_at + item.size();;) {
        if (starts_at(s.text, own_at, own)) in_own_name = true;
        const LexToken* manner = s.word_at(own_at);
        if (in_own_name || !manner || !manner->is(Cat::manner)) break;
        own_at = manner->span.end;
      }
    }
    // 她个人向…捐赠: the person named last after an office (…律师事务所主任周敏也一同前来。她个人…).
    // (董事长陈某…。其个人捐款…: 其 with 个人 is the person too.)
    // (退休干部李建国…。老人个人捐资…: 老人 with 个人 is the person too.)
    if ((in_own_name || memory.last_person_by_title) && (item == "她" || item == "他" || (in_own_name && (item == "其" || item == "老人"))) &&
        !memory.last_person.empty()) {
      g.members.push_back(memory.last_person);
      g.members_written.emplace_back(item);
      g.basis = "person";
      if (g.span.empty()) g.span = {item_at, item_at + item.size()};
      continue;
    }
    // 辖区居民、退休工程师王立平: a title listed before the person's own is no giver either.
    if (const LexToken* title = s.last(bit(Cat::person_title), {item_at, item_at + item.size()});
        title && title->span.end == item_at + item.size() && item_span.end != items.back().end) {
      titled_before = true;
      continue;
    }
    if (const LexToken* office = s.last(bit(Cat::position), {item_at, item_at + item.size()})) {
      // 某协会副会长、某公司董事长刘振华: an office listed before the person's name is no giver.
      if (office->span.end == item_at + item.size() && item_span.end != items.back().end) continue;
      const std::string_view name = s.slice(office->span.end, item_at + item.size());
      const std::size_t chars = text::code_point_count(name);
      // (爱心企业家、某公司总经理刘某: a private person's title before gives the person, not the company.)
      if ((in_own_name || titled_before) && chars >= 2 && chars <= 3 && text::all_han(name)) {
        g.members.emplace_back(name);
        g.members_written.emplace_back(name);
        g.basis = "person";
        if (g.span.empty()) g.span = {office->span.end, item_at + item.size()};
        continue;
      }
    }
    // 会员张海涛、李文静、王建军: names listed after a person are persons too.
    if (g.basis == "person" && !g.members.empty() && bare_person_name(s, d, item)) {
      g.members.emplace_back(item);
      g.members_written.emplace_back(item);
      g.span.end = item_at + item.size();
      continue;
    }
    // 张宏伟本人还向…捐款: a person named alone gives in his own name.
    if (in_own_name && text::all_han(item) && text::code_point_count(item) >= 2 && text::code_point_count(item) <= 3 &&
        !s.word_at(item_at) && !d.has_organisation_ending(item)) {
      g.members.emplace_back(item);
      g.members_written.emplace_back(item);
      g.basis = "person";
      if (g.span.empty()) g.span = {item_at, item_at + item.size()};
      continue;
    }
    // 某协会会员李建峰, 某集团员工张伟: one of a body's people named after it gives in his own name.
    // (某中学语文教师王雅琴: a subject or rank of two characters may stand before the member word.)
    auto body_before = [&](const LexToken* member) {
      const std::string_view before = s.slice(item_at, member->span.begin);
      if (d.has_organisation_ending(before)) return true;
      const std::size_t n = text::code_point_count(before);
      if (n < 4) return false;
      std::size_t cut = before.size();
      for (int i = 0; i < 2; ++i) cut = text::previous_code_point_start(before, cut);
      return d.has_organisation_ending(before.substr(0, cut));
    };
    if (const LexToken* member = s.last(bit(Cat::member), {item_at, item_at + item.size()});
        member && member->span.begin > item_at && body_before(member)) {
      const std::size_t e = person_name_end(s.text, member->span.end, item_at + item.size());
      if (e != std::string_view::npos && !d.has_organisation_ending(s.slice(member->span.end, e))) {
        g.members.emplace_back(s.slice(member->span.end, e));
        g.members_written.push_back(g.members.back());
        g.basis = "person";
        if (g.span.empty()) g.span = {member->span.end, e};
        continue;
      }
    }
    // A descriptor before the name (辖区企业, 爱心企业, 高新区的): the name follows it.
    if (const LexToken* desc = s.last(bit(Cat::descriptor) | bit(Cat::person_title), {item_at, item_at + item.size()});
        desc && desc->span.end < item_at + item.size() && !s.quoted(desc->span.begin)) {
      const std::string_view after = s.slice(desc->span.end, item_at + item.size());
      std::string_view before = s.slice(item_at, desc->span.begin);
      if (text::ends_at(before, before.size(), "的")) before.remove_suffix(std::string_view("的").size());
      // 某协会的志愿者们: the name stands before 的 and its people after it.
      // (某公司的送温暖车队, 某医院的医疗队: a team of the name's, not a giver of its own.)
      bool team = false;
      for (std::string_view t : {"车队", "服务队", "医疗队", "小分队", "突击队"}) team = team || text::ends_at(after, after.size(), t);
      const bool people_of_a_name = d.has_organisation_ending(before) && (!d.has_organisation_ending(after) || team) &&
                                    !d.find_known(after) && organisations_in(after, d).empty();
      // 爱心人士张国庆: a person named after a title gives in his own name. (退休教师王秀兰老人,
      // 爱心人士陈素芳女士: a word of respect after the name is no part of it.)
      std::string_view after_name = after;
      // (…任工程师的刘建峰: a title then 的 before the name.)
      if (desc->is(Cat::person_title) && starts_at(after_name, 0, "的")) after_name.remove_prefix(std::string_view("的").size());
      for (std::string_view respect : kRespect)
        if (text::ends_at(after_name, after_name.size(), respect) && text::code_point_count(after_name) >= 4) {
          after_name.remove_suffix(respect.size());
          break;
        }
      // (退休职工陈玉梅得知…，专程向…捐出: the subject runs on past the name to a verb of its own.)
      if (desc->is(Cat::person_title) && text::code_point_count(after_name) > 3) {
        const std::size_t from = static_cast<std::size_t>(after_name.data() - s.text.data());
        std::size_t e = person_name_end(s.text, from, from + after_name.size());
        // (王秀兰老人得知…: a word of respect may follow the name.)
        for (std::string_view respect : kRespect)
          if (const std::size_t r = after_name.find(respect); e == std::string_view::npos && r != std::string_view::npos &&
                                                               person_name_end(s.text, from, from + r) == from + r)
            e = from + r;
        if (e != std::string_view::npos) after_name = s.slice(from, e);
      }
      const std::size_t name_chars = text::code_point_count(after_name);
      if (desc->is(Cat::person_title) && name_chars >= 2 && name_chars <= 3 && text::all_han(after_name)) {
        g.members.emplace_back(after_name);
        g.members_written.emplace_back(after_name);
        g.basis = "person";
        if (g.span.empty()) g.span = {desc->span.end, item_at + item.size()};
        continue;
      }
      // (高新区科技企业联合会: an association named by the descriptor and an ending alone is one
      // name; not 辖区企业工会, the unions of those companies.)
      const bool descriptor_names_body = desc->is(Cat::descriptor) && d.is_organisation_ending(after) &&
                                         d.category(after) == "social_organisation" && !after.ends_with("工会");
      if (people_of_a_name && !descriptor_names_body) {
        item = before;
        // (辖区企业某公司的志愿者: the name's own descriptor before it goes too.)
        if (const LexToken* lead = s.word_at(item_at); lead && lead->is(Cat::descriptor) && lead->span.end < item_at + item.size() &&
                                                       d.has_organisation_ending(s.slice(lead->span.end, item_at + item.size()))) {
          item = s.slice(lead->span.end, item_at + item.size());
          item_at = lead->span.end;
        }
      } else if (text::code_point_count(after) >= 2 && !descriptor_names_body) {
        item = after;
        item_at = desc->span.end;
      }
    }
    for (std::string_view tail : {"有关负责人", "相关负责人", "负责人", "一行", "等", "代表", "公益", "爱心"})
      if (text::ends_at(item, item.size(), tail) && item.size() > tail.size() + 3) item.remove_suffix(tail.size());
    if (item.empty()) continue;
    // (贵会的叔叔阿姨们, 该公司的员工: the people of what the pronoun points at.)
    if (const LexToken* p = s.word_at(item_at); p && p->is(Cat::pronoun) && p->span.end < item_at + item.size() &&
                                               starts_at(s.text, p->span.end, "的"))
      item = item.substr(0, p->span.end - item_at);
    // (该公司工会, 该集团团委: a body of what the pronoun points at; 该公司员工: its people.)
    std::string_view body;
    if (const LexToken* p = s.word_at(item_at); p && p->is(Cat::pronoun) && p->span.end < item_at + item.size()) {
      const std::string_view rest = item.substr(p->span.end - item_at);
      for (std::string_view b : {"工会", "团委", "党委", "党支部", "党总支"})
        if (rest == b) body = rest;
      // (该公司10名党员职工: its people counted give as it.)
      std::string_view people_part = rest;
      {
        std::size_t i = 0;
        while (i < people_part.size() && (is_count_numeral(code_point_at(people_part, i)) || std::isdigit(static_cast<unsigned char>(people_part[i]))))
          text::next_code_point(people_part, i);
        if (i > 0 && (starts_at(people_part, i, "名") || starts_at(people_part, i, "位"))) people_part.remove_prefix(i + std::string_view("名").size());
      }
      for (std::string_view people : {"员工", "职工", "全体员工", "全体职工", "干部职工", "党员", "党员职工", "党员干部", "干部", "会员", "志愿者", "专家"})
        if (rest == people || people_part == people) item = item.substr(0, p->span.end - item_at);
      // (其专家团队, 该院医疗队: a team of what the pronoun points at.)
      if (text::code_point_count(rest) <= 6 && (text::ends_at(rest, rest.size(), "团队") || text::ends_at(rest, rest.size(), "医疗队") ||
                                                text::ends_at(rest, rest.size(), "服务队")))
        item = item.substr(0, p->span.end - item_at);
      if (!body.empty()) item = item.substr(0, p->span.end - item_at);
    }
    if (const LexToken* p = s.word_at(item_at); p && p->is(Cat::pronoun) && p->span.end == item_at + item.size()) {
      std::optional<std::string> referent = memory.referent(item);
      if (referent && !body.empty()) *referent += body;
      // (企业家李建华向某小学捐赠校服。其还承诺…: 其 is the private person named last, when no
      // organisation that gives stands before.)
      // (…创始人周某个人出资为…送去…。其还为…捐赠: 其 is the person who gave last in her own name.)
      if (body.empty() && item == "其" && !memory.last_person.empty() &&
          ((!referent && memory.last_person_by_title) || memory.person_gave_last)) {
        g.members.push_back(memory.last_person);
        g.members_written.push_back(std::string(item));
        g.basis = "person";
        continue;
      }
      if (!referent) continue;
      g.members.push_back(*referent);
      g.members_written.push_back(std::string(item));
      g.basis = "pronoun";
      continue;
    }
    // 两会, 两家企业: the last two associations or companies named (甲协会、乙协会…。两会分别捐赠).
    if (const auto n = counted_reference(item); n >= 2) {
      const auto named = memory.referents(item, static_cast<std::size_t>(n));
      if (!named.empty()) {
        for (const auto& name : named) {
          g.members.push_back(name);
          g.members_written.push_back(std::string(item));
        }
        g.basis = "pronoun";
        if (g.span.empty()) g.span = {item_at, item_at + item.size()};
        continue;
      }
    }
    std::string_view counted_prefix;
    if (const auto n = counted_givers(item, &counted_prefix); n > 0) {
      // 甲、乙、丙三家企业: the count restates the names listed, it adds no givers.
      if (d.has_organisation_ending(counted_prefix) && static_cast<std::int64_t>(g.members.size()) + 1 == n) {
        g.members.push_back(d.canonical(counted_prefix));
        g.members_written.push_back(std::string(counted_prefix));
        continue;
      }
      // (三家辖区企业——甲、乙、丙: the names that follow the dash are the ones counted.)
      const std::size_t after_item = item_at + item.size();
      if (item_span.end != items.back().end && (starts_at(s.text, after_item, "——") || starts_at(s.text, after_item, "：")) &&
          std::count_if(items.begin(), items.end(), [&](Span i) { return i.begin >= after_item && !trim_punct(s.slice(i)).empty(); }) == n)
        continue;
      g.unnamed_count += n;
      g.members_written.push_back(std::string(item));
      // 郑州航空港区3家企业: the companies of that district; the district names them.
      if (g.canonical.empty() && !counted_prefix.empty() && d.find_known(counted_prefix)) g.canonical = d.canonical(counted_prefix);
      continue;
    }
    // (商会会员企业, 协会会员: the members of the body named before whose name ends so give as it.)
    const LexToken* member = s.first(Cat::member, {item_at, item_at + item.size()});
    if (const LexToken* desc = s.first(Cat::descriptor, {item_at, item_at + item.size()}); desc && starts_at(s.slice(desc->span), 0, "会员") &&
                                                                                          (!member || desc->span.begin < member->span.begin))
      member = desc;  // (会员企业, 会员单位)
    if (member && member->span.begin > item_at) {
      const std::string_view members_of = s.slice(item_at, member->span.begin);
      std::optional<std::string> named;
      if (d.is_organisation_ending(members_of))
        for (auto it = memory.organisations.rbegin(); it != memory.organisations.rend() && !named; ++it)
          if (text::ends_at(it->first, it->first.size(), members_of) && it->first.size() > members_of.size()) named = it->second;
      if (named) {
        g.members.push_back(*named);
        g.members_written.push_back(std::string(item));
        if (g.span.empty()) g.span = {item_at, item_at + item.size()};
        continue;
      }
    }
    const LexToken* whole = s.word_at(item_at);
    if (whole && whole->span.end == item_at + item.size() && (whole->is(Cat::generic) || whole->is(Cat::descriptor) || whole->is(Cat::people)))
      continue;
    // A place of the county in subject position is where the gift went, not who gave it.
    if (gz.township_of(item) || item == gz.county()) continue;
    bool is_place = false;
    for (const auto& p : s.places)
      if (p.span.begin == item_at && p.span.end == item_at + item.size() && (!p.township.empty() || p.level == PlaceLevel::county ||
                                                                             p.level == PlaceLevel::collective))
        is_place = true;
    if (is_place) continue;
    // A name followed by its people or their doings (某公司负责人亲自带队, 某医院志愿者): the name.
    // (Not its people who give as themselves, 某局机关干部, 某公司职工: the group, below.)
    const LexToken* last_word = s.last(bit(Cat::people), {item_at, item_at + item.size()});
    const bool its_people = last_word && last_word->span.end == item_at + item.size() && last_word->span.begin > item_at;
    if (!d.has_organisation_ending(item) && !its_people) {
      const auto inside = organisations_in(item, d);
      if (!inside.empty() && inside.front().first.begin == 0 && inside.front().first.end < item.size() &&
          d.has_organisation_ending(item.substr(0, inside.front().first.end))) {
        item = item.substr(0, inside.front().first.end);
      }
    }
    const auto known = d.find_known(item);
    const bool place_like = ends_like_a_place(item, d);
    const bool known_whole = known && known->first.begin == 0 && known->first.end == item.size();
    // (区总工会、团工委、妇联: a body's bare ending names it in a list of givers.)
    const bool listed_body = items.size() > 1 && d.is_organisation_ending(item) && text::code_point_count(item) >= 2;
    const bool org = (d.has_organisation_ending(item) && (!place_like || known_whole || d.canonical(item) != std::string(item))) ||
                     (known && known->first.begin == 0) || listed_body;
    const std::size_t n = text::code_point_count(item);
    // A bare name (天明) is a giver only as the short form of an organisation named before.
    std::optional<std::string> expanded;
    if (!org && n >= 2 && n <= 8 && text::all_han(item) && !s.has(Cat::people, {item_at, item_at + item.size()}))
      expanded = memory.expand(item);
    // A brand without an ending (可口可乐) right before the giving verb: a name, when no
    // vocabulary word stands inside it.
    bool brand = false;
    if (!org && !expanded && n >= 2 && n <= 10 && text::all_han(item) && item_span.end == offset + subject.size()) {
      const LexToken* next = s.word_at(end);
      const bool inside = std::any_of(s.words.begin(), s.words.end(), [&](const LexToken& w) {
        return w.span.begin < item_at + item.size() && w.span.end > item_at && !(w.is(Cat::region) && w.span.begin == item_at);
      });
      const LexToken* first = s.word_at(item_at);
      brand = !inside && first && first->is(Cat::region) && n >= 4 && next &&
              (next->cats & (bit(Cat::give) | bit(Cat::give_paid) | bit(Cat::buy) | bit(Cat::each) | bit(Cat::manner)));
    }
    // 社区居民, 全区党员干部, 各界爱心人士, 师生: people who give together, named as a group.
    const LexToken* people_word =
        !org && !expanded && !brand && n >= 3 && text::all_han(item) ? s.last(bit(Cat::people) | bit(Cat::person_title), {item_at, item_at + item.size()}) : nullptr;
    const bool people = people_word && people_word->span.end == item_at + item.size() && people_word->span.begin > item_at;
    // (街道干部职工, 公司员工: the people of the office or company named before.)
    if (people) {
      const std::string_view qualifier = s.slice(item_at, people_word->span.begin);
      for (std::string_view kind : {"街道", "办事处", "社区", "公司", "企业", "集团", "单位", "医院", "学校", "协会", "商会"})
        if (starts_at(qualifier, 0, kind) && text::code_point_count(qualifier) <= text::code_point_count(kind) + 2)
          if (const auto referent = memory.referent(std::string("该") + std::string(kind)))
            // (社区居民 after 郑州高新区…: a community's people only of a community named before.)
            if (kind == "公司" || kind == "企业" || kind == "集团" || kind == "单位" || referent->find(kind) != std::string::npos) expanded = *referent;
      // (沟赵办事处党工委一行…。办事处的干部…: an organisation named before holding the kind.)
      for (std::string_view kind : {"街道", "办事处", "社区"})
        if (!expanded && starts_at(qualifier, 0, kind) && text::code_point_count(qualifier) <= text::code_point_count(kind) + 2)
          for (auto it = memory.organisations.rbegin(); it != memory.organisations.rend() && !expanded; ++it)
            if (it->first.find(kind) != std::string::npos && it->first.size() > kind.size()) expanded = it->second;
      // (全校师生, 全院职工: the whole of the school or hospital named before.)
      // (Not 全区, 全市: an area's people, no body named before.)
      if (!expanded && starts_at(qualifier, 0, "全") && text::code_point_count(qualifier) == 2 &&
          std::u32string_view(U"校院局会厂行社").find(text::code_point_at(qualifier, std::string_view("全").size())) != std::u32string_view::npos)
        if (const auto referent = memory.referent(std::string("该") + std::string(qualifier.substr(std::string_view("全").size()))))
          expanded = *referent;
      // (工会干部, 团委志愿者: the people of the body named before whose name ends so.)
      if (!expanded && d.is_organisation_ending(qualifier))
        for (auto it = memory.organisations.rbegin(); it != memory.organisations.rend() && !expanded; ++it)
          if (text::ends_at(it->first, it->first.size(), qualifier) && it->first.size() > qualifier.size()) expanded = it->second;
    }
    if (!org && !expanded && !brand && !people) continue;
    // (…listed after 区总工会: the same district's body, 区团工委, 区妇联.)
    if (listed_body && item_span.begin != items.front().begin && starts_at(trim_punct(s.slice(items.front())), 0, "区"))
      expanded = "区" + std::string(item);
    std::string as_named = d.canonical(item);
    // (翠竹社区的居民: the people of the community, 翠竹社区居民.)
    if (people && !expanded && text::ends_at(item, people_word->span.begin - item_at, "的"))
      as_named = d.canonical(std::string(item.substr(0, people_word->span.begin - item_at - std::string_view("的").size())) +
                             std::string(item.substr(people_word->span.begin - item_at)));
    g.members.push_back(expanded ? *expanded : as_named);
    g.members_written.push_back(std::string(item));
    if (g.span.empty()) g.span = {item_at, item_at + item.size()};
    else g.span.end = item_at + item.size();
  }
  if (g.members.empty() && g.unnamed_count == 0) return std::nullopt;
  if (!g.members.empty()) {
    g.canonical = g.members.front();
    g.written = g.members_written.front();
  }
  if (g.span.empty()) g.span = {offset, offset + subject.size()};
  return g;
}

}  // namespace aidledger::extract::detail
