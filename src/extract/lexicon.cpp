#include "aidledger/extract/lexicon.hpp"

#include <array>
#include <stdexcept>

#include <fmt/format.h>

#include "aidledger/text/decode.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::data {
std::string_view lexicon();
}

namespace aidledger::extract {
namespace {

constexpr std::array<std::string_view, static_cast<std::size_t>(Cat::count_)> kNames = {
    "give", "give_paid", "buy", "consumption", "sale", "modal", "agreement", "paid", "tranche", "total",
    "cumulative", "occasion", "each", "per_unit", "value", "cash", "goods", "not_aid", "descriptor", "manner",
    "pronoun", "to", "arrive", "passive", "represent", "connective", "generic", "people", "subsum", "block", "act", "region",
    "here", "here_institution", "summary", "person_title", "own_area", "position", "raise", "hand_over", "target",
    "reach", "sold_out", "many_kinds", "according", "sentiment", "together", "for_someone", "local_government", "festival",
    "deal_sum", "purchase_money", "build", "cost", "member", "about", "also", "learn", "income"};

}  // namespace

std::string_view to_string(Cat c) { return kNames[static_cast<std::size_t>(c)]; }

void Lexicon::insert(std::string_view word, CatSet cats) {
  std::uint32_t node = 0;
  for (unsigned char ch : word) {
    if (trie_[node].next[ch] == 0) {
      trie_.push_back(Node{});
      trie_[node].next[ch] = static_cast<std::uint32_t>(trie_.size() - 1);
    }
    node = trie_[node].next[ch];
  }
  trie_[node].cats |= cats;
  words_[std::string(word)] |= cats;
}

Lexicon Lexicon::parse(std::string_view tsv, std::string_view source) {
  Lexicon lex;
  int line_no = 0;
  std::size_t start = 0;
  while (start <= tsv.size()) {
    std::size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0)
      throw std::runtime_error(fmt::format("{}:{}: expected a word and a category separated by a tab", source, line_no));
    const std::string_view name = text::trim(line.substr(tab + 1));
    CatSet cats = 0;
    for (std::size_t i = 0; i < kNames.size(); ++i)
      if (kNames[i] == name) cats = CatSet{1} << i;
    if (cats == 0) throw std::runtime_error(fmt::format("{}:{}: unknown category '{}'", source, line_no, name));
    // Pages are matched in Simplified script, so the entries are too.
    lex.insert(text::to_simplified(line.substr(0, tab)), cats);
    if (start > tsv.size()) break;
  }
  return lex;
}

const Lexicon& Lexicon::builtin() {
  static const Lexicon lex = parse(data::lexicon(), "data/lexicon.tsv");
  return lex;
}

CatSet Lexicon::categories(std::string_view word) const {
  auto it = words_.find(std::string(word));
  return it == words_.end() ? 0 : it->second;
}

std::vector<LexToken> Lexicon::scan(std::string_view text) const {
  std::vector<LexToken> out;
  for (std::size_t at = 0; at < text.size();) {
    // Longest entry starting here: walk the trie as far as the text allows.
    std::uint32_t node = 0;
    std::size_t best_end = 0;
    CatSet best = 0;
    for (std::size_t i = at; i < text.size(); ++i) {
      node = trie_[node].next[static_cast<unsigned char>(text[i])];
      if (node == 0) break;
      if (trie_[node].cats != 0) {
        best_end = i + 1;
        best = trie_[node].cats;
      }
    }
    if (best_end > 0) {
      if (best != bit(Cat::block)) out.push_back({{at, best_end}, best & ~bit(Cat::block)});
      at = best_end;
    } else {
      text::next_code_point(text, at);
    }
  }
  return out;
}

}  // namespace aidledger::extract
