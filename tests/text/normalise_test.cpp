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

TEST_CASE("an ASCII name's key, made without utf8proc, is the key utf8proc makes", "[normalise]") {
  // A non-ASCII letter at the end sends the same text down utf8proc's path; NFKC and case
  // folding leave 'é' as it is and do not join it to the ASCII before it.
  for (int c = 0; c < 128; ++c) {
    std::string s = std::string("Ab") + static_cast<char>(c) + "Zy";
    CAPTURE(c);
    CHECK(name_key(s + "\xC3\xA9") == name_key(s) + "\xC3\xA9");
  }
  CHECK(name_key("  APT\t\v 28\r\n") == "apt 28");
  std::string buf = "old content";
  dossier::text::name_key_into("Fancy  BEAR", buf);
  CHECK(buf == "fancy bear");
}
