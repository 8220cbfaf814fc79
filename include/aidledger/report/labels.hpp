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

}  // namespace aidledger::report
