#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace dossier::util {

// Lower-case hex SHA-256 of `data` (OpenSSL).
std::string sha256_hex(std::string_view data);

// SHA-256 of bytes given in parts, without joining them: sha256_hex of their concatenation.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view part);
  // The lower-case hex digest of every part so far; call once.
  std::string hex();

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

}  // namespace dossier::util
