#include "aidledger/report/labels.hpp"

#include <limits>
#include <optional>
#include <regex>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::report {

std::string kind_label(const std::string& k) {
  if (k == "cash") return "现金 cash";
  if (k == "in_kind") return "实物 in_kind";
  if (k == "consumption") return "消费帮扶 consumption";
  return k;
}
std::string status_label(const std::string& s) { return s == "pledged" ? "承诺 pledged" : "已拨付 disbursed"; }
std::string category_label(const std::string& c) {
  if (c == "government") return "政府单位 Government unit";
  if (c == "enterprise") return "企业 Enterprise";
  if (c == "social_organisation") return "社会组织 Social organisation";
  return "其他 Other";
}
std::string township_label(const std::string& t) {
  if (t == "JOINT") return "合并 JOINT";
  if (t.empty()) return "未确定 Unresolved";
  return t;
}
std::string precision_label(const std::string& p) {
  if (p == "day") return "日 day";
  if (p == "month") return "月 month";
  if (p == "year") return "年 year";
  if (p == "reported") return "报道日 reported";
  return "未知 unknown";
}
std::string year_label(int y) { return y == 0 ? "未知 Unknown" : std::to_string(y); }
std::string yes_no_label(bool v) { return v ? "是 yes" : "否 no"; }
std::string distribution_label(const std::string& d) {
  if (d == "single") return "单一 single";
  if (d == "each") return "各自 each";
  if (d == "joint") return "共同 joint";
  if (d == "per_unit") return "按人按户 per_unit";
  return d;
}

namespace {

// A form of English the ledger writes, and how it reads in Chinese ($1 … are the form's parts).
struct Form {
  std::regex en;
  std::string zh;
};

Form form(const char* en, const char* zh) { return {std::regex(en), zh}; }

// "zh en": the first form that matches the whole of `s` gives its Chinese (parts filled in) and
// the English as stored; no form, the text as stored.
std::optional<std::string> zh_of(const std::vector<Form>& forms, const std::string& s) {
  std::smatch m;
  for (const auto& f : forms)
    if (std::regex_match(s, m, f.en)) return m.format(f.zh);
  return std::nullopt;
}
std::string by_forms(const std::vector<Form>& forms, const std::string& s) {
  const auto zh = zh_of(forms, s);
  return zh ? *zh + " " + s : s;
}

}  // namespace

std::string donor_basis_label(const std::string& b) {
  if (b == "subject") return "句子主语 subject";
  if (b == "earlier clause") return "前一分句 earlier clause";
  if (b == "sentence before") return "前一句 sentence before";
  if (b == "article actor") return "文章主体 article actor";
  if (b == "pronoun") return "代词所指 pronoun";
  if (b == "passive") return "被动句 passive";
  if (b == "person") return "个人 person";
  if (b == "the pledge it pays") return "所兑付承诺的出资方 the pledge it pays";
  if (b == "host of the event") return "活动主办方 host of the event";
  if (b == "unknown") return "未知 unknown";
  return b;
}

std::string date_basis_label(const std::string& b) {
  static const std::vector<Form> forms = {
      form(R"(stated: (.*))", "文中写明"),
      form(R"(stated earlier in the clause: (.*))", "分句前文写明"),
      form(R"(stated at the start of the sentence: (.*))", "句首写明"),
      form(R"(the year the funds are labelled with: (.*))", "资金所标年份"),
      form(R"(carried over by (.*) from the paragraph.*)", "沿用段落前文"),
      form(R"(pledged on the article's date.*)", "承诺于文章日期"),
      form(R"(carried over from the sentence before, which set the scene)", "沿用前句所述时间"),
      form(R"(the five-year plan's period.*)", "五年规划期"),
      form(R"(全年 in a review printed early in the year: the year before)", "年初回顾中的“全年”：上一年"),
      form(R"(reported: date of (.*))", "取报道日期"),
      form(R"(date not stated; earliest report (.*))", "未写明日期，取最早报道"),
      form(R"(date not stated and no report date known)", "未写明日期，也无报道日期"),
      form(R"(set by correction ([\s\S]*))", "由更正设定"),
      form(R"(added by correction ([\s\S]*))", "由更正添加"),
      form(R"(dateline)", "电头日期"),
      form(R"(manifest)", "清单所写"),
      form(R"(file name)", "文件名"),
      form(R"(page header)", "版面页眉"),
      form(R"(the page's first dateline)", "版面首条电头"),
      form(R"(inferred from the years the page mentions)", "据页面所提年份推断"),
      form(R"(page)", "页面日期"),
      form(R"(unknown)", "未知"),
  };
  return by_forms(forms, b);
}

