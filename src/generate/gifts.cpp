// Gifts and the sentences that state them: each pattern draws what is given, by whom, to whom,
// and writes it the way the paper does (first report) or the way a later review recalls it.
#include <algorithm>

#include <fmt/format.h>

#include "model.hpp"

namespace aidledger::generate {
namespace {

std::uint64_t hash64(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::cash: return "cash";
    case Kind::in_kind: return "in_kind";
    case Kind::consumption: return "consumption";
  }
  return "cash";
}

std::string_view status_name(Status s) { return s == Status::pledged ? "pledged" : "disbursed"; }

std::int64_t total_fen(const Gift& g) {
  std::int64_t t = 0;
  for (const auto& l : g.lines) t += l.fen.value_or(0);
  return t;
}

std::int64_t total_quantity(const Gift& g) {
  std::int64_t t = 0;
  for (const auto& l : g.lines) t += l.quantity.value_or(0);
  return t;
}

bool has_fen(const Gift& g) {
  return std::any_of(g.lines.begin(), g.lines.end(), [](const GiftLine& l) { return l.fen.has_value(); });
}

// "今年5月", "去年5月", "2021年5月" (now and then with the day): when a review says it happened.
std::string when(const Day& d, const Day& page, Rng& rng) {
  if (rng.chance(0.15)) return fmt::format("{}年{}月{}日", d.y, d.m, d.d);
  if (d.y == page.y) return fmt::format("今年{}月", d.m);
  if (d.y + 1 == page.y) return fmt::format("去年{}月", d.m);
  return fmt::format("{}年{}月", d.y, d.m);
}

}  // namespace

std::string_view pattern_name(Pattern p) {
  switch (p) {
    case Pattern::cash_single: return "cash_single";
    case Pattern::goods_count: return "goods_count";
    case Pattern::goods_value: return "goods_value";
    case Pattern::value_count: return "value_count";
    case Pattern::each: return "each";
    case Pattern::paired: return "paired";
    case Pattern::givers_each: return "givers_each";
    case Pattern::per_unit: return "per_unit";
    case Pattern::joint: return "joint";
    case Pattern::pledge: return "pledge";
    case Pattern::pledge_tranche: return "pledge_tranche";
    case Pattern::later_tranche: return "later_tranche";
    case Pattern::year_total: return "year_total";
    case Pattern::since_total: return "since_total";
    case Pattern::this_year_total: return "this_year_total";
    case Pattern::buy: return "buy";
    case Pattern::buy_pledge: return "buy_pledge";
    case Pattern::pronoun: return "pronoun";
  }
  return "?";
}

std::int64_t GiftMaker::draw_amount(std::int64_t low_yuan, std::int64_t high_yuan) {
  // Round amounts as reports give them: whole 万 most often, then 千, then hundreds.
  static const std::vector<unsigned> weights = {50, 35, 15};
  static const std::int64_t steps[] = {10000, 1000, 100};
  std::int64_t step = steps[rng_.weighted(weights)];
  while (step > 100 && high_yuan / step - (low_yuan + step - 1) / step < 3) step /= 10;
  const std::int64_t lo = (low_yuan + step - 1) / step, hi = std::max(lo, high_yuan / step);
  return rng_.between(lo, hi) * step * 100;
}

std::string GiftMaker::giver(int donor, bool decorate) {
  const Donor& d = world_.donors[static_cast<std::size_t>(donor)];
  const auto& v = *world_.vocab;
  std::string out;
  if (decorate && d.type == DonorType::company && rng_.chance(0.3)) out += rng_.pick(v.column("descriptor"));
  out += rng_.pick(d.written);
  if (decorate && rng_.chance(0.25)) out += rng_.pick(v.column("manner"));
  return out;
}

std::string GiftMaker::place(const PlaceRef& p, bool county) {
  const auto& v = *world_.vocab;
  std::string out = county ? v.county : "";
  out += v.townships[static_cast<std::size_t>(p.township)].name;
  if (p.village >= 0) out += world_.villages[static_cast<std::size_t>(p.township)][static_cast<std::size_t>(p.village)];
  if (p.institution >= 0) out += v.column("institution")[static_cast<std::size_t>(p.institution)];
  return out;
}

std::string GiftMaker::places_list(const Statement& s, bool county) {
  std::string out;
  for (std::size_t i = 0; i < s.places.size(); ++i) {
    if (i > 0) out += "、";
    out += place(s.places[i], county && i == 0);
  }
  return out;
}

