// Decoding, normalisation with offsets back to the file, articles and sentences.
#include <doctest/doctest.h>

#include "aidledger/text/decode.hpp"
#include "aidledger/text/document.hpp"

using namespace aidledger::text;

namespace {
Page decode_ok(std::string_view bytes, std::string_view encoding = {}) {
  auto r = decode_page("test.txt", bytes, encoding);
  REQUIRE(r.page.has_value());
  return std::move(*r.page);
}
}  // namespace

TEST_CASE("UTF-8 with and without BOM; offsets are file offsets") {
  Page p = decode_ok("捐赠50万元");
  CHECK(p.encoding == "UTF-8");
  CHECK(p.text == "捐赠50万元");
  Page b = decode_ok("\xEF\xBB\xBF捐赠50万元");
  CHECK(b.encoding == "UTF-8-BOM");
  CHECK(b.text == "捐赠50万元");
  const auto at = b.text.find("50");
  CHECK(b.file_offset(at) == 3 + 6);  // BOM + two 3-byte characters
}

TEST_CASE("GB18030 bytes decode, and offsets point into the GB18030 file") {
  // 高新区捐赠50万元 in GB18030: two bytes per Han character.
  const std::string gb = "\xB8\xDF\xD0\xC2\xC7\xF8\xBE\xE8\xD4\xF9" "50" "\xCD\xF2\xD4\xAA";
  Page p = decode_ok(gb);
  CHECK(p.encoding == "GB18030");
  CHECK(p.text == "高新区捐赠50万元");
  CHECK(p.file_offset(p.text.find("50")) == 10);
  CHECK(p.file_offset(p.text.size()) == gb.size());
}

TEST_CASE("UTF-16 with BOM, CRLF line ends") {
  const std::string le("\xFF\xFE" "A\0\r\0\n\0B\0", 10);
  Page p = decode_ok(le);
  CHECK(p.encoding == "UTF-16LE");
  CHECK(p.text == "A\nB");
  CHECK(p.line_of(p.text.find('B')) == 2);
  CHECK(p.file_offset(p.text.find('B')) == 8);
}

TEST_CASE("full-width digits and punctuation become ASCII, but 。and 、 stay") {
  Page p = decode_ok("本报讯　１２月５日，捐赠３．５万元（现金）。甲、乙");
  CHECK(p.text == "本报讯 12月5日,捐赠3.5万元(现金)。甲、乙");
  // The original text is kept for evidence.
  CHECK(p.original_slice(0, p.text.size()) == "本报讯　１２月５日，捐赠３．５万元（现金）。甲、乙");
}

TEST_CASE("Traditional script is read as Simplified, the original kept") {
  Page p = decode_ok("鄭州高新區工會向湯河鄉捐贈圖書1200冊。");
  CHECK(p.script == "Hant");
  CHECK(p.text == "郑州高新区工会向汤河乡捐赠图书1200册。");
  CHECK(p.original_slice(0, p.text.find("向")) == "鄭州高新區工會");
  CHECK(to_simplified("徐家灣鄉") == "徐家湾乡");
  // Simplified text is left alone.
  CHECK(decode_ok("郑州高新区工会").script == "Hans");
}

TEST_CASE("every byte of the text maps to the start of the character it was made from") {
  // (The maps are kept as runs: a run of characters as long as their source breaks at ，-> , and at
  // CR LF -> LF; ½ -> 1⁄2 is one character made into three, each byte of them mapping to ½.)
  const Page p = decode_ok("甲，a½\r\n乙");
  REQUIRE(p.text == "甲,a1⁄2\n乙");
  const std::vector<std::size_t> exp = {0, 0, 0, 3, 6, 7, 7, 7, 7, 7, 10, 11, 11, 11, 14};
  std::vector<std::size_t> got;
  for (std::size_t pos = 0; pos <= p.text.size(); ++pos) got.push_back(p.file_offset(pos));
  CHECK(got == exp);
  CHECK(p.text_to_original.size() == p.text.size() + 1);
  CHECK(p.original_to_file.size() == p.original.size() + 1);
  CHECK(p.original_slice(0, 4) == "甲，");
  // GB18030: two bytes a character in the file, three in the text.
  const std::string gb = "\xbc\xd7\x61\xd2\xd2";  // 甲a乙
  const Page g = decode_ok(gb, "GB18030");
  REQUIRE(g.text == "甲a乙");
  got.clear();
  for (std::size_t pos = 0; pos <= g.text.size(); ++pos) got.push_back(g.file_offset(pos));
  CHECK(got == std::vector<std::size_t>{0, 0, 0, 2, 3, 3, 3, 5});
}

TEST_CASE("a UTF-8 page with a few damaged bytes is read, the bytes replaced and listed") {
  std::string page = "帮扶\n\n本报讯 2022年3月1日,高新区向官坡镇捐赠20万元。";
  for (int i = 0; i < 200; ++i) page += "这是一段没有数字的正文。";
  page[30] = '\xFF';                                   // one damaged byte inside 年
  page += "\xE6\x9C";                                  // a last character cut off
  Page p = decode_ok(page);
  CHECK(p.encoding == "UTF-8");
  CHECK(p.replaced_bytes == std::vector<std::size_t>{30, page.size() - 2});
  CHECK(p.text.find("\uFFFD") != std::string::npos);
  // Text that is mostly not UTF-8 is not read this way.
  auto r = decode_page("bad.txt", std::string(100, '\xFF'));
  CHECK(r.failure.has_value());
}

