#include "aidledger/report/labels.hpp"

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

}  // namespace aidledger::report