bool GiftMaker::accept(Statement& s) {
  std::vector<std::uint64_t> made;
  std::vector<std::pair<std::uint64_t, int>> rows;
  for (const Gift& g : s.gifts) {
    // The ledger merges reports with the same donor, kind, status, aggregate and total.
    const std::string total = has_fen(g) ? fmt::format("fen {}", total_fen(g)) : fmt::format("qty {} {}", total_quantity(g), g.unit);
    const std::uint64_t key = hash64(fmt::format("{}|{}|{}|{}|{}", g.donor, kind_name(g.kind), status_name(g.status), g.aggregate, total));
    if (made_.count(key) || std::find(made.begin(), made.end(), key) != made.end()) return false;
    made.push_back(key);
    const int family = world_.donors[static_cast<std::size_t>(g.donor)].family;
    if (family < 0) continue;
    for (const GiftLine& l : g.lines) {
      const std::uint64_t row = hash64(fmt::format("{}|{}|{}|{}|{}|{}|{}", family, g.aggregate ? "*" : g.year, l.township,
                                                   kind_name(g.kind), status_name(g.status), has_fen(g) ? "" : g.unit,
                                                   g.aggregate));
      auto it = family_rows_.find(row);
      if (it != family_rows_.end() && it->second != g.donor) return false;
      for (const auto& [r, d] : rows)
        if (r == row && d != g.donor) return false;
      rows.emplace_back(row, g.donor);
    }
  }
  for (auto k : made) made_.insert(k);
  for (const auto& [r, d] : rows) family_rows_.emplace(r, d);
  return true;
}

