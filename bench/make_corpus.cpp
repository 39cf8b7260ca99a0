// Writes a benchmark corpus: N MB of article files (2-20 KB each, one of several MB per 100 MB)
// cut from threat reports (JSONL {id,date,title,text}) and sample articles, with month names,
// days, years and gazetteer names substituted at random so the same text is not matched twice.
// Deterministic for a seed.
//
//   make_corpus --out DIR --mb N [--seed S] [--reports FILE.jsonl] [--samples DIR]
//               [--gazetteers DIR]

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench/gazetteer_names.hpp"

namespace fs = std::filesystem;
using dossier::bench::NamedAlias;

namespace {

struct Source {
  std::string title;
  std::string text;
};

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Substitutes names, months, days and years in `text`, drawing from `rng`.
class Varier {
 public:
  explicit Varier(std::map<std::string, std::vector<NamedAlias>> names) : names_(std::move(names)) {
    std::string alt;
    for (const auto& [kind, list] : names_) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].text.size() < 3) continue;
        index_.emplace(list[i].text, kind);
        if (!alt.empty()) alt += '|';
        alt += RE2::QuoteMeta(list[i].text);
      }
    }
    std::string months;
    for (const char* m : kMonths) months += std::string(months.empty() ? "" : "|") + m;
    // Longest first so "Microsoft Threat Intelligence" beats "Microsoft".
    RE2::Options o;
    o.set_longest_match(true);
    o.set_max_mem(256ll << 20);
    o.set_log_errors(false);
    re_ = std::make_unique<RE2>(
        fmt::format("\\b(?:(?:{}) \\d{{1,2}}\\b|\\d{{1,2}} (?:{})|(?:{})|(?:19|20)\\d\\d|{})\\b",
                    months, months, months, alt.empty() ? "(?!)" : alt),
        o);
    if (!re_->ok()) re_ = std::make_unique<RE2>("\\b(?:(?:19|20)\\d\\d)\\b", o);
  }

  std::string vary(std::string_view in, std::mt19937_64& rng) const {
    std::string out;
    out.reserve(in.size() + in.size() / 16);
    re2::StringPiece whole(in.data(), in.size()), m;
    std::size_t pos = 0;
    while (pos < in.size() && re_->Match(whole, pos, in.size(), RE2::UNANCHORED, &m, 1)) {
      std::size_t start = m.data() - in.data();
      out.append(in.substr(pos, start - pos));
      out += replacement(std::string_view(m.data(), m.size()), rng);
      pos = start + std::max<std::size_t>(m.size(), 1);
      if (m.empty()) out += in[start];
    }
    if (pos < in.size()) out.append(in.substr(pos));
    return out;
  }

 private:
  std::string replacement(std::string_view m, std::mt19937_64& rng) const {
    auto month = [&] { return std::string(kMonths[rng() % 12]); };
    auto day = [&] { return std::to_string(1 + rng() % 28); };
    if (auto it = index_.find(std::string(m)); it != index_.end()) {
      const auto& list = names_.at(it->second);
      if (rng() % 4 == 0) return std::string(m);  // keep some of the originals
      return list[rng() % list.size()].text;
    }
    if (m.size() == 4 && std::isdigit(static_cast<unsigned char>(m[0])))
      return std::to_string(2005 + rng() % 21);
    if (std::isdigit(static_cast<unsigned char>(m[0]))) return day() + " " + month();
    if (m.find(' ') != std::string_view::npos) return month() + " " + day();
    return month();
  }

  std::map<std::string, std::vector<NamedAlias>> names_;
  std::unordered_map<std::string, std::string> index_;  // alias -> kind
  std::unique_ptr<RE2> re_;
};

// A piece of `s` of about `want` bytes, starting and ending at a line boundary where possible.
std::string_view slice(const std::string& s, std::size_t want, std::mt19937_64& rng) {
  if (s.size() <= want) return s;
  std::size_t start = rng() % (s.size() - want);
  std::size_t nl = s.rfind('\n', start);
  start = nl == std::string::npos ? 0 : nl + 1;
  std::size_t end = std::min(s.size(), start + want);
  std::size_t nl2 = s.find('\n', end);
  end = nl2 == std::string::npos ? s.size() : nl2 + 1;
  return std::string_view(s).substr(start, end - start);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir, reports = "../shared/corpus/annoctr_reports.jsonl", samples = "data/samples",
                       gazetteers = "data/gazetteers";
  double mb = 10;
  std::uint64_t seed = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--out") out_dir = v;
    else if (a == "--mb") mb = std::stod(v);
    else if (a == "--seed") seed = std::stoull(v);
    else if (a == "--reports") reports = v;
    else if (a == "--samples") samples = v;
    else if (a == "--gazetteers") gazetteers = v;
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  if (out_dir.empty()) {
    std::fprintf(stderr,
                 "usage: make_corpus --out DIR --mb N [--seed S] [--reports F] [--samples D] "
                 "[--gazetteers D]\n");
    return 2;
  }
  std::vector<Source> sources;
  {
    std::ifstream in(reports);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text")) continue;
      sources.push_back({j.value("title", ""), j.value("text", "")});
    }
  }
  if (fs::is_directory(samples)) {
    std::vector<fs::path> ps;
    for (const auto& e : fs::directory_iterator(samples))
      if (e.is_regular_file()) ps.push_back(e.path());
    std::sort(ps.begin(), ps.end());
    for (const auto& p : ps) sources.push_back({"", slurp(p)});
  }
  if (sources.empty()) {
    std::fprintf(stderr, "no source texts (reports %s, samples %s)\n", reports.c_str(),
                 samples.c_str());
    return 1;
  }
  Varier varier(dossier::bench::gazetteer_names(gazetteers));
  std::mt19937_64 rng(seed);
  const std::uint64_t target = static_cast<std::uint64_t>(mb * 1024 * 1024);
  const std::uint64_t big_every = 100ull << 20;  // one file of several MB per 100 MB
  std::uint64_t written = 0, next_big = std::min<std::uint64_t>(target / 2, big_every / 2);
  std::size_t n = 0;
  fs::create_directories(out_dir);
  while (written < target) {
    std::size_t want;
    if (written >= next_big && target >= (8ull << 20)) {
      want = (2 + rng() % 4) << 20;
      next_big += big_every;
    } else {
      // 2-20 KB, more short articles than long ones.
      double u = std::uniform_real_distribution<double>(0, 1)(rng);
      want = static_cast<std::size_t>(2048 * std::pow(10.0, u));
    }
    std::string body;
    const Source* first = nullptr;
    while (body.size() < want) {
      const Source& s = sources[rng() % sources.size()];
      if (!first) first = &s;
      body += varier.vary(slice(s.text, want - body.size(), rng), rng);
      if (body.size() < want) body += "\n\n";
    }
    std::string doc;
    if (first && !first->title.empty()) doc += varier.vary(first->title, rng) + "\n";
    doc += fmt::format("Published {} {}, {}\n\n", kMonths[rng() % 12], 1 + rng() % 28,
                       2005 + rng() % 21);
    doc += body;
    fs::path dir = fs::path(out_dir) / fmt::format("d{:04}", n / 1000);
    if (n % 1000 == 0) fs::create_directories(dir);
    std::ofstream(dir / fmt::format("a{:07}.txt", n), std::ios::binary) << doc;
    written += doc.size();
    ++n;
  }
  std::printf("%zu files, %.1f MB in %s\n", n, written / 1048576.0, out_dir.c_str());
  return 0;
}