TEST_CASE("bytes that are no text are refused with the offset") {
  auto r = decode_page("bad.bin", std::string("abc\0def", 7));
  REQUIRE(r.failure.has_value());
  CHECK(r.failure->byte_offset == 3);
  auto forced = decode_page("bad.txt", "\xFF\xFF\xFF", "UTF-8");
  REQUIRE(forced.failure.has_value());
  CHECK(forced.failure->message.find("UTF-8") != std::string::npos);
}

TEST_CASE("a page splits into articles at datelines, headings and bylines") {
  const std::string page =
      "第一条新闻标题\n\n本报讯 5月1日,第一篇正文。\n\n记者 张三\n\n"
      "第二条新闻 标题\n\n第二篇没有电头的正文。\n\n【回顾】小标题\n\n第二篇继续。记者 李四 文/图\n\n"
      "# 第三条\n\n本报讯 第三篇。\n\n"
      "第四条标题\n副标题\n\n本报讯 6月2日,第四篇。\n";
  const auto arts = split_articles(page);
  REQUIRE(arts.size() == 4);
  CHECK(arts[0].title == "第一条新闻标题");
  CHECK(arts[1].title == "第二条新闻 标题");
  CHECK(arts[1].paragraphs.size() == 3);  // 【回顾】 continues the story
  CHECK(arts[2].title == "第三条");
  CHECK(arts[3].title == "第四条标题 副标题");
  CHECK(arts[3].seq == 4);
}

TEST_CASE("a line of bylines under the title opens the story; a byline after the body closes it") {
  const std::string page =
      "综述标题\n\n——副标题\n\n本报记者 王晓燕 通讯员 杜鹏\n\n2020年是收官之年。正文第一段。\n\n正文第二段。记者 王晓燕\n\n"
      "简讯标题\n\n本报讯 一段正文。（记者 李华）\n\n下一条标题\n\n本报讯 下一条正文。\n";
  const auto arts = split_articles(page);
  REQUIRE(arts.size() == 3);
  CHECK(arts[0].paragraphs.size() == 3);  // the byline line and both paragraphs
  CHECK(arts[1].title == "简讯标题");
  CHECK(arts[2].title == "下一条标题");
}

TEST_CASE("bylines") {
  CHECK(ends_with_byline("记者 孙庆辉"));
  CHECK(ends_with_byline("记者 李颖 孙庆辉 文/图"));
  CHECK(ends_with_byline("有力地提升了两乡镇脱贫攻坚的含金量。记者 孙庆辉"));
  CHECK(ends_with_byline("（记者 李华）"));
  CHECK(ends_with_byline("高新时报 方宝岭 文/图"));
  CHECK_FALSE(ends_with_byline("记者了解到,高新区捐赠了图书。"));
  // A township's office that sent the piece in closes it, in either kind of parentheses.
  CHECK(ends_with_byline("（双龙湾镇党政办供稿）"));
  CHECK(ends_with_byline("(汤河乡人民政府供稿)"));
  CHECK_FALSE(ends_with_byline("乡里把这篇供稿寄给了报社,又补充了两张照片和一段说明文字。"));
}

TEST_CASE("a township's piece closed by the office that sent it in is one article, not the next one's title") {
  const std::string page =
      "乡镇来稿 我乡学校用上新电脑\n\n6月3日,某公司为我乡西坡村小学捐赠电脑20台。\n\n（徐家湾乡党政办供稿）\n\n"
      "区农业农村局为东虎岭村送去树苗\n\n本报讯 上月,区农业农村局为东虎岭村送去树苗5000株。\n";
  const auto arts = split_articles(page);
  REQUIRE(arts.size() == 2);
  CHECK(arts[1].title == "区农业农村局为东虎岭村送去树苗");
  CHECK(arts[0].span.of(page).find("供稿") != std::string_view::npos);
}

TEST_CASE("a list's lead ending in a colon and each bulleted item after it are sentences of their own") {
  const std::string page = "捐赠一览\n\n本报讯 现将全年主要捐赠情况一览如下:\n\n◆甲公司:向乙校捐赠图书2000册。\n\n●丙协会:向丁村捐款5万元。\n";
  const auto arts = split_articles(page);
  REQUIRE(arts.size() == 1);
  const auto ss = split_sentences(page, arts[0]);
  REQUIRE(ss.size() == 3);
  CHECK(ss[0].text == "本报讯 现将全年主要捐赠情况一览如下:");
  CHECK(ss[1].text == "◆甲公司:向乙校捐赠图书2000册。");
}

TEST_CASE("sentences join lines broken by the print layout and map back to the page") {
  const std::string page = "标题\n\n本报讯 甲向乙捐赠\n\n图书100册。丙说:\"好!\"下一句;\n";
  const auto arts = split_articles(page);
  REQUIRE(arts.size() == 1);
  const auto ss = split_sentences(page, arts[0]);
  REQUIRE(ss.size() == 3);
  CHECK(ss[0].text == "本报讯 甲向乙捐赠图书100册。");
  const auto at = ss[0].text.find("图书");
  CHECK(page.substr(ss[0].page_offset(at), 6) == "图书");
  // Every byte of a sentence maps to that byte of the page, across the line break it joins.
  for (const auto& s : ss) {
    for (std::size_t i = 0; i < s.text.size(); ++i) CHECK(page[s.page_offset(i)] == s.text[i]);
    CHECK(s.page_offset(s.text.size()) == s.span.end);
  }
  CHECK(ss[0].runs.size() == 2);
  CHECK(ss[1].text == "丙说:\"好!\"");
  CHECK(split_segments("甲;乙;丙").size() == 3);
}