std::optional<Statement> GiftMaker::make(const ArticleContext& ctx) {
  const auto& v = *world_.vocab;
  Statement s;
  s.date = ctx.dateline;
  const std::string year = std::to_string(ctx.dateline.y);

  // Who gives: the article's district, its departments, companies, associations, city bodies.
  auto donor_of = [&](bool companies_only = false) {
    const auto& family = world_.district_donors[static_cast<std::size_t>(ctx.district)];
    const unsigned w_district = companies_only ? 0 : 22, w_dept = companies_only ? 0 : 20;
    const unsigned w_society = companies_only ? 0 : 10, w_city = companies_only ? 0 : 8;
    switch (rng_.weighted({w_district, w_dept, 40, w_society, w_city})) {
      case 0: return family[0];
      case 1: return family[1 + static_cast<std::size_t>(rng_.below(family.size() - 1))];
      case 2: return rng_.pick(world_.companies);
      case 3: return rng_.pick(world_.societies);
      default: return rng_.pick(world_.city_bodies);
    }
  };
  const auto& pairs = world_.pairs[static_cast<std::size_t>(ctx.district)];
  auto township = [&] {
    return rng_.chance(0.7) ? rng_.pick(pairs) : static_cast<int>(rng_.below(v.townships.size()));
  };
  // A township, or a village or institution in one.
  auto recipient = [&](bool small) {
    PlaceRef p;
    p.township = township();
    const std::uint64_t r = rng_.below(100);
    if (small && r < 35 && !world_.villages[static_cast<std::size_t>(p.township)].empty())
      p.village = static_cast<int>(rng_.below(world_.villages[static_cast<std::size_t>(p.township)].size()));
    else if (small && r < 60)
      p.institution = static_cast<int>(rng_.below(v.of("institution").size()));
    return p;
  };
  // Two or three different townships; the district's pair first when it has one.
  auto townships = [&](std::size_t n) {
    std::vector<PlaceRef> out;
    std::vector<int> chosen;
    if (pairs.size() >= 2 && rng_.chance(0.6)) chosen = pairs;
    while (chosen.size() < n) {
      const int t = static_cast<int>(rng_.below(v.townships.size()));
      if (std::find(chosen.begin(), chosen.end(), t) == chosen.end()) chosen.push_back(t);
    }
    chosen.resize(n);
    for (int t : chosen) out.push_back(PlaceRef{t, -1, -1});
    return out;
  };
  auto gift = [&](int donor, Kind kind, Status status) {
    Gift g;
    g.donor = donor;
    g.kind = kind;
    g.status = status;
    g.year = year;
    g.note = std::string(pattern_name(s.pattern));
    return g;
  };
  auto line_fen = [](int t, std::int64_t fen) { return GiftLine{t, fen, std::nullopt}; };
  auto line_qty = [](int t, std::int64_t q) { return GiftLine{t, std::nullopt, q}; };
  auto goods_row = [&] { return rng_.pick(v.of("goods")); };
  auto goods_count = [&](const std::vector<std::string>& row) {
    const std::int64_t lo = std::stoll(row[2]), hi = std::stoll(row[3]);
    const std::int64_t step = lo >= 5000 ? 1000 : lo >= 100 ? 10 : 1;
    return rng_.between(lo / step, hi / step) * step;
  };

  static const std::vector<unsigned> weights = {
      14,  // cash_single
      10,  // goods_count
      9,   // goods_value
      4,   // value_count
      8,   // each
      7,   // paired
      4,   // givers_each
      7,   // per_unit
      7,   // joint
      6,   // pledge
      4,   // pledge_tranche
      3,   // later_tranche
      3,   // year_total
      2,   // since_total
      2,   // this_year_total
      6,   // buy
      3,   // buy_pledge
      4,   // pronoun
  };
  s.pattern = static_cast<Pattern>(rng_.weighted(weights));
  s.variant = static_cast<int>(rng_.below(3));
  s.restatable = true;

  switch (s.pattern) {
    case Pattern::cash_single: {
      const int d = donor_of();
      s.donors = {d};
      s.places = {recipient(true)};
      s.word = rng_.pick(v.column("cash_word"));
      s.amounts = {draw_amount(2000, 1500000)};
      Gift g = gift(d, Kind::cash, Status::disbursed);
      g.lines = {line_fen(s.places[0].township, s.amounts[0])};
      s.gifts = {g};
      break;
    }
    case Pattern::goods_count:
    case Pattern::pronoun: {
      const int d = s.pattern == Pattern::pronoun ? rng_.pick(world_.companies) : donor_of();
      s.donors = {d};
      s.places = {recipient(true)};
      const auto& row = goods_row();
      s.item = row[0];
      s.unit = row[1];
      s.counts = {goods_count(row)};
      s.word = rng_.pick(v.column("company_intro"));
      Gift g = gift(d, Kind::in_kind, Status::disbursed);
      g.unit = s.unit;
      g.lines = {line_qty(s.places[0].township, s.counts[0])};
      s.gifts = {g};
      break;
    }
    case Pattern::goods_value:
    case Pattern::value_count: {
      const int d = donor_of();
      s.donors = {d};
      s.places = {recipient(true)};
      if (s.pattern == Pattern::value_count) {
        const auto& row = goods_row();
        s.item = row[0];
        s.unit = row[1];
        s.counts = {goods_count(row)};
      } else {
        s.item = rng_.pick(v.column("valued"));
      }
      s.amounts = {draw_amount(3000, 600000)};
      Gift g = gift(d, Kind::in_kind, Status::disbursed);
      g.lines = {line_fen(s.places[0].township, s.amounts[0])};
      s.gifts = {g};
      break;
    }
    case Pattern::each: {
      const int d = donor_of();
      s.donors = {d};
      s.places = townships(rng_.chance(0.2) ? 3 : 2);
      const bool cash = rng_.chance(0.6);
      s.word = cash ? rng_.pick(v.column("cash_word")) : rng_.pick(v.column("valued"));
      s.amounts = {draw_amount(5000, 800000)};
      Gift g = gift(d, cash ? Kind::cash : Kind::in_kind, Status::disbursed);
      for (const auto& p : s.places) g.lines.push_back(line_fen(p.township, s.amounts[0]));
      s.gifts = {g};
      break;
    }
    case Pattern::paired: {
      const int d = donor_of();
      s.donors = {d};
      s.places = townships(rng_.chance(0.25) ? 3 : 2);
      const bool cash = rng_.chance(0.7);
      Gift g = gift(d, cash ? Kind::cash : Kind::in_kind, Status::disbursed);
      if (cash) {
        s.word = rng_.pick(v.column("cash_word"));
        for (const auto& p : s.places) {
          std::int64_t a = draw_amount(10000, 1500000);
          while (std::find(s.amounts.begin(), s.amounts.end(), a) != s.amounts.end()) a += 1000000;
          s.amounts.push_back(a);
          g.lines.push_back(line_fen(p.township, a));
        }
      } else {
        const auto& row = goods_row();
        s.item = row[0];
        s.unit = g.unit = row[1];
        for (const auto& p : s.places) {
          std::int64_t n = goods_count(row);
          while (std::find(s.counts.begin(), s.counts.end(), n) != s.counts.end()) ++n;
          s.counts.push_back(n);
          g.lines.push_back(line_qty(p.township, n));
        }
      }
      s.gifts = {g};
      break;
    }
    case Pattern::givers_each: {
      const int a = rng_.chance(0.7) ? rng_.pick(world_.companies) : rng_.pick(world_.societies);
      int b = rng_.pick(world_.companies);
      if (b == a) return std::nullopt;
      s.donors = {a, b};
      s.places = {recipient(false)};
      s.word = rng_.pick(v.column("cash_word"));
      s.amounts = {draw_amount(5000, 500000), draw_amount(5000, 500000)};
      if (s.amounts[0] == s.amounts[1]) return std::nullopt;
      for (std::size_t i = 0; i < 2; ++i) {
        Gift g = gift(s.donors[i], Kind::cash, Status::disbursed);
        g.lines = {line_fen(s.places[0].township, s.amounts[i])};
        s.gifts.push_back(g);
      }
      break;
    }
    case Pattern::per_unit: {
      const int d = donor_of();
      s.donors = {d};
      s.places = {recipient(false)};
      s.places[0].institution = -1;
      const auto& people = rng_.pick(v.of("people"));
      s.item = people[0];   // who
      s.unit = people[1];   // 名 or 户
      s.word2 = people[2];  // 每人 or 每户
      if (rng_.chance(0.2)) {  // 为某乡12个行政村每村捐赠村集体经济发展资金3万元
        s.places[0].village = -1;
        s.item.clear();
        s.unit = "个行政村";
        s.word2 = "每村";
        s.word = "村集体经济发展资金";
        s.counts = {rng_.between(5, 20)};
        s.amounts = {draw_amount(10000, 80000)};
        Gift g = gift(d, Kind::cash, Status::disbursed);
        g.lines = {line_fen(s.places[0].township, s.counts[0] * s.amounts[0])};
        s.gifts = {g};
        break;
      }
      const bool goods = s.unit == "户" && rng_.chance(0.5);
      s.word = goods ? rng_.pick(v.column("per_goods")) : (rng_.chance(0.5) ? "助学金" : "慰问金");
      if (!goods && s.word == "助学金" && s.unit == "户") s.word = "慰问金";
      s.counts = {rng_.between(8, 160)};
      s.amounts = {rng_.between(goods ? 4 : 2, goods ? 16 : 30) * (goods ? 5000 : 10000)};  // per head, fen
      Gift g = gift(d, goods ? Kind::in_kind : Kind::cash, Status::disbursed);
      g.lines = {line_fen(s.places[0].township, s.counts[0] * s.amounts[0])};
      s.gifts = {g};
      break;
    }
    case Pattern::joint: {
      const int d = donor_of();
      s.donors = {d};
      s.places = townships(2);
      const std::uint64_t what = rng_.below(3);
      Gift g = gift(d, what == 0 ? Kind::cash : Kind::in_kind, Status::disbursed);
      if (what == 2) {
        const auto& row = goods_row();
        s.item = row[0];
        s.unit = g.unit = row[1];
        s.counts = {goods_count(row)};
        g.lines = {line_qty(-1, s.counts[0])};
      } else {
        s.word = what == 0 ? rng_.pick(v.column("cash_word")) : rng_.pick(v.column("valued"));
        s.amounts = {draw_amount(10000, 3000000)};
        g.lines = {line_fen(-1, s.amounts[0])};
      }
      s.gifts = {g};
      break;
    }
    case Pattern::pledge: {
      const int d = donor_of();
      s.donors = {d};
      s.places = {recipient(true)};
      const bool building = rng_.chance(0.35);
      s.word = building ? rng_.pick(v.column("facility")) : rng_.pick(v.column("cash_word"));
      s.amounts = {draw_amount(50000, 3000000)};
      Gift g = gift(d, building ? Kind::in_kind : Kind::cash, Status::pledged);
      g.lines = {line_fen(s.places[0].township, s.amounts[0])};
      s.gifts = {g};
      break;
    }
    case Pattern::pledge_tranche: {
      const int d = donor_of();
      s.donors = {d};
      s.places = {PlaceRef{township(), -1, -1}};
      s.word = "帮扶资金";
      const std::int64_t pledge = rng_.between(10, 120) * 100000;  // yuan
      const std::int64_t first = pledge / rng_.between(2, 5) / 10000 * 10000;
      s.amounts = {pledge * 100, first * 100};
      s.counts = {rng_.between(2, 3)};
      Gift p = gift(d, Kind::cash, Status::pledged), t = gift(d, Kind::cash, Status::disbursed);
      p.lines = {line_fen(s.places[0].township, s.amounts[0])};
      t.lines = {line_fen(s.places[0].township, s.amounts[1])};
      t.note = "pledge_tranche first tranche";
      s.gifts = {p, t};
      break;
    }
    case Pattern::later_tranche: {
      const int d = rng_.chance(0.5) ? world_.district_donors[static_cast<std::size_t>(ctx.district)][0] : donor_of(true);
      s.donors = {d};
      s.places = {PlaceRef{township(), -1, -1}};
      s.word = rng_.pick(v.column("cash_word"));
      s.word2 = rng_.chance(0.5) ? "第二期" : "第三批";
      s.amounts = {draw_amount(50000, 1000000)};
      Gift g = gift(d, Kind::cash, Status::disbursed);
      g.lines = {line_fen(s.places[0].township, s.amounts[0])};
      s.gifts = {g};
      break;
    }
    case Pattern::year_total:
    case Pattern::since_total:
    case Pattern::this_year_total: {
      s.restatable = false;
      if (s.pattern == Pattern::year_total) {
        s.year = ctx.dateline.y - 1 - static_cast<int>(rng_.below(3));
        if (s.year < 2018) s.year = ctx.dateline.y - 1;
        if (s.year < 2018) return std::nullopt;
      }
      const int d = rng_.chance(0.6) ? world_.district_donors[static_cast<std::size_t>(ctx.district)][0] : donor_of();
      s.donors = {d};
      s.places = rng_.chance(0.3) ? townships(2) : std::vector<PlaceRef>{PlaceRef{township(), -1, -1}};
      const bool consumption = s.pattern != Pattern::since_total && rng_.chance(0.35);
      const bool goods = s.pattern == Pattern::since_total && rng_.chance(0.3);
      s.word = goods ? rng_.pick(v.column("valued")) : rng_.pick(v.column("cash_word"));
      s.amounts = {draw_amount(200000, 30000000)};
      Gift g = gift(d, consumption ? Kind::consumption : goods ? Kind::in_kind : Kind::cash, Status::disbursed);
      g.aggregate = true;
      g.year = s.pattern == Pattern::year_total ? std::to_string(s.year) : s.pattern == Pattern::since_total ? "?" : year;
      g.lines = {line_fen(s.places.size() == 1 ? s.places[0].township : -1, s.amounts[0])};
      s.gifts = {g};
      break;
    }
    case Pattern::buy:
    case Pattern::buy_pledge: {
      const int d = donor_of();
      s.donors = {d};
      s.places = {PlaceRef{township(), -1, -1}};
      auto produce = v.column("produce");
      rng_.shuffle(produce);
      s.item = produce[0];
      s.word = produce[1];
      s.amounts = {draw_amount(s.pattern == Pattern::buy ? 5000 : 100000, s.pattern == Pattern::buy ? 500000 : 3000000)};
      Gift g = gift(d, Kind::consumption, s.pattern == Pattern::buy ? Status::disbursed : Status::pledged);
      g.lines = {line_fen(s.places[0].township, s.amounts[0])};
      s.gifts = {g};
      s.restatable = s.pattern == Pattern::buy;
      break;
    }
  }
  if (!accept(s)) return std::nullopt;
  return s;
}

