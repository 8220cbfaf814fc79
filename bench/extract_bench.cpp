// Extractor throughput: pages decoded once, then read by extract_page again and again on one
// thread; prints MB/s of page text (UTF-8 bytes) read. A measurement, not a test.
//
// usage: aidledger_extract_bench [--seconds N] FILE_OR_DIR...
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aidledger/extract/page.hpp"

namespace fs = std::filesystem;
using namespace aidledger;

int main(int argc, char** argv) {
  double seconds = 5.0;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) {
      seconds = std::stod(argv[++i]);
      continue;
    }
    if (fs::is_directory(a)) {
      for (const auto& e : fs::recursive_directory_iterator(a))
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: aidledger_extract_bench [--seconds N] FILE_OR_DIR...\n");
    return 2;
  }
  std::vector<text::Page> pages;
  std::size_t bytes = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto decoded = text::decode_page(f.string(), ss.str());
    if (!decoded.page) continue;
    bytes += decoded.page->text.size();
    pages.push_back(std::move(*decoded.page));
  }
  const auto& gazetteer = extract::Gazetteer::builtin();
  const auto& directory = extract::Directory::builtin();
  std::size_t reports = 0, rounds = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (const auto& p : pages) reports += extract::extract_page(p, gazetteer, directory).reports.size();
    ++rounds;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double mb = static_cast<double>(bytes) * static_cast<double>(rounds) / 1e6;
  // CPU time is what one core spent; wall time also counts waiting for a busy machine.
  std::printf("%zu pages, %.1f KB of text, %zu rounds in %.2f s wall, %.2f s CPU: %.2f MB/s of CPU time (%zu reports per round)\n",
              pages.size(), static_cast<double>(bytes) / 1e3, rounds, elapsed, cpu, mb / cpu, reports / rounds);
  return 0;
}
