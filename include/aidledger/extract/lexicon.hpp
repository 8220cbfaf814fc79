// The extractor's phrase vocabulary (data/lexicon.tsv): each word with its categories, and a
// matcher that reads a text once, left to right, taking the longest entry at each place.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aidledger/text/document.hpp"

namespace aidledger::extract {

/// Word categories; a word may have several (捐款 gives and is money).
enum class Cat : std::uint8_t {
  give, give_paid, buy, consumption, sale, modal, agreement, paid, tranche, total, cumulative, occasion,
  each, per_unit, value, cash, goods, not_aid, descriptor, manner, pronoun, to, arrive, passive,
  represent, connective, generic, people, subsum, block, act, region, here, here_institution, summary, person_title, own_area, position, raise, hand_over, target, reach, sold_out, many_kinds, according, sentiment, together, for_someone, local_government, festival, deal_sum, purchase_money, build, cost, member, about, also, learn, income,
  count_  // number of categories
};
std::string_view to_string(Cat c);

using CatSet = std::uint64_t;
constexpr CatSet bit(Cat c) { return CatSet{1} << static_cast<unsigned>(c); }

struct LexToken {
  text::Span span;
  CatSet cats = 0;
  bool is(Cat c) const { return (cats & bit(c)) != 0; }
};

class Lexicon {
 public:
  /// Parses `word<TAB>category` lines; throws std::runtime_error naming `source` and the line.
  static Lexicon parse(std::string_view tsv, std::string_view source);
  /// The lexicon compiled into the binary (data/lexicon.tsv).
  static const Lexicon& builtin();

  /// Every entry found in `text`, in order and not overlapping: at each place the longest entry
  /// that starts there. Entries of category `block` are matched (so they shield the words inside
  /// them) but not returned.
  std::vector<LexToken> scan(std::string_view text) const;
  /// Categories of one word, 0 when it is not an entry.
  CatSet categories(std::string_view word) const;
  std::size_t size() const { return words_.size(); }

 private:
  // A byte trie with a full table per node: a few MB for the whole vocabulary, one array load per
  // byte when scanning.
  struct Node {
    std::array<std::uint32_t, 256> next{};  // 0: no child (the root is never a child)
    CatSet cats = 0;
  };
  void insert(std::string_view word, CatSet cats);
  std::vector<Node> trie_{Node{}};
  std::unordered_map<std::string, CatSet> words_;
};

}  // namespace aidledger::extract