std::string GiftMaker::write(const Statement& s, const ArticleContext& ctx) {
  const auto& v = *world_.vocab;
  const bool county = rng_.chance(0.4);
  std::string out;
  // An opener now and then; 当天 and 活动中 keep the dateline's day.
  static const std::vector<std::string> openers = {"活动中，", "当天，", "仪式上，", "此外，", "同时，"};
  const bool opener = rng_.chance(0.3);
  auto money = [&](std::int64_t fen) { return generate::money(fen, rng_); };
  // A gift's one amount may be approximate (约, 余).
  auto money_about = [&](std::int64_t fen) { return generate::money(fen, rng_, {false, true, true}); };
  auto amounts_list = [&](const std::vector<std::int64_t>& xs) {
    std::string o;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (i > 0) o += (i + 1 == xs.size() && rng_.chance(0.4)) ? "和" : "、";
      o += generate::money(xs[i], rng_, {true, false, false});
    }
    return o;
  };
  const std::string G = s.donors.empty() ? std::string() : giver(s.donors[0], true);
  const std::string P = s.places.empty() ? std::string() : place(s.places[0], county);
  const int d0 = s.donors.empty() ? -1 : s.donors[0];
  const bool cash_to_people = s.word == "慰问金" || s.word == "助学金";
  switch (s.pattern) {
    case Pattern::cash_single: {
      if (cash_to_people) {
        out = fmt::format("{}为{}{}{}{}。", G, P, s.variant == 0 ? "发放" : "送去", s.word, money_about(s.amounts[0]));
      } else {
        static const std::vector<std::string> verbs = {"捐赠", "拨付", "捐助", "捐赠了", "划拨"};
        const std::string verb = rng_.pick(verbs);
        if (s.variant == 2)
          out = fmt::format("{}向{}{}{}{}，用于{}。", G, P, verb, s.word, money_about(s.amounts[0]), rng_.pick(v.column("cash_use")));
        else
          out = fmt::format("{}向{}{}{}{}。", G, P, verb, s.word, money_about(s.amounts[0]));
      }
      break;
    }
    case Pattern::goods_count:
      // 送去280个书包 is not read (个 before its noun counts villages and projects too): 书包280个.
      if (s.variant == 0 && s.unit != "个") out = fmt::format("{}为{}送去{}{}{}。", G, P, count_text(s.counts[0], rng_), s.unit, s.item);
      else out = fmt::format("{}向{}捐赠{}{}{}。", G, P, s.item, count_text(s.counts[0], rng_), s.unit);
      break;
    case Pattern::pronoun: {
      const std::string name = rng_.pick(world_.donors[static_cast<std::size_t>(d0)].written);
      out = fmt::format("{}{}。近日，该公司向{}捐赠{}{}{}。", name, s.word, P, s.item, count_text(s.counts[0], rng_), s.unit);
      return out;
    }
    case Pattern::goods_value:
      if (s.variant == 0) out = fmt::format("{}为{}送去价值{}的{}。", G, P, money_about(s.amounts[0]), s.item);
      else if (s.variant == 1) out = fmt::format("{}向{}捐赠{}价值{}。", G, P, s.item, money_about(s.amounts[0]));
      else out = fmt::format("{}向{}捐赠了一批价值{}的{}。", G, P, money_about(s.amounts[0]), s.item);
      break;
    case Pattern::value_count:
      out = fmt::format("{}向{}捐赠{}{}{}，价值{}。", G, P, s.item, count_text(s.counts[0], rng_), s.unit, money_about(s.amounts[0]));
      break;
    case Pattern::each: {
      const std::string T = places_list(s, county);
      const bool cash = s.gifts[0].kind == Kind::cash;
      if (cash && s.variant == 2) out = fmt::format("{}为{}拨付的{}均为{}。", G, T, s.word, money(s.amounts[0]));
      else if (cash) out = fmt::format("{}为{}各{}{}{}。", G, T, s.variant == 0 ? "拨付" : "送去", s.word, money(s.amounts[0]));
      else out = fmt::format("{}向{}各捐赠价值{}的{}。", G, T, money(s.amounts[0]), s.word);
      break;
    }
    case Pattern::paired: {
      const std::string T = places_list(s, county);
      if (s.gifts[0].kind == Kind::cash) {
        out = fmt::format("{}向{}分别{}{}{}。", G, T, s.variant == 0 ? "拨付" : "捐赠", s.word, amounts_list(s.amounts));
      } else {
        std::string counts;
        for (std::size_t i = 0; i < s.counts.size(); ++i)
          counts += (i == 0 ? "" : i + 1 == s.counts.size() && s.unit != "个" ? "和" : "、") + count_text(s.counts[i], rng_) + s.unit;
        out = fmt::format("{}向{}分别捐赠{}{}。", G, T, s.item, counts);
      }
      break;
    }
    case Pattern::givers_each: {
      const std::string a = rng_.pick(world_.donors[static_cast<std::size_t>(s.donors[0])].written);
      const std::string b = rng_.pick(world_.donors[static_cast<std::size_t>(s.donors[1])].written);
      out = fmt::format("{}、{}分别向{}捐赠{}{}。", a, b, P, s.word, amounts_list(s.amounts));
      break;
    }
    case Pattern::per_unit: {
      if (s.unit == "个行政村") {
        out = fmt::format("{}为{}{}{}{}捐赠{}{}。", G, P, count_text(s.counts[0], rng_), s.unit, s.word2, s.word, money(s.amounts[0]));
        break;
      }
      const std::string per = rng_.chance(0.2) ? chinese_number(s.amounts[0] / 100) + "元" : yuan_text(s.amounts[0]) + "元";
      if (s.gifts[0].kind == Kind::in_kind)
        out = fmt::format("{}为{}{}{}{}{}送去价值{}的{}。", G, P, count_text(s.counts[0], rng_), s.unit, s.item, s.word2, per, s.word);
      else
        out = fmt::format("{}为{}{}{}{}{}发放{}{}。", G, P, count_text(s.counts[0], rng_), s.unit, s.item, s.word2, s.word, per);
      break;
    }
    case Pattern::joint: {
      const auto& dist = v.districts[static_cast<std::size_t>(ctx.district)];
      const Donor& donor = world_.donors[static_cast<std::size_t>(d0)];
      const bool both_paired = dist.pairing_known && donor.family == ctx.district && s.places.size() == 2 &&
                               s.places[0].township == dist.paired[0] && s.places[1].township == dist.paired[1];
      const std::string T = both_paired && rng_.chance(0.5) ? std::string("两乡镇") : places_list(s, county);
      if (s.gifts[0].kind == Kind::cash)
        out = s.variant == 0 ? fmt::format("{}向{}拨付各类帮扶资金{}。", G, T, money_about(s.amounts[0]))
                             : fmt::format("{}向{}捐赠{}{}。", G, T, s.word, money_about(s.amounts[0]));
      else if (!s.counts.empty())
        out = fmt::format("{}向{}捐赠{}{}{}。", G, T, s.item, count_text(s.counts[0], rng_), s.unit);
      else
        out = fmt::format("{}向{}捐赠了一批价值{}的{}。", G, T, money_about(s.amounts[0]), s.word);
      break;
    }
    case Pattern::pledge: {
      if (s.gifts[0].kind == Kind::in_kind)
        out = fmt::format("{}将为{}捐建一座价值{}的{}。", G, P, money_about(s.amounts[0]), s.word);
      else if (s.variant == 0)
        out = fmt::format("{}将向{}投入{}{}。", G, P, s.word, money_about(s.amounts[0]));
      else if (s.variant == 1)
        out = fmt::format("{}计划向{}捐赠{}{}。", G, P, s.word, money_about(s.amounts[0]));
      else
        out = fmt::format("根据协议，{}将向{}捐赠{}{}。", G, P, s.word, money_about(s.amounts[0]));
      return out;
    }
    case Pattern::pledge_tranche: {
      const std::string years = s.counts[0] == 2 ? "两" : "三";
      if (s.variant == 0)
        out = fmt::format("{}承诺{}年内向{}投入{}{}，首期{}已于当月拨付到位。", G, years, P, s.word, money(s.amounts[0]), money(s.amounts[1]));
      else if (s.variant == 1)
        out = fmt::format("根据协议，{}将分{}年向{}提供{}{}，签约当天即拨付首批资金{}。", G, years, P, s.word, money(s.amounts[0]),
                          money(s.amounts[1]));
      else
        out = fmt::format("{}签约向{}捐赠{}{}，首批{}已拨付到位。", G, P, s.word, money(s.amounts[0]), money(s.amounts[1]));
      return out;
    }
    case Pattern::later_tranche:
      out = fmt::format("按照协议，{}本月向{}拨付{}{}{}。", G, P, s.word2, s.word, money(s.amounts[0]));
      return out;
    case Pattern::year_total:
    case Pattern::since_total:
    case Pattern::this_year_total: {
      const std::string T = s.places.size() == 1 ? P : places_list(s, county);
      const Kind kind = s.gifts[0].kind;
      std::string lead;
      if (s.pattern == Pattern::year_total)
        lead = s.year + 1 == ctx.dateline.y && rng_.chance(0.5) ? "去年全年" : fmt::format("{}年全年", s.year);
      else if (s.pattern == Pattern::this_year_total) lead = "今年以来";
      else lead = s.variant == 0 ? "结对以来" : s.variant == 1 ? "截至目前" : "多年来";
      if (kind == Kind::consumption)
        out = fmt::format("{}，{}通过消费帮扶{}购买{}农产品{}。", lead, G, s.pattern == Pattern::year_total ? "共" : "累计", T,
                          generate::money(s.amounts[0], rng_, {false, false, false}));
      else if (kind == Kind::in_kind)
        out = fmt::format("{}，{}已累计向{}捐赠{}价值{}。", lead, G, T, s.word, money(s.amounts[0]));
      else if (s.pattern == Pattern::year_total)
        out = fmt::format("{}，{}共向{}拨付{}{}。", lead, G, T, s.word, money(s.amounts[0]));
      else
        out = fmt::format("{}，{}累计向{}投入{}{}。", lead, G, T, s.word, money(s.amounts[0]));
      return out;
    }
    case Pattern::buy: {
      const std::string A = generate::money(s.amounts[0], rng_, {false, false, false});
      if (s.variant == 0) out = fmt::format("{}一次性购买{}{}、{}共计{}。", G, P, s.item, s.word, A);
      else if (s.variant == 1) out = fmt::format("{}通过消费帮扶认购{}{}等农特产品{}。", G, P, s.item, A);
      else out = fmt::format("{}采购{}{}、{}等农产品{}。", G, P, s.item, s.word, A);
      break;
    }
    case Pattern::buy_pledge: {
      const std::string A = generate::money(s.amounts[0], rng_, {false, false, false});
      if (s.variant == 0) out = fmt::format("{}计划全年采购{}农产品{}。", G, P, A);
      else out = fmt::format("{}将采购{}{}等农产品{}。", G, P, s.item, A);
      return out;
    }
  }
  if (opener) out = rng_.pick(openers) + out;
  return out;
}

