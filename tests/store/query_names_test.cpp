// Names compare ignoring case, curly vs straight apostrophes and extra spaces.

#include <catch2/catch.hpp>

#include "lib/store/queries.hpp"

using dossier::store::name_key;

TEST_CASE("curly and straight apostrophes and case give the same name key", "[store][names]") {
  CHECK(name_key("Information Commissioner\xE2\x80\x99s Office") ==
        name_key("information commissioner's office"));
  CHECK(name_key("  Cozy   Bear ") == "cozy bear");
  CHECK(name_key("APT29") == "apt29");
  CHECK(name_key("APT29") != name_key("APT28"));
}
