// extract scans with a copy of the rules' programs per worker (rules::set_replica_slots), but no
// more copies than the machine has cores: only that many workers scan at once, and each copy
// holds ~50 MB of DFA states after a large folder (--jobs 8 on 2 cores made 4 copies and peaked
// at 301 MB; now 2 copies, 205 MB).

#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "lib/pipeline/commands.hpp"
#include "lib/rules/pattern_scanner.hpp"
#include "tests/support/run_binary.hpp"

using namespace dossier;

TEST_CASE("extract with more jobs than cores makes no more copies of the rules than cores",
          "[pipeline][memory]") {
  testing::TempDir t;
  t.write("in/a.txt", "The ICO fined Acme Ltd on 3 March 2024.\n");
  t.write("in/b.txt", "Fancy Bear struck on 1 April 2022.\n");
  pipeline::ExtractOptions o;
  o.paths = {(t.path() / "in").string()};
  o.jobs = 64;
  std::fflush(stdout);
  int saved = dup(1);
  int null = open("/dev/null", O_WRONLY);
  REQUIRE(null >= 0);
  dup2(null, 1);
  close(null);
  const int rc = pipeline::run_extract(o);
  std::fflush(stdout);
  dup2(saved, 1);
  close(saved);
  CHECK(rc == 0);
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  CHECK(rules::replica_slots() == std::min(cores, rules::kMaxReplicaSlots));
  rules::set_replica_slots(1);  // as the other tests expect it
}