std::string GiftMaker::restate(const Statement& s, const Day& page_date) {
  const auto& v = *world_.vocab;
  const std::string D = when(s.date, page_date, rng_);
  auto money = [&](std::int64_t fen) { return generate::money(fen, rng_); };
  auto name = [&](int donor) { return rng_.pick(world_.donors[static_cast<std::size_t>(donor)].written); };
  const std::string G = name(s.donors[0]);
  const std::string P = s.places.empty() ? std::string() : place(s.places[0], false);
  switch (s.pattern) {
    case Pattern::cash_single:
      return fmt::format("{}，{}向{}捐赠的{}{}已全部用于{}。", D, G, P, s.word, money(s.amounts[0]), rng_.pick(v.column("cash_use")));
    case Pattern::goods_count:
    case Pattern::pronoun:
      return fmt::format("{}，{}向{}捐赠的{}{}{}{}。", D, G, P, count_text(s.counts[0], rng_), s.unit, s.item,
                         rng_.pick(v.column("goods_fate")));
    case Pattern::goods_value:
    case Pattern::value_count:
      return fmt::format("{}，{}为{}送去的价值{}的{}{}。", D, G, P, money(s.amounts[0]), s.item, rng_.pick(v.column("goods_fate")));
    case Pattern::each:
      if (s.gifts[0].kind == Kind::cash)
        return fmt::format("{}，{}为{}各送去{}{}。", D, G, places_list(s, false), s.word, money(s.amounts[0]));
      return fmt::format("{}，{}向{}各捐赠了价值{}的{}。", D, G, places_list(s, false), money(s.amounts[0]), s.word);
    case Pattern::paired: {
      if (s.gifts[0].kind == Kind::cash) {
        std::string a;
        for (std::size_t i = 0; i < s.amounts.size(); ++i) a += (i ? "、" : "") + generate::money(s.amounts[i], rng_, {true, false, false});
        return fmt::format("{}，{}向{}分别拨付{}{}。", D, G, places_list(s, false), s.word, a);
      }
      std::string c;
      for (std::size_t i = 0; i < s.counts.size(); ++i) c += (i ? "、" : "") + std::to_string(s.counts[i]) + s.unit;
      return fmt::format("{}，{}向{}分别捐赠{}{}。", D, G, places_list(s, false), s.item, c);
    }
    case Pattern::givers_each:
      return fmt::format("{}，{}、{}分别向{}捐赠{}{}、{}。", D, G, name(s.donors[1]), P, s.word,
                         generate::money(s.amounts[0], rng_, {true, false, false}), generate::money(s.amounts[1], rng_, {true, false, false}));
    case Pattern::per_unit:
      if (s.unit == "个行政村")
        return fmt::format("{}，{}为{}{}{}{}捐赠{}{}。", D, G, P, s.counts[0], s.unit, s.word2, s.word, money(s.amounts[0]));
      if (s.gifts[0].kind == Kind::in_kind)
        return fmt::format("{}，{}为{}{}{}{}{}送去价值{}元的{}。", D, G, P, s.counts[0], s.unit, s.item, s.word2, yuan_text(s.amounts[0]),
                           s.word);
      return fmt::format("{}，{}为{}{}{}{}{}发放{}{}元。", D, G, P, s.counts[0], s.unit, s.item, s.word2, s.word, yuan_text(s.amounts[0]));
    case Pattern::joint:
      if (s.gifts[0].kind == Kind::cash)
        return fmt::format("{}，{}向{}捐赠的帮扶资金{}已全部用于{}。", D, G, places_list(s, false), money(s.amounts[0]),
                           rng_.pick(v.column("cash_use")));
      if (!s.counts.empty())
        return fmt::format("{}，{}向{}捐赠的{}{}{}{}。", D, G, places_list(s, false), s.counts[0], s.unit, s.item,
                           rng_.pick(v.column("goods_fate")));
      return fmt::format("{}，{}向{}捐赠了一批价值{}的{}。", D, G, places_list(s, false), money(s.amounts[0]), s.word);
    case Pattern::pledge:
      if (s.gifts[0].kind == Kind::in_kind)
        return fmt::format("{}，{}承诺为{}捐建一座价值{}的{}。", D, G, P, money(s.amounts[0]), s.word);
      return fmt::format("{}，{}承诺向{}投入{}{}。", D, G, P, s.word, money(s.amounts[0]));
    case Pattern::pledge_tranche:
      return fmt::format("{}，{}承诺向{}投入{}{}。", D, G, P, s.word, money(s.amounts[0]));
    case Pattern::later_tranche:
      return fmt::format("{}，{}向{}拨付的{}{}{}已全部用于{}。", D, G, P, s.word2, s.word, money(s.amounts[0]),
                         rng_.pick(v.column("cash_use")));
    case Pattern::buy:
      return fmt::format("{}，{}一次性购买{}{}、{}共计{}。", D, G, P, s.item, s.word, generate::money(s.amounts[0], rng_, {false, false, false}));
    default:
      return {};
  }
}

}  // namespace aidledger::generate
