#pragma once
// The one exception type of a run: a bad rule file, a database that cannot be opened, bad
// arguments. Thrown anywhere, caught once in main(), printed, exit code 1. A bad *document* is
// never a Fatal: it is a value (a failure row, a stderr line) and the run goes on.

#include <stdexcept>
#include <string>

namespace dossier {

class Fatal : public std::runtime_error {
 public:
  explicit Fatal(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace dossier
