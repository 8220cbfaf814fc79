#include "aidledger/cli/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "aidledger/report/output.hpp"

namespace aidledger::cli {
namespace {

// What a file that is not a regular file is, for the message that refuses it; empty for a regular file.
std::string not_a_file(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "is a folder, not a file";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), not a file";
  if (S_ISSOCK(mode)) return "is a socket, not a file";
  if (S_ISCHR(mode)) return "is a character device, not a file";
  if (S_ISBLK(mode)) return "is a block device (a disk), not a file";
  return "is not a regular file";
}

// Why stat() failed on a path, in a user's words: a loop is called a loop.
std::string stat_failure(const std::string& path, int error) {
  if (error == ELOOP) return "a symlink loop (its links lead round in a circle)";
  if (error == ENOENT) {
    struct stat link;
    if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      std::error_code ec;
      const auto target = std::filesystem::read_symlink(path, ec);
      return fmt::format("a broken symlink (to {}, which does not exist)", ec ? std::string("?") : target.string());
    }
    return "no such file or folder";
  }
  return std::strerror(error);
}

class Walker {
 public:
  Walker(std::vector<std::string>& files, std::vector<std::string>& problems) : files_(files), problems_(problems) {}

  // A folder: each entry in turn; a link back to a folder being walked is a loop, reported and skipped.
  void folder(const std::filesystem::path& dir, const struct stat& self) {
    ancestors_.emplace_back(self.st_dev, self.st_ino);
    std::error_code ec;
    std::filesystem::directory_iterator it(dir, ec), end;
    if (ec) problem(dir.string(), fmt::format("cannot read the folder: {}", ec.message()));
    std::vector<std::filesystem::path> entries;  // in name order, so problems are reported in a stable order
    for (; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name[0] != '.') entries.push_back(it->path());  // hidden entries are skipped
    }
    if (ec && it != end) problem(dir.string(), fmt::format("cannot read the rest of the folder: {}", ec.message()));
    std::sort(entries.begin(), entries.end());
    for (const auto& e : entries) entry(e);
    ancestors_.pop_back();
  }

  void entry(const std::filesystem::path& p) {
    const std::string path = p.string();
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      problem(path, stat_failure(path, errno));
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      const auto at = std::find(ancestors_.begin(), ancestors_.end(), std::make_pair(st.st_dev, st.st_ino));
      if (at != ancestors_.end()) {
        problem(path, "a symlink loop (it leads back to a folder it is in)");
        return;
      }
      folder(p, st);
    } else if (S_ISREG(st.st_mode)) {
      files_.push_back(path);
    } else {
      problem(path, not_a_file(st.st_mode));
    }
  }

 private:
  void problem(const std::string& path, const std::string& reason) {
    problems_.push_back(fmt::format("{}: {}; skipped", path, reason));
  }
  std::vector<std::string>& files_;
  std::vector<std::string>& problems_;
  std::vector<std::pair<dev_t, ino_t>> ancestors_;
};

}  // namespace

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (1ull << 20)) return fmt::format("{:.1f} MiB ({} bytes)", static_cast<double>(bytes) / (1 << 20), bytes);
  if (bytes >= (1ull << 10)) return fmt::format("{:.1f} KiB ({} bytes)", static_cast<double>(bytes) / (1 << 10), bytes);
  return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
}

bool read_file(const std::string& path, std::string& out, std::string& error, std::uint64_t max_bytes) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    error = fmt::format("{}: cannot open: {}", path, stat_failure(path, errno));
    return false;
  }
  if (const std::string what = not_a_file(st.st_mode); !what.empty()) {
    error = fmt::format("{}: {}; not read", path, what);
    return false;
  }
  auto too_big = [&](std::uint64_t size) {
    error = fmt::format("{}: {} is over the size limit of {}; not read", path, size_text(size), size_text(max_bytes));
    return false;
  };
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) return too_big(static_cast<std::uint64_t>(st.st_size));
  // O_NONBLOCK: should the path have become a FIFO since stat, opening it does not hang.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = fmt::format("{}: cannot open: {}", path, std::strerror(errno));
    return false;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = fmt::format("{}: {}; not read", path, not_a_file(st.st_mode));
    return false;
  }
  // The size stat gave, read in place; then whatever more there is (a file still growing, or one whose
  // size the system does not know), in small pieces up to the limit.
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t have = 0;
  auto read_some = [&](char* into, std::size_t room) -> ssize_t {
    for (;;) {
      const ssize_t n = ::read(fd, into, room);
      if (n >= 0 || errno != EINTR) return n;
    }
  };
  while (have < bytes.size()) {
    const ssize_t n = read_some(bytes.data() + have, bytes.size() - have);
    if (n < 0) {
      error = fmt::format("{}: read error: {}", path, std::strerror(errno));
      return false;
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
  }
  bytes.resize(have);
  char piece[1 << 16];
  for (;;) {
    const ssize_t n = read_some(piece, sizeof piece);
    if (n < 0) {
      error = fmt::format("{}: read error: {}", path, std::strerror(errno));
      return false;
    }
    if (n == 0) break;
    if (bytes.size() + static_cast<std::size_t>(n) > max_bytes) return too_big(bytes.size() + static_cast<std::size_t>(n));
    bytes.append(piece, static_cast<std::size_t>(n));
  }
  out = std::move(bytes);
  return true;
}

bool write_file(const std::string& path, const std::string& bytes, std::string& error) {
  // One writer for every output: report::OutputFile writes beside the target and renames only
  // when the bytes are complete and synced, and its errors name the file and the system's reason.
  try {
    report::OutputFile out(path);
    out.write(bytes);
    out.commit();
    return true;
  } catch (const std::runtime_error& e) {
    error = e.what();
    return false;
  }
}

std::string recorded_path(const std::string& given) {
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(given, ec);
  return ec ? given : absolute.lexically_normal().string();
}

std::string shown_path(const std::string& recorded) {
  const std::filesystem::path p(recorded);
  if (!p.is_absolute()) return recorded;
  std::error_code ec;
  const auto here = std::filesystem::current_path(ec);
  if (ec) return recorded;
  const auto relative = p.lexically_relative(here);
  if (relative.empty() || *relative.begin() == "..") return recorded;
  return relative.string();
}

std::vector<std::string> collect_pages(const std::vector<std::string>& paths, std::vector<std::string>& problems) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::vector<std::string> found;
    Walker walk(found, problems);
    struct stat st;
    if (::stat(p.c_str(), &st) != 0) {
      problems.push_back(fmt::format("{}: {}", p, stat_failure(p, errno)));
    } else if (S_ISDIR(st.st_mode)) {
      walk.folder(p, st);
    } else {
      walk.entry(p);  // a file named on the command line is read even when hidden
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace aidledger::cli
