// The rest of the paper: economy, projects, meetings, the county's own farming and tourism. Full
// of amounts, areas, people and percentages, none of them aid.
#include <fmt/format.h>

#include "model.hpp"

namespace aidledger::generate {
namespace {

std::string pct(Rng& rng) { return fmt::format("{}.{}%", rng.between(1, 25), rng.between(0, 9)); }
std::string yi(Rng& rng, int lo, int hi) { return fmt::format("{}.{}亿元", rng.between(lo, hi), rng.between(1, 9)); }

// More of the district's figures: new businesses, projects, jobs (the article names no county).
std::string district_figures(const Vocabulary& v, Rng& rng) {
  switch (rng.below(4)) {
    case 0:
      return fmt::format("今年以来，全区新增市场主体{}户，同比增长{}；技术合同成交额{}，同比增长{}。", rng.between(2000, 9000), pct(rng),
                         yi(rng, 10, 90), pct(rng));
    case 1:
      return fmt::format("在项目建设方面，全区{}个省市重点项目累计完成投资{}，占年度计划的{}，其中{}项目完成投资{}。",
                         rng.between(20, 80), yi(rng, 50, 300), pct(rng), rng.pick(v.column("project")), yi(rng, 1, 20));
    case 2:
      return fmt::format("在民生保障方面，全区城镇新增就业{}人，新建改建学校{}所，新增学位{}个，惠及群众{}万人次。",
                         rng.between(3000, 20000), rng.between(2, 12), rng.between(1000, 9000), rng.between(5, 90));
    default:
      return fmt::format("{}产业规模突破{}，集聚企业{}家，研发投入强度达到{}，每万人发明专利拥有量{}件。",
                         rng.pick(v.column("industry")), yi(rng, 100, 900), rng.between(100, 900), pct(rng), rng.between(50, 400));
  }
}

}  // namespace

std::string township_facts(const World& world, Rng& rng, int township) {
  const auto& v = *world.vocab;
  const std::string& t = v.townships[static_cast<std::size_t>(township)].name;
  switch (rng.below(4)) {
    case 0:
      return fmt::format("据介绍，{}辖{}个行政村，总人口{}.{}万人，建档立卡贫困户{}户、{}人，贫困发生率{}。", t, rng.between(8, 20),
                         rng.between(1, 3), rng.between(1, 9), rng.between(300, 1500), rng.between(1000, 5000), pct(rng));
    case 1:
      return fmt::format("{}今年种植{}{}万亩，预计产值{}万元，带动{}户群众增收。", t, rng.pick(v.column("crop")), rng.between(1, 9),
                         rng.between(300, 5000), rng.between(100, 900));
    case 2:
      return fmt::format("活动共吸引{}余名群众参加。", rng.between(100, 1500));
    default:
      return fmt::format("今年以来，{}接待游客{}万人次，实现旅游综合收入{}万元。", t, rng.between(2, 40), rng.between(500, 9000));
  }
}

std::string other_news(const World& world, Rng& rng, const Day& dateline, const Day& page_date) {
  const auto& v = *world.vocab;
  const std::string reporter = rng.pick(v.column("reporter"));
  std::string head, body;
  switch (rng.below(5)) {
    case 0: {  // economic indicators
      const int months = std::max(2, page_date.m - 1);
      head = fmt::format("前{}个月全区主要经济指标稳中有进", months);
      body = fmt::format(
          "本报讯 记者从区经济发展局获悉，今年1—{}月，高新区规模以上工业增加值同比增长{}，完成固定资产投资{}，"
          "同比增长{}；一般公共预算收入达到{}，其中税收收入占比{}。\n\n"
          "分行业看，{}实现营业收入{}，同比增长{}；新增规上企业{}家。截至{}月底，全区共有高新技术企业{}家，"
          "较年初净增{}家。\n\n{}{}记者 {}",
          months, pct(rng), yi(rng, 40, 300), pct(rng), yi(rng, 10, 60), pct(rng), rng.pick(v.column("industry")),
          yi(rng, 50, 600), pct(rng), rng.between(5, 40), months, rng.between(300, 900), rng.between(20, 150),
          district_figures(v, rng), district_figures(v, rng), reporter);
      break;
    }
    case 1: {  // a project signed
      const std::string project = rng.pick(v.column("project"));
      head = fmt::format("{}项目签约落户高新区 总投资{}", project, yi(rng, 5, 80));
      body = fmt::format(
          "本报讯 {}月{}日，{}项目签约仪式在管委会第一会议室举行。该项目总投资{}，占地{}亩，建成后预计年产值{}，"
          "年纳税{}万元，可带动就业{}人。\n\n"
          "据悉，今年以来高新区已签约亿元以上项目{}个，合同总金额{}，项目落地率达{}。\n\n{}记者 {}",
          dateline.m, dateline.d, project, yi(rng, 5, 80), rng.between(50, 600), yi(rng, 10, 120), rng.between(800, 9000),
          rng.between(300, 3000), rng.between(8, 40), yi(rng, 100, 900), pct(rng), district_figures(v, rng), reporter);
      break;
    }
    case 2: {  // a meeting
      const std::string meeting = rng.pick(v.column("meeting"));
      head = fmt::format("高新区召开{}", meeting);
      body = fmt::format(
          "本报讯 {}月{}日，高新区召开{}。区党工委、管委会班子成员及{}家单位主要负责人参加会议。\n\n"
          "会议指出，今年以来全区各项重点工作有序推进，{}个重点项目完成年度计划投资的{}，{}家企业获评省级专精特新企业。"
          "会议要求各单位压实责任，建立联席会议机制，确保各项任务落实见效。\n\n{}{}记者 {}",
          dateline.m, dateline.d, meeting, rng.between(20, 90), rng.between(20, 120), pct(rng), rng.between(5, 60),
          district_figures(v, rng), district_figures(v, rng), reporter);
      break;
    }
    case 3: {  // the county's farming: names a township, so the extractor reads it, and finds no aid
      const auto& t = rng.pick(v.townships);
      const std::string crop = rng.pick(v.column("crop"));
      head = fmt::format("{}{}特色产业蓬勃发展", v.county, t.name);
      body = fmt::format(
          "本报讯 {}月{}日，记者从{}{}获悉，该乡镇今年种植{}{}万亩，预计产值{}万元，带动{}户群众增收，"
          "农村居民人均可支配收入同比增长{}。\n\n"
          "据介绍，{}辖{}个行政村，总人口{}.{}万人，目前已建成冷库{}座，总库容{}吨。记者 {}",
          dateline.m, dateline.d, v.county, t.name, crop, rng.between(1, 9), rng.between(300, 5000), rng.between(200, 3000),
          pct(rng), t.name, rng.between(8, 20), rng.between(1, 3), rng.between(1, 9), rng.between(3, 30),
          rng.between(1000, 20000), reporter);
      break;
    }
    default: {  // tourism and culture in the county
      head = fmt::format("{}文旅市场持续升温", v.county);
      body = fmt::format(
          "本报讯 据统计，{}年{}接待游客{}万人次，实现旅游综合收入{}，同比增长{}。\n\n"
          "今年“五一”假期，全县共接待游客{}万人次，{}家乡村民宿入住率超过{}。记者 {}",
          dateline.y - 1, v.county, rng.between(300, 900), yi(rng, 10, 60), pct(rng), rng.between(10, 60), rng.between(40, 200),
          pct(rng), reporter);
      break;
    }
  }
  // Running prose before the byline: one or two paragraphs without figures.
  std::string prose;
  for (std::uint64_t k = 0, n = rng.between(1, 4); k < n; ++k) prose += rng.pick(v.column("prose"));
  const std::size_t byline = body.rfind("记者 ");
  body.insert(byline, prose + "\n\n");
  return head + "\n\n" + body;
}

}  // namespace aidledger::generate
