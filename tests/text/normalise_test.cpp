#include "lib/text/normalise.hpp"

#include <catch2/catch.hpp>

using dossier::text::name_key;

TEST_CASE("name keys fold case, apostrophes and white space", "[normalise]") {
  CHECK(name_key("Information Commissioner\xE2\x80\x99s  Office") ==
        "information commissioner's office");
  CHECK(name_key("INFORMATION COMMISSIONER'S\nOFFICE ") == "information commissioner's office");
  CHECK(name_key("  Midnight\tBlizzard") == "midnight blizzard");
}

TEST_CASE("name keys apply NFKC so ligatures and full-width letters compare equal", "[normalise]") {
  CHECK(name_key("\xEF\xAC\x81nance") == "finance");          // U+FB01 ligature fi
  CHECK(name_key("\xEF\xBC\xA1PT29") == "apt29");              // full-width A
}

TEST_CASE("name keys survive invalid UTF-8", "[normalise]") {
  CHECK(name_key("ab\xFF" "cd") == "ab\xEF\xBF\xBD" "cd");
}