namespace {

// One clause of a merge reason (the ledger joins them with "; ").
std::string merge_clause(const std::string& c) {
  static const std::regex same_donor(R"(same donor \((.*)\), (pledged|disbursed) (cash|in_kind|consumption)(.*))");
  static const std::regex total(R"(, total (\S+)( equals the event's lines (.*))?)");
  static const std::regex quantity(R"( (\d+)(.*))");
  std::smatch m, r;
  if (std::regex_match(c, m, same_donor)) {
    const std::string donor = m[1] == "unknown donor" ? "未知捐赠方 unknown donor" : m[1].str();
    std::string s = fmt::format("同一捐赠方 same donor ({}), {} {}", donor, status_label(m[2]), kind_label(m[3]));
    const std::string rest = m[4];
    if (std::regex_match(rest, r, total)) {
      s += ", 合计 total " + r[1].str();
      if (r[2].matched) s += " 等于事件各行 equals the event's lines " + r[3].str();
    } else if (rest == ", no amount") {
      s += ", 无金额 no amount";
    } else if (std::regex_match(rest, r, quantity)) {
      s += fmt::format(", 数量 quantity {}{}", r[1].str(), r[2].str());
    } else {
      s += rest;
    }
    return s;
  }
  static const std::vector<Form> forms = {
      form(R"(first report)", "首篇报道"),
      form(R"(restates one line of the event \((.*)\))", "重述事件中的一行（$1）"),
      form(R"(one line of a report of several townships \((.*)\))", "多乡镇报道中的一行（$1）"),
      form(R"(items alike \((.*) / (.*), similarity (.*)\))", "物品相近（相似度 $3）"),
      form(R"(same townships \((.*)\))", "同一乡镇（$1）"),
      form(R"(townships not stated by one report)", "其中一篇报道未写明乡镇"),
      form(R"(dates agree \((.*) and (.*)\))", "日期相符（$1 与 $2）"),
      form(R"(stated date (.*) is not after the report of unknown date)", "所写日期 $1 不晚于报道（报道日期未知）"),
      form(R"(stated date (.*) is not after the report of (.*))", "所写日期 $1 不晚于 $2 的报道"),
      form(R"(neither report states the date)", "两篇报道都未写明日期"),
      form(R"(reported (\d+) days apart)", "报道相隔 $1 天"),
  };
  return by_forms(forms, c);
}

}  // namespace

std::string merge_reason_label(const std::string& reason) {
  // A correction's reason is the user's own text: the whole of it after the form.
  static const std::vector<Form> corrections = {
      form(R"(merged by correction ([\s\S]*))", "由更正合并"),
      form(R"(split off by correction ([\s\S]*))", "由更正拆分"),
  };
  for (const auto& f : corrections)
    if (std::regex_match(reason, f.en)) return by_forms(corrections, reason);
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = reason.find("; ", start);
    out += (out.empty() ? "" : "; ") + merge_clause(reason.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 2;
  }
  return out;
}

