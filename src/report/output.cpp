#include "aidledger/report/output.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace aidledger::report {
namespace {

namespace fs = std::filesystem;

// The mode a new file gets from open(…, 0666): what the umask allows.
mode_t default_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<mode_t>(0666 & ~mask);
}

}  // namespace

OutputFile::OutputFile(std::string target, Mode mode) : target_(std::move(target)), mode_(mode) {
  // A symbolic link keeps pointing where it did: the file it names is replaced.
  fs::path real(target_);
  std::error_code ec;
  if (fs::is_symlink(real, ec)) {
    if (auto resolved = fs::canonical(real, ec); !ec) real = resolved;
  }
  struct stat st {};
  mode_t file_mode = default_mode();
  if (::stat(real.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) fail("is a folder");
    if (!S_ISREG(st.st_mode)) direct_ = true;  // a device or a FIFO: written in place
    else file_mode = st.st_mode & 07777;
  }
  if (direct_) {
    path_ = real.string();
    if (mode_ == Mode::stream) {
      file_ = std::fopen(path_.c_str(), "wb");
      if (!file_) fail_errno("cannot open");
    }
    return;
  }
  const fs::path dir = real.parent_path().empty() ? fs::path(".") : real.parent_path();
  // (Built with append: GCC 12 warns falsely (-Wrestrict) on "." + std::string.)
  std::string name = ".";
  name.append(real.filename().string()).append(".tmp-XXXXXX");
  std::string templ = (dir / name).string();
  std::vector<char> buf(templ.begin(), templ.end());
  buf.push_back('\0');
  const int fd = ::mkstemp(buf.data());
  if (fd < 0) {
    const std::string reason = std::strerror(errno);
    fail(fmt::format("{} (cannot create a temporary file in {})", reason, dir.string()));
  }
  path_.assign(buf.data());
  ::fchmod(fd, file_mode);  // as the target has it (mkstemp makes 0600)
  if (mode_ == Mode::by_name) {
    ::close(fd);
    return;
  }
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    const int e = errno;
    ::close(fd);
    ::unlink(path_.c_str());
    errno = e;
    fail_errno("cannot open");
  }
}

OutputFile::~OutputFile() {
  if (file_) std::fclose(file_);
  if (!committed_ && !direct_ && !path_.empty()) ::unlink(path_.c_str());
}

void OutputFile::write(std::string_view bytes) {
  if (!file_) fail("not open for writing");
  if (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) fail_errno("cannot write");
}

void OutputFile::close() {
  if (closed_) return;
  closed_ = true;
  if (file_) {
    std::FILE* f = file_;
    file_ = nullptr;
    const bool flushed = std::fflush(f) == 0;
    const int flush_errno = errno;
    // fsync: the renamed file must hold its bytes after a crash. (A device or FIFO has no use
    // for it and may refuse it.)
    const bool synced = direct_ || ::fsync(::fileno(f)) == 0;
    const int sync_errno = errno;
    const bool closed = std::fclose(f) == 0;
    if (!flushed) {
      errno = flush_errno;
      fail_errno("cannot write");
    }
    if (!synced) {
      errno = sync_errno;
      fail_errno("cannot write");
    }
    if (!closed) fail_errno("cannot write");
  } else if (mode_ == Mode::by_name && !direct_) {
    // Written by a library: make sure its bytes are on disk before the rename.
    const int fd = ::open(path_.c_str(), O_RDONLY);
    if (fd < 0) fail_errno("cannot reopen the written file");
    const bool synced = ::fsync(fd) == 0;
    const int e = errno;
    ::close(fd);
    if (!synced) {
      errno = e;
      fail_errno("cannot write");
    }
  }
}

void OutputFile::commit() {
  close();
  if (direct_ || committed_) {
    committed_ = true;
    return;
  }
  fs::path real(target_);
  std::error_code ec;
  if (fs::is_symlink(real, ec)) {
    if (auto resolved = fs::canonical(real, ec); !ec) real = resolved;
  }
  if (std::rename(path_.c_str(), real.c_str()) != 0) fail_errno("cannot replace it");
  committed_ = true;
}

void OutputFile::fail(std::string_view why) const { throw std::runtime_error(fmt::format("{}: cannot write: {}", target_, why)); }

void OutputFile::fail_errno(std::string_view doing) const {
  const std::string reason = std::strerror(errno);
  throw std::runtime_error(fmt::format("{}: {}: {}", target_, doing, reason));
}

}  // namespace aidledger::report
