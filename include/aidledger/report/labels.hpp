// The words people read for the ledger's values: Chinese first, English beside (现金 cash,
// 报道日 reported, 未知 Unknown). One place, so the workbook, the CSV report and the commands
// say the same.
#pragma once
#include <string>

namespace aidledger::report {

std::string kind_label(const std::string& kind);            // 现金 cash
std::string status_label(const std::string& status);        // 承诺 pledged | 已拨付 disbursed
std::string category_label(const std::string& category);    // 企业 Enterprise …
std::string township_label(const std::string& township);    // 合并 JOINT, 未确定 Unresolved, or the name
std::string precision_label(const std::string& precision);  // 日 day, 报道日 reported …
std::string year_label(int year);                           // 2021, or 未知 Unknown for 0
std::string yes_no_label(bool v);                           // 是 yes | 否 no
std::string distribution_label(const std::string& d);       // 单一 single | 各自 each | 共同 joint | 按人按户 per_unit

// What the ledger stores in English about how a report was read and why it was merged, printed
// Chinese first with English beside (explain, timeline, check and the workbook). A value the table
// does not know is printed as stored; tests/unit/test_labels.cpp runs every form the ledger writes.
std::string donor_basis_label(const std::string& basis);    // 文章主体 article actor, 前一分句 earlier clause …
std::string date_basis_label(const std::string& basis);     // 文中写明 stated: 2021年5月 (…), 取报道日期 reported: date of …
std::string merge_reason_label(const std::string& reason);  // 首篇报道 first report; 同一捐赠方 same donor (…), …
std::string correction_message_label(const std::string& message);  // what ingest said of a correction line
std::string correction_message_zh(const std::string& message);     // its Chinese only (as stored when not known)
/// The extractor's notes on how a report was read (stored joined by "; "), each printed Chinese
/// first with its English kept whole beside it: "计算：40 × 500.00 computed: 40 x 500.00; …".
/// A note the table does not know is printed as stored. explain prints them; machine exports keep
/// them as stored. tests/unit/test_labels.cpp checks every note src/extract can write.
std::string note_label(const std::string& notes);
/// The text of a correction line, "set donor=… (理由 reason: …); 已设置 set donor=…".
std::string correction_label(const std::string& action, const std::string& target, const std::string& fields, const std::string& reason,
                             const std::string& message);

/// True when `s` has a Chinese (CJK) character: the tests' mark of a bilingual value.
bool has_chinese(const std::string& s);

/// Column headings, Chinese first, English beside: the workbook's sheets and the terminal tables of
/// `query`, `donors` and `townships` take them from here. (CSV and JSON keep plain machine keys.)
namespace heading {
inline constexpr const char* event = "事件 Event";
inline constexpr const char* year = "年份 Year";
inline constexpr const char* years = "年份 Years";
inline constexpr const char* date = "日期 Date";
inline constexpr const char* precision = "精度 Precision";
inline constexpr const char* donor = "捐赠方 Donor";
inline constexpr const char* recipient = "受赠方 Recipient";
inline constexpr const char* township = "乡镇 Township";
inline constexpr const char* kind = "类别 Kind";
inline constexpr const char* category = "类别 Category";
inline constexpr const char* status = "状态 Status";
inline constexpr const char* amount = "金额 Amount";
inline constexpr const char* disbursed = "已拨付 Disbursed";
inline constexpr const char* disbursed_total = "已拨付合计 Disbursed";
inline constexpr const char* pledged = "承诺 Pledged";
inline constexpr const char* in_kind = "实物 In kind";
inline constexpr const char* goods = "未计价实物 Goods without a value";
inline constexpr const char* sources = "来源 Sources";
inline constexpr const char* total = "合计 Total";
inline constexpr const char* total_own = "合计（本乡镇） Total (own lines)";
}  // namespace heading

}  // namespace aidledger::report