namespace {

// Every note src/extract writes (events.cpp, across_sentences.cpp, sentence_reader.hpp and the
// reader_*.cpp beside it, page.cpp), most particular first: "computed: … x …" has several endings,
// and the plain one comes after them.
const std::vector<Form>& note_forms() {
  static const std::vector<Form> forms = {
      // Where the gift went.
      form(R"((.+) placed in (.+) as page (.+) names it)", "$1 归入$2（页面 $3 所写）"),
      form(R"(no place read for the gift: (.+), the one township the sentence names)", "未读出捐赠去向：取句中唯一的乡镇$1"),
      form(R"(no place read for the gift: (.+), the one township its part of the sentence names)", "未读出捐赠去向：取本分句群中唯一的乡镇$1"),
      form(R"(no place read for the gift: the townships the fund it goes to is named for)", "未读出捐赠去向：取所设基金名称中的乡镇"),
      form(R"(no place read for the tranche: where the pledge it pays goes)", "未读出本期资金去向：取所付承诺的去向"),
      form(R"(no place in the sentence: (.+), where the sentences before were)", "句中无地点：取前文所在的$1"),
      form(R"((.+) taken to be in (.+), the one township the sentence names)", "$1 视为位于$2（句中唯一的乡镇）"),
      form(R"((.+) taken to be in (.+), the one township the article names)", "$1 视为位于$2（文中唯一的乡镇）"),
      form(R"((.+) taken to be in (.+), whose own page this is)", "$1 视为位于$2（本页出自该乡镇）"),
      form(R"(where it went is said in the next sentence)", "去向见下一句"),
      form(R"(where it went is said in the next sentence \(in equal shares\))", "去向见下一句（均分）"),
      form(R"(no place read for a summary: the paired townships)", "汇总数未写去向：取结对的乡镇"),
      form(R"(the sum said before is the cost of the goods set up for the recipient)", "前文所说金额为为受赠方安装配备之物的费用"),
      form(R"(the pledged gift built and handed over then: delivered)", "承诺援建之物届时建成交付：已兑现"),
      form(R"(the goods counted before it in its sentence, valued here)", "同句前文所点数的物品，此处为其价值"),
      form(R"(the count stated after it in its sentence)", "人数见同一句后文"),
      form(R"(a gift told in a quote: where its speaker stands, named after it)", "引语中所述捐赠：去向为其后所写说话人所在之处"),
      form(R"(no place read for the gift: the townships its sentence names together)", "未读到去向：取本句合称的乡镇"),
      form(R"(where it went is said in the next sentence \(平均分配: equal shares\))", "去向见下一句（平均分配）"),
      // Amounts computed from a rate and a count.
      form(R"(the total split as said after it: (\S+) each)", "总数按其后所说拆分：各 $1"),
      form(R"(a part of the joint total (\S+) said before it, itemised)", "前文合计 $1 的逐项之一"),
      form(R"(computed: (\S+) x (\S+) \(the price of one\))", "计算：$1 × 单价 $2"),
      form(R"(computed: (\S+) x (\S+) \(the value of one\))", "计算：$1 × 单件价值 $2"),
      form(R"(computed: (\S+) x (\S+) \(value of one unit\))", "计算：$1 × 单位价值 $2"),
      form(R"(computed: (\S+) x (\S+) \(the value each got\))", "计算：$1 × 每份价值 $2"),
      form(R"(computed: (\S+) x the per-unit amount \(the count stated in the next sentence: ([\s\S]*)\))",
           "计算：$1 × 单位金额（数量见下一句：$2）"),
      form(R"(computed: the per-unit amount x the count of each place \((分别|其中), in the next sentence: ([\s\S]*)\))",
           "计算：按人按户金额 × 各地的人数（$1，见下一句：$2）"),
      form(R"(computed: (\S+) a year x (\S+) years \(the pledge over the years it names\))", "计算：每年 $1 × $2 年（承诺所写的年数）"),
      form(R"(computed: (\S+) givers x (\S+))", "计算：$1 个捐赠方 × $2"),
      form(R"(computed: (\S+) (\d+) x (\S+) \(其中\))", "计算：$1 $2 × $3（其中）"),
      form(R"(computed: (\S+) (\d+) x (\S+) \(counted by township in the sentence before\))", "计算：$1 $2 × $3（前一句按乡镇所数）"),
      form(R"(computed: (\S+) (\d+) x (\S+) \(counted after the amount\))", "计算：$1 $2 × $3（人数写在金额之后）"),
      form(R"((.+)'s part: (\d+) x (\S+) \(其中\))", "$1 的部分：$2 × $3（其中）"),
      form(R"(computed: (\S+) (\d+) x (\S+))", "计算：$1 $2 × $3"),
      form(R"(computed: (\S+) x (\S+))", "计算：$1 × $2"),
      form(R"(computed: (\S+) x (\S+) \([\s\S]*\))", "计算：$1 × $2"),
      form(R"(per-unit amount (.+) with a stated total)", "单位金额 $1，另有写明的总额"),
      form(R"(per-unit amount; the number of recipients is not stated)", "按人按户的金额，未写明人数"),
      form(R"(the people counted in the sentence before)", "人数取前一句所数"),
      form(R"(the people counted earlier in the article \(共\))", "人数取文中前面所写的总数（共）"),
      form(R"((.+): one for each recipient)", "$1：每位受赠者一份"),
      form(R"((.+) one (.+) each)", "$1各一份（$2）"),
      form(R"(a rate for part of the people counted before 其中)", "只是“其中”之前所数人员中一部分人的标准"),
      // Dates and summaries.
      form(R"(to be paid (.+))", "将于 $1 拨付"),
      form(R"(terms for (.+))", "协议约定的期限 $1，尚非已付"),
      form(R"(summary figure without a date of its own)", "汇总数字，本身没有日期"),
      // Several givers, places or amounts in one sentence.
      form(R"(givers, places and amounts paired in order \(分别\))", "捐赠方、地点与金额按顺序对应（分别）"),
      form(R"(分别 with amounts that match neither the recipients nor the givers)", "“分别”后的金额个数与受赠方、捐赠方都不对应"),
      form(R"(amounts paired with the givers in order)", "金额按顺序对应各捐赠方"),
      form(R"(each giver to each place \(分别…各\))", "每个捐赠方各给每个地点（分别…各）"),
      form(R"((.+) goods to (.+) places \(分别\): one each)", "$1 件物品给 $2 个地点（分别）：各一件"),
      form(R"((.+) shared equally by (.+) townships \(平均分配\))", "$1 由 $2 个乡镇平均分配"),
      // A total and its parts.
      form(R"(correction notice: (.+) corrected to (.+))", "更正启事：$1 更正为 $2"),
      form(R"(one value for the goods listed before it)", "一个价值对应前面所列的全部物品"),
      form(R"(total split equally by the places that follow it \(各\))", "总额由其后各地点平分（各）"),
      form(R"(a total value shared equally by the recipients of the same goods \(各…共计\))", "总价值由获赠相同物品的各受赠方平分（各…共计）"),
      form(R"(total split by the places and amounts that follow it \(分别\))", "总额按其后的地点与金额拆分（分别）"),
      form(R"(the joint gift split by the townships and amounts listed after its colon)", "合并记录按冒号后所列乡镇与金额拆分"),
      form(R"(the places counted are the villages the sentence named)", "所计数目即句中点名的各村"),
      form(R"(the rest of the total \((.+)\) to the place its 其余 clause names)", "总额的其余部分（$1）归“其余”分句所写的地点"),
      form(R"(total split by the parts that follow it \(其中\))", "总额按其后的各部分拆分（其中）"),
      form(R"(the money part of a gift of money and goods \((.+) in all\))", "资金加物品捐赠中的资金部分（共 $1）"),
      form(R"(the goods part of a gift of money and goods \((.+) in all\))", "资金加物品捐赠中的物品部分（共 $1）"),
      form(R"(the rest of a gift of money and goods \((.+) in all, (.+) of it in the clause before\))",
           "资金加物品捐赠的其余部分（共 $1，其中 $2 见前一分句）"),
      form(R"(valued in the next sentence, place by place \((分别|其中)\): ([\s\S]*))", "价值见下一句，按地点逐一对应（$1）：$2"),
      form(R"(valued in the next sentence: ([\s\S]*))", "价值见下一句：$1"),
      form(R"(given by the one the next sentence names: ([\s\S]*))", "捐赠方见下一句：$1"),
      form(R"(the goods the sentence before gave without a figure: ([\s\S]*))", "上一句所捐未写数量的物品：$1"),
      form(R"((.+) taken to lie in (.+), where the sentences before were)", "$1 按前文所在地计入 $2"),
      form(R"(paid so far \(至此\), a cumulative figure)", "至此已拨付之数，为累计数"),
      form(R"(a part of the total (.+) read in the sentence before \(其中\), given by its own giver)",
           "前一句所读总额 $1 中的一部分（其中），由其自己的捐赠方给出"),
      form(R"(each of (\d+) goods listed before 各 counted)", "各：其前所列 $1 种物品各计一次"),
      form(R"(a part of the total (.+) listed after it \(如下\), given by its own giver)",
           "其前所读总额 $1 中的一部分（名单如下），由其自己的捐赠方给出"),
      form(R"(a part of the total (.+) read before it in its sentence \(其中\), given by its own giver)",
           "同一句前面所读总额 $1 中的一部分（其中），由其自己的捐赠方给出"),
  };
  return forms;
}

}  // namespace

