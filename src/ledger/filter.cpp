#include "aidledger/ledger/filter.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace aidledger::ledger {

const char* line_filter_sql() {
  return "e.excluded = 0 AND a.excluded = 0 "
         "AND (:from IS NULL OR (e.date_text != '' AND CAST(substr(e.date_text, 1, 4) AS INTEGER) >= :from)) "
         "AND (:to IS NULL OR (e.date_text != '' AND CAST(substr(e.date_text, 1, 4) AS INTEGER) <= :to)) "
         "AND (:township IS NULL OR a.township = :township OR instr('、' || a.covers || '、', '、' || :township || '、') > 0) "
         "AND (:donor IS NULL OR instr(COALESCE(o.name, ''), :donor) > 0 OR EXISTS (SELECT 1 FROM organisation_aliases x "
         "WHERE x.organisation_id = e.donor_id AND instr(x.alias, :donor) > 0)) "
         "AND (:kind IS NULL OR e.kind = :kind) AND (:status IS NULL OR e.status = :status)";
}

std::string event_filter_sql() {
  return fmt::format("EXISTS (SELECT 1 FROM allocations a WHERE a.event_id = e.id AND {})", line_filter_sql());
}

void bind_line_filter(SQLite::Statement& st, const LineFilter& f) {
  auto bind_int = [&](const char* name, const std::optional<int>& v) {
    if (v) st.bind(name, *v);
    else st.bind(name);
  };
  auto bind_text = [&](const char* name, const std::string& v) {
    if (v.empty()) st.bind(name);
    else st.bind(name, v);
  };
  bind_int(":from", f.from_year);
  bind_int(":to", f.to_year);
  bind_text(":township", f.township);
  bind_text(":donor", f.donor);
  bind_text(":kind", f.kind);
  bind_text(":status", f.status);
}

}  // namespace aidledger::ledger
