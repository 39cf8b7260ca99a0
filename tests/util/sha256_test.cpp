// The document hash stored in documents.sha256 and compared by ingest.
#include "lib/util/sha256.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

using dossier::util::Sha256;
using dossier::util::sha256_hex;

TEST_CASE("sha256_hex is the lower-case hex digest (FIPS 180-2 test vectors)", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(std::string("a\0b", 3)) != sha256_hex("ab"));  // bytes, not a C string
}

TEST_CASE("Sha256 over parts is sha256_hex of the parts joined", "[sha256]") {
  Sha256 empty;
  CHECK(empty.hex() == sha256_hex(""));
  Sha256 parts;
  for (std::string_view part : {std::string_view("a"), std::string_view(""), std::string_view("bc"),
                                std::string_view("\0d", 2)})
    parts.update(part);
  CHECK(parts.hex() == sha256_hex(std::string("abc\0d", 5)));
  // 200,000 bytes in parts of 7 (across SHA-256's 64-byte blocks).
  std::string whole;
  Sha256 many;
  for (int i = 0; i < 200000 / 7; ++i) {
    std::string part = std::to_string(1000000 + i).substr(0, 7);
    many.update(part);
    whole += part;
  }
  CHECK(many.hex() == sha256_hex(whole));
}
