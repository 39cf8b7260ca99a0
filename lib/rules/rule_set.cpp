#include "lib/rules/rule_set.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "lib/rules/rule_file.hpp"
#include "lib/util/sha256.hpp"

namespace dossier::rules {
namespace {

namespace fs = std::filesystem;

bool is_gazetteer(std::string_view text) {
  return text.find("[[entity]]") != std::string_view::npos;
}

}  // namespace

std::size_t RuleSet::rule_count() const {
  std::size_t n = 0;
  for (const auto& k : rules_) n += k.rules.size();
  return n;
}

std::shared_ptr<const RuleSet> RuleSet::load_texts(const std::vector<SourceFile>& files,
                                                   Diagnostics& diags) {
  auto set = std::make_shared<RuleSet>();
  set->file_count_ = files.size();
  for (int k = 0; k < 4; ++k) set->names_[k].gazetteer.set_kind(static_cast<Kind>(k));

  // The rule set's version: a hash of dossier's version and each file's name, size and text,
  // hashed as they come (joined first, a 100,000-entity gazetteer cost 11.5 MB more at the peak).
  util::Sha256 fingerprint;
  fingerprint.update(std::string("dossier ") + DOSSIER_VERSION + "\n");
  std::vector<RuleFile> rule_files;
  std::map<std::string, std::string> defines;
  std::map<std::string, SourcePos> define_pos;
  for (const SourceFile& f : files) {
    fingerprint.update(
        fmt::format("{}\n{}\n", fs::path(f.path).filename().string(), f.text.size()));
    fingerprint.update(f.text);
    fingerprint.update("\n");
    if (is_gazetteer(f.text)) {
      GazetteerFile g = parse_gazetteer_file(f.text, f.path, diags);
      if (g.kind) set->names_[static_cast<int>(*g.kind)].gazetteer.add(std::move(g.entities));
      continue;
    }
    RuleFile rf = parse_rule_file(f.text, f.path, diags);
    for (const auto& [name, value] : rf.defines) {
      auto it = defines.find(name);
      if (it != defines.end() && it->second != value) {
        const SourcePos& p = rf.define_pos[name];
        diags.push_back({p,
                         fmt::format("define {} differs from the one at {}:{}", name,
                                     define_pos[name].file, define_pos[name].line),
                         line_of_text(f.text, p.line)});
        continue;
      }
      defines[name] = value;
      define_pos[name] = rf.define_pos[name];
    }
    rule_files.push_back(std::move(rf));
  }
  set->version_ = fingerprint.hex().substr(0, 16);

  // Later files replace rules with the same id.
  std::map<std::string, std::pair<Kind, std::size_t>> by_id;
  for (RuleFile& rf : rule_files) {
    for (Rule& r : rf.rules) {
      if (r.id.empty() || r.pattern.empty()) continue;
      std::string unknown;
      r.pattern = expand_macros(r.pattern, defines, &unknown);
      if (!unknown.empty()) {
        diags.push_back({r.pattern_pos, fmt::format("unknown macro {{{}}}", unknown),
                         r.pattern_line});
        continue;
      }
      auto& list = set->rules_[static_cast<int>(r.kind)].rules;
      auto it = by_id.find(r.id);
      if (it != by_id.end() && it->second.first == r.kind) {
        list[it->second.second] = std::move(r);
      } else if (it != by_id.end()) {
        diags.push_back({r.pos, fmt::format("rule id {} is used by another kind", r.id), ""});
      } else {
        by_id[r.id] = {r.kind, list.size()};
        list.push_back(std::move(r));
      }
    }
  }

  for (auto& kr : set->rules_) {
    std::vector<Rule> kept;
    for (Rule& r : kr.rules) {
      std::string err;
      if (kr.scanner.add(r.pattern, &err) < 0) {
        diags.push_back({r.pattern_pos, "pattern does not compile: " + err, r.pattern_line});
        continue;
      }
      kept.push_back(std::move(r));
    }
    kr.rules = std::move(kept);
    std::string err;
    // RE2 keeps the DFA states a scan builds, up to this budget. Most kinds' DFAs stop growing
    // early (dates: 12 MB); the organisation rules' runs of capitalised words keep finding new
    // states (30 MB after 1 GB of text, still growing), so without a lower cap peak RSS grew
    // with the corpus. At 64 MB their cache is reset now and then instead (every 200-350 MB
    // of the bench corpus).
    if (!kr.scanner.compile(&err, PatternScanner::Identify::kPattern, 64ll << 20)) {
      diags.push_back({{"(rules)", 0, 0}, err, ""});
    }
  }

  for (auto& kn : set->names_) {
    kn.gazetteer.finish();
    // Longest aliases first (as the RE2 scan over them had it; its diagnostics came in this
    // order).
    std::vector<const Alias*> aliases;
    for (const Entity& e : kn.gazetteer.entities()) {
      for (const Alias& a : e.aliases) aliases.push_back(&a);
    }
    std::stable_sort(aliases.begin(), aliases.end(), [](const Alias* a, const Alias* b) {
      return a->text.size() > b->text.size();
    });
    for (const Alias* a : aliases) {
      std::string err;
      if (!kn.matcher.add(a->text, a->ignore_case, &err)) {
        diags.push_back({{"(gazetteer)", 0, 0}, fmt::format("alias '{}': {}", a->text, err), ""});
      }
    }
    kn.matcher.compile();
  }
  return set;
}

std::vector<fs::path> toml_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".toml") out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::shared_ptr<const RuleSet> RuleSet::load(const std::vector<fs::path>& dirs,
                                             Diagnostics& diags) {
  std::vector<SourceFile> files;
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      diags.push_back({{dir.string(), 0, 0}, "not a rules directory", ""});
      continue;
    }
    for (const fs::path& p : toml_files(dir)) {
      std::ifstream in(p, std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      if (!in) {
        diags.push_back({{p.string(), 0, 0}, "cannot read", ""});
        continue;
      }
      files.push_back({p.string(), ss.str()});
    }
  }
  return load_texts(files, diags);
}

fs::path builtin_data_dir() {
  if (const char* env = std::getenv("DOSSIER_DATA"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& cand : {exe.parent_path().parent_path() / "data",
                                 exe.parent_path().parent_path() / "share" / "dossier"}) {
      if (fs::is_directory(cand / "rules", ec)) return cand;
    }
  }
  return DOSSIER_DATA_DIR;
}

}  // namespace dossier::rules
