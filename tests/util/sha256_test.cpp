// The document hash stored in documents.sha256 and compared by ingest.
#include "lib/util/sha256.hpp"

#include <catch2/catch.hpp>
#include <string>

using dossier::util::sha256_hex;

TEST_CASE("sha256_hex is the lower-case hex digest (FIPS 180-2 test vectors)", "[sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex(std::string("a\0b", 3)) != sha256_hex("ab"));  // bytes, not a C string
}
