// The gazetteer data file and place mentions in text.
#include <stdexcept>

#include <doctest/doctest.h>

#include "aidledger/extract/places.hpp"

using namespace aidledger::extract;

namespace {
std::vector<std::pair<std::string, std::string>> names(const std::vector<PlaceMention>& ms) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : ms) out.emplace_back(m.name, m.township);
  return out;
}
using NT = std::vector<std::pair<std::string, std::string>>;
}  // namespace

TEST_CASE("the built-in gazetteer has the county's 19 townships") {
  const auto& g = Gazetteer::builtin();
  CHECK(g.townships().size() == 19);
  CHECK(g.county() == "卢氏县");
  CHECK(g.township_of("徐家湾") == "徐家湾乡");
  CHECK(g.township_of("双龙湾镇") == "双龙湾镇");
  CHECK_FALSE(g.township_of("金水区").has_value());
  CHECK(g.suggest("徐家湾").front() == "徐家湾乡");
  CHECK(g.suggest("雙龍灣").front() == "双龙湾镇");
}

TEST_CASE("a malformed gazetteer line is reported with file and line") {
  CHECK_THROWS_WITH_AS(Gazetteer::parse("# comment\ntownship\t甲乡\n", "g.tsv"), "g.tsv:2: expected level, name, parent and short forms separated by tabs", std::runtime_error);
  CHECK_THROWS_WITH_AS(Gazetteer::parse("city\t甲\t乙\t\n", "g.tsv"), "g.tsv:1: unknown level 'city' (county, township, village, school, clinic)", std::runtime_error);
  // Listed villages resolve to their township; Traditional names are stored Simplified.
  const auto g = Gazetteer::parse("township\t甲乡\t卢氏县\t甲\nvillage\t乙村\t甲乡\t\n", "g.tsv");
  CHECK(g.township_of("乙村") == "甲乡");
}

TEST_CASE("townships by full name and short form") {
  PlaceFinder f(Gazetteer::builtin());
  CHECK(names(f.find("向徐家湾捐赠13台,向双龙湾捐赠15台")) == NT{{"徐家湾", "徐家湾乡"}, {"双龙湾", "双龙湾镇"}});
  CHECK(names(f.find("为徐家湾乡、双龙湾镇设立基金")) == NT{{"徐家湾乡", "徐家湾乡"}, {"双龙湾镇", "双龙湾镇"}});
  CHECK(f.mentions_county("卢氏县的发展"));
  CHECK(f.mentions_county("赴木桐乡调研"));
  CHECK_FALSE(f.mentions_county("荥阳东沟村"));
}

TEST_CASE("villages and schools resolve to their township where the text says so") {
  PlaceFinder f(Gazetteer::builtin());
  const std::string page = "龙驹村项目进展顺利。双龙湾镇龙驹村建设基地。枫杨办事处石佛村到上店街村。";
  f.learn(page);
  CHECK(names(f.find("龙驹村中药材")) == NT{{"龙驹村", "双龙湾镇"}});                // learned on the page
  CHECK(names(f.find("到上店街村开展")) == NT{{"上店街村", ""}});                    // not resolved: stays as written
  CHECK(names(f.find("向徐家湾小学、双龙湾小学捐赠")) == NT{{"徐家湾小学", "徐家湾乡"}, {"双龙湾小学", "双龙湾镇"}});
  CHECK(names(f.find("双槐树乡东坡村、西岭村")) == NT{{"双槐树乡", "双槐树乡"}, {"东坡村", "双槐树乡"}, {"西岭村", "双槐树乡"}});
  // (Not after a village only named like its township: 木桐村、河口村 leaves 河口村 where it was.)
  CHECK(names(f.find("向木桐村、河口村捐赠")) == NT{{"木桐村", "木桐乡"}, {"河口村", ""}});
  CHECK(f.find("村委会和村民").empty());
  CHECK(f.find("卢氏乡村振兴").size() == 1);  // 卢氏 only: 乡村 is no village
  // A name starts after a date (2022年龙驹村) and after who speaks (我们龙驹村小学).
  CHECK(names(f.find("2022年龙驹村共争取到")) == NT{{"龙驹村", "双龙湾镇"}});
  CHECK(names(f.find("又为我们龙驹村小学捐赠了图书")) == NT{{"龙驹村小学", "双龙湾镇"}});
  CHECK(names(f.find("咱们龙驹村的香菇")) == NT{{"龙驹村", "双龙湾镇"}});
}

TEST_CASE("townships of other counties are learned from pairing sentences and the sentence before one") {
  PlaceFinder f(Gazetteer::builtin());
  f.learn("该区代表团赴台前县夹河乡考察对接。9月26日，中原区与夹河乡签订帮扶协议。6月，范县金堤镇开展招商活动。");
  CHECK(names(f.find("支持夹河乡建设大棚")) == NT{{"夹河乡", "夹河乡"}});
  // (Not from a sentence far from any talk of pairing.)
  CHECK(f.find("金堤镇开展").empty());
}

TEST_CASE("collective mentions count townships") {
  PlaceFinder f(Gazetteer::builtin());
  auto ms = f.find("向两乡镇捐赠;为一乡一镇;两个乡镇");
  REQUIRE(ms.size() == 3);
  for (const auto& m : ms) {
    CHECK(m.level == PlaceLevel::collective);
    CHECK(m.count == 2);
  }
}