std::string note_label(const std::string& notes) {
  // The ledger joins a report's notes with "; ", and a note may have "; " in it (per-unit amount;
  // the number …, or a quoted sentence): of the ways to cut the text at "; ", take the one that
  // leaves the fewest pieces no form knows, then the one with the most pieces. A note is taken to
  // have at most kMost - 1 "; " in it, so that a report of many notes costs time in proportion.
  std::vector<std::string> piece;
  for (std::size_t start = 0;;) {
    const std::size_t at = notes.find("; ", start);
    piece.push_back(notes.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + 2;
  }
  const std::size_t n = piece.size();
  struct Best {
    std::size_t unknown = std::numeric_limits<std::size_t>::max(), pieces = 0;
    std::string text;
  };
  std::vector<Best> best(n + 1);  // best[i]: pieces i.. labelled
  best[n] = {0, 0, ""};
  for (std::size_t i = n; i-- > 0;) {
    std::string joined;
    constexpr std::size_t kMost = 6;
    for (std::size_t j = i; j < n && j < i + kMost; ++j) {
      joined += (j == i ? "" : "; ") + piece[j];
      const auto zh = zh_of(note_forms(), joined);
      const Best& rest = best[j + 1];
      const std::size_t unknown = rest.unknown + (zh ? 0 : 1), pieces = rest.pieces + 1;
      if (unknown < best[i].unknown || (unknown == best[i].unknown && pieces > best[i].pieces))
        best[i] = {unknown, pieces, (zh ? *zh + " " + joined : joined) + (rest.text.empty() ? "" : "; " + rest.text)};
    }
  }
  return best[0].text;
}

static const std::vector<Form>& correction_forms() {
  static const std::vector<Form> forms = {
      form(R"(set ([\s\S]*))", "已设置"),
      form(R"(line (.*) excluded)", "已排除 $1 一行"),
      form(R"(event excluded)", "事件已排除"),
      form(R"(already one event)", "已是同一事件"),
      form(R"(event (\d+) merged into event (\d+))", "事件 $1 已并入事件 $2"),
      form(R"(the report is already an event of its own)", "该报道已是单独的事件"),
      form(R"(report split off from event (\d+) into event (\d+))", "报道已从事件 $1 拆出为事件 $2"),
      form(R"(event (\d+) added)", "已添加事件 $1"),
      form(R"(no report (\S+) in the ledger[\s\S]*)", "台账中没有报道 $1（页面是否已改动？'aidledger explain' 列出每篇报道的引用）"),
      form(R"(event (\d+) has no line for '(.*)')", "事件 $1 没有“$2”这一行"),
      form(R"(event (\d+) has several lines: say which with line=TOWNSHIP)", "事件 $1 有多行：请用 line=乡镇 指明"),
      form(R"(date '(.*)' is not YYYY-MM-DD, YYYY-MM or YYYY)", "日期“$1”不是 YYYY-MM-DD、YYYY-MM 或 YYYY"),
      form(R"('(.*)' is not a township of the gazetteer)", "“$1”不是地名表中的乡镇"),
      form(R"(the ledger cannot take this change[\s\S]*)", "台账无法接受这一更改"),
  };
  return forms;
}

std::string correction_message_label(const std::string& message) { return by_forms(correction_forms(), message); }
std::string correction_message_zh(const std::string& message) { return zh_of(correction_forms(), message).value_or(message); }

std::string correction_label(const std::string& action, const std::string& target, const std::string& fields, const std::string& reason,
                             const std::string& message) {
  return fmt::format("{} {}{} (理由 reason: {}){}", action, target, fields.empty() ? "" : " " + fields, reason,
                     message.empty() ? "" : "; " + correction_message_label(message));
}

bool has_chinese(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = text::next_code_point(s, i);
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)) return true;
  }
  return false;
}

}  // namespace aidledger::report
