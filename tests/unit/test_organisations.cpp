// Donor names: aliases, canonical prefixes, categories.
#include <stdexcept>

#include <doctest/doctest.h>

#include "aidledger/extract/frame.hpp"
#include "aidledger/extract/organisations.hpp"

using namespace aidledger::extract;

TEST_CASE("aliases map to one canonical name, in either script") {
  const auto& d = Directory::builtin();
  CHECK(d.canonical("高新区") == "郑州高新区");
  CHECK(d.canonical("郑州高新区管委会") == "郑州高新区");
  CHECK(d.canonical("高新区管委会") == "郑州高新区");
  CHECK(d.canonical("鄭州高新區管委會") == "郑州高新区");
  CHECK(d.canonical("金水区") == "郑州市金水区");
  // A unit of an aliased organisation is written with the canonical prefix.
  CHECK(d.canonical("高新区工会") == "郑州高新区工会");
  CHECK(d.canonical("鄭州高新區工會") == "郑州高新区工会");
  CHECK(d.canonical("河南羲和网络有限公司") == "河南羲和网络有限公司");
  CHECK(d.aliases_of("郑州高新区").size() >= 5);
}

TEST_CASE("categories from name endings") {
  const auto& d = Directory::builtin();
  CHECK(d.category("河南羲和网络有限公司") == "enterprise");
  CHECK(d.category("郑州朗悦集团") == "enterprise");
  CHECK(d.category("郑州高新区") == "government");
  CHECK(d.category("郑州高新区枫杨办事处石佛村") == "government");
  CHECK(d.category("郑州高新区慈善总会") == "social_organisation");
  CHECK(d.category("郑州高新区工会") == "social_organisation");
  CHECK(d.category("郑州太古可口可乐") == "other");
  CHECK(d.has_organisation_ending("郑州星达医疗设备制造有限公司"));
  CHECK_FALSE(d.has_organisation_ending("社会"));
  // An ending marked none names no body though it ends like one: 干部 ends in 部 as 统战部 does.
  CHECK(d.has_organisation_ending("高新区统战部"));
  CHECK_FALSE(d.has_organisation_ending("高新区机关干部"));
  CHECK_FALSE(d.has_organisation_ending("帮扶干部"));
  CHECK_FALSE(d.is_organisation_ending("干部"));
  CHECK(d.category("高新区机关干部") == "other");
  // …nor do words that end in 局 as a bureau does (开新局, 工作开局: a headline's turn of phrase).
  CHECK(d.has_organisation_ending("高新区农业农村局"));
  CHECK_FALSE(d.has_organisation_ending("结对帮扶开新局"));
  CHECK_FALSE(d.has_organisation_ending("一季度帮扶工作开局"));
}

TEST_CASE("bad data files are reported with file and line") {
  CHECK_THROWS_WITH_AS(Directory::parse("甲 乙\n", "x\ty\n", "a.tsv", "c.tsv"), "a.tsv:1: expected two columns separated by a tab", std::runtime_error);
  CHECK_THROWS_WITH_AS(Directory::parse("甲\t乙\n", "公司\tcompany\n", "a.tsv", "c.tsv"), "c.tsv: unknown category 'company' for '公司'", std::runtime_error);
}

TEST_CASE("two parties joined by 与 are two names, not one; a district written on from its city is one") {
  const auto& d = Directory::builtin();
  const std::string_view pair = "郑州高新区与卢氏县召开联席会议";
  const auto found = detail::organisations_in(pair, d);
  REQUIRE(!found.empty());
  for (const auto& [span, name] : found) CHECK(name != "郑州高新区与卢氏县");
  CHECK(found.front().second == "郑州高新区");
  const auto city = detail::organisations_in("郑州市郑东新区结对帮扶潘河乡", d);
  REQUIRE(city.size() == 1);
  CHECK(city.front().second.find("郑东新区") != std::string::npos);
}

TEST_CASE("a name ends before its head's office (农业农村局局长), not before another word with 长") {
  const auto& d = Directory::builtin();
  const auto bureau = detail::organisations_in("高新区农业农村局局长专程带队", d);
  REQUIRE(bureau.size() == 1);
  CHECK(bureau.front().second == "郑州高新区农业农村局");
  const auto chamber = detail::organisations_in("郑州浙江商会会长带队", d);
  REQUIRE(chamber.size() == 1);
  CHECK(chamber.front().second == "郑州浙江商会");
  const auto company = detail::organisations_in("郑州华光电子有限公司长期关注", d);
  REQUIRE(company.size() == 1);
  CHECK(company.front().second == "郑州华光电子有限公司");
}
