#include "tests/support/corpus.hpp"

#include <fmt/format.h>

namespace dossier::testing {

void write_fined_corpus(const TempDir& t, int files, int folders) {
  const char* orgs[] = {"the ICO", "Ofcom", "Acme Ltd", "the Home Office", "Fancy Bear",
                        "Lazarus Group", "the FCA", "Barclays plc"};
  for (int i = 0; i < files; ++i) {
    std::string s;
    for (int k = 0; k < 8; ++k)
      s += fmt::format("On {} May 20{} {} said {} had been fined. ", 1 + (i + k) % 28,
                       10 + (i * 3 + k) % 15, orgs[(i + k) % 8], orgs[(i * 5 + k + 1) % 8]);
    std::string folder = folders > 1 ? fmt::format("{:02d}/", i % folders) : "";
    t.write(fmt::format("in/{}f{:05d}.txt", folder, i), s + "\n");
  }
}

}  // namespace dossier::testing
