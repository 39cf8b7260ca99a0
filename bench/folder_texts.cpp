#include "bench/folder_texts.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lib/text/decode.hpp"

namespace dossier::bench {

std::vector<std::string> folder_texts(const std::string& dir, std::size_t max_bytes,
                                      std::size_t* bytes) {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  *bytes = 0;
  for (const auto& p : paths) {
    if (*bytes >= max_bytes) break;
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    text::Decoded d = text::decode(ss.str());
    if (!d.ok) continue;
    *bytes += d.text.size();
    texts.push_back(std::move(d.text));
  }
  return texts;
}

}  // namespace dossier::bench
